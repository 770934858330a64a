"""Name rules: folding, spelling variants, demonyms, acronyms."""

from __future__ import annotations

import pytest

from consistency.lang.names import (
    acronym,
    demonym_country,
    demonym_matches,
    fold,
    skeleton,
    spelling_variants,
    strip_honorifics,
)


def test_fold_strips_accents_possessive_and_article() -> None:
    assert fold("the  Élysée's") == "elysee"
    assert fold("Jean-Luc") == "jean luc"


def test_honorifics_are_not_part_of_a_name() -> None:
    assert strip_honorifics("Mr Xi") == "Xi"
    assert strip_honorifics("Dr. Jane Roe") == "Jane Roe"
    assert strip_honorifics("Mr") == "Mr"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Kiev", "Kyiv"), ("Odessa", "Odesa"), ("Kharkov", "Kharkiv"), ("Lvov", "Lviv")],
)
def test_transliterations_are_spelling_variants(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)
    assert spelling_variants(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Mali", "Malawi"),
        ("Niger", "Nigeria"),
        ("Iran", "Iraq"),
        ("Austria", "Australia"),
        ("Gambia", "Zambia"),
        ("Paris", "Paris"),
        ("New York", "New Yrok"),
        ("Romania", "Romanian"),
        ("Charleston", "Charlestown"),
        ("Maryland", "Meyerland"),
        ("Beale", "Bailey"),
        ("US", "USA"),
    ],
)
def test_different_places_are_not_spelling_variants(a: str, b: str) -> None:
    assert not spelling_variants(a, b)


@pytest.mark.parametrize(
    ("demonym", "place"),
    [("Chinese", "China"), ("Ukrainian", "Ukraine"), ("Russians", "Russia"), ("French", "France")],
)
def test_demonyms_match_their_country(demonym: str, place: str) -> None:
    assert demonym_matches(demonym, place)


def test_demonym_does_not_match_a_lookalike() -> None:
    assert not demonym_matches("Chinese", "Chile")
    assert demonym_country("Chinese", ["Chile", "Peru"]) is None
    assert demonym_country("Austrian", ["Australia", "Austria"]) == "Austria"


def test_acronym_of_capitalized_words() -> None:
    assert acronym("European Union") == "EU"
    assert acronym("Union") == ""
