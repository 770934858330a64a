"""Sources number the same series of events differently ("second call" against "third call").

An ordinal attached to the same kind of event ("call", "visit", "round of
talks") and the same participants should agree across reports of one story.
Both ordinals must sit in claims, and some claim of each must have the same
predicate and subject: "was knocked down in the sixth round" and "the fight
was stopped in the seventh round" number two moments, not one; an ordinal no
clause carries ("the fourth round was more of the same" read without its
verb) cannot show that it numbers the same thing.

Example: "It was the second call between the two leaders this year" against
"It was the third call between the two leaders this year".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import by_id, claims_of, evidence, rows
from consistency.lang.compare import same_matter


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
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
        thing = a["object"] or "event"
        yield Finding(
            evidence=(evidence(a), evidence(b)),
            message=(
                f"{a['doc_id']} calls it the {a['text']} {thing}, "
                f"{b['doc_id']} the {b['text']} {thing}."
            ),
            explanation=(
                f"Both ordinals number {thing!r} in sentences that report the same matter "
                f"(similarity {pair['score']:.2f}), but give {a['value']:g} and {b['value']:g}."
            ),
            suggestion=f"Count the earlier {thing}s again and settle on one ordinal.",
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
