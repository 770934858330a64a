"""What must never be read as a quantity: dates, years, clock times, phone numbers, codes."""

from __future__ import annotations

import pytest

from consistency.extract.numbers import find_figures


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held on Wednesday (15/6/2022) in Geneva.",
        "Results are due 15/6.",
        "The ceasefire began on 2022-06-15.",
        "It was signed in 2019.",
        "Between 2019 and 2021 nothing changed.",
        "The 2020-21 season was cut short.",
        "The meeting starts at 10:30.",
        "The meeting starts at 9 am.",
        "The meeting starts at 9.30 p.m.",
        "Call +44 20 7946 0958 for details.",
        "Call 555-123-4567 for details.",
        "It opened on February 24.",
        "It opened on 24 February 2022.",
        "It opened on the 24th of February.",
        "It opened in May 2021.",
        "The boom of the 1990s ended.",
        "The boom of the 80s ended.",
        "Temperatures stayed in the mid-20s.",
        "COVID-19 spread to G7 nations.",
        "Resolution 2231 was adopted.",
        "The office is open 24/7.",
        "She may return soon.",
        "The talks lasted three years.",
        "The talks lasted 20 minutes.",
        "See www.example.com/2021/05/story for details.",
        "The story was filed as 20130914 under case 223712941.",
        "Tracks cost 099 in the store.",
    ],
)
def test_never_a_quantity(text: str) -> None:
    assert find_figures(text) == []


def test_a_year_next_to_a_real_figure_stays_silent() -> None:
    found = find_figures("In 2019, exports rose 5% to $3 billion.")
    assert [f.text for f in found] == ["5%", "$3 billion"]


def test_a_figure_glued_to_a_currency_is_not_a_year() -> None:
    assert [f.value for f in find_figures("It cost $2019.")] == [2019]


def test_a_bare_one_is_not_a_figure_but_one_dollar_is() -> None:
    assert find_figures("one of the leaders") == []
    assert find_figures("it cost one dollar")[0].value == 1


def test_a_small_proper_fraction_is_a_number() -> None:
    assert find_figures("1/2 of voters")[0].value == 0.5


def test_long_figures_with_separators_or_money_stay_figures() -> None:
    assert [f.value for f in find_figures("The city has 1,250,000 people.")] == [1250000]
    assert [f.value for f in find_figures("It cost $1000000 to build.")] == [1000000]
