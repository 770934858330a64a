"""Temporal normalizer vs dateparser's search_dates, same cases, same run.

    python -m benchmarks.bench_time

Corpora (../shared/corpora, see each PROVENANCE.md): MEANTIME English and ESC
(gold TIMEX3 values of date expressions, resolved against each document's
creation time), Recognizers-Text DateParser/DatePeriodParser (date, date range
and duration cases) and duckling-time-en (day-to-year grains and negatives).
A case is right when an expression overlapping the gold span has the gold value.
dateparser returns points: it is scored leniently (its point falls inside the
gold interval). Throughput is measured on the same texts for both.
"""

from __future__ import annotations

import json
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Final

from benchmarks.corpora import (
    DUCKLING,
    RECOGNIZERS,
    CatDocument,
    Score,
    esc_documents,
    layout,
    meantime_documents,
    news_spacing,
)
from consistency.extract.time import intervals
from consistency.extract.time.engine import find_timexes
from consistency.lang.calendar import WEEKDAY_NAMES

#: dateparser is slow: it runs on at most this many texts per corpus
DATEPARSER_CAP: Final = 300
#: timing rounds, ours and dateparser interleaved; the best round of each counts
ROUNDS: Final = 5
#: corpora of news sentences, also scored with the parser's tense
PARSED: Final = ("meantime-en DATE", "esc TIME_DATE")


@dataclass
class Gold:
    start: int
    end: int
    value: str


@dataclass
class Case:
    text: str
    anchor: date | None
    golds: list[Gold] = field(default_factory=list)
    negative: bool = False


# --- gold values -------------------------------------------------------------


def norm_value(value: str) -> str:
    """Gold and ours compared without time of day, with TIMEX spelling variants merged."""
    v = value.strip().split("T")[0] if re.match(r"\d{4}-\d\d-\d\dT", value) else value.strip()
    v = re.sub(r"^(\d{4})W(\d\d)", r"\1-W\2", v)
    v = re.sub(r"^(\d{3})X$", r"\1", v)
    v = re.sub(r"^(\d{4})-(\d)(?=-|$)", r"\1-0\2", v)
    v = re.sub(r"^(\d{4}-\d\d)-(\d)$", r"\1-0\2", v)
    return v


def value_span(value: str) -> tuple[date, date] | None:
    """The interval of a gold TIMEX value (for scoring dateparser's points)."""
    v = norm_value(value)
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d\d)", v):
            p = intervals.month(int(m[1]), int(m[2]))
            return p.start, p.end
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", v):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            p = intervals.quarter(int(m[1]), int(m[2]))
            return p.start, p.end
        if m := re.fullmatch(r"(\d{4})", v):
            return date(int(v), 1, 1), date(int(v), 12, 31)
        if m := re.fullmatch(r"(\d{3})", v):
            p = intervals.decade(int(v) * 10)
            return p.start, p.end
    except ValueError:
        return None
    return None


def parse_dct(value: str) -> date | None:
    v = value.replace(":", "-").lstrip("t_")
    if m := re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", v):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.match(r"(\d{1,2})-(\d{1,2})-(\d{4})", v):
        return date(int(m[3]), int(m[2]), int(m[1]))
    return None


# --- loaders -----------------------------------------------------------------


def _cat_cases(doc: CatDocument, tags: set[str], date_tags: set[str]) -> list[Case]:
    """Sentences of one CAT XML document with their gold date expressions."""
    dct: date | None = None
    golds: list[tuple[tuple[str, ...], str]] = []
    for mark in doc.markables:
        if mark.tag not in tags:
            continue
        if mark.is_creation_time:
            dct = parse_dct(mark.attrs.get("value") or "")
            continue
        kind = mark.attrs.get("type") or mark.tag
        if mark.t_ids and mark.attrs.get("value") and kind in date_tags:
            golds.append((mark.t_ids, mark.attrs.get("value") or ""))
    sentences = [layout([s], spacing=news_spacing) for s in doc.sentences()]
    cases = [Case(s.text, dct) for s in sentences]
    where = {t: (n, *span) for n, lay in enumerate(sentences) for t, span in lay.spans.items()}
    for ids, value in golds:
        spans = [where[i] for i in ids if i in where]
        if spans:
            case = cases[spans[0][0]]
            case.golds.append(Gold(min(s[1] for s in spans), max(s[2] for s in spans), value))
    return [c for c in cases if c.anchor is not None]


def meantime() -> list[Case]:
    return [
        c
        for doc in meantime_documents("intra-doc_annotation")
        for c in _cat_cases(doc, {"TIMEX3"}, {"DATE"})
    ]


def esc() -> list[Case]:
    tags = {"TIME_DATE", "TIME_OF_THE_DAY", "TIME_DURATION", "TIME_REPETITION"}
    return [c for doc in esc_documents() for c in _cat_cases(doc, tags, {"TIME_DATE"})]


def recognizers() -> list[Case]:
    base = RECOGNIZERS / "DateTime" / "English"
    cases: list[Case] = []
    for name in ("DateParser.json", "DatePeriodParser.json"):
        for item in json.loads((base / name).read_text(encoding="utf-8-sig")):
            ref = (item.get("Context") or {}).get("ReferenceDateTime")
            anchor = datetime.fromisoformat(ref).date() if ref else None
            case = Case(item["Input"], anchor, negative=not item["Results"])
            for r in item["Results"]:
                if r.get("Type") not in ("date", "daterange", "duration"):
                    continue
                value = r["Value"]
                fut = value.get("FutureResolution") or {}
                past = value.get("PastResolution") or {}
                accepted = {value.get("Timex", "")}
                for res in (fut, past):
                    if "date" in res:
                        accepted.add(res["date"])
                    if "startDate" in res and "endDate" in res:
                        accepted.add(f"{res['startDate']}/{res['endDate']}")
                case.golds.append(Gold(r["Start"], r["Start"] + r["Length"], "|".join(accepted)))
            if case.golds or case.negative:
                cases.append(case)
    return cases


_GRAINS: Final = {"day", "week", "month", "quarter", "year"}


def duckling() -> list[Case]:
    cases: list[Case] = []
    for line in DUCKLING.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        anchor = datetime.fromisoformat(item["reference_time"][:19]).date()
        if item["section"] == "diffCorpus":
            anchor = date(2013, 2, 15)
        exp = item["expected"]
        if exp is None:
            cases.append(Case(item["text"], anchor, negative=True))
            continue
        if item["section"] == "latentCorpus" or exp.get("grain") not in _GRAINS:
            continue
        if exp["type"] == "value" and exp["value"].endswith("T00:00:00"):
            day = exp["value"][:10]
            accepted = f"{day}@{exp['grain']}"
        elif exp["type"] == "interval" and exp["from"].endswith("T00:00:00"):
            last = datetime.fromisoformat(exp["to"]).date() - timedelta(days=1)
            accepted = f"{exp['from'][:10]}/{last.isoformat()}"
        else:
            continue
        cases.append(Case(item["text"], anchor, [Gold(0, len(item["text"]), accepted)]))
    return cases


# --- scoring -----------------------------------------------------------------

Found = list[tuple[int, int, str, date | None, date | None, str | None]]


def ours(case: Case) -> Found:
    return [
        (t.start, t.end, t.value or "", t.time_start, t.time_end, t.granularity)
        for t in find_timexes(case.text, anchor=case.anchor)
    ]


def with_parse(cases: list[Case]) -> Callable[[Case], Found]:
    """Ours with the tense read from a spaCy parse (as the extractor runs), not timed."""
    from consistency.extract.time.grammar import tense_oracle
    from consistency.nlp import parse

    oracles = {
        id(case): tense_oracle(doc)
        for case, doc in zip(cases, parse(c.text for c in cases), strict=True)
    }

    def run(case: Case) -> Found:
        return [
            (t.start, t.end, t.value or "", t.time_start, t.time_end, t.granularity)
            for t in find_timexes(case.text, anchor=case.anchor, tense=oracles[id(case)])
        ]

    return run


def theirs(case: Case) -> Found:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past"}
    if case.anchor:
        settings["RELATIVE_BASE"] = datetime.combine(case.anchor, datetime.min.time())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            hits = search_dates(case.text, languages=["en"], settings=settings) or []
        except Exception:
            hits = []
    out: Found = []
    pos = 0
    for surface, when in hits:
        start = case.text.find(surface, pos)
        if start < 0:
            continue
        pos = start + len(surface)
        out.append((start, pos, "", when.date(), when.date(), None))
    return out


def right(gold: Gold, found: Found, *, point: bool) -> bool:
    for start, end, value, lo, hi, grain in found:
        if start >= gold.end or end <= gold.start:
            continue
        for accepted in gold.value.split("|"):
            if point:
                if lo and (span := _accepted_span(accepted)) and span[0] <= lo <= span[1]:
                    return True
                continue
            if value and norm_value(value) == norm_value(accepted):
                return True
            if lo and hi and accepted in (f"{lo}/{hi}", f"{lo}/{hi + timedelta(days=1)}"):
                return True
            if lo and lo == hi and accepted in (lo.isoformat(), f"{lo}@{grain}"):
                return True
            if lo and accepted == f"{lo}@{grain}":
                return True
    return False


def _accepted_span(accepted: str) -> tuple[date, date] | None:
    try:
        return _accepted_span_or_fail(accepted)
    except ValueError:
        return None


def _accepted_span_or_fail(accepted: str) -> tuple[date, date] | None:
    if m := re.fullmatch(r"(\d{4}-\d\d-\d\d)(?:@\w+)?", accepted):
        d = date.fromisoformat(m[1])
        return d, d
    if m := re.fullmatch(r"(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)", accepted):
        return date.fromisoformat(m[1]), date.fromisoformat(m[2])
    return value_span(accepted)


def score(cases: Iterable[Case], system: Callable[[Case], Found], *, point: bool) -> Score:
    s = Score()
    for case in cases:
        found = system(case)
        if case.negative and not case.golds:
            s.total += 1
            s.right += not found
        for gold in case.golds:
            s.total += 1
            s.right += right(gold, found, point=point)
    return s


def throughputs(cases: list[Case], *, rounds: int) -> tuple[float, float]:
    """Texts per second of ours and of dateparser, each the best of ``rounds`` runs,
    the two interleaved so that a busy machine slows both alike."""
    best = [float("inf"), float("inf")]
    for _ in range(rounds):
        for i, system in enumerate((ours, theirs)):
            t0 = time.perf_counter()
            for case in cases:
                system(case)
            best[i] = min(best[i], time.perf_counter() - t0)
    return len(cases) / best[0], len(cases) / best[1]


def is_calendar(value: str) -> bool:
    """A gold value naming a calendar period (not XXXX, PAST_REF, FY2007 ...)."""
    return any(_accepted_span(v) is not None for v in value.split("|"))


def self_consistent(case: Case, gold: Gold) -> bool:
    """False when the gold date contradicts a weekday its own surface names
    ("Monday" gold 2010-04-09, a Friday): an annotation slip, reported apart."""
    surface = case.text[gold.start : gold.end].lower()
    named = [i for i, w in enumerate(WEEKDAY_NAMES) if w in surface]
    span = value_span(gold.value)
    if not named or span is None or span[0] != span[1]:
        return True
    return span[0].weekday() in named


def main() -> int:
    corpora: dict[str, Callable[[], list[Case]]] = {
        "meantime-en DATE": meantime,
        "esc TIME_DATE": esc,
        "recognizers Date+DatePeriod": recognizers,
        "duckling-time-en": duckling,
    }
    print(
        f"accuracy: all gold cases; 'cal.' = gold values naming a calendar period; "
        f"'+parse' = cal. with the tense read from a spaCy parse, as extract_time runs; "
        f"'cal.ok' = cal. without golds contradicting a weekday their own text names.\n"
        f"dateparser: first {DATEPARSER_CAP} texts with golds per corpus, scored leniently "
        f"(its point inside the gold interval); speed on those same texts, best of "
        f"{ROUNDS} interleaved rounds each."
    )
    print(
        f"{'corpus':28} {'cases':>5} {'ours':>6} {'cal.':>6} {'(n)':>5} {'+parse':>6} "
        f"{'cal.ok':>6} {'(n)':>5} "
        f"{'ours/sub':>8} "
        f"{'dp/sub':>7} {'ours t/s':>9} {'dp t/s':>7} {'speed':>7}"
    )
    ratios: list[float] = []
    for name, load in corpora.items():
        cases = load()
        mine = score(cases, ours, point=False)
        calendar = [
            Case(c.text, c.anchor, [g for g in c.golds if is_calendar(g.value)]) for c in cases
        ]
        calendar = [c for c in calendar if c.golds]
        mine_cal = score(calendar, ours, point=False)
        checked = [
            Case(c.text, c.anchor, [g for g in c.golds if self_consistent(c, g)]) for c in calendar
        ]
        mine_chk = score([c for c in checked if c.golds], ours, point=False)
        parsed = "    -"
        if name in PARSED:
            parsed = f"{score(calendar, with_parse(calendar), point=False).accuracy:5.3f}"
        subset = [c for c in cases if c.golds or c.negative][:DATEPARSER_CAP]
        mine_sub = score(subset, ours, point=False)
        dp = score(subset, theirs, point=True)
        ours_rate, dp_rate = throughputs(subset, rounds=ROUNDS)
        ratio = ours_rate / dp_rate if dp_rate else float("inf")
        ratios.append(ratio)
        print(
            f"{name:28} {mine.total:5d} {mine.accuracy:6.3f} {mine_cal.accuracy:6.3f} "
            f"{mine_cal.total:5d} {parsed:>6} {mine_chk.accuracy:6.3f} {mine_chk.total:5d} "
            f"{mine_sub.accuracy:8.3f} {dp.accuracy:7.3f} "
            f"{ours_rate:9.0f} {dp_rate:7.0f} {ratio:6.1f}x",
            flush=True,
        )
    print(
        f"throughput ratio ours/dateparser: lowest {min(ratios):.1f}x, "
        f"all {', '.join(f'{r:.1f}x' for r in ratios)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
