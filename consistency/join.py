"""Facts of different sources → alignments: blocking keys, then one score per pair.

Candidates are only the facts of one story that share a blocking key, so the
cost grows with the facts, not with all pairs of them. Figures are scored by
:mod:`consistency.matcher` (measure, event, holder, period, sentences, values);
other facts by how alike their contexts read. Within a block the pairs are
matched one to one per pair of documents, best score first. Checkable facts that
no other source of the story matches are recorded as ``unique``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterator
from datetime import date
from typing import Any, Final

import pandas as pd
from rapidfuzz import fuzz

from consistency.lang.compare import (
    ROUNDING_TOLERANCE,
    interval,
    intervals_overlap,
    key_text,
    measured_key,
    numbers_compatible,
    numbers_equal,
    text_similarity,
)
from consistency.matcher import FIGURE_KINDS, figure_relation, same_figure
from consistency.tables import ALIGNMENTS, detail_of, frame, records

NUMERIC_KINDS: Final = ("money", "percent", "quantity", "ordinal", "age")
#: Kinds worth reporting as unique to one source when nobody else has them.
CHECKABLE_KINDS: Final = (*NUMERIC_KINDS, "date", "quote", "claim")
#: Lowest context similarity (0..1) for two facts of a loose block to be the same thing.
MIN_CONTEXT_SCORE: Final = 0.7
#: Quotes closer than this are the same words (agree); below, a paraphrase.
SAME_WORDS: Final = 0.97
MIN_QUOTE_SIMILARITY: Final = 0.6

#: Tie-break between equally scored candidates: prefer the consistent reading.
PREFERENCE: Final = {"agree": 3, "compatible": 2, "paraphrase": 1, "update": 1, "conflict": 0}

Row = dict[str, Any]


#: Figures within this many days of each other's reports may disagree only as a conflict;
#: further apart, a count that moves (a toll) has been updated.
UPDATE_WINDOW_DAYS: Final = 0


def blocking_key(row: Row) -> Hashable | None:
    """The key two facts must share to be compared at all (None: never aligned)."""
    kind = row["kind"]
    if kind in FIGURE_KINDS:
        unit = key_text(row["unit"])
        return (kind, "" if unit == "people" else unit)
    if kind in NUMERIC_KINDS:
        return (kind, key_text(row["unit"]), measured_key(row))
    if kind == "date":
        return (kind, str(row["time_start"])[:4]) if row["time_start"] else None
    if kind == "duration":
        return (kind, key_text(row["timex"])) if row["timex"] else None
    if kind in ("entity", "quote"):
        return (kind, key_text(row["canonical"])) if row["canonical"] else None
    if kind == "claim":
        return (kind, key_text(row["predicate"]), key_text(row["canonical"]))
    return None


def _loose(key: Hashable) -> bool:
    """Blocks whose key alone does not say the facts are about the same thing."""
    kind = key[0]  # type: ignore[index]
    return kind in ("date", "quote") or (
        kind in NUMERIC_KINDS and kind not in FIGURE_KINDS and not key[2]  # type: ignore[index]
    )


def relation(a: Row, b: Row) -> str:
    """agree, compatible, conflict or paraphrase, for two facts that share a key."""
    kind = a["kind"]
    if kind in NUMERIC_KINDS:
        if numbers_equal(a["value"], b["value"]) and a["qualifier"] == b["qualifier"]:
            return "agree"
        ia = interval(a["value"], a["value_low"], a["value_high"])
        ib = interval(b["value"], b["value_low"], b["value_high"])
        return "compatible" if ia and ib and numbers_compatible(ia, ib) else "conflict"
    if kind == "date":
        if (a["time_start"], a["time_end"]) == (b["time_start"], b["time_end"]):
            return "agree"
        overlap = intervals_overlap(a["time_start"], a["time_end"], b["time_start"], b["time_end"])
        return "compatible" if overlap else "conflict"
    if kind == "quote":
        return "agree" if text_similarity(a["text"], b["text"]) >= SAME_WORDS else "paraphrase"
    return "agree"


def context_score(a: str, b: str) -> float:
    return fuzz.token_set_ratio(a, b, processor=str.casefold) / 100.0


def _pairs(block: list[Row], story: dict[str, Any]) -> Iterator[tuple[Row, Row]]:
    by_doc: dict[str, list[Row]] = defaultdict(list)
    for row in block:
        by_doc[row["doc_id"]].append(row)
    docs = sorted(by_doc)
    for i, doc_a in enumerate(docs):
        for doc_b in docs[i + 1 :]:
            if story.get(doc_a) != story.get(doc_b):
                continue
            for a in by_doc[doc_a]:
                for b in by_doc[doc_b]:
                    yield a, b


def _context(row: Row, context: dict[tuple[str, int], str]) -> str:
    return context.get((row["doc_id"], row["sent_id"]), "")


def _score(a: Row, b: Row, context: dict[tuple[str, int], str]) -> float:
    if a["kind"] == "quote":
        return text_similarity(a["text"], b["text"])
    return context_score(
        context.get((a["doc_id"], a["sent_id"]), ""), context.get((b["doc_id"], b["sent_id"]), "")
    )


def _days_apart(a: Row, b: Row, dates: dict[str, date | None]) -> int | None:
    first, second = dates.get(a["doc_id"]), dates.get(b["doc_id"])
    return None if first is None or second is None else abs((first - second).days)


def align(
    facts: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Alignments between facts of different documents of the same story."""
    context = {(r.doc_id, r.sent_id): r.text for r in sentences.itertuples(index=False)}
    story = {} if documents is None else {r["doc_id"]: r["story"] for r in records(documents)}
    dates = (
        {}
        if documents is None
        else {
            r["doc_id"]: date.fromisoformat(r["anchor_date"]) if r["anchor_date"] else None
            for r in records(documents)
        }
    )
    blocks: dict[Hashable, list[Row]] = defaultdict(list)
    all_rows = list(records(facts))
    for row in all_rows:
        row["detail"] = detail_of(row)  # decoded once: the matcher reads it for every pair
    for row in all_rows:
        key = blocking_key(row)
        if key is not None:
            blocks[key].append(row)
    candidates: list[tuple[int, float, int, Row]] = []
    for key, block in sorted(blocks.items(), key=lambda kv: str(kv[0])):
        threshold = MIN_QUOTE_SIMILARITY if key[0] == "quote" else MIN_CONTEXT_SCORE  # type: ignore[index]
        for a, b in _pairs(block, story):
            basis = None
            if a["kind"] in FIGURE_KINDS:
                match = same_figure(
                    a, b, context_a=_context(a, context), context_b=_context(b, context)
                )
                if not match.same:
                    continue
                score, basis = match.score, "; ".join(match.reasons)
                rel = figure_relation(
                    a,
                    b,
                    days_apart=_days_apart(a, b, dates),
                    tolerance=ROUNDING_TOLERANCE,
                    window=UPDATE_WINDOW_DAYS,
                )
            else:
                score = _score(a, b, context)
                rel = relation(a, b)
            if _loose(key) and score < threshold and not (a["kind"] == "date" and rel == "agree"):
                continue  # the same calendar date needs no similar context to match
            out = {
                "fact_id": a["fact_id"],
                "other_fact_id": b["fact_id"],
                "doc_id": a["doc_id"],
                "other_doc_id": b["doc_id"],
                "kind": a["kind"],
                "relation": rel,
                "score": round(score, 4),
                "basis": basis,
            }
            first = PREFERENCE[rel] if a["kind"] == "date" else 0
            candidates.append((first, score, PREFERENCE[rel], out))
    # One-to-one per pair of documents: the same date first, then the best score,
    # then the consistent reading.
    candidates.sort(key=lambda c: (-c[0], -c[1], -c[2], c[3]["fact_id"], c[3]["other_fact_id"]))
    taken: set[tuple[str, str]] = set()
    rows: list[Row] = []
    for *_, out in candidates:
        a_slot = (out["fact_id"], out["other_doc_id"])
        b_slot = (out["other_fact_id"], out["doc_id"])
        if a_slot in taken or b_slot in taken:
            continue
        taken |= {a_slot, b_slot}
        rows.append(out)
    rows.extend(_unique(all_rows, {fact_id for fact_id, _ in taken}, story))
    rows.sort(key=lambda r: (r["fact_id"], r["other_fact_id"] or ""))
    return frame(rows, ALIGNMENTS)


def _unique(all_rows: list[Row], matched: set[str], story: dict[str, Any]) -> Iterator[Row]:
    """Checkable facts that no other source of their story matched."""
    docs = {r["doc_id"] for r in all_rows}
    for row in all_rows:
        peers = [d for d in docs if d != row["doc_id"] and story.get(d) == story.get(row["doc_id"])]
        if row["kind"] in CHECKABLE_KINDS and peers and row["fact_id"] not in matched:
            yield {
                "fact_id": row["fact_id"],
                "other_fact_id": None,
                "doc_id": row["doc_id"],
                "other_doc_id": None,
                "kind": row["kind"],
                "relation": "unique",
                "score": None,
                "basis": None,
            }
