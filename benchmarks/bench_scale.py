"""A desk's day at scale: throughput against the parse alone, growth with the input, peak
memory, cold start, and story grouping, all measured in one run.

``python -m benchmarks.bench_scale [--sizes 1,4,16] [--story-sizes 125,500,2000]
[--corpora ecb,meantime] [--jobs N] [--timeout SECONDS]``

Every timed run is the command as a user runs it (``consistency check FILE --out DIR
--format json``), in its own process, its peak memory the largest sum of the
proportional set sizes of it and its workers (sampled; pages the forked workers share
are counted once). Baselines come from the same run:

- throughput: spaCy's ``nlp.pipe`` over the same texts with the same model, in one
  process (as a user would run it) and in ``--jobs`` processes; the ratio is articles
  per second of the whole check over articles per second of the parse alone. Then the
  same check again from the parse cache it filled.
- growth: the corpus repeated 1×, 4×, 16× (each copy its own stories, with its own
  document ids), and one story of 125, 500 and 2,000 articles; time and memory of each
  against the smallest (the target: 16× the input in at most 18× the time).
- cold start: ``consistency check seeds/``, best of three, with an empty cache and
  with the cache the previous runs filled.
- grouping: ``--story-by auto`` on ECB+ without its stories, pairwise precision and
  recall of "same story" against its sub-topics, and against MEANTIME's four topics
  (both, whatever ``--corpora`` says: it takes seconds).

Defaults are modest (1× and 2×, stories of 125 and 250, ECB+ and MEANTIME); the
issue's sizes are ``--sizes 1,4,16 --story-sizes 125,500,2000``. A run past
``--timeout`` is stopped and reported as such.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import cycle, islice
from pathlib import Path
from typing import Any

from benchmarks.corpora import ROOT, Article, ecb_articles, meantime_articles

CONSISTENCY = Path(sys.executable).parent / "consistency"
SEEDS = ROOT / "seeds"
CORPORA: dict[str, Callable[[], list[Article]]] = {
    "ecb": lambda: list(ecb_articles()),
    "meantime": lambda: list(meantime_articles()),
}


@dataclass(frozen=True)
class Timed:
    seconds: float
    peak_mb: float
    finished: bool
    #: why it did not finish: "timeout", or the exit status and the end of its stderr
    why: str = ""


def timed(command: Sequence[str], *, timeout: float, env: dict[str, str] | None = None) -> Timed:
    """Run a command; its wall time and the peak of its process tree's resident memory."""
    with tempfile.TemporaryFile() as errors:
        return _timed(command, timeout, env or {}, errors)


def _timed(command: Sequence[str], timeout: float, env: dict[str, str], errors: Any) -> Timed:
    import os

    import psutil

    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=errors, env={**os.environ, **env}
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(process.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(_resident(p) for p in tree))
            except psutil.Error:
                pass
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    why = ""
    try:
        process.wait(timeout=timeout)
        # 2: some input was refused (named on stderr) and the others checked
        finished = process.returncode in (0, 1, 2)
        if not finished:
            errors.seek(0)
            tail = errors.read().decode(errors="replace").strip().splitlines()[-1:]
            why = f"exit {process.returncode}: {' '.join(tail)[:200]}"
    except subprocess.TimeoutExpired:
        for child in psutil.Process(process.pid).children(recursive=True):
            child.kill()
        process.kill()
        process.wait()
        finished, why = False, f"did not finish in {timeout:.0f}s"
    done.set()
    sampler.join()
    return Timed(time.perf_counter() - started, peak / 2**20, finished, why)


def _resident(process: Any) -> int:
    """Memory a process holds: its proportional set size (pages shared with its forked
    workers counted once across them) where the system tells it, else its RSS."""
    try:
        return int(process.memory_full_info().pss)
    except (AttributeError, OSError):
        return int(process.memory_info().rss)


def write_jsonl(path: Path, articles: Sequence[Article], *, stories: bool = True) -> Path:
    lines = []
    for a in articles:
        record = a.record()
        if not stories:
            record.pop("story")
        lines.append(json.dumps(record) + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return path


def copies(articles: Sequence[Article], times: int) -> list[Article]:
    """The corpus ``times`` over, each copy with its own ids and its own stories."""
    return [
        Article(f"{a.doc_id}-c{k}", a.text, f"{a.story}-c{k}", a.published, a.title)
        for k in range(times)
        for a in articles
    ]


def one_story(articles: Sequence[Article], size: int) -> list[Article]:
    """``size`` articles (repeated when the corpus is smaller) as one story."""
    return [
        Article(f"{a.doc_id}-s{n}", a.text, "one", a.published, a.title)
        for n, a in enumerate(islice(cycle(articles), size))
    ]


def check(
    path: Path, tmp: Path, *, jobs: int, timeout: float, cache: Path | None, name: str
) -> Timed:
    command = [str(CONSISTENCY), "check", str(path), "--out", str(tmp / f"out-{name}")]
    command += ["--format", "json", "--jobs", str(jobs)]
    env = {}
    if cache is None:
        command.append("--no-cache")
    else:
        env["CONSISTENCY_CACHE"] = str(cache)
    return timed(command, timeout=timeout, env=env)


PARSE_ONLY = """
import json, sys, time
from consistency import nlp
texts = json.load(open(sys.argv[1], encoding="utf-8"))
nlp.load_model()
started = time.perf_counter()
for _ in nlp.load_model().pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    pass
print(time.perf_counter() - started)
"""


def parse_only(articles: Sequence[Article], tmp: Path, *, processes: int) -> float:
    """Seconds spaCy takes to parse the texts, the model already loaded, nothing else."""
    path = tmp / "texts.json"
    path.write_text(json.dumps([a.text for a in articles]), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-c", PARSE_ONLY, str(path), str(processes)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def pairwise(predicted: Sequence[object], gold: Sequence[object]) -> tuple[float, float]:
    """Precision and recall of "same story" over all pairs of articles."""

    def same(keys: Sequence[object]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(keys).values())

    both = same(list(zip(predicted, gold, strict=True)))
    p, g = same(predicted), same(gold)
    return (both / p if p else float("nan")), (both / g if g else float("nan"))


def bench_grouping(corpora: dict[str, list[Article]]) -> None:
    from consistency.ingest.model import Document
    from consistency.stories import assign_stories

    print("\nStory grouping (--story-by auto, stories withheld): pairwise same-story")
    for name, articles in corpora.items():
        documents = [Document(a.doc_id, a.doc_id, "txt", a.text) for a in articles]
        started = time.perf_counter()
        grouped = assign_stories(documents)
        seconds = time.perf_counter() - started
        p, r = pairwise([d.story for d in grouped], [a.story for a in articles])
        gold = len({a.story for a in articles})
        found = len({d.story for d in grouped})
        target = "  (target >= 0.90 both)" if name == "ecb" else ""
        print(
            f"  {name:<9} {len(articles)} articles: precision {p:.3f} recall {r:.3f}; "
            f"{found} stories for {gold} gold; {seconds:.1f}s{target}"
        )


def bench_throughput(name: str, articles: list[Article], tmp: Path, args: Any) -> None:
    path = write_jsonl(tmp / f"{name}.jsonl", articles)
    cache = tmp / f"cache-{name}"
    one = parse_only(articles, tmp, processes=1)
    many = parse_only(articles, tmp, processes=args.jobs) if args.jobs > 1 else one
    cold = check(path, tmp, jobs=args.jobs, timeout=args.timeout, cache=cache, name=name)
    warm = check(path, tmp, jobs=args.jobs, timeout=args.timeout, cache=cache, name=name)
    n = len(articles)
    print(f"\n{name}: {n} articles, whole check (--jobs {args.jobs}) against nlp.pipe alone")
    print(f"  nlp.pipe, 1 process      {one:7.1f}s  {n / one:6.1f} articles/s")
    if args.jobs > 1:
        print(f"  nlp.pipe, {args.jobs} processes    {many:7.1f}s  {n / many:6.1f} articles/s")
    for label, run in (("check, empty cache", cold), ("check, warm cache", warm)):
        if not run.finished:
            print(f"  {label:<24} {run.why}")
            continue
        rate = n / run.seconds
        ratios = f"{one / run.seconds:.2f}x nlp.pipe"
        if args.jobs > 1:
            ratios += f" ({many / run.seconds:.2f}x with {args.jobs} processes)"
        print(
            f"  {label:<24} {run.seconds:7.1f}s  {rate:6.1f} articles/s  {ratios}; "
            f"peak {run.peak_mb:,.0f} MB"
        )
    print("  targets: >= 0.75x on an empty cache, >= 3x from a warm cache")


def bench_growth(label: str, runs: list[tuple[str, list[Article]]], tmp: Path, args: Any) -> None:
    print(f"\n{label} (--no-cache, --jobs {args.jobs})")
    first: tuple[int, float] | None = None
    for size, articles in runs:
        path = write_jsonl(tmp / f"grow-{size}.jsonl", articles)
        run = check(path, tmp, jobs=args.jobs, timeout=args.timeout, cache=None, name=size)
        if not run.finished:
            print(
                f"  {size:>6}: {len(articles):>6} articles  did not finish in {args.timeout:.0f}s"
            )
            continue
        first = first or (len(articles), run.seconds)
        growth = f"{len(articles) / first[0]:5.1f}x input in {run.seconds / first[1]:5.1f}x time"
        print(
            f"  {size:>6}: {len(articles):>6} articles {run.seconds:8.1f}s  "
            f"{growth}; peak {run.peak_mb:,.0f} MB"
        )
    print("  target: 16x the input in at most 18x the time; at most 1,500 MB at 16x ECB+")


def bench_cold_start(tmp: Path, args: Any) -> None:
    cache = tmp / "cache-seeds"
    runs = {
        "empty cache": [
            check(SEEDS, tmp, jobs=1, timeout=args.timeout, cache=None, name="seeds")
            for _ in range(3)
        ],
        "warm cache": [
            check(SEEDS, tmp, jobs=1, timeout=args.timeout, cache=cache, name="seeds")
            for _ in range(4)
        ][1:],
    }
    print("\nCold start: consistency check seeds/ (2 articles), a fresh process, best of 3")
    for label, timings in runs.items():
        best = min(t.seconds for t in timings)
        print(f"  {label:<12} {best:5.2f}s (all: {', '.join(f'{t.seconds:.2f}' for t in timings)})")
    print("  target: under 2 s")


def main(argv: list[str] | None = None) -> int:
    from consistency.engine import available_cpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2", help="corpus repeats (issue: 1,4,16)")
    parser.add_argument("--story-sizes", default="125,250", help="one story (issue: 125,500,2000)")
    parser.add_argument("--corpora", default="ecb,meantime", help="ecb, meantime or both")
    parser.add_argument("--jobs", type=int, default=available_cpus())
    parser.add_argument("--timeout", type=float, default=1800, help="seconds per check run")
    args = parser.parse_args(argv)
    corpora = {name: CORPORA[name]() for name in args.corpora.split(",") if name}
    print(f"bench_scale: {args.jobs} worker processes; {', '.join(corpora)}")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        bench_cold_start(tmp, args)
        bench_grouping({name: corpora.get(name) or load() for name, load in CORPORA.items()})
        for name, articles in corpora.items():
            bench_throughput(name, articles, tmp, args)
        for name, articles in corpora.items():
            sizes = [int(s) for s in args.sizes.split(",") if s]
            bench_growth(
                f"{name} repeated",
                [(f"{k}x", copies(articles, k)) for k in sizes],
                tmp,
                args,
            )
        story_sizes = [int(s) for s in args.story_sizes.split(",") if s]
        base = next(iter(corpora.values()))
        bench_growth(
            f"one story of {next(iter(corpora))} articles",
            [(str(n), one_story(base, n)) for n in story_sizes],
            tmp,
            args,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
