"""Progress on long runs, on standard error, only when it is a terminal.

One line per stage, with counts that move as the work does: files read, articles
grouped into stories, articles parsed (or read from the cache), stories joined and
checked. The command's entry point (:mod:`consistency.launch`) starts the display
before the slow imports, so a terminal sees it within half a second; the run then
carries on with that display.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Final

from consistency.live import STARTING, display, take_display

ProgressCallback = Callable[[str, int, int], None]

#: What each stage of the pipeline is called on screen.
LABELS: Final = {
    "read": "reading files",
    "group": "grouping into stories",
    "parse": "analysing articles",
    "stories": "joining and checking stories",
}


@contextmanager
def progress_bar(*, enabled: bool | None = None) -> Iterator[ProgressCallback]:
    """A progress callback for the pipeline; a no-op when stderr is not a terminal."""
    show = sys.stderr.isatty() if enabled is None else enabled
    early = take_display()
    if not show:
        if early is not None:
            early.stop()
        yield lambda stage, done, total: None
        return
    bar = early or display()
    with bar:
        tasks: dict[str, int] = {}
        starting = [t.id for t in bar.tasks if t.description == STARTING]

        def update(stage: str, done: int, total: int) -> None:
            while starting:
                bar.remove_task(starting.pop())
            if stage not in tasks:
                tasks[stage] = bar.add_task(LABELS.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update
