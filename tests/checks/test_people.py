"""Resolving the person a phrase of a fact row is about."""

from __future__ import annotations

import json
from typing import Any

from consistency.checks.people import People


def mention(name: str, start: int, sent: int, *, title: str | None = None) -> dict[str, Any]:
    return {
        "doc_id": "a",
        "kind": "entity",
        "role": "person",
        "text": name,
        "canonical": name,
        "char_start": start,
        "sent_id": sent,
        "detail": json.dumps({"title": title}),
    }


def at(start: int, sent: int) -> dict[str, Any]:
    return {"doc_id": "a", "char_start": start, "sent_id": sent}


PEOPLE = People([mention("Anna Berg", 6, 0, title="mayor"), mention("Tom Hale", 80, 2)])


def test_a_phrase_holding_a_full_name_names_that_person() -> None:
    assert PEOPLE.of(at(20, 0), ["Mayor Anna Berg"]) == "Anna Berg"


def test_a_surname_names_the_person_it_belongs_to() -> None:
    assert PEOPLE.of(at(120, 3), ["Hale"]) == "Tom Hale"


def test_a_pronoun_takes_the_person_named_just_before() -> None:
    assert PEOPLE.of(at(100, 2), ["he"]) == "Tom Hale"
    assert PEOPLE.of(at(30, 0), ["her"], possessive=True) == "Anna Berg"


def test_a_possessive_names_nobody_unless_asked() -> None:
    assert PEOPLE.of(at(100, 2), ["his", "daughter"]) is None


def test_a_longer_name_is_another_person() -> None:
    assert PEOPLE.of(at(120, 3), ["Jan Tom Hale"]) is None
    assert PEOPLE.of(at(120, 3), ["Tom Hale Jr."]) is None


def test_a_common_noun_names_nobody_even_as_a_title() -> None:
    people = People([mention("Jo Reyes", 6, 0, title="man"), mention("Tom Hale", 80, 2)])
    assert people.of(at(120, 3), ["the 22-year-old man"]) is None


def test_a_pronoun_far_from_any_name_names_nobody() -> None:
    assert PEOPLE.of(at(300, 6), ["she"]) is None


def test_a_title_names_the_one_person_holding_it() -> None:
    assert PEOPLE.of(at(60, 1), ["the 52-year-old mayor"]) == "Anna Berg"
    assert PEOPLE.of(at(60, 1), ["the minister"]) is None


def test_a_person_of_another_document_is_not_found() -> None:
    assert PEOPLE.of({"doc_id": "b", "char_start": 5, "sent_id": 0}, ["Anna Berg"]) is None


def test_a_description_before_a_full_name_names_that_person() -> None:
    """Regression: "former chief Tom Hale" was read as a person other than Tom Hale."""
    assert PEOPLE.of(at(120, 3), ["former chief Tom Hale"]) == "Tom Hale"
    assert PEOPLE.of(at(120, 3), ["Jan Tom Hale"]) is None  # a longer name is someone else
