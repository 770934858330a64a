"""The hand-checked quote set drawn from MEANTIME (see tests/data/claims/README.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from consistency.extract.claims.quotes import extract_quotes
from tests.claims.conftest import Parse

DATA = Path(__file__).resolve().parent.parent / "data" / "claims" / "quotes.jsonl"
CASES: list[dict[str, Any]] = [
    json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line
]
KNOWN_MISSES = {
    4: "'enthused' is not read as a verb of saying",
    5: "'claims writer John Ostrower': the parse reads 'claims' as a noun",
}


def _params() -> list[Any]:
    return [
        pytest.param(
            case,
            id=f"{n}",
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN_MISSES[n])]
            if n in KNOWN_MISSES
            else [],
        )
        for n, case in enumerate(CASES)
    ]


@pytest.mark.parametrize("case", _params())
def test_quote_speaker_and_channel(parse: Parse, case: dict[str, Any]) -> None:
    parsed = parse(case["text"])
    rows = {parsed.text[r["char_start"] : r["char_end"]]: r for r in extract_quotes(parsed)}
    assert case["quote"] in rows
    row = rows[case["quote"]]
    assert (row["subject"], row["attribution"]) == (case["speaker"], case["channel"])
