"""Explicit calendar dates that carry a year ("15/6/2022", "June 15, 2022", "2022-06-15").

These need no anchor; the anchor finder reads them, and the temporal engine
builds on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from consistency.extract.time.trie import alternation

MONTHS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
#: Full weekday names, Monday first.
WEEKDAY_NAMES: Final = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
WEEKDAYS: Final[dict[str, int]] = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}

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
