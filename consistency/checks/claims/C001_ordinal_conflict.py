"""Sources rank or number the same thing differently ("second call" against "third call").

An ordinal attached to the same kind of event ("call", "visit", "round of
talks") and the same participants should agree across reports of one story.
Both ordinals must sit in claims, and some claim of each must have the same
predicate and subject: "was knocked down in the sixth round" and "the fight
was stopped in the seventh round" number two moments, not one; an ordinal no
clause carries ("the fourth round was more of the same" read without its
verb) cannot show that it numbers the same thing.

Ranks that name their series need no clause: a run ("the third straight
quarter of falling sales" against "the fourth consecutive quarter"), a
superlative ranking ("Turkey's second-deadliest mining accident" against
"Turkey's worst mining disaster", its first; a ranking of a standing, such as "the
largest carmaker", only between reports a month apart at most), or a named competitor's finish
("Haaland finished third" against "Haaland finished second") for one holder.
Ranks of two series ("the 11th rate rise", "the third meeting") never meet.

Example: "It was the second call between the two leaders this year" against
"It was the third call between the two leaders this year".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import (
    Row,
    by_id,
    claims_of,
    cross_pairs,
    detail,
    evidence,
    of_kind,
    peer_documents,
    rows,
)
from consistency.lang.compare import key_text, names_alike, same_matter, written_as_name
from consistency.lang.frames import SAME, compare_things, incident_of, thing_from_label

#: Reports further apart than any story lasts: a superlative ranking holds across them.
MAX_DAYS = 100_000
#: Reports further apart than this may rank a standing ("the largest carmaker") differently.
STANDING_DAYS = 31
#: Measure words of a rank that names its series: a run or a superlative ranking.
SERIES_MARKS = ("consecutive",)


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    seen: set[frozenset[str]] = set()
    for a, b, why in [*_clauses(ctx, options), *_series(ctx)]:
        key = frozenset((str(a["fact_id"]), str(b["fact_id"])))
        if key not in seen and a["value"] != b["value"]:
            seen.add(key)
            yield _finding(a, b, why)


def _clauses(ctx: CheckContext, options: Options) -> Iterator[tuple[Row, Row, str]]:
    """Ordinals the join matched whose clauses report the same matter."""
    pairs = ctx.alignments[
        (ctx.alignments["kind"] == "ordinal") & (ctx.alignments["relation"] == "conflict")
    ]
    facts = by_id(ctx)
    owners = claims_of(ctx)
    for pair in rows(pairs):
        if pair["score"] < options["min_context_score"]:
            continue
        a, b = facts[pair["fact_id"]], facts[pair["other_fact_id"]]
        claims_a, claims_b = owners.get(a["fact_id"]), owners.get(b["fact_id"])
        if not (claims_a and claims_b) or not same_matter(claims_a, claims_b):
            continue  # "knocked down in the sixth round" / "stopped in the seventh round"
        yield a, b, f"in sentences that report the same matter (similarity {pair['score']:.2f})"


def _names_series(row: Row) -> bool:
    measure = str(row["measure"] or "")
    return bool(detail(row).get("superlative")) or any(m in measure.split() for m in SERIES_MARKS)


def _series(ctx: CheckContext) -> Iterator[tuple[Row, Row, str]]:
    """Ranks of one named series for one holder: a run, a superlative ranking, a finish."""
    ranks = [
        r for r in of_kind(ctx, "ordinal") if r["measure"] or (r["predicate"] and r["subject"])
    ]
    close = peer_documents(ctx, max_days_apart=1)
    month = peer_documents(ctx, max_days_apart=STANDING_DAYS)
    story = peer_documents(ctx, max_days_apart=MAX_DAYS)
    for a, b in cross_pairs(ranks, story):
        ranking = detail(a).get("superlative") or detail(b).get("superlative")
        finish = not (a["measure"] and b["measure"])
        if not ranking and not finish and b["doc_id"] not in close[a["doc_id"]]:
            continue  # a run grows between reports; a ranking or a finish of the past does not
        if ranking and not _ranks_an_incident(a, b) and b["doc_id"] not in month[a["doc_id"]]:
            continue  # "the largest carmaker" of one year is not that of another
        holder_a, holder_b = key_text(a["subject"]), key_text(b["subject"])
        apart = not names_alike(holder_a, holder_b)
        if (
            holder_a
            and holder_b
            and apart
            and (written_as_name(a["subject"]) or written_as_name(b["subject"]))
        ):
            continue  # Apple's run and Samsung's run
        if a["measure"] and b["measure"]:
            same = compare_things(thing_from_label(a["measure"]), thing_from_label(b["measure"]))
            if same == SAME and (_names_series(a) or _names_series(b)):
                yield a, b, f"both rank {a['measure']!r}"
        elif (
            a["predicate"] and a["predicate"] == b["predicate"] and names_alike(holder_a, holder_b)
        ):
            yield a, b, f"both give where {a['subject']} {a['predicate']}ed"


def _ranks_an_incident(a: Row, b: Row) -> bool:
    """ "the deadliest mining disaster": a ranking of past incidents, which holds."""
    return any(incident_of(str(r["measure"] or "")) for r in (a, b))


def _finding(a: Row, b: Row, why: str) -> Finding:
    if a["measure"] or a["object"]:
        thing = str(a["measure"] or a["object"])
    elif a["predicate"]:
        thing = f"place {a['subject']} {a['predicate']}ed in" if a["subject"] else "place"
    else:
        thing = "event"
    return Finding(
        evidence=(evidence(a), evidence(b)),
        message=(
            f"{a['doc_id']} gives the {a['text']!r} {thing}, {b['doc_id']} the {b['text']!r}."
        ),
        explanation=(
            f"Both rank or number {thing!r} {why}, but give {a['value']:g} and {b['value']:g}."
        ),
        suggestion="Check the rank against the primary source and settle on one.",
        topic=f"which {thing} it is",
        sides=((a["doc_id"], repr(a["text"])), (b["doc_id"], repr(b["text"]))),
    )


CHECK = Check(
    code="C001",
    name="claims.ordinal_conflict",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("claims", "cross-source"),
    defaults=MappingProxyType({"min_context_score": 0.6}),
)
