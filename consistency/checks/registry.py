"""The catalogue of checks, registered explicitly."""

from __future__ import annotations

from consistency.checks.base import Check
from consistency.checks.numeric import N001_value_mismatch


def all_checks() -> tuple[Check, ...]:
    """Every check, in code order. Add a new check's CHECK here."""
    return (N001_value_mismatch.CHECK,)


def by_code() -> dict[str, Check]:
    return {check.code: check for check in all_checks()}
