"""Clock times: "3:42 a.m.", "15:42", "9.30 pm", "noon", "shortly after 3 a.m.",
"around 06:10 GMT", "4:30 p.m. local time", "10 a.m. ET".

:func:`find_clock_times` reads every time of day in a text as an interval of
minutes of the day as written, with the words that bound it ("shortly after"),
the zone written after it and, when the zone is a fixed one, its UTC offset. A
number with a dot ("9.30") is a time only in a time context ("shortly after
9.30", "at 9.30 on Tuesday"); "$9.30" and "rose 9.30 percent" never are. Shared
by the temporal extractor (times become facts) and the figure reader (a time is
never a quantity).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from itertools import pairwise
from typing import Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from consistency.lang import vocab
from consistency.lang.calendar import WEEKDAY_NAMES
from consistency.lang.trie import alternation

MINUTES_A_DAY: Final = 24 * 60

#: Zone names and abbreviations → a fixed offset ("+05:30") or a tz database zone.
ZONES: Final[dict[str, str]] = vocab.mapping("time_zones")
#: Places → the tz database zone whose clock their "local time" is.
PLACE_ZONES: Final[dict[str, str]] = vocab.mapping("place_zones")
#: Words before a time → (relation, minutes wide or None for open).
QUALIFIERS: Final[dict[str, tuple[str, int | None]]] = {
    row[0]: (row[1], None if row[2] == "open" else int(row[2]))
    for row in vocab.rows("clock_qualifiers")
}
#: Words before "at" or "to" that make the figure after them a level ("closed at 9.30").
LEVEL_WORDS: Final = vocab.words("level_verbs") | frozenset(vocab.mapping("change_words"))
#: Relations that tell when something happened (until and since bound a state).
EVENT_RELATIONS: Final = frozenset({"at", "approx", "after", "before"})
#: "11 at night" is 23:00, "2 at night" is 02:00
NIGHT_FROM: Final = 6

# Compiled patterns, together.
_AMPM = r"(?P<ampm>[ap])(?:\.\s?m\b\.?|m\b)"
_PART = r"(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night|o['\u2019]clock)"
CLOCK: Final = re.compile(
    r"(?<![\w.,:$\u20ac\u00a3\u00a5/-])"
    r"(?P<h>[01]?\d|2[0-3])(?:(?P<sep>[:.])(?P<m>[0-5]\d)(?P<sec>:[0-5]\d)?)?"
    rf"(?:\s?{_AMPM}|\s+{_PART})?"
    r"(?![\w%$\u20ac\u00a3]|[.:,]\d)",
    re.I,
)
#: "0610 GMT", "1830 GMT": four digits are a time when a zone follows
MILITARY: Final = re.compile(
    r"(?<![\w.,:$/-])(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)(?=\s*(?:GMT|UTC|Z\b|hrs\b|hours\b))"
)
NAMED: Final = re.compile(r"\b(?:(?P<twelve>12)\s+)?(?P<word>noon|midday|midnight)\b", re.I)
ZONE_AFTER: Final = re.compile(
    r"\s*(?P<open>\()?\s*(?:"
    rf"(?P<zone>{alternation(ZONES)})(?P<shift>\s?[+-]\s?\d{{1,2}}(?::?\d\d)?)?"
    rf"|(?P<place>{alternation(PLACE_ZONES)})\s+time"
    r"|(?P<local>local(?:\s+time)?)"
    r")\b\)?",
    re.I,
)
QUALIFIER_BEFORE: Final = re.compile(rf"\b(?P<qual>{alternation(QUALIFIERS)})\s+$", re.I)
#: words after a bare "9.30" that make it a time ("at 9.30 on Tuesday", "9.30 this morning")
_DAYS = "|".join(WEEKDAY_NAMES)
CUE_AFTER: Final = re.compile(
    r"\s*,?\s*(?:on\s+)?(?:"
    rf"{_DAYS}|today|tonight|yesterday|tomorrow|hrs\b|hours\b|local\b"
    r"|(?:this|that|last|yesterday|tomorrow|in\s+the|on\s+\w+)\s+(?:morning|afternoon|evening|night)"
    r")",
    re.I,
)
#: words before "at 9.30" that make it a time ("on Tuesday at 9.30", "yesterday at 9.30")
CUE_BEFORE: Final = re.compile(
    rf"\b(?:{_DAYS}|today|tonight|yesterday|tomorrow|morning|afternoon|evening|night)\s*,?\s+$",
    re.I,
)
#: words before a bare "9.30" that may open a time: "after", "at", "by", "shortly after" ...
TIME_PREPOSITION: Final = re.compile(
    rf"\b(?P<qual>{alternation(QUALIFIERS)}|at)\s+$",
    re.I,
)
#: words before "2:05" that make it a duration ("won in 2:05", "a time of 2:05")
DURATION_BEFORE: Final = re.compile(r"\b(?:in|of|clocked|timed|ran|record)\s+$", re.I)
#: the word before a preposition ("closed" in "closed at")
WORD_BEFORE: Final = re.compile(r"(?P<word>[a-z]+)\s+$", re.I)
#: a place of known zone, capitalized ("Nepal", "New York")
PLACE: Final = re.compile(rf"\b(?P<place>{alternation(PLACE_ZONES)})\b", re.I)
#: a fixed offset: "+05:30", "-3", "+0545"
OFFSET: Final = re.compile(r"(?P<sign>[+-])\s?(?P<h>\d{1,2})(?::?(?P<m>\d\d))?")


@dataclass(frozen=True)
class ClockTime:
    """A time of day; ``start``/``end`` span the time with its zone ("4:30 p.m. local
    time"), ``qualifier_start`` the words before it that bound it ("shortly after")."""

    start: int
    end: int
    minute: int
    low: int
    high: int
    precision: str
    relation: str = "at"
    signal: str | None = None
    qualifier_start: int | None = None
    twelve_hour: bool = False
    zone: str | None = None
    #: a fixed offset ("+05:30"), a tz database zone, or "local"
    zone_key: str | None = None
    #: minutes east of UTC, when the zone written fixes them
    offset: int | None = None
    zone_basis: str | None = None

    @property
    def clock(self) -> str:
        return f"{self.minute // 60:02d}:{self.minute % 60:02d}"


def find_clock_times(text: str) -> list[ClockTime]:
    """Every time of day in ``text``, in text order, non-overlapping."""
    found: list[ClockTime] = []
    for m in CLOCK.finditer(text):
        t = _numeric(text, m)
        if t is not None:
            found.append(t)
    for m in MILITARY.finditer(text):
        found.append(_time(text, m.start(), m.end(), int(m["h"]) * 60 + int(m["m"]), "minute"))
    for m in NAMED.finditer(text):
        minute = 0 if m["word"].lower() == "midnight" else 12 * 60
        found.append(_time(text, m.start(), m.end(), minute, "minute"))
    found.sort(key=lambda t: (t.start, -t.end))
    kept: list[ClockTime] = []
    for t in found:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return _pair(text, kept)


def _numeric(text: str, m: re.Match[str]) -> ClockTime | None:
    hour = int(m["h"])
    minute = int(m["m"]) if m["m"] else 0
    precision = "minute" if m["m"] else "hour"
    ampm, part = (m["ampm"] or "").lower(), (m["part"] or "").lower()
    if m["sec"] and not ampm:
        return None  # "2:01:09": a race time, not a time of day
    twelve = False
    if ampm or part.startswith(("in", "at")):
        if not 1 <= hour <= 12:
            return None
        late = part == "at night" and hour >= NIGHT_FROM
        pm = ampm == "p" or part.endswith(("afternoon", "evening")) or late
        hour = hour % 12 + (12 if pm else 0)
        if part.startswith(("in", "at")) and not TIME_PREPOSITION.search(text, 0, m.start()):
            return None  # "killed 3 in the morning raid"
    elif part:  # o'clock
        if not 1 <= hour <= 12:
            return None
        twelve = True
    elif m["sep"] == ":":
        if DURATION_BEFORE.search(text, max(0, m.start() - 16), m.start()):
            return None  # "won in 2:05", "a time of 2:05": a duration
        twelve = 1 <= hour <= 12 and not m["h"].startswith("0")
    elif m["sep"] == ".":
        if not (_zone_follows(text, m.end()) or _time_context(text, m.start(), m.end())):
            return None
        twelve = 1 <= hour <= 12 and not m["h"].startswith("0")
    else:
        return None
    t = _time(text, m.start(), m.end(), hour * 60 + minute, precision)
    return replace(t, twelve_hour=twelve)


def _zone_follows(text: str, end: int) -> bool:
    z = ZONE_AFTER.match(text, end)
    return z is not None and (z["zone"] is not None or z["place"] is not None) and _zone_ok(z)


def _time_context(text: str, start: int, end: int) -> bool:
    """Is a bare "9.30" a time? A preposition before it, and words that speak of time
    around it ("shortly after 9.30", "at 9.30 on Tuesday", "yesterday at 9.30")."""
    before = TIME_PREPOSITION.search(text, max(0, start - 24), start)
    if before is None:
        return False
    verb = WORD_BEFORE.search(text, max(0, before.start() - 16), before.start())
    if verb is not None and verb["word"].lower() in LEVEL_WORDS:
        return False  # "shares closed at 9.30 on Friday": a price
    qual = " ".join(before["qual"].lower().split())
    if " " in qual and QUALIFIERS[qual][0] in ("after", "before"):
        return True  # "shortly after", "just before"
    return bool(
        CUE_AFTER.match(text, end)
        or CUE_BEFORE.search(text, max(0, before.start() - 24), before.start())
    )


def _zone_ok(z: re.Match[str]) -> bool:
    """An abbreviation counts only in capitals ("10 a.m. ET", not "10 am et cetera");
    a place only with its capital ("Beijing time")."""
    if z["zone"] is not None and " " not in z["zone"] and len(z["zone"]) <= 4:
        return z["zone"].isupper()
    if z["place"] is not None:
        return z["place"][:1].isupper()
    return True


def _time(text: str, start: int, end: int, minute: int, precision: str) -> ClockTime:
    relation, signal, qual_start, wide = "at", None, None, 0
    q = QUALIFIER_BEFORE.search(text, max(0, start - 24), start)
    if q is not None:
        signal = " ".join(q["qual"].lower().split())
        relation, width = QUALIFIERS[signal]
        qual_start = q.start()
        wide = width
    low, high = _interval(minute, relation, wide, precision)
    t = ClockTime(start, end, minute, low, high, precision, relation, signal, qual_start)
    z = ZONE_AFTER.match(text, end)
    if z is None or not _zone_ok(z) or (z["open"] and not text[: z.end()].endswith(")")):
        return t
    if z["local"] is not None:
        return replace(t, end=z.end(), zone=z["local"], zone_key="local", zone_basis="local")
    if z["place"] is not None:
        key = PLACE_ZONES[z["place"].lower()]
        return replace(
            t, end=z.end(), zone=z["place"] + " time", zone_key=key, zone_basis="written"
        )
    key = ZONES[z["zone"].lower()]
    offset = _fixed(z)
    zone_end = z.end() if z["open"] else z.end("shift") if z["shift"] else z.end("zone")
    written = text[z.start("zone") : z.end("shift") if z["shift"] else z.end("zone")]
    return replace(t, end=zone_end, zone=written, zone_key=key, offset=offset, zone_basis="written")


def _interval(minute: int, relation: str, width: int | None, precision: str) -> tuple[int, int]:
    """The minutes of the day a time with its relation allows (may pass 0 or 24:00)."""
    if relation == "approx":
        half = (width or 0) if precision == "hour" else (width or 0) // 2
        return minute - half, minute + half
    if relation == "after":
        return minute, minute + width if width is not None else max(MINUTES_A_DAY, minute + 60)
    if relation == "before":
        return (minute - width if width is not None else min(0, minute - 60)), minute
    return minute, minute


def _pair(text: str, times: list[ClockTime]) -> list[ClockTime]:
    """A time followed by the same time in a zone, in brackets ("2:30 p.m. (1830 GMT)"),
    is local time at the offset the pair tells."""
    out = list(times)
    for i, (a, b) in enumerate(pairwise(times)):
        between = text[a.end : b.start]
        if a.zone is not None or b.offset is None or between.strip() != "(":
            continue
        offset = (a.minute - b.minute) + b.offset
        offset = (offset + 12 * 60) % MINUTES_A_DAY - 12 * 60
        if offset == -12 * 60:
            offset = 12 * 60
        out[i] = replace(a, offset=offset, zone_key="paired", zone_basis="paired")
    return out


def _fixed(z: re.Match[str]) -> int | None:
    """The fixed offset of a zone match, its shift added ("GMT+1", "MSK-1")."""
    offset = fixed_offset(ZONES[" ".join(z["zone"].lower().split())])
    if offset is not None and z["shift"]:
        shift = fixed_offset(z["shift"].replace(" ", ""))
        offset = None if shift is None else offset + shift
    return offset


def read_zone(words: str) -> int | None:
    """Minutes east of UTC of a zone name written alone ("hkt", "UTC -4", "MSK+7"), in any
    case; None when it is not a zone of fixed offset."""
    z = ZONE_AFTER.fullmatch(words.strip())
    if z is None or z["zone"] is None:
        return None
    return _fixed(z)


def places(text: str) -> set[str]:
    """The places of known zone a text names, capitalized as names are ("Nepal")."""
    return {
        m["place"].lower()
        for m in PLACE.finditer(text)
        if all(w[:1].isupper() for w in m["place"].split())
    }


def fixed_offset(key: str) -> int | None:
    """Minutes east of UTC of a fixed offset ("+05:30" → 330), else None."""
    m = OFFSET.fullmatch(key)
    if m is None:
        return None
    minutes = int(m["h"]) * 60 + int(m["m"] or 0)
    return minutes if m["sign"] == "+" else -minutes


@cache
def zone_offset(key: str, on: date) -> int | None:
    """Minutes east of UTC a zone key (a fixed offset or a tz database zone) keeps at
    noon on ``on``; None when the key names no zone."""
    fixed = fixed_offset(key)
    if fixed is not None:
        return fixed
    try:
        zone = ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    delta = datetime(on.year, on.month, on.day, 12, tzinfo=zone).utcoffset() or timedelta(0)
    return int(delta.total_seconds() // 60)
