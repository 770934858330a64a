"""Shared helpers of the claims layer: row type, compact JSON, noun phrases, votes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from consistency.lang import vocab
from consistency.tables import encode_detail

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

FactRow = dict[str, Any]

#: Verbs of speech, reporting or taking a stance ("said", "denied"): attribution.
SPEECH_VERBS: Final = vocab.marked("speech_verbs", 1, "report", "stance")
#: "a 7-2 vote", "voted 9 to 3", "by 52-48": how a vote went, larger count first
VOTE_TALLY: Final = re.compile(
    r"\b(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\s+(?:vote|votes|decision|ruling|verdict|majority)\b"
    r"|\bvot(?:ed|es|ing)\s+(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})\b",
    re.I,
)
UNANIMOUS: Final = re.compile(r"\bunanimous(?:ly)?\b", re.I)
DISSENT: Final = re.compile(r"\bdissent(?:ed|ing|s)?\b|\bvoted\s+against\b", re.I)
SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubjpass", "csubj"})


def dumps(detail: dict[str, Any]) -> str | None:
    """Compact, key-sorted JSON without empty values; None for an empty detail."""
    return encode_detail(detail, drop_empty=True)


def vote_of(text: str) -> str | list[int] | None:
    """How the vote a clause tells of went: "unanimous", [for, against] or "split"."""
    if m := VOTE_TALLY.search(text):
        high, low = (int(g) for g in (m.group(1, 2) if m.group(1) else m.group(3, 4)))
        if high >= low:
            return "unanimous" if low == 0 else [high, low]
    if UNANIMOUS.search(text):
        return "unanimous"
    return "split" if DISSENT.search(text) else None


def token_span(tokens: list[Token]) -> tuple[int, int]:
    """Character span covering some tokens."""
    return min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens)


def noun_phrase(token: Token, *, with_preps: bool = False) -> Span:
    """The noun phrase headed by ``token``: determiners, modifiers, compounds (and PPs)."""
    keep = {"det", "amod", "compound", "poss", "nummod", "case", "nmod", "quantmod", "predet"}
    if with_preps:
        keep |= {"prep", "pobj", "punct", "cc", "conj", "appos"}
    left = token.i
    for child in token.lefts:
        if child.dep_ in keep or (child.dep_ == "punct" and child.text in "-"):
            left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if with_preps and child.dep_ in keep and child.text not in ",;:":
            right = max(right, child.right_edge.i)
    doc = token.doc
    while left < right and doc[left].is_punct:
        left += 1
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]
