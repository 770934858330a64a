"""Reading what surrounds a number: scale, unit, currency, qualifier, change, age."""

from __future__ import annotations

import re

from consistency.extract.numbers import lexicon as lx
from consistency.extract.numbers import patterns as pt
from consistency.extract.numbers.reading import Reading
from consistency.extract.numbers.words import words_value


def expand(text: str, d: Reading) -> Reading | None:
    """Read the context of one number in place; None when it is no figure (a year, a duration)."""
    if d.kind == "skip":
        return None
    if d.ordinal:
        if pt.BIRTHDAY_AFTER.match(text, d.end):
            d.kind, d.unit, d.role = "age", "year", "age"
        return d
    if d.role in ("change", "age"):  # "doubled", "in his 20s": complete already
        return d
    if d.kind == "elapsed":  # "from 2:01:09 to 2:00:35": a time taken, in seconds
        d.kind = "quantity"
        _qualifier(text, d)
        _change(text, d)
        return d
    if not d.words and not d.vague:
        _mixed_fraction(text, d)
    before = _currency_before(text, d)
    if before and before[2]:  # a symbol before the amount ("$", "c $") is certain
        _commit(d, before)
    _scale(text, d, money=before is not None)
    _unit_after(text, d)
    if before and d.kind == "quantity" and d.unit is None:  # "USD 200", but "50 dollar 40 rmb"
        _commit(d, before)
    _cents(text, d)
    if d.kind == "skip" or _is_year(text, d):
        return None
    if d.unit is None and d.words and d.value == 1 and d.scale is None:
        return None  # a bare "one" is rarely a figure
    _minus(text, d)
    _qualifier(text, d)
    _change(text, d)
    return d


def _mixed_fraction(text: str, d: Reading) -> None:
    m = pt.MIXED_FRACTION.match(text, d.end)
    if m and int(m.group(1)) < int(m.group(2)):
        d.value += int(m.group(1)) / int(m.group(2))
        d.end = d.num_end = m.end()


Before = tuple[str, int, bool, float]  # code, start, written as a symbol, factor


def _currency_before(text: str, d: Reading) -> Before | None:
    """The currency written before the amount, not yet applied."""
    m = pt.SYMBOL_BEFORE.search(text, 0, d.start)
    if m:
        mark = m.group(1)
        key = re.sub(r"\s+", "", mark.lower())
        if key in lx.CURRENCY_SYMBOLS and not pt.ARTICLE_PREFIX.match(mark):
            return lx.CURRENCY_SYMBOLS[key], m.start(1), True, 1.0
        return "USD", m.start(1) + mark.rindex("$"), True, 1.0  # "a $5 fee": plain dollar
    m = pt.CODE_BEFORE.search(text, 0, d.start)
    if m:
        code = (m.group(2) or "usd").lower()
        return (
            ("CNY" if code == "rmb" else code.upper()),
            m.start(),
            False,
            (1e6 if m.group(1) else 1.0),
        )
    return None


def _commit(d: Reading, before: Before) -> None:
    d.unit, d.start, d.kind = before[0], before[1], "money"
    d.multiplier *= before[3]
    d.value *= before[3]


def _scale(text: str, d: Reading, *, money: bool = False) -> None:
    money = money or d.kind == "money"
    m = pt.SCALE_AFTER.match(text, d.end)
    if m is None and not d.words:
        m = pt.TIGHT_SCALE_AFTER.match(text, d.end)
        if m and m.group(1).lower() in lx.MONEY_ONLY_SCALES and not money:
            m = None  # "10m" without a currency is ten metres
    if m is None and not money:
        m = pt.SPACED_SCALE_AFTER.match(text, d.end)
    if m:
        word = m.group(1).lower()
        d.scale, d.end = word, m.end()
        d.multiplier *= lx.SCALES[word]
        d.value *= lx.SCALES[word]


def _cents(text: str, d: Reading) -> None:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents": one amount."""
    if d.kind != "money" or d.scale or text[d.end - 1 : d.end].isdigit():
        return
    m = pt.CENTS_AFTER.match(text, d.end)
    if m is None:
        return
    raw = m.group(1)
    cents = float(raw) if raw[0].isdigit() else words_value(raw)
    if cents is not None and 0 < cents < 100:
        d.value += cents / 100
        d.end = m.end()


def _unit_after(text: str, d: Reading) -> None:
    if d.kind != "money":
        if m := pt.POINTS_AFTER.match(text, d.end):
            d.kind, d.unit, d.end = "percent", "pp", m.end()
            d.value *= lx.POINT_WORDS[m.group(1).lower()]
            return
        if m := pt.PERCENT_AFTER.match(text, d.end):
            d.kind, d.unit, d.end = "percent", "percent", m.end()
            return
        if _currency_after(text, d):
            return
    if m := pt.AGE_AFTER.match(text, d.end):
        d.kind, d.role, d.end = "age", "age", m.end()
        d.unit = lx.AGE_UNITS.get((m.group(1) or "year").lower(), "year")
        return
    if d.kind == "money":
        _scale(text, d)  # "75 USD million"
        return
    if m := pt.AGE_RANGE_AFTER.match(text, d.end):
        d.kind, d.role, d.unit = "age", "age", lx.AGE_UNITS[m.group(1).lower()]
        return
    if _apposition_age(text, d):
        d.kind, d.role, d.unit = "age", "age", "year"
        return
    if _turned_age(text, d):
        d.kind, d.role, d.unit = "age", "age", "year"
        return
    if m := pt.AGED_BEFORE.search(text, 0, d.start):
        d.kind, d.role, d.unit, d.start = "age", "age", "year", m.start()
        return
    if not d.words and (m := pt.COUNTED_TIME_UNIT_AFTER.match(text, d.end)):
        d.unit, d.end = lx.COUNTED_TIME_UNITS[m.group(1).lower()], m.end()  # "43 seconds"
        return
    if pt.TIME_UNIT_AFTER.match(text, d.end):
        d.kind = "skip"  # a duration: the temporal engine's
        return
    if pt.PEOPLE_AFTER.match(text, d.end):
        d.unit = "people"


def _apposition_age(text: str, d: Reading) -> bool:
    """ "Ronald Munn, 28, was shot": a whole number under 120 between a name and a comma."""
    surface = text[d.num_start : d.num_end]
    return (
        surface.isdigit()
        and 0 < int(surface) < 120
        and pt.APPOSITION_BEFORE.search(text, 0, d.start) is not None
        and pt.APPOSITION_AFTER.match(text, d.end) is not None
    )


def _turned_age(text: str, d: Reading) -> bool:
    """ "He turned 21 shortly before": a whole number under 120 after "turn", no noun after."""
    return (
        float(d.value).is_integer()
        and 0 < d.value < 120
        and pt.TURNED_BEFORE.search(text, 0, d.start) is not None
        and pt.TURNED_AGE_AFTER.match(text, d.end) is not None
    )


def _currency_after(text: str, d: Reading) -> bool:
    if m := pt.CODE_AFTER.match(text, d.end):
        code = m.group(2).lower()
        d.unit, d.kind, d.end = ("CNY" if code == "rmb" else code.upper()), "money", m.end()
        if m.group(1):
            d.value *= 1e6
            d.multiplier *= 1e6
        _scale(text, d)
        return True
    if m := pt.CURRENCY_NAME_AFTER.match(text, d.end):
        name = re.sub(r"\s+", " ", m.group(1).lower())
        if name.startswith("pound") and pt.OF_AFTER.match(text, m.end()):
            return False  # "two pounds of flour": a weight
        if name in lx.MINOR_UNITS:
            d.unit, d.value = lx.MINOR_UNITS[name], d.value / 100
        else:
            d.unit = lx.CURRENCY_NAMES[name]
        d.kind, d.end = "money", m.end()
        return True
    if (m := pt.SYMBOL_AFTER.match(text, d.end)) and not pt.DIGIT_AFTER.match(text, m.end()):
        d.unit, d.kind, d.end = lx.CURRENCY_SYMBOLS[m.group(1)], "money", m.end()
        return True
    return False


def _is_year(text: str, d: Reading) -> bool:
    surface = text[d.num_start : d.num_end]
    return (
        d.unit is None
        and d.scale is None
        and d.kind == "quantity"
        and pt.YEAR.fullmatch(surface) is not None
    )


def _minus(text: str, d: Reading) -> None:
    if m := pt.MINUS_BEFORE.search(text, 0, d.start):
        d.value, d.start = -d.value, m.start()


def _qualifier(text: str, d: Reading) -> None:
    if d.vague:
        return
    if m := pt.QUALIFIER_BEFORE.search(text, 0, d.start):
        word = m.group(1).lower()
        d.qualifier, d.qualifier_word, d.start = lx.QUALIFIERS[word], word, m.start()


def _change_verb_before(text: str, d: Reading) -> re.Match[str] | None:
    """The change verb a figure is the amount of: "rose 5%", "rose by 5%", "lowered the
    record by 22 seconds"; not a phrasal verb ("make up 20%") nor money collected
    ("raised $298 million")."""
    if d.kind == "money" and pt.MONEY_COLLECTED_BEFORE.search(text, 0, d.start):
        return None
    for pattern in (pt.CHANGE_BEFORE, pt.CHANGE_BY_BEFORE):
        m = pattern.search(text, 0, d.start)
        if m and not pt.PHRASAL_BEFORE.search(text, 0, m.end(1)):
            return m
    return None


def _change(text: str, d: Reading) -> None:
    if m := pt.TO_BEFORE.search(text, 0, d.start):
        d.change_part, d.direction = "to", lx.CHANGE_WORDS[m.group(1).lower()]
    elif (m := pt.FROM_BEFORE.search(text, 0, d.start)) and m.group(1):
        d.change_part, d.direction = "from", lx.CHANGE_WORDS[m.group(1).lower()]
    elif m := _change_verb_before(text, d):
        d.role, d.direction = "change", lx.CHANGE_WORDS[m.group(1).lower()]
    elif (m := pt.CHANGE_NOUN_BEFORE.search(text, 0, d.start)) or (
        d.kind in ("percent", "money") and (m := pt.CHANGE_NOUN_AFTER.match(text, d.end))
    ):
        d.role, d.direction = "change", lx.CHANGE_WORDS.get(m.group(1).lower(), "up")
    elif d.kind == "percent" and (m := pt.COMPARATIVE_AFTER.match(text, d.end)):
        d.role, d.direction = "change", lx.COMPARATIVES[m.group(1).lower()]
    elif d.kind == "percent" and pt.FURTHER_BEFORE.search(text, 0, d.start):
        d.further = True
    if d.role == "change" and (m := pt.BASE_AFTER.match(text, d.end)):
        d.base = re.sub(r"[\s-]+", " ", (m.group(1) or m.group(2)).lower())
