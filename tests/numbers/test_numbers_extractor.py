"""The extractor over parsed documents: fact rows, offsets, the measured thing, whose age."""

from __future__ import annotations

import json

import pytest
from conftest import Parse

from consistency.extract.numbers import extract_numbers
from consistency.tables import FACTS

TRADE = (
    "Japan is Korea's third largest trading partner, with bilateral trade volume last year "
    "reaching $85 billion, according to official customs figures, up more than 12 percent "
    "in 2020."
)


def rows_by_text(parse: Parse, text: str) -> dict[str, dict[str, object]]:
    parsed = parse(text)
    return {parsed.text[r["char_start"] : r["char_end"]]: r for r in extract_numbers(parsed)}


def test_rows_use_only_fact_columns_and_offsets_of_the_surface(parse: Parse) -> None:
    parsed = parse(TRADE)
    rows = extract_numbers(parsed)
    assert rows
    for row in rows:
        assert set(row) <= set(FACTS.names)
        assert parsed.sentence_at(row["char_start"]) is not None
    assert [parsed.text[r["char_start"] : r["char_end"]] for r in rows] == [
        "third",
        "$85 billion",
        "more than 12 percent",
    ]


def test_money_measures_the_noun_phrase_of_its_clause(parse: Parse) -> None:
    row = rows_by_text(parse, TRADE)["$85 billion"]
    assert (row["kind"], row["value"], row["unit"], row["role"]) == ("money", 85e9, "USD", "level")
    assert row["object"] == "trade volume"


def test_change_row_carries_qualifier_direction_in_detail(parse: Parse) -> None:
    row = rows_by_text(parse, TRADE)["more than 12 percent"]
    assert (row["kind"], row["qualifier"], row["role"]) == ("percent", "more_than", "change")
    assert (row["value_low"], row["value_high"]) == (12, None)
    assert json.loads(row["detail"]) == {"direction": "up"}


def test_ordinal_measures_the_noun_it_modifies(parse: Parse) -> None:
    rows = rows_by_text(parse, "It was the third reported meeting between the ministers.")
    assert (rows["third"]["kind"], rows["third"]["value"]) == ("ordinal", 3)
    assert rows["third"]["object"] == "meeting"


def test_birthday_age_belongs_to_the_possessor(parse: Parse) -> None:
    rows = rows_by_text(parse, "The summit fell on Merkel's 60th birthday.")
    row = rows["60th"]
    assert (row["kind"], row["value"], row["unit"], row["role"]) == ("age", 60, "year", "age")
    assert (row["object"], row["subject"]) == ("birthday", "Merkel")


def test_aged_belongs_to_the_person_described(parse: Parse) -> None:
    rows = rows_by_text(parse, "John Smith, aged 45, was arrested on Monday.")
    assert rows["aged 45"]["subject"] == "John Smith"


def test_counts_measure_their_noun_lemmatized(parse: Parse) -> None:
    rows = rows_by_text(parse, "Police said 3,000 protesters gathered near the two bridges.")
    assert rows["3,000"]["object"] == "protester"
    assert rows["two"]["object"] == "bridge"


def test_a_date_in_a_sentence_gives_no_figure(parse: Parse) -> None:
    rows = rows_by_text(parse, "The leaders spoke on Wednesday (15/6/2022) by telephone.")
    assert rows == {}


def test_apposition_age_belongs_to_the_name(parse: Parse) -> None:
    rows = rows_by_text(parse, "Police said Ronald Munn, 28, was shot on Monday.")
    assert (rows["28"]["kind"], rows["28"]["subject"]) == ("age", "Ronald Munn")


@pytest.mark.parametrize(
    ("text", "surface", "subject"),
    [
        ("A man in his 20s was shot on Monday.", "20s", "man"),
        ("Maria Lopez, in her early thirties, was hurt.", "early thirties", "Maria Lopez"),
        ("Police said Maria Lopez was in her early thirties.", "early thirties", "Maria Lopez"),
        ("Jim Barr turned 21 shortly before he was killed.", "21", "Jim Barr"),
    ],
)
def test_decade_and_turned_ages_belong_to_the_person(
    parse: Parse, text: str, surface: str, subject: str
) -> None:
    row = rows_by_text(parse, text)[surface]
    assert (row["kind"], row["subject"]) == ("age", subject)


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        ("The magnitude 5.9 quake struck at dawn.", "5.9", "magnitude"),
        ("The quake had a magnitude of 6.1, the survey said.", "6.1", "magnitude"),
        ("The quake killed 12 people in the valley.", "12", "people"),
    ],
)
def test_measure_named_just_before_its_figure(
    parse: Parse, text: str, figure: str, measure: str
) -> None:
    """Guards "the magnitude 5.9 quake" once measured as a count of quakes."""
    assert rows_by_text(parse, text)[figure]["measure"] == measure


def test_a_runner_up_is_a_named_competitors_second_place(parse: Parse) -> None:
    rows = rows_by_text(parse, "In Paris, Tadej Pogacar was the runner-up.")
    row = rows["runner-up"]
    assert (row["kind"], row["value"], row["predicate"], row["subject"]) == (
        "ordinal",
        2,
        "finish",
        "Tadej Pogacar",
    )


def test_runner_up_of_no_named_competitor_is_no_place(parse: Parse) -> None:
    assert "runner-up" not in rows_by_text(parse, "The runner-up gets a smaller cheque.")
