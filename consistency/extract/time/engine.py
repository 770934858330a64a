"""The temporal engine's pure core: text + anchor → normalized time expressions.

Every rule proposes candidates; the longest leftmost ones win; then a weekday is
joined to the date it names ("Wednesday (15/6/2022)"), offsets are joined to the
time or event they count from ("a day after February 24"), and each expression
gets its signal ("since"), modifier and direction relative to the anchor.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Final

from consistency.extract.time import intervals, patterns
from consistency.extract.time import rules_absolute as ab
from consistency.extract.time import rules_duration as du
from consistency.extract.time import rules_relative as rel
from consistency.extract.time.anaphora import TRIGGER_WORDS, join_anaphora
from consistency.extract.time.context import Context, TenseOf
from consistency.extract.time.holidays import HOLIDAYS
from consistency.extract.time.joins import (
    join_offsets,
    join_ranges,
    join_same_period,
    join_weekdays,
)
from consistency.extract.time.timex import DURATION, SET, Timex, evolve
from consistency.lang import vocab
from consistency.lang.calendar import MONTHS, WEEKDAYS, find_explicit_dates

Rule = Callable[[re.Match[str], Context], Timex | None]

#: a rule runs only when the text holds a word of each of its trigger groups
Triggers = tuple[frozenset[str], ...]


def _t(*groups: str) -> Triggers:
    return tuple(frozenset(g.split()) for g in groups)


@dataclass(frozen=True)
class Core:
    """The required word of a slow pattern, and how far before and after it a match
    of the whole pattern may reach: the pattern is searched only in that window."""

    pattern: re.Pattern[str]
    before: int
    after: int


#: (pattern, rule, priority, triggers, core): on equal spans the higher priority wins;
#: a rule with a core is run only in windows around the core's matches
RULES: Final[tuple[tuple[re.Pattern[str], Rule, int, Triggers, Core | None], ...]] = (
    (
        patterns.MONTH_YEAR,
        ab.month_year,
        8,
        _t("month", "yearish year"),
        Core(patterns.CORE_YEAR, 48, 2),
    ),
    (patterns.MONTH_DAY, ab.month_day, 8, _t("month", "digit"), None),
    (patterns.DAY_MONTH, ab.month_day, 8, _t("month", "digit"), None),
    (patterns.WEEK_OF_MONTH, ab.week_of_month, 9, _t("month", "unit"), None),
    (patterns.SHORT_NUMERIC, ab.short_numeric, 8, _t("numdate"), None),
    (patterns.HOLIDAY, ab.holiday, 7, _t("holiday"), Core(patterns.CORE_HOLIDAY, 6, 24)),
    (patterns.QUARTER, ab.quarter, 7, _t("quarter"), None),
    (patterns.HALF, ab.half, 7, _t("half"), None),
    (patterns.SEASON, ab.season, 6, _t("season"), Core(patterns.CORE_SEASON, 30, 24)),
    (patterns.DECADE, ab.decade, 6, _t("decade"), Core(patterns.CORE_DECADE, 30, 2)),
    (patterns.DAY_WORD, rel.day_word, 6, _t("dayword"), None),
    (patterns.PART_OF_DAY, rel.part_of_day, 6, _t("partday", "rel"), None),
    (patterns.WEEKDAY_REF, rel.weekday, 5, _t("weekday"), Core(patterns.CORE_WEEKDAY, 12, 16)),
    (patterns.UNIT_REF, rel.unit_ref, 6, _t("unit", "rel"), Core(patterns.CORE_UNIT, 45, 3)),
    (patterns.MOD_THE_UNIT, rel.mod_the_unit, 6, _t("unit", "modof"), None),
    (patterns.THE_WEEKEND, rel.the_weekend, 5, _t("weekend"), Core(patterns.CORE_WEEKEND, 6, 12)),
    (patterns.THE_DAY, rel.the_day, 4, _t("dayunit"), Core(patterns.CORE_THE_DAY, 16, 24)),
    (patterns.AGO, rel.ago, 7, _t("ago"), Core(patterns.CORE_AGO, 50, 1)),
    (patterns.OFFSET, du.offset, 7, _t("offset", "unit"), Core(patterns.CORE_OFFSET, 40, 6)),
    (patterns.REF, rel.reference, 5, _t("ref"), None),
    (patterns.DURATION, du.duration, 4, _t("unit", "num digit"), Core(patterns.CORE_UNIT, 55, 12)),
    (patterns.SPAN_UNIT, du.span_unit, 5, _t("unit", "span"), None),
    (patterns.SET_WORDS, du.set_words, 5, _t("set"), None),
    (patterns.RATE, du.rate, 6, _t("unit", "rate", "digit scale"), None),
    (patterns.MONTH_ALONE, ab.month_alone, 3, _t("month"), Core(patterns.CORE_MONTH, 32, 1)),
    (patterns.YEAR_RANGE, ab.year_range, 5, _t("yearish"), None),
    (patterns.SHORT_YEAR, ab.short_year, 4, _t("digit"), Core(patterns.CORE_SHORT_YEAR, 12, 2)),
    (patterns.YEAR_ALONE, ab.year_alone, 3, _t("yearish"), Core(patterns.CORE_YEAR_DIGITS, 24, 4)),
)


def _category_words() -> dict[str, set[str]]:
    units = " ".join([*patterns.UNITS, "weekend"])
    groups = {
        "month": " ".join(MONTHS),
        "unit": units + " " + " ".join(u + "s" for u in units.split()) + " centuries",
        "year": "year",
        "holiday": " ".join(name.split()[0].removesuffix("'s") for name in HOLIDAYS),
        "weekend": "weekend",
        "dayunit": "day",
        "quarter": "quarter q",
        "half": "half",
        "season": "spring summer autumn fall winter",
        "dayword": "today tonight yesterday tomorrow",
        "partday": "morning afternoon evening night",
        "rel": "this last next coming previous current",
        "weekday": " ".join(w + s for w in WEEKDAYS if len(w) > 4 for s in ("", "s")),
        "modof": "start beginning middle end",
        "ago": "ago",
        "offset": "after before earlier later prior following",
        "ref": "recent recently lately currently nowadays now present coming few near",
        "num": " ".join(patterns.NUMBER_WORDS) + " " + " ".join(patterns.VAGUE_WORDS),
        "span": "past last",
        "set": "daily weekly monthly quarterly annually yearly every each per",
        "rate": "a an per",
        "scale": "million billion trillion thousand bn mn m k percent cent times once twice",
        "anaphora": TRIGGER_WORDS,
    }
    words: dict[str, set[str]] = {}
    for name, listed in groups.items():
        for word in listed.split():
            words.setdefault(word, set()).add(name)
    return words


_CATEGORIES: Final = {w: frozenset(c) for w, c in _category_words().items()}
_KNOWN: Final = frozenset(_CATEGORIES)
_WORDS: Final = re.compile(r"[a-z]+")
_DIGIT: Final = re.compile(r"\d")
#: a run of exactly four digits from 1500 to 2099
_YEARISH: Final = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
#: a numeric date's separator between two digits ("15/6", "2022-06")
_NUMERIC_HINT: Final = re.compile(r"\d[/.-]\d")


def categories(low: str) -> set[str]:
    """The trigger groups present in a lowercased text."""
    found: set[str] = set()
    for word in _KNOWN.intersection(_WORDS.findall(low)):
        found |= _CATEGORIES[word]
    if _DIGIT.search(low):
        found.add("digit")
        if _YEARISH.search(low):
            found.add("yearish")
        if "0s" in low or "0's" in low or "0\u2019s" in low:
            found.add("decade")
        if _NUMERIC_HINT.search(low):
            found.add("numdate")
    return found


@functools.lru_cache(maxsize=4096)
def _rules_for(
    present: frozenset[str],
) -> tuple[tuple[re.Pattern[str], Rule, int, Core | None], ...]:
    """The rules whose every trigger group the text holds (texts share few sets of groups)."""
    return tuple(
        (pattern, rule, priority, core)
        for pattern, rule, priority, triggers, core in RULES
        if not any(group.isdisjoint(present) for group in triggers)
    )


#: words before a date that bound it ("since May" is after May began)
_SIGNAL_MODS: Final = vocab.mapping("time_signals")


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
    low = _lower(text)
    ctx = Context(text, anchor, prefer, tense, low)
    present = categories(low)
    candidates: list[tuple[Timex, int]] = []
    if "yearish" in present and ("month" in present or "numdate" in present):
        candidates = [
            (ab.explicit(found, ctx), 9) for found in find_explicit_dates(text, prefer=prefer)
        ]
    for pattern, rule, priority, core in _rules_for(frozenset(present)):
        for m in pattern.finditer(low) if core is None else _core_matches(pattern, core, low):
            if m.end() > m.start():
                found = rule(m, ctx)
                if found is not None:
                    candidates.append((found, priority))
    chosen = _select(candidates)
    chosen = join_weekdays(text, chosen)
    chosen = join_offsets(text, chosen)
    chosen = join_ranges(text, chosen)
    chosen = join_same_period(text, chosen)
    if "anaphora" in present:
        chosen = join_anaphora(text, low, chosen, anchor)
    return [_finish(text, low, t, anchor) for t in chosen]


def _core_matches(pattern: re.Pattern[str], core: Core, low: str) -> Iterator[re.Match[str]]:
    """The pattern's matches holding a core match, found by searching the window around
    each core match (a slow pattern is never run over the whole text)."""
    last_end = -1
    for c in core.pattern.finditer(low):
        if c.start() < last_end:
            continue
        pos = max(0, c.start() - core.before, last_end)
        stop = min(len(low), c.end() + core.after)
        m = pattern.search(low, pos, stop)
        while m is not None and m.end() <= c.start():
            m = pattern.search(low, m.end() if m.end() > m.start() else m.start() + 1, stop)
        if m is not None and m.start() <= c.start() < m.end():
            last_end = m.end()
            yield m


def _lower(text: str) -> str:
    """The text lowercased with its offsets kept (a few characters grow when lowercased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


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


def _finish(text: str, low: str, t: Timex, anchor: date | None) -> Timex:
    """The signal word before an expression (and the modifier it implies), and the
    direction relative to the anchor: one copy of the timex at most."""
    changes: dict[str, object] = {}
    m = patterns.SIGNAL_BEFORE.search(low, max(0, t.start - 12), t.start)
    if m:
        signal = " ".join(m["signal"].split())
        plain = (
            t.type != "DURATION" and t.resolved and not (t.relative_to or "").startswith("event")
        )
        changes["signal"] = signal
        if t.mod is None and plain and signal in _SIGNAL_MODS:
            changes["mod"] = _SIGNAL_MODS[signal]
    if t.resolved and t.type not in (DURATION, SET) and t.direction is None:
        changes["direction"] = intervals.direction(t.time_start, t.time_end, anchor)
    return evolve(t, **changes) if changes else t
