"""Physical units, read by quantulum3: the one place it earns its keep.

quantulum3 knows hundreds of physical units and their spellings; money, percents,
counts, ordinals and ages are ours. Only quantities whose unit measures something
physical (length, mass, volume, area, speed, energy, temperature ...) are kept.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

#: quantulum3 entities that are not physical measures, or are ours.
NOT_PHYSICAL: Final = frozenset({"dimensionless", "currency", "time", "unknown"})


@dataclass(frozen=True)
class Physical:
    start: int
    end: int
    value: float
    unit: str
    entity: str


@cache
def _parser() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    return parser


def physical_quantities(text: str) -> list[Physical]:
    """The quantities of a text with a physical unit, as quantulum3 reads them."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = _parser().parse(text)
    except Exception:  # quantulum3 raises on some odd inputs; no unit is then known
        return []
    out: list[Physical] = []
    for q in found:
        entity = q.unit.entity.name
        if entity in NOT_PHYSICAL or q.unit.name in ("percentage", "dimensionless"):
            continue
        start, end = q.span
        out.append(Physical(start, end, float(q.value), q.unit.name, entity))
    return out
