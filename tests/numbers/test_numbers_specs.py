"""A small attributed subset of the Recognizers-Text English specs (see tests/data/numbers)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from consistency.extract.numbers import find_figures

DATA = Path(__file__).resolve().parents[1] / "data" / "numbers" / "recognizers_text_subset.json"
KINDS = {
    "CurrencyModel": "money",
    "AgeModel": "age",
    "PercentModel": "percent",
    "OrdinalModel": "ordinal",
}
#: Gold units of the specs as this layer writes them.
UNITS = {
    "Dollar": "USD",
    "Pound": "GBP",
    "Year": "year",
    "Month": "month",
    "Week": "week",
    "Day": "day",
    "Age": "year",
}
KNOWN_FAILURES = {
    ("CurrencyModel", 101): "'c $ 100 and fifty' (100.5): bare minor amounts after a symbol",
    ("CurrencyModel", 102): "'one kuai and five mao five': Chinese minor units",
}


def _cases() -> list[Any]:
    out = []
    for case in json.loads(DATA.read_text(encoding="utf-8")):
        spec = Path(case["file"]).stem
        marks = []
        if (spec, case["index"]) in KNOWN_FAILURES:
            marks = [pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[(spec, case["index"])])]
        out.append(pytest.param(spec, case, id=f"{spec}-{case['index']}", marks=marks))
    return out


def _gold(spec: str, result: dict[str, Any]) -> tuple[float, str | None] | None:
    res = result["Resolution"]
    if res.get("value") in (None, "null") or result["TypeName"] == "ordinal.relative":
        return None
    value = float(str(res["value"]).rstrip("%"))
    if spec == "PercentModel":
        return value, "percent"
    if spec == "OrdinalModel":
        return value, None
    return value, res.get("isoCurrency") or UNITS.get(res.get("unit", ""), res.get("unit"))


@pytest.mark.parametrize(("spec", "case"), _cases())
def test_spec_case(spec: str, case: dict[str, Any]) -> None:
    found = [(f.value, f.unit) for f in find_figures(case["Input"]) if f.kind == KINDS[spec]]
    golds = [g for g in (_gold(spec, r) for r in case["Results"]) if g is not None]
    if not case["Results"]:
        assert found == []
    for value, unit in golds:
        assert any(math.isclose(v, value, rel_tol=1e-6) and u == unit for v, u in found), found
