"""What a check is, what it sees, and what it returns."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from functools import cached_property
from types import MappingProxyType, ModuleType
from typing import Any

import pandas as pd

from consistency.draft import draft_support
from consistency.tables import records


class Severity(IntEnum):
    """Ordered so that ``severity >= Severity.WARNING`` reads naturally."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {text!r}; use " + ", ".join(s.label for s in cls)
            ) from None


@dataclass(frozen=True)
class Evidence:
    """A span of one source that supports a flag; points into the text, never copies."""

    doc_id: str
    char_start: int
    char_end: int
    fact_id: str | None = None
    sent_id: int | None = None


@dataclass(frozen=True)
class CheckContext:
    """What every check reads: the run's tables and the document texts (read only)."""

    documents: pd.DataFrame
    facts: pd.DataFrame
    alignments: pd.DataFrame
    texts: Mapping[str, str]

    def span_text(self, evidence: Evidence) -> str:
        return self.texts[evidence.doc_id][evidence.char_start : evidence.char_end]

    @cached_property
    def fact_rows(self) -> list[dict[str, Any]]:
        """The facts as plain rows, read once for every check of the run."""
        return list(records(self.facts))

    @cached_property
    def facts_by_id(self) -> dict[str, dict[str, Any]]:
        return {str(r["fact_id"]): r for r in self.fact_rows}

    @cached_property
    def documents_by_id(self) -> dict[str, dict[str, Any]]:
        return {str(r["doc_id"]): r for r in records(self.documents)}

    @cached_property
    def draft_support(self) -> pd.DataFrame:
        """Draft mode's support table (each draft fact against the sources), built once
        for the D checks and the run's output."""
        return draft_support(self.documents, self.facts, self.alignments)

    @cached_property
    def claims_by_fact(self) -> dict[str, list[dict[str, Any]]]:
        """For each fact id, the claims whose clause carries it."""
        out: dict[str, list[dict[str, Any]]] = {}
        for claim in self.fact_rows:
            if claim["kind"] == "claim":
                for fact_id in str(claim.get("link") or "").split():
                    out.setdefault(fact_id, []).append(claim)
        return out


#: What one source says in a finding, in the check's words: (doc_id, what it says).
Stance = tuple[str, str]


@dataclass(frozen=True)
class Finding:
    """What a check reports: its evidence (primary first) and its words.

    A cross-source finding may also say what it is about (``topic``: "Jo Reyes's
    age"), what each source says (``sides``), and which sources deviate from the
    others (``deviates``, the odd one out) when the check can tell. Findings of one
    check about the same fact are merged into one flag with these
    (:mod:`consistency.checks.merge`).
    """

    evidence: tuple[Evidence, ...]
    message: str
    explanation: str
    suggestion: str = ""
    severity: Severity | None = None
    topic: str = ""
    sides: tuple[Stance, ...] = ()
    deviates: tuple[str, ...] = ()


Options = Mapping[str, Any]
Finder = Callable[[CheckContext, Options], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    """A check: stable code, dotted name, groups, default severity, and its finder.

    Its description and docs are the first line and the rest of its module's
    docstring.
    """

    code: str
    name: str
    severity: Severity
    find: Finder
    module: ModuleType
    groups: tuple[str, ...] = field(default=())
    #: Per-check thresholds and their defaults; configuration may override them.
    defaults: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: Left out of the default selection: runs only when selected by code or dotted name.
    opt_in: bool = False

    @property
    def description(self) -> str:
        return (self.module.__doc__ or "").strip().splitlines()[0]

    @property
    def docs(self) -> str:
        return (self.module.__doc__ or "").strip()


@dataclass(frozen=True)
class Flag:
    """One finding of one check, ready for the flags table."""

    code: str
    name: str
    severity: Severity
    evidence: tuple[Evidence, ...]
    texts: tuple[str, ...]
    message: str
    explanation: str
    suggestion: str = ""
    #: Documents whose evidence differs from the others' (the odd one out), when known.
    deviates: tuple[str, ...] = ()

    @property
    def primary(self) -> Evidence:
        return self.evidence[0]

    @property
    def flag_id(self) -> str:
        """Stable across re-runs and edits elsewhere: code + documents + evidence words."""
        key = "\x1f".join(
            [
                self.code,
                *(f"{e.doc_id}\x1e{t}" for e, t in zip(self.evidence, self.texts, strict=True)),
            ]
        )
        return f"{self.code}-{hashlib.sha1(key.encode()).hexdigest()[:10]}"

    @property
    def related(self) -> str:
        ids: list[str] = []
        for e in self.evidence:
            for item in (e.fact_id, e.doc_id):
                if item and item not in ids:
                    ids.append(item)
        return " ".join(ids)

    def to_dict(self) -> dict[str, Any]:
        p = self.primary
        return {
            "flag_id": self.flag_id,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "doc_id": p.doc_id,
            "sent_id": p.sent_id,
            "char_start": p.char_start,
            "char_end": p.char_end,
            "text": self.texts[0],
            "message": self.message,
            "explanation": self.explanation,
            "suggestion": self.suggestion or None,
            "related": self.related,
            "deviates": " ".join(self.deviates) or None,
        }
