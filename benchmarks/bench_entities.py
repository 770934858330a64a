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

ECB+ is read straight from its archive (see :mod:`benchmarks.corpora`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from benchmarks.corpora import (
    ROOT,
    CatDocument,
    Score,
    ecb_documents,
    layout,
    meantime_topics,
    read_cat,
)
from consistency.extract.claims import extract_entities, extract_quotes
from consistency.extract.runner import extract_facts
from consistency.ingest.model import Document
from consistency.normalize import canonicalize
from consistency.pipeline import parse_documents

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


def ecb_gold(doc: CatDocument) -> GoldDoc:
    """People and places of an ECB+ document, each with its cross-document instance."""
    laid = layout(doc.sentences())
    instance = {
        source: rel.attrs.get("note", "")
        for rel in doc.relations
        if rel.tag == "CROSS_DOC_COREF"
        for source in rel.sources
    }
    mentions = []
    for mark in doc.markables:
        span = laid.span(mark.t_ids)
        if mark.tag.startswith(ECB_TAGS) and span is not None:
            key = instance.get(mark.m_id) or f"{doc.name}#{mark.m_id}"
            mentions.append(Gold(doc.name, *span, key))
    return GoldDoc(doc.name, laid.text, tuple(mentions))


def meantime_gold(doc: CatDocument) -> GoldDoc:
    """People, organizations and places of a MEANTIME document, with their instances."""
    laid = layout(doc.sentences())
    entities = {
        m.m_id: (m.attrs.get("instance_id") or f"{doc.name}#{m.m_id}", m.attrs.get("ent_type"))
        for m in doc.markables
        if m.tag == "ENTITY"
    }
    refers = {
        source: rel.targets[0]
        for rel in doc.relations
        if rel.tag == "REFERS_TO" and rel.targets
        for source in rel.sources
    }
    mentions = []
    for mark in doc.markables:
        if mark.tag != "ENTITY_MENTION":
            continue
        target = entities.get(refers.get(mark.m_id, ""))
        span = laid.span(mark.t_ids)
        if target is not None and target[1] in MEANTIME_TYPES and span is not None:
            mentions.append(Gold(doc.name, *span, target[0]))
    return GoldDoc(doc.name, laid.text, tuple(mentions))


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


def add_links(score: Score, aligned: list[tuple[Gold, str | None]]) -> None:
    """Count "same entity" links: gold (total), covered by a mention, predicted, right."""
    score.total += _cross_pairs([(g.doc, g.instance) for g, _ in aligned])
    linked = [(g, k) for g, k in aligned if k is not None]
    score.covered += _cross_pairs([(g.doc, g.instance) for g, _ in linked])
    score.predicted += _cross_pairs([(g.doc, k) for g, k in linked])
    score.right += _cross_pairs([(g.doc, (g.instance, k)) for g, k in linked])


def score_corpus(name: str, runs: Iterable[list[GoldDoc]]) -> tuple[Score, Score]:
    ours, base = Score(), Score()
    n_docs = n_mentions = n_aligned = 0
    for docs in runs:
        aligned = align(docs, predict(docs))
        add_links(ours, [(g, c) for g, c, _ in aligned])
        add_links(base, [(g, s) for g, _, s in aligned])
        n_docs += len(docs)
        n_mentions += len(aligned)
        n_aligned += sum(c is not None for _, c, _ in aligned)
    print(f"{name}: {n_docs} documents, {n_mentions} gold mentions, {n_aligned} covered")
    for label, s in (("exact-string baseline", base), ("claims layer (ours)", ours)):
        print(
            f"  {label:22s} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f} "
            f"(links: gold {s.total}, predicted {s.predicted}, correct {s.right}); "
            f"R on covered mentions={s.right / max(s.covered, 1):.3f}"
        )
    print(
        f"  difference ours-baseline: P {ours.precision - base.precision:+.3f}  "
        f"R {ours.recall - base.recall:+.3f}  F1 {ours.f1 - base.f1:+.3f}"
    )
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
    ecb: dict[str, list[GoldDoc]] = {}
    for topic, doc in ecb_documents(args.ecb_topics):
        ecb.setdefault(topic, []).append(ecb_gold(doc))
    score_corpus(f"ECB+ ({len(ecb)} topics)", ecb.values())
    score_corpus(
        "MEANTIME English (4 topics)",
        ([meantime_gold(read_cat(p)) for p in sorted(f.glob("*.xml"))] for f in meantime_topics()),
    )
    total, found, right = score_quotes()
    print(
        f"quotes (hand-checked, {total}): found {found}/{total}, "
        f"speaker right {right}/{total} = {right / total:.3f}"
    )
    print(f"time: {time.monotonic() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
