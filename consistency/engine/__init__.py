"""Engines run the stories of a run, each with :func:`consistency.work.run_story`.

- :class:`LocalEngine`: in this process, or in ``jobs`` worker processes when the run
  is large enough for them to pay off; a story of more than
  :data:`~consistency.engine.tasks.CHUNK` documents
  has its document stage split over the workers, then is finished here.
- :class:`~consistency.engine.cluster.DaskEngine`: stories as tasks on a Dask
  cluster (a ``LocalCluster`` unless a scheduler address is given).

Every engine yields the stories' results in story order, and the work of a story
never depends on where it ran, so the run's tables and audit files are the same
whichever engine ran them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Final, Protocol

from consistency.engine.local import LocalEngine

if TYPE_CHECKING:
    from consistency.ingest.model import Document
    from consistency.work import Progress, Settings, StoryResult

__all__ = ["ENGINES", "Engine", "LocalEngine", "available_cpus", "make_engine"]

ENGINES: Final = ("local", "dask")


class Engine(Protocol):
    def run(
        self, stories: list[list[Document]], settings: Settings, progress: Progress
    ) -> Iterator[StoryResult]: ...


def available_cpus() -> int:
    """Cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def make_engine(
    name: str = "local", *, jobs: int | None = None, scheduler: str | None = None
) -> Engine:
    """The engine a command line asks for."""
    workers = jobs if jobs is not None else available_cpus()
    if name == "dask":
        from consistency.engine.cluster import DaskEngine

        return DaskEngine(scheduler=scheduler, workers=workers)
    if name != "local":
        raise ValueError(f"unknown engine {name!r}; use " + ", ".join(ENGINES))
    if scheduler is not None:
        raise ValueError("--scheduler needs --engine dask")
    return LocalEngine(jobs=workers)
