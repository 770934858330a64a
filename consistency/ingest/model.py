"""The records ingest hands on: documents as read, input problems, dropped lines."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Final


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is kept exactly as read: every offset points into it."""

    doc_id: str
    path: str
    format: str
    text: str
    source: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    story: str | None = None
    #: Why the article is in its story (see :mod:`consistency.stories`).
    story_basis: str | None = None
    #: "draft" or "source" in draft mode (check DRAFT --against SOURCE...), else None.
    role: str | None = None
    #: Spans of ``text`` that are not article body by construction (front matter).
    excluded: tuple[tuple[int, int, str], ...] = field(default=())
    #: The encoding the file was read in (UTF-8, UTF-16LE, Windows-1252 ...).
    encoding: str | None = None


@dataclass(frozen=True)
class InputProblem:
    """An input that could not be read; the run goes on with the others.

    A ``note`` (code ``W...``) tells of an input read another way than given
    (the same file named twice): it is reported but does not fail the run.
    """

    path: str
    code: str
    message: str
    level: str = "error"

    @property
    def is_error(self) -> bool:
        return self.level == "error"

    def __str__(self) -> str:
        return f"{self.path}: [{self.code}] {self.message}"


@dataclass(frozen=True)
class DroppedLine:
    """A line left out of analysis, with the rule that matched it."""

    char_start: int
    char_end: int
    text: str
    reason: str


def display_path(path: object) -> str:
    """A path as printable text: bytes that do not decode are shown as U+FFFD."""
    text = str(path)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


class InputError(Exception):
    """Raised by a reader for one input; turned into an :class:`InputProblem`."""

    def __init__(self, code: str, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        #: The line of the file the problem is on, when known.
        self.line = line


#: An input: a file or folder, ``-`` (standard input), or an article given as a record.
Input = str | Path | Mapping[str, Any]

#: The path that stands for standard input.
STDIN: Final = "-"


@dataclass(frozen=True)
class Stdin:
    """What was read from standard input, and the file name it stands for: the name's
    suffix chooses the format and its stem the document id (``--stdin-filename``)."""

    data: bytes
    name: str = "stdin.txt"
