"""Fixtures of the claims tests: the model loaded once, texts parsed and run."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest
from spacy.language import Language

from consistency.extract.claims import extract_claims, extract_entities, extract_quotes, link_claims
from consistency.extract.runner import extract_facts
from consistency.ingest.model import Document
from consistency.nlp import load_model
from consistency.normalize import canonicalize
from consistency.parsed import ParsedDocument
from consistency.pipeline import parse_documents

Parse = Callable[[str], ParsedDocument]
Run = Callable[..., pd.DataFrame]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_model()


def _parse_all(texts: list[str]) -> list[ParsedDocument]:
    docs = [Document(f"d{n}", f"d{n}.txt", "txt", t) for n, t in enumerate(texts)]
    return list(parse_documents(docs))


@pytest.fixture(scope="session")
def parse(nlp: Language) -> Parse:
    """One text → a parsed document (model loaded once)."""

    def _parse(text: str) -> ParsedDocument:
        return _parse_all([text])[0]

    return _parse


@pytest.fixture(scope="session")
def run(nlp: Language) -> Run:
    """Several texts → the facts table of the claims layer, canonical across them."""

    def _run(*texts: str) -> pd.DataFrame:
        parsed = _parse_all(list(texts))
        facts = extract_facts(
            parsed,
            use=(extract_entities, extract_quotes, extract_claims),
            link=(link_claims,),
        )
        return canonicalize(facts, {p.doc_id: p.text for p in parsed})

    return _run
