"""Every engine writes the same audit files: in this process, in worker processes (whole
stories and a story split into pieces), and on a Dask LocalCluster."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from consistency import pipeline
from consistency.checks import ConfiguredCheck
from consistency.checks.base import Severity
from consistency.checks.registry import by_code
from consistency.engine import LocalEngine, make_engine
from consistency.report.audit import CHECK_TABLES, to_csv_text
from consistency.work import Settings
from tests.conftest import WriteArticle, jsonl

STORIES = {
    "exports": [
        "Exports reached $12 billion last year, the ministry said on Monday.",
        "Exports reached $21 billion last year, officials said on Monday.",
        "The ministry said on Monday that exports reached about $12 billion.",
    ],
    "quake": [
        "The earthquake killed 1,240 people in the province, officials said on Tuesday.",
        "The earthquake killed 412 people in the province, rescuers said on Tuesday.",
    ],
    "vote": [
        "Turnout rose more than 30 percent in Sunday's vote, the commission said.",
        "Turnout rose 34 percent in the vote on Sunday, the commission said.",
        "Only 12 percent more voters came out on Sunday, a rival count said.",
    ],
}


@pytest.fixture
def corpus(write: WriteArticle, seeds_dir: Path) -> list[Path]:
    records = [
        {"id": f"{story}-{n}", "text": text, "story": story, "published": "2023-04-03"}
        for story, texts in STORIES.items()
        for n, text in enumerate(texts, start=1)
    ]
    return [write("stories.jsonl", jsonl(records)), seeds_dir]


def audit(run: pipeline.RunResult) -> dict[str, str]:
    return {name: to_csv_text(run.tables[name]) for name in CHECK_TABLES}


def test_worker_processes_write_what_one_process_writes(
    corpus: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    here = audit(pipeline.check(corpus))
    monkeypatch.setattr("consistency.engine.local.POOL_MIN_DOCUMENTS", 1)
    monkeypatch.setattr("consistency.engine.tasks.CHUNK", 2)  # stories of 3 go in two pieces
    events: list[tuple[str, int, int]] = []
    run = pipeline.check(corpus, engine=LocalEngine(jobs=2), progress=lambda *e: events.append(e))
    assert audit(run) == here
    assert not run.flags.empty
    parsed = [done for stage, done, _ in events if stage == "parse"]
    assert parsed[0] == 0 and parsed[-1] == 10 and parsed == sorted(parsed)
    assert [e for e in events if e[0] == "stories"][-1] == ("stories", 4, 4)


def test_a_dask_local_cluster_writes_what_one_process_writes(corpus: list[Path]) -> None:
    here = audit(pipeline.check(corpus))
    assert audit(pipeline.check(corpus, engine=make_engine("dask", jobs=2))) == here


def test_settings_cross_to_workers_with_their_checks_configured() -> None:
    check = by_code()["N001"]
    configured = ConfiguredCheck(check, Severity.INFO, {"tolerance": 0.2})  # type: ignore[arg-type]
    settings = Settings("check", (configured,), None, False)
    back = pickle.loads(pickle.dumps(settings))
    assert back.checks is not None
    (again,) = back.checks
    assert again.check is check
    assert again.severity is Severity.INFO
    assert dict(again.options) == {"tolerance": 0.2}


def test_an_unregistered_check_cannot_cross_to_workers() -> None:
    from dataclasses import replace

    stray = replace(by_code()["N001"], name="numeric.something_else")
    settings = Settings("check", (ConfiguredCheck.default(stray),), None, False)
    with pytest.raises(ValueError, match="registered"):
        pickle.dumps(settings)


def test_a_scheduler_needs_the_dask_engine() -> None:
    with pytest.raises(ValueError, match="--engine dask"):
        make_engine("local", scheduler="tcp://127.0.0.1:8786")
