"""GitHub annotation lines: one per flag, with file, line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.cli import main
from consistency.report.github import location
from tests.conftest import WriteArticle, jsonl


def test_location_of_an_offset() -> None:
    text = "line one\nline two has it\n"
    assert location("a.txt", "txt", text, text.index("has")) == ("a.txt", 2, 10)
    assert location("b.jsonl:7", "jsonl", text, 3) == ("b.jsonl", 7, None)
    assert location("c.html", "html", text, 3) == ("c.html", None, None)


def test_github_format_annotates_each_flag(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        "batch.jsonl",
        jsonl(
            [
                {"id": "a", "text": "Exports reached $12 billion last year, the ministry said."},
                {"id": "b", "text": "Exports reached $21 billion last year, officials said."},
            ]
        ),
    )
    code = main(
        ["check", str(path), "--out", str(tmp_path / "o"), "--format", "github", "--select", "N001"]
    )
    lines = capsys.readouterr().out.splitlines()
    assert code == 1
    assert len(lines) == 1
    assert lines[0].startswith(f"::error file={path},line=1,title=N001 numeric.value_mismatch::")
    assert "\n" not in lines[0]
