"""The temporal engine's pure core: text + anchor → normalized time expressions.

Every rule proposes candidates; the longest leftmost ones win; then a weekday is
joined to the date it names ("Wednesday (15/6/2022)"), offsets are joined to the
time or event they count from ("a day after February 24"), and each expression
gets its signal ("since"), modifier and direction relative to the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Final

from consistency.extract.time import intervals, patterns
from consistency.extract.time import rules_absolute as ab
from consistency.extract.time import rules_duration as du
from consistency.extract.time import rules_relative as rel
from consistency.extract.time.context import Context, TenseOf
from consistency.extract.time.explicit import WEEKDAYS, find_explicit_dates
from consistency.extract.time.timex import Timex, with_direction
from consistency.extract.time.units import ahead, back

Rule = Callable[[re.Match[str], Context], Timex | None]

#: (pattern, rule, priority): on equal spans the higher priority wins
RULES: Final[tuple[tuple[re.Pattern[str], Rule, int], ...]] = (
    (patterns.MONTH_YEAR, ab.month_year, 8),
    (patterns.MONTH_DAY, ab.month_day, 8),
    (patterns.DAY_MONTH, ab.month_day, 8),
    (patterns.QUARTER, ab.quarter, 7),
    (patterns.HALF, ab.half, 7),
    (patterns.SEASON, ab.season, 6),
    (patterns.DECADE, ab.decade, 6),
    (patterns.DAY_WORD, rel.day_word, 6),
    (patterns.PART_OF_DAY, rel.part_of_day, 6),
    (patterns.WEEKDAY_REF, rel.weekday, 5),
    (patterns.UNIT_REF, rel.unit_ref, 6),
    (patterns.MOD_THE_UNIT, rel.mod_the_unit, 6),
    (patterns.AGO, rel.ago, 7),
    (patterns.OFFSET, du.offset, 7),
    (patterns.REF, rel.reference, 5),
    (patterns.DURATION, du.duration, 4),
    (patterns.SPAN_UNIT, du.span_unit, 5),
    (patterns.SET_WORDS, du.set_words, 5),
    (patterns.RATE, du.rate, 6),
    (patterns.MONTH_ALONE, ab.month_alone, 3),
    (patterns.YEAR_ALONE, ab.year_alone, 3),
)
_WEEKDAY_BEFORE: Final = re.compile(
    r"\b(?P<weekday>"
    + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
    + r")\.?,?\s*(?P<open>[(\[])?\s*$",
    re.I,
)
_SIGNAL_MODS: Final = {
    "since": "after",
    "after": "after",
    "before": "before",
    "until": "before",
    "till": "before",
    "by": "before",
    "around": "approx",
    "about": "approx",
    "circa": "approx",
}


def find_timexes(
    text: str,
    *,
    anchor: date | None,
    prefer: str = "dmy",
    tense: TenseOf | None = None,
) -> list[Timex]:
    """Every time expression in ``text``, resolved against ``anchor`` when relative.

    ``prefer`` decides ambiguous numeric dates ("dmy" or "mdy"); ``tense`` tells the
    tense of the clause governing a span (past, present, future), which picks the
    implicit year; without it, surface cues of the clause are read instead.
    """
    ctx = Context(text, anchor, prefer, tense)
    candidates: list[tuple[Timex, int]] = [
        (ab.explicit(found, ctx), 9) for found in find_explicit_dates(text, prefer=prefer)
    ]
    for pattern, rule, priority in RULES:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                found = rule(m, ctx)
                if found is not None:
                    candidates.append((found, priority))
    chosen = _select(candidates)
    chosen = _join_weekdays(text, chosen)
    chosen = _join_offsets(text, chosen)
    return [with_direction(_signal(text, t), anchor) for t in chosen]


def _select(candidates: list[tuple[Timex, int]]) -> list[Timex]:
    """Leftmost-longest, non-overlapping; priority breaks ties of equal spans."""
    candidates.sort(key=lambda c: (c[0].start, -(c[0].end - c[0].start), -c[1]))
    kept: list[Timex] = []
    for t, _ in candidates:
        if any(t.start < k.end and k.start < t.end for k in kept):
            continue
        kept.append(t)
    kept.sort(key=lambda t: t.start)
    return kept


def _join_weekdays(text: str, found: list[Timex]) -> list[Timex]:
    """ "Wednesday (15/6/2022)", "Saturday, 9 October 2011": one expression, the date's."""
    out: list[Timex] = []
    for t in found:
        if t.granularity == "day" and t.resolved and t.time_start and t.relative_to is None:
            m = _WEEKDAY_BEFORE.search(text, max(0, t.start - 16), t.start)
            if m and m["weekday"][0].isupper():
                while out and out[-1].end > m.start():
                    out.pop()
                end = t.end
                if m["open"] and text[end : end + 1] in ")]":
                    end += 1
                agrees = WEEKDAYS[m["weekday"].lower()] == t.time_start.weekday()
                note = t.year_choice or ("weekday agrees" if agrees else "weekday disagrees")
                t = replace(
                    t, start=m.start(), end=end, text=text[m.start() : end], year_choice=note
                )
        out.append(t)
    return out


def _join_offsets(text: str, found: list[Timex]) -> list[Timex]:
    out: list[Timex] = []
    skip: set[int] = set()
    for i, t in enumerate(found):
        if i in skip:
            continue
        if t.relative_to != "previous" or t.partial is None:
            out.append(t)
            continue
        amount_s, unit = t.partial.split()
        rel_word = t.text.split()[-1].lower()
        nxt = found[i + 1] if i + 1 < len(found) else None
        gap = text[t.end : nxt.start] if nxt else ""
        if nxt and nxt.resolved and nxt.time_start and re.fullmatch(r"\s*(?:the\s+)?", gap):
            joined = shift_timex(nxt, float(amount_s), unit)
            span_text = text[t.start : nxt.end]
            out.append(
                replace(
                    joined,
                    start=t.start,
                    end=nxt.end,
                    text=span_text,
                    relative_to=f"time: {nxt.text}",
                    partial=t.partial,
                )
            )
            skip.add(i + 1)
            continue
        if rel_word in ("after", "before", "following", "to") and patterns.EVENT_START.match(
            text, t.end
        ):
            stop = patterns.CLAUSE_END.search(text, t.end)
            end = stop.start() if stop else len(text)
            end = min(end, t.end + 90, nxt.start if nxt else len(text))
            clause = text[t.end : end]
            clause = re.sub(r"\s+(?:on|in|at|of|the)?\s*$", "", clause)
            end = t.end + len(clause)
            if (
                nxt
                and nxt.resolved
                and nxt.time_start
                and nxt.granularity == "day"
                and (nxt.start - end < 8)
            ):
                joined = shift_timex(nxt, float(amount_s), unit)
                out.append(
                    replace(
                        joined,
                        start=t.start,
                        end=end,
                        text=text[t.start : end],
                        relative_to=f"event: {clause.strip()} ({nxt.text})",
                        partial=t.partial,
                    )
                )
                continue
            out.append(
                replace(
                    t, end=end, text=text[t.start : end], relative_to=f"event: {clause.strip()}"
                )
            )
            continue
        out.append(t)
    return out


def shift_timex(base: Timex, amount: float, unit: str) -> Timex:
    """``base`` moved by ``amount`` units, kept at its own granularity."""
    assert base.time_start is not None
    n = int(amount)
    d = ahead(base.time_start, n, unit) if n >= 0 else back(base.time_start, -n, unit)
    if base.granularity == "day":
        period = intervals.day(d)
    elif base.granularity in ("week", "month", "quarter", "year"):
        period = rel.shifted(d, base.granularity, 0)
    else:
        return replace(base, value=None, resolved=False)
    return replace(
        base,
        value=period.value,
        time_start=period.start,
        time_end=period.end,
        mod=None,
        direction=None,
        year_choice=base.year_choice,
    )


def _signal(text: str, t: Timex) -> Timex:
    m = patterns.SIGNAL_BEFORE.search(text, max(0, t.start - 12), t.start)
    if not m:
        return t
    signal = " ".join(m["signal"].lower().split())
    plain = t.type != "DURATION" and t.resolved and not (t.relative_to or "").startswith("event")
    mod = t.mod or (_SIGNAL_MODS.get(signal) if plain else None)
    return replace(t, signal=signal, mod=mod)
