"""Named days of the calendar: fixed dates and the few movable feasts news names often.

Each holiday is a function from a year to its day. Dates are facts of the
calendar (Easter by the Gregorian computus, Thanksgiving the fourth Thursday of
November ...).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Final


def easter(year: int) -> date:
    """Western Easter Sunday (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ``weekday`` (0 = Monday) of a month; ``n = -1`` for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


HOLIDAYS: Final[dict[str, Callable[[int], date]]] = {
    "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "valentine's day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "christmas eve": _fixed(12, 24),
    "christmas day": _fixed(12, 25),
    "christmas": _fixed(12, 25),
    "boxing day": _fixed(12, 26),
    "independence day": _fixed(7, 4),
    "bastille day": _fixed(7, 14),
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "easter": easter,
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "labour day": lambda y: nth_weekday(y, 9, 0, 1),
}
