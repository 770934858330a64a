"""Two figures of one article read the same digits with two neighbours swapped.

"Net profit reached 4.94 trillion yen" and, further down, "down from last
year's 4.49 trillion yen"; "a world record 3:29.34" and "the Americans'
3:29.43": the same digits, two of them side by side in the other order, is the
commonest slip of copying a figure by hand. Both figures are of one kind and
unit, written with at least ``min_digits`` significant digits, in different
sentences, and measure nothing that tells them apart (a measured thing on each
side must be one, or missing on one side); a figure the matcher calls another
fact for a reason other than its value (another event, place, part or change)
stays apart.

Options: ``min_digits``, the significant digits each figure needs.

Example: "The bridge is 1,372 metres long" and later "the 1,327-metre span".
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import Row, detail, evidence, rows
from consistency.lang.frames import DIFFERENT, compare_things, thing_from_label
from consistency.matcher import FIGURE_KINDS, significant_digits


def swapped_neighbours(a: str, b: str) -> bool:
    """Do two digit strings differ only by two adjacent digits in the other order?"""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) != 2 or diff[1] != diff[0] + 1:
        return False
    i, j = diff
    return a[i] == b[j] and a[j] == b[i]


def _apart(a: Row, b: Row) -> bool:
    """Does anything but the value tell the two figures apart?"""
    if (a["kind"], a["unit"]) != (b["kind"], b["unit"]) or a["role"] != b["role"]:
        return True
    if bool(detail(a).get("part")) != bool(detail(b).get("part")):
        return True
    if a["event"] and b["event"] and a["event"] != b["event"]:
        return True
    things = compare_things(
        thing_from_label(a["measure"], a["event"]), thing_from_label(b["measure"], b["event"])
    )
    return things == DIFFERENT


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    by_doc: dict[str, list[tuple[Row, str]]] = defaultdict(list)
    for row in rows(ctx.facts[ctx.facts["kind"].isin(FIGURE_KINDS)]):
        digits = significant_digits(row)
        if len(digits) >= options["min_digits"] and not detail(row).get("range"):
            by_doc[str(row["doc_id"])].append((row, digits))
    for doc_id, items in sorted(by_doc.items()):
        for i, (a, digits_a) in enumerate(items):
            for b, digits_b in items[i + 1 :]:
                if a["sent_id"] == b["sent_id"] or not swapped_neighbours(digits_a, digits_b):
                    continue
                if _apart(a, b):
                    continue
                yield Finding(
                    evidence=(evidence(b), evidence(a)),
                    message=(
                        f"{doc_id} gives {a['text']!r} and later {b['text']!r}: the same "
                        "digits with two swapped."
                    ),
                    explanation=(
                        f"{a['text']!r} and {b['text']!r} are of one kind and unit and read "
                        "the same digits but for two neighbours in the other order, the "
                        "commonest slip of copying a figure; nothing else in the article "
                        "tells them apart."
                    ),
                    suggestion="Check both figures against the source.",
                )


CHECK = Check(
    code="N007",
    name="numeric.transposed_digits",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("numeric",),
    defaults=MappingProxyType({"min_digits": 3}),
)
