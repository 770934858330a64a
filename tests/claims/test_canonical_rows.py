"""canonicalize on hand-built rows: the merging rules without the model."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from consistency.normalize import canonicalize
from consistency.tables import FACTS, frame


def _entity(
    doc: str, n: int, text: str, label: str, canonical: str | None = None, **extra: Any
) -> dict[str, Any]:
    detail = {"type": label, "mention": extra.pop("mention", "name"), "name": text, **extra}
    return {
        "fact_id": f"{doc}:f{n:03d}",
        "doc_id": doc,
        "kind": "entity",
        "text": text,
        "char_start": n * 10,
        "char_end": n * 10 + len(text),
        "object": label,
        "canonical": canonical or text,
        "detail": json.dumps(detail),
    }


def _canon(facts: pd.DataFrame) -> dict[str, str]:
    return {f"{r.doc_id}/{r.text}": r.canonical for r in facts.itertuples()}


def test_empty_table_passes_through() -> None:
    out = canonicalize(frame([], FACTS))
    assert list(out.columns) == FACTS.names and out.empty


def test_lone_surname_joins_the_one_full_name_and_not_two() -> None:
    rows = [
        _entity("a", 1, "Anna Berg", "PERSON"),
        _entity("b", 1, "Berg", "PERSON"),
        _entity("c", 1, "Holm", "PERSON"),
        _entity("c", 2, "Lars Holm", "PERSON"),
        _entity("d", 1, "Erik Holm", "PERSON"),
        _entity("e", 1, "Holm", "PERSON"),
    ]
    out = _canon(canonicalize(frame(rows, FACTS)))
    assert out["b/Berg"] == "Anna Berg"
    assert out["e/Holm"] == "Holm"  # Lars Holm and Erik Holm both fit: left alone
    assert out["c/Lars Holm"] == "Lars Holm" and out["d/Erik Holm"] == "Erik Holm"


def test_lone_word_tagged_person_that_spells_a_place_becomes_that_place() -> None:
    rows = [_entity("a", 1, "Kiev", "GPE"), _entity("b", 1, "Kyiv", "PERSON")]
    out = canonicalize(frame(rows, FACTS))
    assert set(out.canonical) == {"Kiev"}
    assert pd.isna(out.role.iloc[0]) and out.role.iloc[1] == "place"
    details = [json.loads(d) for d in out.detail]
    assert all(d["variants"] == ["Kiev", "Kyiv"] for d in details)
    assert details[1]["retyped"] == "PLACE"


def test_titled_or_addressed_person_spelled_like_a_place_stays_a_person() -> None:
    rows = [
        _entity("a", 1, "Paris", "GPE"),
        _entity("b", 1, "Parris", "PERSON", title="police chief"),
        _entity("c", 1, "Parris", "PERSON"),
    ]
    texts = {"a": "x" * 10 + "Paris", "b": "x" * 10 + "Parris", "c": "x" * 6 + " Mr Parris"}
    out = _canon(canonicalize(frame(rows, FACTS), texts))
    assert out == {"a/Paris": "Paris", "b/Parris": "Parris", "c/Parris": "Parris"}


def test_open_role_resolves_only_to_a_unique_taught_person() -> None:
    rows = [
        _entity("a", 1, "Lars Holm", "PERSON", title="prime minister", nationality="Norwegian"),
        _entity(
            "b",
            1,
            "the Norwegian prime minister",
            "ROLE",
            "norwegian prime minister",
            mention="role",
            title="prime minister",
            nationality="Norwegian",
        ),
        _entity(
            "c",
            1,
            "the Swedish prime minister",
            "ROLE",
            "swedish prime minister",
            mention="role",
            title="prime minister",
            nationality="Swedish",
        ),
    ]
    out = _canon(canonicalize(frame(rows, FACTS)))
    assert out["b/the Norwegian prime minister"] == "Lars Holm"
    assert out["c/the Swedish prime minister"] == "swedish prime minister"


def test_other_kinds_are_left_alone() -> None:
    rows = [
        {
            "fact_id": "a:f001",
            "doc_id": "a",
            "kind": "date",
            "text": "May",
            "char_start": 0,
            "char_end": 3,
            "timex": "2022-05",
        },
        _entity("a", 2, "Oslo", "GPE"),
    ]
    out = canonicalize(frame(rows, FACTS))
    assert out.iloc[0].timex == "2022-05" and pd.isna(out.iloc[0].canonical)
