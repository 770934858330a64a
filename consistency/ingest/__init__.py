"""Paths → documents: discovery, reading by format, unique ids, and cleaning."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from consistency.ingest.cleaning import blank_out, find_dropped
from consistency.ingest.discover import Found, discover
from consistency.ingest.model import (
    STDIN,
    Document,
    Input,
    InputError,
    InputProblem,
    Stdin,
    display_path,
)
from consistency.ingest.naming import Name, unique_ids
from consistency.ingest.readers import (
    E_NOT_FOUND,
    READERS,
    W_SAME_FILE,
    Limits,
    record_document,
    record_id,
)

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


def _read_stdin(
    stdin: Stdin | None, limits: Limits, problems: list[InputProblem]
) -> list[tuple[Name, Document]]:
    """The documents of standard input, read by the reader of its name's format, and
    named by that name (its path and its id)."""
    name = Path(stdin.name if stdin else "stdin.txt")
    if stdin is None:
        problems.append(InputProblem(STDIN, E_NOT_FOUND, "standard input was not read"))
        return []
    found_problems: list[InputProblem] = []
    with tempfile.TemporaryDirectory(prefix="consistency-stdin-") as tmp:
        copy = Path(tmp) / (name.name or "stdin.txt")
        copy.write_bytes(stdin.data)
        files, trouble = discover([copy])
        found_problems += trouble
        read = [(f, d) for f in files for d in _read(f, limits, found_problems)]
    shown, where = display_path(copy), str(name)
    problems += [replace(p, path=p.path.replace(shown, where, 1)) for p in found_problems]
    stem = (*name.parent.parts, name.stem) if name.stem else ("stdin",)
    return [
        (
            Name((*stem, d.doc_id) if d.format == "jsonl" else stem, 1),
            replace(d, path=d.path.replace(shown, where, 1)),
        )
        for _, d in read
    ]


def _name(found: Found, document: Document) -> Name:
    chain = found.chain
    if document.format == "jsonl":
        return Name((*chain[:-1], Path(chain[-1]).stem, document.doc_id), 1)
    return Name((*chain[:-1], Path(chain[-1]).stem), len(found.relative))


def _read_records(
    records: list[tuple[int, Mapping[str, Any]]], limits: Limits, problems: list[InputProblem]
) -> list[tuple[Name, Document]]:
    """Articles given as records (``text`` and metadata), named ``<record N>`` by their
    place N among the run's inputs (counted from 1)."""
    out: list[tuple[Name, Document]] = []
    for n, record in records:
        where = f"<record {n}>"
        try:
            document = record_document(
                dict(record),
                path=where,
                fmt="record",
                doc_id=record_id(dict(record), "record", n),
                source=f"record-{n}",
                limits=limits,
            )
        except InputError as exc:
            problems.append(InputProblem(where, exc.code, exc.message))
            continue
        out.append((Name((document.doc_id,), 1), document))
    return out


def load_groups(
    groups: Sequence[Iterable[Input]],
    *,
    limits: Limits | None = None,
    stdin: Stdin | None = None,
    on_file: Callable[[int, int], None] | None = None,
) -> tuple[list[list[Document]], list[InputProblem]]:
    """Read several groups of inputs (drafts, sources) as one run; problems are collected.

    A file named twice (in one group or in two, or through a link) is read once,
    in the first group that names it, with a note. Ids are unique across groups.
    The path ``-`` is standard input, given as ``stdin`` (read in the first group
    that names it); a mapping is an article given as a record (see
    :func:`~consistency.ingest.readers.record_document`). ``on_file(done, total)``
    hears of each file about to be read.
    """
    limits = limits or Limits()
    problems: list[InputProblem] = []
    first: dict[tuple[int, int], Path] = {}
    read: list[tuple[int, Name, Document]] = []
    piped = False
    n_records = 0
    given_groups = [list(given) for given in groups]
    discovered = [
        discover(p for p in items if not isinstance(p, Mapping) and str(p) != STDIN)
        for items in given_groups
    ]
    total = sum(len(files) for files, _ in discovered)
    done = 0
    for group, items in enumerate(given_groups):
        paths = [p for p in items if not isinstance(p, Mapping)]
        records = [r for r in items if isinstance(r, Mapping)]
        numbered = list(enumerate(records, start=n_records + 1))
        n_records += len(records)
        read += [(group, n, d) for n, d in _read_records(numbered, limits, problems)]
        if STDIN in (str(p) for p in paths) and not piped:
            piped = True
            read += [(group, n, d) for n, d in _read_stdin(stdin, limits, problems)]
        files, trouble = discovered[group]
        problems += trouble
        for found in files:
            if on_file is not None:
                on_file(done, total)
            done += 1
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
            read += [(group, _name(found, d), d) for d in _read(found, limits, problems)]
    if on_file is not None:
        on_file(total, total)
    ids = unique_ids([name for _, name, _ in read])
    out: list[list[Document]] = [[] for _ in groups]
    for (group, _, document), doc_id in zip(read, ids, strict=True):
        out[group].append(replace(document, doc_id=doc_id))
    return out, problems


def load(
    paths: Iterable[Input], *, limits: Limits | None = None, stdin: Stdin | None = None
) -> LoadResult:
    """Read every input; problems are collected, never raised (``-`` reads ``stdin``)."""
    (documents,), problems = load_groups([paths], limits=limits, stdin=stdin)
    return LoadResult(documents, problems)
