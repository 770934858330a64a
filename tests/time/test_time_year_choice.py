"""Implicit years: 'since' looks back; an invitation told in the past takes the nearest year."""

from __future__ import annotations

from datetime import date

import pytest
from time_helpers import fixed, only


def test_since_a_month_looks_back_whatever_the_clause_tense() -> None:
    # An article of 9 June 2007: "since December" is December 2006, not December 2007.
    found = only("Ryanair has been trying to take over the airline since December.",
                 anchor=date(2007, 6, 9), tense=fixed("present"))  # fmt: skip
    assert found.value == "2006-12"
    assert "since" in (found.year_choice or "")


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (date(2022, 6, 15), "2022-02"),  # four months back is nearer than eight ahead
        (date(2023, 1, 20), "2023-02"),  # a month ahead is nearer than eleven back
    ],
)
def test_invitation_told_in_the_past_takes_the_nearest_year(anchor: date, expected: str) -> None:
    found = only("He invited her to the opening in early February.", anchor=anchor,
                 tense=fixed("forward"))  # fmt: skip
    assert found.value == expected
    assert "nearest" in (found.year_choice or "")


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (date(2021, 9, 1), "2021-09-18"),  # ahead of the anchor: this year
        (date(2021, 10, 2), "2021-09-18"),  # passed two weeks ago: recycled copy, not 2022
        (date(2021, 12, 20), "2022-09-18"),  # passed three months ago: next year is meant
    ],
)
def test_a_future_date_that_passed_weeks_ago_keeps_the_anchors_year(
    anchor: date, expected: str
) -> None:
    """Regression: "will meet on September 18" in an article of 2 October was read as a
    date almost a year ahead, so a stale forward reference could never be seen."""
    found = only("The two will meet again in Geneva on September 18.", anchor=anchor,
                 tense=fixed("future"))  # fmt: skip
    assert found.value == expected
