"""A document after cleaning, parsing and anchoring: what extractors read."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from consistency.anchor import Anchor
from consistency.ingest.model import Document, DroppedLine

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from consistency.nlp import Sentence

T = TypeVar("T")


class _Bounded(Protocol):
    char_start: int
    char_end: int


B = TypeVar("B", bound=_Bounded)


def sentence_holding(sentences: Sequence[B], starts: Sequence[int], char: int) -> B | None:
    """The sentence (of ``sentences``, whose starts are ``starts``) holding ``char``."""
    i = bisect_right(starts, char) - 1
    if i >= 0 and char < sentences[i].char_end:
        return sentences[i]
    return None


@dataclass(frozen=True)
class ParsedDocument:
    """``doc`` was parsed over the text with dropped lines blanked: same offsets."""

    document: Document
    doc: Doc
    sentences: list[Sentence]
    dropped: list[DroppedLine]
    anchor: Anchor
    _starts: list[int] = field(init=False, repr=False, compare=False)
    #: analyses extractors share, each computed once ("mentions", "quotes")
    _analyses: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [s.char_start for s in self.sentences])
        object.__setattr__(self, "_analyses", {})

    def analysis(self, name: str, build: Callable[[], T]) -> T:
        """The document's analysis ``name`` (entity mentions, quotes with their speakers),
        built on first use and kept with the document for the extractors after it."""
        if name not in self._analyses:
            self._analyses[name] = build()
        return self._analyses[name]  # type: ignore[no-any-return]

    @property
    def doc_id(self) -> str:
        return self.document.doc_id

    @property
    def text(self) -> str:
        return self.document.text

    def sentence_at(self, char: int) -> Sentence | None:
        """The sentence holding offset ``char``, if any."""
        return sentence_holding(self.sentences, self._starts, char)
