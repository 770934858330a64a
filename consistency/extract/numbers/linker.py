"""Relating figures to the facts around them: period, base, the level a change modifies,
and attribution. Runs after every extractor, on one document's rows (ids assigned).

Date rows are read through their contract only: ``kind`` "date", ``char_start``,
``char_end`` and ``timex``.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from consistency.lang import vocab
from consistency.parsed import ParsedDocument
from consistency.tables import merge_detail

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FactRow = dict[str, Any]
FIGURE_KINDS: Final = frozenset({"money", "percent", "quantity", "ordinal", "age"})
#: Prepositions that make a date the base of a change, not its period ("up 5% from 2019").
BASE_PREPOSITIONS: Final = frozenset({"from", "since", "over", "versus", "vs", "than", "on"})
PRONOUNS: Final = vocab.marked("pronouns", 1, "subject")
#: Verbs under which a figure is attributed to the subject ("the ministry said", "data showed").
SAY_VERBS: Final = vocab.marked("speech_verbs", 2, "figures")
MAX_DEPTH: Final = 6


def link_figures(parsed: ParsedDocument, rows: list[FactRow]) -> list[FactRow]:
    """Fill ``period``, ``link`` and ``attribution`` of figure rows; other rows pass as they are."""
    out = [dict(r) for r in rows]
    dates = [r for r in out if r.get("kind") == "date" and r.get("timex")]
    figures = [r for r in out if r.get("kind") in FIGURE_KINDS]
    for row in figures:
        span = _span(parsed, row)
        if span is None:
            continue
        _periods(parsed, row, span, dates)
        if not row.get("attribution"):
            row["attribution"] = attribution(span)
    for row in figures:
        _link(row, figures, parsed)
    return out


def _span(parsed: ParsedDocument, row: FactRow) -> Span | None:
    span = parsed.doc.char_span(int(row["char_start"]), int(row["char_end"]), "expand")
    return span if span is not None and len(span) else None


def _periods(parsed: ParsedDocument, row: FactRow, span: Span, dates: list[FactRow]) -> None:
    sentence = span.sent
    chain = [span.root, *span.root.ancestors]
    best: dict[bool, tuple[tuple[int, int], FactRow]] = {}
    for date in dates:
        if not sentence.start_char <= int(date["char_start"]) < sentence.end_char:
            continue
        if int(date["char_start"]) < span.end_char and span.start_char < int(date["char_end"]):
            continue
        date_span = _span(parsed, date)
        if date_span is None:
            continue
        found = _governs(date_span.root, chain)
        if found is None:
            continue
        depth, is_base = found
        rank = (depth, abs(date_span.start - span.start))
        if is_base not in best or rank < best[is_base][0]:
            best[is_base] = (rank, date)
    if False in best and not row.get("period"):
        row["period"] = _range_of(best[False][1]) or best[False][1]["timex"]
    if True in best and row.get("role") == "change":
        _add_detail(row, base_period=best[True][1]["timex"])


def _range_of(date: FactRow) -> str | None:
    """ "between April and June": the ISO interval both ends of a range share."""
    return json.loads(date["detail"]).get("range") if date.get("detail") else None


def _governs(date_root: Token, chain: list[Token]) -> tuple[int, bool] | None:
    """How far up the figure's head chain the date attaches, and whether as a base.

    A date attaches to a token of the chain directly ("last year" → "totaling"), through a
    preposition ("in 2019" → "up"), or to a subject of one ("trade volume last year").
    """
    head, prep = date_root.head, None
    if head.dep_ == "prep" or head.pos_ == "ADP":
        prep, head = head, head.head
    for depth, token in enumerate(chain[:MAX_DEPTH]):
        if head.i == token.i:
            return depth, _is_base(prep)
        if head.head.i == token.i and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return depth + 1, _is_base(prep)
    return None


def _is_base(prep: Token | None) -> bool:
    return prep is not None and prep.lower_ in BASE_PREPOSITIONS


def _link(row: FactRow, figures: list[FactRow], parsed: ParsedDocument) -> None:
    """A change links to the level it modifies: the nearest level before it in the sentence,
    else after it; the "to" level of "rose from A to B" or "rose to B from A" links to A."""
    if row.get("link"):
        return
    detail = json.loads(row["detail"]) if row.get("detail") else {}
    here = parsed.sentence_at(int(row["char_start"]))
    same = [
        f
        for f in figures
        if f is not row and here is not None and parsed.sentence_at(int(f["char_start"])) is here
    ]
    if detail.get("change_part") == "to":
        # the "from" of this move stands next to it: "to 64 from 58", "from 58 to 64"
        ordered = sorted([*same, row], key=lambda f: int(f["char_start"]))
        at = next(i for i, f in enumerate(ordered) if f is row)
        neighbours = [ordered[i] for i in (at + 1, at - 1) if 0 <= i < len(ordered)]
        source = next((f for f in neighbours if _part(f) == "from"), None)
        if source is not None:
            row["link"] = source.get("fact_id")
            _share_frame(row, source)
        return
    if row.get("role") != "change":
        return
    levels = [
        f
        for f in same
        if (f.get("role") == "level" or _part(f) == "to")
        and f.get("kind") != "ordinal"
        and _part(f) != "from"  # where a move started, not the level a change modifies
    ]
    before = [f for f in levels if f["char_end"] <= row["char_start"]]
    after = [f for f in levels if f["char_start"] >= row["char_end"]]
    following = min(
        (f for f in same if f["char_start"] >= row["char_end"]),
        key=lambda f: f["char_start"],
        default=None,
    )
    if following is not None and _part(following) == "to":
        target: FactRow | None = following  # "revenue grew 21.4% to 45.1 trillion yen"
    else:
        target = before[-1] if before else (after[0] if after else None)
    if target is None:
        return
    row["link"] = target.get("fact_id")
    if not row.get("object") and target.get("object"):
        row["object"] = target["object"]
    _share_frame(row, target)
    start = [
        f
        for f in same
        if f["char_start"] >= row["char_end"] and _part(f) == "from" and f["kind"] == target["kind"]
    ]
    if start and not target.get("link") and not _part(target):
        # "reached 20 percent, up 15 percent from 5 percent": 20 is where the move ended
        target["link"] = start[0].get("fact_id")
        _add_detail(target, change_part="to")
        _share_frame(target, start[0])


#: What two linked figures (a change and its level, "from A to B") share when one lacks it.
FRAME_FIELDS: Final = ("measure", "event", "subject")


def _share_frame(a: FactRow, b: FactRow) -> None:
    """A change measures what its level measures; "from A to B" measure one thing."""
    if a.get("kind") == "age" or b.get("kind") == "age":
        return
    for field in FRAME_FIELDS:
        if not a.get(field) and b.get(field):
            a[field] = b[field]
        elif not b.get(field) and a.get(field):
            b[field] = a[field]


def _part(row: FactRow) -> str | None:
    return json.loads(row["detail"]).get("change_part") if row.get("detail") else None


def _add_detail(row: FactRow, **extra: object) -> None:
    row["detail"] = merge_detail(row.get("detail"), extra)


def attribution(span: Span) -> str | None:
    """Who the sentence attributes its figures to: "according to X", else "X said"."""
    sentence = span.sent
    for token in sentence:
        if token.lower_ == "according":
            for to in token.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return _phrase(obj)
    inside = range(span.start, span.end)
    for token in sentence:
        if token.lemma_ not in SAY_VERBS or token.pos_ != "VERB":
            continue
        if span.root.i not in {t.i for t in token.subtree}:
            continue
        for child in token.children:
            if child.dep_ == "nsubj" and child.lower_ not in PRONOUNS and child.i not in inside:
                return _phrase(child)
    return None


def _phrase(token: Token) -> str:
    """The noun phrase of a token: its left modifiers and itself, without a leading article."""
    words = [t for t in token.subtree if t.i <= token.i or t.dep_ in ("compound",)]
    while words and words[0].dep_ in ("det", "punct"):
        words = words[1:]
    return " ".join(t.text for t in words)
