"""The few generic comparisons checks are built from."""

from __future__ import annotations

import math
from typing import Final

#: Relative difference two exact figures may show and still be the same rounded figure.
ROUNDING_TOLERANCE: Final = 0.02


def _num(x: object) -> float | None:
    if x is None:
        return None
    try:
        value = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def interval(value: object, low: object, high: object) -> tuple[float, float] | None:
    """The interval a qualified figure allows; open ends become infinities."""
    v, lo, hi = _num(value), _num(low), _num(high)
    if v is None and lo is None and hi is None:
        return None
    return (lo if lo is not None else -math.inf, hi if hi is not None else math.inf)


def numbers_compatible(
    a: tuple[float, float], b: tuple[float, float], *, tolerance: float = ROUNDING_TOLERANCE
) -> bool:
    """Do two value intervals overlap, allowing for rounding?"""
    lo_a, hi_a = a
    lo_b, hi_b = b
    slack = tolerance * max(abs(x) for x in (lo_a, hi_a, lo_b, hi_b) if math.isfinite(x))
    return lo_a <= hi_b + slack and lo_b <= hi_a + slack


def numbers_equal(a: object, b: object) -> bool:
    x, y = _num(a), _num(b)
    return x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9)


def intervals_overlap(a_start: str, a_end: str, b_start: str, b_end: str) -> bool:
    """ISO date intervals, inclusive."""
    return a_start <= b_end and b_start <= a_end
