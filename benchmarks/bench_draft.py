"""Draft mode on edited summaries: are edits caught, and are faithful summaries left clean?

``python -m benchmarks.bench_draft``

Each case in ``benchmarks/data/draft_cases.yml`` (written for this project) has
a source article, a faithful summary, and copies of the summary with one
figure, date, name or negation changed. An edited copy counts as caught when
draft mode raises a warning or an error on the draft; a faithful summary counts
as clean when it raises none. A naive baseline, measured in the same run, flags
a draft when it holds a number or a capitalized word that its source lacks.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any, Final

import yaml

from consistency import pipeline

CASES: Final = Path(__file__).resolve().parent / "data" / "draft_cases.yml"
SERIOUS: Final = ("warning", "error")
TOKEN: Final = re.compile(r"\b(?:\d[\d,.]*|[A-Z][a-z]+)\b")


def load_cases() -> list[dict[str, Any]]:
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))["cases"]


def variants(case: dict[str, Any]) -> list[tuple[str, str]]:
    """(edit kind, draft text): the faithful summary first, then one copy per edit."""
    out = [("original", case["summary"])]
    for kind, (old, new) in case["edits"].items():
        if case["summary"].count(old) != 1:
            raise ValueError(f"{case['name']}: edit {kind} must change exactly one place")
        out.append((kind, case["summary"].replace(old, new)))
    return out


def ours(case: dict[str, Any], draft: str, tmp: Path) -> list[str]:
    """The codes of serious flags draft mode raises on the draft."""
    source = tmp / "source.jsonl"
    source.write_text(json.dumps({"id": "source", **case["source"]}, default=str) + "\n")
    drafted = tmp / "draft.jsonl"
    published = str(case["source"]["published"])
    drafted.write_text(json.dumps({"id": "draft", "text": draft, "published": published}) + "\n")
    run = pipeline.check([drafted], against=[source])
    flags = run.flags
    serious = flags[flags["severity"].isin(SERIOUS) & (flags["related"].str.contains("draft"))]
    return sorted(set(serious["code"]))


def naive(case: dict[str, Any], draft: str) -> bool:
    source_tokens = set(TOKEN.findall(case["source"]["text"]))
    return any(token not in source_tokens for token in TOKEN.findall(draft))


def main(argv: list[str] | None = None) -> int:
    cases = load_cases()
    caught: dict[str, list[bool]] = defaultdict(list)
    naive_caught: dict[str, list[bool]] = defaultdict(list)
    details: list[str] = []
    ours_s = naive_s = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            for kind, draft in variants(case):
                started = time.perf_counter()
                codes = ours(case, draft, Path(tmp))
                ours_s += time.perf_counter() - started
                started = time.perf_counter()
                naive_caught[kind].append(naive(case, draft))
                naive_s += time.perf_counter() - started
                caught[kind].append(bool(codes))
                details.append(f"  {case['name']:<10}{kind:<10}{' '.join(codes) or '-'}")
    print(f"Draft mode on {len(cases)} invented stories ({CASES.name}): share flagged")
    print(f"  {'edit':<10}{'n':>4}{'ours':>8}{'naive':>8}")
    for kind in ("original", "figure", "date", "name", "negation"):
        n = len(caught[kind])
        ours_share = sum(caught[kind]) / n
        naive_share = sum(naive_caught[kind]) / n
        print(f"  {kind:<10}{n:>4}{ours_share:>8.2f}{naive_share:>8.2f}")
    edited = [v for k, vs in caught.items() if k != "original" for v in vs]
    print(
        f"  edited copies flagged: {sum(edited)}/{len(edited)}; faithful summaries left "
        f"clean: {caught['original'].count(False)}/{len(caught['original'])}"
    )
    print(f"  time: ours {ours_s:.1f}s, naive {naive_s * 1000:.1f}ms")
    print("  serious flags per draft:")
    print("\n".join(details))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
