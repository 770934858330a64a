"""Command line: arguments → config → pipeline → audit files → reporter → exit status.

The CLI only wires; reporters format, the pipeline computes.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from consistency import __version__, pipeline
from consistency.baseline import BaselineError, apply_baseline, load_baseline, write_baseline
from consistency.checks import ConfiguredCheck
from consistency.checks.base import Severity
from consistency.checks.registry import all_checks
from consistency.config import (
    FAIL_ON,
    Config,
    ConfigError,
    catalogue,
    configured_checks,
    find_config,
    load_config,
    matching,
)
from consistency.exitcodes import ExitCode
from consistency.guard import guarded, say, silence_stdout
from consistency.ingest import Limits
from consistency.report import REPORTERS, Report, reporter
from consistency.report.audit import CHECK_TABLES, EXTRACT_TABLES, new_run_dir, write_audit
from consistency.report.catalogue import render_checks, render_explain
from consistency.report.progress import progress_bar
from consistency.report.rundir import OutputError, check_target

DEFAULT_REPORTS = Path("reports")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE_OR_INPUT, f"{self.prog}: error: {message}\n")


def _directory(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty: name a directory, e.g. --out reports/today")
    return Path(text)


def _file(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("is empty: name a file")
    return Path(text)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="article files or directories")
    parser.add_argument(
        "--out", type=_directory, help="write audit files to exactly this directory"
    )
    parser.add_argument("--format", choices=sorted(REPORTERS), help="report format (default rich)")
    parser.add_argument("--config", type=Path, help="configuration file (default: nearest)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="consistency",
        description="Cross-source factual consistency checker for news articles.",
    )
    parser.add_argument("--version", action="version", version=f"consistency {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="extract, join across sources and flag")
    _common(check)
    check.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        help="exit 1 when a flag at or above this severity is found (default: error)",
    )
    check.add_argument(
        "--against",
        nargs="+",
        metavar="SOURCE",
        help="draft mode: check the PATHs as drafts against these sources",
    )
    check.add_argument("--select", action="append", default=[], metavar="CODE|GROUP")
    check.add_argument("--ignore", action="append", default=[], metavar="CODE|GROUP")
    check.add_argument("--baseline", type=Path, help="hide the flags recorded in this file")
    check.add_argument("--write-baseline", type=_file, help="record this run's flags here")

    extract = commands.add_parser("extract", help="write documents, sentences, facts, dropped")
    _common(extract)

    listing = commands.add_parser("checks", help="list the catalogue of checks")
    listing.add_argument("--config", type=Path)
    explain = commands.add_parser("explain", help="print a check's documentation")
    explain.add_argument("code", help="check code or dotted name, e.g. T001")
    explain.add_argument("--config", type=Path)
    return parser


def exit_status(report: Report) -> ExitCode:
    if any(p.is_error for p in report.problems):
        return ExitCode.USAGE_OR_INPUT
    if report.fail_on in (None, "never") or report.flags.empty:
        return ExitCode.OK
    threshold = Severity.parse(report.fail_on)
    worst = max(Severity.parse(s) for s in report.flags["severity"])
    return ExitCode.FLAGS if worst >= threshold else ExitCode.OK


def resolve_config(args: argparse.Namespace) -> Config:
    config = load_config(args.config or find_config(Path.cwd()))
    overrides: dict[str, object] = {}
    if getattr(args, "select", None):
        overrides["select"] = tuple(args.select)
    if getattr(args, "ignore", None):
        overrides["ignore"] = config.ignore + tuple(args.ignore)
    if getattr(args, "fail_on", None):
        overrides["fail_on"] = args.fail_on
    if getattr(args, "format", None):
        overrides["format"] = args.format
    config = replace(config, **overrides)  # type: ignore[arg-type]
    for selector in (*config.select, *config.ignore):
        if not matching(selector, all_checks()):
            raise ConfigError(f"--select/--ignore {selector!r} matches no check")
    if config.format not in REPORTERS:
        raise ConfigError(f"{config.origin}: unknown format {config.format!r}")
    return config


def _fail(message: str) -> int:
    say(message)
    return ExitCode.USAGE_OR_INPUT


def main(argv: Sequence[str] | None = None) -> int:
    """The command line; never a traceback (see :mod:`consistency.guard`)."""
    return guarded(lambda: _main(argv))


def output_names(args: argparse.Namespace) -> list[str]:
    """The files a run writes into its output directory."""
    if args.command == "check":
        tables = CHECK_TABLES + (("support",) if args.against else ())
        return [*(f"{name}.csv" for name in tables), "report.html"]
    return [f"{name}.csv" for name in EXTRACT_TABLES]


def check_outputs(args: argparse.Namespace) -> None:
    """Refuse, before any work, outputs that could not be written without harm."""
    if args.out is not None:
        check_target(args.out, output_names(args))
    target = getattr(args, "write_baseline", None)
    if target is not None and target.is_dir():
        raise OutputError(f"--write-baseline {str(target)!r} must name a file, not a directory")


def _main(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        config = resolve_config(args)
        known = load_baseline(args.baseline) if getattr(args, "baseline", None) else None
        if args.command in ("check", "extract"):
            check_outputs(args)
    except (ConfigError, BaselineError, OutputError) as exc:
        return _fail(str(exc))
    checks = configured_checks(config)
    if args.command == "checks":
        render_checks(catalogue(config), sys.stdout, selected={c.check.code for c in checks})
        return ExitCode.OK
    if args.command == "explain":
        found = [
            c
            for c in catalogue(config)
            if args.code.upper() == c.check.code or args.code == c.check.name
        ]
        if not found:
            return _fail(f"unknown check {args.code!r}; see 'consistency checks'")
        render_explain(found[0], sys.stdout)
        return ExitCode.OK
    return run(args, config, checks, known)


def run(
    args: argparse.Namespace,
    config: Config,
    checks: tuple[ConfiguredCheck, ...],
    known: frozenset[str] | None,
) -> int:
    out: Path = args.out or new_run_dir(DEFAULT_REPORTS)
    limits = Limits(max_file_bytes=config.max_file_bytes)
    hidden = 0
    with progress_bar() as progress:
        if args.command == "check":
            result = pipeline.check(
                args.paths, against=args.against, checks=checks, progress=progress, limits=limits
            )
            names = CHECK_TABLES + (("support",) if args.against else ())
            recorded = result.flags
            if known is not None:
                result.tables["flags"], hidden = apply_baseline(result.flags, known)
        else:
            result = pipeline.extract(args.paths, progress=progress, limits=limits)
            names = EXTRACT_TABLES
    report = Report(
        command=args.command,
        tables=result.tables,
        texts={p.doc_id: p.text for p in result.parsed},
        problems=result.problems,
        out_dir=out,
        fail_on=config.fail_on if args.command == "check" else None,
        hidden_by_baseline=hidden,
    )
    for problem in result.problems:
        say(str(problem) if problem.is_error else f"note: {problem}")
    extra: dict[str, str] = {}
    if args.command == "check":
        page = io.StringIO()
        REPORTERS["html"](report, page)
        extra["report.html"] = page.getvalue()
    try:
        write_audit(out, {name: result.tables[name] for name in names}, extra)
    except OSError as exc:
        return _fail(f"cannot write audit files to {out}: {exc.strerror or exc}")
    status = exit_status(report)
    if args.command == "check" and args.write_baseline:
        try:
            write_baseline(args.write_baseline, recorded)
        except OSError as exc:
            status = ExitCode.USAGE_OR_INPUT
            say(f"cannot write the baseline {args.write_baseline}: {exc.strerror or exc}")
    try:
        reporter(config.format)(report, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (e.g. piped into `head`); the audit files are written.
        silence_stdout()
    return status
