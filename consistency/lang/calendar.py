"""The calendar the stages share: month and weekday names, explicit dates, weekdays
written next to a date.

Explicit dates carry a year ("15/6/2022", "June 15, 2022", "2022-06-15") and need
no anchor: the anchor finder reads them, and the temporal engine builds on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from consistency.lang import vocab
from consistency.lang.trie import alternation

#: Month names and abbreviations → month number (January 1).
MONTHS: Final[dict[str, int]] = vocab.mapping("months", int)
#: Weekday names and abbreviations → weekday number (Monday 0).
WEEKDAYS: Final[dict[str, int]] = vocab.mapping("weekdays", int)
#: Full weekday names, Monday first.
WEEKDAY_NAMES: Final = tuple(sorted((w for w in WEEKDAYS if len(w) > 4), key=lambda w: WEEKDAYS[w]))

_MONTH = r"(?P<month>" + alternation(MONTHS) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20|21)\d\d)"

ISO_DATE: Final = re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
NUMERIC_DATE: Final = re.compile(
    r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)" + _YEAR + r"(?![\d/-]|\.\d)"
)
#: " ," as well as "," before the year: tokenized copy puts a space before commas
MONTH_DAY_YEAR: Final = re.compile(
    r"\b" + _MONTH + r"\s+" + _DAY + r"\s?,?\s+" + _YEAR + r"\b", re.I
)
DAY_MONTH_YEAR: Final = re.compile(
    r"\b" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"\s?,?\s+" + _YEAR + r"\b", re.I
)


#: the same two patterns without re.I, matched against the lowercased text (faster)
_LOWER_FORMS: Final = (
    re.compile(MONTH_DAY_YEAR.pattern),
    re.compile(DAY_MONTH_YEAR.pattern),
)


@dataclass(frozen=True)
class ExplicitDate:
    start: int
    end: int
    value: date
    #: "dmy" or "mdy" for numeric dates whose order was decided; "" otherwise.
    order: str = ""
    ambiguous: bool = False


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def numeric_date(
    a: int, b: int, year: int, *, prefer: str = "dmy"
) -> tuple[date, str, bool] | None:
    """Decide the order of a numeric date: by the values when only one reading is valid,
    else by ``prefer`` (the source's own convention). Returns (date, order, ambiguous)."""
    dmy = _safe_date(year, b, a)
    mdy = _safe_date(year, a, b)
    if dmy and mdy:
        if dmy == mdy:
            return dmy, prefer, False
        return (dmy, "dmy", True) if prefer == "dmy" else (mdy, "mdy", True)
    if dmy:
        return dmy, "dmy", False
    if mdy:
        return mdy, "mdy", False
    return None


def find_explicit_dates(text: str, *, prefer: str = "dmy") -> list[ExplicitDate]:
    """Every full date (day, month and year) in ``text``, in order of position."""
    found: list[ExplicitDate] = []
    for m in ISO_DATE.finditer(text):
        d = _safe_date(int(m["year"]), int(m["m"]), int(m["d"]))
        if d:
            found.append(ExplicitDate(m.start(), m.end(), d))
    for m in NUMERIC_DATE.finditer(text):
        decided = numeric_date(int(m["a"]), int(m["b"]), int(m["year"]), prefer=prefer)
        if decided:
            found.append(ExplicitDate(m.start(), m.end(), decided[0], decided[1], decided[2]))
    low = text.lower()
    if len(low) == len(text):  # offsets kept: match the lowercased text
        forms, subject = _LOWER_FORMS, low
    else:
        forms, subject = (MONTH_DAY_YEAR, DAY_MONTH_YEAR), text
    for pattern in forms:
        for m in pattern.finditer(subject):
            d = _safe_date(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
            if d:
                found.append(ExplicitDate(m.start(), m.end(), d))
    found.sort(key=lambda e: (e.start, -e.end))
    kept: list[ExplicitDate] = []
    for item in found:
        if kept and item.start < kept[-1].end:
            continue
        kept.append(item)
    return kept


_WEEKDAY_ALTERNATION: Final = alternation(WEEKDAYS)
#: a weekday written just before a position: "Wednesday (", "Sunday, ", "Fri. "
_WEEKDAY_BEFORE: Final = re.compile(
    r"\b(?P<weekday>" + _WEEKDAY_ALTERNATION + r")\b\.?[ \t]?,?[ \t]*(?P<open>[(\[])?[ \t]*\Z",
    re.I,
)


@dataclass(frozen=True)
class WrittenWeekday:
    """A weekday name written just before a date: its number (Monday 0), where it
    starts, and whether it opens a bracket around the date ("Wednesday (15/6/2022)")."""

    weekday: int
    start: int
    bracket: bool
    #: the name as written starts with a capital ("Sunday", not "sunday")
    capitalized: bool


def weekday_before(text: str, start: int, *, reach: int = 20) -> WrittenWeekday | None:
    """The weekday name written just before offset ``start``, within ``reach`` characters."""
    m = _WEEKDAY_BEFORE.search(text, max(0, start - reach), start)
    if m is None:
        return None
    name = m["weekday"]
    return WrittenWeekday(WEEKDAYS[name.lower()], m.start(), bool(m["open"]), name[:1].isupper())


def weekday_pattern() -> str:
    """An alternation of every weekday name and abbreviation, for patterns elsewhere."""
    return _WEEKDAY_ALTERNATION
