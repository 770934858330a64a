"""The predicate governing a span and its tense or modality, read from a spaCy parse.

``tense`` is the label the checks read (past, present, future, conditional,
planned, invited, scheduled); ``base`` is the plain time of the clause (past,
present, future) that picks implicit years. "invited ... in early February"
is labelled invited but its base is past: the invitation was made.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from spacy.tokens import Doc, Token

from consistency.extract.time.context import TenseOf
from consistency.extract.verbs import FUTURE_AUX, MODAL_AUX, auxiliaries, perfect, present_perfect

PLANNED: Final = frozenset({"plan", "intend", "aim", "hope", "prepare", "seek"})
SCHEDULED: Final = frozenset({"schedule", "slate", "set", "due", "expect", "poise", "pencil"})
INVITED: Final = frozenset({"invite"})
#: verbs that plan or schedule only with what they point at: "sought to expand", "set to
#: open", "set for May"; "sought help in 2010" and "marks set in 1952" are past acts
NEED_COMPLEMENT: Final = frozenset({"seek", "hope", "aim", "prepare", "set"})
#: nouns whose date says when they are due ("a May 10 deadline")
EVENT_NOUNS: Final = frozenset(
    {
        "deadline",
        "hearing",
        "trial",
        "meeting",
        "summit",
        "vote",
        "election",
        "sentencing",
        "appointment",
        "date",
        "session",
        "auction",
    }
)
_VERBAL: Final = ("VERB", "AUX")


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


def _own_tense(verb: Token) -> str | None:
    """past, present, future or conditional from the verb's tag and its auxiliaries."""
    auxes = auxiliaries(verb)
    words = {a.lower_ for a in auxes} | {a.lemma_.lower() for a in auxes}
    if words & FUTURE_AUX:
        return "future"
    if words & MODAL_AUX.keys():
        return "conditional"
    if any(a.lemma_ == "go" and a.tag_ == "VBG" for a in auxes):
        return "future"
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    if "VBD" in tags:
        return "past"
    if perfect(verb):
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "advcl") and verb.head is not verb:
        if present_perfect(verb.head):
            return None  # "has announced cuts, resulting in closures in May": may lie ahead
        return _own_tense(verb.head)
    return None


def _forward(own: str | None) -> str:
    """The base tense of what an invitation points to: ahead when told in the present or
    future; told in the past, it may lie on either side of the anchor ("forward": the
    nearest year)."""
    return "future" if own in ("present", "future") else "forward"


def _label(verb: Token, own: str | None) -> tuple[str | None, str | None]:
    lemma = verb.lemma_.lower()
    ahead = _looks_ahead(verb)
    if lemma in INVITED:
        return "invited", _forward(own)
    if lemma in SCHEDULED and (ahead or lemma not in NEED_COMPLEMENT):
        return "scheduled", "future"  # what was scheduled lies ahead of the scheduling
    if lemma in PLANNED and (ahead or lemma not in NEED_COMPLEMENT):
        return "planned", "future" if own in ("present", "future", None) else own
    return own, own


def _looks_ahead(verb: Token) -> bool:
    """ "seek to ...", "set to open", "set for May": the verb points at what is to come."""
    return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children)


def _scheduled_noun(doc: Doc, start: int, end: int) -> bool:
    """ "a May 10 deadline", "the June 3 hearing": a date naming when something is due."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    head = span.root.head
    return head.lemma_.lower() in EVENT_NOUNS and not (span.start <= head.i < span.end)


def predicate_of(doc: Doc, start: int, end: int) -> Predicate:
    """The governing predicate of ``doc.text[start:end]`` with its tense label and base."""
    verb = governing_verb(doc, start, end)
    if verb is None:
        return NONE
    own = _own_tense(verb)
    if _scheduled_noun(doc, start, end) and (own != "past" or present_perfect(verb)):
        # "faces a May 10 deadline"; but "was at a 1972 meeting" tells a past event
        return Predicate(verb.lemma_.lower(), "scheduled", "future")
    auxes = auxiliaries(verb)
    # "an event to be held on ...": a passive infinitive looks ahead
    infinitive = any(c.tag_ == "TO" for c in auxes) and any(c.lemma_ == "be" for c in auxes)
    if own is None and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not infinitive:
        own = "past"  # "plans announced in January"
    label, base = _label(verb, own)
    head = verb.head
    # "to attend ... in May" under "invited", "plans to", "is scheduled to"
    if (
        own is None
        and verb.dep_ in ("xcomp", "ccomp", "advcl", "acl")
        and head is not verb
        and head.pos_ in _VERBAL
    ):
        head_own = _own_tense(head)
        head_label, head_base = _label(head, head_own)
        if head_label in ("planned", "scheduled"):
            return Predicate(verb.lemma_.lower(), head_label, head_base)
        if head_label == "invited":
            return Predicate(verb.lemma_.lower(), "invited", head_base)
        if head_own is not None and not (verb.tag_ == "VBG" and present_perfect(head)):
            base = "future" if head_own == "present" and verb.tag_ == "VB" else head_own
            return Predicate(verb.lemma_.lower(), head_own, base)
    if own is None and infinitive:
        return Predicate(verb.lemma_.lower(), "future", "future")  # "an event to be held"
    if own == "conditional":
        base = None
    return Predicate(verb.lemma_.lower(), label, base)


def tense_oracle(doc: Doc, offset: int = 0) -> TenseOf:
    """A ``tense`` callable for :func:`find_timexes` over a sentence starting at
    ``offset`` in ``doc``: the base tense of the governing predicate."""

    def tense(start: int, end: int) -> str | None:
        return predicate_of(doc, offset + start, offset + end).base

    return tense
