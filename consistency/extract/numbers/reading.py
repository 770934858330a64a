"""The mutable working record of one figure while it is being read, and its bounds."""

from __future__ import annotations

from dataclasses import dataclass

APPROX_SPREAD = 0.1
#: Approximations that stop at the value ("nearly 30" is below 30).
BELOW_WORDS = frozenset({"nearly", "almost", "close to"})


@dataclass
class Reading:
    """A figure under construction; ``num_start``/``num_end`` cover the number only."""

    start: int
    end: int
    value: float
    kind: str = "quantity"
    num_start: int = 0
    num_end: int = 0
    unit: str | None = None
    words: bool = False
    ordinal: bool = False
    scale: str | None = None
    multiplier: float = 1.0
    qualifier: str = "exact"
    qualifier_word: str | None = None
    role: str | None = None
    direction: str | None = None
    change_part: str | None = None
    base: str | None = None
    low: float | None = None
    high: float | None = None
    is_range: bool = False
    vague: bool = False
    #: "a further 0.1%": a change if an earlier figure of the text is one
    further: bool = False

    def __post_init__(self) -> None:
        if not self.num_end:
            self.num_start, self.num_end = self.start, self.end


def bounds(value: float, qualifier: str, word: str | None = None) -> tuple[float | None, ...]:
    """The interval a qualified value allows; an open end is None."""
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "up_to"):
        return None, value
    if qualifier == "approx":
        low, high = value * (1 - APPROX_SPREAD), value * (1 + APPROX_SPREAD)
        if word in BELOW_WORDS:
            high = value
        return min(low, high), max(low, high)
    return value, value
