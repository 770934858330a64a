"""One quote is given to different speakers, or carried by different channels.

The same words in quotation marks are attributed to one person by one source
and to another person by another ("Xi said" against "Li said"), or said to be
reported by different outlets. At most one attribution can be right. A speaker
named more fully in one source ("officials" / "federal officials") is the same,
and a name against a description ("Vincent Gigante" / "the former crime family
head") cannot tell.

Options: ``min_similarity``, how close two quotes must be to count as the same words.

Example: "The talks were frank," the foreign minister said / "The talks were
frank," the prime minister said.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import cross_pairs, evidence, of_kind, peer_documents, quoted
from consistency.lang.compare import names_alike, text_similarity


def _described(who: object) -> bool:
    """A speaker given by a description ("officials", "a spokesman"), not by a name."""
    return str(who or "")[:1].islower()


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    quotes = of_kind(ctx, "quote")
    for a, b in cross_pairs(quotes, peer_documents(ctx)):
        similarity = text_similarity(a["text"], b["text"])
        if similarity < options["min_similarity"]:
            continue
        for field, what in (("canonical", "speakers"), ("attribution", "channels")):
            if not (a[field] and b[field]) or names_alike(a[field], b[field]):
                continue
            if _described(a[field]) != _described(b[field]):
                continue  # "former crime family head" may well be "Vincent Gigante"
            yield Finding(
                evidence=(evidence(a), evidence(b)),
                message=(
                    f"The same quote has different {what}: {a[field]!r} in {a['doc_id']}, "
                    f"{b[field]!r} in {b['doc_id']}."
                ),
                explanation=(
                    f"The two quotes share their words (similarity {similarity:.2f}), so "
                    f"they are one statement, but the sources name different {what}."
                ),
                suggestion="Check who said it, and through which outlet, in the original.",
                topic=f"the {what} of the quote {quoted(a['text'])}",
                sides=((a["doc_id"], repr(a[field])), (b["doc_id"], repr(b[field]))),
            )


CHECK = Check(
    code="Q002",
    name="claims.quote_attribution_conflict",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("claims", "quotes", "cross-source"),
    defaults=MappingProxyType({"min_similarity": 0.9}),
)
