"""Event claims: subject, predicate, object, tense, modality, attachments, attribution."""

from __future__ import annotations

import json
from typing import Any

import pytest

from consistency.extract.claims.claims import extract_claims, ordinal_value
from consistency.extract.claims.linker import link_claims
from consistency.extract.claims.mentions import mentions
from consistency.extract.claims.quotes import quote_rows
from tests.claims.conftest import Parse

INVITE = (
    "Italian Prime Minister Giorgia Meloni told her Spanish counterpart Pedro Sanchez on "
    "Monday that Rome would back Madrid. Meloni also invited her Spanish counterpart to the "
    "opening ceremony of the Milan trade fair in early March."
)


def _claims(parse: Parse, text: str) -> list[dict[str, Any]]:
    parsed = parse(text)
    out = []
    for row in extract_claims(parsed):
        out.append(
            row
            | {
                "text": parsed.text[row["char_start"] : row["char_end"]],
                "detail": json.loads(row["detail"] or "{}"),
            }
        )
    return out


def _one(rows: list[dict[str, Any]], predicate: str) -> dict[str, Any]:
    [row] = [r for r in rows if r["predicate"] == predicate]
    return row


def test_invitation_claim_with_invitee_time_and_tense(parse: Parse) -> None:
    row = _one(_claims(parse, INVITE), "invite")
    assert row["text"] == (
        "Meloni also invited her Spanish counterpart to the opening ceremony of the Milan "
        "trade fair in early March"
    )
    assert (row["subject"], row["object"], row["tense"]) == (
        "Giorgia Meloni",
        "the opening ceremony",
        "past",
    )
    assert row["detail"]["invitee"] == "Pedro Sanchez"
    assert [d["text"] for d in row["detail"]["dates"]] == ["early March"]
    assert row["detail"]["voice"] == "outlet"


def test_reported_clause_is_kept_apart_from_the_outlet_voice(parse: Parse) -> None:
    row = _one(_claims(parse, INVITE), "back")
    # "told ... that Rome would back": a future seen from a past statement
    assert (row["subject"], row["object"], row["tense"]) == ("Rome", "Madrid", "reported_future")
    assert row["detail"]["voice"] == "reported"
    assert row["attribution"] == "Giorgia Meloni"


def test_ordinal_attached_to_a_copular_claim(parse: Parse) -> None:
    rows = _claims(
        parse,
        "It was the third reported meeting between the two ministers since the talks began in May.",
    )
    row = _one(rows, "be")
    assert row["object"] == "the third reported meeting"
    assert [(o["text"], o["value"]) for o in row["detail"]["ordinals"]] == [("third", 3)]
    assert "dates" not in row["detail"]  # May belongs to the nested clause
    assert [d["text"] for d in _one(rows, "begin")["detail"]["dates"]] == ["May"]


def test_negation_and_future(parse: Parse) -> None:
    rows = _claims(parse, "The company did not pay the fine. The ministry will publish the report.")
    pay, publish = _one(rows, "pay"), _one(rows, "publish")
    assert (pay["tense"], pay["detail"].get("negated")) == ("past", True)
    assert (publish["tense"], publish["detail"].get("negated")) == ("future", None)


def test_accusation_is_attribution_not_the_claim(parse: Parse) -> None:
    rows = _claims(parse, "The firm has been accused of providing false figures to regulators.")
    assert [r["predicate"] for r in rows] == ["provide"]
    row = rows[0]
    assert row["text"] == "The firm has been accused of providing false figures to regulators"
    assert (row["subject"], row["attribution"]) == ("The firm", "has been accused of")
    assert row["detail"]["modality"] == ["alleged"]


def test_according_to_marks_reported_voice(parse: Parse) -> None:
    row = _one(_claims(parse, "According to the police, the suspect fled the scene."), "flee")
    assert (row["attribution"], row["detail"]["voice"]) == ("the police", "reported")


def test_claim_span_is_the_document_slice(parse: Parse) -> None:
    for row in _claims(parse, INVITE):
        assert row["text"] == row["text"].strip()
        assert not row["text"].endswith((".", ","))


def test_ordinal_words_and_digits() -> None:
    assert [ordinal_value(w) for w in ("second", "21st", "3rd", "twelfth", "many")] == [
        2,
        21,
        3,
        12,
        None,
    ]


def test_linker_with_other_extractors_rows(parse: Parse) -> None:
    parsed = parse(INVITE)
    claim = _one(_claims(parse, INVITE), "invite")
    start = parsed.text.index("in early March")
    rows = [
        {"fact_id": "d:f001", "kind": "date", "char_start": start, "char_end": start + 14},
        {"fact_id": "d:f002", "kind": "quantity", "char_start": 0, "char_end": 7},
        {**claim, "fact_id": "d:f003", "detail": json.dumps(claim["detail"])},
    ]
    linked = link_claims(parsed, rows)
    assert linked[2]["link"] == "d:f001"
    assert linked[0] == rows[0]


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("No financial terms of the deal were disclosed.", "disclose"),
        ("Nobody answered the door at the house.", "answer"),
        ("No one was hurt in the fire.", "hurt"),
    ],
)
def test_a_negative_subject_negates_the_claim(parse: Parse, text: str, predicate: str) -> None:
    claim = _one(_claims(parse, text), predicate)
    assert claim["detail"].get("negated") is True


def test_a_determiner_that_is_not_no_leaves_the_claim_affirmed(parse: Parse) -> None:
    claim = _one(_claims(parse, "Some terms of the deal were disclosed."), "disclose")
    assert claim["detail"].get("negated") is None


@pytest.mark.parametrize(
    ("text", "predicate", "dates"),
    [
        (
            "Ann Lee, one of the biggest stars of the 1940s and 1950s, died peacefully on "
            "Thursday.",
            "die",
            ["Thursday"],
        ),
        ("The 1970s film star Ann Lee died on Thursday.", "die", ["Thursday"]),
        (
            "The two met until November 1973, five months after Felt left the FBI.",
            "leave",
            [],
        ),
        (
            "The minister told reporters in a call on Wednesday that talks would go on.",
            "tell",
            ["Wednesday"],
        ),
    ],
)
def test_a_claim_keeps_only_the_dates_of_its_act(
    parse: Parse, text: str, predicate: str, dates: list[str]
) -> None:
    row = _one(_claims(parse, text), predicate)
    assert [d["text"] for d in row["detail"].get("dates", [])] == dates


def test_dated_participle_after_a_noun_is_a_claim_about_that_noun(parse: Parse) -> None:
    rows = _claims(parse, "The city's second budget, approved on Monday, cut spending on roads.")
    row = _one(rows, "approve")
    assert (row["subject"], row["tense"], row["object"]) == (
        "The city's second budget",
        "past",
        None,
    )
    assert [d["text"] for d in row["detail"]["dates"]] == ["Monday"]
    assert [o["value"] for o in row["detail"]["ordinals"]] == [2]


@pytest.mark.parametrize(
    "text",
    [
        "The budget, approved by the council, cut spending on roads.",  # no date
        "The talks, scheduled for May, were called off.",  # a plan, not an act done
    ],
)
def test_undated_or_planned_participles_make_no_claim(parse: Parse, text: str) -> None:
    rows = _claims(parse, text)
    assert not [r for r in rows if r["predicate"] in ("approve", "schedule")]


@pytest.mark.parametrize(
    ("text", "vote"),
    [
        ("The board voted unanimously to raise the rate.", "unanimous"),
        ("The board raised the rate by a 7-2 vote.", [7, 2]),
        ("The board voted 5 to 4 to raise the rate.", [5, 4]),
        ("The board raised the rate by a 9-0 vote.", "unanimous"),
        ("The board raised the rate, with two members dissenting.", "split"),
        ("The board raised the rate on Tuesday.", None),
    ],
)
def test_claims_tell_how_a_vote_went(parse: Parse, text: str, vote: object) -> None:
    votes = [r["detail"].get("vote") for r in _claims(parse, text)]
    assert vote in votes if vote is not None else not any(votes)


def test_mentions_and_quotes_are_analysed_once_per_document(parse: Parse) -> None:
    parsed = parse('"We will rebuild," Mayor Ana Ruiz said on Monday.')
    assert mentions(parsed) is mentions(parsed)
    assert quote_rows(parsed) is quote_rows(parsed)
    other = parse(parsed.text)
    assert mentions(other) is not mentions(parsed)  # each document keeps its own
