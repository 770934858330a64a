"""Holidays are data (lang/data/holidays.tsv): each named day is read from its rule, and
the engine finds every listed name, its trigger and core pattern built from the list."""

from __future__ import annotations

from datetime import date

import pytest

from consistency.extract.time.engine import find_timexes
from consistency.extract.time.holidays import HOLIDAYS, day_rule


@pytest.mark.parametrize(
    ("rule", "year", "day"),
    [
        ("12-25", 2021, date(2021, 12, 25)),
        ("easter", 2024, date(2024, 3, 31)),
        ("easter-2", 2024, date(2024, 3, 29)),
        ("easter+1", 2019, date(2019, 4, 22)),
        ("4th thursday of november", 2022, date(2022, 11, 24)),
        ("1st monday of september", 2019, date(2019, 9, 2)),
        ("last monday of may", 2022, date(2022, 5, 30)),
    ],
)
def test_day_rules(rule: str, year: int, day: date) -> None:
    assert day_rule(rule)(year) == day


def test_an_unreadable_rule_is_an_error() -> None:
    with pytest.raises(ValueError, match="cannot read"):
        day_rule("the day after the fair")


@pytest.mark.parametrize("name", sorted(HOLIDAYS))
def test_every_listed_holiday_is_found(name: str) -> None:
    written = " ".join(word[:1].upper() + word[1:] for word in name.split())
    (found,) = find_timexes(f"The shops closed on {written} 2019.", anchor=None)
    assert (found.text, found.value) == (f"{written} 2019", HOLIDAYS[name](2019).isoformat())
