"""Sources give different values for one figure.

The join's matcher decides which figures of a story are one fact (the same
measure and event, holder, period; alike sentences; see
``consistency.matcher``); this check reads the facts it matched and flags
values that disagree beyond rounding and what their qualifiers allow ("more
than 30%" and "32%" agree; "$147 billion" and "$174 billion" do not).

When three or more sources give the figure and all but one agree, the flag
goes on the odd one out ("3 of 4 sources say 95"); otherwise one flag names
every source and the value it gives. Counts that move while a story unfolds
(a toll) are compared only between reports of the same day: a later report
with a higher toll is an update, not a conflict.

A group with a value more than ``max_ratio`` times from the most widely given one
(a slipped scale word aside) is left alone: a chain of matches has joined another
fact, such as the toll of another incident told as background ("more than
26,000" beside "ten").

Options: ``tolerance``, the relative difference still taken as rounding;
``min_score``, how sure the matcher must be that two figures are one fact;
``max_ratio``, how far from the most widely given value a figure of one fact may lie.

Example: "The fire destroyed 4,000 houses" against "4,600 homes were destroyed".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import anchors, by_id, evidence, rows
from consistency.checks.figures import Side, fact_groups, sides, value_ratio
from consistency.draft import DRAFT
from consistency.lang.compare import ROUNDING_TOLERANCE
from consistency.matcher import FIGURE_KINDS, SAME_FACT, scale_slip


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    pairs = ctx.alignments[ctx.alignments["kind"].isin(FIGURE_KINDS)]
    if pairs.empty:
        return
    facts = by_id(ctx)
    roles = {doc_id: row.get("role") for doc_id, row in anchors(ctx).items()}
    usable = [
        p
        for p in rows(pairs)
        if p["relation"] in ("agree", "compatible", "conflict")
        and (p["score"] or 0) >= options["min_score"]
        and DRAFT not in (roles.get(p["doc_id"]), roles.get(p["other_doc_id"]))
    ]
    for group in fact_groups(usable, facts):
        split = sides(group, tolerance=options["tolerance"])
        if len(split) < 2 or _scale_slips_only(split):
            continue  # one value, or a slipped scale word (N002 reports it)
        if mixes_facts(split, options["max_ratio"]):
            continue
        yield _finding(split)


def mixes_facts(split: list[Side], max_ratio: float) -> bool:
    """Does a side lie more than ``max_ratio`` times from the most widely given value
    (and is no slipped scale word of it)? Then a chain of matches has joined another
    fact (a toll of another incident told as background, "more than 26,000" beside
    "ten"; a sector's job losses beside the whole economy's), and the group is no
    one figure."""
    main = split[0].facts[0]
    return any(
        value_ratio(side.facts[0], main) > max_ratio and not scale_slip(side.facts[0], main)
        for side in split[1:]
    )


def _scale_slips_only(split: list[Side]) -> bool:
    return all(
        scale_slip(a.facts[0], b.facts[0]) for i, a in enumerate(split) for b in split[i + 1 :]
    )


def _finding(split: list[Side]) -> Finding:
    majority = max(split, key=lambda s: (len(s.documents), -s.facts[0]["char_start"]))
    odd = [s for s in split if s is not majority]
    lone = len(odd) == 1 and len(odd[0].documents) == 1 and len(majority.documents) >= 2
    first = odd[0].facts[0] if lone else split[0].facts[0]
    thing = first["measure"] or first["object"] or first["kind"]
    if first["event"]:
        thing = f"{thing} {first['event']}"
    others = [f for s in split for f in s.facts if f is not first]
    said = "; ".join(f"{', '.join(s.documents)}: {s.facts[0]['text']!r}" for s in split)
    if lone:
        total = sum(len(s.documents) for s in split)
        message = (
            f"{len(majority.documents)} of {total} sources give {majority.facts[0]['text']!r} "
            f"for {thing}; {first['doc_id']} gives {first['text']!r}."
        )
    else:
        message = f"Sources give different figures for {thing}: {said}."
    return Finding(
        evidence=(evidence(first), *(evidence(f) for f in others)),
        message=message,
        explanation=(
            f"The figures are one fact ({first['kind']}"
            + (f" in {first['unit']}" if first["unit"] else "")
            + (f", over {first['period']}" if first["period"] else "")
            + f"): {said}. No rounding or qualifier reconciles the values."
        ),
        suggestion=(
            f"Check {first['doc_id']}'s figure against the primary source."
            if lone
            else "Check the figures against the primary source."
        ),
        topic=f"the figure for {thing}",
        sides=tuple((doc, repr(s.facts[0]["text"])) for s in split for doc in s.documents),
        deviates=(str(first["doc_id"]),) if lone else (),
    )


CHECK = Check(
    code="N001",
    name="numeric.value_mismatch",
    severity=Severity.ERROR,
    find=find,
    module=sys.modules[__name__],
    groups=("numeric", "cross-source"),
    defaults=MappingProxyType(
        {"tolerance": ROUNDING_TOLERANCE, "min_score": SAME_FACT, "max_ratio": 5.0}
    ),
)
