"""The text-level core, without a parser: values, units, qualifiers, roles."""

from __future__ import annotations

import pytest

from consistency.extract.numbers import Figure, find_figures


def only(text: str) -> Figure:
    found = find_figures(text)
    assert len(found) == 1, found
    return found[0]


def test_money_with_scale_word_is_in_base_units_and_iso_code() -> None:
    f = only("Exports to Japan reached $2.5 billion.")
    assert (f.text, f.kind, f.value, f.unit, f.scale) == (
        "$2.5 billion",
        "money",
        2.5e9,
        "USD",
        "billion",
    )


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a fine of €40m", 40e6, "EUR"),
        ("profit of £8.10 million", 8.1e6, "GBP"),
        ("worth 100 billion yuan", 1e11, "CNY"),
        ("paid 450,000 yen", 450_000, "JPY"),
        ("a c $ 300 million charge", 300e6, "CAD"),
        ("a loan of US$150 million", 150e6, "USD"),
        ("priced at HK$10.05 billion", 10.05e9, "HKD"),
        ("shares fell 34 cents", 0.34, "USD"),
        ("closed at 197 pence", 1.97, "GBP"),
        ("a deal of EUR 125 million", 125e6, "EUR"),
        ("income of 3.5bn roubles", 3.5e9, "RUB"),
        ("revenue of 12 mln dollars", 12e6, "USD"),
        ("bids above 30 MUSD", 30e6, "USD"),
        ("costs 115USD", 115, "USD"),
        ("a 35 lakh rupees loan", 3.5e6, "INR"),
        ("half a million dollars", 5e5, "USD"),
        ("a $1.5T spending plan", 1.5e12, "USD"),
    ],
)
def test_currencies_and_scales(text: str, value: float, unit: str) -> None:
    f = only(text)
    assert f.kind == "money"
    assert f.value == pytest.approx(value)
    assert f.unit == unit


def test_binary_noise_from_scaling_is_dropped() -> None:
    assert only("a $16.4 million grant").value == 16_400_000


@pytest.mark.parametrize(
    ("text", "qualifier", "low", "high"),
    [
        ("more than 30 percent", "more_than", 30, None),
        ("at least 30 percent", "at_least", 30, None),
        ("less than 30 percent", "less_than", None, 30),
        ("up to 30 percent", "up_to", None, 30),
        ("about 30 percent", "approx", 27, 33),
        ("nearly 30 percent", "approx", 27, 30),
        ("some 30 percent", "approx", 27, 33),
        ("30 percent", "exact", 30, 30),
    ],
)
def test_qualifier_is_part_of_the_surface_and_sets_bounds(
    text: str, qualifier: str, low: float | None, high: float | None
) -> None:
    f = only(f"The share was {text} of the total.")
    assert f.text == text
    assert f.qualifier == qualifier
    assert f.low == (None if low is None else pytest.approx(low))
    assert f.high == (None if high is None else pytest.approx(high))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("5%", 5, "percent"),
        ("12 per cent", 12, "percent"),
        ("twenty percent", 20, "percent"),
        ("0.5 percentage points", 0.5, "pp"),
        ("25 basis points", 0.25, "pp"),
    ],
)
def test_percents_and_points(text: str, value: float, unit: str) -> None:
    f = only(f"It moved {text} overall.")
    assert (f.kind, f.unit) == ("percent", unit)
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "unit"),
    [
        ("between 20 and 25 percent of voters", "between 20 and 25 percent", 20, 25, "percent"),
        ("a 20-25 km stretch", "20-25 km", 20, 25, "kilometre"),
        ("costs of $20-25 million", "$20-25 million", 20e6, 25e6, "USD"),
        ("8 to 10 percent of sales", "8 to 10 percent", 8, 10, "percent"),
    ],
)
def test_ranges_become_one_figure_with_bounds(
    text: str, surface: str, low: float, high: float, unit: str
) -> None:
    f = only(text)
    assert (f.text, f.unit, f.is_range) == (surface, unit, True)
    assert (f.low, f.high) == (pytest.approx(low), pytest.approx(high))
    assert f.value == pytest.approx((low + high) / 2)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("two ships", 2),
        ("a dozen ships", 12),
        ("twenty-one ships", 21),
        ("one hundred and five ships", 105),
        ("two dozen ships", 24),
        ("1.5 million ships", 1.5e6),
        ("three thousand ships", 3000),
    ],
)
def test_number_words(text: str, value: float) -> None:
    f = only(text)
    assert (f.kind, f.role) == ("quantity", "count")
    assert f.value == pytest.approx(value)


def test_vague_plural_amounts_carry_bounds() -> None:
    f = only("tens of thousands of protesters marched")
    assert (f.text, f.qualifier, f.low, f.high) == ("tens of thousands", "approx", 20_000, 100_000)


def test_people_counts_have_unit_people() -> None:
    f = only("at least 1,200 Ukrainian troops were moved")
    assert (f.value, f.unit, f.qualifier) == (1200, "people", "at_least")


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("the second reported call", "second", 2),
        ("her 21st title", "21st", 21),
        ("the twenty-fifth session", "twenty-fifth", 25),
        ("the one hundred twenty-fifth run", "one hundred twenty-fifth", 125),
        ("the 3rd attempt", "3rd", 3),
    ],
)
def test_ordinals(text: str, surface: str, value: int) -> None:
    f = only(text)
    assert (f.text, f.kind, f.value, f.role) == (surface, "ordinal", value, "rank")


@pytest.mark.parametrize(
    "text",
    [
        "within one second",
        "at first it seemed fine",
        "in the third quarter",
        "first of all, no",
        "in the 21st century",
    ],
)
def test_not_ordinals(text: str) -> None:
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("on his 69th birthday", "69th", 69, "year"),
        ("Smith, aged 45, said", "aged 45", 45, "year"),
        ("a 45-year-old man", "45-year-old", 45, "year"),
        ("she is 29 years old", "29 years old", 29, "year"),
        ("the baby was ten months old", "ten months old", 10, "month"),
        ("at 6 weeks of age", "6 weeks of age", 6, "week"),
    ],
)
def test_ages(text: str, surface: str, value: float, unit: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.value, f.unit, f.role) == (surface, "age", value, unit, "age")


@pytest.mark.parametrize(
    ("text", "surface", "direction"),
    [
        ("sales were up more than 30 percent", "more than 30 percent", "up"),
        ("profit fell by 5%", "5%", "down"),
        ("output rose 2.1 percent", "2.1 percent", "up"),
        ("an increase of 4%", "4%", "up"),
        ("a 4% decline", "4%", "down"),
    ],
)
def test_changes_have_role_and_direction(text: str, surface: str, direction: str) -> None:
    f = only(text)
    assert (f.text, f.role, f.direction) == (surface, "change", direction)


def test_change_base_written_after_it_is_kept() -> None:
    f = only("Exports rose 7% year on year.")
    assert (f.role, f.base) == ("change", "year on year")


@pytest.mark.parametrize(
    ("text", "surface", "value", "direction"),
    [
        ("exports doubled", "doubled", 2, "up"),
        ("profits halved", "halved", 0.5, "down"),
        ("the budget fell by half", "half", 0.5, "down"),
        ("a three-fold rise", "three-fold", 3, "up"),
    ],
)
def test_multiplicative_changes(text: str, surface: str, value: float, direction: str) -> None:
    f = only(text)
    assert (f.text, f.unit, f.value, f.role, f.direction) == (
        surface,
        "times",
        value,
        "change",
        direction,
    )


def test_rose_from_a_to_b_marks_both_ends() -> None:
    a, b = find_figures("Sales rose from $10 million to $12.5 million.")
    assert (a.value, a.change_part, a.direction) == (10e6, "from", "up")
    assert (b.value, b.change_part, b.direction) == (12.5e6, "to", "up")


def test_level_after_a_change_is_its_new_value() -> None:
    change, level = find_figures("Sales rose 6.2% to $1.45 billion.")
    assert change.role == "change"
    assert (level.role, level.change_part) == ("level", "to")


def test_negative_values() -> None:
    assert only("just need minus five percent").value == -5


def test_physical_units_come_from_quantulum3() -> None:
    f = only("a pipe 3 inches wide")
    assert (f.unit, f.value) == ("inch", 3)


def test_mixed_fraction() -> None:
    f = only("more than 10 1/2 miles of cable")
    assert (f.text, f.value, f.unit) == ("more than 10 1/2 miles", 10.5, "mile")


def test_regression_article_before_dollar_is_not_a_currency_prefix() -> None:
    """Guards "a $48.2 million contract" once read as Australian dollars ("a$")."""
    f = only("won a $48.2 million army contract")
    assert (f.text, f.unit) == ("$48.2 million", "USD")


def test_regression_currency_after_wins_over_dollar_word_before() -> None:
    """Guards "50 dollar 40 rmb": "dollar" before 40 once swallowed it into USD."""
    found = find_figures("50 dollar 40 rmb")
    assert [(f.text, f.unit) for f in found] == [("50 dollar", "USD"), ("40 rmb", "CNY")]


@pytest.mark.parametrize(
    ("text", "value"),
    [("it cost 3 dollars 50 cents.", 3.5), ("thirteen dollars and forty-five cents", 13.45)],
)
def test_dollars_and_cents_are_one_amount(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


def test_regression_physical_range_keeps_both_ends() -> None:
    """Guards "44 mg to 50 mg": the unit's span once swallowed the second number."""
    f = only("They were given 44 mg to 50 mg ethanol.")
    assert (f.text, f.unit, f.low, f.high) == ("44 mg to 50 mg", "milligram", 44, 50)


def test_percent_written_before_its_number_at_sentence_start() -> None:
    f = only("Per cent of twenty-two.")
    assert (f.kind, f.value) == ("percent", 22)


def test_a_thousandth_is_a_fraction_not_an_ordinal() -> None:
    assert find_figures("a thousandth") == []


def test_regression_phrasal_make_up_is_not_a_change() -> None:
    """Guards "make up 20 to 25 percent" once read as a change of 20 then a "to" level."""
    f = only("jobs which make up 20 to 25 percent of the total")
    assert (f.text, f.role, f.low, f.high) == ("20 to 25 percent", "level", 20, 25)


def test_age_in_apposition_to_a_name() -> None:
    f = only("Police said Ronald Munn, 28, was shot.")
    assert (f.text, f.kind, f.value, f.unit) == ("28", "age", 28, "year")


def test_ages_listed_after_ages_word() -> None:
    assert [(f.kind, f.value) for f in find_figures("The men, ages 41 and 45, were inside")] == [
        ("age", 41),
        ("age", 45),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "a shop on East 34th Street",
        "shot in the 3300 block of North Avenue",
        "charged with first-degree murder",
        "bought three to four years ago",
    ],
)
def test_addresses_degrees_and_duration_ranges_stay_silent(text: str) -> None:
    assert find_figures(text) == []


def test_age_range() -> None:
    f = only("He is about 40 - 50 years old.")
    assert (f.kind, f.unit, f.low, f.high, f.is_range) == ("age", "year", 40, 50, True)


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("They found the body of Ana Ruiz, 23. She had been shot.", "23", 23),
        ("The gunman was identified as Joe Hig\xadgins, 62. The victim", "62", 62),
        ("At least one other man, 21, was inside the van.", "21", 21),
        ("Police charged Tom Lee and Dan Cobb, both 17, with robbery.", "17", 17),
        ("He turned 21 shortly before he was killed.", "21", 21),
        ("Mary Jones, 43yoa, of Mount Olive", "43yoa", 43),
        ("Tom Adkins 29 YOA was found", "29 YOA", 29),
    ],
)
def test_ages_of_people_in_news_copy(text: str, surface: str, value: float) -> None:
    f = only(text)
    assert (f.text, f.kind, f.value, f.unit) == (surface, "age", value, "year")


@pytest.mark.parametrize(
    ("text", "surface", "low", "high"),
    [
        ("A man in his 20s was shot.", "20s", 20, 29),
        ("a woman in her early thirties", "early thirties", 30, 33),
        ("a boy in his late teens", "late teens", 16, 19),
        ("the victims were in their 20's, family members said", "20's", 20, 29),
        ("Suspect: black male, mid-20s, wearing a hoodie", "mid-20s", 23, 26),
        ("described as between 18 and 24 years of age", "between 18 and 24 years of age", 18, 24),
        ("a man aged between 18 and 24.", "aged between 18 and 24", 18, 24),
    ],
)
def test_age_spans_read_as_ranges(text: str, surface: str, low: float, high: float) -> None:
    f = only(text)
    assert (f.text, f.kind, f.unit, f.low, f.high, f.is_range) == (
        surface,
        "age",
        "year",
        low,
        high,
        True,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Temperatures stayed in the mid-20s.",
        "Prices rose in the 80s and the 1920s.",
        "The index turned 100 points higher.",
        "On Monday, 23 were hurt.",
        "Teixeira, who turns 29 on April 11, hit 33 home runs.",
    ],
)
def test_decades_and_other_numbers_after_names_are_not_ages(text: str) -> None:
    assert all(f.kind != "age" for f in find_figures(text))


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("two thirds of voters", "two thirds", 2 / 3),
        ("a third of voters", "a third", 1 / 3),
        ("half of the workers", "half", 0.5),
        ("a quarter of the budget", "a quarter", 0.25),
    ],
)
def test_shares_in_words_are_fractions(text: str, surface: str, value: float) -> None:
    f = only(text)
    assert (f.text, f.unit) == (surface, "fraction")
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [("one and a half million", 1.5e6), ("three quarters billion", 7.5e8), ("half a million", 5e5)],
)
def test_fractions_of_scales(text: str, value: float) -> None:
    """Guards "one and a half million", once read as "a half million" alone."""
    assert only(text).value == pytest.approx(value)


def test_a_tight_t_without_a_currency_is_no_trillion() -> None:
    f = only("They shipped 100t of steel")
    assert (f.kind, f.value) == ("quantity", 100)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rates of 4 or 5 percent", [("percent", 4, "percent"), ("percent", 5, "percent")]),
        ("doses of 45 and 50 mg", [("quantity", 45, "milligram"), ("quantity", 50, "milligram")]),
        (
            "3, 4 and 5 km away",
            [
                ("quantity", 3, "kilometre"),
                ("quantity", 4, "kilometre"),
                ("quantity", 5, "kilometre"),
            ],
        ),
        ("3 and 4 million dollars", [("money", 3e6, "USD"), ("money", 4e6, "USD")]),
        ("He killed 2 and wounded 5 people", [("quantity", 2, None), ("quantity", 5, "people")]),
    ],
)
def test_a_list_of_numbers_shares_the_unit_written_last(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert [(f.kind, f.value, f.unit) for f in find_figures(text)] == expected


@pytest.mark.parametrize(
    ("text", "surface", "value", "unit"),
    [
        ("a modest gain of half a percent", "half a percent", 0.5, "percent"),
        ("rose by a quarter of a percent", "a quarter of a percent", 0.25, "percent"),
        ("up half a percentage point", "half a percentage point", 0.5, "pp"),
        ("three quarters of one per cent", "three quarters of one per cent", 0.75, "percent"),
    ],
)
def test_fractions_of_a_percent(text: str, surface: str, value: float, unit: str) -> None:
    f = only(text)
    assert (f.text, f.kind, f.value, f.unit) == (surface, "percent", value, unit)


def test_regression_open_qualified_figures_make_no_range() -> None:
    """Guards "more than 7.3% to below 9,000" once joined into one range 7.3-9,000."""
    figures = find_figures("The index fell more than 7.3% to below 9,000 on Monday.")
    assert [(f.text, f.is_range) for f in figures] == [
        ("more than 7.3%", False),
        ("below 9,000", False),
    ]


def test_others_after_a_number_are_people() -> None:
    figures = find_figures("14 people were killed and 21 others wounded")
    assert [(f.value, f.unit) for f in figures] == [(14, "people"), (21, "people")]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The charity raised $298 million at the gala.", "level"),
        ("The start-up is raising $40 million from investors.", "level"),
        ("The offer was raised by $2 billion.", "change"),
        ("Revenue rose $3 million in the quarter.", "change"),
    ],
)
def test_regression_money_raised_is_collected_not_a_change(text: str, role: str) -> None:
    """Guards "raised $298 million" (a sum collected) once read as a rise of that much."""
    (figure,) = [f for f in find_figures(text) if f.kind == "money"]
    assert figure.role == role


@pytest.mark.parametrize(
    ("text", "surface", "seconds"),
    [
        ("She won the marathon in 2:18:11 on Sunday.", "2:18:11", 8291.0),
        ("His 1:43.09 stood as the record for years.", "1:43.09", 103.09),
        ("The team swam 3:08.24 in the heats.", "3:08.24", 188.24),
        ("He won in 3 minutes 29.34 seconds.", "3 minutes 29.34 seconds", 209.34),
        ("She won in 2 hours 0 minutes 35 seconds.", "2 hours 0 minutes 35 seconds", 7235.0),
    ],
)
def test_times_taken_written_like_a_clock_are_seconds(
    text: str, surface: str, seconds: float
) -> None:
    f = only(text)
    assert (f.text, f.kind, f.unit) == (surface, "quantity", "second")
    assert f.value == pytest.approx(seconds)


@pytest.mark.parametrize(
    "text",
    [
        "The quake struck at 3:42 a.m. local time.",
        "The meeting began at 10:30 on Tuesday.",
        "The blast came at 19:42:10 GMT.",
    ],
)
def test_times_of_day_are_no_figures(text: str) -> None:
    assert find_figures(text) == []


def test_seconds_are_counted_figures() -> None:
    """The temporal engine counts no seconds: "43 seconds" is the numbers layer's."""
    f = only("The tremor lasted 43 seconds.")
    assert (f.text, f.value, f.unit) == ("43 seconds", 43, "second")


@pytest.mark.parametrize(
    ("text", "surface", "direction"),
    [
        ("He lowered the course record by 22 seconds.", "22 seconds", "down"),
        ("The bank raised its key rate by 0.5 percentage points.", "0.5 percentage points", "up"),
    ],
)
def test_amount_after_by_of_a_change_verb_with_its_object_between(
    text: str, surface: str, direction: str
) -> None:
    f = only(text)
    assert (f.text, f.role, f.direction) == (surface, "change", direction)


def test_regression_points_then_percent_are_not_a_range() -> None:
    """Guards "by 0.25 percentage points to 4.5 percent" once joined into one range."""
    change, level = find_figures(
        "The bank cut its key rate by 0.25 percentage points to 4.5 percent."
    )
    assert (change.text, change.role) == ("0.25 percentage points", "change")
    assert (level.text, level.change_part) == ("4.5 percent", "to")


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Shoppers paid 9.1 percent more than a year earlier.", "up"),
        ("The flight costs 20% less than last year.", "down"),
        ("Turnout was 4 percent lower than in 2019.", "down"),
    ],
)
def test_a_percent_before_a_comparative_is_a_difference(text: str, direction: str) -> None:
    f = only(text)
    assert (f.kind, f.role, f.direction) == ("percent", "change", direction)
