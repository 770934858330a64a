"""A relative date ("Wednesday", "last year") in an article with no date to resolve it against.

Neither the text, nor the metadata, nor another source of the story gives the
article a date, so "last week" or "on Tuesday" cannot be placed on the
calendar, and nothing that depends on them can be checked.

Vague references ("now", "recently", "in the coming days") are left alone:
they name no calendar date even in a dated article.

Example: an undated article saying "The council voted on Tuesday".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import detail, evidence, of_kind


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    for fact in of_kind(ctx, "date"):
        info = detail(fact)
        if info.get("resolved", True) or info.get("relative_to", "anchor") != "anchor":
            continue
        if str(fact.get("timex") or "").endswith("_REF"):
            continue  # "now", "recently": no calendar date to lose
        yield Finding(
            evidence=(evidence(fact),),
            message=f"{fact['text']!r} cannot be dated: the article has no date of its own.",
            explanation=(
                f"{fact['text']!r} is relative to the day the article was written, but no "
                "date was found in its text, its metadata, or another source of the same event."
            ),
            suggestion="Add the publication date to the article's metadata ('published').",
        )


CHECK = Check(
    code="T005",
    name="temporal.unanchored_relative_date",
    severity=Severity.INFO,
    find=find,
    module=sys.modules[__name__],
    groups=("temporal",),
)
