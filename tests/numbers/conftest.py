"""Helpers for the numbers layer's tests: parse a text into a ParsedDocument."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from consistency.ingest.model import Document
from consistency.parsed import ParsedDocument
from consistency.pipeline import parse_documents

Parse = Callable[[str], ParsedDocument]


@pytest.fixture(scope="session")
def parse() -> Parse:
    """Parse one text as a document (cleaning, model, anchor) the way a run does."""

    def _parse(text: str) -> ParsedDocument:
        document = Document(doc_id="t", path="t.txt", format="txt", text=text)
        return next(parse_documents([document]))

    return _parse
