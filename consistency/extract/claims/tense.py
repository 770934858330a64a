"""Tense, modality and negation of a clause, read from its verb and auxiliaries."""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from consistency.extract.verbs import FUTURE_AUX, MODAL_AUX, auxiliaries, perfect

#: Verbs whose complement is not (yet) a fact: the modality it gets.
PROSPECTIVE: Final = {
    "plan": "planned",
    "intend": "planned",
    "schedule": "scheduled",
    "invite": "invited",
    "expect": "expected",
    "aim": "planned",
    "prepare": "planned",
    "agree": "planned",
    "promise": "planned",
    "threaten": "planned",
    "refuse": "refused",
}
PAST_AUX: Final = frozenset({"was", "were", "had", "did"})


def tense_of(verb: Token) -> str:
    """past, present or future, from the auxiliaries and the verb's tag."""
    auxes = auxiliaries(verb)
    words = [a.lower_ for a in auxes]
    if any(w in FUTURE_AUX for w in words) or "would" in words:
        return "future"
    if verb.tag_ == "VBG" and any(c.lower_ == "going" for c in verb.children):
        return "future"
    if any(w in PAST_AUX for w in words) or verb.tag_ == "VBD":
        return "past"
    if perfect(verb):
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"
    return "present"


def modality_of(verb: Token) -> list[str]:
    """Modal auxiliaries, prospective complements and reporting adverbs of a clause."""
    out: list[str] = []
    for aux in auxiliaries(verb):
        if aux.lower_ in MODAL_AUX:
            out.append(MODAL_AUX[aux.lower_])
    if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ in PROSPECTIVE:
        out.append(PROSPECTIVE[verb.head.lemma_])
    for child in verb.children:
        if child.lower_ in ("reportedly", "allegedly", "apparently"):
            out.append("reported")
        if child.dep_ == "xcomp" and verb.lemma_ in PROSPECTIVE:
            out.append(PROSPECTIVE[verb.lemma_])
    return sorted(set(out))


#: subjects that deny the clause on their own: "no terms were disclosed", "nobody was hurt"
NEGATIVE_SUBJECTS: Final = frozenset({"nobody", "nothing", "none", "no-one"})


def negated(verb: Token) -> bool:
    """A 'not', 'n't' or 'never' on the verb, or a subject that is 'no ...' or 'nobody'."""
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ in ("never", "not"):
            return True
        if c.dep_ in ("nsubj", "nsubjpass") and (
            c.lower_ in NEGATIVE_SUBJECTS
            or any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        ):
            return True
    return False
