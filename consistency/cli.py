"""Command line: arguments → pipeline → audit files → reporter → exit status.

The CLI only wires; reporters format, the pipeline computes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from consistency import __version__, pipeline
from consistency.checks.base import Severity
from consistency.exitcodes import ExitCode
from consistency.report import REPORTERS, Report, reporter
from consistency.report.audit import CHECK_TABLES, EXTRACT_TABLES, new_run_dir, write_audit
from consistency.report.progress import progress_bar

DEFAULT_REPORTS = Path("reports")
FAIL_ON_CHOICES = ("error", "warning", "info", "never")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE_OR_INPUT, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="consistency",
        description="Cross-source factual consistency checker for news articles.",
    )
    parser.add_argument("--version", action="version", version=f"consistency {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="extract, join across sources and flag")
    check.add_argument("paths", nargs="+", metavar="PATH", help="article files or directories")
    check.add_argument("--out", type=Path, help="write audit files to exactly this directory")
    check.add_argument("--format", default="rich", choices=sorted(REPORTERS))
    check.add_argument(
        "--fail-on",
        default="error",
        choices=FAIL_ON_CHOICES,
        help="exit 1 when a flag at or above this severity is found (default: error)",
    )

    extract = commands.add_parser("extract", help="write documents, sentences, facts, dropped")
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument("--out", type=Path, help="write audit files to exactly this directory")
    extract.add_argument("--format", default="rich", choices=sorted(REPORTERS))
    return parser


def exit_status(report: Report) -> ExitCode:
    if report.problems:
        return ExitCode.USAGE_OR_INPUT
    if report.fail_on in (None, "never") or report.flags.empty:
        return ExitCode.OK
    threshold = Severity.parse(report.fail_on)
    worst = max(Severity.parse(s) for s in report.flags["severity"])
    return ExitCode.FLAGS if worst >= threshold else ExitCode.OK


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    out: Path = args.out or new_run_dir(DEFAULT_REPORTS)
    with progress_bar() as progress:
        if args.command == "check":
            run = pipeline.check(args.paths, progress=progress)
            names = CHECK_TABLES
        else:
            run = pipeline.extract(args.paths, progress=progress)
            names = EXTRACT_TABLES
    try:
        write_audit(out, {name: run.tables[name] for name in names})
    except OSError as exc:
        print(f"consistency: cannot write audit files to {out}: {exc}", file=sys.stderr)
        return ExitCode.USAGE_OR_INPUT
    report = Report(
        command=args.command,
        tables=run.tables,
        texts={p.doc_id: p.text for p in run.parsed},
        problems=run.problems,
        out_dir=out,
        fail_on=getattr(args, "fail_on", None),
    )
    try:
        reporter(args.format)(report, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (e.g. piped into `head`); the audit files are written.
        sys.stdout = None  # type: ignore[assignment]
    return exit_status(report)
