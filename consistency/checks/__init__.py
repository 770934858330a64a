"""Checks: facts and alignments in, flags out. See :mod:`consistency.checks.registry`."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

import pandas as pd

from consistency.checks.base import (
    Check,
    CheckContext,
    Evidence,
    Finding,
    Flag,
    Options,
    Severity,
)
from consistency.checks.merge import merge_findings
from consistency.checks.registry import all_checks
from consistency.tables import FLAGS, frame

__all__ = [
    "Check",
    "CheckContext",
    "ConfiguredCheck",
    "Evidence",
    "Finding",
    "Flag",
    "Severity",
    "run_checks",
]


@dataclass(frozen=True)
class ConfiguredCheck:
    """A check as one run uses it: its severity and options after configuration."""

    check: Check
    severity: Severity
    options: Options

    @classmethod
    def default(cls, check: Check) -> ConfiguredCheck:
        return cls(check, check.severity, MappingProxyType(dict(check.defaults)))


def flags_of(configured: ConfiguredCheck, ctx: CheckContext) -> list[Flag]:
    """Run one check and turn its findings into flags, one per fact across sources."""
    check = configured.check
    findings = merge_findings(check.find(ctx, configured.options), severity=configured.severity)
    return [
        Flag(
            code=check.code,
            name=check.name,
            severity=finding.severity or configured.severity,
            evidence=finding.evidence,
            texts=tuple(ctx.span_text(e) for e in finding.evidence),
            message=finding.message,
            explanation=finding.explanation,
            suggestion=finding.suggestion,
            deviates=finding.deviates,
        )
        for finding in findings
    ]


def run_checks(
    ctx: CheckContext, checks: tuple[Check | ConfiguredCheck, ...] | None = None
) -> pd.DataFrame:
    """All flags of a run, most severe first, then by position; duplicates removed.

    Without ``checks``, the default selection: every check but the opt-in ones.
    """
    flags: dict[str, Flag] = {}
    chosen = checks if checks is not None else tuple(c for c in all_checks() if not c.opt_in)
    for item in chosen:
        configured = item if isinstance(item, ConfiguredCheck) else ConfiguredCheck.default(item)
        for flag in flags_of(configured, ctx):
            flags.setdefault(flag.flag_id, flag)
    ordered = sorted(
        flags.values(),
        key=lambda f: (-f.severity, f.primary.doc_id, f.primary.char_start, f.code),
    )
    return frame((f.to_dict() for f in ordered), FLAGS)
