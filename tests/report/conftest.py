"""Hand-built reports for the HTML reporter: two sources with a conflicting figure."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from consistency import tables
from consistency.ingest import InputProblem
from consistency.report.base import Report

TEXT_A = (
    "Trade figures released\n\n"
    "Exports reached $12 billion last year, the ministry said on Monday.\n"
    "Read Also: <script>alert('x')</script> more news\n"
)
TEXT_B = "Record exports\n\nExports reached $21 billion last year, officials said.\n"


def _fact(doc: str, n: int, kind: str, text: str, full: str, **extra: Any) -> dict[str, Any]:
    start = full.index(text)
    return {
        "fact_id": f"{doc}:f{n:03d}",
        "doc_id": doc,
        "sent_id": 1,
        "kind": kind,
        "text": text,
        "char_start": start,
        "char_end": start + len(text),
        **extra,
    }


def tables_for_conflict() -> dict[str, Any]:
    docs = [
        {
            "doc_id": "a",
            "path": "a.txt",
            "format": "txt",
            "source": "Wire",
            "title": "Trade",
            "url": "https://example.org/a",
            "anchor_date": "2022-01-03",
            "anchor_basis": "text",
            "anchor_evidence": "Monday",
            "n_chars": len(TEXT_A),
            "n_sentences": 2,
            "n_dropped_lines": 1,
        },
        {
            "doc_id": "b",
            "path": "b.txt",
            "format": "txt",
            "source": "Daily",
            "title": "Record",
            "anchor_date": "2022-01-03",
            "anchor_basis": "propagated",
            "n_chars": len(TEXT_B),
            "n_sentences": 2,
            "n_dropped_lines": 0,
        },
    ]
    money = {"unit": "USD", "qualifier": "exact", "object": "export", "period": "2021"}
    facts = [
        _fact("a", 1, "money", "$12 billion", TEXT_A, value=12e9, **money),
        _fact(
            "a",
            2,
            "date",
            "last year",
            TEXT_A,
            timex="2021",
            time_start="2021-01-01",
            time_end="2021-12-31",
        ),
        _fact(
            "a",
            3,
            "claim",
            "Exports reached $12 billion last year",
            TEXT_A,
            subject="Exports",
            predicate="reach",
        ),
        _fact("b", 1, "money", "$21 billion", TEXT_B, value=21e9, **money),
        _fact(
            "b",
            2,
            "date",
            "last year",
            TEXT_B,
            timex="2021",
            time_start="2021-01-01",
            time_end="2021-12-31",
        ),
    ]
    start = TEXT_A.index("$12 billion")
    flags = [
        {
            "flag_id": "N001-1",
            "code": "N001",
            "name": "numeric.value_mismatch",
            "severity": "error",
            "doc_id": "a",
            "sent_id": 1,
            "char_start": start,
            "char_end": start + 11,
            "text": "$12 billion",
            "message": "Wire and Daily differ on exports: '$12 billion' vs '$21 billion'.",
            "explanation": "Both are USD for 'export' over 2021 & no rounding <reconciles> them.",
            "suggestion": "Check both figures against the primary source.",
            "related": "a:f001 a b:f001 b",
        }
    ]
    read_also = TEXT_A.index("Read Also")
    dropped = [
        {
            "doc_id": "a",
            "char_start": read_also,
            "char_end": TEXT_A.index("\n", read_also),
            "text": "Read Also: ...",
            "reason": "related-link teaser",
        }
    ]
    alignments = [
        {
            "fact_id": "a:f001",
            "other_fact_id": "b:f001",
            "doc_id": "a",
            "other_doc_id": "b",
            "kind": "money",
            "relation": "conflict",
            "score": 0.9,
        },
        {
            "fact_id": "a:f002",
            "other_fact_id": "b:f002",
            "doc_id": "a",
            "other_doc_id": "b",
            "kind": "date",
            "relation": "agree",
            "score": 0.9,
        },
    ]
    return {
        "documents": tables.frame(docs, tables.DOCUMENTS),
        "sentences": tables.frame([], tables.SENTENCES),
        "facts": tables.frame(facts, tables.FACTS),
        "alignments": tables.frame(alignments, tables.ALIGNMENTS),
        "flags": tables.frame(flags, tables.FLAGS),
        "dropped": tables.frame(dropped, tables.DROPPED),
        "errors": tables.frame([], tables.ERRORS),
    }


MakeReport = Callable[..., Report]


@pytest.fixture
def make_report() -> MakeReport:
    """A report of the conflict case; keyword arguments replace its parts."""

    def _make(**changes: Any) -> Report:
        parts: dict[str, Any] = {
            "command": "check",
            "tables": tables_for_conflict(),
            "texts": {"a": TEXT_A, "b": TEXT_B},
            "problems": [],
            "out_dir": None,
            "fail_on": "error",
        }
        parts.update(changes)
        return Report(**parts)

    return _make


def rendered(report: Report) -> str:
    from consistency.report.html import render

    stream = io.StringIO()
    render(report, stream)
    return stream.getvalue()


PROBLEM = InputProblem("missing.txt", "E101", "no such file or directory")
