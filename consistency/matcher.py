"""One matcher: are two figures the same fact, told by two sources (or twice by one)?

Each piece of evidence adds to or takes from one score (log-odds), instead of a
chain of gates each of which must pass:

- the measure (``people``, ``storey``, ``core inflation``): the same measure
  counts for, a kind of people against people counts a little, two measures
  never match;
- the event (``killed``, ``injured``): the same event counts for, two events
  never match;
- the holder ("Apple's revenue"), the period, the change's base (a month
  earlier against a year earlier), a part against its whole;
- how alike the two sentences read (rapidfuzz), and how close the values are.

The score is squashed to 0..1; figures at or above :data:`SAME_FACT` are one
fact. :func:`figure_relation` then tells agree, compatible, conflict, or update
(a count that moved between reports of different days).

The join reads it to align facts across sources, and the numeric checks read the
join's alignments (or the matcher itself, inside one article).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from rapidfuzz import fuzz

from consistency.lang.compare import (
    elapsed_digits,
    interval,
    intervals_overlap,
    key_text,
    numbers_compatible,
    numbers_equal,
    timex_interval,
    written_as_name,
)
from consistency.lang.frames import (
    DIFFERENT,
    RELATED,
    SAME,
    UNKNOWN,
    Thing,
    compare_events,
    compare_things,
    evolving_event,
    incident_of,
    known_measure_name,
    thing_from_label,
)
from consistency.tables import detail_of

Row = Mapping[str, Any]

FIGURE_KINDS: Final = ("money", "percent", "quantity")
#: Probability at or above which two figures are one fact.
SAME_FACT: Final = 0.5

#: The weights of the evidence (log-odds). Set by hand from what each kind of
#: evidence tells in news copy; ``benchmarks/bench_matcher.py`` measures them.
WEIGHTS: Final = {
    "prior": -2.0,
    "same_measure": 2.0,
    "known_measure": 0.5,
    "stable_measure": 1.0,
    "single_measure": 0.75,
    "bare_count": -0.25,
    "related_measure": 1.0,
    "described_measure": 2.0,
    "one_measure_unknown": -0.5,
    "no_measure": -1.0,
    "same_event": 1.5,
    "related_event": 0.75,
    "one_event_unknown": -0.5,
    "no_event": -0.5,
    "people_no_event": -1.0,
    "both_changes": 0.5,
    "one_place": -1.0,
    "same_holder": 1.0,
    "other_holder": -1.0,
    "same_period": 1.0,
    "overlapping_period": -1.0,
    "similarity": 3.0,
    "equal_values": 1.0,
    "close_values": 0.3,
    "scale_step": 0.5,
    "far_values": -1.5,
}


@dataclass(frozen=True)
class Match:
    """How likely two figures are one fact, and why."""

    score: float
    reasons: tuple[str, ...]
    veto: str | None = None

    @property
    def same(self) -> bool:
        return self.veto is None and self.score >= SAME_FACT


NO_MATCH: Final = Match(0.0, (), "not figures of one kind")


def _num(x: object) -> float | None:
    try:
        value = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def sentence_similarity(a: str, b: str) -> float:
    """How alike two sentences read, 0..1, word order and extra words aside."""
    return fuzz.token_set_ratio(a, b, processor=str.casefold) / 100.0


def _dimension(a: Row, b: Row) -> str | None:
    """Why two figures cannot be one fact by their kind and unit, or None."""
    if a["kind"] != b["kind"] or a["kind"] not in FIGURE_KINDS:
        return "different kinds"
    unit_a, unit_b = key_text(a["unit"]), key_text(b["unit"])
    if a["kind"] == "quantity" and {unit_a, unit_b} <= {"", "people"}:
        return None  # a count: "people" is only set where the noun says so
    return None if unit_a == unit_b else "different units"


def dated_period(row: Row) -> str:
    """The period a figure is dated to; "now" (PRESENT_REF) names none."""
    period = str(row["period"] or "")
    return "" if period.endswith("_REF") else period


def _period_evidence(a: Row, b: Row) -> tuple[float, str | None, str | None]:
    pa, pb = dated_period(a), dated_period(b)
    if not pa or not pb:
        return 0.0, None, None
    if pa == pb:
        return WEIGHTS["same_period"], f"same period {pa}", None
    ia, ib = timex_interval(pa.split("/")[0]), timex_interval(pb.split("/")[0])
    if ia and ib and not intervals_overlap(*ia, *ib):
        return 0.0, None, f"different periods ({pa} / {pb})"
    return WEIGHTS["overlapping_period"], f"periods {pa} / {pb} only overlap", None


_DIGITS: Final = re.compile(r"\d(?:[\d,.:]*\d)?")


def significant_digits(row: Row) -> str:
    """The digits a figure is written with, without separators and outer zeros:
    "€252.7bn" → "2527", "770,000" → "77", "$10 million" → "1", "2:01:09" → "20109"."""
    text = str(row.get("text") or "")
    if row.get("unit") == "second" and (clock := elapsed_digits(text)):
        return clock.strip("0")
    found = _DIGITS.search(text)
    return found.group().translate(str.maketrans("", "", ",.:")).strip("0") if found else ""


def same_digits(a: Row, b: Row) -> bool:
    """ "252.7" and "252.7": the written digits agree, whatever the scale word."""
    digits = significant_digits(a)
    return bool(digits) and digits == significant_digits(b)


def _value_evidence(a: Row, b: Row) -> tuple[float, str | None]:
    x, y = _num(a["value"]), _num(b["value"])
    if x is None or y is None or x <= 0 or y <= 0:
        return 0.0, None
    if numbers_equal(x, y):
        return WEIGHTS["equal_values"], "equal values"
    ratio = max(x, y) / min(x, y)
    power = math.log10(ratio)
    if ratio >= 10 and abs(power - round(power)) < 0.01 and same_digits(a, b):
        return WEIGHTS["scale_step"], f"same digits, a factor of 10^{round(power)} apart"
    if ratio <= 1.5:
        return WEIGHTS["close_values"], "close values"
    if ratio > 3:
        return WEIGHTS["far_values"], "values far apart"
    return 0.0, None


def _unlisted_event(a: Row, b: Row, thing: Thing | None) -> bool:
    """A count of people whose event is known against one whose verb tells an event the
    lexicon does not list ("killed" against "trapped", "identified" against "handed
    over"): what happened to people is what makes their count."""
    if thing is None or not thing.person:
        return False
    return any(
        known["event"] and not other["event"] and other["predicate"]
        for known, other in ((a, b), (b, a))
    )


def same_figure(a: Row, b: Row, *, context_a: str = "", context_b: str = "") -> Match:
    """How likely figures ``a`` and ``b`` (fact rows) are one fact; ``context_*`` are
    their sentences."""
    why_not = _dimension(a, b)
    if why_not:
        return Match(0.0, (), why_not)
    info_a, info_b = detail_of(a), detail_of(b)
    if (a["role"] == "change") != (b["role"] == "change"):
        return Match(0.0, (), "a change against a level")
    if bool(info_a.get("part")) != bool(info_b.get("part")):
        return Match(0.0, (), "a part against its whole")
    if info_a.get("base") and info_b.get("base") and info_a["base"] != info_b["base"]:
        return Match(0.0, (), "changes over different spans")
    if bool(info_a.get("forecast")) != bool(info_b.get("forecast")):
        return Match(0.0, (), "a forecast against a result")
    place_a, place_b = key_text(info_a.get("place")), key_text(info_b.get("place"))
    if place_a and place_b and place_a != place_b:
        return Match(0.0, (), f"different places ({place_a} / {place_b})")
    earlier_a, earlier_b = info_a.get("change_part") == "from", info_b.get("change_part") == "from"
    if earlier_a != earlier_b and not (dated_period(a) and dated_period(a) == dated_period(b)):
        return Match(0.0, (), "an earlier level ('from ...') against a later one")
    reasons: list[str] = []
    total = WEIGHTS["prior"]
    if bool(place_a) != bool(place_b):
        total += WEIGHTS["one_place"]  # "sales in China" may be a part of "sales"
    thing_a = thing_from_label(a["measure"], a["event"])
    thing_b = thing_from_label(b["measure"], b["event"])
    things = compare_things(thing_a, thing_b)
    if things == DIFFERENT:
        return Match(0.0, (), f"different measures ({a['measure']} / {b['measure']})")
    if things == SAME and thing_a is not None:
        total += WEIGHTS["same_measure"]
        reasons.append(f"same measure '{a['measure']}'")
        if known_measure_name(thing_a.measure):
            total += WEIGHTS["known_measure"]  # a news frame of the lexicon, not any noun
        if thing_a.stable and thing_b is not None and thing_b.stable:
            total += WEIGHTS["stable_measure"]  # a building has one count of storeys
        if thing_a.single:
            total += WEIGHTS["single_measure"]  # one margin, one rate, one fine per holder
    elif things == RELATED:
        same_head = (
            thing_a is not None and thing_b is not None and thing_a.measure == thing_b.measure
        )
        total += WEIGHTS["described_measure" if same_head else "related_measure"]
        reasons.append(f"related measures '{a['measure']}' / '{b['measure']}'")
    else:
        known = bool(thing_a) + bool(thing_b)
        total += WEIGHTS["one_measure_unknown"] if known == 1 else WEIGHTS["no_measure"]
    events = compare_events(a["event"], b["event"])
    if events == DIFFERENT:
        return Match(0.0, (), f"different events ({a['event']} / {b['event']})")
    if events == UNKNOWN and _unlisted_event(a, b, thing_a or thing_b):
        return Match(0.0, (), f"different events ({a['event'] or a['predicate']} / "
                     f"{b['event'] or b['predicate']})")  # fmt: skip
    if events == SAME:
        total += WEIGHTS["same_event"]
        reasons.append(f"same event '{a['event']}'")
    elif events == RELATED:
        total += WEIGHTS["related_event"]
        reasons.append(f"related events '{a['event']}' / '{b['event']}'")
    elif bool(a["event"]) != bool(b["event"]):
        total += WEIGHTS["one_event_unknown"]
    else:
        total += WEIGHTS["no_event"]
        if thing_a is not None and thing_a.generic:
            total += WEIGHTS["people_no_event"]  # "293 people", "400 people": of what?
    if a["role"] == "change" and b["role"] == "change":
        total += WEIGHTS["both_changes"]
    holder_a, holder_b = key_text(a["subject"]), key_text(b["subject"])
    incident_a, incident_b = incident_of(holder_a), incident_of(holder_b)
    if incident_a and incident_b and incident_a != incident_b:
        return Match(0.0, (), f"different incidents ({a['subject']} / {b['subject']})")
    if holder_a and holder_b:
        if holder_a == holder_b or (incident_a and incident_a == incident_b):
            total += WEIGHTS["same_holder"]
            reasons.append(f"same holder '{a['subject']}'")
        elif written_as_name(a["subject"]) and written_as_name(b["subject"]):
            return Match(0.0, (), f"different holders ({a['subject']} / {b['subject']})")
        else:
            total += WEIGHTS["other_holder"]
            reasons.append(f"holders '{a['subject']}' / '{b['subject']}'")
    weight, why, veto = _period_evidence(a, b)
    if veto:
        return Match(0.0, (), veto)
    total += weight
    bare = [
        not any(r[k] for k in ("event", "subject")) and not dated_period(r)
        for r, thing in ((a, thing_a), (b, thing_b))
        if not (thing is not None and (thing.single or thing.stable))
    ]
    total += WEIGHTS["bare_count"] * sum(bare)  # "eight golds" / "seven golds": whose, when?
    reasons.extend([why] if why else [])
    if context_a and context_b:
        similarity = sentence_similarity(context_a, context_b)
        total += WEIGHTS["similarity"] * (similarity - 0.5)
        reasons.append(f"sentences alike {similarity:.2f}")
    weight, why = _value_evidence(a, b)
    total += weight
    reasons.extend([why] if why else [])
    return Match(1.0 / (1.0 + math.exp(-total)), tuple(reasons))


#: Qualifiers that leave one end of a figure open ("at least 137", "up to 40").
OPEN_QUALIFIERS: Final = frozenset({"at_least", "more_than", "less_than", "up_to"})


def round_figure(row: Row) -> bool:
    """Written as a round number ("100", "30 percent", "5,000", "150"): one or two
    significant digits ending in a zero, or a single digit."""
    digits = significant_digits(row)
    whole = str(row.get("text") or "")
    return len(digits) <= 1 or (len(digits) == 2 and not re.search(r"\d\.\d", whole)
                                 and _num(row["value"]) is not None
                                 and float(row["value"]) % 10 == 0)  # fmt: skip


def value_bounds(row: Row) -> tuple[float, float] | None:
    """The values a figure allows. An open qualifier on a round number is a loose floor
    or ceiling ("more than 100", "more than 30 percent"); on an exact count it states
    that count ("at least 137" is the 137 confirmed, not "137 or any more")."""
    bounds = interval(row["value"], row["value_low"], row["value_high"])
    if bounds is None or row["qualifier"] not in OPEN_QUALIFIERS or round_figure(row):
        return bounds
    value = _num(row["value"])
    return (value, value) if value is not None else bounds


def values_relation(a: Row, b: Row, *, tolerance: float) -> str:
    """agree, compatible or conflict, for the values of two figures of one fact."""
    if numbers_equal(a["value"], b["value"]) and a["qualifier"] == b["qualifier"]:
        return "agree"
    ia, ib = value_bounds(a), value_bounds(b)
    if ia and ib and numbers_compatible(ia, ib, tolerance=tolerance):
        return "compatible"
    return "conflict"


def fixed_in_time(row: Row) -> bool:
    """A figure that later reports cannot move: a stable measure (a building's
    storeys), a dated period, or an event that is over once told ("signed",
    "testified"), unlike counts that grow while a story unfolds (killed, missing)."""
    if dated_period(row):
        return True
    thing = thing_from_label(row["measure"], row["event"])
    if thing is not None and thing.stable:
        return True
    return bool(row["event"]) and not evolving_event(row["event"])


def scale_slip(a: Row, b: Row) -> bool:
    """The same digits a power of ten apart ("€252.7 million" / "€252.7 billion")."""
    x, y = _num(a["value"]), _num(b["value"])
    if not x or not y or x <= 0 or y <= 0 or numbers_equal(x, y):
        return False
    power = math.log10(max(x, y) / min(x, y))
    return abs(power - round(power)) < 0.01 and same_digits(a, b)


def frames_allow(a: Row, b: Row) -> bool:
    """Nothing in the two figures' frames says they are two facts (the measure, the
    event, a named holder), however little says they are one."""
    things = compare_things(thing_from_label(a["measure"], a["event"]),
                            thing_from_label(b["measure"], b["event"]))  # fmt: skip
    if things == DIFFERENT or compare_events(a["event"], b["event"]) == DIFFERENT:
        return False
    holder_a, holder_b = key_text(a["subject"]), key_text(b["subject"])
    return not (
        holder_a != holder_b and written_as_name(a["subject"]) and written_as_name(b["subject"])
    )


def figure_relation(
    a: Row, b: Row, *, days_apart: int | None, tolerance: float, window: int = 0
) -> str:
    """agree, compatible, conflict, or update: values that differ between reports more
    than ``window`` days apart, for a figure that may move between them (a scale slip
    is no update, whenever it was written)."""
    relation = values_relation(a, b, tolerance=tolerance)
    if relation != "conflict" or scale_slip(a, b):
        return relation
    moved = days_apart is not None and days_apart > window
    if moved and not (fixed_in_time(a) and fixed_in_time(b)):
        return "update"
    return relation
