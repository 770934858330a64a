"""Cross-document entity linking on ECB+ and MEANTIME English, and quote speakers.

Run from the repository root::

    python -m benchmarks.bench_entities [--ecb-topics N]

Each topic of a corpus is one run: its articles are parsed, entities extracted
(``consistency.extract.claims.extract_entities``) and named across articles
(``consistency.normalize.canonicalize``). Gold mentions of people,
organizations and places (ECB+ ``HUMAN_PART_*`` and ``LOC_*``; MEANTIME
``ENTITY_MENTION`` of PER/ORG/LOC instances) are aligned to the extracted
mention they overlap most. A "same entity" link is a pair of gold mentions in
two different articles of a topic; precision and recall count those pairs.
The baseline, measured in the same run on the same aligned mentions, links two
mentions when their surfaces are equal ignoring case (exact-string match).
Pronouns and nominals no extracted mention covers are misses for both.

Quote speakers are scored on ``tests/data/claims/quotes.jsonl`` (hand-checked
sentences from MEANTIME, see its README).

ECB+ ships as a tar.gz: it is unpacked into a temporary folder each run.
"""

from __future__ import annotations

import argparse
import json
import sys
import tarfile
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from consistency.extract.claims import extract_entities, extract_quotes
from consistency.extract.runner import extract_facts
from consistency.ingest.model import Document
from consistency.normalize import canonicalize
from consistency.pipeline import parse_documents

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
ECB_ARCHIVE = CORPORA / "ecbplus" / "ECB+.tar.gz"
MEANTIME = (
    CORPORA / "meantime-en" / "meantime_newsreader_english_oct15" / "intra_cross-doc_annotation"
)
QUOTES = ROOT / "tests" / "data" / "claims" / "quotes.jsonl"
ECB_TAGS = ("HUMAN_PART", "LOC_")
MEANTIME_TYPES = frozenset({"PER", "ORG", "LOC"})


@dataclass(frozen=True)
class Gold:
    doc: str
    start: int
    end: int
    instance: str


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    mentions: tuple[Gold, ...]


def _text(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """Tokens joined by spaces, one sentence a line; token id → character span."""
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, sentence = 0, None
    for tok in root.iter("token"):
        if pieces:
            pieces.append("\n" if tok.get("sentence") != sentence else " ")
            pos += 1
        sentence = tok.get("sentence")
        word = tok.text or ""
        offsets[tok.get("t_id", "")] = (pos, pos + len(word))
        pieces.append(word)
        pos += len(word)
    return "".join(pieces), offsets


def _span(mark: ET.Element, offsets: dict[str, tuple[int, int]]) -> tuple[int, int] | None:
    spans = [
        offsets[a.get("t_id", "")] for a in mark.iter("token_anchor") if a.get("t_id") in offsets
    ]
    return (min(s for s, _ in spans), max(e for _, e in spans)) if spans else None


def read_ecb(root: Path, topic: str) -> Iterator[GoldDoc]:
    for path in sorted((root / topic).glob("*.xml"), key=lambda p: p.name):
        tree = ET.parse(path).getroot()
        text, offsets = _text(tree)
        instance = {
            src.get("m_id", ""): rel.get("note", "")
            for rel in tree.iter("CROSS_DOC_COREF")
            for src in rel.iter("source")
        }
        mentions = []
        for mark in tree.find("Markables") or []:
            span = _span(mark, offsets)
            if mark.tag.startswith(ECB_TAGS) and span is not None:
                mid = mark.get("m_id", "")
                mentions.append(Gold(path.stem, *span, instance.get(mid) or f"{path.stem}#{mid}"))
        yield GoldDoc(path.stem, text, tuple(mentions))


def read_meantime(folder: Path) -> Iterator[GoldDoc]:
    for path in sorted(folder.glob("*.xml")):
        tree = ET.parse(path).getroot()
        text, offsets = _text(tree)
        marks = tree.find("Markables")
        entities = {
            e.get("m_id", ""): (
                e.get("instance_id") or f"{path.stem}#{e.get('m_id')}",
                e.get("ent_type"),
            )
            for e in (marks.iter("ENTITY") if marks is not None else [])
        }
        refers = {
            src.get("m_id", ""): rel.find("target").get("m_id", "")  # type: ignore[union-attr]
            for rel in tree.iter("REFERS_TO")
            if rel.find("target") is not None
            for src in rel.iter("source")
        }
        mentions = []
        for mark in marks.iter("ENTITY_MENTION") if marks is not None else []:
            target = entities.get(refers.get(mark.get("m_id", ""), ""))
            span = _span(mark, offsets)
            if target is not None and target[1] in MEANTIME_TYPES and span is not None:
                mentions.append(Gold(path.stem, *span, target[0]))
        yield GoldDoc(path.stem, text, tuple(mentions))


def predict(docs: list[GoldDoc]) -> pd.DataFrame:
    """Entity facts of one run (a topic), canonical across its documents."""
    documents = [Document(d.name, d.name, "txt", d.text) for d in docs]
    parsed = list(parse_documents(documents))
    facts = extract_facts(parsed, use=(extract_entities,), link=())
    return canonicalize(facts, {p.doc_id: p.text for p in parsed})


def align(docs: list[GoldDoc], facts: pd.DataFrame) -> list[tuple[Gold, str | None, str | None]]:
    """Each gold mention with (our canonical, its surface) of the mention it overlaps most."""
    by_doc = {k: g for k, g in facts.groupby("doc_id")} if len(facts) else {}
    out: list[tuple[Gold, str | None, str | None]] = []
    for doc in docs:
        rows = by_doc.get(doc.name)
        for gold in doc.mentions:
            best: tuple[int, str | None, str | None] = (0, None, None)
            for r in rows.itertuples() if rows is not None else []:
                overlap = min(gold.end, int(r.char_end)) - max(gold.start, int(r.char_start))
                if overlap > best[0]:
                    best = (overlap, str(r.canonical), str(r.text).lower())
            out.append((gold, best[1], best[2]))
    return out


def _cross_pairs(items: list[tuple[str, object]]) -> int:
    """Pairs of items in different documents sharing a key: items are (doc, key)."""
    groups: dict[object, Counter[str]] = {}
    for doc, key in items:
        groups.setdefault(key, Counter())[doc] += 1
    total = 0
    for counts in groups.values():
        n = sum(counts.values())
        total += (n * n - sum(c * c for c in counts.values())) // 2
    return total


@dataclass
class Score:
    gold: int = 0
    gold_covered: int = 0
    predicted: int = 0
    correct: int = 0

    def add(self, aligned: list[tuple[Gold, str | None]]) -> None:
        self.gold += _cross_pairs([(g.doc, g.instance) for g, _ in aligned])
        linked = [(g, k) for g, k in aligned if k is not None]
        self.gold_covered += _cross_pairs([(g.doc, g.instance) for g, _ in linked])
        self.predicted += _cross_pairs([(g.doc, k) for g, k in linked])
        self.correct += _cross_pairs([(g.doc, (g.instance, k)) for g, k in linked])

    def prf(self) -> tuple[float, float, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.correct / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_corpus(name: str, runs: Iterator[list[GoldDoc]]) -> tuple[Score, Score]:
    ours, base = Score(), Score()
    n_docs = n_mentions = n_aligned = 0
    for docs in runs:
        aligned = align(docs, predict(docs))
        ours.add([(g, c) for g, c, _ in aligned])
        base.add([(g, s) for g, _, s in aligned])
        n_docs += len(docs)
        n_mentions += len(aligned)
        n_aligned += sum(c is not None for _, c, _ in aligned)
    print(f"{name}: {n_docs} documents, {n_mentions} gold mentions, {n_aligned} covered")
    for label, s in (("exact-string baseline", base), ("claims layer (ours)", ours)):
        p, r, f = s.prf()
        print(
            f"  {label:22s} P={p:.3f} R={r:.3f} F1={f:.3f} "
            f"(links: gold {s.gold}, predicted {s.predicted}, correct {s.correct}); "
            f"R on covered mentions={s.correct / max(s.gold_covered, 1):.3f}"
        )
    (bp, br, bf), (op, orr, of) = base.prf(), ours.prf()
    print(f"  difference ours-baseline: P {op - bp:+.3f}  R {orr - br:+.3f}  F1 {of - bf:+.3f}")
    return ours, base


def score_quotes(path: Path = QUOTES) -> tuple[int, int, int]:
    """(cases, quotes found with the gold words, speakers right) on the hand-checked set."""
    cases = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    documents = [Document(f"q{n}", f"q{n}", "txt", c["text"]) for n, c in enumerate(cases)]
    found = right = 0
    for case, parsed in zip(cases, parse_documents(documents), strict=True):
        rows = {parsed.text[r["char_start"] : r["char_end"]]: r for r in extract_quotes(parsed)}
        row = rows.get(case["quote"])
        if row is None:
            continue
        found += 1
        right += (row["subject"] or None) == case["speaker"]
    return len(cases), found, right


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ecb-topics", type=int, default=43, help="first N ECB+ topics")
    args = parser.parse_args(argv if argv is not None else [])
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(ECB_ARCHIVE) as tar:
            tar.extractall(tmp, filter="data")
        ecb = next(p for p in Path(tmp).rglob("ECB+") if p.is_dir())
        topics = sorted((p.name for p in ecb.iterdir() if p.is_dir()), key=int)[: args.ecb_topics]
        runs: Callable[[], Iterator[list[GoldDoc]]] = lambda: (  # noqa: E731
            list(read_ecb(ecb, t)) for t in topics
        )
        score_corpus(f"ECB+ ({len(topics)} topics)", runs())
    folders = sorted(p for p in MEANTIME.iterdir() if p.is_dir())
    score_corpus("MEANTIME English (4 topics)", (list(read_meantime(f)) for f in folders))
    total, found, right = score_quotes()
    print(
        f"quotes (hand-checked, {total}): found {found}/{total}, "
        f"speaker right {right}/{total} = {right / total:.3f}"
    )
    print(f"time: {time.monotonic() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
