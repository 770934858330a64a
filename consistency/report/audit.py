"""Audit files: the run's tables as CSV, written together, atomically and deterministically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Final

import pandas as pd

from consistency.report.neutralize import csv_cell
from consistency.report.rundir import file_mode, write_run
from consistency.tables import FLOAT, INT, SCHEMAS, validate

#: Tables written by ``extract``; ``check`` adds alignments and flags.
EXTRACT_TABLES = ("documents", "sentences", "facts", "dropped", "errors")
CHECK_TABLES = (*EXTRACT_TABLES, "alignments", "flags")
#: A field holding one of these is quoted (a bare CR too, or the file would not parse).
_QUOTE_IF: Final = (",", '"', "\n", "\r")
#: Above this a float rounded to ten digits would read back as infinity.
_LARGEST_ROUNDED: Final = 1.797693134e308


def _field(text: str) -> str:
    if any(c in text for c in _QUOTE_IF):
        return '"' + text.replace('"', '""') + '"'
    return text


def _column(series: pd.Series) -> list[str]:
    dtype = str(series.dtype)
    out: list[str] = []
    for value in series.astype(object):
        if value is None or value is pd.NA or (isinstance(value, float) and value != value):
            out.append("")
        elif dtype == FLOAT or isinstance(value, float):
            # Ten digits, the fixed format; in full only where rounding would overflow to inf.
            out.append(repr(value) if abs(value) > _LARGEST_ROUNDED else "%.10g" % value)  # noqa: UP031
        elif dtype == INT:
            out.append(str(int(value)))
        else:
            out.append(_field(csv_cell(str(value))))
    return out


def to_csv_text(df: pd.DataFrame) -> str:
    """The same table always gives the same bytes: fixed float format, \\n line ends.

    Text cells are neutralized against spreadsheet formulas (see
    :mod:`consistency.report.neutralize`); a cell holding a comma, quote, LF or CR
    is quoted.
    """
    columns = [_column(df[name]) for name in df.columns]
    lines = [",".join(_field(csv_cell(str(name))) for name in df.columns)]
    lines += [",".join(row) for row in zip(*columns, strict=True)]
    return "\n".join(lines) + "\n"


def new_run_dir(root: Path, *, now: datetime | None = None) -> Path:
    """A fresh directory name under ``root`` (not created)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate, n = root / f"run-{stamp}", 2
    while candidate.exists():
        candidate, n = root / f"run-{stamp}-{n}", n + 1
    return candidate


def write_audit(
    out: Path, frames: Mapping[str, pd.DataFrame], extra: Mapping[str, str] | None = None
) -> list[Path]:
    """Write each table as ``NAME.csv`` in ``out``, with the ``extra`` files (name → text).

    All of them appear together or not at all (see :mod:`consistency.report.rundir`).
    """
    files: dict[str, str] = {}
    for name, df in frames.items():
        validate(df, SCHEMAS[name])
        files[f"{name}.csv"] = to_csv_text(df)
    files.update(extra or {})
    return write_run(out, files)


def write_text_atomic(path: Path, text: str) -> None:
    """Write one file so that readers see the old version or the new one, never half.

    The file gets the permissions the umask gives a new file; on failure no
    temporary file is left behind.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(tmp, file_mode())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
