"""A relative date ("Wednesday", "last year") in an article with no date to resolve it against.

Neither the text, nor the metadata, nor another source of the story gives the
article a date, so "last week" or "on Tuesday" cannot be placed on the
calendar, and nothing that depends on them can be checked.

All of one article's relative dates are one finding (its missing date).
Vague references ("now", "recently", "in the coming days") are left alone:
they name no calendar date even in a dated article.

Example: an undated article saying "The council voted on Tuesday".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import Row, detail, evidence, of_kind


def _unanchored(ctx: CheckContext) -> dict[str, list[Row]]:
    """The relative dates of each undated article, in text order."""
    out: dict[str, list[Row]] = {}
    for fact in of_kind(ctx, "date"):
        info = detail(fact)
        if info.get("resolved", True) or info.get("relative_to", "anchor") != "anchor":
            continue
        if str(fact.get("timex") or "").endswith("_REF"):
            continue  # "now", "recently": no calendar date to lose
        out.setdefault(str(fact["doc_id"]), []).append(fact)
    return out


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    """One finding per article: its missing date is the one thing to fix."""
    for facts in _unanchored(ctx).values():
        facts.sort(key=lambda f: int(f["char_start"]))
        said = [repr(f["text"]) for f in facts]
        listed = said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
        yield Finding(
            evidence=tuple(evidence(f) for f in facts),
            message=f"{listed} cannot be dated: the article has no date of its own.",
            explanation=(
                f"{'It is' if len(said) == 1 else 'Each is'} relative to the day the article "
                "was written, but no date was found in its text, its metadata, or another "
                "source of the same event."
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
