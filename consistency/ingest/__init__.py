"""Paths → documents: discovery, reading by format, and cleaning."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from consistency.ingest.cleaning import blank_out, find_dropped
from consistency.ingest.model import Document, DroppedLine, InputError, InputProblem
from consistency.ingest.readers import E_NOT_FOUND, E_UNSUPPORTED, READERS

__all__ = [
    "Document",
    "DroppedLine",
    "InputProblem",
    "LoadResult",
    "blank_out",
    "discover",
    "find_dropped",
    "load",
]


@dataclass(frozen=True)
class LoadResult:
    documents: list[Document]
    problems: list[InputProblem]


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputProblem]]:
    """Expand directories (recursively, supported suffixes only, hidden files skipped)."""
    files: list[Path] = []
    problems: list[InputProblem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in READERS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                problems.append(
                    InputProblem(
                        str(path),
                        E_UNSUPPORTED,
                        "directory holds no article files (" + ", ".join(sorted(READERS)) + ")",
                    )
                )
            files.extend(found)
        elif path.is_file():
            if path.suffix.lower() in READERS:
                files.append(path)
            else:
                problems.append(
                    InputProblem(
                        str(path),
                        E_UNSUPPORTED,
                        f"unsupported format '{path.suffix or '(none)'}'; "
                        "use " + ", ".join(sorted(READERS)),
                    )
                )
        else:
            problems.append(InputProblem(str(path), E_NOT_FOUND, "no such file or directory"))
    return files, problems


_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _unique(doc_id: str, taken: set[str]) -> str:
    base = _ID_UNSAFE.sub("_", doc_id).strip("_") or "doc"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def load(paths: Iterable[str | Path]) -> LoadResult:
    """Read every input; problems are collected, never raised."""
    files, problems = discover(paths)
    documents: list[Document] = []
    taken: set[str] = set()
    for path in files:
        reader = READERS[path.suffix.lower()]
        try:
            for document in reader(path, path.stem, problems.append):
                doc_id = _unique(document.doc_id, taken)
                if doc_id != document.doc_id:
                    document = replace(document, doc_id=doc_id)
                documents.append(document)
        except InputError as exc:
            problems.append(InputProblem(str(path), exc.code, exc.message))
    return LoadResult(documents, problems)
