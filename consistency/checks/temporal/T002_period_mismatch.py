"""A figure and the change reported for it refer to different periods.

"trade last year totaled $147 billion, up 30 percent in 2019" gives a level
for one year and a change dated to another: either the change belongs to an
older figure, or its period is wrong. The check reads the period each figure
refers to and the level each change modifies, both from the extraction.

Example: "Exports last year reached $12 billion, up 8 percent in 2018" in an
article dated 2023.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import Row, anchor_phrase, anchors, by_id, evidence, linked, rows
from consistency.lang.compare import timex_interval


def _period_surface(facts: list[Row], figure: Row) -> Row | None:
    """The date expression in the figure's sentence whose value is the figure's period."""
    same = [
        f
        for f in facts
        if f["doc_id"] == figure["doc_id"]
        and f["sent_id"] == figure["sent_id"]
        and f["kind"] == "date"
        and f["timex"] == figure["period"]
    ]
    return min(same, key=lambda f: abs(f["char_start"] - figure["char_start"]), default=None)


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    facts = list(rows(ctx.facts))
    index = by_id(ctx)
    documents = anchors(ctx)
    for change in facts:
        if change["role"] != "change" or not change["period"]:
            continue
        level = next(iter(linked(change, index)), None)
        if level is None or not level["period"]:
            continue
        if change["unit"] not in ("percent", "pp", None) and change["unit"] != level["unit"]:
            continue  # a change in other units than its level's is a misreading, not a period
        a, b = timex_interval(level["period"]), timex_interval(change["period"])
        if a is None or b is None or (a[0] <= b[1] and b[0] <= a[1]):
            continue
        level_when = _period_surface(facts, level)
        change_when = _period_surface(facts, change)
        level_words = f"{level_when['text']!r} resolves to" if level_when else "its period is"
        change_words = f" ({change_when['text']!r})" if change_when else ""
        yield Finding(
            evidence=tuple(
                evidence(r) for r in (change, level, change_when, level_when) if r is not None
            ),
            message=(
                f"The change {change['text']!r} is dated {change['period']}, but the figure it "
                f"modifies, {level['text']!r}, is for {level['period']}."
            ),
            explanation=(
                f"For {level['text']!r}, {level_words} {level['period']} against "
                f"{anchor_phrase(documents.get(level['doc_id'], {}))}, but its change "
                f"{change['text']!r} is dated {change['period']}{change_words}; a change "
                "reported with a figure should cover the same period."
            ),
            suggestion=(
                f"Check whether the change is for {level['period']}, or give the "
                f"{change['period']} figure it belongs to."
            ),
        )


CHECK = Check(
    code="T002",
    name="temporal.period_mismatch",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("temporal", "numeric"),
)
