"""Durations stay durations; sets are recurrences; offsets count from another time."""

from __future__ import annotations

from datetime import date

import pytest

from consistency.extract.time.engine import find_timexes
from tests.time.time_helpers import ANCHOR, only, surfaces


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod"),
    [
        ("The siege lasted three months.", "three months", "P3M", None),
        ("Talks went on for more than a decade.", "more than a decade", "P1DE", "more_than"),
        ("He served 12 years in prison.", "12 years", "P12Y", None),
        ("It took about two weeks.", "about two weeks", "P2W", "approx"),
        ("They signed a three-year deal.", "three-year", "P3Y", None),
        ("The strike lasted 48 hours.", "48 hours", "PT48H", None),
        ("It took two and a half years.", "two and a half years", "P2.5Y", None),
        ("It took several years.", "several years", "PXY", None),
        ("He waited less than a month.", "less than a month", "P1M", "less_than"),
    ],
)
def test_durations_are_never_dates(text: str, surface: str, value: str, mod: str | None) -> None:
    t = only(text)
    assert (t.type, t.text, t.value, t.mod) == ("DURATION", surface, value, mod)
    assert (t.time_start, t.time_end, t.direction) == (None, None, None)


def test_a_duration_counted_back_from_the_anchor_has_an_interval() -> None:
    t = only("Prices doubled over the past two years.")
    assert (t.type, t.value) == ("DURATION", "P2Y")
    assert (t.time_start, t.time_end) == (date(2020, 6, 16), ANCHOR)


def test_the_past_year_is_a_duration_ending_at_the_anchor() -> None:
    t = only("Prices doubled in the past year.")
    assert (t.type, t.value, t.time_start, t.time_end) == (
        "DURATION",
        "P1Y",
        date(2021, 6, 16),
        ANCHOR,
    )


def test_ages_are_not_durations() -> None:
    assert surfaces("A 36-year-old climber and a three-year-old child.") == []


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("It spends $5bn a year on arms.", "a year", "P1Y"),
        ("Inspections happen every month.", "every month", "P1M"),
        ("The index is published weekly.", "weekly", "P1W"),
        ("Talks are held on Mondays.", "Mondays", "XXXX-WXX-1"),
    ],
)
def test_sets(text: str, surface: str, value: str) -> None:
    t = only(text)
    assert (t.type, t.text, t.value) == ("SET", surface, value)


def test_a_year_without_an_amount_before_it_is_no_rate() -> None:
    t = only("The plant will close in a year.")
    assert t.type == "DURATION"


def test_offset_joined_to_the_date_it_counts_from() -> None:
    t = only("Troops crossed a day after February 24, officials said.")
    assert (t.text, t.value, t.relative_to) == (
        "a day after February 24",
        "2022-02-25",
        "time: February 24",
    )


def test_offset_from_an_event_dated_in_the_same_sentence() -> None:
    [t, date_] = find_timexes(
        "He fled two days before the vote on 3 March 2020, aides said.", anchor=ANCHOR
    )
    assert (t.value, date_.value) == ("2020-03-01", "2020-03-03")
    assert t.text == "two days before the vote"


def test_offset_from_an_undated_event_is_recorded_unresolved() -> None:
    t = only("The talks began a day after Russia launched its invasion.")
    assert (t.text, t.resolved, t.value) == (
        "a day after Russia launched its invasion",
        False,
        None,
    )
    assert t.relative_to == "event: Russia launched its invasion"
    assert t.partial == "+1 day"


def test_offset_with_nothing_after_it_counts_from_the_narrative() -> None:
    t = only("A second blast hit the city the day before.")
    assert (t.text, t.resolved, t.relative_to, t.partial) == (
        "the day before",
        False,
        "previous",
        "-1 day",
    )


def test_offset_followed_by_a_verb_is_not_an_event() -> None:
    """Regression: "a day before rose to 10" once swallowed the verb as an event."""
    t = only("The toll from a quake a day before rose to 10.")
    assert (t.text, t.relative_to) == ("a day before", "previous")
