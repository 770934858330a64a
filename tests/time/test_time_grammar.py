"""The governing predicate and its tense or modality, from the spaCy parse."""

from __future__ import annotations

import pytest

from consistency.extract.time.grammar import predicate_of
from consistency.nlp import load_model


def predicate(sentence: str, expression: str) -> tuple[str | None, str | None, str | None]:
    doc = load_model()(sentence)
    start = sentence.index(expression)
    p = predicate_of(doc, start, start + len(expression))
    return p.lemma, p.tense, p.base


@pytest.mark.parametrize(
    ("sentence", "expression", "expected"),
    [
        ("The minister visited Kyiv on Monday.", "on Monday", ("visit", "past", "past")),
        ("The minister will visit Kyiv in May.", "in May", ("visit", "future", "future")),
        ("The minister visits Kyiv every year.", "every year", ("visit", "present", "present")),
        ("The minister has visited Kyiv since 2019.", "since 2019", ("visit", "past", "past")),
        ("The summit is scheduled to open in May.", "in May", ("open", "scheduled", "future")),
        (
            "The company plans to list its shares in March.",
            "in March",
            ("list", "planned", "future"),
        ),
        (
            "Xi invited Putin to the opening ceremony in early February.",
            "early February",
            ("invite", "invited", "forward"),
        ),
        (
            "He said the bank would cut rates in July.",
            "in July",
            ("cut", "reported_future", "forward"),
        ),
        (
            "The bank would cut rates in July if inflation eased.",
            "in July",
            ("cut", "conditional", None),
        ),
        # regressions: what was scheduled lies ahead; due-date nouns; passive infinitives
        (
            "A bail hearing was scheduled for Wednesday.",
            "Wednesday",
            ("schedule", "scheduled", "future"),
        ),
        ("The judge has given him a May 10 deadline.", "May 10", ("give", "scheduled", "future")),
        (
            "Apple announced another event to be held on October 12.",
            "October 12",
            ("hold", "future", "future"),
        ),
        ("It adds to plans announced in January.", "in January", ("announce", "past", "past")),
        # regressions: a forward-looking adjective, and complements two levels down
        (
            "The former mayor is due to appear before a judge on November 12.",
            "November 12",
            ("appear", "scheduled", "future"),
        ),
        (
            "The panel is expected to decide whether to approve the plan at a meeting on May 3.",
            "May 3",
            ("approve", "expected", "future"),
        ),
    ],
)
def test_tense_and_modality(
    sentence: str, expression: str, expected: tuple[str, str, str | None]
) -> None:
    assert predicate(sentence, expression) == expected


def test_a_consequence_of_a_present_perfect_act_has_no_tense_of_its_own() -> None:
    sentence = (
        "The carmaker has announced deep cuts in production, resulting in the closure "
        "of three plants during the fourth quarter."
    )
    assert predicate(sentence, "the fourth quarter") == ("result", None, None)


def test_a_consequence_of_a_past_act_keeps_its_past() -> None:
    sentence = "The storm hit the coast on Monday, leaving thousands without power."
    assert predicate(sentence, "on Monday")[1:] == ("past", "past")
    sentence = "The carmaker announced deep cuts, resulting in the closure of a plant in May."
    assert predicate(sentence, "in May")[1:] == ("past", "past")


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        ("He was present at a 1972 meeting with the senator.", "1972", "past"),
        ("The actress sought help in 2010 at the same clinic.", "in 2010", "past"),
        ("He tied the marks set by two coaches in 1952.", "in 1952", "past"),
    ],
)
def test_past_acts_near_plan_or_schedule_words_stay_past(
    sentence: str, expression: str, tense: str
) -> None:
    assert predicate(sentence, expression)[1] == tense


@pytest.mark.parametrize(
    ("sentence", "expression", "tense"),
    [
        ("The company sought to list its shares in March.", "in March", "planned"),
        ("The trial is set for June 3.", "June 3", "scheduled"),
        ("The bridge is set to open in May.", "in May", "scheduled"),
    ],
)
def test_plan_and_schedule_words_pointing_ahead_keep_their_label(
    sentence: str, expression: str, tense: str
) -> None:
    assert predicate(sentence, expression)[1] == tense
