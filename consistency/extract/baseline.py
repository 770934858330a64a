"""First extraction from the NLP model's named entities.

Dates, money, percents, cardinals, ordinals and named entities, with a first
normalization. The temporal engine and the numbers layer replace the date and
number parts; the functions here keep the same contract so they can.
"""

from __future__ import annotations

import re
from typing import Any, Final

from spacy.tokens import Span, Token

from consistency.extract.time.explicit import find_explicit_dates
from consistency.parsed import ParsedDocument

FactRow = dict[str, Any]

ENTITY_LABELS: Final = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"}
NUMBER_LABELS: Final = {
    "MONEY": "money",
    "PERCENT": "percent",
    "CARDINAL": "quantity",
    "QUANTITY": "quantity",
    "ORDINAL": "ordinal",
}

SCALES: Final[dict[str, float]] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "tr": 1e12,
}
WORD_NUMBERS: Final[dict[str, float]] = {
    w: float(i)
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
}
ORDINAL_WORDS: Final[dict[str, int]] = {
    w: i
    for i, w in enumerate(
        [
            "zeroth",
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
        ]
    )
}
CURRENCY_SYMBOLS: Final[dict[str, str]] = {
    "$": "USD",
    "us$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "CNY",
    "yuan": "CNY",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "rubles": "RUB",
    "roubles": "RUB",
    "yen": "JPY",
}
QUALIFIERS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"\b(?:more|greater|higher)\s+than\b|\bover\b|\babove\b", re.I), "more_than"),
    (re.compile(r"\b(?:less|fewer|lower)\s+than\b|\bunder\b|\bbelow\b", re.I), "less_than"),
    (re.compile(r"\bat\s+least\b", re.I), "at_least"),
    (re.compile(r"\bup\s+to\b|\bat\s+most\b", re.I), "up_to"),
    (
        re.compile(r"\b(?:about|around|nearly|almost|roughly|some|approximately|circa)\b", re.I),
        "approx",
    ),
)
_NUMBER: Final = re.compile(r"\d[\d,]*(?:\.\d+)?")
_ORDINAL_DIGITS: Final = re.compile(r"(\d+)(?:st|nd|rd|th)\b", re.I)


def parse_amount(text: str) -> float | None:
    """The numeric value of a money, percent or cardinal surface, scale words applied."""
    lowered = text.lower()
    match = _NUMBER.search(lowered)
    if match:
        value = float(match.group().replace(",", ""))
        rest = lowered[match.end() :]
    else:
        words = re.findall(r"[a-z]+", lowered)
        numbers = [WORD_NUMBERS[w] for w in words if w in WORD_NUMBERS]
        if not numbers:
            return None
        value = sum(numbers)
        rest = lowered
    for word in re.findall(r"[a-z]+", rest)[:2]:
        if word in SCALES:
            return value * SCALES[word]
    return value


def qualifier_of(text: str) -> str:
    for pattern, name in QUALIFIERS:
        if pattern.search(text):
            return name
    return "exact"


def bounds(value: float | None, qualifier: str) -> tuple[float | None, float | None]:
    """Interval a qualified value allows (open ends as None)."""
    if value is None:
        return None, None
    if qualifier in ("more_than", "at_least"):
        return value, None
    if qualifier in ("less_than", "up_to"):
        return None, value
    if qualifier == "approx":
        return value * 0.9, value * 1.1
    return value, value


def currency_of(text: str) -> str | None:
    lowered = text.lower()
    for symbol, code in sorted(CURRENCY_SYMBOLS.items(), key=lambda kv: -len(kv[0])):
        if symbol in lowered:
            return code
    return None


def ordinal_value(text: str) -> int | None:
    match = _ORDINAL_DIGITS.search(text)
    if match:
        return int(match.group(1))
    return ORDINAL_WORDS.get(text.lower().strip())


def measured_thing(span: Span) -> str | None:
    """The noun phrase a figure quantifies, read from the dependency parse."""
    root: Token = span.root
    head = root.head
    if head.i == root.i:
        return None
    if head.pos_ in ("NOUN", "PROPN") and not (span.start <= head.i < span.end):
        return _noun_phrase(head)
    if head.pos_ in ("VERB", "AUX"):
        if head.dep_ in ("acl", "relcl", "advcl") and head.head.pos_ in ("NOUN", "PROPN"):
            return _noun_phrase(head.head)
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
                return _noun_phrase(child)
    return None


def _noun_phrase(token: Token) -> str:
    parts = [t for t in token.lefts if t.dep_ in ("compound", "amod")] + [token]
    return " ".join(t.lemma_.lower() if t is token else t.text.lower() for t in parts)


def _base(span: Span, kind: str) -> FactRow:
    return {"kind": kind, "char_start": span.start_char, "char_end": span.end_char}


def extract_dates(parsed: ParsedDocument) -> list[FactRow]:
    """DATE entities; those naming a full calendar date are resolved."""
    rows: list[FactRow] = []
    for ent in parsed.doc.ents:
        if ent.label_ != "DATE":
            continue
        row = _base(ent, "date")
        explicit = find_explicit_dates(ent.text)
        if explicit:
            day = explicit[0].value.isoformat()
            row |= {"timex": day, "time_start": day, "time_end": day, "granularity": "day"}
        elif re.fullmatch(r"(?:in\s+)?(1[89]|20)\d\d", ent.text.strip()):
            year = ent.text.strip()[-4:]
            row |= {
                "timex": year,
                "time_start": f"{year}-01-01",
                "time_end": f"{year}-12-31",
                "granularity": "year",
            }
        rows.append(row)
    return rows


def extract_numbers(parsed: ParsedDocument) -> list[FactRow]:
    """Money, percents, cardinals and ordinals, with value, unit and qualifier."""
    rows: list[FactRow] = []
    for ent in parsed.doc.ents:
        kind = NUMBER_LABELS.get(ent.label_)
        if kind is None:
            continue
        row = _base(ent, kind) | {"object": measured_thing(ent)}
        if kind == "ordinal":
            row |= {"value": ordinal_value(ent.text), "qualifier": "exact"}
        else:
            value = parse_amount(ent.text)
            qualifier = qualifier_of(ent.text)
            low, high = bounds(value, qualifier)
            unit = {"money": currency_of(ent.text), "percent": "percent"}.get(kind)
            row |= {
                "value": value,
                "unit": unit,
                "qualifier": qualifier,
                "value_low": low,
                "value_high": high,
            }
        rows.append(row)
    return rows


def extract_entities(parsed: ParsedDocument) -> list[FactRow]:
    """People, organizations, places, groups and events named in the text."""
    return [
        _base(ent, "entity") | {"object": ent.label_, "canonical": ent.text.strip()}
        for ent in parsed.doc.ents
        if ent.label_ in ENTITY_LABELS
    ]
