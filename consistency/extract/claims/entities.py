"""Entity facts: one row per mention, with its document-level identity.

``canonical`` holds the identity within the document (a short name resolved
to the full name it abbreviates, a role noun to the person it was taught on);
:func:`consistency.normalize.canonical.canonicalize` makes it one name across
all documents of a run.
"""

from __future__ import annotations

from typing import Final

from consistency.extract.claims.common import FactRow, dumps
from consistency.extract.claims.mentions import mentions
from consistency.lang import vocab
from consistency.lang.names import fold
from consistency.parsed import ParsedDocument

#: Words before a role noun that are not part of it: possessives and articles.
POSSESSIVES: Final = vocab.marked("pronouns", 1, "possessive") | {"a", "an"}


def extract_entities(parsed: ParsedDocument) -> list[FactRow]:
    """People, organizations, places, groups, events, and role nouns naming people."""
    rows: list[FactRow] = []
    for m in mentions(parsed):
        if m.kind == "role":
            words = fold(m.name).split()
            if words[:1] and words[0] in POSSESSIVES:
                words = words[1:]
            canonical = m.local or " ".join(words)
        else:
            canonical = m.local or m.name
        detail = {
            "type": m.label,
            "mention": m.kind,
            "name": m.name,
            "title": m.title,
            "nationality": m.nationality,
            "teaches": sorted(set(m.teaches)),
            "resolved": (m.local is not None) if m.kind == "role" else None,
            "possessive": m.possessive or None,
        }
        rows.append(
            {
                "kind": "entity",
                "char_start": m.start,
                "char_end": m.end,
                "subject": m.name,
                "object": m.label,
                "canonical": canonical,
                "role": m.role,
                "detail": dumps(detail),
            }
        )
    return rows
