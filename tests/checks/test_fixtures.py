"""Every check against its fixture of multi-source cases that must flag or stay silent.

A document with ``role: draft`` makes the case run in draft mode against the others.
One YAML file per check in tests/fixtures/checks/CODE.yml; a check without one fails.
A case may carry ``xfail: reason`` for a known failure (run as xfail(strict=True)).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from consistency import pipeline
from consistency.checks.registry import all_checks, by_code

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "checks"


def load_cases() -> list[Any]:
    params = []
    for path in sorted(FIXTURES.glob("*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            marks = (
                [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
            )
            name = f"{spec['check']}: {case['name']}"
            params.append(pytest.param(spec["check"], case, id=name, marks=marks))
    return params


def write_case(directory: Path, docs: dict[str, dict[str, Any]], role: str | None) -> Path:
    """The case's documents of one role ("draft", "source", or None for all) as JSONL."""
    path = directory / f"case-{role or 'all'}.jsonl"
    lines = []
    for doc_id, fields in docs.items():
        if role is not None and fields.get("role", "source") != role:
            continue
        record = {"id": doc_id, **{k: str(v) for k, v in fields.items() if k != "role"}}
        lines.append(json.dumps(record))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_case(directory: Path, docs: dict[str, dict[str, Any]], check: Any) -> Any:
    """A case runs in draft mode when a document has role: draft."""
    if any(fields.get("role") == "draft" for fields in docs.values()):
        drafts = write_case(directory, docs, "draft")
        sources = write_case(directory, docs, "source")
        return pipeline.check([drafts], against=[sources], checks=(check,))
    return pipeline.check([write_case(directory, docs, None)], checks=(check,))


@pytest.mark.parametrize(("code", "case"), load_cases())
def test_check_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    check = by_code()[code]
    run = run_case(tmp_path, case["docs"], check)
    assert run.problems == []
    flags = run.flags
    got = sorted(zip(flags["doc_id"], flags["text"], strict=True))
    expected = sorted((f["doc_id"], f["text"]) for f in case["flags"])
    assert got == expected, flags[["doc_id", "text", "message"]].to_string()
    for flag, want in zip(
        flags.sort_values(["doc_id", "text"]).itertuples(),
        sorted(case["flags"], key=lambda f: (f["doc_id"], f["text"])),
        strict=True,
    ):
        for key, value in want.items():
            assert str(getattr(flag, key)) == str(value), key
        assert flag.message and flag.explanation


@pytest.mark.parametrize("check", all_checks(), ids=lambda c: c.code)
def test_every_check_has_fixtures_that_flag_and_stay_silent(check: Any) -> None:
    path = FIXTURES / f"{check.code}.yml"
    assert path.exists(), f"{check.code} has no fixture file {path.name}"
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert any(c["flags"] for c in cases), "needs a case that must flag"
    assert any(not c["flags"] for c in cases), "needs a case that must stay silent"


@pytest.mark.parametrize("check", all_checks(), ids=lambda c: c.code)
def test_every_check_is_documented(check: Any) -> None:
    assert check.description and check.description.endswith(".")
    assert check.name.count(".") == 1
