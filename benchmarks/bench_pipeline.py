"""Throughput and memory of a whole run against the NLP parse alone, in the same run.

``python -m benchmarks.bench_pipeline [--articles N]``

The MEANTIME articles (repeated to N) go through ``consistency.pipeline.check``;
the baseline is the spaCy model parsing the same texts with nothing else. The
ratio says what extraction, the join and the checks cost on top of the parse.
"""

from __future__ import annotations

import argparse
import json
import resource
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from benchmarks.corpora import meantime_articles
from consistency import nlp, pipeline


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=240)
    args = parser.parse_args(argv)
    base = list(meantime_articles())
    articles = [
        {**a.record(), "id": f"{a.doc_id}-{n}", "story": f"{a.story}-{n // len(base)}"}
        for n, a in enumerate(islice(cycle(base), args.articles))
    ]
    chars = sum(len(a["text"]) for a in articles)
    nlp.load_model()  # both sides start with the model loaded
    started = time.perf_counter()
    for _ in nlp.parse(a["text"] for a in articles):
        pass
    parse_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        started = time.perf_counter()
        run = pipeline.check([path])
        run_s = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{len(articles)} articles, {chars:,} characters, {len(run.tables['facts']):,} facts, "
        f"{len(run.flags)} flags"
    )
    print(f"  parse only : {parse_s:6.1f}s  {len(articles) / parse_s:6.1f} articles/s")
    print(
        f"  full check : {run_s:6.1f}s  {len(articles) / run_s:6.1f} articles/s "
        f"({run_s / parse_s:.2f}x the parse alone)"
    )
    print(f"  peak memory: {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
