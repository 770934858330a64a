"""Periods named by reference: 'the year previous', 'the entire year', 'a third straight week'."""

from __future__ import annotations

from datetime import date

import pytest
from time_helpers import ANCHOR, surfaces

from consistency.extract.time.engine import find_timexes


def values(text: str, *, anchor: date | None = ANCHOR) -> dict[str, str | None]:
    return {t.text: t.value for t in find_timexes(text, anchor=anchor)}


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Exports reached $4 billion last year, up from $3 billion the year before.",
         "the year before", "2020"),
        ("In 2018, the port handled 2 million containers, more than the previous year.",
         "the previous year", "2017"),
        ("Costs fell to $9 billion in 2015, $1 billion less than the year previous.",
         "the year previous", "2014"),
        ("Membership grew 4 percent on the prior year.", "the prior year", "2021"),
    ],
)  # fmt: skip
def test_the_previous_year_counts_back_from_the_last_date_given(
    text: str, phrase: str, value: str
) -> None:
    assert values(text)[phrase] == value


def test_the_year_before_an_event_is_not_the_previous_year() -> None:
    assert values("The year before the flood, the dam was inspected.").get("2021") is None
    assert "The year before" not in values("The year before the flood, the dam was inspected.")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The airline lost $2 million in the third quarter of 2019 and $5 million for the "
         "entire year.", "the entire year", "2019"),
        ("Rain fell on 200 days over the whole year.", "the whole year", "2022"),
    ],
)  # fmt: skip
def test_the_whole_year_is_the_year_of_the_last_date_given(
    text: str, phrase: str, value: str
) -> None:
    assert values(text)[phrase] == value


def test_a_full_year_adjective_is_not_a_date() -> None:
    assert surfaces("The bank posted full-year results.") == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Shares fell for a third straight day.", "third straight day", "2022-06-15"),
        ("The index rose for the fifth week in a row.", "fifth week in a row", "2022-W24"),
        ("Sales grew for a second consecutive month.", "second consecutive month", "2022-06"),
        ("Markets had their worst week since March.", "worst week", "2022-W24"),
    ],
)  # fmt: skip
def test_a_run_or_record_ends_with_the_report(text: str, phrase: str, value: str) -> None:
    assert values(text)[phrase] == value


def test_a_run_without_an_anchor_is_not_resolved() -> None:
    assert values("Shares fell for a third straight day.", anchor=None) == {}


def test_a_record_that_is_not_of_a_period_stays_silent() -> None:
    assert values("It was the best show since the war.") == {}
