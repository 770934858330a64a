"""Rules for durations ("three months", "more than a decade"), sets ("every year",
"$5bn a year") and offsets from another time or event ("a day after ...")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from consistency.extract.time.context import Context
from consistency.extract.time.timex import DATE, DURATION, SET, Timex
from consistency.extract.time.units import ahead, back, count_of, duration_value, unit_name
from consistency.lang import vocab

#: "more than", "up to" ...: one table with the numbers layer's figures
QUALIFIERS = vocab.mapping("qualifiers")
_SCALE_BEFORE = re.compile(
    r"(?:\d(?:bn|mn|m|k|tn)?|%|\b(?:million|billion|trillion|thousand|percent|cent|times|once|twice))"
    r"\)?\s+$",
    re.I,
)


_GERUND = re.compile(r"\s+[a-z]+ing\b")


def _span(m: re.Match[str], ctx: Context) -> tuple[int, int, str]:
    return m.start(), m.end(), ctx.text[m.start() : m.end()]


def _mod(q: str | None) -> str | None:
    if not q:
        return None
    q = " ".join(q.lower().split())
    return QUALIFIERS.get(q, "approx")


def duration(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "three months", "more than a decade", "the past two years", "a three-year deal"."""
    start, end, text = _span(m, ctx)
    unit = unit_name(m["unit"])
    n = count_of(m["n"])
    if n is not None and re.search(r"and[\s-]+a[\s-]+half", text, re.I):
        n += 0.5
    value = duration_value(n, unit)
    lo: date | None = None
    hi: date | None = None
    span = " ".join((m["span"] or "").lower().split())
    a = ctx.anchor
    if a is not None and n is not None and n == int(n):
        if span in ("the past", "the last", "the previous"):
            lo, hi = back(a, int(n), unit) + timedelta(days=1), a
        elif span in ("the next", "the coming"):
            lo, hi = a + timedelta(days=1), ahead(a, int(n), unit)
    direction = None
    if lo is not None and a is not None:
        direction = "past" if hi == a else "future"
    return Timex(
        start,
        end,
        text,
        DURATION,
        value,
        lo,
        hi,
        unit,
        _mod(m["q"]),
        direction=direction,
        relative_to="anchor" if lo else None,
    )


def span_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the past year", "the last decade": a duration of one unit ending at the anchor."""
    start, end, text = _span(m, ctx)
    unit = unit_name(m["unit"])
    a = ctx.anchor
    lo = back(a, 1, unit) + timedelta(days=1) if a else None
    return Timex(
        start,
        end,
        text,
        DURATION,
        duration_value(1, unit),
        lo,
        a,
        unit,
        direction="past" if a else None,
        relative_to="anchor",
    )


_SET_ADVERBS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "annually": "year",
    "yearly": "year",
}


def set_words(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "every year", "each week", "annually", "per month"."""
    start, end, text = _span(m, ctx)
    unit = _SET_ADVERBS[m["adv"].lower()] if m["adv"] else unit_name(m["unit"])
    return Timex(start, end, text, SET, duration_value(1, unit), granularity=unit)


def rate(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "$5bn a year", "three times a week": only right after an amount."""
    if not _SCALE_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()):
        return None
    start, end, text = _span(m, ctx)
    unit = unit_name(m["unit"])
    return Timex(start, end, text, SET, duration_value(1, unit), granularity=unit)


def offset(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "a day after", "the day before", "two weeks later": a time counted from something
    else. The engine joins it to a following expression, else to the event named after
    it, else leaves it relative to the previous date of the narrative."""
    start, end, text = _span(m, ctx)
    if m["the"] and _GERUND.match(ctx.text, end):
        return None  # "late in the day after falling": "after" belongs to the verb
    unit = unit_name(m["unit"])
    n = 1.0 if m["the"] else count_of(m["n"])
    rel = " ".join(m["rel"].lower().split())
    sign = -1 if rel in ("before", "earlier", "prior to") else 1
    amount = None if n is None else sign * n
    return Timex(
        start,
        end,
        text,
        DATE,
        None,
        granularity=unit if unit != "fortnight" else "week",
        resolved=False,
        relative_to="previous",
        partial=None if amount is None else f"{amount:+g} {unit}",
    )
