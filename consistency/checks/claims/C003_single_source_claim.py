"""A checkable claim that only one source makes.

A claim carrying a date, a figure or an ordinal that no other source of the
story repeats is not wrong, but it is unconfirmed: an editor may want to
check it. Only runs with several sources report it, at info level.

Opt-in (``--select C003``): what each source alone says is shown per story as a
coverage table in every report; this check lists the claims among them one by one.

Options: ``min_object_similarity`` for another source's claim with the same subject and
predicate to count as the same; ``min_text_similarity`` for a claim worded alike
("launched the first road bridge" / "unveiled the first road bridge") to count too.

Example: only one of three reports says "the minister resigned on Monday".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import evidence, of_kind, peer_documents
from consistency.lang.compare import checkable_claim, same_claim, text_similarity


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    related = peer_documents(ctx)
    claims = of_kind(ctx, "claim")
    for claim in claims:
        if not claim["link"] or not claim["canonical"] or not checkable_claim(claim):
            continue
        peers = related.get(claim["doc_id"], set())
        if not peers:
            continue
        if any(
            other["doc_id"] in peers
            and (
                same_claim(claim, other, min_similarity=options["min_object_similarity"])
                or text_similarity(claim["text"], other["text"]) >= options["min_text_similarity"]
            )
            for other in claims
        ):
            continue
        parts = " · ".join(
            str(p) for p in (claim["canonical"], claim["predicate"], claim["object"]) if p
        )
        yield Finding(
            evidence=(evidence(claim),),
            message=f"Only {claim['doc_id']} makes this claim ({parts}).",
            explanation=(
                f"The claim carries checkable details (facts {claim['link']}), and none of the "
                f"{len(peers)} other source(s) of the story makes a claim with the same "
                "subject, predicate and object, or in nearly the same words."
            ),
            suggestion="Confirm it with a second source, or attribute it.",
        )


CHECK = Check(
    code="C003",
    name="claims.single_source_claim",
    severity=Severity.INFO,
    find=find,
    module=sys.modules[__name__],
    groups=("claims", "coverage", "cross-source"),
    defaults=MappingProxyType({"min_object_similarity": 0.6, "min_text_similarity": 0.75}),
    opt_in=True,
)
