"""The linker against the date-row contract (kind "date", char_start, char_end, timex),
with hand-built date rows: no temporal engine's quirks are assumed."""

from __future__ import annotations

import json
from typing import Any

from conftest import Parse

from consistency.extract.numbers import extract_numbers, link_figures
from consistency.parsed import ParsedDocument

TRADE = (
    "Japan is Korea's third largest trading partner, with bilateral trade volume last year "
    "reaching $85 billion, according to official customs figures, up more than 12 percent "
    "in 2020."
)


def date_row(text: str, phrase: str, timex: str, n: int) -> dict[str, Any]:
    start = text.index(phrase)
    return {
        "fact_id": f"t:d{n}",
        "kind": "date",
        "char_start": start,
        "char_end": start + len(phrase),
        "timex": timex,
        "sent_id": 0,
    }


def linked(parsed: ParsedDocument, dates: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    figures = extract_numbers(parsed)
    for n, row in enumerate(figures):
        row["fact_id"] = f"t:f{n}"
        row["sent_id"] = parsed.sentence_at(row["char_start"]).sent_id
    rows = link_figures(parsed, [*dates, *figures])
    return {parsed.text[r["char_start"] : r["char_end"]]: r for r in rows}


def test_level_takes_the_period_of_the_date_that_governs_it(parse: Parse) -> None:
    parsed = parse(TRADE)
    dates = [date_row(TRADE, "last year", "2021", 1), date_row(TRADE, "2020", "2020", 2)]
    rows = linked(parsed, dates)
    assert rows["$85 billion"]["period"] == "2021"


def test_change_takes_its_own_period_and_links_to_the_level(parse: Parse) -> None:
    parsed = parse(TRADE)
    dates = [date_row(TRADE, "last year", "2021", 1), date_row(TRADE, "2020", "2020", 2)]
    rows = linked(parsed, dates)
    change = rows["more than 12 percent"]
    assert change["period"] == "2020"
    assert change["link"] == rows["$85 billion"]["fact_id"]
    assert change["object"] == "trade volume"


def test_according_to_is_the_attribution(parse: Parse) -> None:
    parsed = parse(TRADE)
    rows = linked(parsed, [])
    assert rows["$85 billion"]["attribution"] == "official customs figures"


def test_from_date_is_the_base_of_a_change_not_its_period(parse: Parse) -> None:
    text = "Exports rose 5 percent in 2020 from 2019, the ministry said."
    parsed = parse(text)
    rows = linked(parsed, [date_row(text, "2020", "2020", 1), date_row(text, "2019", "2019", 2)])
    row = rows["5 percent"]
    assert row["period"] == "2020"
    assert json.loads(row["detail"])["base_period"] == "2019"
    assert row["attribution"] == "ministry"


def test_rows_of_other_kinds_pass_unchanged(parse: Parse) -> None:
    parsed = parse(TRADE)
    date = date_row(TRADE, "last year", "2021", 1)
    rows = link_figures(parsed, [date])
    assert rows == [date]


def test_date_without_timex_gives_no_period(parse: Parse) -> None:
    parsed = parse(TRADE)
    date = date_row(TRADE, "last year", "2021", 1) | {"timex": None}
    assert linked(parsed, [date])["$85 billion"].get("period") is None


def test_rose_from_a_to_b_links_b_to_a(parse: Parse) -> None:
    text = "Revenue rose from $10 million to $12.5 million."
    rows = linked(parse(text), [])
    assert rows["$12.5 million"]["link"] == rows["$10 million"]["fact_id"]


def test_a_change_links_only_within_its_sentence(parse: Parse) -> None:
    text = "Exports reached $5 billion. Imports were up 3 percent."
    rows = linked(parse(text), [])
    assert rows["3 percent"]["role"] == "change"
    assert rows["3 percent"].get("link") is None


def test_rose_to_b_from_a_links_b_to_a(parse: Parse) -> None:
    text = "Unemployment rose to 4.1 percent from 3.8 percent in March."
    rows = linked(parse(text), [])
    assert rows["4.1 percent"]["link"] == rows["3.8 percent"]["fact_id"]
    assert '"change_part":"from"' in rows["3.8 percent"]["detail"]


def test_a_change_after_a_from_to_count_links_to_the_to_count(parse: Parse) -> None:
    text = "Membership grew from 200 to 260, an increase of 30 percent."
    rows = linked(parse(text), [])
    assert rows["30 percent"]["link"] == rows["260"]["fact_id"]


def test_a_figure_dated_by_a_range_takes_the_whole_range(parse: Parse) -> None:
    text = "Output shrank by 0.9 percent between April and June."
    ends = [date_row(text, "April", "2008-04", 1), date_row(text, "June", "2008-06", 2)]
    for row in ends:
        row["detail"] = json.dumps({"range": "2008-04/2008-06"})
    rows = linked(parse(text), ends)
    assert rows["0.9 percent"]["period"] == "2008-04/2008-06"


def test_a_further_percent_after_a_change_is_a_change_the_same_way(parse: Parse) -> None:
    text = "The economy contracted by 0.9 percent in the spring and a further 0.1 percent later."
    rows = linked(parse(text), [])
    assert rows["0.1 percent"]["role"] == "change"
    assert json.loads(rows["0.1 percent"]["detail"])["direction"] == "down"


def test_a_further_stake_with_no_change_before_it_is_a_level(parse: Parse) -> None:
    rows = linked(parse("The fund bought a further 2 percent of the shares."), [])
    assert rows["2 percent"]["role"] == "level"
