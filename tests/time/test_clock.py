"""Times of day (consistency.lang.clock): Recognizers-Text cases (see
tests/data/time/README.md) and the news shapes the checks compare."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from consistency.extract.numbers.figures import find_figures
from consistency.lang.clock import find_clock_times, read_zone, zone_offset

DATA = Path(__file__).resolve().parents[1] / "data" / "time" / "clock_cases.jsonl"
CASES: list[dict[str, Any]] = [
    json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line
]


def _params(kind: str) -> list[Any]:
    return [
        pytest.param(
            case,
            marks=[pytest.mark.xfail(strict=True, reason=case["xfail"])] if "xfail" in case else [],
            id=f"{case['text'][:40]}",
        )
        for case in CASES
        if case["kind"] == kind
    ]


def _gold_minute(timex: str) -> int:
    hours, _, minutes = timex.removeprefix("T").partition(":")
    return int(hours) * 60 + int(minutes[:2] or 0)


@pytest.mark.parametrize("case", _params("time"))
def test_recognizers_time(case: dict[str, Any]) -> None:
    found = find_clock_times(case["text"])
    if case["start"] is None:
        assert found == [], [case["text"][t.start : t.end] for t in found]
        return
    overlapping = [t for t in found if t.start < case["end"] and case["start"] < t.end]
    assert overlapping, found
    if case["value"] is not None:
        assert overlapping[0].minute == _gold_minute(case["value"])


@pytest.mark.parametrize("case", _params("zone"))
def test_recognizers_zone(case: dict[str, Any]) -> None:
    assert read_zone(case["zone"]) == case["offset"]


@pytest.mark.parametrize(
    ("text", "surface", "clock", "low", "high", "relation"),
    [
        ("The quake struck at 3:42 a.m. on Tuesday.", "3:42 a.m.", "03:42", 222, 222, "at"),
        ("It hit at 3.42am.", "3.42am", "03:42", 222, 222, "at"),
        ("The train left at 15:42.", "15:42", "15:42", 942, 942, "at"),
        ("Fireworks began at 9.30 pm.", "9.30 pm", "21:30", 1290, 1290, "at"),
        ("They met at noon.", "noon", "12:00", 720, 720, "at"),
        ("The polls closed at midnight.", "midnight", "00:00", 0, 0, "at"),
        ("It struck shortly after 3 a.m.", "3 a.m.", "03:00", 180, 210, "after"),
        ("The rally began about 6 p.m.", "6 p.m.", "18:00", 1050, 1110, "approx"),
        ("It struck around 06:10 GMT.", "06:10 GMT", "06:10", 355, 385, "approx"),
        ("It ended just before 11 p.m.", "11 p.m.", "23:00", 1365, 1380, "before"),
        ("The shops stay open until 9 p.m.", "9 p.m.", "21:00", 1260, 1260, "until"),
    ],
)
def test_news_times(
    text: str, surface: str, clock: str, low: int, high: int, relation: str
) -> None:
    (t,) = find_clock_times(text)
    assert (text[t.start : t.end], t.clock, t.low, t.high, t.relation) == (
        surface,
        clock,
        low,
        high,
        relation,
    )


@pytest.mark.parametrize(
    ("text", "surface", "offset"),
    [
        ("The vote closes at 10 a.m. EST.", "10 a.m. EST", -300),
        ("The launch is at 9 a.m. BST.", "9 a.m. BST", 60),
        ("It opened at 10 a.m. CET.", "10 a.m. CET", 60),
        ("Results came at 4 p.m. IST.", "4 p.m. IST", 330),
        ("It struck at 8:15 a.m. JST.", "8:15 a.m. JST", 540),
        ("It was 4:30 p.m. (UTC+2) there.", "4:30 p.m. (UTC+2)", 120),
    ],
)
def test_zones_written_after_a_time(text: str, surface: str, offset: int) -> None:
    (t,) = find_clock_times(text)
    assert (text[t.start : t.end], t.offset) == (surface, offset)


def test_a_zone_moving_with_daylight_saving_is_read_on_its_day() -> None:
    (t,) = find_clock_times("The market opens at 9:30 a.m. ET.")
    assert t.offset is None and t.zone_key is not None
    assert zone_offset(t.zone_key, date(2023, 1, 10)) == -300
    assert zone_offset(t.zone_key, date(2023, 7, 10)) == -240


def test_local_time_and_a_bracketed_gmt_time_tell_the_offset() -> None:
    text = "The ship sank at 2:30 p.m. (1830 GMT) off the coast."
    local, gmt = find_clock_times(text)
    assert (local.offset, gmt.offset) == (-240, 0)
    (t,) = find_clock_times("It hit at 4:30 p.m. local time.")
    assert (t.zone_key, t.offset) == ("local", None)


@pytest.mark.parametrize(
    "text",
    [
        "Shares rose 9.30 percent on Tuesday.",
        "The ticket cost $9.30 on Tuesday.",
        "Shares closed at 9.30 on Friday.",
        "He set a record of 2:01:09 in Berlin.",
        "The score was 3-1 at half time.",
        "The index stood at 9.30.",
    ],
)
def test_not_a_time_of_day(text: str) -> None:
    assert find_clock_times(text) == []


def test_a_zone_abbreviation_counts_in_capitals_only() -> None:
    (t,) = find_clock_times("They start at 10 am et cetera.")
    assert t.zone is None


@pytest.mark.parametrize(
    "text",
    ["Police were called shortly after 9.30 on Tuesday.", "They met at 9.30 on Tuesday morning."],
)
def test_a_time_in_a_time_context_is_no_figure(text: str) -> None:
    """Regression: "shortly after 9.30" was read as a count of 9.3."""
    assert [t.clock for t in find_clock_times(text)] == ["09:30"]
    assert find_figures(text) == []


@pytest.mark.parametrize(
    ("text", "figure"),
    [("Shares rose 9.30 percent on Tuesday.", "9.30 percent"), ("It cost $9.30.", "$9.30")],
)
def test_figures_that_look_like_times_stay_figures(text: str, figure: str) -> None:
    assert [f.text for f in find_figures(text)] == [figure]
