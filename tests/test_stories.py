"""Story grouping: metadata kept, unlabelled articles grouped by what they share."""

from __future__ import annotations

from datetime import date

import pytest

from consistency.ingest.model import Document
from consistency.stories import (
    BASIS_FEW,
    BASIS_METADATA,
    BASIS_ONE,
    BASIS_UNLABELLED,
    assign_stories,
    profile,
    similarities,
    vectors,
)

MARATHON = [
    "Maria Okafor won the Lisbon marathon on Sunday in 2:21:40, beating Ruth Chebet by a minute.",
    "Kenyan runner Ruth Chebet finished second in Lisbon behind Maria Okafor, who set a record.",
    "Okafor's win in the Lisbon marathon was her first since injury, her coach Paulo Reis said.",
]
FLOOD = [
    "Floods in the Danube delta forced 3,000 people from Tulcea villages, governor Ion Marin said.",
    "Governor Ion Marin asked for army help as the Danube rose above the Tulcea dykes on Tuesday.",
    "Rescuers evacuated Tulcea hospitals while the Danube kept rising, Marin told reporters.",
]


def docs(texts: list[str], prefix: str, **fields: object) -> list[Document]:
    return [
        Document(f"{prefix}{n}", f"{prefix}{n}.txt", "txt", text, **fields)  # type: ignore[arg-type]
        for n, text in enumerate(texts, start=1)
    ]


def stories(documents: list[Document]) -> dict[str, str | None]:
    return {d.doc_id: d.story for d in documents}


def test_unlabelled_articles_are_grouped_by_the_names_they_share() -> None:
    run = assign_stories(docs(MARATHON, "m") + docs(FLOOD, "f"))
    got = stories(run)
    assert len({got["m1"], got["m2"], got["m3"]}) == 1
    assert len({got["f1"], got["f2"], got["f3"]}) == 1
    assert got["m1"] != got["f1"]
    basis = {d.doc_id: d.story_basis for d in run}
    assert basis["m1"].startswith("auto: shares ")
    assert "okafor" in basis["m1"] or "lisbon" in basis["m1"]


def test_metadata_stories_are_kept_and_an_unlabelled_article_joins_the_one_it_matches() -> None:
    labelled = docs(MARATHON[:2], "m", story="marathon") + docs(FLOOD[:2], "f", story="flood")
    loose = docs([MARATHON[2], FLOOD[2]], "x")
    run = assign_stories(labelled + loose + docs(["A short note on the weather."], "w"))
    got = stories(run)
    assert got["m1"] == got["m2"] == "marathon"
    assert got["f1"] == got["f2"] == "flood"
    assert got["x1"] == "marathon"
    assert got["x2"] == "flood"
    basis = {d.doc_id: d.story_basis for d in run}
    assert basis["m1"] == BASIS_METADATA
    assert basis["x1"].startswith("auto: joins story marathon, shares ")
    assert basis["w1"].startswith("auto: alone")


def test_two_labelled_stories_never_merge_however_alike() -> None:
    run = assign_stories(
        docs(MARATHON[:1], "a", story="one")
        + docs(MARATHON[1:2], "b", story="two")
        + docs(FLOOD, "f")
    )
    got = stories(run)
    assert (got["a1"], got["b1"]) == ("one", "two")


def test_articles_from_different_years_are_different_events() -> None:
    fight_2008 = [
        "Wladimir Klitschko stopped Tony Thompson in Hamburg in 2008 to keep his belts.",
        "Klitschko's win over Thompson in July 2008 was his ninth title defence.",
        "Thompson said after the 2008 loss in Hamburg that Klitschko hit too hard.",
    ]
    fight_2012 = [
        "Wladimir Klitschko stopped Tony Thompson in Bern in 2012 to keep his belts.",
        "Klitschko's win over Thompson in July 2012 was his fourteenth title defence.",
        "Thompson said after the 2012 loss in Bern that Klitschko hit too hard.",
    ]
    got = stories(assign_stories(docs(fight_2008, "a") + docs(fight_2012, "b")))
    assert got["a1"] == got["a2"] == got["a3"]
    assert got["b1"] == got["b2"] == got["b3"]
    assert got["a1"] != got["b1"]


def test_publication_years_tell_events_apart_too() -> None:
    text = "Maria Okafor won the Lisbon marathon on Sunday, beating Ruth Chebet."
    old = docs([text, text], "a", published=date(2015, 4, 1))
    new = docs([text, text], "b", published=date(2019, 4, 1))
    filler = docs(FLOOD, "f")
    got = stories(assign_stories(old + new + filler))
    assert got["a1"] == got["a2"] != got["b1"] == got["b2"]


def test_a_few_unlabelled_articles_are_one_story() -> None:
    run = assign_stories(docs([MARATHON[0], FLOOD[0]], "d"))
    assert {d.story for d in run} == {None}
    assert {d.story_basis for d in run} == {BASIS_FEW}


def test_by_metadata_leaves_unlabelled_articles_in_one_story() -> None:
    run = assign_stories(docs(MARATHON, "m", story="marathon") + docs(FLOOD, "f"), by="metadata")
    assert stories(run)["m1"] == "marathon"
    assert {d.story for d in run if d.doc_id.startswith("f")} == {None}
    assert {d.story_basis for d in run if d.doc_id.startswith("f")} == {BASIS_UNLABELLED}


def test_by_one_puts_every_article_in_one_story() -> None:
    run = assign_stories(docs(MARATHON, "m", story="marathon") + docs(FLOOD, "f"), by="one")
    assert {d.story for d in run} == {None}
    assert {d.story_basis for d in run} == {BASIS_ONE}


def test_an_unknown_grouping_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown --story-by"):
        assign_stories([], by="topic")


def test_similarities_are_cosines_of_the_shared_rare_words() -> None:
    vecs = vectors([profile(d) for d in docs(MARATHON + FLOOD, "d")])
    sims = similarities(vecs)
    for (a, b), s in sims.items():
        assert a < b
        expected = sum(w * vecs[b].get(f, 0.0) for f, w in vecs[a].items())
        assert s == pytest.approx(expected)
    assert sims.get((0, 1), 0.0) > sims.get((0, 3), 0.0)


def test_grouping_is_the_same_whatever_the_block_size(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = docs(MARATHON, "m") + docs(FLOOD, "f")
    whole = stories(assign_stories(documents))
    monkeypatch.setattr("consistency.stories.ROWS_PER_BLOCK", 2)
    assert stories(assign_stories(documents)) == whole
