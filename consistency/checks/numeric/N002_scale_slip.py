"""Two sources give the same figure at a different scale (million against billion).

When the digits agree and the values differ by a power of ten (a thousand, a
million, or ten: "770,000" against "7.7 million"), one source most likely
slipped on the scale word: "$147 million" against "$147 billion". The
value-mismatch check leaves these figures to this one. Figures written with
the same two or more digits ("252.7", "77") a power of ten apart are a slip
whenever their frames do not tell two facts and either a scale word differs
("$147 million" / "$147 billion", "770,000" / "7.7 million") or both measure one
named thing; a price of "$0.99" and one of "$99" with nothing said of either are
two facts. A single digit ("$1 million", "$10 million") needs the matcher to take
them for one fact.

Options: ``min_digits``, how many digits two figures must share to be a slip
without the matcher.

Example: "a budget of $3.2 billion" against "a budget of $3.2 million".
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import Row, anchors, by_id, detail, evidence, rows
from consistency.checks.figures import fact_groups, sides
from consistency.lang.compare import ROUNDING_TOLERANCE
from consistency.lang.frames import SAME, compare_things, known_measure_name, thing_from_label
from consistency.matcher import FIGURE_KINDS, frames_allow, scale_slip, significant_digits

SCALE_NAMES = {1: "ten", 2: "a hundred", 3: "a thousand", 6: "a million", 9: "a billion"}
#: The largest slip of one scale word ("million" for "billion"), as a power of ten.
MAX_SLIP_POWER = 3


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    seen: set[frozenset[str]] = set()
    for a, b in [*_matched(ctx), *_written_alike(ctx, options["min_digits"])]:
        key = frozenset((str(a["fact_id"]), str(b["fact_id"])))
        if key not in seen:
            seen.add(key)
            yield _finding(a, b)


def _matched(ctx: CheckContext) -> Iterator[tuple[Row, Row]]:
    """Scale slips between figures the matcher took for one fact."""
    pairs = ctx.alignments[ctx.alignments["kind"].isin(FIGURE_KINDS)]
    usable = [p for p in rows(pairs) if p["relation"] in ("agree", "compatible", "conflict")]
    for group in fact_groups(usable, by_id(ctx)):
        split = sides(group, tolerance=ROUNDING_TOLERANCE)
        for i, one in enumerate(split):
            for other in split[i + 1 :]:
                if scale_slip(one.facts[0], other.facts[0]):
                    yield one.facts[0], other.facts[0]


def _written_alike(ctx: CheckContext, min_digits: int) -> Iterator[tuple[Row, Row]]:
    """Figures of two sources of a story written with the same digits (at least
    ``min_digits`` of them: "252.7", "77") a power of ten apart, in one currency or
    unit, whose frames do not tell two facts: such a coincidence is a slip, whatever
    the sentences say."""
    story = {d: r.get("story") for d, r in anchors(ctx).items()}
    figures = ctx.facts[ctx.facts["kind"].isin(FIGURE_KINDS)]
    by_digits: dict[tuple[object, ...], list[Row]] = defaultdict(list)
    for row in rows(figures):
        digits = significant_digits(row)
        if len(digits) >= min_digits:
            by_digits[(story.get(row["doc_id"]), row["kind"], row["unit"], digits)].append(row)
    for items in by_digits.values():
        for i, a in enumerate(items):
            for b in items[i + 1 :]:
                if (
                    a["doc_id"] != b["doc_id"]
                    and scale_slip(a, b)
                    and frames_allow(a, b)
                    and _power(a, b) <= MAX_SLIP_POWER
                    and (_scale_words_differ(a, b) or _one_measure(a, b))
                ):
                    yield a, b


def _power(a: Row, b: Row) -> int:
    """The power of ten between two positive values."""
    return round(abs(math.log10(float(a["value"]) / float(b["value"]))))


def _scale_words_differ(a: Row, b: Row) -> bool:
    """ "$147 million" / "$147 billion", "770,000" / "7.7 million": a scale word slipped."""
    return detail(a).get("scale") != detail(b).get("scale")


def _one_measure(a: Row, b: Row) -> bool:
    """Both figures measure one thing a news frame names and that holds one value: a
    fine, a magnitude, a building's storeys, or a count of people with what happened
    to them ("2,450 euros" and "245 euros" both the fine; not "1,400 workers" and
    "14,000 workers", which may be two groups)."""
    thing = thing_from_label(a["measure"], a["event"])
    other = thing_from_label(b["measure"], b["event"])
    if thing is None or compare_things(thing, other) != SAME:
        return False
    if not known_measure_name(thing.measure) or thing.generic:
        return False
    return thing.single or thing.stable or bool(a["event"] and a["event"] == b["event"])


def _finding(a: Row, b: Row) -> Finding:
    small, large = (a, b) if a["value"] < b["value"] else (b, a)
    factor = _power(a, b)
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
        topic=f"the scale of {a['measure'] or a['object'] or a['kind']}",
        sides=((a["doc_id"], repr(a["text"])), (b["doc_id"], repr(b["text"]))),
    )


CHECK = Check(
    code="N002",
    name="numeric.scale_slip",
    severity=Severity.ERROR,
    find=find,
    module=sys.modules[__name__],
    groups=("numeric", "cross-source"),
    defaults=MappingProxyType({"min_digits": 2}),
)
