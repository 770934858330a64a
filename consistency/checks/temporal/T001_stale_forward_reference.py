"""An invitation, plan, schedule or future event whose date lies before the article's date.

A forward-looking statement ("invited him to the ceremony in early February",
"will visit on 3 March", "is scheduled for May") whose resolved date ends
before the article's anchor describes something that had already happened
when the article was written: usually background recycled from an older
story without its tense updated.

A date the writer placed in the past on purpose ("last year", "two weeks ago")
is not a forward reference, even inside a forward-looking clause; nor is a plan,
schedule or invitation dated with its own past year ("was planning to marry in
2012"): that is history told as such. A future tense ("will visit on 3 May
2023") pointing into the past is flagged whatever its form.

A forward reference still ahead of its article is stale too when another
source of the story reports the same event (see ``consistency.checks.events``)
on a date before the article's: "Trump is scheduled to tour the burn area on
Saturday" in an article of 26 November, when another source placed the visit
on 17 November.

Example: in an article dated 15 June 2022, "Xi also invited Putin to the
opening of the Winter Olympics in early February".
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import Final

from consistency.anchor import BASIS_STORY
from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.events import same_event
from consistency.checks.facts import (
    Row,
    anchor_phrase,
    anchors,
    by_id,
    claims_of,
    detail,
    evidence,
    linked,
    of_kind,
    rows,
)

PAST_MARKER: Final = re.compile(r"\b(?:last|ago|yesterday|earlier|previous|past)\b", re.I)
EXPLICIT_YEAR: Final = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
#: Tenses and modalities that look forward from the time of the statement.
FORWARD: Final = {
    "future": "a future event",
    "planned": "a plan",
    "invited": "an invitation",
    "scheduled": "a scheduled event",
    "expected": "an expected event",
}


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    documents = anchors(ctx)
    dates = ctx.facts[(ctx.facts["kind"] == "date") & ctx.facts["tense"].isin(list(FORWARD))]
    ahead: list[Row] = []
    for fact in rows(dates):
        document = documents.get(fact["doc_id"], {})
        anchor = _reference_date(document, documents)
        if not anchor or not fact["time_end"]:
            continue
        if fact["time_end"] >= anchor:
            ahead.append(fact)
            continue
        info = detail(fact)
        if PAST_MARKER.search(fact["text"]) or (
            info.get("relative_to") == "anchor" and not info.get("year_choice")
        ):
            continue  # "last year", "two weeks ago": the writer placed it in the past on purpose
        if fact["tense"] != "future" and EXPLICIT_YEAR.search(fact["text"]):
            continue  # "was planning to marry in 2012", "a 1972 meeting": history, dated on purpose
        what = FORWARD[fact["tense"]]
        verb = fact["predicate"] or "the verb"
        yield Finding(
            evidence=(evidence(fact),),
            message=(
                f"{what.capitalize()} points to {fact['text']!r}, which had already passed "
                f"by the article's date {anchor}."
            ),
            explanation=(
                f"{fact['text']!r} is governed by {verb!r} ({fact['tense']}), which looks "
                f"forward; it resolves to {fact['time_start']}..{fact['time_end']} against "
                f"{anchor_phrase(document)}, so the event lies in the past of the article: "
                "the line reads like background recycled from an older report."
            ),
            suggestion="Put the event in the past tense, or remove the outdated line.",
        )

    yield from _passed_elsewhere(ctx, ahead, documents)


def _passed_elsewhere(
    ctx: CheckContext, ahead: list[Row], documents: dict[str, Row]
) -> Iterator[Finding]:
    """Forward references still ahead of their article whose event another source of the
    story dates before that article's date: the event has happened."""
    facts, owners = by_id(ctx), claims_of(ctx)
    claims = [c for c in of_kind(ctx, "claim") if c["link"]]
    for fact in ahead:
        document = documents.get(fact["doc_id"], {})
        anchor = document.get("anchor_date")
        if not anchor or document.get("anchor_basis") == BASIS_STORY:
            continue
        others = [
            c
            for c in claims
            if c["doc_id"] != fact["doc_id"]
            and documents.get(c["doc_id"], {}).get("story") == document.get("story")
        ]
        before = min(anchor, str(fact["time_start"] or anchor))  # "this year" holds last week
        found = _earlier_report(owners.get(str(fact["fact_id"]), []), others, facts, before)
        if found is None:
            continue
        other, passed, why = found
        yield Finding(
            evidence=(evidence(fact), evidence(passed)),
            message=(
                f"{FORWARD[fact['tense']].capitalize()} on {fact['text']!r} lies ahead of the "
                f"article's date {anchor}, but {other['doc_id']} dates the event to "
                f"{passed['text']!r} ({passed['time_start']}), before it."
            ),
            explanation=(
                f"The two sources report one event ({why}); {other['doc_id']} places it on "
                f"{passed['time_start']}, which had passed by {anchor}, so the forward-looking "
                "line reads like copy recycled from before the event."
            ),
            suggestion="Report what happened, or remove the outdated line.",
        )


def _earlier_report(
    mine: list[Row], others: list[Row], facts: dict[str, Row], before: str
) -> tuple[Row, Row, str] | None:
    """A claim of another source that reports one of ``mine``'s events, with a day, week
    or month ending before ``before`` (the article's date, or the forward date if that
    begins earlier): (that claim, its date, why it is the same event)."""
    for claim in mine:
        for other in others:
            passed = [
                d
                for d in linked(other, facts)
                if d["kind"] == "date"
                and d["time_end"]
                and d["time_end"] < before
                and d["granularity"] in ("day", "week", "month")
            ]
            why = same_event(claim, other, facts) if passed else None
            if why is not None:
                return other, passed[0], why
    return None


def _reference_date(document: Row, documents: dict[str, Row]) -> str | None:
    """The date a forward reference must lie after: the article's anchor; for an undated
    article that took its story's date, the story's earliest dated report (it was
    written no earlier than that, and perhaps no later)."""
    if document.get("anchor_basis") != BASIS_STORY:
        return document.get("anchor_date")
    dated = [
        str(d["anchor_date"])
        for d in documents.values()
        if d.get("story") == document.get("story")
        and d.get("anchor_date")
        and d.get("anchor_basis") != BASIS_STORY
    ]
    return min(dated) if dated else None


CHECK = Check(
    code="T001",
    name="temporal.stale_forward_reference",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("temporal",),
)
