"""The word lists in consistency/lang/data: well-formed, without duplicates, each read by
the code, and read through lang.vocab the way its header says."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from consistency.lang import vocab

DATA = resources.files("consistency.lang.data")
NAMES = vocab.available()
PACKAGE = Path(__file__).resolve().parents[1] / "consistency"

#: Lists whose entries are not all lower case, and why.
CASED: dict[str, str] = {
    "demonyms": "the second field names a country as it is written",
    "time_units": "the third field is a TIMEX3 code (P3W)",
    "currency_names": "the second field is an ISO 4217 code",
    "currency_symbols": "the second field is an ISO 4217 code",
    "place_zones": "the second field is a tz database zone (Asia/Kathmandu)",
    "time_zones": "the second field is an offset or a tz database zone (America/New_York)",
}


def _file(name: str) -> tuple[str, list[str]]:
    suffix = ".tsv" if DATA.joinpath(name + ".tsv").is_file() else ".txt"
    lines = DATA.joinpath(name + suffix).read_text(encoding="utf-8").splitlines()
    return suffix, lines


def test_there_are_lists() -> None:
    assert {"months", "number_words", "pronouns", "qualifiers", "speech_verbs"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_header_says_what_the_list_is(name: str) -> None:
    _, lines = _file(name)
    assert lines and lines[0].startswith("# "), f"{name}: no '# what it is' header"
    header = vocab.header(name)
    assert len(header.split()) >= 5, f"{name}: the header {header!r} says too little"


@pytest.mark.parametrize("name", NAMES)
def test_entries_are_clean(name: str) -> None:
    suffix, lines = _file(name)
    entries = [line for line in lines[1:] if line.strip() and not line.startswith("#")]
    assert entries, f"{name}: empty"
    widths = {len(line.split("\t")) for line in entries}
    if suffix == ".txt":
        assert widths == {1}, f"{name}.txt: a tab in a one-entry-per-line list"
    elif name != "predicate_synonyms":  # one group of synonyms a row, of any size
        assert len(widths) == 1 and widths != {1}, f"{name}.tsv: rows of {sorted(widths)} fields"
    for line in entries:
        for field in line.split("\t"):
            assert field and field == field.strip(), f"{name}: blank or padded field in {line!r}"
            assert not re.search(r"\s\s", field), f"{name}: double space in {line!r}"
        if name not in CASED:
            assert line == line.lower(), f"{name}: {line!r} is not lower case"


@pytest.mark.parametrize("name", NAMES)
def test_no_entry_is_listed_twice(name: str) -> None:
    suffix, lines = _file(name)
    entries = [line for line in lines[1:] if line.strip() and not line.startswith("#")]
    if name == "predicate_synonyms":  # a verb belongs to one set only
        keys = [field for line in entries for field in line.split("\t")]
    else:
        keys = [line.split("\t")[0] for line in entries]
    repeated = sorted({k for k in keys if keys.count(k) > 1})
    assert not repeated, f"{name}{suffix}: listed twice: {repeated}"


def _read_by_the_code() -> set[str]:
    calls = re.compile(r"vocab\.(?:words|ordered|rows|mapping|marked|groups)\(\s*\"(\w+)\"")
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        found |= set(calls.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_list_is_read_by_the_code() -> None:
    assert set(NAMES) - _read_by_the_code() == set()


def test_every_list_the_code_reads_exists() -> None:
    assert _read_by_the_code() - set(NAMES) == set()


def test_marked_reads_labels_of_a_column() -> None:
    assert vocab.marked("pronouns", 1, "possessive") >= {"his", "her", "their"}
    assert "her" in vocab.marked("pronouns", 1, "object")  # "object,possessive"
    assert "he" not in vocab.marked("pronouns", 1, "possessive")
    assert vocab.marked("speech_verbs", 1, "report") < vocab.marked(
        "speech_verbs", 1, "report", "stance"
    )


def test_a_missing_list_is_a_clear_error() -> None:
    with pytest.raises(vocab.VocabError, match="no word list"):
        vocab.words("no_such_list")


def _documented_qualifiers() -> set[str]:
    from consistency.tables import FACTS

    (column,) = [c for c in FACTS.columns if c.name == "qualifier"]
    return {word.strip() for word in column.doc.split(",")}


def test_qualifiers_are_the_ones_the_facts_table_documents() -> None:
    assert set(vocab.mapping("qualifiers").values()) <= _documented_qualifiers()


@pytest.mark.parametrize("phrase", ["up to", "at most", "no more than", "as many as"])
def test_up_to_allows_the_value_for_figures_and_durations_alike(phrase: str) -> None:
    """'up to' was less_than for durations and up_to for figures: one table decides it
    (the value itself allowed, as in the qualifier column), and both readers follow it."""
    from consistency.extract.numbers import find_figures
    from consistency.extract.time.engine import find_timexes

    assert vocab.mapping("qualifiers")[phrase] == "up_to"
    (figure,) = find_figures(f"The share was {phrase} 30 percent of the total.")
    assert (figure.qualifier, figure.high) == ("up_to", 30)
    if phrase == "up to":  # the durations' qualifier pattern takes "up to" only
        (duration,) = find_timexes("The talks may last up to three months.", anchor=None)
        assert (duration.type, duration.text, duration.mod) == (
            "DURATION",
            "up to three months",
            "up_to",
        )


@pytest.mark.parametrize(("word", "value"), [("seventy", 70), ("ninety", 90), ("twelve", 12)])
def test_the_temporal_engine_counts_with_the_number_words_of_the_numbers_layer(
    word: str, value: int
) -> None:
    """One list of number words: 'seventy years ago' was no date while 'seventy people'
    was a figure, the engine having its own list that stopped at sixty."""
    from consistency.extract.numbers import find_figures
    from consistency.extract.time.engine import find_timexes

    (figure,) = find_figures(f"Some {word} people came.")
    assert figure.value == value
    (duration,) = find_timexes(f"It lasted {word} days.", anchor=None)
    assert (duration.text, duration.value) == (f"{word} days", f"P{value}D")


#: "two quarters" is first a fraction (2/4), read before any unit is.
_FRACTIONS = {"quarter"}


@pytest.mark.parametrize(
    "unit", sorted(word for word, unit, *_ in vocab.rows("time_units") if unit not in _FRACTIONS)
)
def test_the_numbers_layer_leaves_every_unit_of_time_to_the_temporal_engine(unit: str) -> None:
    """One list of time units: 'two fortnights' was a quantity 2 as well as a duration."""
    from consistency.extract.numbers import find_figures

    assert find_figures(f"It took two {unit} to finish.") == []
