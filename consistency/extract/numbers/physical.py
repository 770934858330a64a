"""Physical units, read by quantulum3: the one place it earns its keep.

quantulum3 knows hundreds of physical units and their spellings; money, percents,
counts, ordinals and ages are ours. Only quantities whose unit measures something
physical (length, mass, volume, area, speed, energy, temperature ...) are kept.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
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
    with warnings.catch_warnings(), _inflect_unchecked():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    return parser


@contextmanager
def _inflect_unchecked() -> Iterator[None]:
    """Import inflect (quantulum3 pluralizes its unit names with it) without typeguard.

    inflect decorates its functions with typeguard's ``@typechecked``, which rewrites
    and recompiles their source at import: about 4 s, on every run. The decorator
    only adds run-time checks of the argument types, and quantulum3 calls inflect on
    its own fixed unit and number words only, while loading. Python's optimized mode
    (``-O``) turns the decorator off the same way; here it is off while inflect is
    imported, and restored at once.
    """
    if "inflect" in sys.modules:
        yield
        return
    try:
        import typeguard
    except ImportError:
        yield
        return
    checked = typeguard.typechecked

    def unchecked(target: Any = None, **_: Any) -> Any:
        return target if target is not None else (lambda function: function)

    typeguard.typechecked = unchecked  # type: ignore[assignment]
    try:
        import inflect  # noqa: F401
    finally:
        typeguard.typechecked = checked
    yield


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
