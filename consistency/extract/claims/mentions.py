"""Entity mentions of one document: names, titles, role nouns, demonyms, metonymy.

Names come from the model's entities. Titles and nationalities are read from
the document's own patterns ("Chinese President Xi Jinping", "his Russian
counterpart Vladimir Putin", "Xi Jinping, the Chinese president"); a role noun
met later ("the Chinese president") resolves to the person it was taught on.
Short names resolve to the full name of the same document they are part of.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Final

from consistency.lang.names import HONORIFICS, fold, looks_like_demonym, strip_honorifics
from consistency.parsed import ParsedDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITY_LABELS: Final = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
PLACE_LABELS: Final = frozenset({"GPE", "LOC", "FAC"})
ROLE_OF_LABEL: Final = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
    "EVENT": "event",
}
#: Dependencies that make a place name act as an agent (its government).
AGENT_DEPS: Final = frozenset({"nsubj", "agent", "poss"})


@dataclass
class Mention:
    start: int
    end: int
    label: str
    name: str
    kind: str = "name"  # name, role, demonym
    title: str | None = None
    nationality: str | None = None
    role: str = "person"
    local: str | None = None
    head: int = -1  # token index of the mention's head
    possessive: bool = False  # 'his/her Russian counterpart': relative to a person
    teaches: list[str] = field(default_factory=list)


def _is_demonym(token: Token) -> bool:
    return token.ent_type_ == "NORP" or (
        token.pos_ in ("ADJ", "PROPN") and looks_like_demonym(token.text)
    )


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ == "the" or not doc[start].text[0].isalnum()):
        start += 1
    while end > start and (not doc[end - 1].text[-1].isalnum() or doc[end - 1].dep_ == "case"):
        end -= 1
    return span.doc[start:end]


def _honorific_repair(span: Span, label: str) -> tuple[Span, str]:
    """'Later Mr Scholz' tagged as anything: the name after the honorific is a person."""
    for tok in span[:-1]:
        if tok.lower_.rstrip(".") in HONORIFICS and tok.nbor().is_title:
            return span.doc[tok.i + 1 : span.end], "PERSON"
    return span, label


def _title_before(span: Span) -> tuple[str | None, str | None]:
    """Title words and demonym directly before a name: 'Chinese President' Xi Jinping."""
    words: list[str] = []
    demonym: str | None = None
    i = span.start - 1
    inside = {t.i for t in span}
    while i >= 0:
        tok = span.doc[i]
        if tok.head.i not in inside or tok.is_punct:
            break
        if tok.lower_.rstrip(".") in HONORIFICS:
            pass
        elif _is_demonym(tok):
            demonym = demonym or tok.text
        elif tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ in ("", "ORG", "NORP"):
            words.insert(0, tok.lemma_.lower())
        else:
            break
        inside.add(tok.i)
        i -= 1
    return (" ".join(words) or None), demonym


def _role_noun(token: Token) -> tuple[str | None, Span]:
    """Demonym and covering span of a role noun phrase ('his Russian counterpart')."""
    demonym = next(
        (c.text for c in token.lefts if c.dep_ in ("amod", "compound") and _is_demonym(c)), None
    )
    lefts = [c for c in token.lefts if c.dep_ in ("det", "poss", "amod", "compound")]
    start = min([c.left_edge.i for c in lefts], default=token.i)
    while start < token.i and token.doc[start].is_space:
        start += 1  # a blank line the parser hung on the phrase
    return demonym, token.doc[start : token.i + 1]


def _names(parsed: ParsedDocument) -> list[Mention]:
    out: list[Mention] = []
    for ent in parsed.doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        span, label = _honorific_repair(_trim(ent), ent.label_)
        if not span.text.strip() or not any(t.is_alpha for t in span):
            continue
        if (
            label in PLACE_LABELS
            and len(span) == 1
            and span[0].dep_ == "amod"
            and _is_demonym(span[0])
        ):
            label = "NORP"  # 'Ukrainian officials' tagged as a place
        kind = "demonym" if label == "NORP" else "name"
        mention = Mention(
            span.start_char,
            span.end_char,
            label,
            strip_honorifics(span.text),
            kind=kind,
            role=ROLE_OF_LABEL[label],
            head=span.root.i,
        )
        if label in ("PERSON", "ORG"):
            mention.title, mention.nationality = _title_before(span)
        if label in PLACE_LABELS and span.root.dep_ in AGENT_DEPS:
            mention.role = "government"
        out.append(mention)
    return out


def _appositions(mentions: list[Mention], parsed: ParsedDocument) -> list[Mention]:
    """Role nouns in apposition with a person name: each teaches the person a title."""
    doc = parsed.doc
    by_head = {m.head: m for m in mentions if m.label == "PERSON"}
    roles: list[Mention] = []
    for person in list(by_head.values()):
        root = doc[person.head]
        noun: Token | None = None
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            noun = root.head
        else:
            noun = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
        if noun is None:
            continue
        demonym, span = _role_noun(noun)
        person.nationality = person.nationality or demonym
        person.teaches.append(noun.lemma_.lower())
        roles.append(_role_mention(span, noun, demonym, resolved=person))
    return roles


def _role_mention(
    span: Span, noun: Token, demonym: str | None, resolved: Mention | None
) -> Mention:
    return Mention(
        span.start_char,
        span.end_char,
        "PERSON",
        span.text,
        kind="role",
        title=noun.lemma_.lower(),
        nationality=demonym,
        head=noun.i,
        local=resolved.local if resolved else None,
    )


def _cluster_people(mentions: list[Mention]) -> None:
    """Short names join the full name of this document that contains them."""
    people = [m for m in mentions if m.label == "PERSON" and m.kind == "name"]
    for m in people:
        if len(m.name.split()) >= 2:
            m.local = m.name
    for m in people:
        if m.local:
            continue
        key = fold(m.name)
        hits = [a for a in people if a.local and key in fold(a.name).split()]
        before = [a for a in hits if a.start < m.start]
        anchors = {a.local for a in hits}
        if len(anchors) == 1:
            m.local = hits[0].local
        elif before:
            m.local = before[-1].local
        else:
            m.local = m.name


def _learned(people: list[Mention]) -> dict[str, tuple[set[str], set[str]]]:
    """Titles and nationalities each local person was given in the document."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for m in people:
        if not m.local:
            continue
        titles, nations = out.setdefault(m.local, (set(), set()))
        titles.update(t for t in [m.title, *m.teaches] if t)
        if m.nationality:
            nations.add(fold(m.nationality))
    return out


def resolve_role(
    title: str | None, nationality: str | None, learned: dict[str, tuple[set[str], set[str]]]
) -> str | None:
    """The one person taught this title (any title when None) with this nationality."""
    if not nationality:
        return None
    nation = fold(nationality)
    hits = {
        k
        for k, (titles, nations) in learned.items()
        if nation in nations and (title is None or title in titles)
    }
    return next(iter(hits)) if len(hits) == 1 else None


def _role_nouns(parsed: ParsedDocument, taken: set[int]) -> list[Mention]:
    """'the Chinese president', 'his Russian counterpart': singular nouns with a demonym."""
    out: list[Mention] = []
    for tok in parsed.doc:
        if tok.tag_ != "NN" or tok.i in taken or tok.ent_type_:
            continue
        if not any(c.dep_ in ("det", "poss") for c in tok.lefts):
            continue
        demonym, span = _role_noun(tok)
        if demonym is None:
            continue
        mention = _role_mention(span, tok, demonym, resolved=None)
        mention.possessive = any(c.lower_ in ("his", "her") for c in tok.lefts)
        out.append(mention)
    return out


def _build(parsed: ParsedDocument) -> list[Mention]:
    names = _names(parsed)
    _cluster_people(names)
    roles = _appositions(names, parsed)
    taken = {m.head for m in roles}
    learned = _learned([m for m in names if m.label == "PERSON"])
    for role in _role_nouns(parsed, taken):
        role.local = resolve_role(role.title or "", role.nationality, learned)
        if role.local is None and role.possessive:
            role.local = resolve_role(None, role.nationality, learned)
        if role.local is None:
            role.label, role.role = "ROLE", "role"
        roles.append(role)
    return sorted(names + roles, key=lambda m: (m.start, m.end))


def mentions(parsed: ParsedDocument) -> list[Mention]:
    """All entity mentions of the document, in order (computed once per document)."""
    return parsed.analysis("mentions", lambda: _build(parsed))


def mention_of(items: list[Mention], token: Token) -> Mention | None:
    """The mention covering a token (the shortest one)."""
    hits = [m for m in items if m.start <= token.idx < m.end]
    return min(hits, key=lambda m: m.end - m.start) if hits else None


def person_before(items: list[Mention], char: int, doc: Doc | None = None) -> Mention | None:
    """The person a 'he'/'she' at ``char`` most likely means: the last person subject
    before it (when the parse is given), else the last person named before it."""
    people = [m for m in items if m.label == "PERSON" and m.end <= char and m.local]
    if doc is not None:
        subjects = [m for m in people if doc[m.head].dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[-1]
    return people[-1] if people else None
