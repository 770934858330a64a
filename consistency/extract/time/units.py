"""Counts and units: "three" → 3, ("month", 3) → "P3M", spans of time as days."""

from __future__ import annotations

from datetime import date, timedelta

from consistency.extract.time import intervals, patterns


def count_of(word: str | None) -> float | None:
    """The number a count word or numeral stands for; None when vague ("several")."""
    if word is None:
        return None
    w = " ".join(word.lower().split())
    if w in patterns.VAGUE_WORDS:
        return None
    if w in patterns.NUMBER_WORDS:
        return float(patterns.NUMBER_WORDS[w])
    try:
        return float(w)
    except ValueError:
        return None


def unit_name(word: str) -> str:
    w = word.lower()
    if w == "centuries":
        return "century"
    return w[:-1] if w.endswith("s") and w[:-1] in patterns.UNITS else w


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: P3M, P1.5Y, PT2H, P2DE, PXY for a vague count."""
    code = patterns.UNITS[unit]
    if unit == "fortnight":
        return "P2W" if n is None else f"P{_num(2 * n)}W"
    amount = "X" if n is None else _num(n)
    if code.startswith("T"):
        return f"PT{amount}{code[1:]}"
    return f"P{amount}{code}"


def _num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def back(anchor: date, n: int, unit: str) -> date:
    """The day ``n`` units before ``anchor`` (the first day of a span ending there)."""
    if unit in ("day", "hour", "minute"):
        return anchor - timedelta(days=n if unit == "day" else 0)
    if unit in ("week", "fortnight"):
        return anchor - timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit] * n
    y, m = intervals.add_months(anchor.year, anchor.month, -months)
    return date(y, m, min(anchor.day, intervals.month_end(y, m).day))


def ahead(anchor: date, n: int, unit: str) -> date:
    """The day ``n`` units after ``anchor``."""
    if unit in ("day", "hour", "minute"):
        return anchor + timedelta(days=n if unit == "day" else 0)
    if unit in ("week", "fortnight"):
        return anchor + timedelta(weeks=n * (2 if unit == "fortnight" else 1))
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit] * n
    y, m = intervals.add_months(anchor.year, anchor.month, months)
    return date(y, m, min(anchor.day, intervals.month_end(y, m).day))
