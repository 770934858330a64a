"""Interval arithmetic and the implicit-year helpers."""

from __future__ import annotations

from datetime import date

import pytest

from consistency.extract.time import intervals as iv


def test_iso_week_and_weekend() -> None:
    w = iv.week(date(2022, 6, 8))
    assert (w.value, w.start, w.end) == ("2022-W23", date(2022, 6, 6), date(2022, 6, 12))
    we = iv.weekend(date(2022, 6, 8))
    assert (we.value, we.start, we.end) == ("2022-W23-WE", date(2022, 6, 11), date(2022, 6, 12))


def test_iso_week_across_a_year_boundary() -> None:
    assert iv.week(date(2021, 1, 1)).value == "2020-W53"


@pytest.mark.parametrize(
    ("period", "value", "start", "end"),
    [
        (iv.month(2024, 2), "2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        (iv.quarter(2021, 4), "2021-Q4", date(2021, 10, 1), date(2021, 12, 31)),
        (iv.half(2021, 2), "2021-H2", date(2021, 7, 1), date(2021, 12, 31)),
        (iv.season(2020, "WI"), "2020-WI", date(2020, 12, 1), date(2021, 2, 28)),
        (iv.decade(1994), "199", date(1990, 1, 1), date(1999, 12, 31)),
        (iv.century(1994), "19", date(1900, 1, 1), date(1999, 12, 31)),
    ],
)
def test_periods(period: iv.Period, value: str, start: date, end: date) -> None:
    assert (period.value, period.start, period.end) == (value, start, end)


def test_parts_split_a_period_in_thirds() -> None:
    feb = iv.month(2022, 2)
    assert iv.part(feb, "early") == (date(2022, 2, 1), date(2022, 2, 9))
    assert iv.part(feb, "mid") == (date(2022, 2, 10), date(2022, 2, 19))
    assert iv.part(feb, "late") == (date(2022, 2, 20), date(2022, 2, 28))
    assert iv.part(feb, "approx") == (feb.start, feb.end)


def test_direction() -> None:
    a = date(2022, 6, 15)
    assert iv.direction(date(2022, 6, 1), date(2022, 6, 14), a) == "past"
    assert iv.direction(date(2022, 6, 1), date(2022, 6, 30), a) == "same"
    assert iv.direction(date(2022, 6, 16), None, a) == "future"
    assert iv.direction(date(2022, 6, 16), None, None) is None


def test_implicit_years() -> None:
    a = date(2022, 6, 15)
    assert iv.latest_on_or_before(a, 2, 24) == 2022
    assert iv.latest_on_or_before(a, 6, 16) == 2021
    assert iv.latest_on_or_before(a, 6) == 2022  # the anchor's own month counts
    assert iv.next_on_or_after(a, 6, 14) == 2023
    assert iv.next_on_or_after(a, 6) == 2022
    assert iv.nearest_year(a, 9, 1) == 2022
    assert iv.nearest_year(a, 12, 20) == 2021  # 177 days back beats 188 ahead
    assert iv.nearest_year(date(2022, 1, 10), 12, 20) == 2021


def test_weekday_near() -> None:
    a = date(2022, 6, 15)  # Wednesday
    assert iv.weekday_near(a, 0, tense="past") == date(2022, 6, 13)
    assert iv.weekday_near(a, 2, tense=None) == a
    assert iv.weekday_near(a, 4, tense="future") == date(2022, 6, 17)
