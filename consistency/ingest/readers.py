"""File formats → :class:`Document` records.

One reader per format, looked up by file suffix in :data:`READERS`. A reader
yields documents, or raises :class:`InputError` for the whole file; the JSONL
reader reports a bad line as an :class:`InputProblem` and goes on. A reader
names each document locally (the file name, or a JSONL record's id); the
loader makes the ids unique across the run.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

from consistency.ingest.encoding import E_BINARY, E_ENCODING, decode
from consistency.ingest.frontmatter import E_METADATA, split_front_matter
from consistency.ingest.model import Document, InputError, InputProblem, display_path

#: Largest file read whole (HTML pages carry markup, so this is generous).
MAX_FILE_BYTES: Final = 20_000_000
#: A JSONL batch holds many articles: it may be this many times larger.
JSONL_FACTOR: Final = 20
#: Largest article text analysed; the NLP model's own limit is 1,000,000.
MAX_TEXT_CHARS: Final = 1_000_000
#: JSON nested deeper than this is refused before the parser recurses.
MAX_JSON_DEPTH: Final = 50

METADATA_KEYS: Final = ("source", "published", "title", "url", "story")
JSONL_KEYS: Final = ("id", "text", *METADATA_KEYS)

E_NOT_FOUND: Final = "E101"
E_EMPTY: Final = "E102"
E_TOO_LARGE: Final = "E105"
E_FORMAT: Final = "E107"
E_UNSUPPORTED: Final = "E108"
E_NO_TEXT: Final = "E109"
E_DUPLICATE_ID: Final = "E110"
E_UNSAFE_ID: Final = "E111"
E_UNREADABLE: Final = "E112"
E_SYMLINK_LOOP: Final = "E113"
#: Not an error: the same file named twice is read once.
W_SAME_FILE: Final = "W101"

#: Every code an input problem may have, with what it means (documented in audit-files.md).
INPUT_CODES: Final = {
    E_NOT_FOUND: "no such file or folder, or a broken symbolic link",
    E_EMPTY: "no article text: empty or whitespace only",
    "E103": "binary, not text: NUL bytes or control codes",
    "E104": "an encoding that cannot be told: not UTF-8, UTF-16/32 with a mark, or Windows-1252",
    E_TOO_LARGE: "larger than max-file-bytes, or an article longer than 1,000,000 characters",
    "E106": "malformed metadata: front matter that is not YAML, a wrong type, a date that "
    "does not exist, an unknown JSONL field",
    E_FORMAT: "a JSONL line that is not a JSON object with a string 'text'",
    E_UNSUPPORTED: "a file suffix that is not read, or a folder with no article files",
    E_NO_TEXT: "an HTML page with no article text",
    E_DUPLICATE_ID: "a JSONL id used twice in one file",
    E_UNSAFE_ID: "a JSONL id that is not a safe file name",
    E_UNREADABLE: "cannot be read or listed (permissions), or a named pipe, socket or device",
    E_SYMLINK_LOOP: "a symbolic link loop",
    W_SAME_FILE: "note: the same file named twice (or through a link) is read once",
}

__all__ = ["E_BINARY", "E_ENCODING", "E_METADATA"]

#: A record id that is safe as a file name: letters, digits, '.', '_', '-'; no '..'.
SAFE_ID: Final = re.compile(r"\w[\w.-]{0,127}")
_SURROGATE: Final = re.compile(r"[\ud800-\udfff]")


@dataclass(frozen=True)
class Limits:
    """How much one input may hold; ``max_file_bytes`` is configurable."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_text_chars: int = MAX_TEXT_CHARS

    @property
    def max_jsonl_bytes(self) -> int:
        return self.max_file_bytes * JSONL_FACTOR


Emit = Callable[[InputProblem], None]
Reader = Callable[[Path, Limits, Emit], Iterator[Document]]


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> tuple[str, str]:
    """A file's text and encoding (see :mod:`consistency.ingest.encoding`), or a coded error."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(E_UNREADABLE, f"cannot read: {exc.strerror or exc}") from exc
    if len(raw) > max_bytes:
        raise InputError(
            E_TOO_LARGE,
            f"file is larger than the limit of {max_bytes:,} bytes "
            "(raise max-file-bytes in the configuration to read it)",
        )
    decoded = decode(raw)
    return decoded.text, decoded.encoding


def check_body(text: str, limits: Limits = Limits()) -> None:
    """Reject article bodies that are empty or too long to analyse."""
    if not text.strip():
        raise InputError(E_EMPTY, "no article text (empty or whitespace only)")
    if len(text) > limits.max_text_chars:
        raise InputError(
            E_TOO_LARGE,
            f"article text is {len(text):,} characters; the limit is {limits.max_text_chars:,}",
        )
    if "\x00" in text:
        raise InputError(E_BINARY, "article text holds a NUL character, so it is not text")


def parse_published(value: Any, *, field: str = "published") -> date | None:
    """Metadata date → :class:`date`; ISO dates and datetimes are accepted."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError as exc:
            if re.match(r"\d{4}-\d\d-\d\d", text):
                raise InputError(
                    E_METADATA, f"metadata '{field}' is not a real date: {value!r} ({exc})"
                ) from exc
    raise InputError(
        E_METADATA, f"metadata '{field}' is not an ISO date (YYYY-MM-DD): {_short(value)}"
    )


def _short(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _metadata_text(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, date)):
        raise InputError(
            E_METADATA,
            f"metadata '{key}' must be text, not {type(value).__name__}: {_short(value)}",
        )
    return str(value).strip() or None


def _headline(text: str) -> str | None:
    """The first line, when it reads as a headline (short, no closing full stop)."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            if len(line) <= 200 and not line.endswith((".", ":", ";")):
                return line
            return None
    return None


def read_txt(path: Path, limits: Limits, emit: Emit) -> Iterator[Document]:
    text, encoding = read_text(path, max_bytes=limits.max_file_bytes)
    check_body(text, limits)
    yield Document(
        path.stem,
        display_path(path),
        "txt",
        text,
        source=path.stem,
        title=_headline(text),
        encoding=encoding,
    )


def read_md(path: Path, limits: Limits, emit: Emit) -> Iterator[Document]:
    text, encoding = read_text(path, max_bytes=limits.max_file_bytes)
    front = split_front_matter(text)
    meta, body_start = front.meta, front.body_start
    check_body(text[body_start:], limits)
    yield Document(
        path.stem,
        display_path(path),
        "md",
        text,
        source=_metadata_text(meta, "source") or path.stem,
        title=_metadata_text(meta, "title") or _headline(text[body_start:]),
        url=_metadata_text(meta, "url"),
        published=parse_published(meta.get("published")),
        story=_metadata_text(meta, "story"),
        excluded=((0, body_start, "front matter"),) if body_start else (),
        encoding=encoding,
    )


def read_html(path: Path, limits: Limits, emit: Emit) -> Iterator[Document]:
    """Main text and metadata through trafilatura; offsets point into the extracted text."""
    import trafilatura

    html, encoding = read_text(path, max_bytes=limits.max_file_bytes)
    if not html.strip():
        raise InputError(E_EMPTY, "empty HTML file")
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    data = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = (data.get("text") or "").strip()
    if not text:
        raise InputError(E_NO_TEXT, "no article text could be extracted from the page")
    check_body(text, limits)
    try:
        published = parse_published(data.get("date"))
    except InputError:
        published = None
    yield Document(
        path.stem,
        display_path(path),
        "html",
        text,
        source=data.get("sitename") or data.get("hostname") or path.stem,
        title=data.get("title") or None,
        url=data.get("url") or None,
        published=published,
        encoding=encoding,
    )


def jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    """Numbered lines of a JSONL file: split at LF only (U+2028 may sit inside a string)."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        yield lineno, line.removesuffix("\r")


def read_jsonl(path: Path, limits: Limits, emit: Emit) -> Iterator[Document]:
    """One article per line; a bad line is reported and skipped."""
    text, encoding = read_text(path, max_bytes=limits.max_jsonl_bytes)
    if not text.strip():
        raise InputError(E_EMPTY, "empty JSONL file")
    first_line: dict[str, int] = {}
    for lineno, line in jsonl_lines(text):
        if not line.strip():
            continue
        where = f"{display_path(path)}:{lineno}"
        try:
            document = _jsonl_document(line, path, lineno, limits, encoding)
            if document.doc_id in first_line:
                raise InputError(
                    E_DUPLICATE_ID,
                    f"duplicate id {document.doc_id!r} (first on line "
                    f"{first_line[document.doc_id]}); ids must be unique within a file",
                )
            first_line[document.doc_id] = lineno
            yield document
        except InputError as exc:
            emit(InputProblem(where, exc.code, exc.message))


def _json_depth(line: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for char in line:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _load_json(line: str) -> Any:
    if _json_depth(line) > MAX_JSON_DEPTH:
        raise InputError(E_FORMAT, f"JSON nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(E_FORMAT, f"not valid JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputError(E_FORMAT, "JSON nested too deeply to read") from exc
    except ValueError as exc:  # e.g. an integer of thousands of digits
        reason = "a number too long to read" if "digits" in str(exc) else _short(str(exc), 80)
        raise InputError(E_FORMAT, f"not valid JSON: {reason}") from exc


def _no_surrogates(record: dict[str, Any]) -> None:
    for key, value in record.items():
        if isinstance(value, str):
            found = _SURROGATE.search(value)
            if found:
                raise InputError(
                    E_FORMAT,
                    f"field '{key}' holds an unpaired surrogate \\u{ord(found.group()):04x} "
                    f"(at character {found.start()}), which is not a character",
                )


def record_id(record: dict[str, Any], stem: str, lineno: int) -> str:
    raw = record.get("id")
    if raw is None or raw == "":
        return f"{stem}-{lineno}"
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise InputError(E_METADATA, f"'id' must be a string or an integer, not {_short(raw)}")
    doc_id = str(raw) if isinstance(raw, str) else _int_text(raw)
    if not SAFE_ID.fullmatch(doc_id):
        raise InputError(
            E_UNSAFE_ID,
            f"id {_short(doc_id)} is not a safe file name: use letters, digits, "
            "'.', '_' and '-' (at most 128, not starting with '.' or '-')",
        )
    return doc_id


def _int_text(value: int) -> str:
    if value.bit_length() > 420:  # more than 128 digits: never a safe id
        raise InputError(E_UNSAFE_ID, "id is a number of more than 128 digits")
    return str(value)


def _jsonl_document(line: str, path: Path, lineno: int, limits: Limits, encoding: str) -> Document:
    record = _load_json(line)
    if not isinstance(record, dict):
        raise InputError(E_FORMAT, "a line must be a JSON object")
    return record_document(
        record,
        path=f"{display_path(path)}:{lineno}",
        fmt="jsonl",
        doc_id=record_id(record, path.stem, lineno),
        source=path.stem,
        limits=limits,
        encoding=encoding,
    )


def record_document(
    record: dict[str, Any],
    *,
    path: str,
    fmt: str,
    doc_id: str,
    source: str,
    limits: Limits,
    encoding: str | None = None,
) -> Document:
    """One article given as a record (``text`` and optional metadata, see JSONL_KEYS)."""
    _no_surrogates(record)
    body = record.get("text")
    if not isinstance(body, str):
        raise InputError(E_FORMAT, "missing required string field 'text'")
    check_body(body, limits)
    unknown = sorted(set(record) - set(JSONL_KEYS))
    if unknown:
        raise InputError(
            E_METADATA,
            f"unknown field(s) {_short(unknown, 120)}; allowed: {', '.join(JSONL_KEYS)}",
        )
    return Document(
        doc_id,
        path,
        fmt,
        body,
        source=_metadata_text(record, "source") or source,
        title=_metadata_text(record, "title"),
        url=_metadata_text(record, "url"),
        published=parse_published(record.get("published")),
        story=_metadata_text(record, "story"),
        encoding=encoding,
    )


READERS: Final[dict[str, Reader]] = {
    ".txt": read_txt,
    ".md": read_md,
    ".markdown": read_md,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
}
