"""The verb group of a clause: its auxiliaries and the aspect they give.

Shared by the claims layer (tense and modality of a claim) and the temporal
engine (the tense that picks an implicit year); each reads tense its own way
from these parts.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

FUTURE_AUX: Final = frozenset({"will", "shall", "'ll", "wo"})
#: Modal auxiliaries and the modality each gives a claim.
MODAL_AUX: Final = {
    "would": "conditional",
    "could": "possible",
    "may": "possible",
    "might": "possible",
    "should": "obligation",
    "must": "obligation",
    "can": "possible",
}


def auxiliaries(verb: Token, *, passive: bool = True) -> list[Token]:
    """The verb's auxiliaries ("has", "will", "was" of a passive unless ``passive`` is off)."""
    deps = ("aux", "auxpass") if passive else ("aux",)
    return [c for c in verb.children if c.dep_ in deps]


def perfect(verb: Token) -> bool:
    """ "has announced", "had agreed", "will have left": a participle with "have"."""
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries(verb))


def present_perfect(verb: Token) -> bool:
    """ "has announced", "have agreed": a past act told as present news."""
    return verb.tag_ == "VBN" and any(
        a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxiliaries(verb, passive=False)
    )
