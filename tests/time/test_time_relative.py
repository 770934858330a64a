"""Expressions relative to the anchor (2022-06-15, a Wednesday)."""

from __future__ import annotations

from datetime import date

import pytest

from consistency.extract.time.engine import find_timexes
from tests.time.time_helpers import ANCHOR, fixed, only


@pytest.mark.parametrize(
    ("text", "surface", "value", "start", "end", "direction"),
    [
        ("Prices rose yesterday.", "yesterday", "2022-06-14", "2022-06-14", "2022-06-14", "past"),
        ("Markets open tomorrow.", "tomorrow", "2022-06-16", "2022-06-16", "2022-06-16", "future"),
        (
            "The two sides met last week.",
            "last week",
            "2022-W23",
            "2022-06-06",
            "2022-06-12",
            "past",
        ),
        ("Exports rose last year.", "last year", "2021", "2021-01-01", "2021-12-31", "past"),
        ("Rents rose this month.", "this month", "2022-06", "2022-06-01", "2022-06-30", "same"),
        ("Talks resume next month.", "next month", "2022-07", "2022-07-01", "2022-07-31", "future"),
        (
            "Rates rose next quarter.",
            "next quarter",
            "2022-Q3",
            "2022-07-01",
            "2022-09-30",
            "future",
        ),
        (
            "Crowds came last weekend.",
            "last weekend",
            "2022-W23-WE",
            "2022-06-11",
            "2022-06-12",
            "past",
        ),
        (
            "The law passed two weeks ago.",
            "two weeks ago",
            "2022-06-01",
            "2022-06-01",
            "2022-06-01",
            "past",
        ),
        (
            "It opened three years ago.",
            "three years ago",
            "2019",
            "2019-01-01",
            "2019-12-31",
            "past",
        ),
        (
            "Sales fell late last year.",
            "late last year",
            "2021",
            "2021-09-02",
            "2021-12-31",
            "past",
        ),
    ],
)
def test_relative_to_the_anchor(
    text: str, surface: str, value: str, start: str, end: str, direction: str
) -> None:
    t = only(text)
    assert (t.text, t.value, t.direction, t.relative_to) == (surface, value, direction, "anchor")
    assert (t.time_start, t.time_end) == (date.fromisoformat(start), date.fromisoformat(end))


def test_bare_weekday_in_a_past_clause_is_the_latest_one() -> None:
    t = only("Xi spoke to Putin on Monday.", tense=fixed("past"))
    assert (t.text, t.value, t.direction) == ("Monday", "2022-06-13", "past")


def test_bare_weekday_naming_the_anchor_day_is_the_same_day() -> None:
    t = only("Xi spoke to Putin on Wednesday.", tense=fixed("past"))
    assert (t.value, t.direction) == ("2022-06-15", "same")


def test_bare_weekday_in_a_future_clause_is_the_next_one() -> None:
    t = only("The court will rule on Friday.", tense=fixed("future"))
    assert (t.value, t.direction, t.year_choice) == (
        "2022-06-17",
        "future",
        "future tense: next on or after the anchor",
    )


def test_last_and_next_weekday() -> None:
    assert only("It closed last Wednesday.").value == "2022-06-08"
    assert only("It opens next Wednesday.").value == "2022-06-22"


def test_weekday_with_part_of_day_is_a_time() -> None:
    t = only("Shelling resumed on Sunday night.", tense=fixed("past"))
    assert (t.type, t.value) == ("TIME", "2022-06-12TNI")


def test_last_week_read_on_a_sunday_is_the_week_now_ending() -> None:
    """Regression: weekend wire copy calls the Monday-to-Saturday just gone "last week"."""
    [t] = find_timexes("He escaped last week.", anchor=date(2009, 12, 6))
    assert t.value == "2009-W49"


def test_earlier_in_a_month_is_that_month_in_the_past() -> None:
    t = only("Earlier in May, the two armies held drills.")
    assert (t.text, t.value, t.direction, t.tense) == ("Earlier in May", "2022-05", "past", "past")


def test_earlier_this_month_ends_at_the_anchor() -> None:
    t = only("Prices jumped earlier this month.")
    assert (t.value, t.time_start, t.time_end) == ("2022-06", date(2022, 6, 1), ANCHOR)


def test_since_the_start_of_the_year() -> None:
    t = only("Output has grown since the start of the year.")
    assert (t.text, t.value, t.mod, t.signal) == ("the start of the year", "2022", "start", "since")
    assert t.time_start == date(2022, 1, 1)


def test_since_sets_the_after_modifier_on_a_plain_date() -> None:
    t = only("Prices have doubled since 2019.")
    assert (t.value, t.signal, t.mod) == ("2019", "since", "after")


def test_in_the_coming_days_is_a_vague_future() -> None:
    t = only("A decision is due in the coming days.")
    assert (t.text, t.value, t.direction, t.mod) == (
        "the coming days",
        "FUTURE_REF",
        "future",
        "approx",
    )
    assert t.time_start == date(2022, 6, 16)


def test_recently_is_a_vague_past() -> None:
    t = only("The two leaders spoke recently.")
    assert (t.value, t.direction, t.time_end) == ("PAST_REF", "past", ANCHOR)


def test_the_weekend_in_the_past_is_the_latest_one() -> None:
    t = only("Fires burned over the weekend.")
    assert (t.value, t.direction) == ("2022-W23-WE", "past")


@pytest.mark.parametrize(
    "text",
    [
        "Talks resume next month.",
        "The two sides met last week.",
        "Prices rose yesterday.",
        "It closed last Wednesday.",
        "It opened three years ago.",
    ],
)
def test_without_an_anchor_relative_ones_are_unresolved(text: str) -> None:
    [t] = find_timexes(text, anchor=None)
    assert (t.value, t.resolved, t.time_start, t.direction) == (None, False, None, None)


def test_weekday_abbreviations_alone_are_not_weekdays() -> None:
    assert find_timexes("The sat-nav failed and Sun shares fell on Wed.", anchor=ANCHOR) == []


@pytest.mark.xfail(strict=True, reason="names holding a weekday (a newspaper) read as dates")
def test_newspaper_named_after_a_weekday_is_not_a_date() -> None:
    assert find_timexes("Sunday Times reporters spoke to him.", anchor=ANCHOR) == []


def test_the_last_month_is_the_previous_calendar_month() -> None:
    """As MEANTIME and ESC annotate it; "the past month" stays a duration."""
    assert only("He is the second player arrested within the last month.").value == "2022-05"
    assert only("Prices doubled in the past month.").type == "DURATION"


def test_the_day_before_a_gerund_is_the_day_not_an_offset() -> None:
    """Regression: "late in the day after falling" once read "the day after" as an offset."""
    t = only("The index rebounded late in the day after falling 250 points.")
    assert (t.text, t.value) == ("the day", "2022-06-15")
