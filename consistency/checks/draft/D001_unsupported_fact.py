"""A figure, date or quote of the draft that no source supports.

In draft mode (``check DRAFT --against SOURCE...``) every figure, date and
quote of the draft should be traceable to a source. One that no source has,
in any form that agrees with it, is either new reporting that needs its own
source or a slip made while writing.

Example: the draft says "1,240 people were evacuated"; no source gives a number
of people evacuated.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Final

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import by_id, evidence
from consistency.tables import records

KINDS: Final = {
    "money": "figure",
    "percent": "figure",
    "quantity": "figure",
    "age": "figure",
    "ordinal": "ordinal",
    "date": "date",
    "quote": "quote",
}


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    if "role" not in ctx.documents or not (ctx.documents["role"] == "draft").any():
        return
    facts = by_id(ctx)
    support = ctx.draft_support
    for row in records(support[(support["status"] == "unsupported") & support["kind"].isin(KINDS)]):
        fact = facts[row["fact_id"]]
        what = KINDS[fact["kind"]]
        yield Finding(
            evidence=(evidence(fact),),
            message=f"The draft's {what} {fact['text']!r} is not in any source.",
            explanation=(
                f"No fact of the sources matches {fact['text']!r} ({fact['kind']}"
                + (f", measuring {fact['object']!r}" if fact["object"] else "")
                + "): none shares its kind and subject and agrees with its value."
            ),
            suggestion="Give its source, or check it against the sources.",
        )


CHECK = Check(
    code="D001",
    name="draft.unsupported_fact",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("draft",),
)
