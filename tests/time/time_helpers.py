"""Small helpers shared by the temporal tests."""

from __future__ import annotations

from datetime import date

from consistency.extract.time.context import TenseOf
from consistency.extract.time.engine import find_timexes
from consistency.extract.time.timex import Timex

ANCHOR = date(2022, 6, 15)  # a Wednesday


def only(text: str, *, anchor: date | None = ANCHOR, tense: TenseOf | None = None) -> Timex:
    """The single expression found in ``text`` (fails when there are more or none)."""
    found = find_timexes(text, anchor=anchor, tense=tense)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def surfaces(text: str, *, anchor: date | None = ANCHOR) -> list[str]:
    return [t.text for t in find_timexes(text, anchor=anchor)]


def fixed(tense: str | None) -> TenseOf:
    """A tense oracle answering the same tense for every span."""
    return lambda start, end: tense
