"""The terminal report (rich): a summary, then story by story the findings with their
evidence, then the story's tables (sources, facts across sources, coverage).

Width-aware; readable without colour (rich honours ``NO_COLOR`` and piped output).
"""

from __future__ import annotations

from typing import Any, TextIO

import pandas as pd
from rich.console import Console
from rich.table import Table
from rich.text import Text

from consistency.report import sections, view
from consistency.report.base import Report
from consistency.report.neutralize import terminal_text
from consistency.report.terminal import TerminalConsole
from consistency.report.view import RunView, StoryView

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
CONTEXT_CHARS = 60


def _value(x: object) -> str:
    """A cell as text safe for the terminal (article text never reaches it raw)."""
    return "" if x is None or pd.isna(x) else terminal_text(str(x))


def excerpt(text: str, spans: list[tuple[int, int]], *, width: int = CONTEXT_CHARS) -> Text:
    """The spans in their context on one line, each marked «so» and highlighted."""
    spans = sorted(spans)
    start, end = spans[0][0], max(e for _, e in spans)
    left = text[max(0, start - width) : start].split("\n")[-1]
    right = text[end : end + width].split("\n")[0]
    out = Text(("…" if start - len(left) > 0 and left else "") + terminal_text(left))
    pos = start
    for s_start, s_end in spans:
        if s_start < pos:  # nested or overlapping: already inside a mark
            continue
        out.append(terminal_text(text[pos:s_start]))
        out.append("«" + terminal_text(text[s_start:s_end]) + "»", style="bold reverse")
        pos = s_end
    out.append(
        terminal_text(text[pos:end] + right)
        + ("…" if end + len(right) < len(text) and right else "")
    )
    return out


def _evidence_lines(report: Report, related: str, primary: tuple[str, int, int]) -> list[Text]:
    """One line per source and passage: nearby spans of one document share a line."""
    spans: dict[str, list[tuple[int, int]]] = {primary[0]: [primary[1:]]}
    facts = report.tables.get("facts")
    if facts is not None and not facts.empty:
        by_id = facts.set_index("fact_id")
        for item in related.split():
            if item in by_id.index:
                fact = by_id.loc[item]
                spans.setdefault(str(fact["doc_id"]), []).append(
                    (int(fact["char_start"]), int(fact["char_end"]))
                )
    lines = []
    for doc_id, items in spans.items():
        cluster: list[tuple[int, int]] = []
        for span in sorted(set(items)):
            if cluster and span[0] - max(e for _, e in cluster) > CONTEXT_CHARS:
                lines.append(
                    Text(f"  {_value(doc_id)}: ").append(excerpt(report.texts[doc_id], cluster))
                )
                cluster = []
            cluster.append(span)
        lines.append(Text(f"  {_value(doc_id)}: ").append(excerpt(report.texts[doc_id], cluster)))
    return lines


def _flag(console: Console, report: Report, flag: Any) -> None:
    """One finding: its check, message, the evidence of every source, why and a fix."""
    severity = str(flag.severity)
    head = Text(f"{flag.code} ", style=SEVERITY_STYLE.get(severity, ""))
    head.append(f"{severity} ", style=SEVERITY_STYLE.get(severity, ""))
    head.append(f"{flag.name}  ", style="dim")
    head.append(_value(flag.message))
    console.print(head)
    primary = (str(flag.doc_id), int(flag.char_start), int(flag.char_end))
    for line in _evidence_lines(report, _value(flag.related), primary):
        console.print(line)
    console.print(Text("  why: ", style="bold") + Text(_value(flag.explanation)))
    if _value(flag.suggestion):
        console.print(Text("  fix: ", style="bold") + Text(_value(flag.suggestion)))


def _counts(counts: dict[str, int]) -> Text:
    out = Text()
    for severity, n in counts.items():
        if n:
            word = severity if n == 1 or severity == "info" else f"{severity}s"
            out.append(f"{n} {word}", style=SEVERITY_STYLE[severity])
            out.append(", ")
    return out[:-2] if out.plain else Text("no findings", style="green")


def _summary(console: Console, report: Report, run: RunView) -> None:
    """Stories, sources, facts, findings by severity and by check."""
    n_stories, n_docs = len(run.stories), run.n_documents
    line = Text(f"consistency {report.command}: ", style="bold")
    line.append(f"{n_stories} stor{'y' if n_stories == 1 else 'ies'}, {n_docs} source(s), ")
    line.append(f"{len(run.facts)} facts")
    if report.command == "check":
        line.append(" — ").append(_counts(run.counts))
    console.print(line)
    if run.by_check:
        checks = Text("by check: ", style="dim")
        for n, item in enumerate(run.by_check):
            checks.append(("  " if n else "") + f"{item.code} {item.count}",
                          style=SEVERITY_STYLE.get(item.severity, ""))  # fmt: skip
        console.print(checks)
    if run.hidden_by_show:
        console.print(Text(f"{run.hidden_by_show} finding(s) below --show {report.show}", "dim"))
    if report.hidden_by_baseline:
        console.print(Text(f"{report.hidden_by_baseline} flag(s) hidden by the baseline", "dim"))
    for problem in report.problems:
        word, style = ("input error", "bold red") if problem.is_error else ("note", "dim")
        console.print(
            Text(f"{word} {_value(problem.code)} ", style=style)
            + Text(f"{_value(problem.path)}: {_value(problem.message)}")
        )


def _story_head(console: Console, story: StoryView, report: Report) -> None:
    title = Text(f"{_value(story.label)} · {len(story.documents)} source(s)", style="bold")
    if report.command == "check":
        title.append(" · ").append(_counts(story.counts))
    console.rule(title, align="left")


def _story(console: Console, report: Report, run: RunView, story: StoryView) -> None:
    """A story's findings first, then its tables."""
    _story_head(console, story, report)
    for flag in story.flags.itertuples(index=False):
        _flag(console, report, flag)
    if not story.between_sources.empty:
        console.print(Text("Between the sources (not about the draft):", style="bold"))
        for flag in story.between_sources.itertuples(index=False):
            _flag(console, report, flag)
    for section in (
        sections.support(story),
        sections.sources(story),
        sections.fact_matrix(story, run.facts),
        sections.coverage(story),
    ):
        if section is not None:
            console.print(section)


def _statistics(console: Console, run: RunView) -> None:
    """Counts by check (``--statistics``), most severe first."""
    table = Table(title=Text("Findings by check"), title_justify="left", box=None)
    for column, justify in (("count", "right"), ("code", "left"), ("name", "left"),
                            ("severity", "left")):  # fmt: skip
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for item in run.by_check:
        style = SEVERITY_STYLE.get(item.severity, "")
        table.add_row(str(item.count), Text(item.code, style), item.name, item.severity)
    table.add_row(str(sum(run.counts.values())), "total", "", "")
    console.print(table)


def render(report: Report, stream: TextIO) -> None:
    """The terminal report: a summary, then each story's findings and tables."""
    console = TerminalConsole(file=stream, highlight=False, soft_wrap=False)
    run = view.build(report)
    if report.statistics:
        _statistics(console, run)
        return
    if report.quiet:
        for story in run.stories:
            shown = pd.concat([story.flags, story.between_sources])
            if not shown.empty:
                _story_head(console, story, report)
                for flag in shown.itertuples(index=False):
                    _flag(console, report, flag)
        return
    _summary(console, report, run)
    for story in run.stories:
        _story(console, report, run, story)
    if report.command == "check" and not sum(run.counts.values()) and run.n_documents:
        console.print(Text("No flags.", style="green"))
    if report.out_dir is not None:
        console.print(Text(f"Audit files: {_value(report.out_dir)}", style="dim"))
