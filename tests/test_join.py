"""The cross-source join: blocking, relations, unique facts, stories."""

from __future__ import annotations

from typing import Any

import pandas as pd

from consistency.join import align, relation
from consistency.tables import DOCUMENTS, FACTS, SENTENCES, frame

SENTENCE = "Exports reached the figure last year, the ministry said."


def fact(doc: str, n: int, kind: str, text: str, **fields: Any) -> dict[str, Any]:
    return {
        "fact_id": f"{doc}:f{n:03d}",
        "doc_id": doc,
        "sent_id": 0,
        "kind": kind,
        "text": text,
        "char_start": 0,
        "char_end": len(text),
        **fields,
    }


def money(doc: str, n: int, value: float, qualifier: str = "exact", **kw: Any) -> dict:
    low, high = {"exact": (value, value), "more_than": (value, None)}[qualifier]
    return fact(
        doc, n, "money", f"${value:g}", value=value, unit="USD", qualifier=qualifier,
        value_low=low, value_high=high, object=kw.pop("object", "export"),
        measure=kw.pop("measure", "export"), **kw,
    )  # fmt: skip


def run(facts: list[dict], stories: dict[str, str] | None = None) -> pd.DataFrame:
    docs = sorted({f["doc_id"] for f in facts})
    sentences = frame(
        [
            {"doc_id": d, "sent_id": 0, "char_start": 0, "char_end": 10, "text": SENTENCE}
            for d in docs
        ],
        SENTENCES,
    )
    documents = frame([{"doc_id": d, "story": (stories or {}).get(d)} for d in docs], DOCUMENTS)
    return align(frame(facts, FACTS), sentences, documents)


def relations(df: pd.DataFrame) -> list[tuple[str, str | None, str]]:
    return [
        (r.fact_id, None if pd.isna(r.other_fact_id) else r.other_fact_id, r.relation)
        for r in df.itertuples()
    ]


def test_equal_compatible_and_conflicting_figures() -> None:
    assert relation(money("a", 1, 147e9), money("b", 1, 147e9)) == "agree"
    assert relation(money("a", 1, 30, "more_than"), money("b", 1, 32)) == "compatible"
    assert relation(money("a", 1, 147e9), money("b", 1, 146.9e9)) == "compatible"
    assert relation(money("a", 1, 147e9), money("b", 1, 174e9)) == "conflict"


def test_figures_of_different_things_are_never_compared() -> None:
    got = run([money("a", 1, 12e9, measure="export"), money("b", 1, 21e9, measure="debt")])
    assert relations(got) == [("a:f001", None, "unique"), ("b:f001", None, "unique")]


def test_same_date_at_a_finer_granularity_is_compatible() -> None:
    day = fact("a", 1, "date", "15 June", predicate="meet", timex="2022-06-15",
               time_start="2022-06-15", time_end="2022-06-15")  # fmt: skip
    month = fact("b", 1, "date", "June", predicate="meet", timex="2022-06",
                 time_start="2022-06-01", time_end="2022-06-30")  # fmt: skip
    other = fact("b", 2, "date", "May", predicate="meet", timex="2022-05",
                 time_start="2022-05-01", time_end="2022-05-31")  # fmt: skip
    assert relation(day, month) == "compatible"
    assert relation(day, other) == "conflict"
    assert relations(run([day, month]))[0] == ("a:f001", "b:f001", "compatible")


def test_quotes_of_one_speaker_agree_or_are_paraphrases() -> None:
    same = "We will rebuild every bridge before winter"
    facts = [
        fact("a", 1, "quote", same, canonical="Anna Berg"),
        fact("b", 1, "quote", same, canonical="Anna Berg"),
        fact(
            "c", 1, "quote", "We shall rebuild each bridge before the winter", canonical="Anna Berg"
        ),
    ]
    got = {(a, b): r for a, b, r in relations(run(facts))}
    assert got[("a:f001", "b:f001")] == "agree"
    assert got[("a:f001", "c:f001")] == "paraphrase"


def test_each_fact_keeps_its_best_match_per_document() -> None:
    facts = [money("a", 1, 12e9), money("b", 1, 12e9), money("b", 2, 30e9)]
    got = relations(run(facts))
    assert ("a:f001", "b:f001", "agree") in got
    assert not any(r[0] == "a:f001" and r[1] == "b:f002" for r in got)


def test_other_stories_are_not_joined() -> None:
    got = run([money("a", 1, 12e9), money("b", 1, 21e9)], stories={"a": "x", "b": "y"})
    assert got.empty


def test_single_source_has_no_unique_rows() -> None:
    assert run([money("a", 1, 12e9)]).empty


def test_the_same_date_matches_whatever_the_sentence() -> None:
    said = fact("a", 1, "date", "Tuesday", predicate="say", time_start="2023-04-04",
                time_end="2023-04-04")  # fmt: skip
    burst = fact("b", 1, "date", "Tuesday", predicate="burst", time_start="2023-04-04",
                 time_end="2023-04-04")  # fmt: skip
    other = fact("b", 2, "date", "Monday", predicate="say", time_start="2023-04-03",
                 time_end="2023-04-03")  # fmt: skip
    assert ("a:f001", "b:f001", "agree") in relations(run([said, burst, other]))


def test_every_relation_the_join_gives_has_a_look_in_every_report() -> None:
    from consistency.report.sections import RELATION_STYLE
    from consistency.report.view import RELATION_MARK, RELATIONS
    from consistency.tables import ALIGNMENT_RELATIONS

    shown = set(ALIGNMENT_RELATIONS) - {"unique"}
    assert shown <= set(RELATION_MARK) and shown <= set(RELATION_STYLE)
    assert set(ALIGNMENT_RELATIONS) <= set(RELATIONS)


def test_a_count_that_moved_between_reports_of_two_days_is_an_update() -> None:
    a = money("a", 1, 12e9, event="killed")
    b = money("b", 1, 21e9, event="killed")
    docs = frame(
        [
            {"doc_id": "a", "anchor_date": "2023-04-03"},
            {"doc_id": "b", "anchor_date": "2023-04-05"},
        ],
        DOCUMENTS,
    )
    sentences = frame(
        [
            {"doc_id": d, "sent_id": 0, "char_start": 0, "char_end": 10, "text": SENTENCE}
            for d in "ab"
        ],
        SENTENCES,
    )
    got = relations(align(frame([a, b], FACTS), sentences, docs))
    assert ("a:f001", "b:f001", "update") in got
