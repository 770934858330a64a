"""Finding the numbers of a text: digits, number words, ordinals, vague amounts, multipliers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from consistency.extract.numbers import lexicon as lx
from consistency.extract.numbers import patterns as pt
from consistency.extract.numbers.masks import Span, is_fraction, near_month, overlaps
from consistency.extract.numbers.reading import Reading
from consistency.extract.numbers.words import (
    is_number_word,
    ordinal_prefix_ok,
    ordinal_value,
    words_value,
)
from consistency.lang.compare import ELAPSED_WORDS

_LEAD = re.compile(r"^(?:(?:and|a)(?:\s+|-))+", re.I)
_TRAIL = re.compile(r"(?:(?:\s+|-)(?:and|a))+$", re.I)


def find_numbers(text: str, blocked: list[Span]) -> list[Reading]:
    """Every number of the text outside ``blocked``, first reader to claim a span wins."""
    taken: list[Span] = []
    out: list[Reading] = []
    readers = (
        _elapsed,
        _percent_of,
        _multipliers,
        _fraction_scales,
        _fraction_percents,
        _fraction_words,
        _ordinals,
        _decades,
        _vague,
        _fractions,
        _glued,
        _digits,
        _words,
    )
    for reader in readers:
        for reading in reader(text):
            span = (reading.num_start, reading.num_end)
            if overlaps(span, blocked) or overlaps(span, taken):
                continue
            if _dated(text, reading) or pt.ID_BEFORE.search(text, 0, reading.num_start):
                continue
            taken.append(span)
            out.append(reading)
    return sorted(out, key=lambda d: d.start)


def _elapsed(text: str) -> Iterator[Reading]:
    """ "2:01:09", "3:29.43", "3 minutes 29.34 seconds": a time taken, in seconds."""
    for m in pt.ELAPSED.finditer(text):
        if m.group(1) is not None:
            hours, minutes, seconds, fraction = m.group(1, 2, 3, 4)
        else:
            hours, (minutes, seconds, fraction) = "0", m.group(5, 6, 7)
        value = int(hours) * 3600 + int(minutes) * 60 + int(seconds)
        value += float(f"0.{fraction}") if fraction else 0.0
        yield Reading(m.start(), m.end(), value, kind="elapsed", unit="second")
    for m in ELAPSED_WORDS.finditer(text):  # "3 minutes 29.34 seconds"
        hours, minutes, seconds = m.group(1, 2, 3)
        value = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
        yield Reading(m.start(), m.end(), value, kind="elapsed", unit="second")


def _dated(text: str, reading: Reading) -> bool:
    """A day or year next to a month name ("February 24", "24th of May", "May 2022")."""
    plain = re.fullmatch(r"\d{1,4}", text[reading.num_start : reading.num_end]) is not None
    return (reading.ordinal or plain) and near_month(text, reading.num_start, reading.num_end)


def _ordinals(text: str) -> Iterator[Reading]:
    for m in pt.ORDINAL_DIGITS.finditer(text):
        yield _ordinal(text, m.start(), m.end(), int(m.group(1)))
    for m in pt.ORDINAL_WORDS.finditer(text):
        start, end = m.span()
        surface = _LEAD.sub("", m.group())
        start = end - len(surface)
        if not ordinal_prefix_ok(surface):
            start = end - len(re.split(r"[\s-]", surface)[-1])
        value = ordinal_value(text[start:end])
        if value is None or _time_second(text, start, end):
            continue
        a_before = pt.A_BEFORE.search(text, 0, start) is not None
        if a_before and (pt.OF_AFTER.match(text, end) or _scale_ordinal(text[start:end])):
            continue  # "a third of", "a trillionth": fractions
        if pt.NOT_RANK_BEFORE.search(text, 0, start) or pt.NOT_RANK_AFTER.match(text, end):
            continue  # "at first", "first of all"
        yield _ordinal(text, start, end, value)


def _ordinal(text: str, start: int, end: int, value: int) -> Reading:
    reading = Reading(start, end, float(value), kind="ordinal", ordinal=True, role="rank")
    if pt.PERIOD_NOUN_AFTER.match(text, end):
        reading.kind = "skip"  # "third quarter", "first half": periods, for the temporal engine
    return reading


def _decades(text: str) -> Iterator[Reading]:
    """ "in his 20s", "a man in her early thirties" are ages; other decades are no figure."""
    for m in pt.DECADE.finditer(text):
        digits, word = m.group(2), m.group(3)
        first = int(digits) if digits else lx.DECADE_WORDS[word.lower()]
        num_start, num_end = m.span(2) if digits else m.span(3)
        if first >= 100 or not pt.AGE_DECADE_BEFORE.search(text, 0, m.start()):
            yield Reading(
                m.start(), m.end(), float(first), kind="skip", num_start=num_start, num_end=num_end
            )
            continue
        last = 19 if first == 13 else first + 9
        if m.group(1):  # "early 30s": 30-33; "late teens": 16-19
            decade = first - first % 10
            into = lx.DECADE_PARTS[m.group(1).lower()]
            first, last = max(first, decade + into[0]), decade + into[1]
        yield Reading(
            m.start(),
            m.end(),
            (first + last) / 2,
            kind="age",
            unit="year",
            role="age",
            qualifier="approx",
            low=float(first),
            high=float(last),
            is_range=True,
            num_start=num_start,
            num_end=num_end,
        )


def _multipliers(text: str) -> Iterator[Reading]:
    for m in pt.MULTIPLIER_VERB.finditer(text):
        factor, direction = lx.MULTIPLIERS[m.group(1).lower()]
        yield _change(m.start(), m.end(), factor, direction)
    for m in pt.BY_HALF.finditer(text):
        group = 1 if m.group(1) else 2
        yield _change(m.start(group), m.end(group), 0.5, "down")
    for m in pt.FOLD.finditer(text):
        raw = m.group(1)
        factor = float(raw) if raw[0].isdigit() else words_value(raw)
        if factor:
            yield _change(m.start(), m.end(), factor, "up" if factor >= 1 else "down")


def _change(start: int, end: int, factor: float, direction: str) -> Reading:
    return Reading(start, end, factor, unit="times", role="change", direction=direction)


def _vague(text: str) -> Iterator[Reading]:
    for m in pt.VAGUE.finditer(text):
        low, high = lx.VAGUE[m.group().lower()]
        yield Reading(m.start(), m.end(), low, qualifier="approx", low=low, high=high, vague=True)


def _fraction_scales(text: str) -> Iterator[Reading]:
    for m in pt.FRACTION_SCALE.finditer(text):
        words = m.group().lower().split()
        share = " ".join(w for w in words[:-1] if w != "a")  # "half a million": "half"
        fraction, scale = lx.FRACTION_WORDS.get(share, 0.5), words[-1]
        yield Reading(m.start(), m.end(), fraction * lx.SCALES[scale], words=True, scale=scale)


def _percent_of(text: str) -> Iterator[Reading]:
    for m in pt.PERCENT_OF.finditer(text):
        raw = m.group(1)
        value = float(raw) if raw[0].isdigit() else words_value(raw)
        if value is not None:
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            yield Reading(
                start,
                m.end(),
                value,
                kind="percent",
                unit="percent",
                num_start=m.start(1),
                num_end=m.end(1),
            )


def _fraction_words(text: str) -> Iterator[Reading]:
    """Shares in words: "two thirds" 2/3, "a quarter of" 1/4, "half of" 1/2."""
    for m in pt.FRACTION_WORDS.finditer(text):
        if share := _share(m.group()):
            yield Reading(m.start(), m.end(), share, unit="fraction")


def _fraction_percents(text: str) -> Iterator[Reading]:
    """Fractions of a percent or a point: "half a percent" 0.5%, "a quarter of a percentage
    point" 0.25 pp."""
    for m in pt.FRACTION_PERCENT.finditer(text):
        share = _share(m.group(1))
        unit = " ".join(m.group(2).lower().split())
        if not share:
            continue
        reading = Reading(m.start(), m.end(), share, kind="percent", unit="percent", words=True)
        if unit in lx.POINT_WORDS:
            reading.unit, reading.value = "pp", share * lx.POINT_WORDS[unit]
        yield reading


def _share(words_text: str) -> float | None:
    """The value of a fraction in words ("two thirds", "a quarter", "half")."""
    words = re.split(r"[\s-]+", words_text.lower())
    count = 1 if words[0] in ("a", "an", "half") else lx.UNITS[words[0]]
    name = words[-1]
    den = lx.DENOMINATORS.get(name, lx.DENOMINATORS.get(name.rstrip("s"), 0))
    return count / den if den else None


def _fractions(text: str) -> Iterator[Reading]:
    """A small proper fraction standing alone ("1/2 of voters"); "10 1/2" is read later."""
    for m in pt.SLASH_PAIR.finditer(text):
        if is_fraction(text, m) and not re.search(r"\d\s+$", text[: m.start()]):
            yield Reading(m.start(), m.end(), int(m.group(1)) / int(m.group(2)))


def _glued(text: str) -> Iterator[Reading]:
    """An amount glued to its currency code ("USD115", "nzd$15")."""
    for m in pt.GLUED_CODE.finditer(text):
        yield Reading(m.start(1), m.end(1), float(m.group(1).replace(",", "")))


def _digits(text: str) -> Iterator[Reading]:
    for m in pt.DIGITS.finditer(text):
        yield Reading(m.start(), m.end(), float(m.group().replace(",", "")))


def _words(text: str) -> Iterator[Reading]:
    for m in pt.WORDS.finditer(text):
        surface = _TRAIL.sub("", m.group())
        lead = _LEAD.match(surface)
        start = m.start()
        if lead and not _scale_follows(surface[lead.end() :]):
            start += lead.end()
        surface = text[start : m.start() + len(surface)]
        tokens = re.split(r"[\s-]+", surface.lower())
        if not tokens or not any(is_number_word(t) for t in tokens):
            continue
        if tokens[0] in lx.SCALES and tokens[0] != "hundred":
            continue  # a bare "million" belongs to the number before it
        value = words_value(surface)
        if value is not None:
            yield Reading(start, start + len(surface), value, words=True)


def _scale_follows(rest: str) -> bool:
    first = re.split(r"[\s-]+", rest.lower(), maxsplit=1)[0]
    return first in lx.SCALES or first in ("dozen", "half", "quarter")


def _time_second(text: str, start: int, end: int) -> bool:
    """ "one second", "30 second": the unit of time, not the ordinal."""
    if text[start:end].lower() != "second":
        return False
    before = re.search(r"([\w-]+)\s*$", text[:start])
    word = before.group(1).lower() if before else ""
    return word[:1].isdigit() or is_number_word(word) or word in ("per", "split")


def _scale_ordinal(surface: str) -> bool:
    return surface.lower() in lx.ORDINAL_SCALES
