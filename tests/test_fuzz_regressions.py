"""Inputs the fuzz run (``python -m benchmarks.fuzz``) found to crash or hang, kept as tests."""

from __future__ import annotations

from consistency import pipeline
from consistency.ingest.cleaning import MAX_RUN_CHARS, blank_out, find_dropped
from consistency.ingest.model import Document
from tests.conftest import WriteArticle


def test_a_long_run_without_spaces_is_left_out_of_analysis() -> None:
    """Found by the fuzz run: the tokenizer's time grows with the square of a run of
    brackets (10,000 of them took minutes)."""
    text = "Exports rose 5 percent. " + "[" * 5000 + "]" * 5000 + " Then 3 more.\n"
    (dropped,) = find_dropped(Document("d", "d.txt", "txt", text))
    assert (dropped.char_start, dropped.char_end) == (24, 10024)
    assert "10,000 characters with no space" in dropped.reason
    assert max(len(w) for w in blank_out(text, [dropped]).split()) <= MAX_RUN_CHARS


def test_a_run_of_punctuation_still_leaves_the_words_around_it_checked(
    write: WriteArticle,
) -> None:
    path = write("a.txt", "Exports rose 5 percent. " + "{[" * 1000 + " Then 3 ships came.\n")
    run = pipeline.check([path])
    assert {"5 percent", "3"} <= set(run.tables["facts"]["text"])
    assert list(run.tables["dropped"]["char_start"]) == [24]
