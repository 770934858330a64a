"""File formats → :class:`Document` records.

One reader per format, looked up by file suffix in :data:`READERS`. A reader
yields documents, or raises :class:`InputError` for the whole file; the JSONL
reader reports a bad line as an :class:`InputProblem` and goes on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final

import yaml

from consistency.ingest.model import Document, InputError, InputProblem

#: Largest file read whole (HTML pages carry markup, so this is generous).
MAX_FILE_BYTES: Final = 20_000_000
#: Largest article text analysed; the NLP model's own limit is 1,000,000.
MAX_TEXT_CHARS: Final = 1_000_000

METADATA_KEYS: Final = ("source", "published", "title", "url", "story")
JSONL_KEYS: Final = ("id", "text", *METADATA_KEYS)

E_NOT_FOUND: Final = "E101"
E_EMPTY: Final = "E102"
E_BINARY: Final = "E103"
E_ENCODING: Final = "E104"
E_TOO_LARGE: Final = "E105"
E_METADATA: Final = "E106"
E_FORMAT: Final = "E107"
E_UNSUPPORTED: Final = "E108"
E_NO_TEXT: Final = "E109"

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)", re.S)

Emit = Callable[[InputProblem], None]
Reader = Callable[[Path, str, Emit], Iterator[Document]]


def read_text(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> str:
    """Read a file as UTF-8 text, or raise a coded :class:`InputError`."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(E_NOT_FOUND, f"cannot read: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise InputError(E_TOO_LARGE, f"file is {size:,} bytes; the limit is {max_bytes:,}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(E_NOT_FOUND, f"cannot read: {exc.strerror or exc}") from exc
    if b"\x00" in raw[:65536]:
        raise InputError(E_BINARY, "file is binary (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            E_ENCODING,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "convert the file to UTF-8",
        ) from exc
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def check_body(text: str) -> None:
    """Reject article bodies that are empty or too long to analyse."""
    if not text.strip():
        raise InputError(E_EMPTY, "no article text (empty or whitespace only)")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            E_TOO_LARGE,
            f"article text is {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,}",
        )


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
        except ValueError:
            pass
    raise InputError(E_METADATA, f"metadata '{field}' is not an ISO date: {value!r}")


def _metadata_text(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise InputError(E_METADATA, f"metadata '{key}' must be text, not {type(value).__name__}")
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


def read_txt(path: Path, doc_id: str, emit: Emit) -> Iterator[Document]:
    text = read_text(path)
    check_body(text)
    yield Document(doc_id, str(path), "txt", text, source=path.stem, title=_headline(text))


def read_md(path: Path, doc_id: str, emit: Emit) -> Iterator[Document]:
    text = read_text(path)
    meta: dict[str, Any] = {}
    excluded: tuple[tuple[int, int, str], ...] = ()
    body_start = 0
    match = _FRONT_MATTER.match(text)
    if match:
        try:
            loaded = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" (line {mark.line + 2})" if mark is not None else ""
            raise InputError(E_METADATA, f"front matter is not valid YAML{where}") from exc
        if loaded is not None and not isinstance(loaded, dict):
            raise InputError(E_METADATA, "front matter must be a mapping of keys to values")
        meta = loaded or {}
        body_start = match.end()
        excluded = ((0, body_start, "front matter"),)
    check_body(text[body_start:])
    yield Document(
        doc_id,
        str(path),
        "md",
        text,
        source=_metadata_text(meta, "source") or path.stem,
        title=_metadata_text(meta, "title") or _headline(text[body_start:]),
        url=_metadata_text(meta, "url"),
        published=parse_published(meta.get("published")),
        story=_metadata_text(meta, "story"),
        excluded=excluded,
    )


def read_html(path: Path, doc_id: str, emit: Emit) -> Iterator[Document]:
    """Main text and metadata through trafilatura; offsets point into the extracted text."""
    import trafilatura

    html = read_text(path)
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
    check_body(text)
    try:
        published = parse_published(data.get("date"))
    except InputError:
        published = None
    yield Document(
        doc_id,
        str(path),
        "html",
        text,
        source=data.get("sitename") or data.get("hostname") or path.stem,
        title=data.get("title") or None,
        url=data.get("url") or None,
        published=published,
    )


def read_jsonl(path: Path, doc_id: str, emit: Emit) -> Iterator[Document]:
    """One article per line; a bad line is reported and skipped."""
    text = read_text(path, max_bytes=20 * MAX_FILE_BYTES)
    if not text.strip():
        raise InputError(E_EMPTY, "empty JSONL file")
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            yield _jsonl_document(line, path, lineno, doc_id)
        except InputError as exc:
            emit(InputProblem(where, exc.code, exc.message))


def _jsonl_document(line: str, path: Path, lineno: int, stem: str) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(E_FORMAT, f"not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(E_FORMAT, "a line must be a JSON object")
    body = record.get("text")
    if not isinstance(body, str):
        raise InputError(E_FORMAT, "missing required string field 'text'")
    check_body(body)
    unknown = sorted(set(record) - set(JSONL_KEYS))
    if unknown:
        raise InputError(
            E_METADATA, f"unknown field(s) {unknown}; allowed: {', '.join(JSONL_KEYS)}"
        )
    raw_id = record.get("id")
    if isinstance(raw_id, (dict, list, bool)):
        raise InputError(E_METADATA, "'id' must be a string or a number")
    return Document(
        str(raw_id) if raw_id not in (None, "") else f"{stem}-{lineno}",
        f"{path}:{lineno}",
        "jsonl",
        body,
        source=_metadata_text(record, "source") or stem,
        title=_metadata_text(record, "title"),
        url=_metadata_text(record, "url"),
        published=parse_published(record.get("published")),
        story=_metadata_text(record, "story"),
    )


READERS: Final[dict[str, Reader]] = {
    ".txt": read_txt,
    ".md": read_md,
    ".markdown": read_md,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
}
