"""The temporal extractor: parsed document → date and duration fact rows.

Runs the pure engine over each sentence with the tense read from the parse,
then resolves what the engine could not alone: offsets from an event the same
document dates ("a day after Russia launched its invasion") or from the
previous date of the narrative ("the day before").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from enum import Enum
from typing import Any, Final

from consistency.extract.time import grammar
from consistency.extract.time.clock_facts import extract_times_of_day
from consistency.extract.time.engine import find_timexes
from consistency.extract.time.grammar import Predicate
from consistency.extract.time.joins import shift_timex
from consistency.extract.time.timex import DURATION, SET, Timex, with_direction
from consistency.lang.calendar import NUMERIC_DATE
from consistency.parsed import ParsedDocument
from consistency.tables import encode_detail

FactRow = dict[str, Any]


class _Default(Enum):
    DOCUMENT = "document"


DOCUMENT_ANCHOR: Final = _Default.DOCUMENT


def source_order(text: str) -> str:
    """The numeric date order a source uses: "mdy" when one of its numeric dates can
    only be month-first, else "dmy" (day-first, the most common news convention)."""
    dmy = mdy = 0
    for m in NUMERIC_DATE.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        dmy += a > 12 >= b
        mdy += b > 12 >= a
    return "mdy" if mdy > dmy else "dmy"


def extract_time(
    parsed: ParsedDocument, *, anchor: date | _Default | None = DOCUMENT_ANCHOR
) -> list[FactRow]:
    """Every time expression of the document's sentences as a date, duration or time
    (of day) fact.

    ``anchor`` overrides ``parsed.anchor.date`` (None: relative ones stay unresolved),
    so anchor propagation can re-run this cheaply with another anchor.
    """
    a = parsed.anchor.date if isinstance(anchor, _Default) else anchor
    prefer = source_order(parsed.text)
    found: list[tuple[Timex, Predicate]] = []
    for sentence in parsed.sentences:
        offset = sentence.char_start
        text = parsed.text[offset : sentence.char_end]
        oracle = grammar.tense_oracle(parsed.doc, offset)
        for t in find_timexes(text, anchor=a, prefer=prefer, tense=oracle):
            t = replace(t, start=t.start + offset, end=t.end + offset)
            found.append((t, grammar.predicate_of(parsed.doc, t.start, t.end)))
    found = _resolve_offsets(parsed, found, a)
    days = [_row(t, p) for t, p in found]
    return days + extract_times_of_day(parsed, [t for t, _ in found], a)


def _resolve_offsets(
    parsed: ParsedDocument, found: list[tuple[Timex, Predicate]], anchor: date | None
) -> list[tuple[Timex, Predicate]]:
    out: list[tuple[Timex, Predicate]] = []
    for i, (t, p) in enumerate(found):
        if t.resolved or t.partial is None or t.partial[:1] not in "+-":
            out.append((t, p))
            continue
        amount, unit = t.partial.split()
        base: Timex | None = None
        how = ""
        if t.relative_to == "previous":
            base = next((b for b, _ in reversed(found[:i]) if _is_day(b)), None)
            how = "counted from the previous date in the text"
        elif (t.relative_to or "").startswith("event: "):
            base = _event_date(parsed, t, found)
            how = "counted from the date the text gives that event"
        if base is None:
            out.append((t, p))
            continue
        moved = shift_timex(base, float(amount), unit)
        out.append(
            (
                with_direction(
                    replace(
                        moved,
                        start=t.start,
                        end=t.end,
                        text=t.text,
                        relative_to=t.relative_to,
                        signal=t.signal,
                        partial=t.partial,
                        year_choice=f"{how}: {base.text}",
                        direction=None,
                        weekday=None,  # "three months after Tuesday 14 June" names no weekday
                    ),
                    anchor,
                ),
                p,
            )
        )
    return out


def _is_day(t: Timex) -> bool:
    return t.resolved and t.granularity == "day" and t.time_start is not None and t.type == "DATE"


_WORD = re.compile(r"[A-Za-z]+")


def _event_date(
    parsed: ParsedDocument, t: Timex, found: list[tuple[Timex, Predicate]]
) -> Timex | None:
    """The date another sentence gives the event an offset names: same verb, and a
    shared noun when the event names one ("launched its invasion" ~ "launched the
    invasion of Ukraine on February 24")."""
    clause = t.relative_to[len("event: ") :] if t.relative_to else ""
    start = t.end - len(clause)
    span = parsed.doc.char_span(start, t.end, alignment_mode="expand")
    if span is None:
        return None
    verbs = {tok.lemma_.lower() for tok in span if tok.pos_ == "VERB"}
    nouns = {tok.lemma_.lower() for tok in span if tok.pos_ == "NOUN"}
    if not verbs:
        return _subject_date(parsed, t, found, nouns) if nouns else None
    for other, pred in found:
        if other is t or not _is_day(other) or pred.lemma not in verbs:
            continue
        sentence = parsed.sentence_at(other.start)
        if sentence is None:
            continue
        lemmas = {tok.lemma_.lower() for tok in sentence.span}
        if not nouns or nouns & lemmas:
            return other
    return None


def _subject_date(
    parsed: ParsedDocument, t: Timex, found: list[tuple[Timex, Predicate]], nouns: set[str]
) -> Timex | None:
    """ "three months after the fire": the first day the text dates a clause whose subject
    is that noun ("the fire started ... on Tuesday 14 June")."""
    for other, _ in sorted(found, key=lambda item: item[0].time_start or date.max):
        if other is t or not _is_day(other):
            continue
        verb = grammar.governing_verb(parsed.doc, other.start, other.end)
        subjects = (
            {c.lemma_.lower() for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
            if verb is not None
            else set()
        )
        if subjects & nouns:
            return other
    return None


def _row(t: Timex, p: Predicate) -> FactRow:
    detail = {
        "type": t.type,
        "mod": t.mod,
        "direction": t.direction,
        "resolved": t.resolved,
        "year_choice": t.year_choice,
        "tense_used": t.tense,
        "relative_to": t.relative_to,
        "signal": t.signal,
        "partial": t.partial,
        "range": t.range,
        "weekday": t.weekday,
    }
    return {
        "kind": "duration" if t.type in (DURATION, SET) else "date",
        "char_start": t.start,
        "char_end": t.end,
        # PRESENT_REF, PAST_REF ... hold without an anchor; other values need one
        "timex": t.value if t.resolved or (t.value or "").endswith("_REF") else None,
        "time_start": t.time_start.isoformat() if t.time_start else None,
        "time_end": t.time_end.isoformat() if t.time_end else None,
        "granularity": t.granularity,
        "predicate": p.lemma,
        "tense": p.tense,
        "detail": encode_detail(detail),
    }
