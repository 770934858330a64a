"""Engines run the stories of a run, each with :func:`consistency.pipeline.run_story`.

- :class:`LocalEngine`: in this process, or in ``jobs`` worker processes when the run
  is large enough for them to pay off; a story of more than :data:`CHUNK` documents
  has its document stage split over the workers, then is finished here.
- :class:`~consistency.engine.cluster.DaskEngine`: stories as tasks on a Dask
  cluster (a ``LocalCluster`` unless a scheduler address is given).

Every engine yields the stories' results in story order, and the work of a story
never depends on where it ran, so the run's tables and audit files are the same
whichever engine ran them.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Protocol

if TYPE_CHECKING:
    from consistency.ingest.model import Document
    from consistency.pipeline import Analysed, Progress, Settings, StoryResult

ENGINES: Final = ("local", "dask")
#: Runs with fewer documents are done in this process: starting workers costs more.
POOL_MIN_DOCUMENTS: Final = 40
#: Stories larger than this have their document stage split into pieces this size.
CHUNK: Final = 32


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


class Tally:
    """Run-wide progress from story-local events: documents parsed, stories finished."""

    def __init__(self, stories: Sequence[Sequence[Document]], progress: Progress) -> None:
        self.progress = progress
        self.documents = sum(len(s) for s in stories)
        self.stories = len(stories)
        self.parsed = 0
        self.finished = 0
        progress("parse", 0, self.documents)
        progress("stories", 0, self.stories)

    def within(self) -> Progress:
        """A callback for one story's document stage run here."""
        base = self.parsed

        def update(stage: str, done: int, total: int) -> None:
            self.progress("parse", base + done, self.documents)

        return update

    def parsed_some(self, n: int) -> None:
        self.parsed += n
        self.progress("parse", self.parsed, self.documents)

    def finished_one(self) -> None:
        self.finished += 1
        self.progress("stories", self.finished, self.stories)


@dataclass(frozen=True)
class LocalEngine:
    """Stories in this process, or in ``jobs`` worker processes."""

    jobs: int = 1

    def run(
        self, stories: list[list[Document]], settings: Settings, progress: Progress
    ) -> Iterator[StoryResult]:
        from consistency.pipeline import run_story

        tally = Tally(stories, progress)
        if self.jobs <= 1 or tally.documents < POOL_MIN_DOCUMENTS:
            for story in stories:
                result = run_story(story, settings, progress=tally.within())
                tally.parsed_some(len(story))
                tally.finished_one()
                yield result
            return
        yield from self._pooled(stories, settings, tally)

    def _pooled(
        self, stories: list[list[Document]], settings: Settings, tally: Tally
    ) -> Iterator[StoryResult]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork where there is one: workers start at once and need no main-module guard;
        # they never touch the parent's progress display.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with ProcessPoolExecutor(max_workers=self.jobs, mp_context=context) as pool:
            yield from in_order(stories, settings, tally, pool.submit, window=2 * self.jobs)


Submit = Callable[..., "Future[Any]"]


def units(stories: Sequence[Sequence[Document]]) -> Iterator[tuple[int, bool, list[Document]]]:
    """(story, whole?, documents): a whole small story, or a piece of a large one."""
    for n, story in enumerate(stories):
        if len(story) <= CHUNK:
            yield n, True, list(story)
        else:
            for start in range(0, len(story), CHUNK):
                yield n, False, list(story[start : start + CHUNK])


def in_order(
    stories: Sequence[Sequence[Document]],
    settings: Settings,
    tally: Tally,
    submit: Submit,
    *,
    window: int,
) -> Iterator[StoryResult]:
    """Submit units a window ahead; yield each story's result in story order.

    A whole story comes back finished; the pieces of a large one come back analysed
    and the story is finished here.
    """
    from consistency.pipeline import analyse, finish_story, run_story

    todo = units(stories)
    pending: deque[tuple[int, bool, Future[Any]]] = deque()

    def top_up() -> None:
        while len(pending) < max(1, window):
            unit = next(todo, None)
            if unit is None:
                return
            story, whole, documents = unit
            future = submit(run_story if whole else analyse, documents, settings)
            future.add_done_callback(_counted(tally, len(documents)))
            pending.append((story, whole, future))

    for n in range(len(stories)):
        analysed: list[Analysed] = []
        result: StoryResult | None = None
        while result is None:
            top_up()
            story, whole, future = pending.popleft()
            assert story == n, "units come back in story order"
            if whole:
                result = future.result()
            else:
                analysed.extend(future.result())
                if not pending or pending[0][0] != n:
                    top_up()
                if not pending or pending[0][0] != n:
                    result = finish_story(analysed, settings)
        tally.finished_one()
        yield result


def _counted(tally: Tally, n: int) -> Callable[[Any], None]:
    return lambda _: tally.parsed_some(n)


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
