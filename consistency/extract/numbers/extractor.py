"""Figures → fact rows: the numbers layer's extractor over a parsed document."""

from __future__ import annotations

from typing import Any

from consistency.extract.numbers import lexicon as lx
from consistency.extract.numbers.figures import Figure, find_figures
from consistency.extract.numbers.frame import read_frame
from consistency.extract.numbers.ranks import Rank, finish_ranks, read_rank, superlative_ranks
from consistency.extract.numbers.syntax import age_subject, measured_object
from consistency.parsed import ParsedDocument
from consistency.tables import encode_detail, merge_detail

FactRow = dict[str, Any]
EXTRACTOR = "numbers.extract_numbers"


def extract_numbers(parsed: ParsedDocument) -> list[FactRow]:
    """Money, percents, quantities, ordinals and ages of every analysed sentence.

    Offsets are document offsets of exactly the figure's surface; ``object`` is the
    measured thing from the parse, ``subject`` whose age an age is.
    """
    rows: list[FactRow] = []
    for sentence in parsed.sentences:
        text = parsed.text[sentence.char_start : sentence.char_end]
        found = [_row(parsed, figure, sentence.char_start) for figure in find_figures(text)]
        taken = {(r["char_start"], r["char_end"]) for r in found}
        for token, ranking, rank in superlative_ranks(
            parsed.doc, sentence.span.start, sentence.span.end
        ):
            where = (token.idx, token.idx + len(token.text))
            if where not in taken:
                found.append(_superlative_row(where, ranking, rank))
        for where, place, rank in finish_ranks(parsed.doc, sentence.span.start, sentence.span.end):
            if where not in taken:
                found.append(_finish_row(where, place, rank))
        rows.extend(sorted(found, key=lambda r: (r["char_start"], r["char_end"])))
    return rows


def _superlative_row(where: tuple[int, int], ranking: str, rank: Rank) -> FactRow:
    """ "Turkey's worst mining disaster": a rank, the first of its ranking."""
    return {
        "kind": "ordinal",
        "char_start": where[0],
        "char_end": where[1],
        "value": 1.0,
        "qualifier": "exact",
        "value_low": 1.0,
        "value_high": 1.0,
        "role": "rank",
        "measure": rank.measure,
        "subject": rank.holder,
        "detail": encode_detail({"superlative": ranking}),
        "extractor": EXTRACTOR,
    }


def _finish_row(where: tuple[int, int], place: int, rank: Rank) -> FactRow:
    """ "Haaland was runner-up": the competitor's place."""
    return {
        "kind": "ordinal",
        "char_start": where[0],
        "char_end": where[1],
        "value": float(place),
        "qualifier": "exact",
        "value_low": float(place),
        "value_high": float(place),
        "role": "rank",
        "subject": rank.holder,
        "predicate": rank.event,
        "extractor": EXTRACTOR,
    }


def _row(parsed: ParsedDocument, figure: Figure, offset: int) -> FactRow:
    start, end = offset + figure.start, offset + figure.end
    row: FactRow = {
        "kind": figure.kind,
        "char_start": start,
        "char_end": end,
        "value": figure.value,
        "unit": figure.unit,
        "qualifier": figure.qualifier,
        "value_low": figure.low,
        "value_high": figure.high,
        "role": figure.role,
        "detail": figure.detail_json(),
        "extractor": EXTRACTOR,
    }
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span):
        row["object"] = measured_object(span)
        if figure.unit == "people" and row["object"] in lx.OTHER_WORDS:
            row["object"] = "people"  # "14 killed and 21 others wounded"
        if figure.kind == "age":
            row["subject"] = age_subject(span)
        elif figure.kind == "ordinal":
            rank = read_rank(span)
            row["measure"], row["subject"], row["predicate"] = rank.measure, rank.holder, rank.event
        else:
            frame = read_frame(span)
            row["measure"] = frame.thing.label if frame.thing else None
            row["event"] = frame.event
            row["predicate"] = frame.event_word
            row["subject"] = frame.holder
            marks = {"part": frame.part, "forecast": frame.forecast, "place": frame.place}
            extra = {k: v for k, v in marks.items() if v}
            if extra:  # "Forty of the dead", "expects profit of ...", "sales in China"
                row["detail"] = merge_detail(row["detail"], extra)
    return row
