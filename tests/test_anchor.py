"""Anchor dates: in-text dates bound to a weekday or a dateline (near the publication date
when there is one), else metadata, else unknown."""

from __future__ import annotations

from datetime import date

import pytest

from consistency.anchor import find_anchor


@pytest.mark.parametrize(
    ("text", "expected", "evidence"),
    [
        ("Officials met on Monday (3/4/2023) in Oslo.", date(2023, 4, 3), "Monday (3/4/2023)"),
        ("The court ruled on Friday, March 10, 2023, that", date(2023, 3, 10), None),
        ("LONDON, March 10, 2023 - The court ruled", date(2023, 3, 10), "March 10, 2023"),
        ("Published: 2021-11-05\n\nThe council voted.", date(2021, 11, 5), "2021-11-05"),
        ("Thursday 15 June 2023: fires spread east.", date(2023, 6, 15), None),
    ],
)
def test_in_text_anchor(text: str, expected: date, evidence: str | None) -> None:
    anchor = find_anchor(text, published=None)
    assert anchor.date == expected
    assert anchor.basis == "text"
    if evidence:
        assert anchor.evidence == evidence
    assert text[anchor.char_start : anchor.char_end] == anchor.evidence


def test_weekday_that_disagrees_with_date_is_not_an_anchor() -> None:
    # 3 April 2023 was a Monday, not a Tuesday.
    anchor = find_anchor("They met on Tuesday (3/4/2023).", published=date(2023, 4, 4))
    assert (anchor.date, anchor.basis) == (date(2023, 4, 4), "metadata")


def test_background_date_in_body_does_not_outrank_metadata() -> None:
    text = "The treaty, signed on June 5, 1999, expired. Talks resumed on Wednesday."
    anchor = find_anchor(text, published=date(2023, 5, 10))
    assert (anchor.date, anchor.basis) == (date(2023, 5, 10), "metadata")


def test_no_anchor_is_unknown() -> None:
    anchor = find_anchor("Talks resumed on Wednesday.")
    assert (anchor.date, anchor.basis) == (None, "unknown")


def test_day_first_and_month_first_decided_by_values() -> None:
    assert find_anchor("on Wednesday (6/15/2022)").date == date(2022, 6, 15)
    assert find_anchor("on Wednesday (15/6/2022)").date == date(2022, 6, 15)


def test_a_background_date_far_from_the_publication_date_is_no_anchor() -> None:
    """Regression: "on Wednesday, July 4, 2012" in an obituary published in 2024 became
    the article's anchor, and every relative date of the article moved to 2012."""
    text = "Scientists paid tribute on Tuesday. On Wednesday, July 4, 2012, the lab made history."
    anchor = find_anchor(text, published=date(2024, 4, 9))
    assert (anchor.date, anchor.basis) == (date(2024, 4, 9), "metadata")


def test_a_dateline_near_the_publication_date_is_the_anchor() -> None:
    text = "Officials met on Wednesday (15/6/2022) in Brussels."
    anchor = find_anchor(text, published=date(2022, 6, 16))
    assert (anchor.date, anchor.basis) == (date(2022, 6, 15), "text")
