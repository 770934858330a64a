"""Verbs that report one kind of event across sources."""

from __future__ import annotations

import pytest

from consistency.lang.predicates import canonical_predicate, same_predicate


@pytest.mark.parametrize(("a", "b"), [("wound", "hurt"), ("injure", "Wound"), ("kill", "slay")])
def test_verbs_of_one_event_are_the_same_predicate(a: str, b: str) -> None:
    assert same_predicate(a, b)


@pytest.mark.parametrize(
    ("a", "b"), [("kill", "murder"), ("kill", "injure"), ("die", ""), ("", "")]
)
def test_verbs_of_different_events_are_not(a: str, b: str) -> None:
    assert not same_predicate(a, b)


def test_a_verb_outside_the_sets_is_its_own_name() -> None:
    assert (canonical_predicate("wound"), canonical_predicate("arrest")) == ("injure", "arrest")
