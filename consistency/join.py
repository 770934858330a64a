"""Facts of different sources → alignments: blocking keys, then rapidfuzz on context.

Candidates are only the facts that share a blocking key, so the cost grows
with the facts, not with all pairs of them. Within a block each fact keeps its
best match in every other document.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterator
from typing import Any, Final

import pandas as pd
from rapidfuzz import fuzz

from consistency.checks.comparators import interval, numbers_compatible, numbers_equal
from consistency.tables import ALIGNMENTS, frame, records

NUMERIC_KINDS: Final = ("money", "percent", "quantity", "ordinal", "age")
#: Lowest context similarity (0..1) for two figures with no measured thing to match on.
MIN_CONTEXT_SCORE: Final = 0.55

Row = dict[str, Any]


def _key_text(value: object) -> str:
    return "" if value is None or pd.isna(value) else " ".join(str(value).casefold().split())


def blocking_key(row: Row) -> Hashable | None:
    """The key two facts must share to be compared at all."""
    kind = row["kind"]
    if kind in NUMERIC_KINDS:
        return (kind, _key_text(row["unit"]), _key_text(row["object"]))
    if kind in ("date", "duration"):
        return (kind, _key_text(row["timex"])) if _key_text(row["timex"]) else None
    if kind == "entity":
        return (kind, _key_text(row["canonical"]))
    return None


def relation(a: Row, b: Row) -> str:
    """agree, compatible or conflict for two facts that share a key."""
    if a["kind"] in NUMERIC_KINDS:
        if numbers_equal(a["value"], b["value"]) and a["qualifier"] == b["qualifier"]:
            return "agree"
        ia = interval(a["value"], a["value_low"], a["value_high"])
        ib = interval(b["value"], b["value_low"], b["value_high"])
        if ia and ib and numbers_compatible(ia, ib):
            return "compatible"
        return "conflict"
    return "agree"


def context_score(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b, processor=str.casefold) / 100.0


def _pairs(block: list[Row]) -> Iterator[tuple[Row, Row]]:
    docs = sorted({r["doc_id"] for r in block})
    for i, doc_a in enumerate(docs):
        for doc_b in docs[i + 1 :]:
            for a in (r for r in block if r["doc_id"] == doc_a):
                for b in (r for r in block if r["doc_id"] == doc_b):
                    yield a, b


def align(facts: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Alignments between facts of different documents."""
    context = {(r.doc_id, r.sent_id): r.text for r in sentences.itertuples(index=False)}
    blocks: dict[Hashable, list[Row]] = defaultdict(list)
    for row in records(facts):
        key = blocking_key(row)
        if key is not None:
            blocks[key].append(row)
    best: dict[tuple[str, str], tuple[float, Row]] = {}
    for key, block in sorted(blocks.items(), key=lambda kv: str(kv[0])):
        unmatched_thing = key[0] in NUMERIC_KINDS and not key[2]  # type: ignore[index]
        for a, b in _pairs(block):
            score = context_score(
                context.get((a["doc_id"], a["sent_id"]), ""),
                context.get((b["doc_id"], b["sent_id"]), ""),
            )
            if unmatched_thing and score < MIN_CONTEXT_SCORE:
                continue
            out = {
                "fact_id": a["fact_id"],
                "other_fact_id": b["fact_id"],
                "doc_id": a["doc_id"],
                "other_doc_id": b["doc_id"],
                "kind": a["kind"],
                "relation": relation(a, b),
                "score": round(score, 4),
            }
            for one, other in ((a, b), (b, a)):
                slot = (one["fact_id"], other["doc_id"])
                if slot not in best or score > best[slot][0]:
                    best[slot] = (score, out)
    rows = {id(out): out for _, out in best.values()}
    ordered = sorted(rows.values(), key=lambda r: (r["fact_id"], r["other_fact_id"]))
    return frame(ordered, ALIGNMENTS)
