"""The text-level core: every figure of a text with value, unit, qualifier and role.

``find_figures`` needs no parser: it reads numbers (:mod:`.scan`), their context
(:mod:`.expand`), then joins ranges and "from A to B" pairs. Physical units come
from quantulum3 (:mod:`.physical`).
"""

from __future__ import annotations

from dataclasses import dataclass

from consistency.extract.numbers import patterns as pt
from consistency.extract.numbers.expand import expand
from consistency.extract.numbers.masks import masked_spans
from consistency.extract.numbers.physical import physical_quantities
from consistency.extract.numbers.reading import Reading, bounds
from consistency.extract.numbers.scan import find_numbers
from consistency.tables import encode_detail


@dataclass(frozen=True)
class Figure:
    """One figure; ``start``/``end`` are offsets of its exact surface in the text read."""

    start: int
    end: int
    text: str
    kind: str
    value: float
    unit: str | None = None
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    role: str = "level"
    direction: str | None = None
    scale: str | None = None
    change_part: str | None = None
    base: str | None = None
    is_range: bool = False

    def detail(self) -> dict[str, object]:
        """What the facts table has no column for."""
        out: dict[str, object] = {
            "direction": self.direction,
            "scale": self.scale,
            "change_part": self.change_part,
            "base": self.base,
        }
        if self.is_range:
            out["range"] = [self.low, self.high]
        return {k: v for k, v in out.items() if v is not None}

    def detail_json(self) -> str | None:
        return encode_detail(self.detail())


def find_figures(text: str, *, physical: bool = True) -> list[Figure]:
    """Every figure of ``text``; dates, years, clock times and phone numbers never are."""
    readings = _disjoint([d for d in find_numbers(text, masked_spans(text)) if expand(text, d)])
    if physical:
        _physical_units(text, readings)
    readings = _join(text, readings)
    return [_freeze(text, d) for d in readings]


def _physical_units(text: str, readings: list[Reading]) -> None:
    """Give bare numbers the physical unit quantulum3 reads after them.

    A quantity quantulum3 reads over several of our numbers ("44 mg to 50 mg", "20-25 km")
    gives each its unit; only the last takes the unit's words, so the range join sees two
    figures with one unit.
    """
    bare = [d for d in readings if d.kind == "quantity" and d.unit is None and not d.role]
    if not bare:
        return
    for q in physical_quantities(text):
        inside = [d for d in bare if q.start < d.num_end and d.num_start < q.end]
        if not inside or q.end <= inside[-1].num_end:
            continue
        for i, d in enumerate(inside):
            d.unit = q.unit
            if i == len(inside) - 1:
                d.end = max(d.end, q.end)
            else:
                gap = text[d.num_end : inside[i + 1].num_start]
                d.end = d.num_end + len(pt.RANGE_TAIL.sub("", gap))


def _disjoint(readings: list[Reading]) -> list[Reading]:
    """Drop a number its neighbour's context swallowed ("1" in "10 1/2 miles")."""
    out: list[Reading] = []
    for d in sorted(readings, key=lambda d: (d.start, -d.end)):
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


def _join(text: str, readings: list[Reading]) -> list[Reading]:
    """Ranges ("20-25", "between 20 and 25") become one figure; "from A to B" and
    "to B from A" pairs are marked."""
    out: list[Reading] = []
    for d in readings:
        change = next((o for o in reversed(out) if o.role == "change"), None)
        if d.further and change is not None:
            d.role, d.direction = "change", change.direction  # "fell 0.9% and a further 0.1%"
        prev = out[-1] if out else None
        if prev is None or prev.ordinal or d.ordinal:
            out.append(d)
            continue
        gap = text[prev.end : d.start]
        between = pt.BETWEEN_BEFORE.search(text, 0, prev.start) or pt.BETWEEN_BEFORE.search(
            text, 0, prev.num_start
        )  # "between $20", "aged between 18"
        if not prev.change_part and not d.change_part and d.kind == prev.kind:
            if pt.BARE_TO_BEFORE.search(text, 0, prev.start) and pt.FROM_JOIN.fullmatch(gap):
                prev.change_part, d.change_part = "to", "from"  # "the toll to 64 from 58"
            elif pt.BARE_FROM_BEFORE.search(text, 0, prev.start) and pt.TO_JOIN.fullmatch(gap):
                prev.change_part, d.change_part = "from", "to"  # "from 58 to 64"
        if prev.change_part == "from" and pt.TO_JOIN.fullmatch(gap):
            d.change_part, d.direction = "to", d.direction or prev.direction
        elif prev.change_part == "to" and pt.FROM_JOIN.fullmatch(gap) and d.kind == prev.kind:
            d.change_part, d.direction = "from", prev.direction  # "rose to $120m from $100m"
        elif prev.role == "change" and prev.unit and pt.TO_JOIN.fullmatch(gap):
            d.change_part, d.direction = "to", prev.direction  # "rose 6% to $1.45 billion"
        elif prev.role == "change" and prev.unit and pt.CHANGE_FROM_JOIN.fullmatch(gap):
            d.change_part, d.direction = "from", prev.direction  # "fell 10%, from $7.2 billion"
        elif (
            prev.kind == "age"
            and d.kind == "quantity"
            and not d.unit
            and pt.AGE_LIST_JOIN.fullmatch(gap)
            and not between
        ):
            d.kind, d.role, d.unit = "age", "age", prev.unit  # "ages 41 and 45"
        elif not between and _list_takes_unit(text, out, d):  # "45 and 50 mg", "4 or 5 %"
            out.append(d)
            continue
        elif _tally(prev, d, gap):
            out.pop()  # "a 7-2 vote", "won 3-1": a tally, neither a range nor two counts
            continue
        elif _joinable(prev, d) and (
            pt.RANGE_JOIN.fullmatch(gap) or (between and pt.AND_JOIN.fullmatch(gap))
        ):
            out[-1] = _range(
                prev, d, start=min(between.start(), prev.start) if between else prev.start
            )
            continue
        out.append(d)
    return out


def _tally(a: Reading, b: Reading, gap: str) -> bool:
    """Two bare whole numbers joined by a dash, the larger first: a score or a vote."""
    return (
        pt.TALLY_JOIN.fullmatch(gap) is not None
        and all(x.kind == "quantity" and x.unit is None and x.scale is None for x in (a, b))
        and not (a.words or b.words or a.role or b.role)
        and a.value > b.value
        and a.value.is_integer()
        and b.value.is_integer()
    )


def _shares_unit(bare: Reading, d: Reading) -> bool:
    """A bare number listed before a figure with a unit, neither of them a change part."""
    return (
        bare.kind == "quantity"
        and bare.unit is None
        and bare.role is None
        and d.unit not in (None, "times", "fraction")
        and d.role != "age"
        and not (bare.change_part or d.change_part)
    )


def _list_takes_unit(text: str, out: list[Reading], d: Reading) -> bool:
    """The bare numbers listed right before ``d`` take its unit, last to first; did any?"""
    after = d
    for bare in reversed(out):
        gap = text[bare.end : after.start]
        if not (_shares_unit(bare, d) and pt.UNIT_LIST_JOIN.fullmatch(gap)):
            break
        _take_unit(bare, d)
        after = bare
    return after is not d


def _take_unit(bare: Reading, d: Reading) -> None:
    bare.kind, bare.unit = d.kind, d.unit
    if d.scale is not None and bare.scale is None:
        bare.scale, bare.multiplier = d.scale, d.multiplier
        bare.value *= d.multiplier  # "3 and 4 million dollars"


#: Qualifiers that end a figure: "more than 7.3% to below 9,000" is no range.
OPEN_QUALIFIERS = frozenset({"more_than", "at_least", "less_than", "up_to"})


def _joinable(a: Reading, b: Reading) -> bool:
    if a.unit == "times" or b.unit == "times" or a.change_part or b.change_part:
        return False
    if a.qualifier in OPEN_QUALIFIERS or b.qualifier != "exact":
        return False
    if a.unit and b.unit and a.unit != b.unit:
        return False  # "by 0.25 percentage points to 4.5 percent"
    bare = ("quantity", None)
    return a.kind == b.kind or bare in ((a.kind, a.unit), (b.kind, b.unit))


def _range(a: Reading, b: Reading, *, start: int) -> Reading:
    low = a.value
    if a.scale is None and b.scale is not None:
        low *= b.multiplier  # "$20-25 million"
    return Reading(
        start,
        b.end,
        (low + b.value) / 2,
        kind=b.kind if b.unit else a.kind,
        num_start=a.num_start,
        num_end=b.num_end,
        unit=b.unit or a.unit,
        scale=b.scale,
        qualifier="approx",
        role=a.role or b.role,
        direction=a.direction or b.direction,
        base=b.base,
        low=min(low, b.value),
        high=max(low, b.value),
        is_range=True,
    )


def _freeze(text: str, d: Reading) -> Figure:
    low, high = (
        (d.low, d.high) if d.is_range or d.vague else bounds(d.value, d.qualifier, d.qualifier_word)
    )
    return Figure(
        start=d.start,
        end=d.end,
        text=text[d.start : d.end],
        kind=d.kind,
        value=_tidy(d.value),
        unit=d.unit,
        qualifier=d.qualifier,
        low=None if low is None else _tidy(low),
        high=None if high is None else _tidy(high),
        role=d.role or _role(d),
        direction=d.direction,
        scale=d.scale,
        change_part=d.change_part,
        base=d.base,
        is_range=d.is_range,
    )


def _role(d: Reading) -> str:
    if d.kind in ("money", "percent") or (d.unit and d.unit != "people"):
        return "level"
    return "count"


def _tidy(value: float) -> float:
    """Drop binary noise from scaling: 16.4 * 1e6 is 16400000, not 16399999.999999998."""
    return float(f"{value:.12g}")
