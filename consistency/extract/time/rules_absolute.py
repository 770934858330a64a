"""Rules for calendar expressions: dates, months, years, decades, quarters, seasons.

Each rule takes a pattern match and the context and returns a Timex or None
(None: the candidate is not a time expression after all).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from consistency.extract.time import intervals, patterns
from consistency.extract.time.context import Context
from consistency.extract.time.holidays import HOLIDAYS
from consistency.extract.time.intervals import Period
from consistency.extract.time.timex import DATE, Timex, from_period, unresolved
from consistency.lang.calendar import MONTHS, ExplicitDate, numeric_date


def mod_of(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    word = groups.get("mod") or groups.get("modof")
    return patterns.MODS[word.lower()] if word else None


def capitalized(word: str) -> bool:
    return word[:1].isupper()


def original(m: re.Match[str], ctx: Context, group: str) -> str:
    """A group as written in the original text (patterns match the lowercased text)."""
    return ctx.text[m.start(group) : m.end(group)]


def year_word(m: re.Match[str], ctx: Context) -> int | None:
    """The year named by "this year", "last year", "the previous year" (needs the anchor)."""
    words = (m.groupdict().get("yrel") or "").lower().split()
    if ctx.anchor is None or not words:
        return None
    word = words[-1]
    return ctx.anchor.year + {"last": -1, "previous": -1, "next": 1}.get(word, 0)


def explicit(found: ExplicitDate, ctx: Context) -> Timex:
    choice = None
    if found.order:
        choice = f"numeric date read {found.order}" + (
            f" (ambiguous; source convention {ctx.prefer})" if found.ambiguous else ""
        )
    text = ctx.text[found.start : found.end]
    return from_period(found.start, found.end, text, intervals.day(found.value), year_choice=choice)


def _span(m: re.Match[str], ctx: Context) -> tuple[int, int, str]:
    return m.start(), m.end(), ctx.text[m.start() : m.end()]


def _safe(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def month_day(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "June 15", "15 June", "Feb. 24", "the 15th of June": the year is implicit."""
    if not capitalized(original(m, ctx, "month")):
        return None
    month, day_ = MONTHS[m["month"].lower().rstrip(".")], int(m["day"])
    if _safe(2000, month, day_) is None:
        return None
    start, end, text = _span(m, ctx)
    if ctx.anchor is None:
        return unresolved(
            start, end, text, granularity="day", partial=f"XXXX-{month:02d}-{day_:02d}"
        )
    y, choice, tense = ctx.year_for(start, end, month, day_)
    d = _safe(y, month, day_) or _safe(y - 1, month, day_)
    if d is None:
        return None
    return from_period(
        start, end, text, intervals.day(d), year_choice=choice, tense=tense, relative_to="anchor"
    )


def month_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "June 2022", "Oct. 2011", "September this year", "mid-June 2021"."""
    if not capitalized(original(m, ctx, "month")):
        return None
    start, end, text = _span(m, ctx)
    month = MONTHS[m["month"].lower().rstrip(".")]
    y = int(m["year"]) if m["year"] else year_word(m, ctx)
    if y is None:
        return unresolved(start, end, text, granularity="month", partial=f"XXXX-{month:02d}")
    return from_period(start, end, text, intervals.month(y, month), mod=mod_of(m))


def month_alone(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "in May", "early February", "last March", "Earlier in May"; not "May I", "march"."""
    name = original(m, ctx, "month")
    if not capitalized(name) or (len(name) <= 3 and name.lower() not in ("may",)):
        return None
    rel = (m["rel"] or "").lower()
    cue = patterns.MONTH_CUE.search(ctx.text, max(0, m.start() - 20), m.start())
    owner = len(name) > 3 and patterns.POSSESSIVE_BEFORE.search(
        ctx.text, max(0, m.start() - 8), m.start()
    )
    if not (rel or mod_of(m) or m["lead"] or cue or owner):
        return None
    start, end, text = _span(m, ctx)
    month = MONTHS[name.lower().rstrip(".")]
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity="month", partial=f"XXXX-{month:02d}")
    a = ctx.anchor
    tense = None
    if rel in ("last", "past", "previous"):
        y = a.year if month < a.month else a.year - 1
        choice = "'last': latest before the anchor's month"
    elif rel in ("next", "coming"):
        y = a.year if month > a.month else a.year + 1
        choice = "'next': first after the anchor's month"
    elif rel in ("this", "current"):
        y, choice = a.year, "'this': the anchor's year"
    elif (m["lead"] or "").lower() == "earlier":
        y = intervals.latest_on_or_before(a, month)
        choice, tense = "'earlier': latest on or before the anchor", "past"
    else:
        y, choice, tense = ctx.year_for(start, end, month)
    return from_period(
        start,
        end,
        text,
        intervals.month(y, month),
        mod=mod_of(m),
        year_choice=choice,
        tense=tense,
        relative_to="anchor",
    )


def week_of_month(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the last week of March", "the first week of June 2021": an ISO week."""
    if not capitalized(original(m, ctx, "month")):
        return None
    start, end, text = _span(m, ctx)
    month = MONTHS[m["month"].lower().rstrip(".")]
    if m["year"]:
        y = int(m["year"])
    elif ctx.anchor is None:
        return unresolved(start, end, text, granularity="week", partial=f"XXXX-{month:02d}")
    else:
        y, _, _ = ctx.year_for(start, end, month)
    first, last = date(y, month, 1), intervals.month_end(y, month)
    which = m["ord"]
    if which == "last":
        day_in = last - timedelta(days=3)  # the last week holding most of its days there
    else:
        n = patterns.ORDINALS[which] - 1
        day_in = first + timedelta(days=3 + 7 * n)
    return from_period(start, end, text, intervals.week(day_in), relative_to="anchor")


def year_alone(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "2019", "mid-2021", "late 2019", "the year 2000"; not "2019 people", "$2019"."""
    y = int(m["year"])
    mod = mod_of(m)
    if not mod and not 1800 <= y <= 2099:
        return None
    before = ctx.text[max(0, m.start("year") - 6) : m.start("year")]
    if patterns.CURRENCY_BEFORE.search(before):
        return None
    if patterns.COUNT_NOUN_AFTER.match(ctx.text, m.end()):
        return None
    if re.match(r"\s*(?:GMT|UTC|BST|EST|CET|hours|hrs|h\b|local\s+time)", ctx.text[m.end() :]):
        return None
    start, end, text = _span(m, ctx)
    return from_period(start, end, text, intervals.year(y), mod=mod)


def holiday(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Christmas", "Thanksgiving 2019", "last Easter": named days, capitalized."""
    name = original(m, ctx, "name")
    if not all(w[:1].isupper() for w in name.replace("'s", "").split()):
        return None
    day_of = HOLIDAYS[" ".join(m["name"].split())]
    start, end, text = _span(m, ctx)
    if m["year"]:
        return from_period(start, end, text, intervals.day(day_of(int(m["year"]))))
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity="day")
    a = ctx.anchor
    rel = (m["rel"] or "").lower()
    before = [d for d in (day_of(a.year - 1), day_of(a.year)) if d < a]
    after = [d for d in (day_of(a.year), day_of(a.year + 1)) if d > a]
    tense = None
    if rel == "last":
        d, choice = before[-1], "'last': latest before the anchor"
    elif rel == "next":
        d, choice = after[0], "'next': first after the anchor"
    elif rel == "this":
        d, choice = day_of(a.year), "'this': the anchor's year"
    else:
        y, choice, tense = ctx.year_for(start, end, day_of(a.year).month, day_of(a.year).day)
        d = day_of(y)
    return from_period(
        start, end, text, intervals.day(d), year_choice=choice, tense=tense, relative_to="anchor"
    )


def short_numeric(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "15/6/22": day and month ordered by the values or the source convention; the
    century is the one putting the year on or before the anchor's."""
    yy = int(m["yy"])
    now = (ctx.anchor or date.today()).year
    y = now - now % 100 + yy
    if y > now + 1:
        y -= 100
    decided = numeric_date(int(m["a"]), int(m["b"]), y, prefer=ctx.prefer)
    if decided is None:
        return None
    d, order, ambiguous = decided
    start, end, text = _span(m, ctx)
    choice = f"numeric date read {order}, two-digit year" + (
        f" (ambiguous; source convention {ctx.prefer})" if ambiguous else ""
    )
    return from_period(start, end, text, intervals.day(d), year_choice=choice)


def year_range(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "2019-2021", "2019–21", "the 2021/22 season": one expression over both years."""
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else y1 - y1 % 100 + int(m["y2"])
    if not y1 < y2 <= y1 + 50:
        return None
    start, end, text = _span(m, ctx)
    first, last = intervals.year(y1), intervals.year(y2)
    value = f"{first.value}/{last.value}"
    return Timex(start, end, text, DATE, value, first.start, last.end, "year", range=value)


def short_year(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "since '82": the century that puts the year on or before the anchor's."""
    yy = int(m["yy"])
    now = (ctx.anchor or date.today()).year
    y = now - now % 100 + yy
    if y > now:
        y -= 100
    start, end = m.start("x"), m.end("x")
    return from_period(
        start, end, ctx.text[start:end], intervals.year(y), year_choice="two-digit year"
    )


def decade(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the 1990s", "the '90s", "the mid-1980s"; not "in his 20s"."""
    text = ctx.text[m.start() : m.end()]
    d = int(m["decade"])
    if m["century"]:
        first = int(m["century"]) * 100 + d * 10
    else:
        before = ctx.text[max(0, m.start() - 8) : m.start()].lower().split()
        listed = bool(before) and before[-1] in ("in", "and", "or", "of", "the", "during")
        if not (text.lower().startswith("the") or "'" in text or "’" in text or listed):
            return None
        first = (2000 if d <= 1 else 1900) + d * 10
    return from_period(m.start(), m.end(), text, intervals.decade(first), mod=mod_of(m))


def quarter(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "Q3 2021", "the third quarter of 2021", "third-quarter", "the fourth quarter"."""
    q = int(m["q"]) if m["q"] else patterns.ORDINALS[m["ord"].lower()]
    start, end, text = _span(m, ctx)
    y = int(m["year"]) if m["year"] else year_word(m, ctx)
    if y is not None:
        return from_period(start, end, text, intervals.quarter(y, q))
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity="quarter", partial=f"XXXX-Q{q}")
    return _implicit(start, end, text, ctx, lambda yy: intervals.quarter(yy, q))


def half(m: re.Match[str], ctx: Context) -> Timex | None:
    h = 1 if m["ord"].lower() == "first" else 2
    start, end, text = _span(m, ctx)
    y = int(m["year"]) if m["year"] else year_word(m, ctx)
    if y is None:
        return unresolved(start, end, text, granularity="half", partial=f"XXXX-H{h}")
    return from_period(start, end, text, intervals.half(y, h))


def season(m: re.Match[str], ctx: Context) -> Timex | None:
    """ "the summer of 2020", "summer 2020", "last winter", "in the spring"; not "the fall"."""
    code = intervals.SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    start, end, text = _span(m, ctx)
    y = int(m["year"]) if m["year"] else year_word(m, ctx)
    if y is not None:
        return from_period(start, end, text, intervals.season(y, code), mod=mod_of(m))
    cue = patterns.MONTH_CUE.search(ctx.text, max(0, start - 20), start)
    if not rel and (
        code == "FA" or not cue or not text.lower().startswith(("the", "early", "mid", "late"))
    ):
        return None
    if ctx.anchor is None:
        return unresolved(start, end, text, granularity="season", partial=f"XXXX-{code}")
    a = ctx.anchor
    options = [intervals.season(yy, code) for yy in (a.year - 2, a.year - 1, a.year, a.year + 1)]
    if rel in ("last", "past", "previous"):
        period = [p for p in options if p.end < a][-1]
    elif rel in ("next", "coming"):
        period = next(p for p in options if p.start > a)
    elif rel in ("this", "current"):
        period = next((p for p in options if p.start <= a <= p.end), options[2])
    else:
        return _implicit(start, end, text, ctx, lambda yy: intervals.season(yy, code), mod_of(m))
    return from_period(start, end, text, period, mod=mod_of(m), relative_to="anchor")


def _implicit(
    start: int,
    end: int,
    text: str,
    ctx: Context,
    make: object,
    mod: str | None = None,
) -> Timex:
    """A yearless period placed by tense: the latest starting on or before the anchor
    (past), the first ending on or after it (future), else the anchor's year."""
    assert ctx.anchor is not None and callable(make)
    a = ctx.anchor
    options: list[Period] = [make(yy) for yy in (a.year - 1, a.year, a.year + 1)]
    tense = ctx.tense_at(start, end)
    if tense == "past":
        period = [p for p in options if p.start <= a][-1]
        choice = "past tense: latest on or before the anchor"
    elif tense == "future":
        period = next(p for p in options if p.end >= a)
        choice = "future tense: next on or after the anchor"
    else:
        period, choice = options[1], "no tense: the anchor's year"
    return from_period(
        start, end, text, period, mod=mod, year_choice=choice, tense=tense, relative_to="anchor"
    )
