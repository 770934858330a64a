"""Reading the facts table from checks: plain rows, evidence, lookups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any, Final

from consistency.checks.base import CheckContext, Evidence
from consistency.lang.verbs import same_time
from consistency.tables import detail_of
from consistency.tables import records as rows  # noqa: F401  (the checks read rows here)

Row = dict[str, Any]
#: A sentence: (document, sentence number).
SentenceKey = tuple[str, int]


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
    return ctx.documents_by_id


def quoted(text: object, *, limit: int = 48) -> str:
    """Words in curly quotes on one line, cut short with an ellipsis: “We did it…”."""
    words = " ".join(str(text or "").split())
    if len(words) > limit:
        words = words[: limit - 1] + "\u2026"
    return f"\u201c{words}\u201d"


def story_of(ctx: CheckContext) -> dict[str, str]:
    """Each document's story key ('' when it has none): facts of two stories never meet."""
    return {d: str(r.get("story") or "") for d, r in ctx.documents_by_id.items()}


def by_id(ctx: CheckContext) -> dict[str, Row]:
    """Every fact row by its id (shared by the run's checks: read, never change)."""
    return ctx.facts_by_id


def anchor_phrase(document: Row) -> str:
    """'the anchor 2022-06-15 (from the text: "Wednesday (15/6/2022)")'."""
    basis = document.get("anchor_basis")
    where = {
        "text": f'from the text: "{document.get("anchor_evidence")}"',
        "metadata": "from the publication date",
        "propagated": f"borrowed from {document.get('anchor_evidence')}",
        "story": f"undated: {document.get('anchor_evidence')}",
    }.get(str(basis), str(basis))
    return f"the anchor {document.get('anchor_date')} ({where})"


def of_kind(ctx: CheckContext, *kinds: str) -> list[Row]:
    return [r for r in ctx.fact_rows if r["kind"] in kinds]


def detail(row: Row) -> dict[str, Any]:
    """The fact's extra normalizer output, parsed once (keys: :data:`tables.FACT_DETAIL`)."""
    value = row.get("detail")
    if isinstance(value, str):
        row["detail"] = value = detail_of(row)
    return value or {}


#: Reports of one event are written on the same day or the next.
REPORT_WINDOW_DAYS: Final = 1


def peer_documents(
    ctx: CheckContext, *, max_days_apart: int = REPORT_WINDOW_DAYS
) -> dict[str, set[str]]:
    """For each document, the others of its story written within ``max_days_apart`` days."""
    documents = anchors(ctx)
    return {
        doc_id: {
            other
            for other, row in documents.items()
            if other != doc_id
            and row.get("story") == mine.get("story")
            and same_day(mine, row, max_days_apart)
        }
        for doc_id, mine in documents.items()
    }


def cross_pairs(items: list[Row], peers: dict[str, set[str]]) -> Iterator[tuple[Row, Row]]:
    """Pairs of rows from peer documents (same story, close in time), each pair once."""
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if b["doc_id"] in peers.get(a["doc_id"], ()):
                yield a, b


def same_day(a: Row, b: Row, max_days_apart: int) -> bool:
    """Were two documents written within ``max_days_apart`` days (unknown dates: yes)?"""
    if not a.get("anchor_date") or not b.get("anchor_date"):
        return True
    gap = date.fromisoformat(a["anchor_date"]) - date.fromisoformat(b["anchor_date"])
    return abs(gap.days) <= max_days_apart


def link_ids(row: Row) -> list[str]:
    """The fact ids a row links to (a change's level, a claim's dates and figures), in order."""
    return str(row.get("link") or "").split()


def linked(row: Row, index: dict[str, Row]) -> list[Row]:
    """The rows a row links to, looked up in ``index`` (see :func:`by_id`)."""
    return [index[i] for i in link_ids(row) if i in index]


def claims_of(ctx: CheckContext) -> dict[str, list[Row]]:
    """For each fact id, the claims that carry it (a figure, date or ordinal of the clause)."""
    return ctx.claims_by_fact


#: modal readings under which a claim is not told as fact ("could not be measured");
#: "agreed to buy" (planned) still tells that the agreement happened
NOT_FACT: Final = frozenset({"conditional", "possible", "obligation"})


def told_alike(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Are two claims both told as fact and in the same tense? "would not have placed him"
    is a hypothesis; "will host the show this year" and "hosted it in 2007" are two events.
    "said the clinics would open" is the future told in the past, not a hypothesis."""
    if any(NOT_FACT & set(detail(row).get("modality") or []) for row in (a, b)):
        return False
    return same_time(a["tense"], b["tense"])


def sentence_dates(
    ctx: CheckContext, value: Callable[[Row], str | None]
) -> dict[SentenceKey, set[str]]:
    """For each sentence (document, sentence), the values ``value`` reads from its date
    facts (its days, its TIMEX values), leaving out the dates it gives None."""
    out: dict[SentenceKey, set[str]] = defaultdict(set)
    for fact in of_kind(ctx, "date"):
        read = value(fact)
        if read:
            out[(str(fact["doc_id"]), int(fact["sent_id"]))].add(read)
    return out
