"""One source calls a vote unanimous; another reports votes against it.

"The board voted unanimously to raise rates" against "the decision was taken
by a 7-2 vote" (or "with two members dissenting") in a peer report of the
story. Only a story that tells of one vote can be judged: when its sources
give two different tallies, they may be telling of two votes, and the check
stays silent. A tally with no vote against ("a 9-0 vote") is unanimous.

Example: "The council voted unanimously to approve the budget" against "the
budget passed on a 9-2 vote".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import Row, cross_pairs, detail, evidence, of_kind, peer_documents


def _tallies(claims: list[Row], stories: dict[str, object]) -> dict[object, set[tuple[int, ...]]]:
    """The distinct split tallies each story gives ("7-2")."""
    out: dict[object, set[tuple[int, ...]]] = {}
    for claim in claims:
        vote = detail(claim).get("vote")
        if isinstance(vote, list):
            out.setdefault(stories.get(str(claim["doc_id"])), set()).add(tuple(vote))
    return out


def _told(claim: Row) -> str:
    vote = detail(claim).get("vote")
    return f"a {vote[0]}-{vote[1]} vote" if isinstance(vote, list) else "votes against"


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    claims = [c for c in of_kind(ctx, "claim") if detail(c).get("vote")]
    stories = {doc_id: row.get("story") for doc_id, row in ctx.documents_by_id.items()}
    tallies = _tallies(claims, stories)
    seen: set[tuple[str, str]] = set()
    for a, b in cross_pairs(claims, peer_documents(ctx)):
        votes = {detail(a)["vote"] == "unanimous", detail(b)["vote"] == "unanimous"}
        if votes != {True, False}:
            continue
        whole, split = (a, b) if detail(a)["vote"] == "unanimous" else (b, a)
        if len(tallies.get(stories.get(str(split["doc_id"])), set())) > 1:
            continue  # two tallies: two votes, perhaps
        if (whole["doc_id"], split["doc_id"]) in seen:
            continue
        seen.add((str(whole["doc_id"]), str(split["doc_id"])))
        yield Finding(
            evidence=(evidence(whole), evidence(split)),
            message=(
                f"{whole['doc_id']} calls the vote unanimous; {split['doc_id']} reports "
                f"{_told(split)}."
            ),
            explanation=(
                f"{whole['doc_id']} says the vote was unanimous ({whole['text']!r}); "
                f"{split['doc_id']} tells of {_told(split)} ({split['text']!r}). The story "
                "tells of one vote, so at most one of them is right."
            ),
            suggestion="Check the vote in the official record.",
            topic="how the vote went",
            sides=((whole["doc_id"], "unanimous"), (split["doc_id"], _told(split))),
        )


CHECK = Check(
    code="C004",
    name="claims.vote_conflict",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("claims", "cross-source"),
)
