"""The Python API as a notebook uses it: paths, texts or records in, typed tables out."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

import consistency
from consistency import Config, check
from consistency.api import extract
from consistency.config import ConfigError
from consistency.tables import SCHEMAS
from tests.conftest import ROOT, WriteArticle

A = "Exports reached $12 billion last year, the ministry said on Monday.\n"
B = "Exports reached $21 billion last year, officials said on Monday.\n"


def test_the_package_exports_the_api() -> None:
    assert {"check", "Config", "Result"} <= set(consistency.__all__)
    assert consistency.check is check
    with pytest.raises(AttributeError):
        consistency.nothing  # noqa: B018


def test_texts_and_records_give_the_tables_with_their_schemas() -> None:
    record = {"text": B, "source": "Daily", "published": date(2023, 1, 3)}
    result = check([A, record])
    assert list(result.documents["doc_id"]) == ["text-1", "record-2"], "numbered in input order"
    for name in ("documents", "facts", "alignments", "flags"):
        table = getattr(result, name)
        assert list(table.columns) == SCHEMAS[name].names
        assert {c: str(t) for c, t in table.dtypes.items()} == SCHEMAS[name].dtypes
    documents = result.documents.set_index("doc_id")
    assert documents.loc["record-2", "source"] == "Daily"
    assert documents.loc["record-2", "published"] == "2023-01-03"
    assert documents.loc["record-2", "path"] == "<record 2>"
    assert documents.loc["text-1", "format"] == "record"
    assert result.support is None
    assert "N001" in set(result.flags["code"])


def test_paths_a_config_and_a_selection(write: WriteArticle, tmp_path: Path) -> None:
    a, b = write("a.txt", A), write("b.txt", B)
    result = check([a, str(b)], select="N001")
    assert list(result.flags["code"]) == ["N001"]
    config = {"select": ["temporal"], "severity": {"T005": "warning"}}
    result = check(tmp_path, config=config)
    assert set(result.flags["code"]) == {"T005"}
    assert set(result.flags["severity"]) == {"warning"}
    toml = write("consistency.toml", 'ignore = ["N001", "T005"]\n')
    assert check([a, b], config=toml).flags.empty
    assert check([a, b], config=Config(), ignore="N001,T005").flags.empty
    with pytest.raises(ConfigError, match="did you mean 'N001'"):
        check([a, b], select="N0001")


def test_unreadable_inputs_are_listed_not_raised(tmp_path: Path) -> None:
    result = check([tmp_path / "missing.txt", {"text": A}, {"txt": "no text field"}])
    assert sorted(result.errors["code"]) == ["E101", "E107"]
    assert list(result.documents["doc_id"]) == ["record-1"]


def test_draft_mode_gives_the_support_table() -> None:
    result = check(B, against=[A])
    assert result.support is not None
    assert "conflict" in set(result.support["status"])
    assert list(result.support.columns) == SCHEMAS["support"].names


def test_reports_render_to_text_or_files(tmp_path: Path) -> None:
    result = check([{"text": A, "story": "x"}, {"text": B, "story": "x"}, {"text": A, "story": "y"},
                    {"text": A, "story": "y"}])  # fmt: skip
    text = result.report("rich", show="error")
    assert isinstance(text, str) and "N001 error" in text and "T005 info" not in text
    assert json.loads(str(result.report("json")))["summary"]["flags"]["error"] == 1
    page = result.report("html", tmp_path / "site" / "report.html")
    assert page == tmp_path / "site" / "report.html"
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [
        "report.html",
        "story-x.html",
        "story-y.html",
    ]
    folder = result.report("csv", tmp_path / "audit")
    assert pd.read_csv(Path(folder) / "flags.csv")["code"].tolist() == list(result.flags["code"])
    with pytest.raises(ValueError, match="unknown format"):
        result.report("pdf")


def test_extract_only() -> None:
    result = extract(A)
    assert {"alignments", "flags"}.isdisjoint(result.tables)
    assert "$12 billion" in set(result.facts["text"])


def test_the_api_page_runs_as_written() -> None:
    """docs/api.md: its code blocks, in order, in one namespace."""
    page = ROOT / "docs" / "api.md"
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 4
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, str(page), "exec"), namespace)
    assert "conflict" in set(namespace["draft"].support["status"])  # type: ignore[attr-defined]
