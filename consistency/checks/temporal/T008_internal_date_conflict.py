"""One article dates one act of a named subject to two different days.

"Police arrested Ahmet Kaya on Saturday" in one paragraph and "Ahmet Kaya was
arrested on Sunday" further down: one act of one named subject, or undergone by
one named person (an active clause's object is a passive clause's subject), both
told as fact in the same tense, in different sentences, with days that do not
overlap. Acts told as repeated ("again", "a second time", "each
day") are two events, and so are acts of a pronoun or a common noun ("he", "the
company"), which may stand for two subjects. Only days the article dates itself
count: in an article that borrowed its story's date, "on Saturday" is a guess.

Example: "Police arrested Ahmet Kaya on Saturday" against "Ahmet Kaya was
arrested on Sunday, officials said" in one article.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from typing import Final

from consistency.anchor import BASIS_STORY
from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import (
    Row,
    anchors,
    by_id,
    detail,
    evidence,
    linked,
    of_kind,
    quoted,
    told_alike,
)
from consistency.lang.compare import (
    checkable_claim,
    intervals_overlap,
    key_text,
    written_as_name,
)
from consistency.lang.predicates import canonical_predicate

#: Words that tell an act as one of several ("again", "a second time", "each day").
REPEATED: Final = re.compile(
    r"\b(?:again|another|second|third|twice|each|every|daily|repeatedly|also)\b", re.I
)


def _act(claim: Row) -> tuple[str, str | None, str | None]:
    """(predicate, who did it, who underwent it), names only: "Police arrested Sohel
    Rana" and "Sohel Rana was arrested" both tell (arrest, ?, Sohel Rana)."""
    info = detail(claim)
    subject = key_text(claim["canonical"]) if written_as_name(claim["canonical"]) else None
    predicate = canonical_predicate(claim["predicate"])
    if info.get("passive"):
        return predicate, None, subject
    undergoer = info.get("object_canonical")
    return predicate, subject, key_text(undergoer) if written_as_name(undergoer) else None


def _one_act(a: Row, b: Row) -> bool:
    """One named subject's act, or one named person's undergoing of it, in both."""
    pa, agent_a, under_a = _act(a)
    pb, agent_b, under_b = _act(b)
    if pa != pb:
        return False
    if under_a or under_b:
        agents_agree = not (agent_a and agent_b and agent_a != agent_b)
        return bool(under_a and under_a == under_b and agents_agree)
    return bool(agent_a and agent_a == agent_b) and not (a["object"] or b["object"])


def _days(claim: Row, facts: dict[str, Row]) -> list[Row]:
    return [
        f
        for f in linked(claim, facts)
        if f["kind"] == "date" and f["granularity"] == "day" and f["time_start"]
    ]


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    facts, documents = by_id(ctx), anchors(ctx)
    by_doc: dict[str, list[Row]] = defaultdict(list)
    for claim in of_kind(ctx, "claim"):
        if checkable_claim(claim) and claim["link"]:
            by_doc[str(claim["doc_id"])].append(claim)
    for doc_id, claims in sorted(by_doc.items()):
        if documents.get(doc_id, {}).get("anchor_basis") == BASIS_STORY:
            continue
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                if a["sent_id"] == b["sent_id"] or not told_alike(a, b):
                    continue
                if REPEATED.search(str(a["text"])) or REPEATED.search(str(b["text"])):
                    continue
                if detail(a).get("negated") or detail(b).get("negated"):
                    continue
                if not _one_act(a, b):
                    continue
                days_a, days_b = _days(a, facts), _days(b, facts)
                if (
                    not days_a
                    or not days_b
                    or any(
                        intervals_overlap(
                            x["time_start"], x["time_end"], y["time_start"], y["time_end"]
                        )
                        for x in days_a
                        for y in days_b
                    )
                ):
                    continue
                x, y = days_a[0], days_b[0]
                yield Finding(
                    evidence=(evidence(y), evidence(x), evidence(b), evidence(a)),
                    message=(
                        f"{doc_id} dates one act to {x['text']!r} ({quoted(a['text'])}) and "
                        f"later to {y['text']!r} ({quoted(b['text'])})."
                    ),
                    explanation=(
                        f"Both clauses report the same {a['predicate']!r} of the same named "
                        f"person, as fact and in one tense; {x['text']!r} is "
                        f"{x['time_start']} and {y['text']!r} is {y['time_start']}: one of "
                        "the two days is wrong."
                    ),
                    suggestion="Check the day of the event and make the article agree.",
                )


CHECK = Check(
    code="T008",
    name="temporal.internal_date_conflict",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("temporal",),
)
