"""End to end on multi-source stories with planted faults: ``python -m benchmarks.bench_stories``.

Runs ``consistency check`` over the stories of ``../shared/stories-dev`` through the
set's own scorer (``score.py``: a planted fault is caught when a warning or error
touches its sentence; a clean sentence is a false alarm when one touches it), and
prints recall per family of fault and the share of clean sentences left clean,
beside the targets and beside a baseline scored the same way in the same run: a
string rule that flags two sources writing one noun after two different numbers
("24 storeys" / "27 storeys").

The set measures; it does not teach: no rule of the checker names its sentences.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Final

from benchmarks.corpora import ROOT

STORIES_DEV: Final = ROOT.parent / "shared" / "stories-dev"
#: Targets per family: a, b, f at 0.85 (matcher issue); c, d, e, g, h at 0.80.
TARGETS: Final = {"a": 0.85, "b": 0.85, "f": 0.85, "c": 0.8, "d": 0.8, "e": 0.8, "g": 0.8, "h": 0.8}
OVERALL_TARGET: Final = 0.80
CLEAN_TARGET: Final = 0.97
_FIGURE_NOUN: Final = re.compile(
    r"\b(\d[\d,.]*)\s+(?:per\s*cent\s+|percent\s+)?([a-z]{3,})\b", re.I
)
_SENTENCE: Final = re.compile(r"[^.!?\n]+(?:[.!?](?!\d)|$)")


def run_checker(set_dir: Path) -> dict[str, object]:
    """The set's scorer over ``consistency check``, run in this interpreter's environment."""
    with tempfile.TemporaryDirectory(prefix="bench-stories-") as tmp:
        summary = Path(tmp) / "summary.json"
        command = [
            sys.executable,
            str(set_dir / "score.py"),
            str(set_dir),
            "--checker",
            f"{sys.executable} -m consistency",
            "--out",
            str(Path(tmp) / "run"),
            "--json",
            str(summary),
        ]
        subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
        return json.loads(summary.read_text(encoding="utf-8"))


def _body(text: str) -> str:
    return text.split("\n---\n", 1)[1] if text.startswith("---") and "\n---\n" in text else text


def baseline(set_dir: Path) -> dict[str, object]:
    """The string rule, scored sentence by sentence like the checker."""
    expected = json.loads((set_dir / "expected.json").read_text(encoding="utf-8"))
    stories: dict[str, dict[str, str]] = defaultdict(dict)
    for path in sorted((set_dir / "stories").glob("*/*.md")):
        stories[path.parent.name][path.name] = _body(path.read_text(encoding="utf-8"))
    flagged: set[tuple[str, str, str]] = set()
    for story, docs in stories.items():
        said: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
        for doc, text in docs.items():
            for sentence in _SENTENCE.findall(text):
                for number, noun in _FIGURE_NOUN.findall(sentence):
                    said[noun.lower()].add((doc, number, sentence.strip()))
        for items in said.values():
            for doc, number, sentence in items:
                if any(d != doc and n != number for d, n, _ in items):
                    flagged.add((story, doc, sentence))

    def hit(item: dict[str, str]) -> bool:
        return any(
            s == item["story"]
            and d == item["doc"]
            and (item["sentence"] in t or t in item["sentence"])
            for s, d, t in flagged
        )

    faults = [i for i in expected if i["kind"] == "fault"]
    cleans = [i for i in expected if i["kind"] == "clean"]
    per_family: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in faults:
        per_family[item["family"]][1] += 1
        per_family[item["family"]][0] += hit(item)
    caught = sum(c for c, _ in per_family.values())
    alarms = sum(hit(i) for i in cleans)
    return {
        "recall": caught / len(faults),
        "clean_rate": 1 - alarms / len(cleans),
        "per_family": dict(per_family),
        "caught": caught,
        "faults": len(faults),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", nargs="?", type=Path, default=STORIES_DEV)
    args = parser.parse_args(argv)
    if not (args.set_dir / "score.py").exists():
        print(f"no story set at {args.set_dir}: nothing to measure")
        return 0
    ours, base = run_checker(args.set_dir), baseline(args.set_dir)
    print(f"{'family':<8}{'ours':>10}{'baseline':>10}{'target':>9}")
    met = True
    for family, (caught, total) in sorted(ours["per_family"].items()):  # type: ignore[union-attr]
        b_caught, _ = base["per_family"].get(family, [0, total])  # type: ignore[union-attr]
        target = TARGETS.get(family, 0.0)
        met &= caught / total >= target
        print(f"{family:<8}{caught:>5}/{total:<4}{b_caught:>6}/{total:<4}{target:>8.2f}")
    recall, clean = float(ours["recall"]), float(ours["clean_rate"])  # type: ignore[arg-type]
    met &= recall >= OVERALL_TARGET and clean >= CLEAN_TARGET
    print(
        f"recall     {recall:.3f}   baseline {float(base['recall']):.3f}   target {OVERALL_TARGET}"
    )  # type: ignore[arg-type]
    print(
        f"clean      {clean:.3f}   baseline {float(base['clean_rate']):.3f}   target {CLEAN_TARGET}"
    )  # type: ignore[arg-type]
    print(f"stray warning+ flags on unlabelled sentences: {ours['stray_flags']}")
    print("targets " + ("met" if met else "not met"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
