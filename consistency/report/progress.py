"""Progress on long runs, on standard error, only when it is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from consistency.pipeline import Progress as ProgressCallback

#: Runs with fewer documents than this finish too fast to need a bar.
MIN_DOCUMENTS = 20


@contextmanager
def progress_bar(*, enabled: bool | None = None) -> Iterator[ProgressCallback]:
    """A progress callback for the pipeline; a no-op when stderr is not a terminal."""
    show = sys.stderr.isatty() if enabled is None else enabled
    if not show:
        yield lambda stage, done, total: None
        return
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage == "parse" and total < MIN_DOCUMENTS:
                return
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update
