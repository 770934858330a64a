"""The same figure for the same thing differs between sources.

Two sources give a figure of the same kind and unit for the same measured
thing (and period, when known), in sentences that speak of the same matter,
and the values disagree beyond rounding and what their qualifiers allow
("more than 30%" and "32%" agree; "$147 billion" and "$174 billion" do not).

When both figures sit in claims, some claim of each must have the same
predicate and subject ("Smith ran for 101 yards" is not "Jones threw for 352
yards").

Figures with no period of their own are compared only between reports written
on the same day or the next: "shares fell 3%" on Monday and "shares fell 9%"
a month later are different days, not a conflict.

Options: ``tolerance``, the relative difference still taken as rounding;
``min_context_score``, how alike the two sentences must be;
``min_claim_context_score``, how alike they must be for counts of people that a
claim of each, with the same predicate and subject, carries: outlets word tolls
very differently ("21 others were wounded" / "another 17 people were hurt");
``max_days_apart``,
how far apart two reports' dates may be for their undated figures to be compared.

Example: "trade reached $147 billion last year" against "trade reached $174
billion last year".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import anchors, by_id, claims_of, evidence, peer_documents, rows
from consistency.draft import DRAFT
from consistency.lang.compare import (
    ROUNDING_TOLERANCE,
    interval,
    measured_key,
    numbers_compatible,
    same_matter,
    scale_factor,
)

#: ages are compared per person by N004, not by the noun they modify ("a man, 24")
FIGURE_KINDS = ("money", "percent", "quantity")


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    pairs = ctx.alignments[
        ctx.alignments["kind"].isin(FIGURE_KINDS)
        & ctx.alignments["relation"].isin(["compatible", "conflict"])
    ]
    if pairs.empty:
        return
    facts = by_id(ctx)
    owners = claims_of(ctx)
    peers = peer_documents(ctx, max_days_apart=options["max_days_apart"])
    roles = {doc_id: row.get("role") for doc_id, row in anchors(ctx).items()}
    floor = min(options["min_context_score"], options["min_claim_context_score"])
    for pair in rows(pairs):
        a, b = facts[pair["fact_id"]], facts[pair["other_fact_id"]]
        if pair["score"] < floor or not measured_key(a):
            continue  # figures with no measured thing of their own are too loose to compare
        claims_a, claims_b = owners.get(a["fact_id"]), owners.get(b["fact_id"])
        if not same_matter(claims_a, claims_b):
            continue  # "ran for 101 yards" / "threw for 352 yards": two players, two feats
        vouched = a["unit"] == "people" and bool(claims_a and claims_b)
        if pair["score"] < options["min_context_score"] and not vouched:
            continue  # only for counts of people does a claim of each vouch for less
        if a["period"] or b["period"]:
            if a["period"] != b["period"]:
                continue
        elif b["doc_id"] not in peers[a["doc_id"]]:
            continue  # undated figures of reports far apart in time need not agree
        if DRAFT in (roles.get(a["doc_id"]), roles.get(b["doc_id"])):
            continue  # a draft against its sources: D002 reports it
        ia = interval(a["value"], a["value_low"], a["value_high"])
        ib = interval(b["value"], b["value_low"], b["value_high"])
        if ia is None or ib is None or numbers_compatible(ia, ib, tolerance=options["tolerance"]):
            continue
        if scale_factor(a["value"], b["value"]) is not None:
            continue  # a scale slip: N002 reports it
        thing = a["object"] or a["kind"]
        yield Finding(
            evidence=(evidence(a), evidence(b)),
            message=f"{a['doc_id']} and {b['doc_id']} give different figures for {thing}: "
            f"{a['text']!r} vs {b['text']!r}.",
            explanation=(
                f"Both figures are {a['kind']}"
                + (f" in {a['unit']}" if a["unit"] else "")
                + f" for {thing!r}"
                + (f" over {a['period']}" if a["period"] else "")
                + f"; {a['doc_id']} reads {a['value']:g} ({a['qualifier']}), "
                f"{b['doc_id']} reads {b['value']:g} ({b['qualifier']}), which no rounding "
                f"(up to {options['tolerance']:.0%}) or qualifier reconciles "
                f"(context similarity {pair['score']:.2f})."
            ),
            suggestion="Check both figures against the primary source.",
        )


CHECK = Check(
    code="N001",
    name="numeric.value_mismatch",
    severity=Severity.ERROR,
    find=find,
    module=sys.modules[__name__],
    groups=("numeric", "cross-source"),
    defaults=MappingProxyType(
        {
            "tolerance": ROUNDING_TOLERANCE,
            "min_context_score": 0.6,
            "min_claim_context_score": 0.45,
            "max_days_apart": 1,
        }
    ),
)
