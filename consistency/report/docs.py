"""Reference documentation generated from the code: audit files, JSON output, checks.

``python -m consistency.report.docs`` rewrites docs/; a test keeps them in sync.
"""

from __future__ import annotations

import sys
from pathlib import Path

from consistency.checks.registry import all_checks
from consistency.ingest.readers import INPUT_CODES
from consistency.report.json_report import JSON_SCHEMA_VERSION
from consistency.tables import SCHEMAS

DOCS = Path(__file__).resolve().parents[2] / "docs"


REPORT_PAGES = """
`check` writes `report.html` (and `extract` with `--format html`). A run of one story
is that story's page; a run of several is an index of its stories (sources, findings
by severity, the first findings, worst story first) with one page per story beside
it, `story-SLUG.html`. A story page is self-contained (inline style, script and SVG,
no requests): in draft mode the draft's facts and their support, problems first; the
findings beside the sources in full with facts and evidence highlighted; a timeline
of the dates each source gives; a dot plot of each figure the sources give
differently (the odd one out marked); the facts joined across sources; and what each
source alone says, by kind.
"""


def audit_files() -> str:
    lines = [
        "# Audit files",
        "",
        "Every `consistency check` run writes these CSV files (UTF-8, comma separated, a header",
        "row, `\\n` line ends); `extract` writes all but alignments and flags, and draft mode adds",
        "support. Offsets are character offsets into the article text as read (for HTML, the",
        "extracted main text), end exclusive, so `text == document[char_start:char_end]`. Empty",
        "cells are missing values. The columns are declared in `consistency/tables.py`; this page",
        "is generated from it (`python -m consistency.report.docs`).",
        "",
        "A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return (or with",
        "single quotes and then one of those) gets one more single quote in front, so that a",
        "spreadsheet shows it as text instead of evaluating a formula (OWASP's rule against CSV",
        "injection). Drop that one quote to get the value back, or read it from the offsets:",
        "every article text cell is `document[char_start:char_end]`. A cell holding a comma, a",
        "double quote or a line break (LF or CR) is quoted. With pandas, read a file back as",
        '`pd.read_csv(path, dtype=..., keep_default_na=False, na_values=[""])` so that a text',
        "such as `NA` stays text.",
        "",
        "The files of a run are written together: into a staging folder first, then moved into",
        "place at once, with `.consistency-run.json` listing them. A later run into the same",
        "directory replaces (or removes) only the files listed there and never touches others.",
        "",
    ]
    for schema in SCHEMAS.values():
        lines += [f"## {schema.name}.csv", "", schema.doc, "", "| column | type | meaning |"]
        lines.append("|---|---|---|")
        for column in schema.columns:
            kind = {"string": "text", "Int64": "integer", "Float64": "number"}[column.dtype]
            lines.append(f"| `{column.name}` | {kind} | {column.doc} |")
        lines.append("")
        if schema.name == "errors":
            lines += ["| code | meaning |", "|---|---|"]
            lines += [f"| `{code}` | {text} |" for code, text in INPUT_CODES.items()]
            lines.append("")
    lines += [
        "## report.html and the story pages",
        "",
        *REPORT_PAGES.strip().splitlines(),
        "",
    ]
    return "\n".join(lines)


def json_output() -> str:
    return "\n".join(
        [
            "# JSON output",
            "",
            f"`consistency check --format json` prints one JSON document, schema version"
            f" `{JSON_SCHEMA_VERSION}`.",
            "A change that removes or renames a key raises the major version; new keys raise the",
            "minor version.",
            "",
            "| key | meaning |",
            "|---|---|",
            "| `schema_version` | version of this document's layout |",
            "| `command` | `check` or `extract` |",
            "| `fail_on` | the failing severity of the run (`error`, `warning`, `info`, `never`) |",
            "| `out_dir` | directory holding the audit files |",
            "| `summary.documents` | articles read |",
            "| `summary.facts` | facts extracted |",
            "| `summary.flags` | counts by severity: `error`, `warning`, `info` |",
            "| `summary.by_check` | counts by check code |",
            "| `summary.show` | the least severity listed in `flags` (`--show`) |",
            "| `summary.input_errors` | inputs that could not be read (notes not counted) |",
            "| `summary.hidden_by_baseline` | flags left out because the baseline records them |",
            "| `documents` | rows of documents.csv (see audit-files.md) |",
            "| `errors` | `{path, code, level, message}` for each input that could not be read"
            " (`level` `error`) and each note (`note`) |",
            "| `flags` | rows of flags.csv at or above `summary.show` (see audit-files.md) |",
            "",
        ]
    )


def checks() -> str:
    lines = [
        "# Checks",
        "",
        "Generated from the checks' own docstrings (`consistency explain CODE` prints one).",
        "",
        "| code | name | default severity | groups |",
        "|---|---|---|---|",
    ]
    catalogue = all_checks()
    for check in catalogue:
        anchor = check.code.lower()
        groups = ", ".join(check.groups)
        lines.append(
            f"| [{check.code}](#{anchor}) | `{check.name}` | {check.severity.label} | {groups} |"
        )
    lines.append("")
    for check in catalogue:
        lines += [f"## {check.code}", "", f"`{check.name}`: {check.docs}", ""]
        if check.defaults:
            options = ", ".join(f"`{k}` = {v!r}" for k, v in check.defaults.items())
            lines += [f"Options (defaults): {options}.", ""]
    return "\n".join(lines)


PAGES = {"audit-files.md": audit_files, "json-output.md": json_output, "checks.md": checks}


def main() -> int:
    DOCS.mkdir(exist_ok=True)
    for name, build in PAGES.items():
        (DOCS / name).write_text(build(), encoding="utf-8")
        print(f"wrote {DOCS / name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
