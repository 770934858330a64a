"""The one result type of the temporal engine: a normalized time expression."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Final

from consistency.extract.time import intervals
from consistency.extract.time.intervals import Period

DATE: Final = "DATE"
TIME: Final = "TIME"
DURATION: Final = "DURATION"
SET: Final = "SET"


@dataclass(frozen=True)
class Timex:
    """A time expression found in a text; offsets are relative to that text.

    ``value`` is the TIMEX3-style value, None when it could not be resolved (a
    relative expression without an anchor); ``partial`` then keeps what is known
    (``XXXX-02-24``). ``time_start``/``time_end`` are the inclusive interval
    (None for an open end or an unresolved expression).
    """

    start: int
    end: int
    text: str
    type: str
    value: str | None
    time_start: date | None = None
    time_end: date | None = None
    granularity: str | None = None
    mod: str | None = None
    direction: str | None = None
    resolved: bool = True
    #: how the year or the reference was chosen, when it was a choice
    year_choice: str | None = None
    #: tense used to choose (past, present, future), when one was used
    tense: str | None = None
    #: what a relative expression counts from: anchor, an event, the previous date
    relative_to: str | None = None
    #: the word introducing the expression (since, until, in, on ...)
    signal: str | None = None
    partial: str | None = None
    #: "from 2019 to 2021": the range this expression bounds, "2019/2021" (ISO 8601)
    range: str | None = None
    #: the weekday written with a date ("Sunday, Dec. 18"), Monday 0; it may disagree
    weekday: int | None = None

    @property
    def is_duration(self) -> bool:
        return self.type == DURATION


def from_period(
    start: int,
    end: int,
    text: str,
    period: Period,
    *,
    mod: str | None = None,
    type_: str = DATE,
    **extra: object,
) -> Timex:
    """A resolved DATE timex covering ``period`` (narrowed by ``mod``)."""
    lo, hi = intervals.part(period, mod) if mod else (period.start, period.end)
    return Timex(
        start,
        end,
        text,
        type_,
        period.value,
        lo,
        hi,
        period.granularity,
        mod,
        **extra,  # type: ignore[arg-type]
    )


def unresolved(
    start: int,
    end: int,
    text: str,
    *,
    granularity: str | None,
    partial: str | None = None,
    **extra: object,
) -> Timex:
    """A relative expression with nothing to resolve it against."""
    return Timex(
        start,
        end,
        text,
        DATE,
        None,
        granularity=granularity,
        resolved=False,
        partial=partial,
        **extra,  # type: ignore[arg-type]
    )


def last_resolved_date(
    found: list[Timex], *, before: int | None = None, grains: tuple[str, ...] | None = None
) -> Timex | None:
    """The last calendar date resolved so far: ending by ``before``, of one of ``grains``."""
    for t in reversed(found):
        if before is not None and t.end > before:
            continue
        if grains is not None and t.granularity not in grains:
            continue
        if t.resolved and t.type == DATE and t.time_start is not None:
            return t
    return None


def evolve(t: Timex, **changes: object) -> Timex:
    """A copy of ``t`` with some fields changed: ``dataclasses.replace`` without the
    cost of re-running ``__init__`` (this runs once per expression found)."""
    new = object.__new__(Timex)
    new.__dict__.update(t.__dict__)
    new.__dict__.update(changes)
    return new


def with_direction(t: Timex, anchor: date | None) -> Timex:
    if not t.resolved or t.type in (DURATION, SET) or t.direction is not None:
        return t
    return replace(t, direction=intervals.direction(t.time_start, t.time_end, anchor))
