"""Stories in this process, or in worker processes (``--jobs``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from consistency.engine.tasks import Tally, in_order

if TYPE_CHECKING:
    from consistency.ingest.model import Document
    from consistency.work import Progress, Settings, StoryResult

#: Runs with fewer documents are done in this process: starting workers costs more.
POOL_MIN_DOCUMENTS: Final = 40


@dataclass(frozen=True)
class LocalEngine:
    """Stories in this process, or in ``jobs`` worker processes."""

    jobs: int = 1

    def run(
        self, stories: list[list[Document]], settings: Settings, progress: Progress
    ) -> Iterator[StoryResult]:
        from consistency.work import run_story

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
