"""Machine-readable output: one JSON document with a versioned schema."""

from __future__ import annotations

import json
from typing import Any, TextIO

import pandas as pd

from consistency.report.base import Report

#: Bump on any incompatible change of the document below.
JSON_SCHEMA_VERSION = "1.2"


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return json.loads(df.to_json(orient="records", force_ascii=False)) if len(df) else []


def document(report: Report) -> dict[str, Any]:
    return {
        "schema_version": JSON_SCHEMA_VERSION,
        "command": report.command,
        "fail_on": report.fail_on,
        "out_dir": str(report.out_dir) if report.out_dir else None,
        "summary": {
            "documents": len(report.tables["documents"]),
            "facts": len(report.tables.get("facts", ())),
            "flags": report.severity_counts(),
            "by_check": {str(c): int(n) for c, n in report.flags["code"].value_counts().items()}
            if not report.flags.empty
            else {},
            "show": report.show,
            "input_errors": sum(p.is_error for p in report.problems),
            "hidden_by_baseline": report.hidden_by_baseline,
        },
        "documents": records(report.tables["documents"]),
        "errors": [
            {"path": p.path, "code": p.code, "level": p.level, "message": p.message}
            for p in report.problems
        ],
        "flags": records(report.shown_flags),
    }


def render(report: Report, stream: TextIO) -> None:
    json.dump(document(report), stream, ensure_ascii=False, indent=2, sort_keys=False)
    stream.write("\n")
