"""Stories as tasks on a Dask cluster: ``--engine dask [--scheduler ADDRESS]``.

Without an address a ``LocalCluster`` of worker processes (one thread each) is
started for the run and closed after it. Each story is one task running
:func:`consistency.work.run_story` in a worker; a window of tasks is kept in
flight and results come back in story order, so the audit files are byte for
byte those of the local engine. Workers of a remote cluster need the project
installed, and use their own parse cache (the same path on their machine).

Dask is an optional dependency: ``pip install 'consistency[dask]'``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from consistency.engine.tasks import Tally, in_order

if TYPE_CHECKING:
    from consistency.ingest.model import Document
    from consistency.work import Progress, Settings, StoryResult


class DaskMissing(RuntimeError):
    """--engine dask without Dask installed."""


@dataclass(frozen=True)
class DaskEngine:
    scheduler: str | None = None
    workers: int = 2

    def run(
        self, stories: list[list[Document]], settings: Settings, progress: Progress
    ) -> Iterator[StoryResult]:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise DaskMissing("--engine dask needs Dask: pip install 'consistency[dask]'") from exc
        tally = Tally(stories, progress)
        cluster = None
        if self.scheduler is None:
            cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
        client = Client(cluster if cluster is not None else self.scheduler)
        try:

            def submit(function: Any, *args: Any, **kwargs: Any) -> Any:
                return client.submit(function, *args, **kwargs, pure=False)

            window = 2 * max(1, sum(client.nthreads().values()))
            yield from in_order(stories, settings, tally, submit, window=window)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
