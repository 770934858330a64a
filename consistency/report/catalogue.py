"""Rendering the catalogue of checks: ``consistency checks`` and ``consistency explain``."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TextIO

from rich import box
from rich.table import Table
from rich.text import Text

from consistency.checks import ConfiguredCheck
from consistency.report.terminal import TerminalConsole


def render_checks(
    checks: Iterable[ConfiguredCheck], stream: TextIO, *, selected: Collection[str] | None = None
) -> None:
    """The catalogue; checks not in ``selected`` (codes) show "off" as their severity."""
    table = Table(title="Checks", title_justify="left", box=box.SIMPLE_HEAD)
    for column in ("code", "name", "severity"):
        table.add_column(column, no_wrap=True)
    table.add_column("description", ratio=1)
    for item in checks:
        check = item.check
        name = Text(check.name)
        name.append("\n" + ", ".join(check.groups), style="dim")  # under the name: select by it
        description = check.description + (" (opt-in: select it by code)" if check.opt_in else "")
        on = selected is None or check.code in selected
        severity = Text(item.severity.label if on else "off", style="" if on else "dim")
        table.add_row(check.code, name, severity, description)
    TerminalConsole(file=stream, highlight=False).print(table)


def render_explain(item: ConfiguredCheck, stream: TextIO) -> None:
    check = item.check
    console = TerminalConsole(file=stream, highlight=False)
    console.print(Text(f"{check.code} {check.name}", style="bold"))
    console.print(f"severity: {item.severity.label} (default {check.severity.label})")
    console.print(f"groups: {', '.join(check.groups) or '-'}")
    if check.opt_in:
        console.print(f"opt-in: runs only when selected (--select {check.code})")
    if item.options:
        console.print("options: " + ", ".join(f"{k} = {v!r}" for k, v in item.options.items()))
    console.print()
    console.print(Text(check.docs))
