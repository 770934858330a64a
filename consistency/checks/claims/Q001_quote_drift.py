"""The same quote of the same speaker is worded differently by different sources.

Two sources quote one speaker with words that are close but not the same
("issues of core interest" against "issues concerning core interests"). Quotes
are exact words: one of the sources paraphrased inside quotation marks, or
translated differently. The flag says how the wordings differ:

- a word that changes the meaning was inserted, dropped or turned into its
  opposite: a negation ("likely" / "unlikely", "not"), a hedge ("I believe",
  "may") or a number;
- the same words stand in another order;
- other words differ.

A shorter quote whose words stand, in order, inside the longer one is an
excerpt, not drift. A quote is what was said once, so sources of one story are
compared whatever their dates.

Options: ``min_similarity`` (below it the quotes are different quotes) and
``max_similarity`` (at or above it, and with no word of meaning changed, they
are the same words).

Example: "We will not retreat," she said / "We shall not retreat," she said.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import cross_pairs, evidence, of_kind, peer_documents, quoted
from consistency.lang.compare import containment, text_similarity, wording_difference

#: Reports further apart than any story lasts: a quote is said once.
ANY_DAY = 100_000
HOW = {
    "meaning": "a word that changes the meaning differs",
    "reordered": "the same words stand in another order",
    "wording": "the wording differs",
}


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    quotes = [q for q in of_kind(ctx, "quote") if q["canonical"]]
    for a, b in cross_pairs(quotes, peer_documents(ctx, max_days_apart=ANY_DAY)):
        if a["canonical"] != b["canonical"]:
            continue
        similarity = max(text_similarity(a["text"], b["text"]), containment(a["text"], b["text"]))
        difference = wording_difference(str(a["text"]), str(b["text"]))
        if difference is None or difference.kind == "excerpt":
            continue  # the same words, or a partial quote of them
        if similarity < options["min_similarity"]:
            continue  # two statements
        if difference.kind == "wording" and similarity >= options["max_similarity"]:
            continue
        detail = f" ({difference.detail})" if difference.detail else ""
        yield Finding(
            evidence=(evidence(a), evidence(b)),
            message=(
                f"{a['canonical']} is quoted differently by {a['doc_id']} and {b['doc_id']}: "
                f"{HOW[difference.kind]}{detail}."
            ),
            explanation=(
                f"Both quotes are given to {a['canonical']} and share most of their words, "
                f"so they report the same statement; quotation marks promise the exact "
                f"words, yet {HOW[difference.kind]}{detail} (similarity {similarity:.2f})."
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
