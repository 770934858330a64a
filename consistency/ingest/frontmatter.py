"""YAML front matter of Markdown articles: read as plain data, errors with a fix.

Dates stay text here (``published: 2022-02-30`` is then refused by the metadata
check with the field named, not by the YAML library with a traceback), and a
syntax error names its line and says how to quote the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

import yaml

from consistency.ingest.model import InputError

E_METADATA: Final = "E106"

FRONT_MATTER: Final = re.compile(
    r"\A---[ \t]*(?:\r\n|\r|\n)(.*?)(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|\Z)", re.S
)
#: Front matter nested deeper than this is refused before the YAML library recurses.
MAX_DEPTH: Final = 20


class _Loader(yaml.SafeLoader):
    """The safe loader, with timestamps kept as the text written."""


_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda loader, node: loader.construct_scalar(node),  # type: ignore[arg-type]
)


@dataclass(frozen=True)
class FrontMatter:
    """The metadata mapping and where the article body starts."""

    meta: dict[str, Any]
    body_start: int


def split_front_matter(text: str) -> FrontMatter:
    """The front matter of ``text`` (empty when it has none), or a coded error."""
    match = FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, 0)
    source = match.group(1)
    _refuse_deep(source)
    try:
        loaded = yaml.load(source, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise InputError(E_METADATA, _yaml_message(exc), line=line) from exc
    except RecursionError as exc:
        raise InputError(E_METADATA, "front matter is nested too deeply to read") from exc
    if loaded is not None and not isinstance(loaded, dict):
        raise InputError(
            E_METADATA,
            "front matter must be a mapping of keys to values (key: value, one a line)",
        )
    return FrontMatter({str(k): v for k, v in (loaded or {}).items()}, match.end())


def _refuse_deep(source: str) -> None:
    depth = deepest = 0
    for char in source:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
    indents = {len(line) - len(line.lstrip(" ")) for line in source.splitlines() if line.strip()}
    if deepest > MAX_DEPTH or len(indents) > MAX_DEPTH:
        raise InputError(
            E_METADATA,
            f"front matter is nested more than {MAX_DEPTH} levels deep; "
            "metadata is flat: source, published, title, url, story",
        )


def _yaml_message(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or ""
    where = f" (line {mark.line + 2}, column {mark.column + 1})" if mark is not None else ""
    reason = f": {problem}" if problem else ""
    return f"front matter is not valid YAML{where}{reason}; {_hint(problem)}"


def _hint(problem: str) -> str:
    if "mapping values" in problem:
        return 'a value holding ": " must be quoted, e.g. title: "Eight and counting: a record"'
    if "found character" in problem or "alias" in problem or "anchor" in problem:
        return (
            "a value starting with a special character (` @ % & * ! | > [ {) "
            'must be quoted, e.g. source: "@newsdesk"'
        )
    return 'quote values that hold punctuation, e.g. title: "Eight and counting: a record"'
