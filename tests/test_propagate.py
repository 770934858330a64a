"""Anchor propagation from a source that dates the same event explicitly."""

from __future__ import annotations

import pandas as pd

from consistency import pipeline
from tests.conftest import WriteArticle, jsonl

DATED = (
    "Rescuers said on Tuesday (4/4/2023) that the dam near Ostrava had burst after "
    "days of heavy rain, flooding three villages.\n"
)
UNDATED_SAME = (
    "The dam near Ostrava burst on Tuesday after days of heavy rain, flooding three "
    "villages, rescuers said.\n"
)
UNDATED_OTHER_EVENT = "The central bank raised rates on Tuesday, surprising markets.\n"
UNDATED_OTHER_DAY = (
    "The dam near Ostrava burst on Monday after days of heavy rain, flooding three "
    "villages, rescuers said.\n"
)


def anchors(write: WriteArticle, records: list[dict[str, str]]) -> dict[str, tuple]:
    run = pipeline.extract([write("story.jsonl", jsonl(records))])
    docs = run.tables["documents"].set_index("doc_id")
    return {
        doc_id: (row["anchor_date"], row["anchor_basis"], row["anchor_evidence"])
        for doc_id, row in docs.iterrows()
    }


def test_undated_report_of_same_event_borrows_the_date(write: WriteArticle) -> None:
    got = anchors(write, [{"id": "a", "text": DATED}, {"id": "b", "text": UNDATED_SAME}])
    assert got["a"][:2] == ("2023-04-04", "text")
    date, basis, evidence = got["b"]
    assert (date, basis) == ("2023-04-04", "propagated")
    assert evidence.startswith("a: 'Tuesday (4/4/2023)'")


def test_a_different_event_on_the_same_weekday_borrows_no_event(write: WriteArticle) -> None:
    """No sentence lends its date: the undated article takes the story's date, said so."""
    got = anchors(write, [{"id": "a", "text": DATED}, {"id": "b", "text": UNDATED_OTHER_EVENT}])
    assert got["b"][:2] == ("2023-04-04", "story")
    assert got["b"][2].startswith("the story's latest dated report, a")


def test_the_same_event_on_another_weekday_borrows_no_event(write: WriteArticle) -> None:
    got = anchors(write, [{"id": "a", "text": DATED}, {"id": "b", "text": UNDATED_OTHER_DAY}])
    assert got["b"][:2] == ("2023-04-04", "story")


def test_an_undated_article_takes_its_storys_latest_date(write: WriteArticle) -> None:
    records = [
        {"id": "a", "text": UNDATED_OTHER_EVENT, "published": "2023-04-05"},
        {"id": "b", "text": UNDATED_OTHER_EVENT, "published": "2023-04-06"},
        {"id": "c", "text": UNDATED_OTHER_DAY},
    ]
    date, basis, evidence = anchors(write, records)["c"]
    assert (date, basis) == ("2023-04-06", "story")
    assert "2023-04-05 to 2023-04-06" in evidence


def test_a_story_with_no_dated_report_stays_unanchored(write: WriteArticle) -> None:
    got = anchors(
        write, [{"id": "a", "text": UNDATED_OTHER_EVENT}, {"id": "b", "text": UNDATED_SAME}]
    )
    assert got["b"][:2] == (pd.NA, "unknown")


def test_metadata_anchor_is_kept(write: WriteArticle) -> None:
    records = [
        {"id": "a", "text": DATED},
        {"id": "b", "text": UNDATED_SAME, "published": "2023-04-05"},
    ]
    assert anchors(write, records)["b"][:2] == ("2023-04-05", "metadata")


def test_other_stories_are_not_donors(write: WriteArticle) -> None:
    records = [
        {"id": "a", "text": DATED, "story": "dam"},
        {"id": "b", "text": UNDATED_SAME, "story": "elsewhere"},
    ]
    assert anchors(write, records)["b"][:2] == (pd.NA, "unknown")
