"""The verb group of a clause, read once for every stage: auxiliaries, tense, aspect,
modality, negation, and the verbs that look ahead.

The claims layer (tense and modality of a claim) and the temporal engine (the
tense that picks an implicit year, the label of a forward-looking date) both
read tense here, so one clause has one tense.

"would" is decided once (:func:`would_reading`): under a verb of saying or
thinking in the past ("Google said it would appeal") it is a future told from
the past, ``reported_future``; anywhere else ("the deal would cost jobs", "would
have placed him") it is a ``conditional``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from consistency.lang import vocab

if TYPE_CHECKING:
    from spacy.tokens import Token

FUTURE_AUX: Final = vocab.words("future_auxiliaries")
#: Modal auxiliaries and the modality each gives a clause.
MODAL_AUX: Final = vocab.mapping("modal_auxiliaries")
#: Verbs under which "would" tells a future seen from the past.
REPORTING_VERBS: Final = vocab.words("reporting_verbs")
PAST_AUX: Final = frozenset({"was", "were", "had", "did"})

#: Tense values: the plain time of a clause.
PAST: Final = "past"
PRESENT: Final = "present"
FUTURE: Final = "future"
#: "said it would appeal": a future seen from a past statement.
REPORTED_FUTURE: Final = "reported_future"
#: "would cost", "would have placed": not told as fact.
CONDITIONAL: Final = "conditional"


@dataclass(frozen=True)
class ForwardVerb:
    """A verb whose complement lies ahead of it ("plans to", "is scheduled to", "invited")."""

    lemma: str
    #: planned, scheduled, invited, expected or refused
    label: str
    #: looks ahead only with a complement: "set to open", not "marks set in 1952"
    needs_complement: bool
    #: moves the date of its complement ahead (read by the temporal engine)
    dates_ahead: bool


FORWARD_VERBS: Final[dict[str, ForwardVerb]] = {
    row[0]: ForwardVerb(row[0], row[1], row[2] == "complement", row[3] == "dates")
    for row in vocab.rows("forward_verbs")
}
#: Nouns whose date says when something is due ("a May 10 deadline").
SCHEDULED_NOUNS: Final = vocab.words("scheduled_nouns")


#: Words the parser's lemmatizer gets wrong in news copy ("fined" → "fin").
LEMMA_FIXES: Final = vocab.mapping("lemma_fixes")


def lemma(token: Token) -> str:
    """The token's lemma, lower case, mended where the parser's lemmatizer errs."""
    return LEMMA_FIXES.get(token.lower_, token.lemma_.lower())


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


def _told_in_past(verb: Token) -> bool:
    return verb.tag_ == "VBD" or perfect(verb) or any(a.tag_ == "VBD" for a in auxiliaries(verb))


def would_reading(verb: Token) -> str:
    """What "would" on ``verb`` tells: ``reported_future`` under a verb of saying or
    thinking told in the past ("said it would appeal", "expected that talks would
    resume"), else ``conditional`` ("would cost", "would have placed him", "would
    appeal if ...")."""
    if perfect(verb) or any(c.dep_ == "advcl" and _has_if(c) for c in verb.children):
        return CONDITIONAL
    node = verb
    while node.dep_ in ("ccomp", "xcomp", "conj", "advcl") and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in REPORTING_VERBS and node.pos_ == "VERB":
            return REPORTED_FUTURE if _told_in_past(node) else CONDITIONAL
    return CONDITIONAL


def _has_if(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in clause.children)


def clause_tense(verb: Token) -> str | None:
    """The tense of the verb's own group, as the temporal engine reads it: past,
    present, future, reported_future or conditional; a gerund complement takes its
    head's ("announced cuts, resulting in closures"); None when there is none."""
    auxes = auxiliaries(verb)
    words = {a.lower_ for a in auxes} | {a.lemma_.lower() for a in auxes}
    if words & FUTURE_AUX:
        return FUTURE
    if "would" in words:
        return would_reading(verb)
    if words & MODAL_AUX.keys():
        return CONDITIONAL
    if any(a.lemma_ == "go" and a.tag_ == "VBG" for a in auxes):
        return FUTURE
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags or perfect(verb):
        return PAST
    if tags & {"VBZ", "VBP"}:
        return PRESENT
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "advcl") and verb.head is not verb:
        if present_perfect(verb.head):
            return None  # "has announced cuts, resulting in closures in May": may lie ahead
        return clause_tense(verb.head)
    return None


def claim_tense(verb: Token) -> str:
    """The tense a claim is told in: future (with "will" or "going to"),
    reported_future or conditional (with "would"), past, else present. Other
    modals leave the tense alone and give a modality ("could upset": present,
    possible)."""
    words = [a.lower_ for a in auxiliaries(verb)]
    if any(w in FUTURE_AUX for w in words):
        return FUTURE
    if "would" in words:
        return would_reading(verb)
    if verb.tag_ == "VBG" and any(c.lower_ == "going" for c in verb.children):
        return FUTURE
    if any(w in PAST_AUX for w in words) or verb.tag_ == "VBD" or perfect(verb):
        return PAST
    if verb.tag_ == "VBN" and not words:
        return PAST
    return PRESENT


def modality_of(verb: Token) -> list[str]:
    """Modal auxiliaries, forward-looking complements and reporting adverbs of a clause."""
    out: list[str] = []
    for aux in auxiliaries(verb):
        word = aux.lower_
        if word == "would":
            if would_reading(verb) == CONDITIONAL:
                out.append(CONDITIONAL)
        elif word in MODAL_AUX:
            out.append(MODAL_AUX[word])
    head = FORWARD_VERBS.get(verb.head.lemma_)
    if verb.dep_ in ("xcomp", "ccomp") and head is not None:
        out.append(head.label)
    own = FORWARD_VERBS.get(verb.lemma_)
    for child in verb.children:
        if child.lower_ in ("reportedly", "allegedly", "apparently"):
            out.append("reported")
        if child.dep_ == "xcomp" and own is not None:
            out.append(own.label)
    return sorted(set(out))


#: subjects that deny the clause on their own: "no terms were disclosed", "nobody was hurt"
NEGATIVE_SUBJECTS: Final = vocab.marked("pronouns", 1, "negative")


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


def same_time(a: str | None, b: str | None) -> bool:
    """Are two tenses one time for comparing claims? A future told from the past
    ("said it would open") is the future ("will open")."""

    def plain(t: str | None) -> str | None:
        return FUTURE if t == REPORTED_FUTURE else t

    return not (a and b and plain(a) != plain(b))
