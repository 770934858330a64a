"""Two sources give the same figure at a different scale (million against billion).

When the digits agree and the values differ by a power of ten (a thousand, a
million, or ten: "770,000" against "7.7 million"), one source most likely
slipped on the scale word: "$147 million" against "$147 billion". The
value-mismatch check leaves these figures to this one.

Example: "a budget of $3.2 billion" against "a budget of $3.2 million".
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import Row, by_id, evidence, rows
from consistency.checks.figures import fact_groups, sides
from consistency.lang.compare import ROUNDING_TOLERANCE
from consistency.matcher import FIGURE_KINDS, scale_slip

SCALE_NAMES = {1: "ten", 2: "a hundred", 3: "a thousand", 6: "a million", 9: "a billion"}


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    pairs = ctx.alignments[ctx.alignments["kind"].isin(FIGURE_KINDS)]
    usable = [p for p in rows(pairs) if p["relation"] in ("agree", "compatible", "conflict")]
    for group in fact_groups(usable, by_id(ctx)):
        split = sides(group, tolerance=ROUNDING_TOLERANCE)
        for i, one in enumerate(split):
            for other in split[i + 1 :]:
                a, b = one.facts[0], other.facts[0]
                if scale_slip(a, b):
                    yield _finding(a, b)


def _finding(a: Row, b: Row) -> Finding:
    small, large = (a, b) if a["value"] < b["value"] else (b, a)
    factor = round(math.log10(large["value"] / small["value"]))
    return Finding(
        evidence=(evidence(a), evidence(b)),
        message=(
            f"{small['text']!r} and {large['text']!r} differ by exactly "
            f"{SCALE_NAMES.get(factor, f'10^{factor}')}: a scale word has likely slipped."
        ),
        explanation=(
            f"Both figures measure {a['measure'] or a['object'] or a['kind']!r}; their values "
            f"{small['value']:g} and {large['value']:g} have the same digits and a ratio "
            f"of {math.pow(10, factor):g}."
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
