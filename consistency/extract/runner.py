"""Sentences → facts. Each extractor is a pure function of one parsed document.

An extractor returns fact rows: dicts keyed by the facts schema's columns
(``consistency.tables.FACTS``), with at least ``kind``, ``char_start`` and
``char_end``. ``doc_id``, ``sent_id``, ``text`` and ``fact_id`` are filled here,
so every fact's text is exactly its slice of the document.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pandas as pd

from consistency.extract.claims.claims import extract_claims
from consistency.extract.claims.entities import extract_entities
from consistency.extract.claims.linker import link_claims
from consistency.extract.claims.quotes import extract_quotes
from consistency.extract.numbers.extractor import extract_numbers
from consistency.extract.numbers.linker import link_figures
from consistency.extract.time.extractor import extract_time
from consistency.parsed import ParsedDocument
from consistency.tables import FACTS, frame

FactRow = dict[str, Any]
Extractor = Callable[[ParsedDocument], list[FactRow]]
#: Runs after every extractor, on all rows of one document (ids assigned): it may
#: fill columns that relate facts to each other (periods, links) and returns the rows.
Linker = Callable[[ParsedDocument, list[FactRow]], list[FactRow]]


def extractors() -> tuple[Extractor, ...]:
    """The extractors of a run, in order; each owns its fact kinds."""
    return (extract_time, extract_numbers, extract_entities, extract_quotes, extract_claims)


def linkers() -> tuple[Linker, ...]:
    """The linkers of a run, in order: figures to their periods, claims to their facts."""
    return (link_figures, link_claims)


def extract_facts(
    parsed: Iterable[ParsedDocument],
    *,
    use: tuple[Extractor, ...] | None = None,
    link: tuple[Linker, ...] | None = None,
) -> pd.DataFrame:
    """Run the extractors and linkers over every document and number the facts."""
    rows: list[FactRow] = []
    for item in parsed:
        rows.extend(facts_of_document(item, use=use, link=link))
    return frame(rows, FACTS)


def facts_of_document(
    item: ParsedDocument,
    *,
    use: tuple[Extractor, ...] | None = None,
    link: tuple[Linker, ...] | None = None,
) -> list[FactRow]:
    """The fact rows of one document after every extractor and linker."""
    found = document_facts(item, use=extractors() if use is None else use)
    for linker in linkers() if link is None else link:
        found = linker(item, found)
    return found


def document_facts(item: ParsedDocument, *, use: tuple[Extractor, ...]) -> list[FactRow]:
    """The facts of one document, ordered by position, with ids and sentence numbers."""
    found: list[FactRow] = []
    for extractor in use:
        for row in extractor(item):
            start, end = int(row["char_start"]), int(row["char_end"])
            if not 0 <= start < end <= len(item.text):
                raise ValueError(
                    f"{extractor.__module__}.{extractor.__name__} returned span "
                    f"{start}:{end} outside document {item.doc_id}"
                )
            sentence = item.sentence_at(start)
            found.append(
                {
                    **row,
                    "doc_id": item.doc_id,
                    "sent_id": sentence.sent_id if sentence else None,
                    "text": item.text[start:end],
                    "extractor": row.get("extractor")
                    or f"{extractor.__module__.rsplit('.', 1)[-1]}.{extractor.__name__}",
                }
            )
    found.sort(key=lambda r: (r["char_start"], r["char_end"], r["kind"]))
    for n, row in enumerate(found, start=1):
        row["fact_id"] = f"{item.doc_id}:f{n:03d}"
    return found
