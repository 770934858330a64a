"""Times of day as facts: each clock time of a sentence (``lang.clock``), tied to the
day the sentence gives it ("at 3:42 a.m. on Tuesday") and to a UTC offset when the
zone can be known.

The offset is known when the zone is written ("06:10 GMT", "10 a.m. ET"), when a
zoned time follows in brackets ("2:30 p.m. (1830 GMT)"), or for local time when
the places the sentence names keep one zone (or, failing them, every place the
document names does): "4:30 p.m. local time" in a sentence on Kathmandu. A time
written with no zone takes the zone of the sentence's places in the same way,
marked as inferred (``zone_basis`` place). Otherwise the zone stays unknown.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Final

from consistency.extract.time import grammar
from consistency.extract.time.timex import DATE, TIME, Timex
from consistency.lang.clock import PLACE_ZONES, ClockTime, find_clock_times, places, zone_offset
from consistency.parsed import ParsedDocument
from consistency.tables import encode_detail

FactRow = dict[str, Any]

#: the most characters between a time and the day it belongs to ("at 3 a.m. on Tuesday")
DAY_REACH: Final = 40


def extract_times_of_day(
    parsed: ParsedDocument, dates: Iterable[Timex], anchor: date | None
) -> list[FactRow]:
    """A ``time`` fact for each clock time of the document; ``dates`` are the date
    expressions found in it (document offsets)."""
    days = [t for t in dates if _one_day(t)]
    everywhere = _zones(_places(parsed, 0, len(parsed.text)))
    rows: list[FactRow] = []
    for sentence in parsed.sentences:
        offset = sentence.char_start
        text = parsed.text[offset : sentence.char_end]
        times = find_clock_times(text)
        if not times:
            continue
        here = _zones(_places(parsed, sentence.char_start, sentence.char_end))
        mine = [d for d in days if sentence.char_start <= d.start < sentence.char_end]
        for t in times:
            day = _day_of(t, offset, mine)
            rows.append(_row(parsed, t, offset, day, here, everywhere, anchor))
    return rows


def _one_day(t: Timex) -> bool:
    return (
        t.resolved
        and t.type in (DATE, TIME)
        and t.time_start is not None
        and t.time_start == t.time_end
    )


def _day_of(t: ClockTime, offset: int, days: list[Timex]) -> Timex | None:
    """The nearest one-day date of the sentence within reach of the time."""
    start, end = t.start + offset, t.end + offset
    near = [
        (max(d.start - end, start - d.end, 0), d)
        for d in days
        if max(d.start - end, start - d.end) <= DAY_REACH
    ]
    return min(near, key=lambda pair: pair[0])[1] if near else None


def _places(parsed: ParsedDocument, start: int, end: int) -> set[str]:
    return places(parsed.text[start:end])


def _zones(places: set[str]) -> tuple[str, str] | None:
    """(zone, place) when the known places keep one zone, else None."""
    zones = {PLACE_ZONES[p]: p for p in sorted(places) if p in PLACE_ZONES}
    return next(iter(zones.items())) if len(zones) == 1 else None


def _offset(
    t: ClockTime,
    here: tuple[str, str] | None,
    everywhere: tuple[str, str] | None,
    on: date | None,
) -> tuple[int | None, str | None, str | None]:
    """(minutes east of UTC, basis, zone key) of a time."""
    if t.offset is not None:
        return t.offset, t.zone_basis, t.zone_key
    if t.zone_key not in (None, "local"):
        return (zone_offset(t.zone_key, on) if on else None), t.zone_basis, t.zone_key
    place = here or (everywhere if t.zone_key == "local" else None)
    if place is None or on is None:
        return None, t.zone_basis, t.zone_key
    basis = "local" if t.zone_key == "local" else "place"
    return zone_offset(place[0], on), f"{basis}: {place[1]}", place[0]


def _row(
    parsed: ParsedDocument,
    t: ClockTime,
    offset: int,
    day: Timex | None,
    here: tuple[str, str] | None,
    everywhere: tuple[str, str] | None,
    anchor: date | None,
) -> FactRow:
    start, end = t.start + offset, t.end + offset
    on = day.time_start if day is not None else anchor
    utc, basis, key = _offset(t, here, everywhere, on)
    predicate = grammar.predicate_of(parsed.doc, start, end)
    zone = (
        "" if utc is None else f"{'+' if utc >= 0 else '-'}{abs(utc) // 60:02d}:{abs(utc) % 60:02d}"
    )
    clock = f"T{t.clock}{zone}"
    detail = {
        "type": TIME,
        "signal": t.signal,
        "zone": t.zone,
        "zone_key": key,
        "utc_offset": utc,
        "zone_basis": basis,
        "twelve_hour": t.twelve_hour or None,
        "dated_by": [day.start, day.end] if day is not None else None,
    }
    return {
        "kind": "time",
        "char_start": start,
        "char_end": end,
        "value": float(t.minute),
        "unit": "minute of day",
        "qualifier": t.relation,
        "value_low": float(t.low),
        "value_high": float(t.high),
        "timex": (day.time_start.isoformat() + clock) if day and day.time_start else clock,
        "time_start": day.time_start.isoformat() if day and day.time_start else None,
        "time_end": day.time_end.isoformat() if day and day.time_end else None,
        "granularity": t.precision,
        "predicate": predicate.lemma,
        "tense": predicate.tense,
        "detail": encode_detail(detail),
    }
