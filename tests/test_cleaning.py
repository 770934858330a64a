"""Cleaning: lines that are not the article are left out, listed with a reason."""

from __future__ import annotations

import pytest

from consistency.ingest.cleaning import blank_out, find_dropped, line_reason
from consistency.ingest.model import Document


def doc(text: str) -> Document:
    return Document("d", "d.txt", "txt", text)


@pytest.mark.parametrize(
    "line",
    [
        "Read Also: Floods Hit Northern Province Again",
        "READ MORE: Central bank holds rates",
        "Related: Minister resigns over expenses row",
        "See also: How the vote was counted",
        "Post a Comment",
        "Previous Post Next Post",
        "Newer Post Older Post",
        "Share this article",
        "Share on Facebook",
        "Subscribe to our newsletter for daily updates",
        "Sign up for free breaking news alerts",
        "Advertisement",
        "Follow us on Twitter",
        "12 Comments",
        "Click here to read the full report",
    ],
)
def test_page_furniture_is_recognised(line: str) -> None:
    assert line_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Share prices rose 5% on Monday after the announcement.",
        "Readers also wrote in to complain about the delays.",
        "Related parties must disclose their holdings, the regulator said.",
        "The minister said: Read the report before you judge it. Then decide.",
        "More than 300 people attended the ceremony.",
        "Comments by the governor drew criticism from unions.",
        "Subscribers to the service will pay more from July.",
        "Previous posts in the ministry were held by his rivals.",
    ],
)
def test_article_sentences_stay(line: str) -> None:
    assert line_reason(line) is None


def test_repeated_headline_kept_once_and_each_repeat_listed() -> None:
    text = (
        "Storm closes ports\n\nStorm closes ports\nStorm closes ports\n\n"
        "Ports along the coast closed on Sunday.\n"
    )
    dropped = find_dropped(doc(text))
    assert [d.reason for d in dropped] == ["repeated line (first at offset 0)"] * 2
    assert [text[d.char_start : d.char_end] for d in dropped] == ["Storm closes ports"] * 2
    assert dropped[0].char_start == text.index("Storm closes ports", 1)


def test_short_repeated_lines_are_not_furniture() -> None:
    text = "Yes.\nThe vote passed.\nYes.\n"
    assert find_dropped(doc(text)) == []


def test_offsets_point_into_original_text() -> None:
    text = "Body line one.\n  Read Also: Something else entirely  \nBody line two.\n"
    (dropped,) = find_dropped(doc(text))
    assert text[dropped.char_start : dropped.char_end] == dropped.text
    assert dropped.text == "Read Also: Something else entirely"
    assert dropped.reason == "related-link teaser"


def test_blank_out_keeps_length_and_line_breaks() -> None:
    text = "Keep this.\nRead Also: Drop this\nKeep that.\n"
    dropped = find_dropped(doc(text))
    blanked = blank_out(text, dropped)
    assert len(blanked) == len(text)
    assert blanked.splitlines()[1].strip() == ""
    assert blanked.count("\n") == text.count("\n")
    assert "Keep that." in blanked


def test_front_matter_is_listed_as_dropped() -> None:
    text = "---\nsource: X\n---\nBody.\n"
    document = Document("d", "d.md", "md", text, excluded=((0, 18, "front matter"),))
    (dropped,) = find_dropped(document)
    assert (dropped.char_start, dropped.char_end, dropped.reason) == (0, 18, "front matter")
