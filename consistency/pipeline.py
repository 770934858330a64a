"""The stages of a run, in order: ingest → stories → clean → parse → anchor → extract →
join → check.

Each stage hands the next a table declared in :mod:`consistency.tables`. The
pipeline never prints; a caller may pass ``progress`` to hear how far it got.

A run is read and grouped into stories (:mod:`consistency.stories`). Each story is
then a unit of work that an engine (:mod:`consistency.engine`) runs, in this
process, in worker processes or on a Dask cluster, always with :func:`run_story`:
first each document on its own (:func:`analyse`: cleaned, parsed or read from the
cache, anchored, its facts extracted), then the story as a whole
(:func:`finish_story`: anchors propagated, names made one, facts joined, checks
run). The stories' tables are put together in story order (:func:`merge`), so
every engine writes the same bytes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import pandas as pd

from consistency import tables
from consistency.anchor import BASIS_UNKNOWN, Anchor, find_anchor
from consistency.cache import Cache, code_fingerprint, digest
from consistency.ingest import (
    Document,
    DroppedLine,
    InputProblem,
    Limits,
    blank_out,
    find_dropped,
    load_groups,
)
from consistency.stories import assign_stories

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from consistency.checks import ConfiguredCheck
    from consistency.checks.base import Check
    from consistency.engine import Engine
    from consistency.parsed import ParsedDocument

Progress = Callable[[str, int, int], None]
FactRow = dict[str, Any]


def _silent(stage: str, done: int, total: int) -> None:
    return None


@dataclass
class RunResult:
    """Everything a run produced: the tables, the texts, and the inputs it could not read."""

    tables: dict[str, pd.DataFrame]
    problems: list[InputProblem] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def flags(self) -> pd.DataFrame:
        return self.tables["flags"]


# ---- what every story of a run is worked with ------------------------------------------


@dataclass(frozen=True)
class Settings:
    """How every story of a run is worked, the same in any process.

    It crosses to worker processes by pickling: its checks go as their codes,
    severities and options and are looked up again in the registry there.
    """

    command: str = "check"
    checks: tuple[ConfiguredCheck, ...] | None = None
    cache: Cache | None = None
    draft: bool = False

    def __getstate__(self) -> dict[str, Any]:
        from consistency.checks.registry import by_code

        state = dict(self.__dict__)
        if self.checks is not None:
            registered = by_code()
            for c in self.checks:
                if registered.get(c.check.code) is not c.check:
                    raise ValueError(
                        f"check {c.check.code} is not the registered one: "
                        "only registered checks run in worker processes"
                    )
            state["checks"] = tuple(
                (c.check.code, int(c.severity), dict(c.options)) for c in self.checks
            )
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        if state["checks"] is not None:
            from consistency.checks import ConfiguredCheck
            from consistency.checks.base import Severity
            from consistency.checks.registry import by_code

            registered = by_code()
            state["checks"] = tuple(
                ConfiguredCheck(registered[code], Severity(level), MappingProxyType(options))
                for code, level, options in state["checks"]
            )
        for key, value in state.items():
            object.__setattr__(self, key, value)


def _configured(checks: tuple[Check | ConfiguredCheck, ...] | None) -> tuple[ConfiguredCheck, ...]:
    from consistency.checks import ConfiguredCheck
    from consistency.checks.registry import all_checks

    return tuple(
        c if isinstance(c, ConfiguredCheck) else ConfiguredCheck.default(c)
        for c in (all_checks() if checks is None else checks)
    )


# ---- one document ----------------------------------------------------------------------


@dataclass(frozen=True)
class SentenceBounds:
    """Where a sentence lies: what the tables and anchor propagation need of it."""

    sent_id: int
    paragraph_id: int
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Analysed:
    """One document after the document stage: what its story needs of it.

    ``parse`` keeps the parse (as bytes) while the anchor may still be borrowed from
    another document of the story, which would change the facts.
    """

    document: Document
    dropped: list[DroppedLine]
    sentences: list[SentenceBounds]
    anchor: Anchor
    facts: list[FactRow]
    parse: bytes | None = None

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_at(self, char: int) -> SentenceBounds | None:
        """The sentence holding offset ``char``, if any."""
        i = bisect_right([s.char_start for s in self.sentences], char) - 1
        if i >= 0 and char < self.sentences[i].char_end:
            return self.sentences[i]
        return None


@dataclass(frozen=True)
class _Prepared:
    document: Document
    dropped: list[DroppedLine]
    cleaned: str
    anchor: Anchor
    parse_key: str


def _prepare(document: Document) -> _Prepared:
    from consistency import nlp

    dropped = find_dropped(document)
    cleaned = blank_out(document.text, dropped)
    anchor = find_anchor(cleaned, published=document.published)
    parse_key = digest("parse", nlp.model_identity(), _version(), cleaned)
    return _Prepared(document, dropped, cleaned, anchor, parse_key)


def _version() -> str:
    from consistency import __version__

    return __version__


def facts_key(parse_key: str, document: Document, anchor: Anchor) -> str:
    """What a document's facts depend on: its parse, itself as read, its anchor, the code."""
    d = document
    return digest(
        "facts",
        parse_key,
        code_fingerprint(),
        repr((d.doc_id, d.path, d.format, d.text, d.source, d.title, d.url, d.published)),
        repr((d.role, d.excluded)),
        repr((anchor.date, anchor.basis, anchor.evidence, anchor.char_start, anchor.char_end)),
    )


def _bounds(parsed: ParsedDocument) -> list[SentenceBounds]:
    return [
        SentenceBounds(s.sent_id, s.paragraph_id, s.char_start, s.char_end)
        for s in parsed.sentences
    ]


def _extracted(parsed: ParsedDocument, cache: Cache | None, key: str) -> list[FactRow]:
    """A document's facts from the extractors, kept in the cache with its sentences."""
    from consistency.extract.runner import facts_of_document

    rows = facts_of_document(parsed)
    if cache is not None:
        bounds = [[s.sent_id, s.paragraph_id, s.char_start, s.char_end] for s in parsed.sentences]
        cache.put_json("facts", key, {"sentences": bounds, "facts": rows})
    return rows


def _stored(cache: Cache | None, key: str) -> tuple[list[SentenceBounds], list[FactRow]] | None:
    """A document's sentences and facts from the cache, if there."""
    stored = cache.get_json("facts", key) if cache is not None else None
    if not isinstance(stored, dict):
        return None
    return [SentenceBounds(*s) for s in stored["sentences"]], stored["facts"]


def _parses(prepared: Sequence[_Prepared], cache: Cache | None) -> Iterator[Doc]:
    """The parse of each document: from the cache, else from the model (in batches)."""
    from consistency import nlp

    stored = [cache is not None and cache.path("parse", p.parse_key).exists() for p in prepared]
    misses = [p.cleaned for p, hit in zip(prepared, stored, strict=True) if not hit]
    fresh = nlp.parse(misses) if misses else iter(())
    for p, hit in zip(prepared, stored, strict=True):
        data = cache.get("parse", p.parse_key) if hit and cache is not None else None
        if data is not None:
            yield nlp.doc_from_bytes(data)
            continue
        doc = next(fresh) if not hit else next(nlp.parse([p.cleaned]))
        if cache is not None:
            cache.put("parse", p.parse_key, nlp.doc_to_bytes(doc))
        yield doc


def analyse(
    documents: Sequence[Document], settings: Settings, *, progress: Progress = _silent
) -> list[Analysed]:
    """The document stage for some documents of one story, in their order."""
    from consistency import nlp
    from consistency.parsed import ParsedDocument

    cache = settings.cache
    prepared = [_prepare(d) for d in documents]
    out: dict[int, Analysed] = {}
    todo: list[int] = []
    done = 0
    for n, p in enumerate(prepared):
        stored = _stored(cache, facts_key(p.parse_key, p.document, p.anchor))
        if stored is None:
            todo.append(n)
            continue
        out[n] = Analysed(p.document, p.dropped, stored[0], p.anchor, stored[1])
        done += 1
        progress("parse", done, len(documents))
    for n, doc in zip(todo, _parses([prepared[n] for n in todo], cache), strict=True):
        p = prepared[n]
        parsed = ParsedDocument(p.document, doc, nlp.sentences(doc), p.dropped, p.anchor)
        rows = _extracted(parsed, cache, facts_key(p.parse_key, p.document, p.anchor))
        keep = nlp.doc_to_bytes(doc) if p.anchor.basis == BASIS_UNKNOWN else None
        out[n] = Analysed(p.document, p.dropped, _bounds(parsed), p.anchor, rows, keep)
        done += 1
        progress("parse", done, len(documents))
    return [out[n] for n in range(len(prepared))]


def _reanchored(item: Analysed, anchor: Anchor, cache: Cache | None) -> Analysed:
    """A document whose anchor was borrowed: its facts again, with that anchor."""
    from consistency import nlp
    from consistency.parsed import ParsedDocument

    p = _prepare(item.document)
    key = facts_key(p.parse_key, p.document, anchor)
    stored = _stored(cache, key)
    if stored is not None:
        return replace(item, anchor=anchor, facts=stored[1], parse=None)
    doc = nlp.doc_from_bytes(item.parse) if item.parse else next(_parses([p], cache))
    parsed = ParsedDocument(p.document, doc, nlp.sentences(doc), p.dropped, anchor)
    return replace(item, anchor=anchor, facts=_extracted(parsed, cache, key), parse=None)


# ---- one story ---------------------------------------------------------------------------


@dataclass
class StoryResult:
    """The tables of one story (alignments and flags only for ``check``), and its texts."""

    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]


def run_story(
    documents: Sequence[Document], settings: Settings, *, progress: Progress = _silent
) -> StoryResult:
    """One story, start to end: the unit of work of every engine."""
    return finish_story(analyse(documents, settings, progress=progress), settings)


def finish_story(analysed: Sequence[Analysed], settings: Settings) -> StoryResult:
    """The story stage: anchors propagated, names made one, then join and checks."""
    from consistency.normalize.canonical import canonicalize
    from consistency.propagate import propagate_anchors

    items = [
        _reanchored(before, after.anchor, settings.cache) if after is not before else before
        for before, after in zip(analysed, propagate_anchors(list(analysed)), strict=True)
    ]
    texts = {p.doc_id: p.text for p in items}
    facts = canonicalize(
        in_sentences(tables.frame([r for p in items for r in p.facts], tables.FACTS)), texts
    )
    result = {
        "documents": tables.frame(document_rows(items), tables.DOCUMENTS),
        "sentences": tables.frame(sentence_rows(items), tables.SENTENCES),
        "facts": tables.validate(facts, tables.FACTS),
        "dropped": tables.frame(dropped_rows(items), tables.DROPPED),
    }
    if settings.command == "check":
        result.update(_checked(result, texts, settings))
    return StoryResult(result, texts)


def _checked(
    story: dict[str, pd.DataFrame], texts: dict[str, str], settings: Settings
) -> dict[str, pd.DataFrame]:
    from consistency.checks import CheckContext, run_checks
    from consistency.draft import draft_support
    from consistency.join import align

    alignments = align(story["facts"], story["sentences"], story["documents"])
    context = CheckContext(
        documents=story["documents"], facts=story["facts"], alignments=alignments, texts=texts
    )
    out = {
        "alignments": tables.validate(alignments, tables.ALIGNMENTS),
        "flags": tables.validate(run_checks(context, settings.checks), tables.FLAGS),
    }
    if settings.draft:
        support = draft_support(story["documents"], story["facts"], alignments)
        out["support"] = tables.validate(support, tables.SUPPORT)
    return out


def document_rows(parsed: Iterable[Analysed]) -> list[dict[str, object]]:
    return [
        {
            "doc_id": p.doc_id,
            "path": p.document.path,
            "format": p.document.format,
            "encoding": p.document.encoding,
            "source": p.document.source,
            "title": p.document.title,
            "url": p.document.url,
            "published": p.document.published.isoformat() if p.document.published else None,
            "anchor_date": p.anchor.iso,
            "anchor_basis": p.anchor.basis,
            "anchor_evidence": p.anchor.evidence or None,
            "story": p.document.story,
            "story_basis": p.document.story_basis,
            "role": p.document.role,
            "n_chars": len(p.text),
            "n_sentences": len(p.sentences),
            "n_dropped_lines": len(p.dropped),
        }
        for p in parsed
    ]


def sentence_rows(parsed: Iterable[Analysed]) -> list[dict[str, object]]:
    return [
        {
            "doc_id": p.doc_id,
            "sent_id": s.sent_id,
            "paragraph_id": s.paragraph_id,
            "char_start": s.char_start,
            "char_end": s.char_end,
            "text": p.text[s.char_start : s.char_end],
        }
        for p in parsed
        for s in p.sentences
    ]


def dropped_rows(parsed: Iterable[Analysed]) -> list[dict[str, object]]:
    return [
        {
            "doc_id": p.doc_id,
            "char_start": d.char_start,
            "char_end": d.char_end,
            "text": d.text,
            "reason": d.reason,
        }
        for p in parsed
        for d in p.dropped
    ]


def in_sentences(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts that lie in an analysed sentence.

    A fact outside every sentence was read from text left out of analysis (front
    matter, a dropped teaser line): it is not the article's, and is left out.
    """
    return facts[facts["sent_id"].notna()].reset_index(drop=True)


def error_rows(problems: Iterable[InputProblem]) -> list[dict[str, object]]:
    return [
        {"path": p.path, "code": p.code, "level": p.level, "message": p.message} for p in problems
    ]


# ---- a run ---------------------------------------------------------------------------------


def parse_documents(
    documents: list[Document], *, progress: Progress = _silent
) -> Iterator[ParsedDocument]:
    """Clean, parse (in batches, one model) and anchor each document, in this process."""
    from consistency import nlp
    from consistency.parsed import ParsedDocument

    prepared = [_prepare(d) for d in documents]
    for n, (p, doc) in enumerate(zip(prepared, _parses(prepared, None), strict=True), start=1):
        progress("parse", n, len(documents))
        yield ParsedDocument(p.document, doc, nlp.sentences(doc), p.dropped, p.anchor)


def load_inputs(
    paths: Iterable[str | Path],
    against: Iterable[str | Path] | None,
    *,
    story_by: str = "auto",
    limits: Limits | None = None,
    progress: Progress = _silent,
) -> tuple[list[Document], list[InputProblem]]:
    """Every input document with its story; in draft mode the drafts and their sources
    with their roles, as one story."""
    from consistency.draft import assign_roles

    def read(done: int, total: int) -> None:
        progress("read", done, total)

    if against is None:
        (documents,), problems = load_groups([paths], limits=limits, on_file=read)
        progress("group", 0, len(documents))
        documents = assign_stories(documents, by=story_by)
        progress("group", len(documents), len(documents))
        return documents, problems
    (drafts, sources), problems = load_groups([paths, against], limits=limits, on_file=read)
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
    from consistency.engine import LocalEngine

    runner = engine or LocalEngine()
    result = merge(runner.run(stories_of(documents), settings, progress), problems, settings)
    if settings.cache is not None:
        settings.cache.trim()
    return result


def extract(
    paths: Iterable[str | Path],
    *,
    against: Iterable[str | Path] | None = None,
    progress: Progress = _silent,
    story_by: str = "auto",
    cache: Cache | None = None,
    engine: Engine | None = None,
    limits: Limits | None = None,
) -> RunResult:
    """Read, clean, parse, anchor and extract: documents, sentences, facts, dropped.

    With ``against``, ``paths`` are drafts and ``against`` their sources.
    """
    documents, problems = load_inputs(
        paths, against, story_by=story_by, limits=limits, progress=progress
    )
    settings = Settings("extract", None, cache, against is not None)
    return _run(documents, problems, settings, progress, engine)


def check(
    paths: Iterable[str | Path],
    *,
    against: Iterable[str | Path] | None = None,
    checks: tuple[Check | ConfiguredCheck, ...] | None = None,
    progress: Progress = _silent,
    story_by: str = "auto",
    cache: Cache | None = None,
    engine: Engine | None = None,
    limits: Limits | None = None,
) -> RunResult:
    """A full run: extraction, the cross-source join, and the checks, story by story.

    With ``against``, ``paths`` are drafts checked against those sources, and
    the run also holds the draft's support table.
    """
    documents, problems = load_inputs(
        paths, against, story_by=story_by, limits=limits, progress=progress
    )
    settings = Settings("check", _configured(checks), cache, against is not None)
    return _run(documents, problems, settings, progress, engine)
