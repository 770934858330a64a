"""Audit files: the run's tables as CSV, written atomically and deterministically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

import pandas as pd

from consistency.tables import SCHEMAS, validate

#: Tables written by ``extract``; ``check`` adds alignments and flags.
EXTRACT_TABLES = ("documents", "sentences", "facts", "dropped", "errors")
CHECK_TABLES = (*EXTRACT_TABLES, "alignments", "flags")


def to_csv_text(df: pd.DataFrame) -> str:
    """The same table always gives the same bytes: fixed float format, \\n line ends."""
    return df.to_csv(index=False, lineterminator="\n", float_format="%.10g", na_rep="")


def new_run_dir(root: Path, *, now: datetime | None = None) -> Path:
    """A fresh directory name under ``root`` (not created)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    candidate, n = root / f"run-{stamp}", 2
    while candidate.exists():
        candidate, n = root / f"run-{stamp}-{n}", n + 1
    return candidate


def write_audit(out: Path, frames: Mapping[str, pd.DataFrame]) -> list[Path]:
    """Write each table as ``NAME.csv`` in ``out``.

    Everything is first written into a temporary sibling directory, then each
    file is moved into place with an atomic rename: a crash leaves either the
    old file or the new one, never half of one.
    """
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    written: list[Path] = []
    try:
        for name, df in frames.items():
            validate(df, SCHEMAS[name])
            (staging / f"{name}.csv").write_text(to_csv_text(df), encoding="utf-8")
        for name in frames:
            target = out / f"{name}.csv"
            os.replace(staging / f"{name}.csv", target)
            written.append(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return written


def write_text_atomic(path: Path, text: str) -> None:
    """Write one file so that readers see the old version or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)
