"""The parse cache: same tables from the cache as from the model, keys that miss when
what a parse or its facts depend on changes, and a size bound."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from consistency import pipeline
from consistency.cache import Cache, default_root
from consistency.report.audit import CHECK_TABLES, to_csv_text
from tests.conftest import WriteArticle

A = "Exports reached $12 billion last year, the ministry said on Monday.\n"
B = "Exports reached $21 billion last year, officials said on Monday.\n"


def audit(run: pipeline.RunResult) -> dict[str, str]:
    return {name: to_csv_text(run.tables[name]) for name in CHECK_TABLES}


@pytest.fixture
def cache(tmp_path: Path) -> Cache:
    return Cache(tmp_path / "cache", max_bytes=1 << 30)


def test_a_rerun_from_the_cache_gives_the_same_tables_without_the_model(
    write: WriteArticle, cache: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = [write("a.txt", A), write("b.txt", B)]
    first = pipeline.check(paths, cache=cache)
    assert cache.entries()

    def no_model(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model was asked to parse")

    monkeypatch.setattr("consistency.nlp.parse", no_model)
    monkeypatch.setattr("consistency.nlp.load_model", no_model)
    again = pipeline.check(paths, cache=cache)
    assert audit(again) == audit(first)
    assert not first.flags.empty


def test_facts_from_a_stored_parse_equal_those_from_the_model(
    write: WriteArticle, cache: Cache, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = pipeline.check([seeds_dir])
    pipeline.check([seeds_dir], cache=cache)
    for path in (cache.root / "facts").rglob("*.z"):
        path.unlink()  # only the parses are left

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the model was asked to parse")

    monkeypatch.setattr("consistency.nlp.parse", no_parse)
    assert audit(pipeline.check([seeds_dir], cache=cache)) == audit(fresh)


def test_a_changed_text_or_changed_code_misses(
    write: WriteArticle, cache: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write("a.txt", A)
    pipeline.check([path], cache=cache)
    before = {p for _, _, p in cache.entries()}
    write("a.txt", A.replace("Monday", "Tuesday"))
    pipeline.check([path], cache=cache)
    changed = {p for _, _, p in cache.entries()} - before
    assert {p.parent.parent.name for p in changed} == {"parse", "layout", "facts"}
    monkeypatch.setattr("consistency.work.code_fingerprint", lambda: "another version")
    pipeline.check([path], cache=cache)
    newer = {p for _, _, p in cache.entries()} - before - changed
    assert {p.parent.parent.name for p in newer} == {"facts"}


def test_a_damaged_entry_is_a_miss(write: WriteArticle, cache: Cache) -> None:
    paths = [write("a.txt", A), write("b.txt", B)]
    first = pipeline.check(paths, cache=cache)
    for _, _, path in cache.entries():
        path.write_bytes(b"not what was stored")
    assert audit(pipeline.check(paths, cache=cache)) == audit(first)


def test_trim_removes_the_entries_used_longest_ago(tmp_path: Path) -> None:
    cache = Cache(tmp_path, max_bytes=3000)
    for n in range(5):
        cache.put("parse", f"{n:02d}" + "0" * 62, os.urandom(1000))
    for n, (_, _, path) in enumerate(sorted(cache.entries(), key=lambda e: e[2].name)):
        os.utime(path, (1000 + n, 1000 + n))  # entry 00 used longest ago, 04 last
    assert cache.size() > 3000
    cache.trim()
    assert cache.size() <= 3000
    left = sorted(path.name[:2] for _, _, path in cache.entries())
    assert left == ["03", "04"]


def test_the_location_is_the_environment_then_the_user_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CONSISTENCY_CACHE", str(tmp_path / "here"))
    assert default_root() == tmp_path / "here"
    monkeypatch.delenv("CONSISTENCY_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_root() == tmp_path / "xdg" / "consistency"
