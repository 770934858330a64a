"""Sources give one event times of day that cannot both be right.

Two sources tell one event (the same claim, or what identifies an event beyond
its words, see ``consistency.checks.events``) at times of day whose intervals
do not meet: "the quake struck at 3:42 a.m." against "the quake struck at 5:15
a.m.". The words around a time widen it ("shortly after 3 a.m." is 3:00 to
3:30), and a time given to the hour ("at 3 a.m.") allows more rounding than one
given to the minute.

Times are compared in UTC when both zones are known (written, "2:30 p.m. (1830
GMT)", or "local time" in a place of known zone), as written when neither is;
a time with a known zone is never compared with one whose zone is unknown
("06:10 GMT" and "6:10 a.m."). A time written without a.m. or p.m. ("9.30")
agrees with either reading. Times of two different days, and times bounding a
state ("until 9 p.m.", "since 6 a.m."), are not compared.

A warning when the claims are one event by their subject, act and object (or
by a shared rank or precise figure) and the zones were not inferred; else info.

Options: ``tolerance_minutes`` (times given to the minute),
``hour_tolerance_minutes`` (a time given to the hour), ``min_object_similarity``.

Example: "The quake struck at 3:42 a.m." / "The quake struck at 5:15 a.m."
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import MappingProxyType
from typing import Final

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.events import same_event
from consistency.checks.facts import (
    Row,
    by_id,
    claims_of,
    cross_pairs,
    detail,
    evidence,
    of_kind,
    peer_documents,
    told_alike,
)
from consistency.lang import vocab
from consistency.lang.clock import EVENT_RELATIONS, MINUTES_A_DAY
from consistency.lang.compare import checkable_claim, key_text, same_claim

#: "a second quake", "another blast": one occurrence of a repeated event
OCCURRENCE_WORDS: Final = vocab.words("occurrence_words")


def _claims(time: Row, ctx: CheckContext) -> list[Row]:
    """The claims whose clause carries the time; failing a link, the claims of its
    sentence with the verb that governs it."""
    linked = claims_of(ctx).get(str(time["fact_id"]), [])
    if not linked and time["predicate"]:
        linked = [
            c
            for c in of_kind(ctx, "claim")
            if c["doc_id"] == time["doc_id"]
            and c["sent_id"] == time["sent_id"]
            and key_text(c["predicate"]) == key_text(time["predicate"])
        ]
    return [c for c in linked if checkable_claim(c)]


def _without_time(claim: Row, time: Row) -> Row:
    """The claim with no object when the parse took the time for it ("struck at 08:40
    GMT": object "08:40 GMT")."""
    obj = key_text(claim["object"])
    return {**claim, "object": None} if obj and obj in key_text(time["text"]) else claim


def _identity(a: Row, b: Row, facts: dict[str, Row], options: Options) -> tuple[str, bool] | None:
    """(what makes two claims one event, whether that is strong), or None."""
    same = same_event(a, b, facts)
    if same is not None:
        return same, True
    if not told_alike(a, b):
        return None
    if not same_claim(a, b, min_similarity=options["min_object_similarity"]):
        return None
    subject_a, subject_b = key_text(a["canonical"]), key_text(b["canonical"])
    if subject_a != subject_b and OCCURRENCE_WORDS & set(f"{subject_a} {subject_b}".split()):
        return None  # "the quake" / "a second quake"
    strong = bool(a["object"]) == bool(b["object"])
    return f"both report that {a['canonical']} did {a['predicate']!r}", strong


def _interval(row: Row, shift: int) -> tuple[float, float]:
    return float(row["value_low"]) - shift, float(row["value_high"]) - shift


def gap_minutes(a: Row, b: Row) -> float | None:
    """The minutes between the times two facts allow, or None when they cannot be
    compared (zone known on one side only, two different days)."""
    da, db = detail(a), detail(b)
    oa, ob = da.get("utc_offset"), db.get("utc_offset")
    if (oa is None) != (ob is None):
        return None
    if oa is None and any(d.get("zone_key") not in (None, "local") for d in (da, db)):
        return None  # a zone is written but its offset is unknown
    if a["time_start"] and b["time_start"] and a["time_start"] != b["time_start"]:
        return None  # times of two days
    low_a, high_a = _interval(a, oa or 0)
    low_b, high_b = _interval(b, ob or 0)
    shifts = {0, MINUTES_A_DAY, -MINUTES_A_DAY}
    if da.get("twelve_hour") or db.get("twelve_hour"):
        shifts |= {s + MINUTES_A_DAY // 2 for s in shifts} | {
            s - MINUTES_A_DAY // 2 for s in shifts
        }
    return min(max(low_b + s - high_a, low_a - high_b - s, 0.0) for s in shifts)


def _tolerance(a: Row, b: Row, options: Options) -> float:
    if "hour" in (a["granularity"], b["granularity"]):
        return float(options["hour_tolerance_minutes"])
    return float(options["tolerance_minutes"])


def _said(row: Row) -> str:
    info = detail(row)
    signal = info.get("signal")
    words = f"{signal} {row['text']}" if signal and signal != "at" else str(row["text"])
    offset = info.get("utc_offset")
    if offset is None:
        return repr(words)
    sign = "+" if offset >= 0 else "-"
    return f"{words!r} (UTC{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d})"


def _repeated(times: list[Row], claims: dict[str, list[Row]], options: Options) -> set[str]:
    """Times of an act their own document tells at another time too ("struck at 3:42
    a.m. ... struck again at 1:24 p.m."): which of them another source means is unknown."""
    out: set[str] = set()
    for i, x in enumerate(times):
        for y in times[i + 1 :]:
            if x["doc_id"] != y["doc_id"]:
                continue
            gap = gap_minutes(x, y)
            if gap is None or gap <= _tolerance(x, y, options):
                continue
            if any(
                same_claim(a, b, min_similarity=options["min_object_similarity"])
                for a in claims[str(x["fact_id"])]
                for b in claims[str(y["fact_id"])]
                if a is not b
            ):
                out |= {str(x["fact_id"]), str(y["fact_id"])}
    return out


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    facts = by_id(ctx)
    times = [t for t in of_kind(ctx, "time") if t["qualifier"] in EVENT_RELATIONS]
    claims = {str(t["fact_id"]): _claims(t, ctx) for t in times}
    times = [t for t in times if claims[str(t["fact_id"])]]
    repeated = _repeated(times, claims, options)
    times = [t for t in times if str(t["fact_id"]) not in repeated]
    for x, y in cross_pairs(times, peer_documents(ctx)):
        gap = gap_minutes(x, y)
        if gap is None or gap <= _tolerance(x, y, options):
            continue
        found = next(
            (
                (a, b, identity)
                for a in claims[str(x["fact_id"])]
                for b in claims[str(y["fact_id"])]
                if (identity := _identity(_without_time(a, x), _without_time(b, y), facts, options))
                is not None
            ),
            None,
        )
        if found is None:
            continue
        a, b, (why, strong) = found
        inferred = any(str(detail(t).get("zone_basis") or "").startswith("place") for t in (x, y))
        yield Finding(
            evidence=(evidence(x), evidence(y), evidence(a), evidence(b)),
            message=f"{x['doc_id']} gives the event the time {_said(x)}, {y['doc_id']} {_said(y)}.",
            explanation=(
                f"Both sources report one event ({why}); the times they give are "
                f"{gap:g} minutes apart at the closest"
                + (", the zone of one of them read from the places named" if inferred else "")
                + "."
            ),
            suggestion="Check the time of the event in the primary source.",
            severity=Severity.WARNING if strong and not inferred else Severity.INFO,
            topic=f"the time of {a['canonical']} {a['predicate']!r}",
            sides=((x["doc_id"], _said(x)), (y["doc_id"], _said(y))),
        )


CHECK = Check(
    code="T007",
    name="temporal.time_of_day_conflict",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("temporal", "claims", "cross-source"),
    defaults=MappingProxyType(
        {"tolerance_minutes": 10, "hour_tolerance_minutes": 30, "min_object_similarity": 0.7}
    ),
)
