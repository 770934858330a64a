"""The terminal report as people read it: findings first, story by story, width-aware."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from consistency import pipeline
from consistency.report.base import Report
from consistency.report.console import excerpt, render
from tests.conftest import WriteArticle, jsonl, report_of

A = "Exports reached $12 billion last year, the ministry said on Monday.\n"
B = "Exports reached $21 billion last year, officials said on Monday.\n"
DAY = "2023-05-08"
#: Two stories: one with a conflicting toll, one whose sources agree.
STORIES = [
    {"id": "quake-wire", "story": "quake", "published": DAY,
     "text": "The earthquake killed 41 people in the province, officials said on Sunday."},
    {"id": "quake-daily", "story": "quake", "published": DAY,
     "text": "The earthquake killed 14 people in the province, officials said on Sunday."},
    {"id": "budget-wire", "story": "budget", "published": DAY,
     "text": "The council approved a budget of $4 million on Friday, the mayor said."},
    {"id": "budget-post", "story": "budget", "published": DAY,
     "text": "The council approved a budget of $4 million on Friday, officials said."},
]  # fmt: skip


def rendered(report: Report, width: int, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", str(width))
    stream = io.StringIO()
    render(report, stream)
    return stream.getvalue()


@pytest.fixture(scope="module")
def two_stories(tmp_path_factory: pytest.TempPathFactory) -> pipeline.RunResult:
    path = tmp_path_factory.mktemp("stories") / "run.jsonl"
    path.write_text(jsonl(STORIES), encoding="utf-8")
    return pipeline.check([path])


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
    out = rendered(report_of(run), width, monkeypatch)
    assert "\x1b[" not in out  # no colour codes when NO_COLOR is set
    assert all(len(line) <= width for line in out.splitlines())
    assert "1 error" in out.splitlines()[0]
    assert "N001 error numeric.value_mismatch" in out
    assert "«$12 billion»" in out and "«$21 billion»" in out
    assert "≠ conflict" in out


def test_findings_come_first_then_each_storys_tables(
    two_stories: pipeline.RunResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = rendered(report_of(two_stories), 120, monkeypatch).splitlines()
    assert lines[0].startswith("consistency check: 2 stories, 4 source(s)")
    assert lines[1].startswith("by check: N001 1")
    heads = [n for n, line in enumerate(lines) if " · 2 source(s) · " in line]
    assert [lines[n].split(" · ")[0] for n in heads] == ["quake", "budget"], "worst story first"
    assert lines[heads[0] + 1].startswith("N001 error"), "the story opens with its finding"
    tables = [n for n, line in enumerate(lines) if line.strip() == "Sources"]
    assert heads[0] + 1 < tables[0] < heads[1] < tables[1], "findings, then the story's tables"
    quake = "\n".join(lines[heads[0] : heads[1]])
    budget = "\n".join(lines[heads[1] :])
    assert "quake-wire" in quake and "budget-wire" not in quake, "a story's sources only"
    assert "no findings" in lines[heads[1]] and "budget-wire" in budget


def test_quiet_prints_the_findings_only(
    two_stories: pipeline.RunResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = rendered(report_of(two_stories, quiet=True), 120, monkeypatch)
    assert out.splitlines()[0].startswith("quake · 2 source(s)")
    assert "N001 error" in out
    assert not [line for line in out.splitlines() if line.strip() == "Sources"], "no tables"
    assert "budget" not in out and "consistency check" not in out


def test_statistics_count_findings_by_check(
    two_stories: pipeline.RunResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = rendered(report_of(two_stories, statistics=True), 120, monkeypatch)
    rows = [line.split() for line in out.splitlines()]
    assert ["1", "N001", "numeric.value_mismatch", "error"] in rows
    assert ["1", "total"] in rows
    assert "«" not in out, "no findings, counts only"


def test_show_leaves_out_findings_below_a_severity(
    write: WriteArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = pipeline.check([write("a.txt", A), write("b.txt", B)])
    assert "info" in set(run.flags["severity"])
    out = rendered(report_of(run, show="error"), 120, monkeypatch)
    assert "N001 error" in out and "T005" not in out.split("\n", 2)[2]
    assert "2 finding(s) below --show error" in out


def test_draft_support_lists_problems_first_and_keeps_source_flags_apart(
    write: WriteArticle, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = write(
        "draft.txt",
        "The council approved $4 million on Friday. Exports reached $21 billion last year, "
        "the ministry said on Monday.\n",
    )
    wire = write("wire.txt", A)
    rival = write("rival.txt", B)
    run = pipeline.check([draft], against=[wire, rival])
    out = rendered(report_of(run), 120, monkeypatch)
    table = out[out.index("Draft against its sources") :]
    statuses = [w for w in ("conflict", "unsupported", "supported") if f"│ {w} " in table]
    assert statuses and [table.index(f"│ {w} ") for w in statuses] == sorted(
        table.index(f"│ {w} ") for w in statuses
    ), "problems first"
    between = out.index("Between the sources (not about the draft):")
    assert "wire" in out[between:].split("why:")[0] and "rival" in out[between:].split("why:")[0]


def test_seeds_report_lists_both_mission_flags(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = rendered(report_of(pipeline.check([seeds_dir])), 100, monkeypatch)
    assert "temporal.stale_forward_reference" in out
    assert "temporal.period_mismatch" in out


def test_a_figure_updated_between_reports_shows_as_an_update(
    two_stories: pipeline.RunResult, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: the 'update' relation of the join is a row of the tables, not a crash."""
    from consistency.report.html_site import pages

    tables = dict(two_stories.tables)
    alignments = tables["alignments"].copy()
    alignments.loc[alignments["relation"] == "conflict", "relation"] = "update"
    tables["alignments"] = alignments
    report = report_of(two_stories, tables=tables)
    assert "→ update" in rendered(report, 120, monkeypatch)
    assert '<td class="rel-update">' in pages(report)["story-quake.html"]
