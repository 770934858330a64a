"""One event told by two sources: what identifies it beyond the words of its clause.

Shared by the checks that compare the dates sources give one event (T001,
T004). Two claims report one event when they share:

- a rank of one series: "won his eighth gold medal" and "the eighth gold came
  in the relay" (the same ordinal of the same measure, not held by two different
  names); time units ("the first time", "the second quarter") identify nothing;
- a precise figure with the same act: "set a record of 2:01:09" and "the 2:01:09
  he set" (three or more significant digits, one unit, one predicate);
- a named actor doing the same act, looked through a verb of planning: "Trump
  is scheduled to tour the burn area" and "Trump is expected to visit the fire
  zone" (one name, and "tour" and "visit" one kind of act).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from consistency.checks.facts import detail
from consistency.lang import vocab
from consistency.lang.compare import key_text, names_alike, written_as_name
from consistency.lang.predicates import same_predicate
from consistency.lang.verbs import FORWARD_VERBS
from consistency.matcher import FIGURE_KINDS, significant_digits

Row = Mapping[str, Any]

#: Measures of a rank that number moments, not events ("the first time", "second quarter").
TIME_MEASURES: Final = frozenset(row[1] for row in vocab.rows("time_units")) | {"time"}
#: Digits a figure needs to identify an event on its own ("2:01:09", "$997 million").
PRECISE_DIGITS: Final = 3


def act(claim: Row) -> str:
    """The act a claim reports, seen through a verb of planning or expecting:
    "is scheduled to tour" → tour."""
    predicate = key_text(claim["predicate"])
    complement = key_text(detail(claim).get("complement"))
    return complement if predicate in FORWARD_VERBS and complement else predicate


def _ranks(claim: Row, facts: Mapping[str, Row]) -> dict[tuple[str, float], str | None]:
    """The ranks a claim carries, with their holder when a name holds them."""
    out: dict[tuple[str, float], str | None] = {}
    for fact_id in str(claim["link"] or "").split():
        fact = facts.get(fact_id)
        if fact is None or fact["kind"] != "ordinal" or not fact["measure"]:
            continue
        measure = key_text(fact["measure"])
        if measure.split()[-1] not in TIME_MEASURES:
            holder = fact["subject"] if written_as_name(fact["subject"]) else None
            out[(measure, float(fact["value"]))] = key_text(holder) if holder else None
    return out


def _shared_ranks(a: Row, b: Row, facts: Mapping[str, Row]) -> list[tuple[str, float]]:
    """Ranks of one series both claims carry, unless two names hold them ("Airbus's
    first aircraft" and "Boeing's first aircraft" are two events)."""
    ranks_a, ranks_b = _ranks(a, facts), _ranks(b, facts)
    return sorted(
        rank
        for rank in ranks_a.keys() & ranks_b.keys()
        if not (ranks_a[rank] and ranks_b[rank] and ranks_a[rank] != ranks_b[rank])
    )


def _precise(claim: Row, facts: Mapping[str, Row]) -> set[tuple[str, str, float]]:
    out: set[tuple[str, str, float]] = set()
    for fact_id in str(claim["link"] or "").split():
        fact = facts.get(fact_id)
        if fact is None or fact["kind"] not in (*FIGURE_KINDS, "duration"):
            continue
        if len(significant_digits(fact)) >= PRECISE_DIGITS and fact["value"] is not None:
            out.add((str(fact["kind"]), key_text(fact["unit"]), float(fact["value"])))
    return out


def same_event(a: Row, b: Row, facts: Mapping[str, Row]) -> str | None:
    """Why claims ``a`` and ``b`` report one event, or None."""
    shared = _shared_ranks(a, b, facts)
    if shared:
        measure, value = shared[0]
        return f"both tell the {value:g}th {measure}" if value > 3 else f"both rank {measure}"
    if _precise(a, facts) & _precise(b, facts) and same_predicate(act(a), act(b)):
        return f"both tell one precise figure with {act(a)!r}"
    subject_a, subject_b = a["canonical"], b["canonical"]
    if (
        written_as_name(subject_a)
        and names_alike(subject_a, subject_b)
        and act(a) != key_text(a["predicate"])
        and same_predicate(act(a), act(b))
    ):
        return f"{subject_a} plans to {act(a)} in both"
    return None
