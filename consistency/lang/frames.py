"""News frames: what a figure counts or measures, and what happened to it.

"157 people were killed", "the death toll rose to 157" and "157 fatalities"
all count *people killed*; "4,000 injured" counts *people injured*, another
measure of the same story. The lexicon (``data/measure_things.tsv``,
``data/measure_events.tsv``) maps the words news copy uses to one name per
measure and one per event, so that figures worded differently can meet, and
figures of two measures never do.

A frame is ``event thing`` plus the modifiers that make another measure of the
same noun ("core" inflation, "gold" medals). An unknown word gives an unknown
part, never a wrong one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from consistency.lang import vocab

#: What two parts of two frames tell of each other.
SAME: Final = "same"
RELATED: Final = "related"
DIFFERENT: Final = "different"
UNKNOWN: Final = "unknown"


@dataclass(frozen=True)
class ThingEntry:
    measure: str
    event: str | None
    person: bool
    generic: bool
    stable: bool
    single: bool


def _things() -> dict[str, ThingEntry]:
    out: dict[str, ThingEntry] = {}
    for word, measure, event, flags in vocab.rows("measure_things"):
        marks = set(flags.split(",")) - {"-"}
        out[word] = ThingEntry(
            measure, None if event == "-" else event, "person" in marks, "generic" in marks,
            "stable" in marks, "single" in marks,
        )  # fmt: skip
    return out


THINGS: Final = _things()
#: Event words → the event they name.
EVENTS: Final = {word: event for word, event, _ in vocab.rows("measure_events")}
#: Events whose counts grow or are revised while a story unfolds.
EVOLVING: Final = frozenset(
    event for _, event, flag in vocab.rows("measure_events") if flag == "evolving"
)
#: Verbs that move or report a figure → where the measured noun stands (subject, object).
NEUTRAL_VERBS: Final = vocab.mapping("neutral_verbs")
NEUTRAL_MODIFIERS: Final = vocab.words("neutral_modifiers")
UNIT_NOUNS: Final = vocab.words("unit_nouns")
SPLITTING_MODIFIERS: Final = vocab.words("splitting_modifiers")
FORECAST_WORDS: Final = vocab.words("forecast_words")
#: Nouns naming the incident a count belongs to → the kind of incident.
INCIDENTS: Final = vocab.mapping("incident_nouns")
#: Verbs whose figure is a measure itself ("was fined 2.42 billion euros").
VERB_MEASURES: Final = vocab.mapping("verb_measures")
#: The longest phrase of the things lexicon, in words.
_LONGEST: Final = max(len(k.split()) for k in THINGS)


@dataclass(frozen=True)
class Thing:
    """What a figure counts: the measure, the modifiers that narrow it, and the event
    the noun itself tells ("the dead": people, killed)."""

    measure: str
    modifiers: tuple[str, ...] = ()
    event: str | None = None
    person: bool = False
    generic: bool = False
    stable: bool = False
    #: one value per holder and period (a margin, a rate, revenue), unlike counts of things
    single: bool = False

    @property
    def label(self) -> str:
        return " ".join([*self.modifiers, self.measure])


def thing_of(lemmas: list[str] | tuple[str, ...]) -> Thing | None:
    """The measure a noun phrase names, from its lemmas (modifiers first, head last):
    the longest known phrase ending at the head; the words before it that are not
    neutral narrow the measure. An unknown head gives the head itself as the measure."""
    words = [w.lower() for w in lemmas if w]
    if not words or " ".join(words[-2:]) in UNIT_NOUNS or words[-1] in UNIT_NOUNS:
        return None  # "4,907 points", "30 percent": a unit, not a thing counted
    for size in range(min(_LONGEST, len(words)), 0, -1):
        entry = THINGS.get(" ".join(words[-size:]))
        if entry is not None:
            rest = tuple(w for w in words[:-size] if w not in NEUTRAL_MODIFIERS)
            return Thing(entry.measure, rest, entry.event, entry.person, entry.generic,
                         entry.stable, entry.single)  # fmt: skip
    rest = tuple(w for w in words[:-1] if w not in NEUTRAL_MODIFIERS)
    return Thing(words[-1], rest)


#: The measures the lexicon knows, by name, with the flags of their nouns.
MEASURES: Final = {entry.measure: entry for entry in THINGS.values()}
_LONGEST_MEASURE: Final = max(len(m.split()) for m in MEASURES)


def thing_from_label(label: str | None, event: str | None = None) -> Thing | None:
    """The thing a ``measure`` label names ("core inflation", "gold medal", "storey"):
    the longest known measure ending it, the words before it its modifiers."""
    words = str(label or "").split()
    if not words:
        return None
    for size in range(min(_LONGEST_MEASURE, len(words)), 0, -1):
        entry = MEASURES.get(" ".join(words[-size:]))
        if entry is not None:
            return Thing(" ".join(words[-size:]), tuple(words[:-size]), event, entry.person,
                         entry.generic, entry.stable, entry.single)  # fmt: skip
    return Thing(words[-1], tuple(words[:-1]), event)


def known_measure_name(measure: str | None) -> bool:
    """Is this a measure of the lexicon (a news frame), not any noun?"""
    return measure in MEASURES


def event_of(lemma: str | None, particle: str | None = None) -> str | None:
    """The event a word names ("wound" → injured; "take down" → collapsed), or None."""
    if not lemma:
        return None
    word = lemma.lower()
    if particle:
        phrase = EVENTS.get(f"{word} {particle.lower()}")
        if phrase is not None:
            return phrase
    return EVENTS.get(word)


def evolving_event(event: str | None) -> bool:
    """Does the count of this event move between reports (killed, missing), unlike one
    settled once told (signed, testified)?"""
    return event in EVOLVING


def verb_measure(lemma: str | None) -> str | None:
    """The measure a verb's figure is ("fine" → fine, "cost" → cost), or None."""
    return VERB_MEASURES.get(str(lemma or "").lower())


def incident_of(noun: str | None) -> str | None:
    """The kind of incident a noun names ("blast" → explosion), or None."""
    words = str(noun or "").lower().split()
    return INCIDENTS.get(words[-1]) if words else None


def forecast_word(lemma: str | None) -> bool:
    """Does the word make its figure a forecast ("expects", "outlook")?"""
    return bool(lemma) and str(lemma).lower() in FORECAST_WORDS


def neutral_verb(lemma: str | None) -> bool:
    """A verb that moves or reports a figure ("rose", "reached", "put") and tells no event."""
    return bool(lemma) and str(lemma).lower() in NEUTRAL_VERBS


def measure_slot(lemma: str | None) -> str | None:
    """Where a neutral verb's measured noun stands: "subject" ("the toll rose"),
    "object" ("raising the toll"), or None for other verbs."""
    return NEUTRAL_VERBS.get(str(lemma or "").lower())


def known_measure(lemma: str | None) -> bool:
    """Is the noun a measure of the lexicon ("margin", "toll", "revenue")?"""
    return bool(lemma) and str(lemma).lower() in THINGS


def compare_things(a: Thing | None, b: Thing | None) -> str:
    """same (one measure), related (people against a kind of people), different, or
    unknown (one is not known)."""
    if a is None or b is None:
        return UNKNOWN
    modifiers = _compare_modifiers(set(a.modifiers), set(b.modifiers))
    if modifiers == DIFFERENT:
        return DIFFERENT
    if a.measure != b.measure:
        return RELATED if a.person and b.person and (a.generic or b.generic) else DIFFERENT
    return modifiers


def _compare_modifiers(a: set[str], b: set[str]) -> str:
    """same; related when one side only adds describing words ("global emissions" /
    "global greenhouse gas emissions"); different when they disagree or one adds a
    word that makes another measure ("core", "gold")."""
    if a == b:
        return SAME
    if (a <= b or b <= a) and not ((a ^ b) & SPLITTING_MODIFIERS):
        return RELATED
    return DIFFERENT


#: Events one verb tells in two senses ("lost" homes are destroyed, "lost" jobs are cut).
RELATED_EVENTS: Final = frozenset(
    frozenset((row[0], other)) for row in vocab.rows("related_events") for other in row[1:]
)


def compare_events(a: str | None, b: str | None) -> str:
    """same, related ("lost" and "destroyed"), different, or unknown (one is not known)."""
    if not a or not b:
        return UNKNOWN
    if a == b:
        return SAME
    return RELATED if frozenset((a, b)) in RELATED_EVENTS else DIFFERENT


def frame_label(thing: Thing | None, event: str | None) -> str | None:
    """ "killed people", "destroyed home", "storey": the frame as the tables show it."""
    parts = [p for p in (event, thing.label if thing else None) if p]
    return " ".join(parts) or None
