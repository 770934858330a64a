"""Ranks: what an ordinal numbers, whose, and the ranks that superlatives give.

"the third straight quarter of declining sales" numbers a run of quarters;
"Turkey's second-deadliest mining accident" ranks accidents by their dead, and
"Turkey's worst mining disaster" gives the same ranking its first; "Haaland
finished third" ranks a player. Two sources must agree on a rank of one series
for one holder; ranks of two series ("the 11th rate rise", "the third meeting")
are never one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from consistency.lang import vocab
from consistency.lang.frames import incident_of, thing_of
from consistency.lang.verbs import lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Superlatives that rank → the ranking they name ("worst" and "deadliest": by the dead).
SUPERLATIVES: Final = vocab.mapping("superlatives")
#: Words that make an ordinal count a run ("straight", "consecutive").
SERIES_WORDS: Final = vocab.words("series_words")
NOUNS: Final = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class Rank:
    """What a rank numbers ("consecutive quarter", "deadliest disaster"), whose, and
    the verb that gives it ("finished third")."""

    measure: str | None = None
    holder: str | None = None
    event: str | None = None


def _is_name(token: Token) -> bool:
    """A name, even one the tagger mistook ("Pogacar" as an adjective)."""
    return token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")


def _superlative(token: Token) -> str | None:
    if token.tag_ != "JJS" and token.lower_ not in SUPERLATIVES:
        return None
    return SUPERLATIVES.get(token.lower_)


def _holder(noun: Token) -> str | None:
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is not None:
        parts = [c for c in owner.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [owner]
        return " ".join(t.text for t in parts)
    return None


def _measure(noun: Token, superlative: str | None, span: Span | None) -> str | None:
    words: list[str] = []
    series = False
    for child in noun.lefts:
        if span is not None and span.start <= child.i < span.end:
            continue
        if child.lower_ in SERIES_WORDS:
            series = True
        elif (
            child.dep_ in ("compound", "amod")
            and child.pos_ in ("NOUN", "ADJ")
            and not (_superlative(child))
        ):
            words.append(lemma(child))
    thing = thing_of([*words, lemma(noun)])
    if thing is None:
        return None
    if superlative == "worst" and (thing.measure == "disaster" or incident_of(lemma(noun))):
        superlative = "deadliest"  # "the worst mining disaster": ranked by its dead
    parts = [superlative] if superlative else []
    parts += ["consecutive"] if series else []
    return " ".join([*parts, thing.label])


def read_rank(span: Span) -> Rank:
    """The rank an ordinal gives: "the third straight quarter" → consecutive quarter;
    "second-deadliest mining accident" → deadliest mining disaster; "finished third"
    → finish, held by the verb's subject."""
    root = span.root
    head = root.head
    if head.pos_ == "ADP" and root.dep_ == "advmod":
        head = head.head  # "finished third behind Messi"
    superlative = _superlative(head) if head.i != root.i else None
    noun = head.head if superlative else head
    if noun.pos_ in NOUNS and noun.i != root.i:
        holder = _holder(noun) or _clause_holder(noun)
        return Rank(_measure(noun, superlative, span), holder)
    if head.pos_ == "VERB":  # "finished third", "came second"
        subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        who = subject.text if subject is not None and _is_name(subject) else None
        return Rank(None, who, lemma(head))
    return Rank()


def _clause_holder(noun: Token) -> str | None:
    """ "Apple's revenue shrank again, the third straight quarter of declining sales":
    the named owner of the clause's subject."""
    node = noun
    for _ in range(4):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None:
                return None
            if _is_name(subject):
                return subject.text
            return _holder(subject)
    return None


#: A competitor's place given by a noun ("Haaland was runner-up"): its words, the place.
FINISH_NOUNS: Final = ((("runner", "-", "up"), 2), (("runners", "-", "up"), 2))


def finish_ranks(doc: Doc, start: int, end: int) -> list[tuple[tuple[int, int], int, Rank]]:
    """Places that a noun gives a named competitor after "was": "Erling Haaland was
    runner-up" is Haaland's finish, second."""
    out: list[tuple[tuple[int, int], int, Rank]] = []
    for words, place in FINISH_NOUNS:
        for i in range(start, end - len(words) + 1):
            if tuple(t.lower_ for t in doc[i : i + len(words)]) != words:
                continue
            before = i - 1
            while before >= start and doc[before].dep_ == "det":
                before -= 1
            if before < start or doc[before].lemma_ != "be":
                continue
            copula = doc[before]
            subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
            if subject is not None and not _is_name(subject):  # "Slovenian rider Tadej Pogacar"
                subject = next((c for c in subject.children if c.dep_ == "appos"), None)
            if subject is None or not _is_name(subject):
                continue
            parts = [c for c in subject.lefts if c.dep_ == "compound" and _is_name(c)]
            holder = " ".join(t.text for t in [*parts, subject])
            last = doc[i + len(words) - 1]
            where = (doc[i].idx, last.idx + len(last.text))
            out.append((where, place, Rank(None, holder, "finish")))
    return out


def superlative_ranks(doc: Doc, start: int, end: int) -> list[tuple[Token, str, Rank]]:
    """The superlatives of a sentence that rank a thing first: "Turkey's worst mining
    disaster", "the deadliest wildfire" (not "the second-deadliest", an ordinal's)."""
    out: list[tuple[Token, str, Rank]] = []
    for token in doc[start:end]:
        ranking = _superlative(token)
        noun = token.head
        if ranking is None or noun.pos_ != "NOUN" or token.dep_ != "amod":
            continue
        if any(c.ent_type_ == "ORDINAL" or c.like_num for c in token.children):
            continue  # "second-deadliest": the ordinal gives the rank
        if not any(c.dep_ in ("det", "poss") for c in noun.children):
            continue  # "worst fears": no ranking of a definite thing
        rank = Rank(_measure(noun, ranking, None), _holder(noun) or _clause_holder(noun))
        out.append((token, ranking, rank))
    return out
