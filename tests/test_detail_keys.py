"""The facts table's ``detail`` keys are declared next to its schema: what extractors
write and what checks read are all in :data:`consistency.tables.FACT_DETAIL`."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from consistency.tables import FACT_DETAIL, detail_of, encode_detail, merge_detail

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "consistency"
GOLDEN_FACTS = ROOT / "tests" / "golden" / "seeds" / "facts.csv"

#: detail(row).get("key"), detail_of(row)["key"]
DIRECT = re.compile(r"\bdetail(?:_of)?\([^()]*\)\s*(?:\.get\(|\[)\s*\"(\w+)\"")
#: info = detail(row) ... info.get("key")
ASSIGNED = re.compile(r"\b(\w+)\s*=\s*detail(?:_of)?\(")


def keys_read(text: str) -> set[str]:
    found = set(DIRECT.findall(text))
    for name in set(ASSIGNED.findall(text)):
        found |= set(re.findall(rf"\b{name}(?:\.get\(|\[)\s*\"(\w+)\"", text))
    return found


def test_every_key_a_check_or_stage_reads_is_declared() -> None:
    read: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for key in keys_read(path.read_text(encoding="utf-8")):
            read.setdefault(key, set()).add(path.name)
    undeclared = {k: sorted(v) for k, v in read.items() if k not in FACT_DETAIL}
    assert not undeclared
    assert len(read) >= 10  # the scan finds the reads (a pattern that found none would pass)


def test_every_key_the_extractors_write_is_declared() -> None:
    with GOLDEN_FACTS.open(newline="", encoding="utf-8") as fh:
        written = {
            key for row in csv.DictReader(fh) if row["detail"] for key in json.loads(row["detail"])
        }
    assert written
    assert written <= set(FACT_DETAIL), sorted(written - set(FACT_DETAIL))


def test_the_scan_finds_reads_of_both_shapes() -> None:
    text = 'a = detail(row).get("signal")\ninfo = detail(fact)\nx = info.get("weekday")\n'
    assert keys_read(text) == {"signal", "weekday"}


def test_detail_is_encoded_one_way_by_every_extractor() -> None:
    assert encode_detail({"b": 1, "a": None, "c": "São"}) == '{"b":1,"c":"São"}'
    assert encode_detail({"dates": [], "voice": ""}, drop_empty=True) is None
    assert encode_detail({"dates": []}) == '{"dates":[]}'
    merged = merge_detail('{"scale":"million"}', {"part": True})
    assert detail_of({"detail": merged}) == {"part": True, "scale": "million"}
    assert merge_detail(None, {"forecast": True}) == '{"forecast":true}'
