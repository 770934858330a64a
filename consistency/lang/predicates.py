"""Predicates that news copy uses for one event: "wounded", "injured" and "hurt".

Claims keep the verb each source wrote; the checks ask whether two verbs
report the same kind of event through :func:`same_predicate`. Only sets whose
members tell one event in casualty and crime reporting are listed: "killed"
and "murdered" are not one (the second is a charge).
"""

from __future__ import annotations

from typing import Final

from consistency.lang import vocab

#: Each set names one kind of event; its first member is the name it is known by.
SYNONYM_SETS: Final = vocab.groups("predicate_synonyms")
_CANONICAL: Final = {verb: words[0] for words in SYNONYM_SETS for verb in words}


def canonical_predicate(lemma: object) -> str:
    """The name of the event a verb lemma reports ("wound" → "injure"); others unchanged."""
    text = str(lemma or "").strip().lower()
    return _CANONICAL.get(text, text)


def same_predicate(a: object, b: object) -> bool:
    """Do two verb lemmas report the same kind of event?"""
    return bool(a) and bool(b) and canonical_predicate(a) == canonical_predicate(b)
