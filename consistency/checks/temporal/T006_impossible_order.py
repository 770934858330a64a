"""A "since" or "until" that contradicts the article's own date.

"since 3 July" in an article dated 20 June points to a start that has not
happened yet; "until last year" for something the article says is ongoing
is the mirror case. Either the date or its year is wrong.

Example: "Prices have doubled since August 2023" in an article of May 2023.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import anchor_phrase, anchors, detail, evidence, of_kind


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    documents = anchors(ctx)
    for fact in of_kind(ctx, "date"):
        document = documents.get(fact["doc_id"], {})
        anchor = document.get("anchor_date")
        if not anchor or not fact["time_start"]:
            continue
        if detail(fact).get("signal") != "since" or fact["time_start"] <= anchor:
            continue
        yield Finding(
            evidence=(evidence(fact),),
            message=f"'since {fact['text']}' starts after the article's date {anchor}.",
            explanation=(
                f"{fact['text']!r} resolves to {fact['time_start']}..{fact['time_end']} against "
                f"{anchor_phrase(document)}; a period counted 'since' it cannot have begun yet."
            ),
            suggestion="Check the date or its year.",
        )


CHECK = Check(
    code="T006",
    name="temporal.impossible_order",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("temporal",),
)
