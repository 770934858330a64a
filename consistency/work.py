"""The unit of work of a run: one story, start to end.

Every engine (:mod:`consistency.engine`) runs stories with these functions, in this
process, in worker processes or on a Dask cluster, so a story's tables never depend
on where it ran:

1. :func:`lay_out` (per document, in pieces for a large story): cleaned, laid out in
   sentences (from the parse cache, else parsed) and anchored on its own; the facts
   of a document anchored by its own text or metadata are extracted at once.
2. :func:`settle_anchors` (the story): undated documents borrow an anchor from a
   report of the same event, else take the story's latest date.
3. :func:`extract_pending` (per document): the facts of those undated documents.
4. :func:`finish_story` (the story): names made one across the story, the join and
   the checks.

:func:`run_story` does all four here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import astuple, dataclass, replace
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import pandas as pd

from consistency import tables
from consistency.anchor import BASIS_UNKNOWN, Anchor, find_anchor
from consistency.cache import Cache, code_fingerprint, digest, project_version
from consistency.ingest import Document, blank_out, find_dropped
from consistency.ingest.model import DroppedLine
from consistency.parsed import sentence_holding

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from consistency.checks import ConfiguredCheck
    from consistency.checks.base import Check

Progress = Callable[[str, int, int], None]
FactRow = dict[str, Any]


def silent(stage: str, done: int, total: int) -> None:
    return None


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


def as_configured(
    checks: tuple[Check | ConfiguredCheck, ...] | None,
) -> tuple[ConfiguredCheck, ...]:
    """Checks with their severity and options; without ``checks``, the default selection
    (every check but the opt-in ones), each with its defaults."""
    from consistency.checks import ConfiguredCheck
    from consistency.checks.registry import all_checks

    return tuple(
        c if isinstance(c, ConfiguredCheck) else ConfiguredCheck.default(c)
        for c in (tuple(c for c in all_checks() if not c.opt_in) if checks is None else checks)
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
    """One document in the document stage: laid out in sentences and anchored, with its
    facts once its anchor is settled (``facts`` is None until then).

    ``parse`` holds the parse while the facts wait for the story's anchors: a spaCy
    Doc in this process, its bytes to cross to another, or None (read it again from
    the cache, or parse again).
    """

    document: Document
    dropped: list[DroppedLine]
    sentences: list[SentenceBounds]
    anchor: Anchor
    parse_key: str
    facts: list[FactRow] | None = None
    parse: Any = None

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_at(self, char: int) -> SentenceBounds | None:
        """The sentence holding offset ``char``, if any."""
        return sentence_holding(self.sentences, [s.char_start for s in self.sentences], char)


@dataclass(frozen=True)
class Prepared:
    document: Document
    dropped: list[DroppedLine]
    cleaned: str
    anchor: Anchor
    parse_key: str


def prepare(document: Document) -> Prepared:
    from consistency import nlp

    dropped = find_dropped(document)
    cleaned = blank_out(document.text, dropped)
    anchor = find_anchor(cleaned, published=document.published)
    parse_key = digest("parse", nlp.model_identity(), project_version(), cleaned)
    return Prepared(document, dropped, cleaned, anchor, parse_key)


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


def _bounds(doc: Doc) -> list[SentenceBounds]:
    from consistency import nlp

    return [
        SentenceBounds(s.sent_id, s.paragraph_id, s.char_start, s.char_end)
        for s in nlp.sentences(doc)
    ]


def _stored_layout(cache: Cache | None, parse_key: str) -> list[SentenceBounds] | None:
    stored = cache.get_json("layout", parse_key) if cache is not None else None
    return [SentenceBounds(*s) for s in stored] if isinstance(stored, list) else None


def _stored_facts(cache: Cache | None, key: str) -> list[FactRow] | None:
    stored = cache.get_json("facts", key) if cache is not None else None
    return stored if isinstance(stored, list) else None


def _extracted(item: Analysed, doc: Doc, cache: Cache | None) -> list[FactRow]:
    """A document's facts from the extractors, with its settled anchor; kept in the cache."""
    from consistency import nlp
    from consistency.extract.runner import facts_of_document
    from consistency.parsed import ParsedDocument

    parsed = ParsedDocument(item.document, doc, nlp.sentences(doc), item.dropped, item.anchor)
    rows = facts_of_document(parsed)
    if cache is not None:
        cache.put_json("facts", facts_key(item.parse_key, item.document, item.anchor), rows)
    return rows


def parses(prepared: Sequence[Prepared], cache: Cache | None) -> Iterator[Doc]:
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


#: How ``lay_out`` keeps the parse of a document whose facts wait: the Doc itself (the
#: story goes on in this process), its bytes (to another process), or nothing.
KEEP_DOC, KEEP_BYTES, KEEP_NOTHING = "doc", "bytes", "nothing"


def lay_out(
    documents: Sequence[Document],
    settings: Settings,
    *,
    keep: str = KEEP_DOC,
    progress: Progress = silent,
) -> list[Analysed]:
    """The document stage, first pass, for some documents of one story, in their order.

    Each is cleaned, laid out in sentences (from the cache, else parsed) and anchored
    on its own. A document anchored by its own text or metadata keeps that anchor
    whatever the story holds, so its facts are extracted now; an undated one waits
    for the story's anchors (:func:`extract_pending`).
    """
    from consistency import nlp

    cache = settings.cache
    prepared = [prepare(d) for d in documents]
    out: list[Analysed | None] = [None] * len(prepared)
    todo: list[int] = []
    done = 0
    for n, p in enumerate(prepared):
        layout = _stored_layout(cache, p.parse_key)
        item = Analysed(p.document, p.dropped, layout or [], p.anchor, p.parse_key)
        if layout is not None and p.anchor.basis == BASIS_UNKNOWN:
            out[n] = item
            continue
        facts = _stored_facts(cache, facts_key(p.parse_key, p.document, p.anchor))
        if layout is not None and facts is not None:
            out[n] = replace(item, facts=facts)
            done += 1
            progress("parse", done, len(documents))
            continue
        todo.append(n)
    for n, doc in zip(todo, parses([prepared[n] for n in todo], cache), strict=True):
        p = prepared[n]
        item = Analysed(p.document, p.dropped, _bounds(doc), p.anchor, p.parse_key)
        if cache is not None:
            cache.put_json("layout", p.parse_key, [astuple(b) for b in item.sentences])
        if p.anchor.basis != BASIS_UNKNOWN:
            out[n] = replace(item, facts=_extracted(item, doc, cache))
            done += 1
            progress("parse", done, len(documents))
        elif keep == KEEP_DOC:
            out[n] = replace(item, parse=doc)
        elif keep == KEEP_BYTES:
            out[n] = replace(item, parse=nlp.doc_to_bytes(doc))
        else:
            out[n] = item
    return [item for item in out if item is not None]


def extract_pending(
    items: Sequence[Analysed],
    settings: Settings,
    *,
    done: int = 0,
    progress: Progress = silent,
) -> list[Analysed]:
    """The document stage, second pass: the facts of the documents whose anchor the story
    settled (from the cache, else from their parse)."""
    from consistency import nlp

    cache = settings.cache
    out = list(items)
    reparse: list[int] = []
    total = done + sum(1 for item in items if item.facts is None)
    for n, item in enumerate(items):
        if item.facts is not None:
            continue
        facts = _stored_facts(cache, facts_key(item.parse_key, item.document, item.anchor))
        if facts is None and item.parse is None:
            reparse.append(n)
            continue
        if facts is None:
            parse = item.parse
            doc = nlp.doc_from_bytes(parse) if isinstance(parse, bytes) else parse
            facts = _extracted(item, doc, cache)
        out[n] = replace(item, facts=facts, parse=None)
        done += 1
        progress("parse", done, total)
    prepared = [prepare(items[n].document) for n in reparse]
    for n, doc in zip(reparse, parses(prepared, cache), strict=True):
        out[n] = replace(items[n], facts=_extracted(items[n], doc, cache), parse=None)
        done += 1
        progress("parse", done, total)
    return out


def settle_anchors(items: list[Analysed]) -> list[Analysed]:
    """The story's anchors for its undated documents (see :mod:`consistency.propagate`)."""
    from consistency.propagate import propagate_anchors

    return propagate_anchors(items)


# ---- one story ---------------------------------------------------------------------------


@dataclass
class StoryResult:
    """The tables of one story (alignments and flags only for ``check``), and its texts."""

    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]


def run_story(
    documents: Sequence[Document], settings: Settings, *, progress: Progress = silent
) -> StoryResult:
    """One story, start to end, in this process: the unit of work of every engine."""
    items = lay_out(documents, settings, progress=progress)
    done = sum(1 for item in items if item.facts is not None)
    settled = settle_anchors(items)
    return finish_story(extract_pending(settled, settings, done=done, progress=progress), settings)


def finish_story(items: Sequence[Analysed], settings: Settings) -> StoryResult:
    """The story stage: names made one across the story, then the join and the checks."""
    from consistency.normalize.canonical import canonicalize

    texts = {p.doc_id: p.text for p in items}
    rows = [r for p in items for r in (p.facts or [])]
    facts = canonicalize(in_sentences(tables.frame(rows, tables.FACTS)), texts)
    result = {
        "documents": tables.frame(document_rows(items), tables.DOCUMENTS),
        "sentences": tables.frame(sentence_rows(items), tables.SENTENCES),
        "facts": tables.validate(facts, tables.FACTS),
        "dropped": tables.frame(dropped_rows(items), tables.DROPPED),
    }
    if settings.command == "check":
        result.update(_checked(result, texts, settings))
    return StoryResult(result, texts)


def in_sentences(facts: pd.DataFrame) -> pd.DataFrame:
    """The facts that lie in an analysed sentence.

    A fact outside every sentence was read from text left out of analysis (front
    matter, a dropped teaser line): it is not the article's, and is left out.
    """
    return facts[facts["sent_id"].notna()].reset_index(drop=True)


def _checked(
    story: dict[str, pd.DataFrame], texts: dict[str, str], settings: Settings
) -> dict[str, pd.DataFrame]:
    from consistency.checks import CheckContext, run_checks
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
        out["support"] = tables.validate(context.draft_support, tables.SUPPORT)
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
