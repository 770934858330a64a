"""Named days of the calendar: fixed dates and the few movable feasts news names often.

Each holiday is a function from a year to its day, read from the rule the data file
``holidays.tsv`` gives it. Dates are facts of the calendar (Easter by the Gregorian
computus, Thanksgiving the fourth Thursday of November ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Final

from consistency.lang import vocab
from consistency.lang.calendar import MONTHS, WEEKDAYS


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


_NTH: Final = re.compile(r"(?P<n>1st|2nd|3rd|4th|5th|last) (?P<weekday>\w+) of (?P<month>\w+)")
_EASTER: Final = re.compile(r"easter(?P<days>[+-]\d+)?")
_FIXED: Final = re.compile(r"(?P<month>\d\d)-(?P<day>\d\d)")


def day_rule(rule: str) -> Callable[[int], date]:
    """A holiday's day as written in the data: "12-25" (fixed), "easter-2" (days from
    Easter Sunday), "4th thursday of november", "last monday of may"."""
    if m := _FIXED.fullmatch(rule):
        month, day = int(m["month"]), int(m["day"])
        return lambda year: date(year, month, day)
    if m := _EASTER.fullmatch(rule):
        days = int(m["days"] or 0)
        return lambda year: easter(year) + timedelta(days=days)
    if m := _NTH.fullmatch(rule):
        n = -1 if m["n"] == "last" else int(m["n"][0])
        month, weekday = MONTHS[m["month"]], WEEKDAYS[m["weekday"]]
        return lambda year: nth_weekday(year, month, weekday, n)
    raise ValueError(f"holidays: cannot read the day {rule!r}")


#: Holiday names (lower case) → the function from a year to the holiday's day.
HOLIDAYS: Final[dict[str, Callable[[int], date]]] = {
    name: day_rule(rule) for name, rule in vocab.mapping("holidays").items()
}
