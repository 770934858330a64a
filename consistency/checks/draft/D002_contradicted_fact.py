"""A fact of the draft that its sources contradict.

In draft mode, a figure, date, quote or claim of the draft whose best match
in the sources disagrees with it (a different value, a non-overlapping date)
and that no source supports.

Example: the draft says "killed 14 people"; the sources say "killed 41 people".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import by_id, evidence
from consistency.tables import records


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    if "role" not in ctx.documents or not (ctx.documents["role"] == "draft").any():
        return
    facts = by_id(ctx)
    support = ctx.draft_support
    for row in records(support[support["status"] == "conflict"]):
        fact = facts[row["fact_id"]]
        others = [facts[i] for i in str(row["source_fact_ids"]).split() if i in facts]
        said = "; ".join(f"{o['doc_id']}: {o['text']!r}" for o in others)
        yield Finding(
            evidence=(evidence(fact), *(evidence(o) for o in others)),
            message=f"The sources contradict the draft's {fact['text']!r} ({said}).",
            explanation=(
                f"The draft's {fact['kind']} {fact['text']!r} is matched in the sources only "
                f"by facts that disagree with it: {said}."
            ),
            suggestion="Correct the draft from the sources, or cite where it comes from.",
        )


CHECK = Check(
    code="D002",
    name="draft.contradicted_fact",
    severity=Severity.ERROR,
    find=find,
    module=sys.modules[__name__],
    groups=("draft",),
)
