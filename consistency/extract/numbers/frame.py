"""The frame of a figure, read from the parse: what it counts, what happened to it, whose.

"killed 157 people", "157 people were killed", "a blast that killed 157 people"
and "the death toll rose to 157" all give *killed people*; "Forty of the dead
had been identified" gives *identified people* (a part of the dead); "Apple
reported revenue of $89.5 billion" gives *revenue*, held by Apple.

The words come from :mod:`consistency.lang.frames`; this module only finds them
in the dependency tree. What it cannot find stays unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from consistency.lang import vocab
from consistency.lang.frames import (
    Thing,
    event_of,
    forecast_word,
    frame_label,
    incident_of,
    known_measure,
    measure_slot,
    neutral_verb,
    thing_of,
    verb_measure,
)
from consistency.lang.verbs import lemma

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NOUNS: Final = frozenset({"NOUN", "PROPN"})
PERCENT_WORDS: Final = re.compile(r"%|\bper\s*cent\b|\bpercent\b", re.I)
#: Nouns naming a change: what changed is their "in" or "of" object.
CHANGE_NOUNS: Final = vocab.words("change_nouns")
#: Currency names a money figure may leave outside its span ("32 riyals").
CURRENCY_WORDS: Final = frozenset(
    word for name, *_ in vocab.rows("currency_names") for word in (name, name.split()[-1])
)
#: Heads that only say "a count of": the counted thing is their "of" object.
COUNT_HEADS: Final = vocab.marked("figure_nouns", 2, "count")
#: Entity types that name a holder or a place, not a kind of thing.
NAME_TYPES: Final = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
#: Dependencies through which a figure or its noun is an argument of a verb.
ARGUMENTS: Final = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "conj"})
#: How a figure (or its noun) attaches to a verb whose subject then holds it:
#: "Apple reported revenue of $89.5 billion", "the economy lost 20.5 million jobs".
OBJECTS: Final = frozenset({"dobj", "attr", "oprd"})
#: How many heads up a figure may sit below the verb that governs it.
MAX_CLIMB: Final = 4


@dataclass(frozen=True)
class FigureFrame:
    """What the parse tells about one figure."""

    thing: Thing | None = None
    #: the event's word as written (lemma), and the event it names
    event_word: str | None = None
    event: str | None = None
    #: whose figure: "Apple" of "Apple's revenue", "building" of "the building's 136 units"
    holder: str | None = None
    #: "Forty of the dead", "55 of the 136 units": a part of a whole named in the text
    part: bool = False
    #: "expects profit of 4.3 trillion yen": a forecast, not a result
    forecast: bool = False
    #: "sales in China", "deaths in the province": where the count is restricted to
    place: str | None = None

    @property
    def label(self) -> str | None:
        return frame_label(self.thing, self.event)


def read_frame(span: Span) -> FigureFrame:
    """The frame of the figure ``span`` (its tokens in the parsed document)."""
    root = span.root
    counted, part = _counted(span, root)
    thing_token = counted
    if counted is not None and counted.dep_ == "pobj" and counted.head.lower_ == "of":
        measure = counted.head.head  # "a margin of 2.1 million votes", "a toll of 157 people"
        if measure.pos_ == "NOUN" and known_measure(lemma(measure)):
            thing_token = measure
    named_before = _measure_named_before(span)
    if named_before is not None and (counted is None or named_before.head.i in (counted.i, root.i)):
        thing_token = named_before  # "the magnitude 5.9 quake"
    if counted is not None and counted.dep_ == "appos":
        thing_token = _appositive_measure(counted) or thing_token
    if counted is not None and lemma(counted) in COUNT_HEADS:
        thing_token = _of_object(counted) or counted  # "the number of people unaccounted for"
    if counted is not None and lemma(counted) in CHANGE_NOUNS:
        thing_token = _prep_object(counted, ("in", "of")) or thing_token  # "an 8% rise in revenue"
    below_root = counted is not None and counted.head.head.i == root.i  # "hundreds of workers"
    verb, slot = _governor(root if part or counted is None or below_root else counted, span)
    if thing_token is None and verb is not None and neutral_verb(lemma(verb)):
        thing_token = _measure_argument(verb, span)  # "the death toll reached 28"
        if thing_token is not None and lemma(thing_token) in COUNT_HEADS:
            thing_token = _of_object(thing_token) or thing_token
    forecast = False
    if thing_token is not None and forecast_word(lemma(thing_token)):
        forecast = True  # "raised its forecast for net profit to 3 billion euros"
        thing_token = _prep_object(thing_token, ("for", "of")) or thing_token
    money_of = None
    if (
        _money(span)
        and counted is not None
        and thing_token is not None
        and thing_token.i == counted.i
        and counted.i > root.i
        and counted.pos_ == "NOUN"
        and not known_measure(lemma(counted))
    ):
        money_of, thing_token = lemma(counted), None  # "the $75 billion mission": its cost
    thing = _thing(thing_token, span) if thing_token is not None else None
    if money_of is not None:
        thing = thing_of(["cost"])
    if thing is None and verb is not None and verb_measure(lemma(verb)):
        thing = thing_of([verb_measure(lemma(verb)) or ""])  # "was fined 2.42 billion euros"
    event_word, event = _event(thing_token, counted, verb, thing)
    return FigureFrame(
        thing=thing,
        event_word=event_word,
        event=event,
        holder=money_of or _holder(thing_token, counted, verb if slot in OBJECTS else None, span),
        part=part,
        forecast=forecast or _forecast(verb, thing_token, span),
        place=_place(thing_token),
    )


def _money(span: Span) -> bool:
    """Is the figure an amount of money ("$75 billion", "6.1 billion rupees")? Not a
    percentage the model took for cents ("60 per cent")."""
    if PERCENT_WORDS.search(span.text):
        return False
    return any(t.tag_ == "$" or t.ent_type_ == "MONEY" for t in span)


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _counted(span: Span, root: Token) -> tuple[Token | None, bool]:
    """The noun the figure counts, and whether it counts a part of a named whole."""
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and not _inside(child, span):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            if obj.pos_ == "PRON":  # "6,400 of them homes"
                return (root.head if root.head.pos_ in NOUNS else None), True
            if obj.pos_ in NOUNS or obj.pos_ == "ADJ":  # "Forty of the dead"
                whole = any(c.dep_ in ("det", "poss") for c in obj.children) or obj.pos_ == "ADJ"
                return obj, whole
    head = root.head
    modifies = root.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod", "appos")
    if head.i != root.i and head.pos_ in NOUNS and not _inside(head, span) and modifies:
        return head, False
    if root.dep_ == "pobj" and head.lower_ in ("of", "at") and head.head.pos_ == "NOUN":
        return head.head, False  # "revenue of $89.5 billion", "a rate of 5%"
    return None, False


def _measure_named_before(span: Span) -> Token | None:
    """A measure written just before its figure, as a label ("magnitude 5.9")."""
    if span.start == 0:
        return None
    before = span.doc[span.start - 1]
    if before.pos_ in NOUNS and known_measure(lemma(before)) and before.head.i != before.i:
        return before
    return None


def _appositive_measure(token: Token) -> Token | None:
    """ "Lula's margin over Bolsonaro, roughly 1.2 million votes": the measure a figure
    stands in apposition to, across the phrase that ends next to it."""
    node = token.head
    for _ in range(3):
        if node.pos_ == "NOUN" and known_measure(lemma(node)):
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _of_object(token: Token) -> Token | None:
    return _prep_object(token, ("of",))


def _prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    """The noun after one of ``preps`` under ``token``: "the number of people" → people."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in NOUNS), None)
            if obj is not None:
                return obj
    return None


def _governor(token: Token, span: Span) -> tuple[Token | None, str | None]:
    """The verb (or predicative adjective's verb) the figure or its noun is an argument
    of, climbing prepositions and conjunctions: "raising the toll to 64" → raising. A
    noun that only describes another ("an eight-storey building") has none."""
    if token.dep_ == "compound" and token.head.pos_ == "NOUN":
        return None, None
    node = token
    for _ in range(MAX_CLIMB):
        head = node.head
        if head.i == node.i:
            return None, None
        if head.pos_ in ("VERB", "AUX") and not _inside(head, span):
            return head, node.dep_
        if node.dep_ == "pobj" and head.dep_ == "prep":
            node = head  # "to 64" → the verb above "to"
            continue
        if node.dep_ in ("conj", "appos", "nummod", "compound", "quantmod"):
            node = head
            continue
        if head.dep_ == "prep":
            node = head
            continue
        return None, None
    return None, None


def _measure_argument(verb: Token, span: Span) -> Token | None:
    """The noun a neutral verb moves: its subject ("the toll rose to 64", "the tally
    reached 28") or its object ("raising the toll to 64", "put the number at 40")."""
    subject = measure_slot(lemma(verb)) == "subject"
    deps = ("nsubj", "nsubjpass") if subject else ("dobj",)
    for child in verb.children:
        if child.dep_ in deps and child.pos_ in NOUNS and not _inside(child, span):
            return child
    if subject and verb.dep_ in ("acl", "relcl", "advcl") and verb.head.pos_ == "NOUN":
        return verb.head  # "trade volume last year totaling $147 billion"
    if subject and verb.tag_ == "VBG":
        return _noun_before(verb)  # "with trade volumes last year hitting $147 billion"
    return None


def _noun_before(verb: Token) -> Token | None:
    """The subject of a subject-less participle, just before it."""
    for token in reversed(list(verb.doc[max(0, verb.i - 5) : verb.i])):
        if token.dep_ in ("npadvmod", "amod", "det", "punct") or token.pos_ == "ADJ":
            continue
        return token if token.pos_ == "NOUN" and token.dep_ != "compound" else None
    return None


def _modifiers(token: Token, span: Span) -> list[Token]:
    """The compounds and adjectives before a noun that narrow it, in order."""
    out: list[Token] = []
    for child in token.lefts:
        if _inside(child, span) or child.like_num or child.ent_type_ in NAME_TYPES:
            continue
        if child.dep_ == "compound" and child.pos_ in NOUNS:
            out.extend([*_modifiers(child, span), child])
        elif child.dep_ == "amod" and child.pos_ in ("ADJ", "VERB") and child.tag_ != "VBN":
            out.append(child)
    return sorted(out, key=lambda t: t.i)


def _thing(token: Token, span: Span) -> Thing | None:
    if token.pos_ == "PROPN" or token.ent_type_ in NAME_TYPES:
        return None  # "101 for Peyton Hillis": a name, not a thing counted
    if token.ent_type_ == "MONEY" or token.lower_ in CURRENCY_WORDS:
        return None  # "at 32 riyals each": the currency, not a thing
    words = [_word(t) for t in _modifiers(token, span)] + [lemma(token)]
    return thing_of(words)


def _word(token: Token) -> str:
    """A modifier as the lexicon lists it: "operating" stays "operating" (a participle
    whose lemma would be "operate"), other words are lemmas."""
    return token.lower_ if token.tag_ == "VBG" else lemma(token)


def _event(
    thing_token: Token | None, counted: Token | None, verb: Token | None, thing: Thing | None
) -> tuple[str | None, str | None]:
    """(word, event): the noun's own verb or adjective ("people killed", "people
    unaccounted for"), else its verb ("killed 157 people", "took down 35 units"), else
    the event the noun tells ("the dead", "the death toll"), else the state a neutral
    verb gives ("are confirmed dead", "are still in hospital")."""
    for token in (counted, thing_token):
        if token is None:
            continue
        for child in token.children:
            if child.dep_ in ("amod", "acl", "relcl") and child.pos_ in ("ADJ", "VERB"):
                found = event_of(lemma(child), _particle(child))
                if found:
                    return lemma(child), found
    if counted is not None and counted.dep_ == "pobj" and counted.head.lower_ == "of":
        noun = counted.head.head  # "the testimony of eight women", "the deaths of 12 miners"
        found = event_of(lemma(noun)) if noun.pos_ == "NOUN" else None
        if found:
            return lemma(noun), found
    if verb is not None and not neutral_verb(lemma(verb)):
        found = event_of(lemma(verb), _particle(verb))
        if found:
            return lemma(verb), _negate(found, verb)
    if thing is not None and thing.event:
        return None, thing.event
    if verb is not None:
        for child in verb.children:
            if child.dep_ in ("acomp", "oprd") or (child.dep_ == "advmod" and child.pos_ == "ADJ"):
                found = event_of(lemma(child))
                if found:
                    return lemma(child), found
            if child.dep_ == "prep":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                found = event_of(lemma(obj)) if obj is not None and obj.pos_ == "NOUN" else None
                if found:
                    return lemma(obj), found  # type: ignore[union-attr]
        if child_word := _on_board(verb):
            return child_word, event_of(child_word)
        if not neutral_verb(lemma(verb)):
            return lemma(verb), None
    return None, None


def _negate(event: str, verb: Token) -> str:
    """ "83 bodies had not been identified": the event denied is another event."""
    denied = any(c.dep_ == "neg" or c.lower_ in ("not", "never") for c in verb.children)
    return f"not {event}" if denied else event


def _on_board(verb: Token) -> str | None:
    """ "had 121 people on board": the prepositional phrase names the event."""
    for child in verb.subtree:
        if child.lower_ == "board" and child.head.lower_ == "on":
            return "board"
    return None


def _particle(token: Token) -> str | None:
    """The particle or first preposition of a phrasal verb: "took down", "accounted for"."""
    for child in token.children:
        if child.dep_ == "prt" or (child.dep_ == "prep" and child.i == token.i + 1):
            return child.lower_
    return None


def _holder(
    thing_token: Token | None, counted: Token | None, verb: Token | None, span: Span
) -> str | None:
    """Whose figure it is: a possessor ("Apple's revenue", "the building's units"), the
    noun a storey count describes ("a 24-storey tower"), or a named subject of the
    verb ("Apple reported revenue of ...")."""
    for token in (thing_token, counted):
        if token is None:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ != "PRON":
            return _name(owner)
        named = [
            c
            for c in token.lefts
            if c.dep_ == "compound" and (c.pos_ == "PROPN" or c.ent_type_ in NAME_TYPES)
        ]
        if named and not _inside(named[-1], span):
            return _name(named[-1])  # "iPad sales", "Toyota net profit"
        if token.dep_ == "compound" and token.head.pos_ == "NOUN":
            return lemma(token.head)  # "27-storey block"
    if (
        verb is not None
        and verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "conj", "xcomp")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        verb = verb.head  # "the building collapsed, killing 87": the building's toll
    if verb is not None:
        for child in verb.children:
            if child.dep_ not in ("nsubj", "nsubjpass") or _inside(child, span):
                continue
            if thing_token is not None and child.i == thing_token.i:
                continue
            if child.pos_ == "PROPN" or child.ent_type_ in NAME_TYPES:
                return _name(child)
            if child.pos_ == "NOUN" and (
                incident_of(lemma(child)) or not known_measure(lemma(child))
            ):
                return lemma(child)  # "the economy lost 20.5 million jobs"
    return None


def _forecast(verb: Token | None, thing_token: Token | None, span: Span) -> bool:
    """Is the figure told as a forecast: under a verb of forecasting, through its
    complements ("expects operating profit to fall 19.7% to 4.3 trillion yen"), or of a
    forecasting noun ("a forecast of 4.3 trillion yen", "its outlook for profit")?"""
    node = verb
    for _ in range(MAX_CLIMB):
        if node is None:
            break
        if forecast_word(lemma(node)):
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj") or node.head.i == node.i:
            break
        node = node.head
    token = thing_token
    while token is not None and token.dep_ == "pobj" and token.head.dep_ == "prep":
        token = token.head.head  # "its forecast for net profit"
        if forecast_word(lemma(token)):
            return True
    return False


#: Nouns that name a place a count is restricted to, besides names of places.
PLACE_NOUNS: Final = frozenset({"region", "country", "province", "state", "city", "area"})


def _place(thing_token: Token | None) -> str | None:
    """ "sales in China", "deaths in the province": the place the measure is limited to."""
    if thing_token is None:
        return None
    for prep in thing_token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "across", "outside"):
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and (
                obj.ent_type_ in ("GPE", "LOC", "FAC") or lemma(obj) in PLACE_NOUNS
            ):
                return _name(obj) if obj.pos_ == "PROPN" else lemma(obj)
    return None


def _name(token: Token) -> str:
    parts = [c for c in token.lefts if c.dep_ == "compound"] + [token]
    text = " ".join(t.text for t in parts)
    return text[:-2] if text.endswith("'s") else text
