"""GitHub Actions workflow commands: one annotation line per flag."""

from __future__ import annotations

import re
from typing import TextIO

from consistency.report.base import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
_JSONL_PATH = re.compile(r"^(?P<file>.+\.jsonl):(?P<line>\d+)$")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def location(path: str, fmt: str, text: str, start: int) -> tuple[str, int | None, int | None]:
    """File, line and column of an offset, as an editor would see them."""
    if fmt == "html":
        return path, None, None
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    jsonl = _JSONL_PATH.match(path)
    if jsonl:
        return jsonl["file"], int(jsonl["line"]), None
    return path, line, column


def render(report: Report, stream: TextIO) -> None:
    documents = report.tables["documents"].set_index("doc_id")
    for problem in report.problems:
        level = "error" if problem.is_error else "notice"
        where = _escape_property(problem.path)
        stream.write(f"::{level} file={where},title=input {problem.code}::")
        stream.write(_escape_data(problem.message) + "\n")
    for flag in report.shown_flags.itertuples(index=False):
        doc = documents.loc[flag.doc_id]
        file, line, column = location(
            str(doc["path"]), str(doc["format"]), report.texts[flag.doc_id], int(flag.char_start)
        )
        props = [f"file={_escape_property(file)}"]
        if line is not None:
            props.append(f"line={line}")
        if column is not None:
            props.append(f"col={column}")
        props.append(f"title={_escape_property(f'{flag.code} {flag.name}')}")
        message = f"{flag.message} {flag.explanation}"
        stream.write(f"::{LEVELS[flag.severity]} {','.join(props)}::{_escape_data(message)}\n")
