"""Periods named only by reference to the text or the report's own day.

- "the previous year", "the year before", "the year previous" count one year
  back from the last date the text gave ("$118 billion last year, $20 billion
  less than the year previous" → the year before last year); with no date
  before them, "the previous year" counts from the anchor and "the year
  before" is left to the narrative's previous date.
- "the entire year", "the whole year", "the full year" are the year of the
  last date given ("the fourth quarter of 2005 and a loss for the entire
  year" → 2005); with none, the anchor's year.
- "a second consecutive day", "the fourth week in a row", "their best week
  since November" are the report's own day, week, month, quarter or year: a
  run or a record that ends with the news.

Each replaces whatever narrower reading the rules gave the same words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Final

from consistency.extract.time import intervals
from consistency.extract.time import rules_relative as rel
from consistency.extract.time.timex import Timex, from_period, last_resolved_date

_ORDINAL: Final = (
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
)
_UNIT: Final = r"(?P<unit>day|week|month|quarter|year)"
_RECORD: Final = r"(?:best|worst|biggest|largest|sharpest|steepest|strongest|weakest|busiest)"

PREVIOUS_YEAR: Final = re.compile(
    r"\bthe\s+(?:previous|prior|preceding)\s+year\b|\bthe\s+year\s+(?:before|previous|prior)\b"
    r"(?=\s*(?:[.,;:)]|$|'s|\u2019s))",
    re.I,
)
WHOLE_YEAR: Final = re.compile(r"\bthe\s+(?:entire|whole|full)\s+year\b(?!-)", re.I)
RUN_TO_DATE: Final = re.compile(
    rf"\b{_ORDINAL}\s+(?:(?:straight|consecutive|successive)\s+{_UNIT}\b"
    rf"|(?P<row>day|week|month|quarter|year)\s+in\s+a\s+row\b)"
    rf"|\b{_RECORD}\s+(?P<record>day|week)\s+(?=since\b|on\s+record\b|in\s+(?:more|over|almost)\b)",
    re.I,
)
#: Words one of the readings needs: the engine skips this step for texts with none.
TRIGGER_WORDS: Final = (
    "previous prior preceding before entire whole full straight consecutive successive row "
    "best worst biggest largest sharpest steepest strongest weakest busiest"
)


def _year(start: int, end: int, text: str, year: int, choice: str) -> Timex:
    return from_period(start, end, text, intervals.year(year), year_choice=choice)


def _previous_year(
    m: re.Match[str], text: str, found: list[Timex], anchor: date | None
) -> Timex | None:
    base = last_resolved_date(found, before=m.start())
    if base is not None and base.time_start is not None:
        year = base.time_start.year - 1
        return _year(
            m.start(), m.end(), text[m.start() : m.end()], year, f"the year before {base.text!r}"
        )
    if anchor is None or " ".join(m[0].split()[:2]) == "the year":
        return None  # "the year before": the narrative's previous date, found later
    return _year(
        m.start(),
        m.end(),
        text[m.start() : m.end()],
        anchor.year - 1,
        "the year before the anchor's",
    )


def _whole_year(
    m: re.Match[str], text: str, found: list[Timex], anchor: date | None
) -> Timex | None:
    base = last_resolved_date(found, before=m.start())
    if base is not None and base.time_start is not None:
        year = base.time_start.year
        return _year(
            m.start(), m.end(), text[m.start() : m.end()], year, f"the year of {base.text!r}"
        )
    if anchor is None:
        return None
    return _year(m.start(), m.end(), text[m.start() : m.end()], anchor.year, "the anchor's year")


def _run_to_date(
    m: re.Match[str], text: str, found: list[Timex], anchor: date | None
) -> Timex | None:
    if anchor is None:
        return None
    unit = (m["unit"] or m["row"] or m["record"]).lower()
    period = intervals.day(anchor) if unit == "day" else rel.shifted(anchor, unit, 0)
    start, end = m.start(), (m.end("record") if m["record"] else m.end())
    return from_period(
        start, end, text[start:end], period, year_choice="a run or record up to the report"
    )


_READINGS: Final[tuple[tuple[re.Pattern[str], Callable[..., Timex | None]], ...]] = (
    (PREVIOUS_YEAR, _previous_year),
    (WHOLE_YEAR, _whole_year),
    (RUN_TO_DATE, _run_to_date),
)


def join_anaphora(text: str, low: str, found: list[Timex], anchor: date | None) -> list[Timex]:
    """``found`` with the periods above read against the text before them or the anchor."""
    out = found
    for pattern, read in _READINGS:
        for m in pattern.finditer(low):
            t = read(m, text, out, anchor)
            if t is None:
                continue
            out = [k for k in out if k.end <= t.start or t.end <= k.start]
            out.append(t)
            out.sort(key=lambda k: k.start)
    return out
