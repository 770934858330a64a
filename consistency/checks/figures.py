"""One figure across sources: the facts the join matched as one, and the sides they take.

Shared by the checks that report one finding per figure (N001, N002): matched
pairs are joined into groups (one figure told by several sources), and a
group's facts are split into sides, the facts whose values agree.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from consistency.lang.clusters import UnionFind
from consistency.lang.compare import interval, numbers_compatible

Row = dict[str, Any]


@dataclass
class Side:
    """Facts of one figure whose values agree, and the documents they come from."""

    facts: list[Row] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return sorted({str(f["doc_id"]) for f in self.facts})


def fact_groups(pairs: Iterable[Row], facts: dict[str, Row]) -> list[list[Row]]:
    """Groups of facts the join matched as one figure, in document order; only groups
    in which some pair disagrees."""
    union = UnionFind()
    disputed: set[str] = set()
    for pair in pairs:
        union.union(pair["fact_id"], pair["other_fact_id"])
        if pair["relation"] == "conflict":
            disputed.add(pair["fact_id"])
    groups: dict[str, list[Row]] = defaultdict(list)
    for fact_id in sorted(union.keys(), key=_order(facts)):
        if fact_id in facts:
            groups[union.find(fact_id)].append(facts[fact_id])
    return [g for root, g in groups.items() if any(f["fact_id"] in disputed for f in g)]


def _order(facts: dict[str, Row]) -> Callable[[str], tuple[str, int]]:
    def key(fact_id: str) -> tuple[str, int]:
        row = facts.get(fact_id, {})
        return str(row.get("doc_id", "")), int(row.get("char_start") or 0)

    return key


def _bounds(row: Row) -> tuple[float, float] | None:
    return interval(row["value"], row["value_low"], row["value_high"])


def sides(group: list[Row], *, tolerance: float) -> list[Side]:
    """The group's facts split by value: each side holds the facts compatible with its
    first; the largest side (most documents) first."""
    out: list[Side] = []
    for fact in group:
        mine = _bounds(fact)
        for side in out:
            theirs = _bounds(side.facts[0])
            if mine and theirs and numbers_compatible(mine, theirs, tolerance=tolerance):
                side.facts.append(fact)
                break
        else:
            out.append(Side([fact]))
    return sorted(out, key=lambda s: -len(s.documents))


def value_ratio(a: Row, b: Row) -> float:
    """How many times the larger value of two figures is the smaller (infinite across
    zero)."""
    x, y = abs(float(a["value"] or 0)), abs(float(b["value"] or 0))
    return max(x, y) / min(x, y) if min(x, y) > 0 else float("inf")
