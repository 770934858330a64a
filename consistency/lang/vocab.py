"""Word lists kept as data files in ``consistency/lang/data``, read once and cached.

Each file begins with a header line ``# what it is``; further lines starting
with ``#`` and blank lines are ignored. Entries are lower case unless the list
says otherwise.

- ``NAME.txt``: one entry per line (a word or a phrase).
- ``NAME.tsv``: tab-separated fields per line. A two-field table is a mapping
  from its first field to its second; more fields are read as rows.

Lists are loaded by name (the file name without its suffix), so a caller
never spells a path.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import TypeVar

T = TypeVar("T")

_PACKAGE = "consistency.lang.data"


class VocabError(ValueError):
    """A word list is missing or malformed."""


@cache
def _lines(filename: str) -> tuple[str, ...]:
    try:
        text = resources.files(_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise VocabError(f"no word list {filename!r} in {_PACKAGE}") from None
    lines = text.splitlines()
    if not lines or not lines[0].startswith("# "):
        raise VocabError(f"{filename}: the first line must be '# what the list is'")
    return tuple(
        line.rstrip("\n") for line in lines[1:] if line.strip() and not line.startswith("#")
    )


def header(name: str) -> str:
    """The header line of a list: what it is."""
    for suffix in (".txt", ".tsv"):
        try:
            text = resources.files(_PACKAGE).joinpath(name + suffix).read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        return text.splitlines()[0][2:].strip()
    raise VocabError(f"no word list {name!r} in {_PACKAGE}")


@cache
def words(name: str) -> frozenset[str]:
    """The entries of ``NAME.txt`` as a set."""
    return frozenset(line.strip() for line in _lines(name + ".txt"))


@cache
def ordered(name: str) -> tuple[str, ...]:
    """The entries of ``NAME.txt`` in file order (lists whose order means something)."""
    return tuple(line.strip() for line in _lines(name + ".txt"))


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``NAME.tsv``, each a tuple of its tab-separated fields."""
    lines = _lines(name + ".tsv")
    return tuple(tuple(field.strip() for field in line.split("\t")) for line in lines)


def mapping(name: str, convert: Callable[[str], T] = str) -> dict[str, T]:  # type: ignore[assignment]
    """``NAME.tsv`` of two fields as {first: convert(second)}; a repeated key is an error."""
    out: dict[str, T] = {}
    for row in rows(name):
        if len(row) != 2:
            raise VocabError(f"{name}.tsv: expected two fields, got {row!r}")
        key, value = row
        if key in out:
            raise VocabError(f"{name}.tsv: {key!r} is listed twice")
        out[key] = convert(value)
    return out


@cache
def marked(name: str, field: int, *labels: str) -> frozenset[str]:
    """The first fields of the rows of ``NAME.tsv`` whose field number ``field`` (the first
    being 0) holds one of ``labels``; a field may hold several labels separated by commas."""
    wanted = set(labels)
    return frozenset(
        row[0] for row in rows(name) if len(row) > field and wanted & set(row[field].split(","))
    )


def groups(name: str) -> tuple[tuple[str, ...], ...]:
    """``NAME.tsv`` read as groups of synonyms: each row's fields name one thing, the
    first field being the name it is known by."""
    return tuple(row for row in rows(name) if row and row[0])


def available() -> list[str]:
    """Every list's name, sorted."""
    names = {
        entry.name.rsplit(".", 1)[0]
        for entry in resources.files(_PACKAGE).iterdir()
        if entry.name.endswith((".txt", ".tsv"))
    }
    return sorted(names)
