"""Paths → documents: discovery, reading by format, unique ids, and cleaning."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from consistency.ingest.cleaning import blank_out, find_dropped
from consistency.ingest.discover import Found, discover
from consistency.ingest.model import Document, InputError, InputProblem, display_path
from consistency.ingest.naming import Name, unique_ids
from consistency.ingest.readers import READERS, W_SAME_FILE, Limits

__all__ = [
    "Document",
    "InputProblem",
    "Limits",
    "LoadResult",
    "blank_out",
    "find_dropped",
    "load",
    "load_groups",
]


@dataclass(frozen=True)
class LoadResult:
    documents: list[Document]
    problems: list[InputProblem]


def _read(found: Found, limits: Limits, problems: list[InputProblem]) -> list[Document]:
    reader = READERS[found.path.suffix.lower()]
    try:
        return list(reader(found.path, limits, problems.append))
    except InputError as exc:
        where = display_path(found.path)
        if exc.line is not None:
            where = f"{where}:{exc.line}"
        problems.append(InputProblem(where, exc.code, exc.message))
        return []


def _name(found: Found, document: Document) -> Name:
    chain = found.chain
    if document.format == "jsonl":
        return Name((*chain[:-1], Path(chain[-1]).stem, document.doc_id), 1)
    return Name((*chain[:-1], Path(chain[-1]).stem), len(found.relative))


def load_groups(
    groups: Sequence[Iterable[str | Path]], *, limits: Limits | None = None
) -> tuple[list[list[Document]], list[InputProblem]]:
    """Read several groups of inputs (drafts, sources) as one run; problems are collected.

    A file named twice (in one group or in two, or through a link) is read once,
    in the first group that names it, with a note. Ids are unique across groups.
    """
    limits = limits or Limits()
    problems: list[InputProblem] = []
    first: dict[tuple[int, int], Path] = {}
    read: list[tuple[int, Found, Document]] = []
    for group, paths in enumerate(groups):
        files, trouble = discover(paths)
        problems += trouble
        for found in files:
            try:
                info = found.path.stat()
                key = (info.st_dev, info.st_ino)
            except OSError:
                key = None
            if key is not None and key in first:
                problems.append(
                    InputProblem(
                        display_path(found.path),
                        W_SAME_FILE,
                        f"the same file as {display_path(first[key])}: read once",
                        level="note",
                    )
                )
                continue
            if key is not None:
                first[key] = found.path
            read += [(group, found, d) for d in _read(found, limits, problems)]
    ids = unique_ids([_name(found, d) for _, found, d in read])
    out: list[list[Document]] = [[] for _ in groups]
    for (group, _, document), doc_id in zip(read, ids, strict=True):
        out[group].append(replace(document, doc_id=doc_id))
    return out, problems


def load(paths: Iterable[str | Path], *, limits: Limits | None = None) -> LoadResult:
    """Read every input; problems are collected, never raised."""
    (documents,), problems = load_groups([paths], limits=limits)
    return LoadResult(documents, problems)
