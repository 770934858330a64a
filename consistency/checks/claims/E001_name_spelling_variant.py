"""One entity is spelled differently across or within sources.

Entity mentions that the normalizer tied to one canonical name but whose
surfaces differ in spelling ("Kiev" / "Kyiv") are flagged once per entity and story,
with one mention of each spelling as evidence. Differences of case only,
possessives and acronyms against full names are not spelling variants.

Example: "Troops left Kiev on Monday" against "Troops left Kyiv on Monday".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import Row, evidence, of_kind, story_of
from consistency.lang.names import spelling_variants


def _surface(row: Row) -> str:
    text = str(row.get("text") or "").strip()
    for tail in ("'s", "\u2019s"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    story = story_of(ctx)
    groups: dict[tuple[str, str], list[Row]] = {}
    for row in of_kind(ctx, "entity"):
        canonical = str(row.get("canonical") or "")
        if canonical:
            groups.setdefault((story.get(str(row["doc_id"]), ""), canonical), []).append(row)
    for (_, canonical), mentions in sorted(groups.items()):
        first: dict[str, Row] = {}
        for row in sorted(mentions, key=lambda r: (str(r["doc_id"]), int(r["char_start"]))):
            surface = _surface(row)
            if surface and surface.casefold() not in {s.casefold() for s in first}:
                first[surface] = row
        variants = [s for s in first if any(s != o and spelling_variants(s, o) for o in first)]
        if len(variants) < 2:
            continue
        where = "; ".join(f'"{s}" in {first[s]["doc_id"]}' for s in variants)
        yield Finding(
            evidence=tuple(evidence(first[s]) for s in variants),
            message=f"{canonical} is spelled " + " / ".join(f'"{s}"' for s in variants) + ".",
            explanation=(
                f"The mentions {where} were normalized to one entity, {canonical}, "
                "and differ in spelling, not only in case or form."
            ),
            suggestion="Use one spelling of the name throughout (house style).",
        )


CHECK = Check(
    code="E001",
    name="claims.name_spelling_variant",
    severity=Severity.INFO,
    find=find,
    module=sys.modules[__name__],
    groups=("claims", "cross-source"),
)
