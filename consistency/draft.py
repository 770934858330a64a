"""Draft mode: a draft checked against its sources.

Every document read from the draft paths gets the role "draft", every one
from the source paths the role "source", and all share one story so that the
join compares them. Each checkable fact of a draft is then supported (a source
agrees, or is compatible, or paraphrases it), in conflict (the best match
disagrees), or unsupported (no source has it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from typing import Final

import pandas as pd

from consistency.ingest.model import Document
from consistency.tables import SUPPORT, frame, records

DRAFT: Final = "draft"
SOURCE: Final = "source"
STORY: Final = "draft-check"
#: Facts of a draft whose support is reported.
SUPPORT_KINDS: Final = ("money", "percent", "quantity", "ordinal", "age", "date", "quote", "claim")


def assign_roles(drafts: Iterable[Document], sources: Iterable[Document]) -> list[Document]:
    """Drafts and sources as one story, each with its role."""
    return [replace(d, role=DRAFT, story=STORY, story_basis=DRAFT) for d in drafts] + [
        replace(s, role=SOURCE, story=STORY, story_basis=DRAFT) for s in sources
    ]


def draft_support(
    documents: pd.DataFrame, facts: pd.DataFrame, alignments: pd.DataFrame
) -> pd.DataFrame:
    """The support table: one row per checkable fact of every draft."""
    roles = {r["doc_id"]: r["role"] for r in records(documents)}
    matches: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for pair in records(alignments):
        if not pair["other_fact_id"]:
            continue
        for mine, theirs, their_doc in (
            (pair["fact_id"], pair["other_fact_id"], pair["other_doc_id"]),
            (pair["other_fact_id"], pair["fact_id"], pair["doc_id"]),
        ):
            if roles.get(their_doc) == SOURCE:
                matches[mine].append((theirs, their_doc, pair["relation"]))
    rows = []
    for fact in records(facts):
        if roles.get(fact["doc_id"]) != DRAFT or fact["kind"] not in SUPPORT_KINDS:
            continue
        found = matches.get(fact["fact_id"], [])
        if not found:
            status = "unsupported"
        elif any(rel != "conflict" for _, _, rel in found):
            status = "supported"
        else:
            status = "conflict"
        rows.append(
            {
                "fact_id": fact["fact_id"],
                "doc_id": fact["doc_id"],
                "kind": fact["kind"],
                "text": fact["text"],
                "status": status,
                "source_fact_ids": " ".join(sorted(f for f, _, _ in found)) or None,
                "sources": " ".join(sorted({d for _, d, _ in found})) or None,
            }
        )
    return frame(rows, SUPPORT)
