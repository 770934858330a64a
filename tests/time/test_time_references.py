"""Vague references: PRESENT_REF ('now', 'currently'), PAST_REF, FUTURE_REF."""

from __future__ import annotations

import pytest
from time_helpers import ANCHOR, only, surfaces

from consistency.extract.time.engine import find_timexes


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The minister is in hospital right now.", "right now"),
        ("Prices have been rising for more than a month now.", "now"),
        ("The port is now the largest in the region.", "now"),
        ("The plant currently employs 300 people.", "currently"),
    ],
)
def test_now_is_the_present_reference_on_the_anchors_day(text: str, phrase: str) -> None:
    (t,) = [t for t in find_timexes(text, anchor=ANCHOR) if t.text == phrase]
    assert (t.value, t.time_start, t.time_end, t.direction) == (
        "PRESENT_REF",
        ANCHOR,
        ANCHOR,
        "same",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Now, the council says it will appeal.",
        "Now that the vote is over, talks can resume.",
    ],
)
def test_discourse_now_is_not_a_time(text: str) -> None:
    assert surfaces(text) == []


def test_now_without_an_anchor_keeps_its_value_but_is_unresolved() -> None:
    t = only("The port is now the largest in the region.", anchor=None)
    assert (t.value, t.resolved, t.time_start) == ("PRESENT_REF", False, None)


def test_recently_is_the_past_reference() -> None:
    t = only("The mayor recently resigned.")
    assert (t.value, t.time_end, t.direction) == ("PAST_REF", ANCHOR, "past")
