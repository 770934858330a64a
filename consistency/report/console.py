"""The terminal report (rich): summary, sources and anchors, flags with their evidence.

Width-aware; readable without colour (rich honours ``NO_COLOR`` and piped output).
"""

from __future__ import annotations

from typing import TextIO

import pandas as pd
from rich.table import Table
from rich.text import Text

from consistency.report import sections
from consistency.report.base import Report
from consistency.report.neutralize import terminal_text
from consistency.report.terminal import TerminalConsole

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


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sources(report: Report) -> Table:
    table = Table(title=Text("Sources"), title_justify="left", expand=False)
    table.add_column("doc", overflow="fold")
    table.add_column("anchor", no_wrap=True)
    table.add_column("from", overflow="fold", ratio=1)
    table.add_column("sent.", justify="right")
    table.add_column("dropped", justify="right")
    for row in report.tables["documents"].itertuples(index=False):
        source = _value(row.source)
        doc_id = _value(row.doc_id)
        cells = (
            doc_id + (f" ({source})" if source and source != doc_id else ""),
            _value(row.anchor_date) or "—",
            _value(row.anchor_basis)
            + (f": {_short(_value(row.anchor_evidence))}" if _value(row.anchor_evidence) else ""),
            _value(row.n_sentences),
            _value(row.n_dropped_lines),
        )
        table.add_row(*(Text(cell) for cell in cells))
    return table


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


def render(report: Report, stream: TextIO) -> None:
    console = TerminalConsole(file=stream, highlight=False, soft_wrap=False)
    documents = report.tables["documents"]
    counts = report.severity_counts()
    n_facts = len(report.tables.get("facts", ()))
    summary = Text(f"consistency {report.command}: ", style="bold")
    summary.append(f"{len(documents)} source(s), {n_facts} facts")
    if report.command == "check":
        summary.append(" — ")
        for severity, n in counts.items():
            summary.append(f"{n} {severity}  ", style=SEVERITY_STYLE[severity] if n else "")
    console.print(summary)
    if report.hidden_by_baseline:
        console.print(Text(f"{report.hidden_by_baseline} flag(s) hidden by the baseline", "dim"))
    if len(documents):
        console.print(_sources(report))
    for section in (
        sections.support(report),
        sections.fact_matrix(report),
        sections.coverage(report),
    ):
        if section is not None:
            console.print(section)
    for problem in report.problems:
        word, style = ("input error", "bold red") if problem.is_error else ("note", "dim")
        console.print(
            Text(f"{word} {_value(problem.code)} ", style=style)
            + Text(f"{_value(problem.path)}: {_value(problem.message)}")
        )
    flags = report.flags
    for severity in ("error", "warning", "info"):
        group = flags[flags["severity"] == severity] if not flags.empty else flags
        if group.empty:
            continue
        console.rule(Text(f"{severity}s ({len(group)})", style=SEVERITY_STYLE[severity]))
        for flag in group.itertuples(index=False):
            head = Text(f"{flag.code} ", style=SEVERITY_STYLE[severity])
            head.append(f"{flag.name}  ", style="dim")
            head.append(_value(flag.message))
            console.print(head)
            primary = (str(flag.doc_id), int(flag.char_start), int(flag.char_end))
            for line in _evidence_lines(report, _value(flag.related), primary):
                console.print(line)
            console.print(Text("  why: ", style="bold") + Text(_value(flag.explanation)))
            if _value(flag.suggestion):
                console.print(Text("  fix: ", style="bold") + Text(_value(flag.suggestion)))
    if report.command == "check" and flags.empty and len(documents):
        console.print(Text("No flags.", style="green"))
    if report.out_dir is not None:
        console.print(Text(f"Audit files: {_value(report.out_dir)}", style="dim"))
