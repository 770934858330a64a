"""The word tables the numbers layer reads: number words, scales, currencies, units.

The words themselves are data in ``consistency/lang/data`` (each file says what it
is); this module only gives them the shapes the layer looks them up in. Everything
is lower case. The patterns built from them are in
:mod:`consistency.extract.numbers.patterns`.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Final

from consistency.lang import vocab

_NUMBERS: Final = {
    word: int(value) for word, value, count in vocab.rows("number_words") if count == "-"
}
#: Number words below twenty, and the tens ("twenty" ... "ninety"), read as parts of a number.
UNITS: Final[dict[str, int]] = {w: n for w, n in _NUMBERS.items() if n < 20}
TENS: Final[dict[str, int]] = {w: n for w, n in _NUMBERS.items() if n >= 20}
#: Multipliers that may follow a number, written out or abbreviated.
SCALES: Final[dict[str, float]] = {word: float(value) for word, value, _ in vocab.rows("scales")}
#: Scale words that only count as scales right after a digit ("$10m", "3bn").
TIGHT_SCALES: Final = vocab.marked("scales", 2, "digit", "money")
#: Tight scales read only after a currency ("$10m", "$2.1T"): alone "10m" is ten metres.
MONEY_ONLY_SCALES: Final = vocab.marked("scales", 2, "money")
#: Vague plurals: "tens of thousands" is at least 10,000 (value_low) and below 100,000.
VAGUE: Final[dict[str, tuple[float, float]]] = {
    phrase: (float(low), float(high)) for phrase, low, high in vocab.rows("vague_quantities")
}
FRACTION_WORDS: Final[dict[str, float]] = vocab.mapping("fractions", lambda v: float(Fraction(v)))
DENOMINATORS: Final[dict[str, int]] = vocab.mapping("denominators", int)
_ORDINALS: Final = vocab.mapping("ordinals", int)
ORDINAL_UNITS: Final[dict[str, int]] = {w: n for w, n in _ORDINALS.items() if n < 20}
ORDINAL_TENS: Final[dict[str, int]] = {w: n for w, n in _ORDINALS.items() if 20 <= n < 100}
ORDINAL_SCALES: Final[dict[str, float]] = {w: float(n) for w, n in _ORDINALS.items() if n >= 100}
#: Currency marks written before or after the amount, to ISO 4217.
CURRENCY_SYMBOLS: Final[dict[str, str]] = {
    mark: code for mark, code, _ in vocab.rows("currency_symbols")
}
#: Marks also written after the amount ("5 €").
SYMBOLS_AFTER: Final = vocab.marked("currency_symbols", 2, "after")
ISO_CODES: Final = vocab.words("currency_codes")
_CURRENCY_NAMES: Final = vocab.rows("currency_names")
#: Currency names written after the amount ("20 billion yuan"), longest first when matched.
CURRENCY_NAMES: Final[dict[str, str]] = {
    n: code for n, code, part in _CURRENCY_NAMES if part == "major"
}
#: Minor units: the amount is divided by 100 into the major currency.
MINOR_UNITS: Final[dict[str, str]] = {
    n: code for n, code, part in _CURRENCY_NAMES if part == "minor"
}
POINT_WORDS: Final[dict[str, float]] = vocab.mapping("percentage_points", float)
PEOPLE_WORDS: Final = vocab.words("people_nouns")
#: Measured things that only say "more of the same": "21 others" are 21 other people.
OTHER_WORDS: Final = vocab.words("others")
#: Time units: "three years" is a duration, left to the temporal engine.
TIME_UNITS: Final = frozenset(word for word, *_ in vocab.rows("time_units"))
#: Time units the temporal engine does not count ("43 seconds"): figures of the numbers layer.
COUNTED_TIME_UNITS: Final[dict[str, str]] = {
    word: unit for word, unit, code, _ in vocab.rows("time_units") if code == "-"
}
AGE_UNITS: Final[dict[str, str]] = {
    word: unit for word, unit, _, age in vocab.rows("time_units") if age == "age"
}
#: Nouns for a person an age may stand beside ("a man, 21, was inside").
PERSON_NOUNS: Final = vocab.marked("person_nouns", 1, "age")
#: Decades of life in words, by their first year.
DECADE_WORDS: Final[dict[str, int]] = vocab.mapping("decades_of_life", int)
#: The part of a decade "early", "mid" and "late" name, as years into it (first, last).
DECADE_PARTS: Final[dict[str, tuple[int, int]]] = {
    "early": (0, 3),
    "mid": (3, 6),
    "late": (6, 9),
}
#: Qualifiers written before a figure; longest phrases first when matched.
QUALIFIERS: Final[dict[str, str]] = vocab.mapping("qualifiers")
#: Change words before a figure ("up 5%", "rose by 5%") with their direction.
CHANGE_WORDS: Final[dict[str, str]] = vocab.mapping("change_words")
COMPARATIVES: Final[dict[str, str]] = vocab.mapping("comparatives")
#: Multiplicative changes written as one verb.
MULTIPLIERS: Final[dict[str, tuple[float, str]]] = {
    word: (float(factor), direction) for word, factor, direction in vocab.rows("multipliers")
}
#: Nouns after which a number is an identifier, not a quantity ("Resolution 2231").
ID_NOUNS: Final = vocab.words("id_nouns")
