"""The same figure for the same thing differs between sources.

Two sources give a figure of the same kind and unit for the same measured
thing (and period, when known), in sentences that speak of the same matter,
and the values disagree beyond rounding and what their qualifiers allow
("more than 30%" and "32%" agree; "$147 billion" and "$174 billion" do not).

Example: "trade reached $147 billion last year" against "trade reached $174
billion last year".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from consistency.checks.base import Check, CheckContext, Evidence, Finding, Severity


def _evidence(row: dict[str, object]) -> Evidence:
    return Evidence(
        str(row["doc_id"]),
        int(row["char_start"]),  # type: ignore[call-overload]
        int(row["char_end"]),  # type: ignore[call-overload]
        str(row["fact_id"]),
        None if row["sent_id"] is None else int(row["sent_id"]),  # type: ignore[call-overload]
    )


def find(ctx: CheckContext) -> Iterator[Finding]:
    conflicts = ctx.alignments[
        (ctx.alignments["relation"] == "conflict") & (ctx.alignments["kind"] != "ordinal")
    ]
    if conflicts.empty:
        return
    facts = ctx.facts.set_index("fact_id", drop=False).astype(object)
    facts = facts.where(facts.notna(), None)
    for pair in conflicts.itertuples(index=False):
        a = facts.loc[pair.fact_id].to_dict()
        b = facts.loc[pair.other_fact_id].to_dict()
        if a["period"] and b["period"] and a["period"] != b["period"]:
            continue
        thing = a["object"] or a["kind"]
        yield Finding(
            evidence=(_evidence(a), _evidence(b)),
            message=f"{a['doc_id']} and {b['doc_id']} give different figures for {thing}: "
            f"{a['text']!r} vs {b['text']!r}.",
            explanation=(
                f"Both figures are {a['kind']}"
                + (f" in {a['unit']}" if a["unit"] else "")
                + f" for {thing!r}"
                + (f" over {a['period']}" if a["period"] else "")
                + f"; {a['doc_id']} reads {a['value']:g} ({a['qualifier']}), "
                f"{b['doc_id']} reads {b['value']:g} ({b['qualifier']}), which no rounding "
                f"or qualifier reconciles (context similarity {pair.score:.2f})."
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
)
