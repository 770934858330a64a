"""Shared fixtures: article files written on the fly, the seeds folder."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from consistency.pipeline import RunResult
from consistency.report.base import Report

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

WriteArticle = Callable[..., Path]


@pytest.fixture
def write(tmp_path: Path) -> WriteArticle:
    """Write a file under tmp_path: text, or bytes when given bytes."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


def jsonl(records: list[dict[str, object]]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


def report_of(run: RunResult, **options: Any) -> Report:
    """The report of a check run, as the CLI builds it; ``options`` set its fields."""
    report = Report(
        command="check",
        tables=run.tables,
        texts=run.texts,
        problems=run.problems,
        out_dir=None,
        fail_on="error",
    )
    return replace(report, **options)


@pytest.fixture(autouse=True, scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The command line's parse cache lives in the test session's folder, never the user's
    (subprocesses inherit it)."""
    before = os.environ.get("CONSISTENCY_CACHE")
    os.environ["CONSISTENCY_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["CONSISTENCY_CACHE"]
    else:
        os.environ["CONSISTENCY_CACHE"] = before
