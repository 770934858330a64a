"""Acceptance on the seed articles (issue 4's "done when"); behaviour is tested elsewhere
on other sentences, these only confirm it end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from consistency import pipeline
from consistency.tables import records

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def seed_rows() -> list[list[dict[str, Any]]]:
    facts = pipeline.extract([SEEDS]).tables["facts"]
    return [list(records(group)) for _, group in facts.groupby("doc_id", sort=True)]


def first(rows: list[dict[str, Any]], text: str) -> dict[str, Any]:
    return next(r for r in rows if r["text"] == text)


def test_trade_volume_money(seed_rows: list[list[dict[str, Any]]]) -> None:
    for rows in seed_rows:
        row = first(rows, "$147 billion")
        assert (row["kind"], row["value"], row["unit"]) == ("money", 147e9, "USD")
        assert row["object"] == "trade volume"
        assert row["attribution"] == "Chinese customs data"


def test_change_more_than_30_percent(seed_rows: list[list[dict[str, Any]]]) -> None:
    for rows in seed_rows:
        row = first(rows, "more than 30 percent")
        assert (row["kind"], row["qualifier"], row["role"], row["period"]) == (
            "percent",
            "more_than",
            "change",
            "2019",
        )
        assert row["link"] == first(rows, "$147 billion")["fact_id"]


def test_trade_volume_period_is_last_year(seed_rows: list[list[dict[str, Any]]]) -> None:
    assert all(first(rows, "$147 billion")["period"] == "2021" for rows in seed_rows)


def test_second_reported_call(seed_rows: list[list[dict[str, Any]]]) -> None:
    for rows in seed_rows:
        row = first(rows, "second")
        assert (row["kind"], row["value"]) == ("ordinal", 2)
        assert row["object"].endswith("call")


def test_69th_birthday_is_xis_age(seed_rows: list[list[dict[str, Any]]]) -> None:
    row = first(seed_rows[0], "69th")
    assert (row["kind"], row["value"], row["subject"]) == ("age", 69, "Xi")


def test_nothing_in_the_dateline_date_is_a_quantity(seed_rows: list[list[dict[str, Any]]]) -> None:
    for rows in seed_rows:
        figures = ("money", "percent", "quantity", "ordinal", "age")
        text = "".join(r["text"] for r in rows if r["kind"] in figures)
        assert "15" not in text and "2022" not in text
