"""A stated change does not fit the two levels it runs between.

"Revenue rose 30 percent to $120 million from $100 million" states a change
the levels contradict: from 100 to 120 is 20 percent. The check reads each
change with the level it modifies and that level's base ("from A to B" in
one sentence), or, for a change dated to a year, the same measured thing's
figure for that year and the year before, from any source of the story.
Every figure counts its own rounding ("$120 million" is 119.5 to 120.5
million) and qualifier ("more than 30 percent"). A change of a percentage
written in percent that is only the difference in points ("up 15 percent from
5 percent to 20 percent", a 300% rise) is flagged as points written as percent.
A fall stated as a rise ("dropped to 4.1 percent from 3.8 percent") is flagged
too.

Options: ``tolerance``, the relative slack allowed on the change beyond
rounding.

Example: "Exports totalled $100 million in 2021" in one source against
"exports rose 50 percent to $120 million in 2022" in another.
"""

from __future__ import annotations

import math
import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import Row, anchors, detail, evidence, link_ids, linked, rows
from consistency.lang.compare import measured_key, numbers_compatible, written_interval

Interval = tuple[float, float]
#: (story, measured thing, year)
LevelKey = tuple[object, str, str]
YEAR = re.compile(r"\d{4}")
LEVEL_KINDS = ("money", "quantity", "percent")


def _first(row: Row, index: dict[str, Row]) -> Row | None:
    """The row a row links to first: a change's level, a "to" level's "from" level."""
    return next(iter(linked(row, index)), None)


def _part(row: Row) -> str | None:
    return detail(row).get("change_part")


def _stated(change: Row) -> Interval | None:
    bounds = written_interval(change)
    if bounds is None:
        return None
    return (-bounds[1], -bounds[0]) if detail(change).get("direction") == "down" else bounds


def _readings(change: Row, level: Row, base: Row) -> list[tuple[str, Interval]]:
    """The changes the two levels imply, in the units the change is written in."""
    now, before = written_interval(level), written_interval(base)
    if now is None or before is None or not all(map(math.isfinite, (*now, *before))):
        return []
    difference = (now[0] - before[1], now[1] - before[0])
    out: list[tuple[str, Interval]] = []
    if change["kind"] == "percent" and change["unit"] == "percent" and before[0] > 0:
        corners = [(n - b) / b * 100 for n in now for b in before]
        out.append(("relative", (min(corners), max(corners))))
    if level["kind"] == "percent" and change["kind"] == "percent":
        out.append(("points", difference))
    elif change["kind"] == level["kind"] and change["unit"] == level["unit"]:
        out.append(("difference", difference))
    return out


def _describe(reading: str, bounds: Interval, unit: object) -> str:
    middle = (bounds[0] + bounds[1]) / 2
    if reading == "relative":
        return f"{middle:+.1f}%"
    if reading == "points":
        return f"{middle:+.2g} percentage points"
    return f"{middle:+,.6g}" + (f" {unit}" if unit else "")


def _where(row: Row) -> str:
    period = f", {row['period']}" if row.get("period") else ""
    return f"{row['text']!r} ({row['doc_id']}{period})"


def _magnitude(change: Row, level: Row, base: Row, tolerance: float) -> Finding | None:
    stated = _stated(change)
    readings = _readings(change, level, base)
    if stated is None or not readings:
        return None
    fits = [r for r, bounds in readings if numbers_compatible(stated, bounds, tolerance=tolerance)]
    if fits == ["points"] and change["unit"] == "percent":
        return _points_as_percent(change, level, base, dict(readings)["relative"])
    if fits:
        return None
    reading, implied = readings[0]
    says = _describe(reading, implied, level["unit"])
    return Finding(
        evidence=tuple(evidence(r) for r in (change, level, base)),
        message=(
            f"The change {change['text']!r} does not fit its levels: from {base['text']!r} "
            f"to {level['text']!r} is {says}."
        ),
        explanation=(
            f"{_where(change)} is the change of {_where(level)} over {_where(base)}; allowing "
            "for the rounding of every figure, its qualifier"
            + (" and either reading (relative or in points)" if len(readings) > 1 else "")
            + f", the levels give {says}, which the stated change does not reach."
        ),
        suggestion="Recompute the change from the levels, or check the levels.",
    )


def _points_as_percent(change: Row, level: Row, base: Row, relative: Interval) -> Finding:
    """ "rose 15 percent from 5 percent to 20 percent": 15 is the difference in points;
    in percent the rise is 300%."""
    says = _describe("relative", relative, level["unit"])
    return Finding(
        evidence=tuple(evidence(r) for r in (change, level, base)),
        message=(
            f"{change['text']!r} is the move in percentage points from {base['text']!r} to "
            f"{level['text']!r}; in percent it is {says}."
        ),
        explanation=(
            f"{_where(change)} gives the difference of two percentages ({_where(base)} and "
            f"{_where(level)}) as a percent change; a change of a percentage is in percentage "
            f"points, and as a percent change these levels give {says}."
        ),
        suggestion="Write 'percentage points', or give the percent change.",
    )


def _direction(level: Row, base: Row) -> Finding | None:
    way = detail(level).get("direction")
    now, before = written_interval(level), written_interval(base)
    if way not in ("up", "down") or now is None or before is None:
        return None
    # Touching rounding intervals ("5.9" is at most 5.95, "6.0" at least 5.95) still rule
    # out a strict rise: at best the level stayed where it was.
    if (way == "up" and now[1] <= before[0]) or (way == "down" and now[0] >= before[1]):
        verb, actual = ("rise", "fall") if way == "up" else ("fall", "rise")
        return Finding(
            evidence=(evidence(level), evidence(base)),
            message=f"A {verb} from {base['text']!r} to {level['text']!r} is a {actual}.",
            explanation=(
                f"The sentence reports a {verb} to {level['text']!r} from {base['text']!r}, "
                f"but the new level is {'lower' if way == 'up' else 'higher'} than the old "
                "one even allowing for rounding."
            ),
            suggestion="Check the verb and the order of the two figures.",
        )
    return None


def _level_index(facts: list[Row], stories: dict[str, object]) -> dict[LevelKey, list[Row]]:
    """Levels with a measured thing and a year, by (story, thing, year)."""
    keys: dict[str, str] = {}
    for change in facts:
        if change["role"] == "change" and change["link"] and measured_key(change):
            keys[link_ids(change)[0]] = measured_key(change)
    index: dict[LevelKey, list[Row]] = defaultdict(list)
    for row in facts:
        if row["kind"] not in LEVEL_KINDS or row["role"] == "change" or _part(row) == "from":
            continue
        thing = measured_key(row) or keys.get(str(row["fact_id"]), "")
        if thing and row["period"] and YEAR.fullmatch(str(row["period"])):
            index[(stories.get(row["doc_id"]), thing, str(row["period"]))].append(row)
    return index


def _one(candidates: list[Row], like: Row | None = None) -> Row | None:
    """The single figure these rows agree on (of ``like``'s kind and unit), else None."""
    if like is not None:
        candidates = [
            r for r in candidates if r["kind"] == like["kind"] and r["unit"] == like["unit"]
        ]
    bounds = [written_interval(r) for r in candidates]
    if not candidates or any(b is None for b in bounds):
        return None
    if all(numbers_compatible(bounds[0], b) for b in bounds[1:]):  # type: ignore[arg-type]
        return candidates[0]
    return None


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    facts = list(rows(ctx.facts))
    index = {str(f["fact_id"]): f for f in facts}
    stories = {doc_id: row.get("story") for doc_id, row in anchors(ctx).items()}
    changes_of: dict[str, list[Row]] = defaultdict(list)
    for row in facts:
        if row["role"] == "change" and row["link"]:
            changes_of[link_ids(row)[0]].append(row)
    tolerance = options["tolerance"]
    for level in facts:  # "rose 30 percent to B from A", one sentence
        base = _first(level, index) if _part(level) == "to" else None
        if base is None or (base["kind"], base["unit"]) != (level["kind"], level["unit"]):
            continue
        found = [_magnitude(c, level, base, tolerance) for c in changes_of[str(level["fact_id"])]]
        if not changes_of[str(level["fact_id"])]:
            found = [_direction(level, base)]
        yield from (f for f in found if f is not None)
    levels = _level_index(facts, stories)
    for change in facts:  # a dated change against the figures for its year and the one before
        level = _first(change, index) if change["role"] == "change" else None
        if change["role"] != "change" or (level and _part(level) == "to" and level["link"]):
            continue  # its sentence gives the base: checked above
        period = change["period"] or (level or {}).get("period")
        if level is not None and level["period"] and level["period"] != period:
            continue  # a level and a change of different years: T002 reports it
        thing = measured_key(change)
        if not thing or not period or not YEAR.fullmatch(str(period)):
            continue
        story = stories.get(change["doc_id"])
        before = str(detail(change).get("base_period") or int(period) - 1)
        if level is None:
            level = _one(levels.get((story, thing, str(period)), []))
        if level is None:
            continue
        base = _one(levels.get((story, thing, before), []), like=level)
        if base is None:
            continue
        finding = _magnitude(change, level, base, tolerance)
        if finding is not None:
            yield finding


CHECK = Check(
    code="N003",
    name="numeric.change_contradicts_levels",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("numeric", "cross-source"),
    defaults=MappingProxyType({"tolerance": 0.05}),
)
