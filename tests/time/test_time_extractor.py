"""extract_time: fact rows over a parsed document, anchors, offsets across sentences,
and the seed articles end to end."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from consistency.anchor import Anchor, find_anchor
from consistency.extract.time.extractor import extract_time, source_order
from consistency.ingest.model import Document
from consistency.nlp import load_model, sentences
from consistency.parsed import ParsedDocument
from consistency.tables import FACTS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def parsed(text: str, *, published: date | None = None) -> ParsedDocument:
    doc = load_model()(text)
    return ParsedDocument(
        document=Document("d1", "d1.txt", "txt", text, published=published),
        doc=doc,
        sentences=sentences(doc),
        dropped=[],
        anchor=find_anchor(text, published=published),
    )


def rows_by_text(p: ParsedDocument, **kw: object) -> dict[str, dict[str, object]]:
    return {p.text[r["char_start"] : r["char_end"]]: r for r in extract_time(p, **kw)}


ARTICLE = (
    "Ministers met on Tuesday to discuss the port.\n"
    "The port was seized on 3 March 2021. Talks began two days after rebels seized the port.\n"
    "The fighting lasted three months. A new round will open in September."
)


def test_rows_use_only_facts_columns_and_exact_spans() -> None:
    p = parsed(ARTICLE, published=date(2022, 6, 15))
    rows = extract_time(p)
    assert rows
    for row in rows:
        assert set(row) <= set(FACTS.names)
        assert row["kind"] in ("date", "duration")
        detail = json.loads(row["detail"])
        assert row["detail"] == json.dumps(detail, sort_keys=True, separators=(",", ":"))


def test_metadata_anchor_resolves_relative_ones() -> None:
    rows = rows_by_text(parsed(ARTICLE, published=date(2022, 6, 15)))
    tuesday = rows["Tuesday"]
    assert (tuesday["timex"], tuesday["predicate"], tuesday["tense"]) == (
        "2022-06-14",
        "meet",
        "past",
    )
    september = rows["September"]
    assert (september["timex"], september["tense"]) == ("2022-09", "future")
    assert json.loads(september["detail"])["direction"] == "future"
    duration = rows["three months"]
    assert (duration["kind"], duration["timex"], duration["time_start"]) == (
        "duration",
        "P3M",
        None,
    )


def test_offset_from_an_event_dated_elsewhere_in_the_document() -> None:
    rows = rows_by_text(parsed(ARTICLE, published=date(2022, 6, 15)))
    offset = rows["two days after rebels seized the port"]
    assert (offset["timex"], offset["time_start"], offset["granularity"]) == (
        "2021-03-05",
        "2021-03-05",
        "day",
    )
    detail = json.loads(offset["detail"])
    assert detail["relative_to"] == "event: rebels seized the port"
    assert detail["year_choice"].endswith("3 March 2021")


def test_without_anchor_absolute_dates_resolve_and_relative_ones_do_not() -> None:
    rows = rows_by_text(parsed(ARTICLE))
    assert rows["3 March 2021"]["timex"] == "2021-03-03"
    tuesday = rows["Tuesday"]
    assert (tuesday["timex"], tuesday["time_start"]) == (None, None)
    assert json.loads(tuesday["detail"])["resolved"] is False


def test_anchor_keyword_overrides_the_document_anchor() -> None:
    p = parsed(ARTICLE, published=date(2022, 6, 15))
    assert rows_by_text(p, anchor=date(2020, 1, 8))["Tuesday"]["timex"] == "2020-01-07"
    assert rows_by_text(p, anchor=None)["Tuesday"]["timex"] is None


def test_the_day_before_counts_from_the_previous_date_of_the_text() -> None:
    text = "The dam broke on 4 July 2021. Villagers had been warned the day before."
    rows = rows_by_text(parsed(text))
    assert rows["the day before"]["timex"] == "2021-07-03"


def test_source_order() -> None:
    assert source_order("on 25/12/2020 and 3/4/2021") == "dmy"
    assert source_order("on 12/25/2020 and 3/4/2021") == "mdy"
    assert source_order("no numeric dates") == "dmy"


def test_text_outside_sentences_is_not_read() -> None:
    p = parsed("Prices rose in 2019.")
    empty = ParsedDocument(p.document, p.doc, [], [], Anchor(None, "unknown"))
    assert extract_time(empty) == []


# --- the seed articles, end to end -------------------------------------------


def seed(name: str) -> ParsedDocument:
    [path] = SEEDS.glob(f"{name}_*.txt")
    return parsed(path.read_text(encoding="utf-8"))


def rows_of(p: ParsedDocument, surface: str, **kw: object) -> list[dict[str, object]]:
    return [r for r in extract_time(p, **kw) if p.text[r["char_start"] : r["char_end"]] == surface]


@pytest.fixture(scope="module")
def first() -> ParsedDocument:
    return seed("000")


@pytest.fixture(scope="module")
def second() -> ParsedDocument:
    return seed("003")


@pytest.mark.parametrize(
    ("surface", "timex", "start", "end"),
    [
        ("Wednesday (15/6/2022)", "2022-06-15", "2022-06-15", "2022-06-15"),
        ("February 24", "2022-02-24", "2022-02-24", "2022-02-24"),
        ("last week", "2022-W23", "2022-06-06", "2022-06-12"),
        ("last year", "2021", "2021-01-01", "2021-12-31"),
        ("2019", "2019", "2019-01-01", "2019-12-31"),
        ("early February", "2022-02", "2022-02-01", "2022-02-09"),
    ],
)
def test_first_seed(first: ParsedDocument, surface: str, timex: str, start: str, end: str) -> None:
    [row] = rows_of(first, surface)
    assert (row["timex"], row["time_start"], row["time_end"]) == (timex, start, end)


def test_first_seed_invitation_is_past_and_invited(first: ParsedDocument) -> None:
    [row] = rows_of(first, "early February")
    assert row["tense"] == "invited"
    assert json.loads(row["detail"])["direction"] == "past"


@pytest.mark.parametrize(
    ("surface", "timex"),
    [
        ("Wednesday", "2022-06-15"),
        ("February 24", "2022-02-24"),
        ("last week", "2022-W23"),
        ("last year", "2021"),
        ("2019", "2019"),
        ("early February", "2022-02"),
        ("Earlier in May", "2022-05"),
    ],
)
def test_second_seed_with_the_propagated_anchor(
    second: ParsedDocument, surface: str, timex: str
) -> None:
    [row] = rows_of(second, surface, anchor=date(2022, 6, 15))
    assert row["timex"] == timex


def test_second_seed_without_anchor_leaves_relative_ones_unresolved(second: ParsedDocument) -> None:
    assert rows_of(second, "last week")[0]["timex"] is None
    assert rows_of(second, "2019")[0]["timex"] == "2019"


def test_rows_fit_the_facts_table_through_the_runner() -> None:
    """The rows go through the runner's numbering and the facts schema unchanged."""
    from consistency.extract.runner import extract_facts
    from consistency.tables import validate

    facts = extract_facts(
        [parsed(ARTICLE, published=date(2022, 6, 15))], use=(extract_time,), link=()
    )
    validate(facts, FACTS)
    assert set(facts["kind"]) == {"date", "duration"}
    assert (facts["text"] == facts["text"].str.strip()).all()
    assert facts.loc[facts["text"] == "3 March 2021", "timex"].tolist() == ["2021-03-03"]


def test_offset_from_a_noun_event_takes_the_date_of_its_clause() -> None:
    text = (
        "The blaze broke out at a warehouse on Monday 6 March. "
        "The inquiry opened in May, two months after the blaze."
    )
    offset = rows_by_text(parsed(text, published=date(2023, 8, 1)))["two months after the blaze"]
    assert (offset["timex"], offset["granularity"]) == ("2023-05-06", "day")
    assert "weekday" not in json.loads(offset["detail"])


def test_offset_from_a_noun_no_clause_dates_stays_unresolved() -> None:
    text = (
        "The warehouse was inspected on Monday 6 March. "
        "The inquiry opened two months after the blaze."
    )
    offset = rows_by_text(parsed(text, published=date(2023, 8, 1)))["two months after the blaze"]
    assert offset["timex"] is None
