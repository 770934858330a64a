"""The predicate governing a span and its tense or modality, read from a spaCy parse.

``tense`` is the label the checks read (the verb group's tense from
:mod:`consistency.lang.verbs`, or planned, invited, scheduled, expected under a
forward-looking verb); ``base`` is the plain time of the clause (past, present,
future, or forward: either side of the anchor) that picks implicit years.
"invited ... in early February" is labelled invited but its base is past: the
invitation was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from consistency.extract.time.context import TenseOf
from consistency.lang.verbs import (
    CONDITIONAL,
    FORWARD_VERBS,
    REPORTED_FUTURE,
    SCHEDULED_NOUNS,
    auxiliaries,
    clause_tense,
    present_perfect,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_VERBAL: Final = ("VERB", "AUX")
#: how many tenseless complements ("to decide whether to give") a date may sit under
MAX_COMPLEMENT_DEPTH: Final = 3


@dataclass(frozen=True)
class Predicate:
    lemma: str | None
    tense: str | None
    base: str | None


NONE: Final = Predicate(None, None, None)


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The nearest verb above the span's root (the span itself when it holds none)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok: Token = span.root
    for _ in range(12):
        # "according to", "including": verbs acting as prepositions do not govern
        if tok.pos_ in _VERBAL and not (span.start <= tok.i < span.end) and tok.dep_ != "prep":
            return tok
        if tok.head.i == tok.i:
            return tok if tok.pos_ in _VERBAL else None
        tok = tok.head
    return None


def _forward(own: str | None) -> str:
    """The base tense of what an invitation points to: ahead when told in the present or
    future; told in the past, it may lie on either side of the anchor ("forward": the
    nearest year)."""
    return "future" if own in ("present", "future") else "forward"


def _base(own: str | None) -> str | None:
    """The time a clause's own tense gives its dates: a future told from the past
    may lie on either side of the anchor; a conditional gives none."""
    if own == REPORTED_FUTURE:
        return "forward"
    return None if own == CONDITIONAL else own


def _label(verb: Token, own: str | None) -> tuple[str | None, str | None]:
    ahead = FORWARD_VERBS.get(verb.lemma_.lower())
    if (
        ahead is None
        or not ahead.dates_ahead
        or (ahead.needs_complement and not _looks_ahead(verb))
    ):
        return own, _base(own)
    if ahead.label == "invited":
        return "invited", _forward(own)
    if ahead.label == "planned":
        return "planned", "future" if own in ("present", "future", None) else _base(own)
    return ahead.label, "future"  # what was scheduled lies ahead of the scheduling


def _looks_ahead(verb: Token) -> bool:
    """ "seek to ...", "set to open", "set for May": the verb points at what is to come."""
    return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children)


def _scheduled_noun(doc: Doc, start: int, end: int) -> bool:
    """ "a May 10 deadline", "the June 3 hearing": a date naming when something is due."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root.head
    return head.lemma_.lower() in SCHEDULED_NOUNS and not (span.start <= head.i < span.end)


def predicate_of(doc: Doc, start: int, end: int) -> Predicate:
    """The governing predicate of ``doc.text[start:end]`` with its tense label and base."""
    verb = governing_verb(doc, start, end)
    if verb is None:
        return NONE
    own = clause_tense(verb)
    if _scheduled_noun(doc, start, end) and (own != "past" or present_perfect(verb)):
        # "faces a May 10 deadline"; but "was at a 1972 meeting" tells a past event
        return Predicate(verb.lemma_.lower(), "scheduled", "future")
    auxes = auxiliaries(verb)
    # "an event to be held on ...": a passive infinitive looks ahead
    infinitive = any(c.tag_ == "TO" for c in auxes) and any(c.lemma_ == "be" for c in auxes)
    if own is None and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not infinitive:
        own = "past"  # "plans announced in January"
    label, base = _label(verb, own)
    # "to attend ... in May" under "invited", "plans to", "is scheduled to", "is due to",
    # "is expected to decide whether to give ...": climb the complements that carry no
    # tense of their own up to the verb that does
    node = verb
    for _ in range(MAX_COMPLEMENT_DEPTH):
        head = node.head
        if own is not None or node.dep_ not in ("xcomp", "ccomp", "advcl", "acl") or head is node:
            break
        if head.pos_ == "ADJ" and head.dep_ == "acomp":
            ahead = FORWARD_VERBS.get(head.lemma_.lower())  # "is due to appear"
            if ahead is not None and ahead.dates_ahead:
                return Predicate(verb.lemma_.lower(), ahead.label, "future")
            break
        if head.pos_ not in _VERBAL:
            break
        head_own = clause_tense(head)
        head_label, head_base = _label(head, head_own)
        if head_label in ("planned", "scheduled", "expected"):
            return Predicate(verb.lemma_.lower(), head_label, head_base)
        if head_label == "invited":
            return Predicate(verb.lemma_.lower(), "invited", head_base)
        if head_own is not None:
            if node is verb and not (verb.tag_ == "VBG" and present_perfect(head)):
                base = "future" if head_own == "present" and verb.tag_ == "VB" else _base(head_own)
                return Predicate(verb.lemma_.lower(), head_own, base)
            break
        node = head
    if own is None and infinitive:
        return Predicate(verb.lemma_.lower(), "future", "future")  # "an event to be held"
    if own == CONDITIONAL:
        base = None
    return Predicate(verb.lemma_.lower(), label, base)


def tense_oracle(doc: Doc, offset: int = 0) -> TenseOf:
    """A ``tense`` callable for :func:`find_timexes` over a sentence starting at
    ``offset`` in ``doc``: the base tense of the governing predicate."""

    def tense(start: int, end: int) -> str | None:
        return predicate_of(doc, offset + start, offset + end).base

    return tense
