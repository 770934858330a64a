"""What the dependency parse tells about a figure: the thing it measures, whose age it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


NOUNS = frozenset({"NOUN", "PROPN"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
PRONOUNS = frozenset({"PRON"})


def measured_object(span: Span) -> str | None:
    """The noun phrase a figure quantifies, lemmatized, without the figure itself.

    "trade volume last year totaling $147 billion" → "trade volume"; "the second
    reported call" → "call"; "tens of thousands of protesters" → "protester".
    """
    head = _measured_token(span)
    return None if head is None else noun_phrase(head, span=span, lemma=True)


def _measured_token(span: Span) -> Token | None:
    root = span.root
    for child in root.children:  # "tens of thousands of protesters"
        if child.dep_ == "prep" and child.lower_ == "of" and not _inside(child, span):
            objects = [t for t in child.children if t.dep_ == "pobj" and t.pos_ in NOUNS]
            if objects:
                return objects[0]
    head = root.head
    if head.i == root.i:
        return None
    if root.lower_ == "ages":  # "two girls, ages 12 and 15": the people listed, if named
        return head if head.pos_ in NOUNS and not _inside(head, span) else None
    if head.pos_ in NOUNS and not _inside(head, span):
        return head
    if head.pos_ == "ADP" and head.head.pos_ in NOUNS and head.lower_ in ("of", "at"):
        return head.head  # "a rate of 5%"
    if head.dep_ == "amod" and head.head.pos_ in NOUNS:
        return head.head  # "the second reported call": "second" modifies "reported"
    if head.pos_ in ("VERB", "AUX"):
        if head.dep_ in ("acl", "relcl") and head.head.pos_ in NOUNS:
            return head.head
        for child in head.children:
            if child.dep_ in SUBJECTS:
                return child if child.pos_ in NOUNS else None
        return _noun_before(head)
    return None


def _noun_before(verb: Token) -> Token | None:
    """The subject of a subject-less participle ("with trade volumes last year hitting ...")."""
    for token in reversed(list(verb.doc[max(0, verb.i - 5) : verb.i])):
        if token.dep_ in ("npadvmod", "amod", "det", "punct") or token.pos_ == "ADJ":
            continue
        return token if token.pos_ in NOUNS and token.dep_ != "compound" else None
    return None


def age_subject(span: Span) -> str | None:
    """Whose age a figure is: the possessor ("Xi's 69th birthday"), the subject
    ("she is 29 years old", "Lopez, in her thirties, was hurt") or the person described
    ("Smith, aged 45", "a man in his 20s")."""
    root = span.root
    head = root.head
    if head.pos_ in NOUNS and not _inside(head, span):
        owner = [t for t in head.children if t.dep_ == "poss"]
        if owner:
            return noun_phrase(owner[0], span=span, lemma=False)
    if head.pos_ == "NOUN" and head.dep_ == "appos" and head.head.pos_ == "PROPN":
        return noun_phrase(head.head, span=span, lemma=False)  # "Kani Beko, the 71-year-old head"
    if root.lower_ == "ages":  # "two girls, ages 12 and 15": several people, not the subject
        return noun_phrase(head, span=span, lemma=False) if head.pos_ in NOUNS else None
    if (root.lower_ in ("aged", "age") and head.pos_ in NOUNS) or (
        head.pos_ == "PROPN" and root.dep_ in ("appos", "amod", "npadvmod", "nummod")
    ):  # "Smith, aged 45", "Ronald Munn, 28,"
        return noun_phrase(head, span=span, lemma=False)
    if root.dep_ == "pobj" and head.lower_ == "in":  # "a man in his 20s"
        described = head.head
        if described.pos_ in NOUNS:
            return noun_phrase(described, span=span, lemma=False)
        head = described
    verb = root if root.pos_ in ("VERB", "AUX") else head
    for child in verb.children:
        if child.dep_ in SUBJECTS and child.pos_ in NOUNS:
            return noun_phrase(child, span=span, lemma=False)
    return None


def noun_phrase(token: Token, *, span: Span | None = None, lemma: bool) -> str:
    """The token with its compound modifiers, figure tokens and numbers left out."""
    parts = [*_compounds(token), token]
    words = [
        (t.lemma_ if lemma else t.text)
        for t in parts
        if not (span is not None and _inside(t, span)) and not t.like_num
    ]
    text = " ".join(words)
    return text.lower() if lemma and token.pos_ != "PROPN" else text


def _compounds(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.lefts:
        if child.dep_ == "compound":
            out.extend([*_compounds(child), child])
    return out


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end
