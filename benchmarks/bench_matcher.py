"""Is it one fact? The matcher on labelled pairs of figures: ``python -m benchmarks.bench_matcher``.

Two sets of labelled pairs:

- ``benchmarks/data/figure_pairs.jsonl``: pairs of news sentences written for this
  benchmark (not taken from any evaluation set), each with the figure of each
  sentence and whether the two figures are one fact: tolls worded apart, homes and
  houses, passengers on a jet and people on an airliner, a sales rise and a rise in
  revenue; and the traps (killed against injured, in hospital against killed, net
  against operating profit, a part against its whole, two players' yards);
- GVDB dev (US local news of shootings, crowd-labelled with how many victims were
  killed and injured in each article's incident): the killed (or injured) count of
  one incident in two articles is one fact; the killed count of one article against
  the injured count of another never is (a count is an incident's killed count when
  its event is killed and its value the crowd's count).

For each threshold the benchmark prints precision and recall of "same fact" on both
sets of pairs, for the matcher
and, as the baseline in the same run, for the sentence-similarity gate the join used
before it (rapidfuzz token-set ratio of the two sentences); it marks the operating
point the join uses.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any

from benchmarks.corpora import Article, gvdb_articles, victims
from consistency import pipeline
from consistency.matcher import FIGURE_KINDS, SAME_FACT, same_figure, sentence_similarity
from consistency.tables import records

PAIRS = Path(__file__).resolve().parent / "data" / "figure_pairs.jsonl"
OUTCOMES = ("killed", "injured")
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def _extract(articles: Iterable[Article]) -> pipeline.RunResult:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(a.record()) + "\n" for a in articles), encoding="utf-8")
        return pipeline.extract([path])


def _labelled_counts(articles: list[Article]) -> list[tuple[dict[str, Any], str, str]]:
    """(fact, outcome, incident): counts of people whose event is an outcome and whose
    value the crowd gave that outcome in some article of the incident (outlets differ,
    and so do the labels of their articles)."""
    run = _extract(articles)
    sentences = {(s["doc_id"], s["sent_id"]): s["text"] for s in records(run.tables["sentences"])}
    gold = {a.doc_id: a for a in articles}
    labelled: dict[tuple[str, str], set[float]] = defaultdict(set)
    for article in articles:
        for outcome in OUTCOMES:
            labelled[(article.story, outcome)].add(float(victims(article.gold, outcome)))
    out = []
    for fact in records(run.tables["facts"]):
        article = gold.get(str(fact["doc_id"]))
        if article is None or fact["kind"] != "quantity" or fact["event"] not in OUTCOMES:
            continue
        if fact["value"] and float(fact["value"]) in labelled[(article.story, str(fact["event"]))]:
            fact["_sentence"] = sentences.get((fact["doc_id"], fact["sent_id"]), "")
            out.append((fact, str(fact["event"]), article.story))
    return out


def labelled_pairs(articles: list[Article]) -> list[tuple[dict[str, Any], dict[str, Any], bool]]:
    """Pairs of crowd-checked counts of two articles: the killed (or injured) count of one
    incident in both, one fact; a killed count against an injured count, never one.
    (Counts of two incidents are kept apart by the stories a run groups, not by the
    matcher.)"""
    counts = _labelled_counts(articles)
    return [
        (a, b, oa == ob)
        for (a, oa, ia), (b, ob, ib) in combinations(counts, 2)
        if a["doc_id"] != b["doc_id"] and (oa != ob or ia == ib)
    ]


def _prf(scores: list[tuple[float, bool]], threshold: float) -> tuple[float, float]:
    said = [same for score, same in scores if score >= threshold]
    right = sum(said)
    total = sum(same for _, same in scores)
    precision = right / len(said) if said else float("nan")
    return precision, right / total if total else float("nan")


def written_pairs() -> list[tuple[dict[str, Any], dict[str, Any], bool]]:
    """The written pairs with the facts the extractor reads from each sentence."""
    items = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines() if line]
    articles = [
        Article(doc_id=f"p{n}{side}", text=item[side], story=f"pair{n}", published="2023-05-04")
        for n, item in enumerate(items)
        for side in ("a", "b")
    ]
    run = _extract(articles)
    facts: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for fact in records(run.tables["facts"]):
        if fact["kind"] in FIGURE_KINDS:
            fact["_sentence"] = ""
            facts[str(fact["doc_id"])].append(fact)
    out = []
    for n, item in enumerate(items):
        a = next((f for f in facts[f"p{n}a"] if item["fa"] in str(f["text"])), None)
        b = next((f for f in facts[f"p{n}b"] if item["fb"] in str(f["text"])), None)
        if a is None or b is None:
            print(f"  (pair {n}: the extractor read no figure {item['fa']!r} / {item['fb']!r})")
            continue
        a["_sentence"], b["_sentence"] = item["a"], item["b"]
        out.append((a, b, bool(item["same"])))
    return out


def _scores(pairs: list[tuple[dict[str, Any], dict[str, Any], bool]]) -> tuple[list, list]:  # type: ignore[type-arg]
    ours = [
        (same_figure(a, b, context_a=a["_sentence"], context_b=b["_sentence"]).score, same)
        for a, b, same in pairs
    ]
    gate = [(sentence_similarity(a["_sentence"], b["_sentence"]), same) for a, b, same in pairs]
    return ours, gate


def main() -> int:
    written = written_pairs()
    positives = sum(same for *_, same in written)
    print(f"written pairs: {len(written)}, {positives} of one fact")
    ours, gate = _scores(written)
    gvdb = labelled_pairs([a for a in gvdb_articles("dev") if a.story.split("|")[1]])
    g_ours, g_gate = _scores(gvdb)
    same = sum(s for *_, s in gvdb)
    print(f"GVDB dev: {len(gvdb)} pairs of casualty counts, {same} of one fact (one incident's "
          f"killed or injured count), {len(gvdb) - same} not (killed against injured)")  # fmt: skip
    print(f"  {'':<10}{'written pairs':^32}{'GVDB pairs':^32}")
    print(f"  {'threshold':<10}{'ours P':>8}{'ours R':>8}{'gate P':>8}{'gate R':>8}"
          f"{'ours P':>8}{'ours R':>8}{'gate P':>8}{'gate R':>8}")  # fmt: skip
    for threshold in THRESHOLDS:
        cells = [*_prf(ours, threshold), *_prf(gate, threshold)]
        cells += [*_prf(g_ours, threshold), *_prf(g_gate, threshold)]
        mark = "  <- the join's operating point" if threshold == SAME_FACT else ""
        print(f"  {threshold:<10.1f}" + "".join(f"{c:>8.2f}" for c in cells) + mark)
    return 0


if __name__ == "__main__":
    sys.exit(main())
