"""Flags on real multi-source news: GVDB dev incidents and MEANTIME topics.

``python -m benchmarks.bench_flags [--sample N] [--no-ecb]``

GVDB: articles of the dev split grouped by incident (date, city, state) into
stories; the crowd labels give each article's killed and injured counts. A
group whose articles disagree on a count is a gold conflict. We compare the
groups our numeric checks flag about victims with those gold conflicts, next
to a naive baseline measured in the same run (flag a group when the numbers
written next to "killed", "dead", "injured" or "wounded" differ). All groups
share one incident date, so any date-conflict flag there is a false alarm.

MEANTIME: each of the four topics is one story of 30 Wikinews articles dated
by their creation time. ECB+: 982 articles without dates, one story per
sub-topic (reports of one event written over days or weeks), the hardest
setting for cross-source checks, which then take all reports of a story as
written on one day. For both we report flags per article by check and print
a seeded sample of warning and error flags to be judged by hand.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import pandas as pd

from benchmarks.corpora import Article, ecb_articles, gvdb_articles, meantime_articles, victims
from consistency import pipeline

VICTIM_WORDS: Final = re.compile(r"kill|dead|death|die|injur|wound|shot|victim|people|person", re.I)
NAIVE: Final = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b[^.]{0,30}?"
    r"\b(killed|dead|injured|wounded)\b",
    re.I,
)
DATE_CODES: Final = ("T004",)
COUNT_CODES: Final = ("N001", "N002")


def run_stories(articles: Iterable[Article]) -> pipeline.RunResult:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(a.record()) + "\n" for a in articles), encoding="utf-8")
        return pipeline.check([path])


def _prf(flagged: set[str], gold: set[str]) -> tuple[float, float]:
    precision = len(flagged & gold) / len(flagged) if flagged else float("nan")
    recall = len(flagged & gold) / len(gold) if gold else float("nan")
    return precision, recall


def naive_flags(groups: dict[str, list[Article]]) -> set[str]:
    """Groups whose articles write different numbers next to casualty words."""
    flagged = set()
    for story, items in groups.items():
        readings = [
            frozenset((m[1].lower(), m[2].lower()[:4]) for m in NAIVE.finditer(a.text))
            for a in items
        ]
        if len({r for r in readings if r}) > 1:
            flagged.add(story)
    return flagged


def victim_flag_groups(run: pipeline.RunResult, story_of: dict[str, str]) -> set[str]:
    facts = run.tables["facts"].set_index("fact_id")
    out = set()
    for flag in run.flags.itertuples():
        if flag.code not in COUNT_CODES:
            continue
        things = [
            str(facts.loc[i, "object"]) for i in str(flag.related).split() if i in facts.index
        ]
        if any(VICTIM_WORDS.search(t) for t in things) or VICTIM_WORDS.search(flag.message):
            out.add(story_of[flag.doc_id])
    return out


def bench_gvdb() -> None:
    articles = [a for a in gvdb_articles("dev") if a.story.split("|")[1]]
    sizes = Counter(a.story for a in articles)
    multi = [a for a in articles if sizes[a.story] >= 2]
    groups: dict[str, list[Article]] = defaultdict(list)
    for a in multi:
        groups[a.story].append(a)
    gold = {
        story
        for story, items in groups.items()
        if len({(victims(a.gold, "killed"), victims(a.gold, "injured")) for a in items}) > 1
    }
    started = time.perf_counter()
    run = run_stories(multi)
    ours_s = time.perf_counter() - started
    started = time.perf_counter()
    naive = naive_flags(groups)
    naive_s = time.perf_counter() - started
    story_of = {a.doc_id: a.story for a in multi}
    ours = victim_flag_groups(run, story_of)
    date_alarms = int(run.flags["code"].isin(DATE_CODES).sum())
    print(
        f"GVDB dev: {len(groups)} incidents with >= 2 articles ({len(multi)} articles); "
        f"{len(gold)} where the crowd counts of killed/injured differ"
    )
    print(f"  {'system':<10}{'flagged':>9}{'precision':>11}{'recall':>8}{'seconds':>9}")
    for name, flagged, seconds in (("ours", ours, ours_s), ("naive", naive, naive_s)):
        p, r = _prf(flagged, gold)
        print(f"  {name:<10}{len(flagged):>9}{p:>11.2f}{r:>8.2f}{seconds:>9.2f}")
    print(
        f"  date-conflict flags (all incidents share one gold date, so each is a false "
        f"alarm): {date_alarms}"
    )
    print(f"  flags per article by code: {_per_article(run.flags, len(multi))}")
    print(f"  incidents flagged: {', '.join(sorted(ours)) or 'none'}")


def _per_article(flags: pd.DataFrame, n: int) -> str:
    counts = flags["code"].value_counts().sort_index()
    return ", ".join(f"{code} {count / n:.2f}" for code, count in counts.items()) or "none"


def report_flags(name: str, articles: list[Article], sample: int) -> None:
    """Flags per article by code and severity, and a seeded sample to judge by hand."""
    started = time.perf_counter()
    run = run_stories(articles)
    seconds = time.perf_counter() - started
    flags = run.flags
    print(f"{name}: {len(articles)} articles, {seconds:.1f}s ({len(articles) / seconds:.1f}/s)")
    print(
        f"  flags per article: {len(flags) / len(articles):.2f}; by severity: "
        + ", ".join(f"{s} {n}" for s, n in flags["severity"].value_counts().items())
    )
    print(f"  flags per article by code: {_per_article(flags, len(articles))}")
    rng = random.Random(7)
    worth = flags[flags["severity"] != "info"]
    picked = worth.iloc[sorted(rng.sample(range(len(worth)), min(sample, len(worth))))]
    print(f"  sample of {len(picked)} warning/error flags to judge by hand:")
    for flag in picked.itertuples():
        print(f"  - [{flag.code}] {flag.doc_id}: {flag.message}")
        print(f"      {flag.explanation}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=20, help="flags to print per corpus")
    parser.add_argument("--no-ecb", action="store_true", help="skip ECB+ (about 3 minutes)")
    args = parser.parse_args(argv)
    bench_gvdb()
    report_flags("MEANTIME (4 topics, dated)", list(meantime_articles()), args.sample)
    if not args.no_ecb:
        report_flags("ECB+ (undated, one story per sub-topic)", list(ecb_articles()), args.sample)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
