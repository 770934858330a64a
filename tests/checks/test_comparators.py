"""The generic comparisons the checks are built from."""

from __future__ import annotations

import math

import pytest

from consistency.lang.compare import (
    measured_key,
    numbers_compatible,
    scale_factor,
    written_interval,
)


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "expected"),
    [
        ("$120 million", 120e6, 120e6, 120e6, (119.5e6, 120.5e6)),
        ("4.1 percent", 4.1, 4.1, 4.1, (4.05, 4.15)),
        ("$108.3 billion", 108.3e9, 108.3e9, 108.3e9, (108.25e9, 108.35e9)),
        ("1,250 people", 1250, 1250, 1250, (1249.5, 1250.5)),
    ],
)
def test_written_interval_counts_half_the_last_digit(
    text: str, value: float, low: float, high: float, expected: tuple[float, float]
) -> None:
    row = {"text": text, "value": value, "value_low": low, "value_high": high}
    got = written_interval(row)
    assert got is not None
    assert got == pytest.approx(expected)


def test_written_interval_keeps_an_open_qualifier_open() -> None:
    row = {"text": "more than 30 percent", "value": 30, "value_low": 30, "value_high": None}
    got = written_interval(row)
    assert got is not None
    assert got[0] == pytest.approx(29.5)
    assert math.isinf(got[1])


def test_written_interval_of_a_word_number_is_its_value() -> None:
    row = {"text": "five people", "value": 5, "value_low": 5, "value_high": 5}
    assert written_interval(row) == (5, 5)


def test_numbers_compatible_allows_rounding_only() -> None:
    assert numbers_compatible((147e9, 147e9), (146.9e9, 146.9e9))
    assert not numbers_compatible((147e9, 147e9), (174e9, 174e9))


def test_scale_factor_finds_a_thousandfold_slip_only() -> None:
    assert scale_factor(3.2e9, 3.2e6) == 3
    assert scale_factor(3.2e9, 3.1e6) is None
    assert scale_factor(300, 30) is None


@pytest.mark.parametrize(
    ("thing", "key"),
    [
        ("trade volume", "volume"),
        ("Revenue", "revenue"),
        ("Peyton Hillis", ""),
        ("AMD", ""),
        ("percent", ""),
    ],
)
def test_measured_key_is_a_things_head_noun_never_a_name(thing: str, key: str) -> None:
    row = {"object": thing, "kind": "quantity", "unit": None}
    assert measured_key(row) == key


def test_wording_differences_of_one_quote() -> None:
    from consistency.lang.compare import wording_difference as diff

    assert diff("We are close", "We are close") is None
    assert diff("close to a deal", "We are close to a deal now").kind == "excerpt"
    assert diff("deal to close a", "close to a deal").kind == "reordered"
    opposite = diff("It is likely to rise", "It is unlikely to rise")
    assert opposite.kind == "meaning" and "unlikely" in opposite.detail
    assert diff("We will retreat", "We will not retreat").kind == "meaning"
    assert diff("We lost 12 homes", "We lost 21 homes").kind == "meaning"
    assert diff("We will not retreat", "We shall not retreat").kind == "wording"
