"""The same quote of the same speaker is worded differently by different sources.

Two sources quote one speaker with words that are close but not the same
("issues of core interest" against "issues concerning core interests"). Quotes
are exact words: one of the sources paraphrased inside quotation marks, or
translated differently. A quote that is simply shorter (a partial quote of the
same words) is not drift.

Options: ``min_similarity`` (below it the quotes are different quotes) and
``max_similarity`` (at or above it they are the same words).

Example: "We will not retreat," she said / "We shall not retreat," she said.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import cross_pairs, evidence, of_kind, peer_documents, quoted
from consistency.lang.compare import containment, text_similarity


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    quotes = [q for q in of_kind(ctx, "quote") if q["canonical"]]
    for a, b in cross_pairs(quotes, peer_documents(ctx)):
        if a["canonical"] != b["canonical"]:
            continue
        similarity = text_similarity(a["text"], b["text"])
        if not options["min_similarity"] <= similarity < options["max_similarity"]:
            continue
        if containment(a["text"], b["text"]) >= options["max_similarity"]:
            continue  # a partial quote of the same words
        yield Finding(
            evidence=(evidence(a), evidence(b)),
            message=(
                f"{a['canonical']} is quoted in different words by {a['doc_id']} and "
                f"{b['doc_id']} (similarity {similarity:.2f})."
            ),
            explanation=(
                f"Both quotes are given to {a['canonical']} and share most of their words, "
                f"so they report the same statement; quotation marks promise the exact "
                f"words, yet the wording differs (similarity {similarity:.2f})."
            ),
            suggestion="Quote the wording of the primary source, or paraphrase without quotes.",
            topic=f"the words of {a['canonical']}'s quote",
            sides=((a["doc_id"], quoted(a["text"])), (b["doc_id"], quoted(b["text"]))),
        )


CHECK = Check(
    code="Q001",
    name="claims.quote_drift",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("claims", "quotes", "cross-source"),
    defaults=MappingProxyType({"min_similarity": 0.6, "max_similarity": 0.97}),
)
