"""Arbitrary Unicode never makes a normalizer raise; the ones with an inverse round-trip."""

from __future__ import annotations

import unicodedata
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.extract.claims.quotes import find_quotes
from consistency.extract.numbers.words import is_number_word, ordinal_value, words_value
from consistency.extract.time import intervals
from consistency.extract.time.engine import find_timexes
from consistency.extract.time.units import count_of, unit_name
from consistency.lang import names
from consistency.lang.compare import timex_interval
from consistency.lang.predicates import canonical_predicate, same_predicate
from consistency.report.neutralize import FORMULA_START, csv_cell, restore_csv_cell, terminal_text
from tests.properties.strategies import anchors, news_text

SIMPLE = ("day", "week", "month", "quarter", "half", "year")


@given(st.text(), st.text())
def test_name_and_word_normalizers_never_raise(a: str, b: str) -> None:
    assert isinstance(names.fold(a), str)
    assert isinstance(names.strip_honorifics(a), str)
    assert isinstance(names.skeleton(a), str)
    assert isinstance(names.acronym(a), str)
    assert isinstance(names.spelling_variants(a, b), bool)
    assert isinstance(names.demonym_matches(a, b), bool)
    assert isinstance(names.looks_like_demonym(a), bool)
    names.demonym_country(a, [b])
    assert canonical_predicate(a) == canonical_predicate(canonical_predicate(a))
    assert same_predicate(a, b) == same_predicate(b, a)
    is_number_word(a)
    words_value(a)
    ordinal_value(a)
    count_of(a)
    unit_name(a)


@given(news_text)
def test_quotes_lie_inside_the_text(text: str) -> None:
    for quote in find_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(news_text, anchors)
def test_time_expressions_point_into_the_text_and_render_back(
    text: str, anchor: date | None
) -> None:
    for timex in find_timexes(text, anchor=anchor):
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        if timex.time_start and timex.time_end:
            assert timex.time_start <= timex.time_end
        if timex.granularity in SIMPLE and timex.mod is None and timex.value and timex.resolved:
            rendered = timex_interval(timex.value)
            if rendered is not None and timex.time_start and timex.time_end:
                assert rendered == (timex.time_start.isoformat(), timex.time_end.isoformat())


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 1)))
def test_each_period_renders_back_to_its_interval(day: date) -> None:
    periods = [
        intervals.day(day),
        intervals.month(day.year, day.month),
        intervals.quarter(day.year, (day.month - 1) // 3 + 1),
        intervals.half(day.year, (day.month - 1) // 6 + 1),
        intervals.year(day.year),
    ]
    if date(1, 1, 8) <= day <= date(9999, 12, 24):
        periods.append(intervals.week(day))
    for period in periods:
        assert period.start <= day <= period.end
        assert timex_interval(period.value) == (period.start.isoformat(), period.end.isoformat())


def test_a_year_before_1000_renders_back_as_an_iso_interval() -> None:
    """Regression: a year before 1000 was written unpadded ('999-01-01')."""
    assert timex_interval(intervals.year(999).value) == ("0999-01-01", "0999-12-31")


@given(st.text())
def test_csv_neutralizing_is_safe_and_exactly_undone(value: str) -> None:
    cell = csv_cell(value)
    assert not cell.startswith(FORMULA_START)
    assert restore_csv_cell(cell) == value


@given(st.text())
def test_terminal_text_holds_no_control_character(value: str) -> None:
    shown = terminal_text(value)
    assert all(c in "\n\t" or unicodedata.category(c) != "Cc" for c in shown)
    assert not set(shown) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
