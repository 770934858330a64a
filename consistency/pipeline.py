"""The stages of a run, in order: ingest → clean → parse → anchor → extract → join → check.

Each stage hands the next a table declared in :mod:`consistency.tables`. The
pipeline never prints; a caller may pass ``progress`` to hear how far it got.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import pandas as pd

from consistency import nlp, tables
from consistency.anchor import find_anchor
from consistency.checks import CheckContext, ConfiguredCheck, run_checks
from consistency.checks.base import Check
from consistency.draft import assign_roles, draft_support
from consistency.extract.runner import extract_facts
from consistency.ingest import (
    Document,
    InputProblem,
    Limits,
    blank_out,
    find_dropped,
    load_groups,
)
from consistency.ingest.model import Input, Stdin
from consistency.join import align
from consistency.normalize.canonical import canonicalize
from consistency.parsed import ParsedDocument
from consistency.propagate import propagate_anchors

Progress = Callable[[str, int, int], None]


def _silent(stage: str, done: int, total: int) -> None:
    return None


@dataclass
class RunResult:
    """Everything a run produced: the tables, and the inputs it could not read."""

    tables: dict[str, pd.DataFrame]
    problems: list[InputProblem] = field(default_factory=list)
    parsed: list[ParsedDocument] = field(default_factory=list)

    @property
    def flags(self) -> pd.DataFrame:
        return self.tables["flags"]


def parse_documents(
    documents: list[Document], *, progress: Progress = _silent
) -> Iterator[ParsedDocument]:
    """Clean, parse (in batches, one model) and anchor each document."""
    dropped = [find_dropped(d) for d in documents]
    texts = (blank_out(d.text, dr) for d, dr in zip(documents, dropped, strict=True))
    total = len(documents)
    for n, (document, lines, doc) in enumerate(
        zip(documents, dropped, nlp.parse(texts), strict=True), start=1
    ):
        progress("parse", n, total)
        yield ParsedDocument(
            document=document,
            doc=doc,
            sentences=nlp.sentences(doc),
            dropped=lines,
            anchor=find_anchor(doc.text, published=document.published),
        )


def document_rows(parsed: Iterable[ParsedDocument]) -> list[dict[str, object]]:
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
            "role": p.document.role,
            "n_chars": len(p.text),
            "n_sentences": len(p.sentences),
            "n_dropped_lines": len(p.dropped),
        }
        for p in parsed
    ]


def sentence_rows(parsed: Iterable[ParsedDocument]) -> list[dict[str, object]]:
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


def dropped_rows(parsed: Iterable[ParsedDocument]) -> list[dict[str, object]]:
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


def load_inputs(
    paths: Iterable[Input],
    against: Iterable[Input] | None,
    *,
    limits: Limits | None = None,
    stdin: Stdin | None = None,
) -> tuple[list[Document], list[InputProblem]]:
    """Every input document; in draft mode the drafts and their sources with their roles.

    The path ``-`` (among the drafts or the sources) is ``stdin``."""
    if against is None:
        (documents,), problems = load_groups([paths], limits=limits, stdin=stdin)
        return documents, problems
    (drafts, sources), problems = load_groups([paths, against], limits=limits, stdin=stdin)
    return assign_roles(drafts, sources), problems


def extract(
    paths: Iterable[Input],
    *,
    against: Iterable[Input] | None = None,
    progress: Progress = _silent,
    limits: Limits | None = None,
    stdin: Stdin | None = None,
) -> RunResult:
    """Read, clean, parse, anchor and extract: documents, sentences, facts, dropped.

    With ``against``, ``paths`` are drafts and ``against`` their sources; the
    path ``-`` reads ``stdin``.
    """
    documents, problems = load_inputs(paths, against, limits=limits, stdin=stdin)
    parsed = propagate_anchors(list(parse_documents(documents, progress=progress)))
    progress("extract", 0, 1)
    facts = canonicalize(in_sentences(extract_facts(parsed)), {p.doc_id: p.text for p in parsed})
    progress("extract", 1, 1)
    result = {
        "documents": tables.frame(document_rows(parsed), tables.DOCUMENTS),
        "sentences": tables.frame(sentence_rows(parsed), tables.SENTENCES),
        "facts": tables.validate(facts, tables.FACTS),
        "dropped": tables.frame(dropped_rows(parsed), tables.DROPPED),
        "errors": tables.frame(error_rows(problems), tables.ERRORS),
    }
    return RunResult(result, problems, parsed)


def check(
    paths: Iterable[Input],
    *,
    against: Iterable[Input] | None = None,
    checks: tuple[Check | ConfiguredCheck, ...] | None = None,
    progress: Progress = _silent,
    limits: Limits | None = None,
    stdin: Stdin | None = None,
) -> RunResult:
    """A full run: extraction, the cross-source join, and the checks.

    With ``against``, ``paths`` are drafts checked against those sources, and
    the run also holds the draft's support table.
    """
    run = extract(paths, against=against, progress=progress, limits=limits, stdin=stdin)
    progress("join", 0, 1)
    alignments = align(run.tables["facts"], run.tables["sentences"], run.tables["documents"])
    progress("join", 1, 1)
    context = CheckContext(
        documents=run.tables["documents"],
        facts=run.tables["facts"],
        alignments=alignments,
        texts={p.doc_id: p.text for p in run.parsed},
    )
    progress("check", 0, 1)
    flags = run_checks(context, checks)
    progress("check", 1, 1)
    run.tables["alignments"] = tables.validate(alignments, tables.ALIGNMENTS)
    run.tables["flags"] = tables.validate(flags, tables.FLAGS)
    if against is not None:
        support = draft_support(run.tables["documents"], run.tables["facts"], alignments)
        run.tables["support"] = tables.validate(support, tables.SUPPORT)
    return run
