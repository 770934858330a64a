"""The progress display, started before anything slow is imported.

This module imports nothing of the project, and only rich; :mod:`consistency.launch`
starts the display here at once, and :mod:`consistency.report.progress` carries on
with it.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress

#: The label of the line shown until the first stage reports.
STARTING = "starting"

_started: Progress | None = None


def display() -> Progress:
    """The progress display: a line per stage, on standard error, gone when done."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    columns = (
        SpinnerColumn(),
        TextColumn("{task.description:<30}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    return Progress(*columns, console=Console(stderr=True), transient=True)


def start_display() -> None:
    """Show the display now, with a 'starting' line."""
    global _started
    if _started is None and sys.stderr.isatty():
        _started = display()
        _started.start()
        _started.add_task(STARTING, total=None)


def take_display() -> Progress | None:
    """The display started here, if any (handed over once)."""
    global _started
    started, _started = _started, None
    return started
