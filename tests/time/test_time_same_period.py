"""'the same month a year ago': the period named before it, one year back."""

from __future__ import annotations

from datetime import date

import pytest
from time_helpers import surfaces

from consistency.extract.time.engine import find_timexes

ANCHOR = date(2009, 3, 3)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Sales fell 35% in January, compared to the same month a year ago.",
         "the same month a year ago", "2008-01"),
        ("Sales rose 43% in February compared to the same period last year.",
         "the same period last year", "2008-02"),
        ("In the third quarter, profit doubled from the same quarter a year earlier.",
         "the same quarter a year earlier", "2007-Q3"),
    ],
)  # fmt: skip
def test_same_period_steps_back_a_year(text: str, phrase: str, value: str) -> None:
    found = {t.text: t.value for t in find_timexes(text, anchor=ANCHOR)}
    assert found[phrase] == value


def test_plain_last_year_is_untouched() -> None:
    assert {t.text: t.value for t in find_timexes("Sales rose last year.", anchor=ANCHOR)} == {
        "last year": "2008"
    }


def test_same_period_with_nothing_named_before_stays_relative() -> None:
    assert surfaces("Sales rose compared to the same period last year.", anchor=ANCHOR) == [
        "last year"
    ]
