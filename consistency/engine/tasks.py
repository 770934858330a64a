"""What every engine shares: units of work in story order, and run-wide progress."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from consistency.ingest.model import Document
    from consistency.work import Analysed, Progress, Settings, StoryResult

#: Stories larger than this have their document stage split into pieces this size.
CHUNK: Final = 32


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

    A whole story comes back finished. A large one comes back in pieces, laid out;
    its anchors are settled here, its waiting documents extracted in pieces again,
    and the story finished here.
    """
    from consistency.work import (
        KEEP_BYTES,
        KEEP_NOTHING,
        finish_story,
        lay_out,
        run_story,
    )

    keep = KEEP_NOTHING if settings.cache is not None else KEEP_BYTES
    todo = units(stories)
    pending: deque[tuple[int, bool, Future[Any]]] = deque()

    def top_up() -> None:
        while len(pending) < max(1, window):
            unit = next(todo, None)
            if unit is None:
                return
            story, whole, documents = unit
            if whole:
                future = submit(run_story, documents, settings)
                future.add_done_callback(_counted(tally, _story_documents))
            else:
                future = submit(lay_out, documents, settings, keep=keep)
                future.add_done_callback(_counted(tally, _finished))
            pending.append((story, whole, future))

    for n in range(len(stories)):
        items: list[Analysed] = []
        result: StoryResult | None = None
        while result is None:
            top_up()
            story, whole, future = pending.popleft()
            assert story == n, "units come back in story order"
            if whole:
                result = future.result()
                continue
            items.extend(future.result())
            top_up()
            if not pending or pending[0][0] != n:
                result = finish_story(_extract_pieces(items, settings, tally, submit), settings)
        tally.finished_one()
        yield result


def _extract_pieces(
    items: list[Analysed], settings: Settings, tally: Tally, submit: Submit
) -> list[Analysed]:
    """A large story's anchors settled here, its waiting documents extracted in pieces."""
    from consistency.work import extract_pending, settle_anchors

    settled = settle_anchors(items)
    waiting = [n for n, item in enumerate(settled) if item.facts is None]
    futures = []
    for start in range(0, len(waiting), CHUNK):
        chosen = waiting[start : start + CHUNK]
        future = submit(extract_pending, [settled[n] for n in chosen], settings)
        future.add_done_callback(_counted(tally, len))
        futures.append((chosen, future))
    for chosen, future in futures:
        for n, item in zip(chosen, future.result(), strict=True):
            settled[n] = item
    return settled


def _story_documents(result: StoryResult) -> int:
    return len(result.texts)


def _finished(result: list[Analysed]) -> int:
    return sum(1 for item in result if item.facts is not None)


def _counted(tally: Tally, count: Callable[[Any], int]) -> Callable[[Future[Any]], None]:
    def done(future: Future[Any]) -> None:
        if not future.cancelled() and future.exception() is None:
            tally.parsed_some(count(future.result()))

    return done
