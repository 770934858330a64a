"""Shared fixtures: article files written on the fly, the seeds folder."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

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
