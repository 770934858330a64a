"""Calendar expressions: full dates, yearless dates, months, years, decades, quarters,
seasons; and the words that look like them but are not."""

from __future__ import annotations

from datetime import date

import pytest

from consistency.extract.time.engine import find_timexes
from tests.time.time_helpers import ANCHOR, fixed, only, surfaces


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The deal was signed on 3/4/2021 in Paris.", "2021-04-03"),  # day-first convention
        # only one reading is valid; regression: a sentence's full stop ends the date
        ("Talks resumed on 25/12/2020.", "2020-12-25"),
        ("Talks resumed on 12/25/2020.", "2020-12-25"),
        ("It opened on 2021-03-09.", "2021-03-09"),
        ("The vote was held on June 15, 2022 in Kyiv.", "2022-06-15"),
        ("The vote was held on 15 June 2022.", "2022-06-15"),
        ("Elections were called for Sept. 3, 2019.", "2019-09-03"),
    ],
)
def test_full_dates_need_no_anchor(text: str, value: str) -> None:
    t = only(text, anchor=None)
    assert (t.value, t.granularity, t.resolved) == (value, "day", True)
    assert t.time_start == t.time_end == date.fromisoformat(value)


def test_ambiguous_numeric_date_follows_the_source_convention() -> None:
    [dmy] = find_timexes("on 3/4/2021", anchor=None, prefer="dmy")
    [mdy] = find_timexes("on 3/4/2021", anchor=None, prefer="mdy")
    assert (dmy.value, mdy.value) == ("2021-04-03", "2021-03-04")
    assert "ambiguous" in (dmy.year_choice or "")


def test_weekday_joined_to_its_date_is_one_expression() -> None:
    t = only("Officials met on Friday (17/6/2022) in Brussels.")
    assert (t.text, t.value) == ("Friday (17/6/2022)", "2022-06-17")
    assert t.year_choice == "numeric date read dmy"


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("The ceasefire began on Feb. 24 after talks.", "Feb. 24", "2022-02-24"),
        ("Troops withdrew on 9 March, officials said.", "9 March", "2022-03-09"),
        ("The plant closed on the 3rd of May.", "the 3rd of May", "2022-05-03"),
    ],
)
def test_yearless_dates_in_past_clauses_take_the_latest_year(
    text: str, surface: str, value: str
) -> None:
    t = only(text, tense=fixed("past"))
    assert (t.text, t.value, t.direction) == (surface, value, "past")
    assert t.year_choice == "past tense: latest on or before the anchor"


def test_yearless_date_in_a_future_clause_takes_the_next_one() -> None:
    t = only("The summit will open on March 9.", tense=fixed("future"))
    assert (t.value, t.direction, t.tense) == ("2023-03-09", "future", "future")


def test_yearless_date_without_tense_cues_is_the_nearest() -> None:
    t = only("Sept. 3 and its aftermath", tense=fixed(None))
    assert t.value == "2022-09-03"
    assert t.year_choice == "no tense: nearest to the anchor"


def test_yearless_date_without_anchor_is_unresolved_but_keeps_what_it_knows() -> None:
    t = only("The ceasefire began on Feb. 24.", anchor=None)
    assert (t.value, t.resolved, t.partial) == (None, False, "XXXX-02-24")


@pytest.mark.parametrize(
    ("text", "surface", "value", "mod", "start", "end"),
    [
        ("Output fell in 2019 again.", "2019", "2019", None, "2019-01-01", "2019-12-31"),
        ("The plan dates from the 1990s.", "the 1990s", "199", None, "1990-01-01", "1999-12-31"),
        ("Profit rose in Q3 2021.", "Q3 2021", "2021-Q3", None, "2021-07-01", "2021-09-30"),
        ("It peaked in mid-2021.", "mid-2021", "2021", "mid", "2021-05-02", "2021-09-01"),
        ("Sales slowed in late 2019.", "late 2019", "2019", "late", "2019-09-02", "2019-12-31"),
        (
            "It was built in the summer of 2020.",
            "the summer of 2020",
            "2020-SU",
            None,
            "2020-06-01",
            "2020-08-31",
        ),
        (
            "It was built in the third quarter of 2021.",
            "the third quarter of 2021",
            "2021-Q3",
            None,
            "2021-07-01",
            "2021-09-30",
        ),
        (
            "Revenue in the first half of 2020 fell.",
            "the first half of 2020",
            "2020-H1",
            None,
            "2020-01-01",
            "2020-06-30",
        ),
        (
            "Prices rose in October 2011.",
            "October 2011",
            "2011-10",
            None,
            "2011-10-01",
            "2011-10-31",
        ),
    ],
)
def test_periods(
    text: str, surface: str, value: str, mod: str | None, start: str, end: str
) -> None:
    t = only(text)
    assert (t.text, t.value, t.mod) == (surface, value, mod)
    assert (t.time_start, t.time_end) == (date.fromisoformat(start), date.fromisoformat(end))


def test_early_month_in_a_past_clause() -> None:
    t = only("Leaders met in early February to sign it.", tense=fixed("past"))
    assert (t.text, t.value, t.mod, t.direction) == ("early February", "2022-02", "early", "past")
    assert (t.time_start, t.time_end) == (date(2022, 2, 1), date(2022, 2, 9))


def test_month_named_after_a_preposition_in_a_future_clause() -> None:
    t = only("The new line will open in September.", tense=fixed("future"))
    assert (t.value, t.direction) == ("2022-09", "future")


def test_last_and_next_month_names() -> None:
    assert only("Prices jumped last March.").value == "2022-03"
    assert only("Prices jumped last July.").value == "2021-07"
    assert only("It starts next May.").value == "2023-05"


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",  # the modal verb, capitalized at the start
        "Protesters march through the capital.",  # the verb
        "They plan to march in protest.",
        "Officials may delay the vote.",
        "About 2,019 people were evacuated.",  # a number, not a year
        "Police counted 2019 people at the rally.",
        "The bill came to $2019 in total.",
        "She is in her 20s and he is in his 40s.",  # ages, not decades
        "Trading resumed at 1630 GMT.",
        "He scored 30 points in the fall of the regime.",
    ],
)
def test_silent_on_lookalikes(text: str) -> None:
    assert surfaces(text) == []


def test_year_used_as_a_modifier_is_still_the_year() -> None:
    """Decision: "a 2019 model" names the model year 2019; it is reported as such."""
    t = only("He drove a 2019 model to the border.")
    assert (t.text, t.value) == ("2019", "2019")


def test_final_quarter_is_the_fourth() -> None:
    assert only("For the final quarter of 2009, Ford made a profit.").value == "2009-Q4"


def test_year_without_anchor_still_resolves() -> None:
    assert only("Output fell in 2019.", anchor=None).value == "2019"


def test_anchor_is_where_resolution_starts() -> None:
    assert ANCHOR.isoformat() == "2022-06-15"


def test_week_of_a_month() -> None:
    t = only("Car sales rebounded in the last week of March.")
    assert (t.text, t.value, t.granularity) == ("the last week of March", "2022-W13", "week")
    assert only("It ends the first week of June 2021.").value == "2021-W22"


def test_month_owned_by_someone_is_a_month() -> None:
    t = only("Dealers reported their January sales.", tense=fixed("past"))
    assert (t.text, t.value) == ("January", "2022-01")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The deal was signed on 15/6/22.", "2022-06-15"),
        ("He was born on 12/31/99.", "1999-12-31"),  # only month-first is valid
    ],
)
def test_numeric_dates_with_two_digit_years(text: str, value: str) -> None:
    assert only(text).value == value


def test_version_numbers_are_not_dates() -> None:
    assert surfaces("Upgrade to 1.5.10 or to 2/3/4/5.") == []


def test_year_range_in_one_token() -> None:
    t = only("Output rose in 2019-2021.")
    assert (t.value, t.time_start, t.time_end, t.range) == (
        "2019/2021",
        date(2019, 1, 1),
        date(2021, 12, 31),
        "2019/2021",
    )
    assert only("The 2021/22 season ended.").value == "2021/2022"


def test_range_ends_keep_their_own_values_and_record_the_range() -> None:
    start, end = find_timexes("Output rose from 2019 to 2021.", anchor=ANCHOR)
    assert (start.value, end.value) == ("2019", "2021")
    assert start.range == end.range == "2019/2021"
    first, second = find_timexes("Talks ran between April and June.", anchor=ANCHOR)
    assert first.range == second.range == "2022-04/2022-06"


def test_and_without_between_is_no_range() -> None:
    found = find_timexes("It rained in 2019 and 2021.", anchor=ANCHOR)
    assert [t.range for t in found] == [None, None]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Thanksgiving 2019 was quiet.", "2019-11-28"),
        ("Shops shut on Easter Monday 2024.", "2024-04-01"),
        ("He left last Christmas.", "2021-12-25"),
    ],
)
def test_holidays(text: str, value: str) -> None:
    assert only(text).value == value


def test_holiday_year_follows_the_tense() -> None:
    assert only("Sales jumped over Christmas.", tense=fixed("past")).value == "2021-12-25"
    assert only("The plant will reopen after Easter.", tense=fixed("future")).value == "2023-04-09"


def test_lowercase_holiday_words_are_not_holidays() -> None:
    assert surfaces("It was a good friday feeling and an easter egg hunt.") == []


def test_a_weekday_never_moves_the_year_of_a_yearless_date() -> None:
    """Regression: the year came from the weekday ("Sunday, Dec. 18" in a past clause
    became a date ahead of the anchor); the clause's tense decides, the weekday is kept."""
    t = only("He was shot and killed Sunday, Dec. 18, in Gary.", tense=fixed("past"))
    assert (t.text, t.value) == ("Sunday, Dec. 18", "2021-12-18")  # a Saturday
    assert t.weekday == 6  # as written: Sunday, which T003 compares with the date


def test_space_before_the_comma_of_a_full_date() -> None:
    """Regression: tokenized copy writes "February 3 , 2012"."""
    assert only("Missing since February 3 , 2012.").value == "2012-02-03"


def test_street_blocks_are_not_years() -> None:
    assert surfaces("It happened in the 1800 block of Chestnut Avenue.") == []
