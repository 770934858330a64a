"""Two sources give the same figure at a different scale (million against billion).

When the digits agree and the values differ by a factor of a thousand (or a
million), one source most likely slipped on the scale word: "$147 million"
against "$147 billion". The value-mismatch check leaves these pairs to this one.

Example: "a budget of $3.2 billion" against "a budget of $3.2 million".
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Iterator

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import by_id, evidence, rows
from consistency.lang.compare import scale_factor

DIGIT = re.compile(r"\d")
SCALE_NAMES = {3: "a thousand", 6: "a million", 9: "a billion"}


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    pairs = ctx.alignments[ctx.alignments["relation"] == "conflict"]
    facts = by_id(ctx)
    for pair in rows(pairs):
        a, b = facts[pair["fact_id"]], facts[pair["other_fact_id"]]
        factor = scale_factor(a["value"], b["value"])
        if factor is None or not (DIGIT.search(a["text"]) and DIGIT.search(b["text"])):
            continue  # "millions" against "billions" is vagueness, not a slip
        small, large = (a, b) if a["value"] < b["value"] else (b, a)
        yield Finding(
            evidence=(evidence(a), evidence(b)),
            message=(
                f"{small['text']!r} and {large['text']!r} differ by exactly "
                f"{SCALE_NAMES.get(factor, f'10^{factor}')}: a scale word has likely slipped."
            ),
            explanation=(
                f"Both figures measure {a['object'] or a['kind']!r}; their values "
                f"{small['value']:g} and {large['value']:g} have the same digits and a ratio "
                f"of {math.pow(10, factor):g}, the step between scale words."
            ),
            suggestion="Check which scale the primary source gives (million or billion).",
        )


CHECK = Check(
    code="N002",
    name="numeric.scale_slip",
    severity=Severity.ERROR,
    find=find,
    module=sys.modules[__name__],
    groups=("numeric", "cross-source"),
)
