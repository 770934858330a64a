"""Joining expressions the engine found next to each other: a weekday and the date
it names ("Wednesday (15/6/2022)"), an offset and the time or event it counts from
("a day after February 24", "a day after Russia launched its invasion")."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from consistency.extract.time import intervals, patterns
from consistency.extract.time import rules_relative as rel
from consistency.extract.time.timex import DATE, Timex, last_resolved_date
from consistency.extract.time.units import ahead, back
from consistency.lang import vocab
from consistency.lang.calendar import WrittenWeekday, weekday_before


def join_weekdays(text: str, found: list[Timex]) -> list[Timex]:
    """ "Wednesday (15/6/2022)", "Sunday, Dec. 6": one expression, the date's, that keeps
    the weekday as written. The weekday never moves the date: a yearless date keeps the
    year its clause gives it, and a weekday that disagrees is a finding (T003)."""
    out: list[Timex] = []
    for t in found:
        if t.granularity == "day" and t.resolved and t.time_start and t.type == "DATE":
            written = weekday_before(text, t.start, reach=16)
            if written is not None and written.capitalized:
                t = _joined(text, t, written)
                while out and out[-1].end > t.start:
                    out.pop()
        out.append(t)
    return out


def _joined(text: str, t: Timex, written: WrittenWeekday) -> Timex:
    assert t.time_start is not None
    end = t.end + (1 if written.bracket and text[t.end : t.end + 1] in ")]" else 0)
    agrees = "weekday agrees" if t.time_start.weekday() == written.weekday else "weekday disagrees"
    return replace(
        t,
        start=written.start,
        end=end,
        text=text[written.start : end],
        year_choice=t.year_choice or agrees,
        weekday=written.weekday,
    )


def join_offsets(text: str, found: list[Timex]) -> list[Timex]:
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
        if rel_word in ("after", "before", "following", "to") and _names_event(text, t.end):
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


#: finite verbs that, right after "a day before", show the offset ends its clause
_VERBS_AFTER: Final = vocab.words("offset_ending_verbs")


def _names_event(text: str, pos: int) -> bool:
    """An offset names an event when a noun phrase or a name follows it ("after Russia
    launched", "after rebels seized", "before his death"), not a verb ("before rose")."""
    m = re.match(r"\s+([A-Za-z][\w'’-]*)", text[pos : pos + 40])
    if not m:
        return False
    word = m[1]
    if word[0].isupper():
        return True
    low = word.lower()
    return not (low in _VERBS_AFTER or (low.endswith("ed") and len(low) > 4))


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


_RANGE_GAP: Final = re.compile(r"\s*(?P<word>-|–|—|to|until|till|through|and)\s*", re.I)
_RANGE_OPEN: Final = re.compile(r"\b(?P<word>from|between)\s+$", re.I)


def join_ranges(text: str, found: list[Timex]) -> list[Timex]:
    """ "from 2019 to 2021", "between April and June": each end keeps its own value
    (as TIMEX3 annotates them) and both record the range they bound."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if not (_plain(a) and _plain(b) and a.granularity == b.granularity):
            continue
        gap = _RANGE_GAP.fullmatch(text, a.end, b.start)
        if gap is None:
            continue
        opener = _RANGE_OPEN.search(text, max(0, a.start - 10), a.start)
        if gap["word"].lower() == "and" and not (opener and opener["word"].lower() == "between"):
            continue
        assert a.time_start is not None and b.time_end is not None
        if a.time_start > b.time_end:
            continue
        span = f"{a.value}/{b.value}"
        out[i], out[i + 1] = replace(a, range=span), replace(b, range=span)
    return out


def _plain(t: Timex) -> bool:
    return (
        t.resolved
        and t.type == DATE
        and t.value is not None
        and not t.value.endswith("_REF")
        and t.time_start is not None
        and t.time_end is not None
    )


_SAME_GRAINS: Final = {
    "day": ("day",),
    "week": ("week",),
    "month": ("month",),
    "quarter": ("quarter",),
    "period": ("day", "week", "month", "quarter", "half"),
    "time": ("day", "week", "month", "quarter", "half"),
}


def join_same_period(text: str, found: list[Timex]) -> list[Timex]:
    """ "in January, compared with the same month a year ago": the period named before,
    one year back, spanning the whole phrase."""
    out: list[Timex] = []
    for t in found:
        m = None
        if patterns.YEAR_BACK.search(t.text):
            m = patterns.SAME_PERIOD_BEFORE.search(text, max(0, t.start - 30), t.start)
        base = last_resolved_date(out, grains=_SAME_GRAINS[m["unit"].lower()]) if m else None
        if m and base is not None:
            moved = shift_timex(base, -1, "year")
            t = replace(
                moved,
                start=m.start(),
                end=t.end,
                text=text[m.start() : t.end],
                relative_to=f"previous: {base.text}",
                year_choice=f"the same {m['unit'].lower()} one year before {base.text!r}",
            )
        out.append(t)
    return out
