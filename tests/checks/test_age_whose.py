"""N004 reads whose age a figure gives before resolving the person."""

from __future__ import annotations

from consistency.checks.numeric.N004_age_conflict import _whose


def test_an_age_in_apposition_is_the_named_persons() -> None:
    row = {"subject": "Mayor Anna Berg", "object": "Mayor Anna Berg"}
    assert _whose(row) == ("Mayor Anna Berg", "Mayor Anna Berg")


def test_an_age_of_a_relative_is_the_relatives_not_the_possessors() -> None:
    row = {"subject": "Gomes", "object": "mother"}
    assert _whose(row) == ("mother",)


def test_an_age_with_a_title_inside_the_name_stays_the_persons() -> None:
    row = {"subject": "Mayor Anna Berg", "object": "mayor"}
    assert _whose(row) == ("Mayor Anna Berg", "mayor")
