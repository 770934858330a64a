"""Sources date the same event differently.

Two sources make the same claim (same subject, predicate and object) and
attach dates to it that cannot both be right: their resolved intervals do not
overlap ("the dam burst on Tuesday" against "the dam burst on Monday" in
articles of the same day). Both must be told as fact and in the same tense
("will host the show this year" and "hosted it in 2007" are two events), and
both name an object or neither ("a quake struck Aceh in 2004" is not "the
quake struck yesterday").

Two claims that share what identifies an event beyond their words report it
too: the same rank of one series ("won his eighth gold on Sunday" / "the
eighth gold came on Monday"), or one precise figure with the same act (see
``consistency.checks.events``).

Options: ``min_object_similarity`` for two claims to report the same event.

Example: "Police arrested him on 3 May" / "Police arrested him on 5 May".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import MappingProxyType

from consistency.anchor import BASIS_STORY
from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.events import same_event
from consistency.checks.facts import (
    Row,
    anchors,
    by_id,
    cross_pairs,
    detail,
    evidence,
    linked,
    of_kind,
    peer_documents,
    told_alike,
)
from consistency.lang.compare import checkable_claim, intervals_overlap, same_claim


def _dates(claim: Row, facts: dict[str, Row], borrowed: set[str]) -> list[Row]:
    """The claim's resolved dates; in an article that borrowed its story's date, only
    those it writes out ("March 9", not "Saturday night": which Saturday is a guess)."""
    return [
        f
        for f in linked(claim, facts)
        if f["kind"] == "date"
        and f["time_start"]
        and f["time_end"]
        and not (f["doc_id"] in borrowed and detail(f).get("relative_to") == "anchor")
    ]


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    facts = by_id(ctx)
    borrowed = {d for d, row in anchors(ctx).items() if row.get("anchor_basis") == BASIS_STORY}
    claims = [c for c in of_kind(ctx, "claim") if c["link"] and checkable_claim(c)]
    for a, b in cross_pairs(claims, peer_documents(ctx)):
        dates_a, dates_b = _dates(a, facts, borrowed), _dates(b, facts, borrowed)
        if not dates_a or not dates_b:
            continue
        if not told_alike(a, b):
            continue  # "will host it this year" / "hosted it in 2007"
        same = same_event(a, b, facts)
        if same is None:
            if not same_claim(a, b, min_similarity=options["min_object_similarity"]):
                continue
            if bool(a["object"]) != bool(b["object"]):
                continue  # "a quake struck Aceh in 2004" / "the quake struck yesterday"
        if any(
            intervals_overlap(x["time_start"], x["time_end"], y["time_start"], y["time_end"])
            for x in dates_a
            for y in dates_b
        ):
            continue
        x, y = dates_a[0], dates_b[0]
        told = (
            f"Both sources report one event ({same});"
            if same
            else f"Both sources report that {a['canonical']} did {a['predicate']!r};"
        )
        yield Finding(
            evidence=(evidence(x), evidence(y), evidence(a), evidence(b)),
            message=(
                f"{a['doc_id']} dates the event to {x['text']!r}, {b['doc_id']} to {y['text']!r}."
            ),
            explanation=(
                f"{told} {x['text']!r} resolves to {x['time_start']}..{x['time_end']} and "
                f"{y['text']!r} to {y['time_start']}..{y['time_end']}, which do not overlap."
            ),
            suggestion="Check the date of the event in the primary source.",
            topic=f"the date of {a['canonical']} {a['predicate']!r}",
            sides=((a["doc_id"], repr(x["text"])), (b["doc_id"], repr(y["text"]))),
        )


CHECK = Check(
    code="T004",
    name="temporal.event_date_conflict",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("temporal", "claims", "cross-source"),
    defaults=MappingProxyType({"min_object_similarity": 0.7}),
)
