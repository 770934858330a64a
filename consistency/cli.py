"""Command line: arguments → config → pipeline → audit files → reporter → exit status.

The CLI only wires; reporters format, the pipeline computes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from consistency import __version__, pipeline
from consistency.baseline import BaselineError, apply_baseline, load_baseline, write_baseline
from consistency.cache import Cache, default_root
from consistency.checks import ConfiguredCheck
from consistency.checks.base import Severity
from consistency.config import (
    FAIL_ON,
    Config,
    ConfigError,
    catalogue,
    configured_checks,
    find_config,
    load_config,
    overridden,
)
from consistency.engine import ENGINES, make_engine
from consistency.exitcodes import ExitCode
from consistency.guard import guarded, say, silence_stdout
from consistency.ingest import Limits
from consistency.ingest.model import STDIN, Stdin
from consistency.report import REPORTERS, Report, html_site, reporter
from consistency.report.audit import CHECK_TABLES, EXTRACT_TABLES, new_run_dir, write_audit
from consistency.report.catalogue import render_checks, render_explain
from consistency.report.progress import progress_bar
from consistency.report.rundir import OutputError, check_target
from consistency.report.view import verdict_flags
from consistency.stories import STORY_BY

DEFAULT_REPORTS = Path("reports")
EXAMPLES = """\
examples:
  consistency check stories/                       every story under stories/
  consistency check a.md b.html --show warning     warnings and errors only
  consistency check stories/ --select N,Q002 --ignore N003
  consistency check stories/ --statistics          counts by check
  consistency check draft.md --against wire/ rival.html
  cat copy.txt | consistency check - wire.md --stdin-filename copy.txt
  consistency checks                               the catalogue of checks
  consistency explain N001                         what a check looks for, and its options
"""


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


def _selectors(value: str) -> list[str]:
    """A comma list of selectors: "N004,Q002" or "N004"."""
    return [item.strip() for item in value.split(",") if item.strip()]


def _common(parser: argparse.ArgumentParser, *, paths: str = "+") -> None:
    parser.add_argument(
        "paths", nargs=paths, metavar="PATH", help="article files or directories; - reads stdin"
    )
    parser.add_argument(
        "--out", type=_directory, help="write audit files to exactly this directory"
    )
    parser.add_argument("--format", choices=sorted(REPORTERS), help="report format (default rich)")
    parser.add_argument("--config", type=Path, help="configuration file (default: nearest)")
    parser.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the file name standard input (-) stands for: its format and document id",
    )
    parser.add_argument(
        "--show",
        choices=("error", "warning", "info"),
        help="the least severity the report shows (default info); audit files keep all",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print the findings only")
    _scale_options(parser)


def _scale_options(parser: argparse.ArgumentParser) -> None:
    """Stories, the parse cache, and where the work runs."""
    parser.add_argument(
        "--story-by",
        choices=STORY_BY,
        default="auto",
        help="stories from metadata, grouped automatically where none is given (auto, "
        "the default), from metadata only, or one story for the whole run",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help=f"neither read nor fill the parse cache ({_where()})",
    )
    parser.add_argument(
        "--jobs", type=int, metavar="N", help="worker processes (default: the available cores)"
    )
    parser.add_argument(
        "--engine", choices=ENGINES, default="local", help="run stories here or on a Dask cluster"
    )
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler (default: a local cluster)"
    )


def _where() -> str:
    return str(default_root()).replace(str(Path.home()), "~", 1)


def _scale(args: argparse.Namespace) -> dict[str, Any]:
    """The pipeline's story grouping, cache and engine, as the command line asks."""
    return {
        "story_by": args.story_by,
        "cache": None if args.no_cache else Cache.default(),
        "engine": make_engine(args.engine, jobs=args.jobs, scheduler=args.scheduler),
    }


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="consistency",
        description="Cross-source factual consistency checker for news articles.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"consistency {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser(
        "check",
        help="extract, join across sources and flag",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _common(check, paths="*")
    check.add_argument(
        "--fail-on",
        choices=FAIL_ON,
        help="exit 1 when a flag at or above this severity is found (default: error)",
    )
    check.add_argument(
        "--against",
        nargs="+",
        action="extend",
        metavar="SOURCE",
        help="draft mode: check the PATHs as drafts against these sources "
        "(written before the drafts, the last path is the draft)",
    )
    for option, what in (("--select", "run only these"), ("--ignore", "leave out these")):
        check.add_argument(
            option,
            action="extend",
            type=_selectors,
            default=[],
            metavar="CODE,...",
            help=f"{what} checks: codes, code prefixes, groups or dotted names; "
            "comma lists, repeatable",
        )
    check.add_argument(
        "--statistics", action="store_true", help="print counts of findings by check"
    )
    check.add_argument("--baseline", type=Path, help="hide the flags recorded in this file")
    check.add_argument("--write-baseline", type=_file, help="record this run's flags here")

    extract = commands.add_parser("extract", help="write documents, sentences, facts, dropped")
    _common(extract)

    listing = commands.add_parser(
        "checks", help="list the catalogue of checks (then: consistency explain CODE)"
    )
    listing.add_argument("--config", type=Path)
    explain = commands.add_parser("explain", help="print a check's documentation")
    explain.add_argument("code", help="check code or dotted name, e.g. T001")
    explain.add_argument("--config", type=Path)
    return parser


def exit_status(report: Report) -> ExitCode:
    """2 for an unreadable input, 1 for a flag at or above ``fail_on``, else 0; in draft
    mode only the flags about a draft count, not those between its sources."""
    if any(p.is_error for p in report.problems):
        return ExitCode.USAGE_OR_INPUT
    flags = verdict_flags(report)
    if report.fail_on in (None, "never") or flags.empty:
        return ExitCode.OK
    threshold = Severity.parse(report.fail_on)
    worst = max(Severity.parse(s) for s in flags["severity"])
    return ExitCode.FLAGS if worst >= threshold else ExitCode.OK


def resolve_config(args: argparse.Namespace) -> Config:
    config = load_config(args.config or find_config(Path.cwd()))
    overrides: dict[str, object] = {}
    if getattr(args, "fail_on", None):
        overrides["fail_on"] = args.fail_on
    if getattr(args, "show", None):
        overrides["show"] = args.show
    if getattr(args, "format", None):
        overrides["format"] = args.format
    config = replace(config, **overrides)  # type: ignore[arg-type]
    config = overridden(
        config, select=getattr(args, "select", None), ignore=getattr(args, "ignore", None)
    )
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
    page = ["report.html"] if args.format == "html" else []
    return [*(f"{name}.csv" for name in EXTRACT_TABLES), *page]


def check_outputs(args: argparse.Namespace) -> None:
    """Refuse, before any work, outputs that could not be written without harm."""
    if args.out is not None:
        check_target(args.out, output_names(args))
    target = getattr(args, "write_baseline", None)
    if target is not None and target.is_dir():
        raise OutputError(f"--write-baseline {str(target)!r} must name a file, not a directory")


def _draft_order(args: argparse.Namespace) -> str | None:
    """``check --against A B draft.md``: the sources' list took every path, so the last
    one is the draft. Returns an error when there is no PATH at all."""
    if args.command != "check" or args.paths:
        return None
    if args.against and len(args.against) > 1:
        args.paths = [args.against.pop()]
        return None
    return "the following arguments are required: PATH"


def _stdin(args: argparse.Namespace) -> Stdin | None:
    """Standard input, read once, when a path is ``-``."""
    paths = [*args.paths, *(getattr(args, "against", None) or [])]
    if STDIN not in paths:
        return None
    return Stdin(sys.stdin.buffer.read(), args.stdin_filename or "stdin.txt")


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in ("check", "extract") and (problem := _draft_order(args)):
        parser.error(problem)
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
    stdin = _stdin(args)
    try:
        scale = _scale(args)
    except ValueError as exc:
        return _fail(str(exc))
    with progress_bar() as progress:
        if args.command == "check":
            result = pipeline.check(
                args.paths,
                against=args.against,
                checks=checks,
                progress=progress,
                limits=limits,
                stdin=stdin,
                **scale,
            )
            names = CHECK_TABLES + (("support",) if args.against else ())
            recorded = result.flags
            if known is not None:
                result.tables["flags"], hidden = apply_baseline(result.flags, known)
        else:
            result = pipeline.extract(
                args.paths, progress=progress, limits=limits, stdin=stdin, **scale
            )
            names = EXTRACT_TABLES
    report = Report(
        command=args.command,
        tables=result.tables,
        texts=result.texts,
        problems=result.problems,
        out_dir=out,
        fail_on=config.fail_on if args.command == "check" else None,
        hidden_by_baseline=hidden,
        show=config.show,
        quiet=args.quiet,
        statistics=getattr(args, "statistics", False),
    )
    for problem in result.problems:
        say(str(problem) if problem.is_error else f"note: {problem}")
    pages = html_site.pages(report) if args.command == "check" or config.format == "html" else {}
    try:
        write_audit(out, {name: result.tables[name] for name in names}, pages)
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
