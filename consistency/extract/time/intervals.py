"""Calendar interval arithmetic: each function takes plain dates and returns plain values.

An interval is ``(start, end)``, both inclusive. Values are TIMEX3-style strings:
``2022-06-15``, ``2022-W23``, ``2022-W23-WE``, ``2022-06``, ``2021-Q3``, ``2021-H2``,
``2020-SU``, ``2021``, ``199`` (a decade), ``19`` (a century).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

Span = tuple[date, date]

SEASONS: Final[dict[str, str]] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
#: Meteorological seasons of the northern hemisphere: first month of each.
_SEASON_START: Final[dict[str, int]] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True)
class Period:
    """A resolved calendar period: TIMEX3 value, inclusive interval and granularity."""

    value: str
    start: date
    end: date
    granularity: str


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def shift_day(day: date, n: int) -> date:
    return day + timedelta(days=n)


def day(d: date) -> Period:
    return Period(d.isoformat(), d, d, "day")


def week(d: date) -> Period:
    """The ISO week (Monday to Sunday) holding ``d``."""
    monday = d - timedelta(days=d.weekday())
    iso_year, iso_week, _ = d.isocalendar()
    return Period(f"{iso_year}-W{iso_week:02d}", monday, monday + timedelta(days=6), "week")


def weekend(d: date) -> Period:
    """The Saturday and Sunday of the ISO week holding ``d``."""
    w = week(d)
    return Period(w.value + "-WE", w.start + timedelta(days=5), w.end, "weekend")


def month(year: int, m: int) -> Period:
    return Period(f"{year:04d}-{m:02d}", date(year, m, 1), month_end(year, m), "month")


def quarter(year: int, q: int) -> Period:
    first = 3 * (q - 1) + 1
    return Period(f"{year:04d}-Q{q}", date(year, first, 1), month_end(year, first + 2), "quarter")


def half(year: int, h: int) -> Period:
    first = 6 * (h - 1) + 1
    return Period(f"{year:04d}-H{h}", date(year, first, 1), month_end(year, first + 5), "half")


def season(year: int, code: str) -> Period:
    first = _SEASON_START[code]
    end_year, end_month = add_months(year, first, 2)
    return Period(
        f"{year:04d}-{code}", date(year, first, 1), month_end(end_year, end_month), "season"
    )


def year(y: int) -> Period:
    return Period(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year")


def decade(first_year: int) -> Period:
    d = first_year - first_year % 10
    return Period(f"{d // 10:03d}", date(d, 1, 1), date(d + 9, 12, 31), "decade")


def century(first_year: int) -> Period:
    c = first_year - first_year % 100
    return Period(f"{c // 100:02d}", date(c, 1, 1), date(c + 99, 12, 31), "century")


def part(period: Period, mod: str) -> Span:
    """The sub-interval a modifier picks: early/start the first third, mid the middle
    third, late/end the last third (by days); other modifiers keep the whole period."""
    days = (period.end - period.start).days + 1
    third = max(1, days // 3)
    if mod in ("early", "start"):
        return period.start, period.start + timedelta(days=third - 1)
    if mod == "mid":
        return period.start + timedelta(days=third), period.end - timedelta(days=third)
    if mod in ("late", "end"):
        return period.end - timedelta(days=third - 1), period.end
    return period.start, period.end


def direction(start: date | None, end: date | None, anchor: date | None) -> str | None:
    """past, same or future: where an interval lies relative to the anchor day."""
    if anchor is None or (start is None and end is None):
        return None
    if end is not None and end < anchor:
        return "past"
    if start is not None and start > anchor:
        return "future"
    return "same"


def latest_on_or_before(anchor: date, m: int, d: int | None = None) -> int:
    """The year of the latest (month, day) on or before ``anchor``."""
    key = (m, d or 1)
    return anchor.year if key <= (anchor.month, anchor.day) else anchor.year - 1


def next_on_or_after(anchor: date, m: int, d: int | None = None) -> int:
    """The year of the next (month, day) on or after ``anchor`` (a whole month counts
    when ``d`` is None and the anchor lies in it)."""
    if d is None:
        return anchor.year if m >= anchor.month else anchor.year + 1
    return anchor.year if (m, d) >= (anchor.month, anchor.day) else anchor.year + 1


def days_since_end(anchor: date, y: int, m: int, d: int | None = None) -> int:
    """Days from the end of (month, day) of year ``y`` (the whole month when ``d`` is
    None) to ``anchor``: positive when it ended before the anchor."""
    last = date(y, m, min(d, calendar.monthrange(y, m)[1])) if d else month_end(y, m)
    return (anchor - last).days


def nearest_year(anchor: date, m: int, d: int | None = None) -> int:
    """The year putting (month, day) closest to ``anchor``."""
    best = anchor.year
    best_gap: int | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        day_of = min(d or 15, calendar.monthrange(y, m)[1])
        gap = abs((date(y, m, day_of) - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def weekday_near(anchor: date, weekday: int, *, tense: str | None) -> date:
    """The weekday a bare weekday name means: the latest on or before the anchor for
    the past (and by default, the news convention), the next on or after for the future."""
    if tense == "future":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
