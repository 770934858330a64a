"""Rules for expressions relative to the anchor: days, weekdays, "last week",
"two weeks ago", "the coming days"."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from consistency.extract.time import intervals
from consistency.extract.time.context import Context
from consistency.extract.time.intervals import Period
from consistency.extract.time.rules_absolute import capitalized, mod_of, original
from consistency.extract.time.timex import DATE, SET, TIME, Timex, from_period, unresolved
from consistency.extract.time.units import count_of, unit_name
from consistency.lang.calendar import WEEKDAY_NAMES, WEEKDAYS

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_BACK = ("last", "previous", "past")
#: "until Friday": a weekday something lasts until lies ahead
_UNTIL = re.compile(r"\b(?:until|till|through)\s+$")
_AHEAD = ("next", "coming")


def _span(m: re.Match[str], ctx: Context) -> tuple[int, int, str]:
    return m.start(), m.end(), ctx.text[m.start() : m.end()]


def _day_or_time(
    start: int, end: int, text: str, d: date, part: str | None, **extra: object
) -> Timex:
    """A day, or a part of that day (TIME, "2022-06-15TMO") when ``part`` is given."""
    t = from_period(start, end, text, intervals.day(d), **extra)
    if part:
        return replace(t, type=TIME, value=f"{t.value}T{PARTS_OF_DAY[part.lower()]}")
    return t


def day_word(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "today", "yesterday", "tomorrow", "tonight", "earlier today", "yesterday morning"."""
    start, end, text = _span(m, ctx)
    word = " ".join(m["word"].lower().split())
    part = m["part"] or ("night" if word == "tonight" else None)
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity="day", relative_to="anchor")
    d = ctx.anchor + timedelta(days=_DAY_OFFSETS[word])
    return _day_or_time(start, end, text, d, part, relative_to="anchor")


def part_of_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "this morning", "last night"."""
    start, end, text = _span(m, ctx)
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity="day", relative_to="anchor")
    back = m["rel"].lower() == "last"
    d = ctx.anchor - timedelta(days=1) if back else ctx.anchor
    return _day_or_time(start, end, text, d, m["part"], relative_to="anchor")


def weekday(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Wednesday", "last Friday", "next Monday", "Sunday night"; "Mondays" is a SET."""
    name = original(m, ctx, "weekday")
    if not capitalized(name) or name.lower() not in WEEKDAY_NAMES:
        return None
    start, end, text = _span(m, ctx)
    wd = WEEKDAYS[name.lower()]
    if m["plural"]:
        return Timex(start, end, text, SET, f"XXXX-WXX-{wd + 1}", granularity="day")
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity="day", relative_to="anchor")
    a = ctx.anchor
    rel = (m["rel"] or "").lower()
    tense = None
    if rel in _BACK:
        d = a - timedelta(days=(a.weekday() - wd - 1) % 7 + 1)
        choice = "'last': latest before the anchor"
    elif rel in _AHEAD:
        d = a + timedelta(days=(wd - a.weekday() - 1) % 7 + 1)
        choice = "'next': first after the anchor"
    elif rel in ("this", "current"):
        d = intervals.week(a).start + timedelta(days=wd)
        choice = "'this': the anchor's week"
    elif _UNTIL.search(ctx.low or ctx.text.lower(), max(0, start - 8), start):
        tense = "future"
        d = intervals.weekday_near(a, wd, tense=tense)
        choice = "'until': next on or after the anchor"
    else:
        tense = ctx.tense_at(start, end)
        d = intervals.weekday_near(a, wd, tense=tense)
        choice = (
            "future tense: next on or after the anchor"
            if tense == "future"
            else f"{tense or 'no'} tense: latest on or before the anchor"
        )
    return _day_or_time(
        start,
        end,
        text,
        d,
        m["part"],
        mod=mod_of(m),
        year_choice=choice,
        tense=tense,
        relative_to="anchor",
    )


def shifted(anchor: date, unit: str, n: int) -> Period:
    """The ``unit``-long period ``n`` units from the one holding ``anchor``."""
    if unit == "day":
        return intervals.day(anchor + timedelta(days=n))
    if unit == "week":
        return intervals.week(anchor + timedelta(weeks=n))
    if unit == "weekend":
        return intervals.weekend(anchor + timedelta(weeks=n))
    if unit == "month":
        y, mo = intervals.add_months(anchor.year, anchor.month, n)
        return intervals.month(y, mo)
    if unit == "quarter":
        y, mo = intervals.add_months(anchor.year, anchor.month, 3 * n)
        return intervals.quarter(y, (mo - 1) // 3 + 1)
    if unit == "year":
        return intervals.year(anchor.year + n)
    if unit == "decade":
        return intervals.decade(anchor.year + 10 * n)
    return intervals.century(anchor.year + 100 * n)


def _clip(t: Timex, lead: str | None, anchor: date) -> Timex:
    """ "earlier this month" ends at the anchor; "later this year" starts after it."""
    lead = (lead or "").lower()
    if lead == "earlier" and t.time_end and t.time_end > anchor:
        return replace(t, time_end=anchor, direction="past")
    if lead == "later" and t.time_start and t.time_start < anchor:
        return replace(t, time_start=anchor + timedelta(days=1), direction="future")
    return t


def unit_ref(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "last week", "this month", "next year", "late last year", "earlier this month"."""
    start, end, text = _span(m, ctx)
    unit = m["unit"].lower()
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity=unit, relative_to="anchor")
    rel = m["rel"].lower().split()[-1]
    n = -1 if rel in _BACK else 1 if rel in _AHEAD else 0
    if unit == "week" and n == -1 and ctx.anchor.weekday() == 6:
        n = 0  # on a Sunday, "last week" is the week now ending
    t = from_period(
        start, end, text, shifted(ctx.anchor, unit, n), mod=mod_of(m), relative_to="anchor"
    )
    return _clip(t, m["lead"], ctx.anchor)


def mod_the_unit(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the start of the year", "the end of the month": the anchor's own period."""
    start, end, text = _span(m, ctx)
    unit = m["unit"].lower()
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity=unit, relative_to="anchor")
    return from_period(
        start, end, text, shifted(ctx.anchor, unit, 0), mod=mod_of(m), relative_to="anchor"
    )


def ago(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "two weeks ago", "a decade ago", "about three years ago"."""
    start, end, text = _span(m, ctx)
    unit = unit_name(m["unit"])
    n = count_of(m["n"])
    q = " ".join((m["q"] or "").lower().split())
    mod = {"more than": "before", "over": "before", "less than": "after"}.get(
        q, "approx" if q else None
    )
    if ctx.anchor is None or n is None or n != int(n) or unit in ("hour", "minute"):
        if ctx.anchor is not None and unit in ("hour", "minute"):
            return from_period(start, end, text, intervals.day(ctx.anchor), relative_to="anchor")
        if ctx.anchor is not None:
            return Timex(
                start,
                end,
                text,
                DATE,
                "PAST_REF",
                None,
                ctx.anchor,
                None,
                direction="past",
                relative_to="anchor",
            )
        return unresolved(start, end, text, granularity=unit, relative_to="anchor")
    k = int(n)
    if unit in ("week", "fortnight"):
        period = intervals.day(ctx.anchor - timedelta(weeks=k * (2 if unit == "fortnight" else 1)))
    else:
        period = shifted(ctx.anchor, unit, -k)
    if unit in ("decade", "century"):
        period = intervals.year(period.start.year + ctx.anchor.year % 10)
    t = from_period(start, end, text, period, relative_to="anchor")
    return replace(t, mod=mod)


_HORIZON = {"days": 14, "weeks": 60, "months": 365, "years": 3650}


def reference(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "recently" (PAST_REF), "currently", "now" (PRESENT_REF: the anchor's day), "the coming
    days" (FUTURE_REF)."""
    start, end, text = _span(m, ctx)
    a = ctx.anchor
    if m["past"]:
        return Timex(
            start,
            end,
            text,
            DATE,
            "PAST_REF",
            None,
            a,
            None,
            direction="past" if a else None,
            resolved=a is not None,
            relative_to="anchor",
        )
    if m["present"]:
        return Timex(
            start,
            end,
            text,
            DATE,
            "PRESENT_REF",
            a,
            a,
            "day" if a else None,
            direction="same" if a else None,
            resolved=a is not None,
            relative_to="anchor",
        )
    days = _HORIZON.get((m["funit"] or "months").lower(), 365)
    lo = a + timedelta(days=1) if a else None
    hi = a + timedelta(days=days) if a else None
    return Timex(
        start,
        end,
        text,
        DATE,
        "FUTURE_REF",
        lo,
        hi,
        None,
        mod="approx",
        direction="future" if a else None,
        resolved=a is not None,
        relative_to="anchor",
    )


def the_weekend(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the weekend": the latest weekend on or before the anchor, the next in the future."""
    start, end, text = _span(m, ctx)
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity="weekend", relative_to="anchor")
    a = ctx.anchor
    tense = ctx.tense_at(start, end)
    if tense == "future":
        period = intervals.weekend(a)
    else:
        period = intervals.weekend(a if a.weekday() >= 5 else a - timedelta(days=7))
    return from_period(start, end, text, period, tense=tense, relative_to="anchor")


def the_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "to end the day", "later in the day", "for the day": the anchor's own day."""
    start, end = m.start("x"), m.end("x")
    text = ctx.text[start:end]
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity="day", relative_to="anchor")
    return from_period(
        start,
        end,
        text,
        intervals.day(ctx.anchor),
        relative_to="anchor",
        year_choice="'the day': the anchor's day",
    )
