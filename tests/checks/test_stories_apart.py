"""Stories never leak into each other: namesakes in two stories are two people."""

from __future__ import annotations

from consistency import pipeline
from consistency.checks.registry import all_checks
from tests.conftest import WriteArticle, jsonl

#: Two stories of one run that share a person's name, each consistent within itself.
BRIDGE = (
    "Mayor Tove Lindqvist, 58, opened the harbour bridge on Monday. "
    '"This bridge joins two halves of the town," Lindqvist said.'
)
BRIDGE_AGAIN = (
    "The harbour bridge was opened on Monday by Mayor Tove Lindqvist, 58. "
    '"This bridge joins two halves of the town," Lindqvist said.'
)
PRIZE = (
    "Tove Lindqvist, 31, a midwife from Umea, won the national care prize on Tuesday. "
    '"I never expected it," Lindqvist told reporters.'
)
PRIZE_AGAIN = (
    "Midwife Tove Lindqvist, 31, received the national care prize on Tuesday. "
    '"I never expected it," Lindqvist told reporters.'
)


def _records(story_of_prize: str) -> list[dict[str, object]]:
    day = "2023-03-08"
    return [
        {"id": "bridge-1", "source": "North Wire", "published": day, "story": "bridge",
         "text": BRIDGE},
        {"id": "bridge-2", "source": "Harbour Post", "published": day, "story": "bridge",
         "text": BRIDGE_AGAIN},
        {"id": "prize-1", "source": "Care Weekly", "published": day, "story": story_of_prize,
         "text": PRIZE},
        {"id": "prize-2", "source": "Umea Daily", "published": day, "story": story_of_prize,
         "text": PRIZE_AGAIN},
    ]  # fmt: skip


def _cross_source_codes() -> tuple[str, ...]:
    return tuple(c.code for c in all_checks() if "cross-source" in c.groups)


def test_namesakes_in_two_stories_stay_silent(write: WriteArticle) -> None:
    run = pipeline.check([write("run.jsonl", jsonl(_records("prize")))])
    codes = _cross_source_codes()
    flagged = run.flags[run.flags["code"].isin(codes)]
    assert flagged.empty, flagged[["code", "message"]].to_string()


def test_the_same_texts_in_one_story_do_conflict(write: WriteArticle) -> None:
    """The control: without the story keys the ages 58 and 31 are one person's."""
    run = pipeline.check([write("run.jsonl", jsonl(_records("bridge")))])
    assert "N004" in set(run.flags["code"])
