"""What every report shows, computed once for the console and the HTML pages alike.

A run is seen story by story: each story has its sources, the findings (flags)
whose evidence lies in it, the facts the join matched across its sources
(clusters, worst relation first) and what each source alone says (coverage).
Stories with the most severe findings come first; inside a story, findings
come before tables. Draft mode keeps the flags about a draft apart from those
between its sources, and lists the draft's problems before its support.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Final

import pandas as pd

from consistency.lang.compare import interval, numbers_compatible
from consistency.report.base import Report
from consistency.tables import SCHEMAS, frame

SEVERITIES: Final = ("error", "warning", "info")
#: Worst first: a group of joined facts shows the worst relation it holds ("update": a
#: figure that moved between reports of different days).
RELATIONS: Final = ("conflict", "update", "compatible", "paraphrase", "agree", "unique")
RELATION_MARK: Final = {
    "conflict": "≠",
    "update": "→",
    "compatible": "≈",
    "paraphrase": "~",
    "agree": "=",
    "unique": "·",
}
#: Draft mode: problems first.
STATUSES: Final = ("conflict", "unsupported", "supported")
#: Fact kinds whose values people compare across sources (tables and pictures).
VALUE_KINDS: Final = ("money", "percent", "quantity", "ordinal", "age", "date", "quote")
#: The story key of documents without story metadata.
NO_STORY: Final = ""


def table_rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """A table's rows as plain dicts, missing values as None (as :func:`tables.records`,
    with less fixed cost per call: the reports read many small tables)."""
    na = pd.NA
    return [
        {k: None if v is na or (isinstance(v, float) and v != v) else v for k, v in row.items()}
        for row in df.to_dict("records")
    ]


def severity_rank(severity: object) -> int:
    return SEVERITIES.index(str(severity)) if severity in SEVERITIES else len(SEVERITIES)


def relation_rank(relation: object) -> int:
    return RELATIONS.index(str(relation)) if relation in RELATIONS else len(RELATIONS)


def fact_order(fact_id: str) -> tuple[str, int, str]:
    """Facts in document order: DOC:f012 after DOC:f002."""
    doc, _, local = fact_id.rpartition(":")
    digits = "".join(c for c in local if c.isdigit())
    return doc, int(digits) if digits else -1, fact_id


@dataclass(frozen=True)
class Cluster:
    """Facts of different sources the join matched, directly or through each other."""

    fact_ids: tuple[str, ...]
    #: The worst relation among the cluster's pairs.
    relation: str
    #: Each fact's worst relation.
    fact_relation: Mapping[str, str]


def clusters(alignments: pd.DataFrame | None) -> list[Cluster]:
    """Facts joined through their alignments, worst relation first, then in text order.

    A fact no other source has (relation ``unique``) is a cluster of one.
    """
    if alignments is None or alignments.empty:
        return []
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    relation: dict[str, str] = {}
    for *pair, rel in zip(
        alignments["fact_id"].fillna(""),
        alignments["other_fact_id"].fillna(""),
        alignments["relation"].fillna(""),
        strict=True,
    ):
        ids = [str(f) for f in pair if f]
        for fid in ids:
            relation[fid] = min(relation.get(fid, rel), rel, key=relation_rank)
            root(fid)
        if len(ids) == 2:
            parent[root(ids[0])] = root(ids[1])
    members: dict[str, list[str]] = {}
    for fid in sorted(relation, key=fact_order):
        members.setdefault(root(fid), []).append(fid)
    out = [
        Cluster(
            tuple(ids),
            min((relation[i] for i in ids), key=relation_rank),
            {i: relation[i] for i in ids},
        )
        for ids in members.values()
    ]
    return sorted(out, key=lambda c: (relation_rank(c.relation), fact_order(c.fact_ids[0])))


@dataclass(frozen=True)
class CheckCount:
    """How many findings one check has in the run (all severities, before ``--show``)."""

    code: str
    name: str
    severity: str
    count: int


@dataclass(frozen=True)
class StoryView:
    """One story: its sources, findings and tables."""

    key: str
    label: str
    slug: str
    documents: pd.DataFrame
    #: Findings shown (at or above the report's ``show``), most severe first.
    flags: pd.DataFrame
    #: Draft mode: shown findings whose evidence lies only in the sources.
    between_sources: pd.DataFrame
    #: Findings by severity, shown or not.
    counts: dict[str, int]
    clusters: tuple[Cluster, ...]
    #: Facts no other source of the story has, in text order.
    unique_facts: pd.DataFrame
    #: Draft mode: the draft's facts and their support, problems first.
    support: pd.DataFrame | None = None

    @property
    def doc_ids(self) -> list[str]:
        return [str(d) for d in self.documents["doc_id"]]

    @property
    def worst(self) -> str | None:
        return next((s for s in SEVERITIES if self.counts.get(s)), None)

    def coverage(self) -> pd.DataFrame:
        """Facts only one source has: one row per kind, one column per source."""
        table = pd.DataFrame(0, index=[], columns=self.doc_ids, dtype="int64")
        if self.unique_facts.empty:
            return table
        counts = self.unique_facts.groupby(["kind", "doc_id"]).size().unstack(fill_value=0)
        return counts.reindex(columns=self.doc_ids, fill_value=0).astype("int64")


@dataclass(frozen=True)
class RunView:
    """The run as people read it: a summary and its stories, findings first."""

    stories: tuple[StoryView, ...]
    counts: dict[str, int]
    by_check: tuple[CheckCount, ...]
    #: Findings below the ``show`` severity, left out of every story's list.
    hidden_by_show: int = 0
    draft_mode: bool = False
    facts: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def n_documents(self) -> int:
        return sum(len(s.documents) for s in self.stories)

    def story_of(self, doc_id: str) -> StoryView | None:
        return next((s for s in self.stories if doc_id in s.doc_ids), None)


def _table(report: Report, name: str) -> pd.DataFrame:
    df = report.tables.get(name)
    return df if df is not None else frame([], SCHEMAS[name])


def flag_documents(flag: Mapping[str, Any], doc_ids: Collection[str]) -> list[str]:
    """The documents a flag's evidence lies in: its own, then those named in ``related``."""
    docs = [str(flag["doc_id"])]
    docs += [t for t in str(flag.get("related") or "").split() if t in doc_ids and t not in docs]
    return docs


def verdict_flags(report: Report) -> pd.DataFrame:
    """The flags that decide the exit status: in draft mode, those about a draft only."""
    flags = _table(report, "flags")
    documents = _table(report, "documents")
    drafts = set(documents.loc[documents["role"] == "draft", "doc_id"].astype(str))
    if not drafts or flags.empty:
        return flags
    doc_ids = set(documents["doc_id"].astype(str))
    about = [bool(drafts & set(flag_documents(f, doc_ids))) for f in table_rows(flags)]
    return rows_where(flags, about)


def rows_where(df: pd.DataFrame, mask: list[bool]) -> pd.DataFrame:
    """The rows where ``mask`` holds, renumbered (an empty table keeps its columns)."""
    return df[pd.Series(mask, index=df.index, dtype=bool)].reset_index(drop=True)


_SLUG = re.compile(r"[^a-z0-9]+")


def slugs(keys: Iterable[str]) -> dict[str, str]:
    """A file-name-safe, unique name for each story key."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for key in keys:
        base = _SLUG.sub("-", key.casefold()).strip("-")[:60] or "story"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[key] = slug
    return out


def _counts(flags: pd.DataFrame) -> dict[str, int]:
    counts = dict.fromkeys(SEVERITIES, 0)
    for severity, n in flags["severity"].value_counts().items():
        counts[str(severity)] = int(n)
    return counts


def _by_check(flags: pd.DataFrame) -> tuple[CheckCount, ...]:
    out = []
    for (code, name), group in flags.groupby(["code", "name"], sort=True):
        worst = min(group["severity"], key=severity_rank)
        out.append(CheckCount(str(code), str(name), str(worst), len(group)))
    return tuple(sorted(out, key=lambda c: (severity_rank(c.severity), -c.count, c.code)))


def build(report: Report, *, one_story: bool = False) -> RunView:
    """The view of a report: stories in order of their worst finding, findings first.

    ``one_story``: all the report's sources as one story (a page of one story's report).
    """
    documents = _table(report, "documents")
    facts = _table(report, "facts")
    flags = _table(report, "flags")
    alignments = report.tables.get("alignments")
    support = report.tables.get("support")
    threshold = severity_rank(report.show)
    shown = rows_where(flags, [severity_rank(s) <= threshold for s in flags["severity"]])
    story_of = {str(d): str(s) if pd.notna(s) and not one_story else NO_STORY for d, s in
                zip(documents["doc_id"], documents["story"], strict=True)}  # fmt: skip
    keys = list(dict.fromkeys(story_of.values())) or ([NO_STORY] if one_story else [])
    names = slugs(keys)
    doc_ids = set(story_of)
    drafts = set(documents.loc[documents["role"] == "draft", "doc_id"].astype(str))
    flag_story = [story_of.get(str(d), NO_STORY) for d in flags["doc_id"]]
    shown_story = [story_of.get(str(d), NO_STORY) for d in shown["doc_id"]]
    between = [
        bool(drafts) and not drafts & set(flag_documents(f, doc_ids)) for f in table_rows(shown)
    ]
    fact_story = [story_of.get(str(d), NO_STORY) for d in facts["doc_id"]]
    all_clusters = clusters(alignments)
    unique_ids = {c.fact_ids[0] for c in all_clusters if c.relation == "unique"}
    stories = []
    for key in keys:
        mine = [s == key for s in shown_story]
        about_draft = [m and not b for m, b in zip(mine, between, strict=True)]
        sources_only = [m and b for m, b in zip(mine, between, strict=True)]
        story_facts = rows_where(facts, [s == key for s in fact_story])
        fact_ids = set(story_facts["fact_id"].astype(str))
        story_docs = rows_where(documents, [story_of[str(d)] == key for d in documents["doc_id"]])
        story_support = None
        if support is not None:
            story_support = _problems_first(
                support[support["doc_id"].astype(str).isin(story_docs["doc_id"].astype(str))]
            )
        stories.append(
            StoryView(
                key=key,
                label=_label(key, documents if one_story else story_docs, len(keys)),
                slug=names[key],
                documents=story_docs.reset_index(drop=True),
                flags=rows_where(shown, about_draft),
                between_sources=rows_where(shown, sources_only),
                counts=_counts(rows_where(flags, [s == key for s in flag_story])),
                clusters=tuple(c for c in all_clusters if c.fact_ids[0] in fact_ids),
                unique_facts=story_facts[story_facts["fact_id"].isin(unique_ids)].reset_index(
                    drop=True
                ),
                support=story_support,
            )
        )
    stories.sort(key=lambda s: (*(-s.counts[v] for v in SEVERITIES), s.key))
    return RunView(
        stories=tuple(stories),
        counts=_counts(flags),
        by_check=_by_check(flags),
        hidden_by_show=len(flags) - len(shown),
        draft_mode=bool(drafts),
        facts=facts,
    )


def _label(key: str, documents: pd.DataFrame, n_stories: int) -> str:
    """A story's name: its key, else the one story key its sources share."""
    if key:
        return key
    named = {str(s) for s in documents["story"].dropna()}
    if len(named) == 1:
        return named.pop()
    return "all sources" if n_stories == 1 else "(no story)"


def _problems_first(support: pd.DataFrame) -> pd.DataFrame:
    order = [STATUSES.index(s) if s in STATUSES else len(STATUSES) for s in support["status"]]
    return (
        support.assign(_order=order)
        .sort_values("_order", kind="stable")
        .drop(columns="_order")
        .reset_index(drop=True)
    )


# --- pictures: what the timeline and the dot plots draw ------------------------------

#: Dates finer than this many days go on a story's timeline (days, weeks, months).
TIMELINE_MAX_DAYS: Final = 31
#: The timeline spans at most this many days around the story's middle date.
TIMELINE_WINDOW_DAYS: Final = 2 * 366
#: Figures compared in dot plots.
PLOT_KINDS: Final = ("money", "percent", "quantity", "age", "ordinal")
MAX_PLOTS: Final = 24


@dataclass(frozen=True)
class DateMark:
    """One date a source gives, on its row of the story's timeline."""

    fact_id: str
    doc_id: str
    text: str
    start: date
    end: date
    #: The date is in a conflict of the join, or evidence of a finding.
    disputed: bool


@dataclass(frozen=True)
class Timeline:
    rows: tuple[tuple[str, tuple[DateMark, ...]], ...]  # (doc_id, marks), one per source
    first: date
    last: date
    #: Dates outside the window drawn, not shown.
    left_out: int = 0


@dataclass(frozen=True)
class Dot:
    """What one source says of a figure compared across sources."""

    fact_id: str
    doc_id: str
    text: str
    value: float
    low: float
    high: float
    odd: bool


@dataclass(frozen=True)
class ValuePlot:
    """A figure the sources of a story give: one dot per source, the odd one out marked."""

    kind: str
    thing: str
    unit: str
    relation: str
    dots: tuple[Dot, ...]


def _evidence_facts(flags: pd.DataFrame) -> set[str]:
    return {t for related in flags["related"].dropna() for t in str(related).split()}


def timeline(story: StoryView, facts: pd.DataFrame) -> Timeline | None:
    """The dates each source of a story gives, finer than a month, one row per source."""
    relation = {f: c.fact_relation[f] for c in story.clusters for f in c.fact_ids}
    flagged = _evidence_facts(pd.concat([story.flags, story.between_sources]))
    mine = facts[facts["doc_id"].astype(str).isin(story.doc_ids) & (facts["kind"] == "date")]
    marks: list[DateMark] = []
    for fact in table_rows(mine):
        if not fact.get("time_start") or not fact.get("time_end"):
            continue
        start, end = date.fromisoformat(fact["time_start"]), date.fromisoformat(fact["time_end"])
        if (end - start).days >= TIMELINE_MAX_DAYS:
            continue
        fid = str(fact["fact_id"])
        marks.append(
            DateMark(
                fid, str(fact["doc_id"]), str(fact["text"]), start, end,
                relation.get(fid) == "conflict" or fid in flagged,
            )
        )  # fmt: skip
    if not marks:
        return None
    days = sorted(m.start for m in marks)
    middle = days[len(days) // 2]
    half = timedelta(days=TIMELINE_WINDOW_DAYS // 2)
    shown = [m for m in marks if middle - half <= m.start and m.end <= middle + half]
    rows = tuple(
        (doc, tuple(sorted((m for m in shown if m.doc_id == doc), key=lambda m: m.start)))
        for doc in story.doc_ids
    )
    return Timeline(
        rows,
        min(m.start for m in shown),
        max(m.end for m in shown),
        left_out=len(marks) - len(shown),
    )


def _odd_one_out(dots: list[Dot], deviates: set[str]) -> set[str]:
    """The source a finding names as deviating, else the one whose value alone disagrees
    with all the others while those agree with each other (three sources or more)."""
    named = {d.doc_id for d in dots} & deviates
    if named:
        return named
    if len({d.doc_id for d in dots}) < 3:
        return set()

    def agree(a: Dot, b: Dot) -> bool:
        return numbers_compatible((a.low, a.high), (b.low, b.high))

    odd = [d for d in dots if not any(agree(d, o) for o in dots if o.doc_id != d.doc_id)]
    rest = [d for d in dots if d not in odd]
    if len({d.doc_id for d in odd}) == 1 and all(agree(a, b) for a in rest for b in rest):
        return {odd[0].doc_id}
    return set()


def value_plots(story: StoryView, facts: pd.DataFrame) -> list[ValuePlot]:
    """The figures the join compared across the story's sources, disputed ones first."""
    compared = {f for c in story.clusters if c.relation != "agree" for f in c.fact_ids}
    figures = facts[facts["kind"].isin(PLOT_KINDS) & facts["fact_id"].isin(compared)]
    by_id = {str(f["fact_id"]): f for f in table_rows(figures)}
    flags = pd.concat([story.flags, story.between_sources])
    deviates = {d for v in flags["deviates"].dropna() for d in str(v).split()}
    plots: list[ValuePlot] = []
    for cluster in story.clusters:
        rows = [by_id[f] for f in cluster.fact_ids if f in by_id]
        rows = [r for r in rows if r["kind"] in PLOT_KINDS and r.get("value") is not None]
        if len({r["doc_id"] for r in rows}) < 2 or cluster.relation == "agree":
            continue
        dots = []
        for row in rows:
            bounds = interval(row["value"], row.get("value_low"), row.get("value_high"))
            low, high = bounds if bounds else (row["value"], row["value"])
            dots.append(Dot(str(row["fact_id"]), str(row["doc_id"]), str(row["text"]),
                            float(row["value"]), low, high, False))  # fmt: skip
        odd = _odd_one_out(dots, deviates)
        first = rows[0]
        plots.append(
            ValuePlot(
                kind=str(first["kind"]),
                thing=str(first.get("object") or first["kind"]),
                unit=str(first.get("unit") or ""),
                relation=cluster.relation,
                dots=tuple(replace(d, odd=d.doc_id in odd) for d in dots),
            )
        )
    return plots[:MAX_PLOTS]
