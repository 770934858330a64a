"""Anchor propagation: a document with no anchor of its own borrows one from a source
that reports the same event with an explicit date.

"in a call Wednesday" (no date anywhere) matches "by telephone on Wednesday
(15/6/2022)" in another source of the same story: the sentences say the same
thing, name the same weekday, and the other sentence carries that source's
in-text anchor. The undated document then takes 2022-06-15, with the basis
"propagated" and the evidence it came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Final, Protocol, TypeVar

from rapidfuzz import fuzz

from consistency.anchor import BASIS_PROPAGATED, BASIS_STORY, BASIS_TEXT, BASIS_UNKNOWN, Anchor
from consistency.ingest.model import Document
from consistency.lang.calendar import WEEKDAYS


class _Bounds(Protocol):
    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...


class Anchored(Protocol):
    """What propagation reads of a document: a ParsedDocument, or its analysis."""

    @property
    def document(self) -> Document: ...
    @property
    def anchor(self) -> Anchor: ...
    @property
    def doc_id(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def sentences(self) -> Sequence[_Bounds]: ...
    def sentence_at(self, char: int) -> _Bounds | None: ...


Item = TypeVar("Item", bound=Anchored)

#: Lowest token-set similarity (0..100) for two sentences to report the same event.
MIN_EVENT_SIMILARITY: Final = 60.0

_DAY_WORDS: Final = re.compile(
    r"\b("
    + "|".join(sorted((w for w in WEEKDAYS if len(w) > 3), key=len, reverse=True))
    + r"|today|yesterday|tonight)\b",
    re.I,
)


def day_words(text: str) -> set[str]:
    """Weekday names and deictic day words in a sentence, lower-cased."""
    return {m.group(1).lower() for m in _DAY_WORDS.finditer(text)}


def _story_groups(parsed: Iterable[Item]) -> dict[str | None, list[Item]]:
    groups: dict[str | None, list[Item]] = defaultdict(list)
    for item in parsed:
        groups[item.document.story].append(item)
    return groups


def _anchor_sentence(item: Anchored) -> str | None:
    """The sentence holding a document's in-text anchor, if it has one."""
    if item.anchor.basis != BASIS_TEXT or item.anchor.char_start is None:
        return None
    sentence = item.sentence_at(item.anchor.char_start)
    return item.text[sentence.char_start : sentence.char_end] if sentence else None


def borrowed_anchor(item: Anchored, donors: Sequence[Anchored]) -> Anchor | None:
    """The best anchor ``item`` can borrow from ``donors``, or None."""
    best: tuple[float, Anchor] | None = None
    for donor in donors:
        donor_sentence = _anchor_sentence(donor)
        if donor_sentence is None or donor.anchor.date is None:
            continue
        donor_days = day_words(donor_sentence)
        for sentence in item.sentences:
            text = item.text[sentence.char_start : sentence.char_end]
            shared = day_words(text) & donor_days
            if not shared:
                continue
            score = fuzz.token_set_ratio(text, donor_sentence, processor=str.casefold)
            if score >= MIN_EVENT_SIMILARITY and (best is None or score > best[0]):
                day = sorted(shared)[0]
                evidence = (
                    f"{donor.doc_id}: {donor.anchor.evidence!r} "
                    f"(same event, '{day}', similarity {score / 100:.2f})"
                )
                span = re.search(rf"\b{day}\b", text, re.I)
                start = sentence.char_start + span.start() if span else sentence.char_start
                end = sentence.char_start + span.end() if span else sentence.char_end
                best = (score, Anchor(donor.anchor.date, BASIS_PROPAGATED, evidence, start, end))
    return best[1] if best else None


def story_anchor(group: Sequence[Anchored]) -> Anchor | None:
    """The anchor an undated article of a story takes when no sentence lends one: the
    latest date of the story's dated reports (copy is written at or after them)."""
    dated = [p for p in group if p.anchor.date is not None]
    if not dated:
        return None
    latest = max(dated, key=lambda p: (p.anchor.date, p.doc_id))
    first = min(p.anchor.date for p in dated if p.anchor.date is not None)
    window = f"{first.isoformat()} to {latest.anchor.iso}" if first != latest.anchor.date else ""
    evidence = f"the story's latest dated report, {latest.doc_id}" + (
        f" (the story's reports span {window})" if window else ""
    )
    return Anchor(latest.anchor.date, BASIS_STORY, evidence)


def propagate_anchors(parsed: list[Item]) -> list[Item]:
    """Give documents with no anchor one borrowed from the same event elsewhere, else
    the story's latest date (a story of one undated article stays unanchored).

    Documents anchored by their own text or metadata keep their anchor.
    """
    out: dict[str, Item] = {}
    for group in _story_groups(parsed).values():
        donors = [p for p in group if p.anchor.basis == BASIS_TEXT]
        for item in group:
            if item.anchor.basis != BASIS_UNKNOWN:
                continue
            anchor = borrowed_anchor(item, donors) if donors else None
            if anchor is not None:
                out[item.doc_id] = replace(item, anchor=anchor)
        fallback = story_anchor([out.get(p.doc_id, p) for p in group])
        for item in group:
            if fallback is not None and out.get(item.doc_id, item).anchor.basis == BASIS_UNKNOWN:
                out[item.doc_id] = replace(item, anchor=fallback)
    return [out.get(p.doc_id, p) for p in parsed]
