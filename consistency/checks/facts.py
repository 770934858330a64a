"""Reading the facts table from checks: plain rows, evidence, lookups."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from consistency.checks.base import CheckContext, Evidence
from consistency.tables import records as rows

Row = dict[str, Any]


def evidence(row: Row) -> Evidence:
    """The evidence span of a fact row."""
    return Evidence(
        doc_id=str(row["doc_id"]),
        char_start=int(row["char_start"]),
        char_end=int(row["char_end"]),
        fact_id=row.get("fact_id"),
        sent_id=None if row.get("sent_id") is None else int(row["sent_id"]),
    )


def anchors(ctx: CheckContext) -> dict[str, Row]:
    """Each document's row (anchor_date, anchor_basis, anchor_evidence ...) by doc_id."""
    return {str(r["doc_id"]): r for r in rows(ctx.documents)}


def by_id(ctx: CheckContext) -> dict[str, Row]:
    return {str(r["fact_id"]): r for r in rows(ctx.facts)}


def anchor_phrase(document: Row) -> str:
    """'the anchor 2022-06-15 (from the text: "Wednesday (15/6/2022)")'."""
    basis = document.get("anchor_basis")
    where = {
        "text": f'from the text: "{document.get("anchor_evidence")}"',
        "metadata": "from the publication date",
        "propagated": f"borrowed from {document.get('anchor_evidence')}",
    }.get(str(basis), str(basis))
    return f"the anchor {document.get('anchor_date')} ({where})"


def of_kind(ctx: CheckContext, *kinds: str) -> list[Row]:
    return list(rows(ctx.facts[ctx.facts["kind"].isin(kinds)]))


def detail(row: Row) -> dict[str, Any]:
    """The fact's extra normalizer output, parsed."""
    return json.loads(row["detail"]) if row.get("detail") else {}


def cross_pairs(items: list[Row], *, story_of: dict[str, Any]) -> Iterator[tuple[Row, Row]]:
    """Pairs of rows from different documents of the same story, each pair once."""
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a["doc_id"] != b["doc_id"] and story_of.get(a["doc_id"]) == story_of.get(
                b["doc_id"]
            ):
                yield a, b


def stories(ctx: CheckContext) -> dict[str, Any]:
    """Each document's story key (None when the run has no story metadata)."""
    return {doc_id: row.get("story") for doc_id, row in anchors(ctx).items()}
