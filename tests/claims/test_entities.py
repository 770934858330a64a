"""Entity mentions within one document: names, titles, role nouns, demonyms, metonymy."""

from __future__ import annotations

import json

import pytest

from consistency.extract.claims.entities import extract_entities
from tests.claims.conftest import Parse


def _entities(parse: Parse, text: str) -> list[tuple[str, str, str, dict]]:
    parsed = parse(text)
    return [
        (
            parsed.text[r["char_start"] : r["char_end"]],
            r["canonical"],
            r["role"],
            json.loads(r["detail"]),
        )
        for r in extract_entities(parsed)
    ]


def test_title_before_a_name_is_learned(parse: Parse) -> None:
    rows = _entities(parse, "German Chancellor Olaf Scholz arrived in Paris on Monday.")
    person = next(r for r in rows if r[0] == "Olaf Scholz")
    assert person[3]["title"] == "chancellor"
    assert person[3]["nationality"] == "German"


def test_short_name_and_honorific_join_the_full_name(parse: Parse) -> None:
    text = "Senator John Miller spoke on Tuesday. Later Mr Miller left, and Miller did not return."
    canon = {(t, c) for t, c, _, _ in _entities(parse, text) if "Miller" in t}
    assert canon == {("John Miller", "John Miller"), ("Miller", "John Miller")}


def test_a_name_after_an_honorific_is_a_person_whatever_the_tag(parse: Parse) -> None:
    rows = _entities(parse, "Olaf Scholz spoke on Tuesday. Later Mr Scholz left the room.")
    assert ("Scholz", "Scholz", "person") in [(t, c, r) for t, c, r, _ in rows]


def test_same_surname_in_one_text_goes_to_the_nearest_full_name(parse: Parse) -> None:
    text = (
        "Anna Berg opened the meeting. Berg spoke for an hour. "
        "Then Erik Berg answered, and Berg left early."
    )
    rows = [(t, c) for t, c, _, _ in _entities(parse, text) if t.endswith("Berg")]
    assert rows == [
        ("Anna Berg", "Anna Berg"),
        ("Berg", "Anna Berg"),
        ("Erik Berg", "Erik Berg"),
        ("Berg", "Erik Berg"),
    ]


@pytest.mark.xfail(
    strict=True,
    reason="a surname goes to the last full name containing it; preferring the most mentioned "
    "one lowered ECB+ link precision (0.612 to 0.605), so the nearer relative wins",
)
def test_a_surname_far_from_a_relative_goes_to_the_story_subject(parse: Parse) -> None:
    text = (
        "Victor Lane ran the shipping firm for forty years. Lane was born in Leeds. "
        "He is survived by his daughter, Rita Lane. Friends remembered him at a service in "
        "the old harbour chapel on a cold and windy morning, and many old sailors came. "
        "The firm's ships still sail from the port every week. "
        "Lane was indicted in 1990 on fraud charges."
    )
    rows = [(t, c) for t, c, _, _ in _entities(parse, text) if t.endswith("Lane")]
    assert rows[-1] == ("Lane", "Victor Lane")


def test_role_noun_resolves_through_apposition_and_demonym(parse: Parse) -> None:
    text = (
        "French President Emmanuel Macron called his Italian counterpart Sergio Mattarella "
        "on Friday. Later the French president also invited his Italian counterpart to Lyon."
    )
    roles = [(t, c) for t, c, _, d in _entities(parse, text) if d["mention"] == "role"]
    assert roles == [
        ("his Italian counterpart", "Sergio Mattarella"),
        ("the French president", "Emmanuel Macron"),
        ("his Italian counterpart", "Sergio Mattarella"),
    ]


def test_role_noun_that_names_no_taught_person_stays_open(parse: Parse) -> None:
    text = "The northern Chinese city of Harbin froze. Harbin officials met."
    rows = [(t, r, d) for t, _, r, d in _entities(parse, text) if d["mention"] == "role"]
    assert [(t, r, d["type"], d["resolved"]) for t, r, d in rows] == [
        ("The northern Chinese city", "role", "ROLE", False)
    ]


def test_capital_as_agent_is_its_government(parse: Parse) -> None:
    text = "Tokyo would keep backing Seoul. Many tourists visit Tokyo in spring."
    rows = [(t, r) for t, _, r, _ in _entities(parse, text) if t in ("Tokyo", "Seoul")]
    assert rows == [("Tokyo", "government"), ("Seoul", "place"), ("Tokyo", "place")]


def test_possessive_counterpart_resolves_by_nationality_alone(parse: Parse) -> None:
    text = (
        "French President Emmanuel Macron met German Chancellor Angela Merkel in Paris on "
        "Monday. Macron later invited his German counterpart to a dinner."
    )
    roles = [(t, c) for t, c, _, d in _entities(parse, text) if d["mention"] == "role"]
    assert roles == [("his German counterpart", "Angela Merkel")]


def test_possessive_counterpart_with_two_candidates_stays_open(parse: Parse) -> None:
    text = (
        "German Chancellor Angela Merkel and German President Joachim Gauck met French "
        "President Emmanuel Macron. Macron later invited his German counterpart to a dinner."
    )
    rows = _entities(parse, text)
    roles = [(t, c, d["resolved"]) for t, c, _, d in rows if d["mention"] == "role"]
    assert roles == [("his German counterpart", "german counterpart", False)]
