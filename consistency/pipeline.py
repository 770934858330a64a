"""The stages of a run, in order: ingest → stories → clean → parse → anchor → extract →
join → check.

Each stage hands the next a table declared in :mod:`consistency.tables`. The
pipeline never prints; a caller may pass ``progress`` to hear how far it got.

A run is read and grouped into stories (:mod:`consistency.stories`). Each story is
then a unit of work (:mod:`consistency.work`) that an engine
(:mod:`consistency.engine`) runs, in this process, in worker processes or on a Dask
cluster. The stories' tables are put together in story order (:func:`merge`), so
every engine writes the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from consistency import tables
from consistency.cache import Cache
from consistency.engine import Engine, LocalEngine
from consistency.ingest import Document, InputProblem, Limits, load_groups
from consistency.ingest.model import Input, Stdin
from consistency.stories import assign_stories
from consistency.work import (
    Progress,
    Settings,
    StoryResult,
    as_configured,
    parses,
    prepare,
    silent,
)

if TYPE_CHECKING:
    from consistency.checks import ConfiguredCheck
    from consistency.checks.base import Check
    from consistency.parsed import ParsedDocument


@dataclass
class RunResult:
    """Everything a run produced: the tables, the texts, and the inputs it could not read."""

    tables: dict[str, pd.DataFrame]
    problems: list[InputProblem] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def flags(self) -> pd.DataFrame:
        return self.tables["flags"]


def error_rows(problems: Iterable[InputProblem]) -> list[dict[str, object]]:
    return [
        {"path": p.path, "code": p.code, "level": p.level, "message": p.message} for p in problems
    ]


# ---- a run ---------------------------------------------------------------------------------


def parse_documents(
    documents: list[Document], *, progress: Progress = silent
) -> Iterator[ParsedDocument]:
    """Clean, parse (in batches, one model) and anchor each document, in this process."""
    from consistency import nlp
    from consistency.parsed import ParsedDocument

    prepared = [prepare(d) for d in documents]
    for n, (p, doc) in enumerate(zip(prepared, parses(prepared, None), strict=True), start=1):
        progress("parse", n, len(documents))
        yield ParsedDocument(p.document, doc, nlp.sentences(doc), p.dropped, p.anchor)


def load_inputs(
    paths: Iterable[Input],
    against: Iterable[Input] | None,
    *,
    story_by: str = "auto",
    limits: Limits | None = None,
    stdin: Stdin | None = None,
    progress: Progress = silent,
) -> tuple[list[Document], list[InputProblem]]:
    """Every input document with its story; in draft mode the drafts and their sources
    with their roles, as one story. The path ``-`` (among the drafts or the sources) is
    ``stdin``."""
    from consistency.draft import assign_roles

    def read(done: int, total: int) -> None:
        progress("read", done, total)

    if against is None:
        (documents,), problems = load_groups([paths], limits=limits, stdin=stdin, on_file=read)
        progress("group", 0, len(documents))
        documents = assign_stories(documents, by=story_by)
        progress("group", len(documents), len(documents))
        return documents, problems
    (drafts, sources), problems = load_groups(
        [paths, against], limits=limits, stdin=stdin, on_file=read
    )
    return assign_roles(drafts, sources), problems


def stories_of(documents: Iterable[Document]) -> list[list[Document]]:
    """The documents of each story, stories in the order of their first document."""
    groups: dict[str | None, list[Document]] = {}
    for d in documents:
        groups.setdefault(d.story, []).append(d)
    return list(groups.values())


_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


def merge(
    results: Iterable[StoryResult], problems: list[InputProblem], settings: Settings
) -> RunResult:
    """The run's tables from its stories' tables, in story order; flags most severe first."""
    parts: dict[str, list[pd.DataFrame]] = {}
    texts: dict[str, str] = {}
    for story in results:
        for name, df in story.tables.items():
            parts.setdefault(name, []).append(df)
        texts.update(story.texts)
    names = ["documents", "sentences", "facts", "dropped"]
    if settings.command == "check":
        names += ["alignments", "flags"] + (["support"] if settings.draft else [])
    out = {name: _concat(parts.get(name, []), tables.SCHEMAS[name]) for name in names}
    if "flags" in out and len(out["flags"]):
        flags = out["flags"]
        order = flags.assign(_rank=flags["severity"].map(_SEVERITY_RANK)).sort_values(
            ["_rank", "doc_id", "char_start", "code"], kind="stable"
        )
        out["flags"] = flags.loc[order.index].reset_index(drop=True)
    out["errors"] = tables.frame(error_rows(problems), tables.ERRORS)
    return RunResult(out, problems, texts)


def _concat(frames: list[pd.DataFrame], schema: tables.Schema) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return tables.frame([], schema)
    return tables.validate(pd.concat(frames, ignore_index=True), schema)


def _run(
    documents: list[Document],
    problems: list[InputProblem],
    settings: Settings,
    progress: Progress,
    engine: Engine | None,
) -> RunResult:
    runner = engine or LocalEngine()
    result = merge(runner.run(stories_of(documents), settings, progress), problems, settings)
    if settings.cache is not None:
        settings.cache.trim()
    return result


def extract(
    paths: Iterable[Input],
    *,
    against: Iterable[Input] | None = None,
    progress: Progress = silent,
    story_by: str = "auto",
    cache: Cache | None = None,
    engine: Engine | None = None,
    limits: Limits | None = None,
    stdin: Stdin | None = None,
) -> RunResult:
    """Read, clean, parse, anchor and extract: documents, sentences, facts, dropped.

    With ``against``, ``paths`` are drafts and ``against`` their sources.
    """
    documents, problems = load_inputs(
        paths, against, story_by=story_by, limits=limits, stdin=stdin, progress=progress
    )
    settings = Settings("extract", None, cache, against is not None)
    return _run(documents, problems, settings, progress, engine)


def check(
    paths: Iterable[Input],
    *,
    against: Iterable[Input] | None = None,
    checks: tuple[Check | ConfiguredCheck, ...] | None = None,
    progress: Progress = silent,
    story_by: str = "auto",
    cache: Cache | None = None,
    engine: Engine | None = None,
    limits: Limits | None = None,
    stdin: Stdin | None = None,
) -> RunResult:
    """A full run: extraction, the cross-source join, and the checks, story by story.

    With ``against``, ``paths`` are drafts checked against those sources, and
    the run also holds the draft's support table.
    """
    documents, problems = load_inputs(
        paths, against, story_by=story_by, limits=limits, stdin=stdin, progress=progress
    )
    settings = Settings("check", as_configured(checks), cache, against is not None)
    return _run(documents, problems, settings, progress, engine)
