"""A difference stated in a sentence does not fit the figures it relates.

Two shapes of news copy state a difference next to the figures that make it:

- an increment with the levels it moved: "Seven more bodies were found,
  raising the toll to 63 from 58" (63 - 58 is 5, not 7); the increment is a
  count marked "more", "another", "additional" or "further", or the subject of
  the clause that moved the level ("The ten bodies recovered overnight raised
  the toll to 64 from 58");
- a comparison: "The 175 signatures were 56 per cent more than the 119 of
  1982" (175 against 119 is 47 per cent more; 56 is the difference itself).

Every figure counts its own rounding and qualifier.

Options: ``tolerance``, the relative slack allowed beyond rounding.

Example: "Eighteen more victims were found, taking the toll to 282 from 274."
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from types import MappingProxyType
from typing import Final

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import Row, by_id, detail, evidence, linked, of_kind, rows
from consistency.lang.compare import numbers_compatible, written_interval
from consistency.matcher import FIGURE_KINDS

#: "seven more", "two additional": a count that adds to a level.
MORE_AFTER: Final = re.compile(r"\s+(?:more|additional|further|extra|new)\b", re.I)
#: "another 17", "a further 12".
MORE_BEFORE: Final = re.compile(r"\b(?:another|a\s+further|an\s+additional|an\s+extra)\s+$", re.I)
#: "56 per cent more than the 119", "30% higher than", "a fifth fewer than".
COMPARED: Final = re.compile(
    r"\s+(?P<way>more|higher|larger|bigger|greater|up|less|lower|smaller|fewer|down)"
    r"\s+(?:\w+\s+){0,3}?(?:than|on|from)\s",
    re.I,
)
LESS: Final = frozenset({"less", "lower", "smaller", "fewer", "down"})


def _part(row: Row) -> str | None:
    return detail(row).get("change_part")


def _sentences(ctx: CheckContext) -> dict[tuple[str, int], list[Row]]:
    out: dict[tuple[str, int], list[Row]] = defaultdict(list)
    for row in rows(ctx.facts[ctx.facts["kind"].isin(FIGURE_KINDS)]):
        out[(str(row["doc_id"]), int(row["sent_id"]))].append(row)
    return out


def _subject_spans(ctx: CheckContext, index: dict[str, Row]) -> dict[str, list[tuple[int, int]]]:
    """For each figure, the subject spans of the clauses that carry it."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for claim in of_kind(ctx, "claim"):
        span = detail(claim).get("subject_span")
        if not span:
            continue
        for fact in linked(claim, index):
            out[str(fact["fact_id"])].append((int(span[0]), int(span[1])))
    return out


def _increment(row: Row, text: str, subjects: list[tuple[int, int]]) -> bool:
    start, end = int(row["char_start"]), int(row["char_end"])
    if MORE_AFTER.match(text, end) or MORE_BEFORE.search(text, max(0, start - 20), start):
        return True
    return any(a <= start and end <= b for a, b in subjects)


def _increments(ctx: CheckContext, tolerance: float) -> Iterator[Finding]:
    index = by_id(ctx)
    subjects = _subject_spans(ctx, index)
    for (doc_id, _), figures in _sentences(ctx).items():
        text = ctx.texts[doc_id]
        for level in figures:
            if _part(level) != "to" or level["kind"] != "quantity":
                continue
            base = next((b for b in linked(level, index) if _part(b) == "from"), None)
            now, before = written_interval(level), base and written_interval(base)
            if base is None or now is None or before is None:
                continue
            counts = [
                f
                for f in figures
                if f["kind"] == "quantity"
                and f["fact_id"] not in (level["fact_id"], base["fact_id"])
                and not _part(f)
                and f["role"] != "change"
                and _increment(f, text, subjects.get(str(level["fact_id"]), []))
            ]
            for count in counts[:1]:
                stated = written_interval(count)
                moved = (now[0] - before[1], now[1] - before[0])
                if stated is None or numbers_compatible(stated, moved, tolerance=tolerance):
                    continue
                change = (moved[0] + moved[1]) / 2
                yield Finding(
                    evidence=(evidence(count), evidence(level), evidence(base)),
                    message=(
                        f"{count['text']!r} more does not fit a move from {base['text']!r} "
                        f"to {level['text']!r}, which is {change:+,.6g}."
                    ),
                    explanation=(
                        f"The sentence adds {count['text']!r} to a level it gives as "
                        f"{base['text']!r} before and {level['text']!r} after; allowing for "
                        f"rounding, the two levels differ by {change:,.6g}."
                    ),
                    suggestion="Check the increment and both levels.",
                )


def _comparisons(ctx: CheckContext, tolerance: float) -> Iterator[Finding]:
    for (doc_id, _), figures in _sentences(ctx).items():
        text = ctx.texts[doc_id]
        ordered = sorted(figures, key=lambda f: int(f["char_start"]))
        for i, share in enumerate(ordered):
            if share["kind"] != "percent":
                continue
            found = COMPARED.match(text, int(share["char_end"]))
            if found is None or i == 0 or i + 1 >= len(ordered):
                continue
            first, second = ordered[i - 1], ordered[i + 1]
            if first["kind"] != second["kind"] or first["kind"] == "percent":
                continue
            if (
                int(second["char_start"]) - int(share["char_end"])
                > found.end() - found.start() + 40
            ):
                continue
            a, b, stated = (
                written_interval(first),
                written_interval(second),
                written_interval(share),
            )
            if a is None or b is None or stated is None or b[0] <= 0:
                continue
            corners = [(x - y) / y * 100 for x in a for y in b]
            implied = (min(corners), max(corners))
            if found["way"].lower() in LESS:
                implied = (-implied[1], -implied[0])
            if numbers_compatible(stated, implied, tolerance=tolerance):
                continue
            middle = (implied[0] + implied[1]) / 2
            yield Finding(
                evidence=(evidence(share), evidence(first), evidence(second)),
                message=(
                    f"{first['text']!r} against {second['text']!r} is {middle:.1f}% "
                    f"{found['way'].lower()}, not {share['text']!r}."
                ),
                explanation=(
                    f"The sentence compares {first['text']!r} with {second['text']!r} by "
                    f"{share['text']!r}; the two figures differ by {middle:.1f}% of "
                    f"{second['text']!r}."
                ),
                suggestion="Recompute the percentage from the two figures.",
            )


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    yield from _increments(ctx, options["tolerance"])
    yield from _comparisons(ctx, options["tolerance"])


CHECK = Check(
    code="N006",
    name="numeric.stated_difference",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("numeric",),
    defaults=MappingProxyType({"tolerance": 0.05}),
)
