"""The terminal report as people read it: plain text without colour, width-aware."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from consistency import pipeline
from consistency.report.base import Report
from consistency.report.console import excerpt, render
from tests.conftest import WriteArticle

A = "Exports reached $12 billion last year, the ministry said on Monday.\n"
B = "Exports reached $21 billion last year, officials said on Monday.\n"


def report_for(run: pipeline.RunResult) -> Report:
    return Report(
        command="check",
        tables=run.tables,
        texts={p.doc_id: p.text for p in run.parsed},
        problems=run.problems,
        out_dir=None,
        fail_on="error",
    )


def rendered(report: Report, width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", str(width))
    stream = io.StringIO()
    render(report, stream)
    return stream.getvalue()


def test_excerpt_marks_each_span_in_context() -> None:
    text = "Trade last year totaled $147 billion, up 30 percent in 2019."
    spans = [(text.index("$147"), text.index(",")), (text.index("30"), text.index(" in"))]
    line = excerpt(text, spans).plain
    assert "«$147 billion»" in line and "«30 percent»" in line
    assert line.startswith("Trade last year")


@pytest.mark.parametrize("width", [60, 100, 140])
def test_plain_report_fits_the_width_and_names_severities(
    width: int, write: WriteArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = pipeline.check([write("a.txt", A), write("b.txt", B)])
    out = rendered(report_for(run), width, monkeypatch)
    assert "\x1b[" not in out  # no colour codes when NO_COLOR is set
    assert all(len(line) <= width for line in out.splitlines())
    assert "errors (1)" in out
    assert "«$12 billion»" in out and "«$21 billion»" in out
    assert "≠ conflict" in out


def test_draft_support_table(write: WriteArticle, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = write("draft.txt", "Exports reached $21 billion last year, the ministry said.\n")
    source = write("src.txt", A)
    run = pipeline.check([draft], against=[source])
    out = rendered(report_for(run), 120, monkeypatch)
    assert "Draft against its sources" in out
    assert "conflict" in out and "$21 billion" in out


def test_seeds_report_lists_both_mission_flags(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = rendered(report_for(pipeline.check([seeds_dir])), 100, monkeypatch)
    assert "temporal.stale_forward_reference" in out
    assert "temporal.period_mismatch" in out
