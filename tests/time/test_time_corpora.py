"""Attributed cases from MEANTIME, ESC, Recognizers-Text and Duckling (see
tests/data/time/README.md): each gold value must come out for its span."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from consistency.extract.time.engine import find_timexes
from consistency.extract.time.timex import Timex

DATA = Path(__file__).resolve().parents[1] / "data" / "time" / "corpus_cases.jsonl"
CASES: list[dict[str, Any]] = [
    json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line
]


def _norm(value: str) -> str:
    return value[:10] if len(value) > 10 and value[10] == "T" else value


def accepts(t: Timex, accepted: str) -> bool:
    """The gold value (or one of its alternatives) is the timex's value or interval."""
    for alt in accepted.split("|"):
        if t.value and _norm(t.value) == _norm(alt):
            return True
        lo, hi = t.time_start, t.time_end
        if lo and hi:
            if alt in (f"{lo}/{hi}", f"{lo}/{hi + timedelta(days=1)}", f"{lo}@{t.granularity}"):
                return True
            if lo == hi and alt == lo.isoformat():
                return True
    return False


def _params() -> list[Any]:
    out = []
    for i, case in enumerate(CASES):
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else []
        label = f"{case['source']}-{i}"
        out.append(pytest.param(case, marks=marks, id=label))
    return out


@pytest.mark.parametrize("case", _params())
def test_corpus_case(case: dict[str, Any]) -> None:
    found = find_timexes(case["text"], anchor=date.fromisoformat(case["anchor"]))
    if case["value"] is None:
        assert found == [], [(t.text, t.value) for t in found]
        return
    overlapping = [t for t in found if t.start < case["end"] and case["start"] < t.end]
    assert any(accepts(t, case["value"]) for t in overlapping), [
        (t.text, t.value, t.time_start, t.time_end) for t in overlapping
    ]


def test_every_source_is_represented() -> None:
    sources = {c["source"] for c in CASES}
    assert sources == {"meantime-en", "esc-eventstoryline", "recognizers-text", "duckling-time-en"}
