"""Spans of a text that are never quantities: dates, clock times, phone numbers, codes."""

from __future__ import annotations

import re

from consistency.extract.numbers import lexicon as lx
from consistency.extract.numbers import patterns as pt
from consistency.lang.clock import find_clock_times

Span = tuple[int, int]

#: Denominators a small proper fraction ("1/2", "3/4") may have; other pairs are dates.
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 8, 16})


def masked_spans(text: str) -> list[Span]:
    """Every span no figure may overlap, in text order."""
    spans: list[Span] = []
    elapsed = [m.span() for m in pt.ELAPSED.finditer(text)]  # "2:01:09" is a figure
    for pattern in pt.NEVER:
        spans.extend(m.span() for m in pattern.finditer(text) if not overlaps(m.span(), elapsed))
    clock = [(t.start, t.end) for t in find_clock_times(text)]  # "shortly after 9.30"
    spans.extend(span for span in clock if not overlaps(span, elapsed))
    for m in pt.SLASH_PAIR.finditer(text):
        if not is_fraction(text, m):
            spans.append(m.span())
    for m in pt.CODE_TOKEN.finditer(text):
        prefix = (m.group(1) or "").lower()
        if prefix and (_is_currency_prefix(prefix) or prefix in lx.SCALES):
            continue
        if prefix in lx.DECADE_PARTS:
            continue  # "mid-20s": a decade, read by its own reader
        spans.append(m.span())
    return sorted(spans)


def _is_currency_prefix(prefix: str) -> bool:
    p = prefix.lower()
    return p in lx.ISO_CODES or (p[:1] == "m" and p[1:] in lx.ISO_CODES)


def is_fraction(text: str, m: re.Match[str]) -> bool:
    """A slash pair reads as a fraction only when proper and small, or after a whole number."""
    num, den = int(m.group(1)), int(m.group(2))
    mixed = re.search(r"\d\s+$", text[: m.start()]) is not None
    return num < den and den in FRACTION_DENOMINATORS and (mixed or num < 4)


def overlaps(span: Span, spans: list[Span]) -> bool:
    start, end = span
    return any(s < end and start < e for s, e in spans)


def near_month(text: str, start: int, end: int) -> bool:
    """Is the number a day of a month or a year after one ("February 24", "24th of May")?"""
    before = text[max(0, start - 12) : start]
    after = text[end : end + 14]
    if re.search(rf"(?:{pt.MONTH_NEAR.pattern})\.?\s*$", before, re.I):
        return _month_ok(before)
    m = re.match(rf"(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{pt.MONTH_NEAR.pattern})", after, re.I)
    return m is not None and _month_ok(m.group())


def _month_ok(piece: str) -> bool:
    """Lower-case "may" is the verb, not the month."""
    months = [w for w in re.findall(r"[A-Za-z]+", piece) if pt.MONTH_NEAR.fullmatch(w)]
    return not (months and months[-1] == "may")
