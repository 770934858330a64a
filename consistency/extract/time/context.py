"""What every rule reads besides its match: the text, the anchor and the tense oracle."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Final

from consistency.extract.time import intervals, patterns

#: A forward statement whose date, read in the anchor's year, ended at most this many
#: days before the anchor is read in that year: recycled copy whose date has passed,
#: rather than an event almost a year ahead.
RECENT_PAST_DAYS: Final = 42

#: (start, end) of an expression → "past", "present", "future" or None
TenseOf = Callable[[int, int], str | None]

_CLAUSE_STOP = re.compile(r"[;!?]|\.(?!\d)|\s[-–—]\s")


def lexical_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the clause around ``text[start:end]`` from surface cues only:
    the nearest future or past cue wins (the fallback when there is no parser).
    ``text`` is lowercased."""
    left = max(0, start - 80)
    before = text[left:start]
    stops = list(_CLAUSE_STOP.finditer(before))
    if stops:
        left += stops[-1].end()
        before = text[left:start]
    after = text[end : end + 25]
    stop = _CLAUSE_STOP.search(after)
    if stop:
        after = after[: stop.start()]
    best: tuple[int, str] | None = None
    for m in patterns.TENSE_CUE.finditer(before):
        best = (len(before) - m.end(), "future" if m["future"] else "past")  # the last is nearest
    m = patterns.TENSE_CUE.search(after)
    if m is not None and (best is None or m.start() + 10 < best[0]):
        best = (m.start() + 10, "future" if m["future"] else "past")  # words after weigh less
    return best[1] if best else None


@dataclass(frozen=True)
class Context:
    text: str
    anchor: date | None
    prefer: str = "dmy"
    tense: TenseOf | None = None
    #: the text lowercased, same offsets (the tense cues match it)
    low: str = ""

    def tense_at(self, start: int, end: int) -> str | None:
        if self.tense is not None:
            found = self.tense(start, end)
            if found in ("past", "future", "forward"):
                return found
        return lexical_tense(self.low or self.text.lower(), start, end)

    def year_for(
        self, start: int, end: int, month: int, day: int | None = None
    ) -> tuple[int, str, str | None]:
        """The implicit year of a month (and day) by the tense of its clause:
        (year, how it was chosen, tense used). Needs an anchor."""
        assert self.anchor is not None
        tense = self.tense_at(start, end)
        if patterns.SINCE_BEFORE.search(self.text, max(0, start - 12), start):
            y = intervals.latest_on_or_before(self.anchor, month, day)
            return y, "'since': latest on or before the anchor", "past"
        if tense == "forward":
            y = intervals.nearest_year(self.anchor, month, day)
            return y, "forward-looking act told in the past: nearest to the anchor", tense
        if tense == "past":
            y = intervals.latest_on_or_before(self.anchor, month, day)
            return y, "past tense: latest on or before the anchor", tense
        if tense == "future":
            y = intervals.next_on_or_after(self.anchor, month, day)
            passed = intervals.days_since_end(self.anchor, self.anchor.year, month, day)
            if y > self.anchor.year and 0 < passed <= RECENT_PAST_DAYS:
                return (
                    self.anchor.year,
                    f"future tense, but the date passed {passed} days before the anchor: "
                    "the anchor's year (a year ahead is rarely meant)",
                    tense,
                )
            return y, "future tense: next on or after the anchor", tense
        y = intervals.nearest_year(self.anchor, month, day)
        return y, "no tense: nearest to the anchor", tense
