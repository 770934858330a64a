"""Quotes: marks, speakers, channels, and silence where nobody is named."""

from __future__ import annotations

import json

from consistency.extract.claims.quotes import extract_quotes, find_quotes
from tests.claims.conftest import Parse


def _quotes(parse: Parse, text: str) -> list[tuple[str, str | None, str | None, dict]]:
    parsed = parse(text)
    return [
        (
            parsed.text[r["char_start"] : r["char_end"]],
            r["subject"],
            r["attribution"],
            json.loads(r["detail"]),
        )
        for r in extract_quotes(parsed)
    ]


def test_marks_straight_curly_single_and_apostrophes() -> None:
    text = "He said \"yes, now\". She said “not today”. The firm's chief said 'fine' twice."
    found = [text[q.start : q.end] for q in find_quotes(text)]
    assert found == ["yes, now", "not today", "fine"]
    assert [q.style for q in find_quotes(text)] == ["straight", "curly", "straight"]


def test_unclosed_mark_gives_no_quote() -> None:
    assert find_quotes('He said "this never ends.\nNext line.') == []


def test_speaker_of_said(parse: Parse) -> None:
    [(words, speaker, channel, detail)] = _quotes(
        parse, '"We will rebuild the harbour within a year," Mayor Anna Berg said on Monday.'
    )
    assert words == "We will rebuild the harbour within a year"
    assert (speaker, channel) == ("Anna Berg", None)
    assert detail["extent"] == "full"
    assert detail["marks"] == "double_straight"


def test_channel_quoted_speaker_as_saying(parse: Parse) -> None:
    text = (
        'Prime Minister Lars Holm met the unions. "The strike must end," '
        "public broadcaster NRK quoted Holm as saying."
    )
    [(words, speaker, channel, _)] = _quotes(parse, text)
    assert words == "The strike must end"
    assert (speaker, channel) == ("Lars Holm", "NRK")


def test_quote_predicate_is_the_verb_of_saying(parse: Parse) -> None:
    parsed = parse('"Prices will fall," Anna Berg told reporters on Monday.')
    [row] = extract_quotes(parsed)
    assert (row["subject"], row["predicate"]) == ("Anna Berg", "tell")


def test_channel_from_according_to_and_partial_quote(parse: Parse) -> None:
    text = "According to Reuters, Lars Holm praised the “remarkable progress” of the talks."
    [(words, speaker, channel, detail)] = _quotes(parse, text)
    assert words == "remarkable progress"
    assert (speaker, channel) == ("Lars Holm", "Reuters")
    assert detail == {
        "channel_span": [13, 20],
        "extent": "partial",
        "marks": "double_curly",
        "speaker_span": [22, 31],
    }


def test_pronoun_speaker_is_the_person_before(parse: Parse) -> None:
    text = 'Maria Lopez spoke to reporters. The plan is "on schedule," she added.'
    [(_, speaker, _, _)] = _quotes(parse, text)
    assert speaker == "Maria Lopez"


def test_quote_without_a_speaker_gets_none(parse: Parse) -> None:
    text = 'The two firms signed what they call a "historic" merger.\nA "new era" for steel.'
    rows = _quotes(parse, text)
    assert [(w, s) for w, s, _, _ in rows] == [("historic", None), ("new era", None)]


def test_headline_quote_is_not_attributed_to_the_next_line(parse: Parse) -> None:
    text = "Norway 'ready to help' the region\n\nMinister Lars Holm told reporters the plan works."
    [(words, speaker, _, _)] = _quotes(parse, text)
    assert (words, speaker) == ("ready to help", None)


def test_speaker_of_a_relative_clause(parse: Parse) -> None:
    text = 'Lars Holm, who describes the plan as a "bold step", met the unions on Friday.'
    [(words, speaker, _, _)] = _quotes(parse, text)
    assert (words, speaker) == ("bold step", "Lars Holm")


def test_channel_reported_a_persons_statement(parse: Parse) -> None:
    text = (
        "Minister Lars Holm spoke on Friday. "
        '"Exports will grow next year," state broadcaster NRK reported Holm\'s statement.'
    )
    [(words, speaker, channel, _)] = _quotes(parse, text)
    assert (words, speaker, channel) == ("Exports will grow next year", "Lars Holm", "NRK")


def test_quote_over_two_paragraphs() -> None:
    text = '"The harbour will reopen in May.\n\n"The ferries come back in June," she said.'
    found = [text[q.start : q.end] for q in find_quotes(text)]
    assert found == ["The harbour will reopen in May", "The ferries come back in June"]


def test_paragraph_left_open_without_a_continuation_gives_no_quote() -> None:
    assert find_quotes('He said "this never ends.\n\nNext paragraph.') == []
