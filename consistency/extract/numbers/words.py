"""Values of written-out numbers and ordinals ("twenty-one", "a dozen", "sixty-ninth")."""

from __future__ import annotations

from consistency.extract.numbers import lexicon as lx
from consistency.extract.numbers.patterns import WORD_TOKEN


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for tok in WORD_TOKEN.findall(text.lower()):
        out.extend(tok.split("-"))
    return out


def is_number_word(token: str) -> bool:
    t = token.lower()
    return t in lx.UNITS or t in lx.TENS or t in lx.SCALES or t == "dozen"


def words_value(text: str) -> float | None:
    """The value of a run of number words; None when it holds no number word.

    "a" counts as one before a scale ("a million"), "half" and "quarter" as fractions
    ("one and a half million", "half a billion").
    """
    tokens = _tokens(text)
    if not any(is_number_word(t) for t in tokens):
        return None
    total = 0.0
    current = 0.0
    fraction = 0.0
    for tok in tokens:
        if tok in lx.UNITS:
            current += lx.UNITS[tok]
        elif tok in lx.TENS:
            current += lx.TENS[tok]
        elif tok == "dozen":
            current = (current or 1) * 12
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in lx.SCALES and tok not in lx.TIGHT_SCALES:
            current = ((current or (0 if fraction else 1)) + fraction) * lx.SCALES[tok]
            fraction = 0.0
            total += current
            current = 0.0
        elif tok == "half":
            fraction += 0.5
        elif tok == "quarter":
            fraction += 0.25
    return total + current + fraction


def ordinal_value(text: str) -> int | None:
    """The value of a written-out ordinal ("second" 2, "one hundred twenty-fifth" 125)."""
    tokens = _tokens(text)
    if not tokens:
        return None
    last = tokens[-1]
    prefix = " ".join(tokens[:-1])
    base = words_value(prefix) if prefix else None
    if last in lx.ORDINAL_SCALES:
        return int((base or 1) * lx.ORDINAL_SCALES[last])
    step = lx.ORDINAL_UNITS.get(last, lx.ORDINAL_TENS.get(last))
    if step is None:
        return None
    return int((base or 0) + step)


def ordinal_prefix_ok(text: str) -> bool:
    """May the number words before an ordinal belong to it? ("twenty first" yes, "one second" no).

    They may when they end in a tens word, a scale word or "and".
    """
    tokens = _tokens(text)
    if len(tokens) < 2 or tokens[-1] in lx.ORDINAL_SCALES:
        return True
    before = tokens[-2]
    return before in lx.TENS or before in lx.SCALES or before == "and"
