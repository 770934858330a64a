"""Baselines: accept known findings once, hide them in later runs.

A baseline file lists flag keys (``flag_id``). A key is made of the check code,
the documents and the words of the evidence, not their offsets, so it survives
re-runs and edits elsewhere in the article.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Final

import pandas as pd

from consistency.report.audit import write_text_atomic

BASELINE_VERSION: Final = 1


class BaselineError(ValueError):
    """A baseline file that cannot be used; the message names the file."""


def write_baseline(path: Path, flags: pd.DataFrame) -> int:
    """Record the run's flags in ``path`` (atomically); returns how many."""
    entries = sorted(
        (
            {"flag_id": r.flag_id, "code": r.code, "doc_id": r.doc_id, "text": r.text}
            for r in flags.itertuples(index=False)
        ),
        key=lambda e: e["flag_id"],
    )
    body = json.dumps({"version": BASELINE_VERSION, "flags": entries}, indent=2, ensure_ascii=False)
    write_text_atomic(path, body + "\n")
    return len(entries)


def load_baseline(path: Path) -> frozenset[str]:
    """The flag keys recorded in a baseline file."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise BaselineError(
            f"{path}: baseline is not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset "
            f"{exc.start}); write it again with --write-baseline"
        ) from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(
            f"{path}: baseline is not valid JSON: {exc.msg} (line {exc.lineno})"
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise BaselineError(f"{path}: baseline is not valid JSON: {type(exc).__name__}") from exc
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise BaselineError(
            f"{path}: not a consistency baseline (version {BASELINE_VERSION} expected); "
            "write one with --write-baseline"
        )
    try:
        return frozenset(str(entry["flag_id"]) for entry in data["flags"])
    except (KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: baseline entries must each have a flag_id") from exc


def apply_baseline(flags: pd.DataFrame, known: frozenset[str]) -> tuple[pd.DataFrame, int]:
    """The flags not in the baseline, and how many were hidden."""
    keep = ~flags["flag_id"].isin(known)
    return flags[keep].reset_index(drop=True), int((~keep).sum())
