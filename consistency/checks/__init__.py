"""Checks: facts and alignments in, flags out. See :mod:`consistency.checks.registry`."""

from __future__ import annotations

import pandas as pd

from consistency.checks.base import Check, CheckContext, Evidence, Finding, Flag, Severity
from consistency.checks.registry import all_checks
from consistency.tables import FLAGS, frame

__all__ = ["Check", "CheckContext", "Evidence", "Finding", "Flag", "Severity", "run_checks"]


def flags_of(check: Check, ctx: CheckContext) -> list[Flag]:
    """Run one check and turn its findings into flags."""
    return [
        Flag(
            code=check.code,
            name=check.name,
            severity=finding.severity or check.severity,
            evidence=finding.evidence,
            texts=tuple(ctx.span_text(e) for e in finding.evidence),
            message=finding.message,
            explanation=finding.explanation,
            suggestion=finding.suggestion,
        )
        for finding in check.find(ctx)
    ]


def run_checks(ctx: CheckContext, checks: tuple[Check, ...] | None = None) -> pd.DataFrame:
    """All flags of a run, most severe first, then by position; duplicates removed."""
    flags: dict[str, Flag] = {}
    for check in checks if checks is not None else all_checks():
        for flag in flags_of(check, ctx):
            flags.setdefault(flag.flag_id, flag)
    ordered = sorted(
        flags.values(),
        key=lambda f: (-f.severity, f.primary.doc_id, f.primary.char_start, f.code),
    )
    return frame((f.to_dict() for f in ordered), FLAGS)
