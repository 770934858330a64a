"""The few generic comparisons the join and the checks are built from: numbers with
their qualifiers and rounding, calendar intervals, phrases, names and claims."""

from __future__ import annotations

import calendar
import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from consistency.lang import vocab
from consistency.lang.predicates import same_predicate

#: Relative difference two exact figures may show and still be the same rounded figure.
ROUNDING_TOLERANCE: Final = 0.02


def _num(x: object) -> float | None:
    if x is None:
        return None
    try:
        value = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def interval(value: object, low: object, high: object) -> tuple[float, float] | None:
    """The interval a qualified figure allows; open ends become infinities."""
    v, lo, hi = _num(value), _num(low), _num(high)
    if v is None and lo is None and hi is None:
        return None
    return (lo if lo is not None else -math.inf, hi if hi is not None else math.inf)


def numbers_compatible(
    a: tuple[float, float], b: tuple[float, float], *, tolerance: float = ROUNDING_TOLERANCE
) -> bool:
    """Do two value intervals overlap, allowing for rounding?"""
    lo_a, hi_a = a
    lo_b, hi_b = b
    slack = tolerance * max(abs(x) for x in (lo_a, hi_a, lo_b, hi_b) if math.isfinite(x))
    return lo_a <= hi_b + slack and lo_b <= hi_a + slack


_WRITTEN_NUMBER: Final = re.compile(r"\d[\d,]*(?:\.(\d+))?")
#: A time taken in words: "3 minutes 29.34 seconds", "2 hours 0 minutes 35 seconds"
#: (groups: hours, minutes, seconds). The numbers layer reads figures with it too.
ELAPSED_WORDS: Final = re.compile(
    r"\b(?:(\d{1,2})\s*(?:hours?|hrs?|h)\s+)?(\d{1,2})\s*(?:minutes?|mins?|m)\s+"
    r"(\d{1,2}(?:\.\d{1,3})?)\s*(?:seconds?|secs?|s)\b",
    re.I,
)
#: A time taken written like a clock ("2:01:09", "3:29.43").
_ELAPSED_CLOCK: Final = re.compile(r"\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?")
_DIGIT_GROUPS: Final = re.compile(r"\d+")
_FRACTION: Final = re.compile(r"\.(\d+)")


def _elapsed(text: str) -> str | None:
    found = _ELAPSED_CLOCK.search(text) or ELAPSED_WORDS.search(text)
    return found.group() if found else None


def elapsed_digits(text: str) -> str | None:
    """The digits of a time taken as a clock writes them, whatever the form:
    "2 hours 0 minutes 35 seconds" and "2:00:35" → "20035"; None for other figures."""
    written = _elapsed(text)
    groups = _DIGIT_GROUPS.findall(written or "")
    return groups[0] + "".join(g.zfill(2) for g in groups[1:]) if groups else None


def written_interval(row: Mapping[str, Any]) -> tuple[float, float] | None:
    """The interval a figure allows once its own rounding is counted.

    "$120 million" stands for 119.5 to 120.5 million, "4.1 percent" for 4.05 to
    4.15: half a unit of the last digit written, scaled like the value. Open
    qualifiers ("more than 30 percent") keep their open end.
    """
    bounds = interval(row.get("value"), row.get("value_low"), row.get("value_high"))
    value = _num(row.get("value"))
    text = str(row.get("text") or "")
    if bounds is not None and (elapsed := _elapsed(text)):  # to its last digit of a second
        fraction = _FRACTION.search(elapsed)
        half = 0.5 * 10 ** -len(fraction.group(1) if fraction else "")
        return bounds[0] - half, bounds[1] + half
    match = _WRITTEN_NUMBER.search(text)
    if bounds is None or value is None or match is None:
        return bounds
    written = float(match.group(0).replace(",", ""))
    if not written:
        return bounds
    half = 0.5 * 10 ** -len(match.group(1) or "") * abs(value / written)
    return bounds[0] - half, bounds[1] + half


def numbers_equal(a: object, b: object) -> bool:
    x, y = _num(a), _num(b)
    return x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9)


def intervals_overlap(a_start: str, a_end: str, b_start: str, b_end: str) -> bool:
    """ISO date intervals, inclusive."""
    return a_start <= b_end and b_start <= a_end


_TIMEX_FORMS: Final = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})|Q(?P<q>[1-4])|H(?P<h>[12])))?$"
)


def timex_interval(timex: str | None) -> tuple[str, str] | None:
    """Calendar interval (ISO, inclusive) of a simple TIMEX3 date value, else None.

    Handles years, months, days, ISO weeks, quarters and halves: the forms a
    figure's period takes. Anything else (durations, decades, unresolved) is None.
    """
    match = _TIMEX_FORMS.match(timex or "")
    if not match:
        return None
    year = int(match["y"])
    if match["d"]:
        day = date(year, int(match["m"]), int(match["d"]))
        return day.isoformat(), day.isoformat()
    if match["m"]:
        month = int(match["m"])
        last = calendar.monthrange(year, month)[1]
        return date(year, month, 1).isoformat(), date(year, month, last).isoformat()
    if match["w"]:
        monday = date.fromisocalendar(year, int(match["w"]), 1)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if match["q"] or match["h"]:
        months = 3 if match["q"] else 6
        first = (int(match["q"] or match["h"]) - 1) * months + 1
        last_month = first + months - 1
        end = date(year, last_month, calendar.monthrange(year, last_month)[1])
        return date(year, first, 1).isoformat(), end.isoformat()
    return date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()


def scale_factor(a: object, b: object, *, tolerance: float = ROUNDING_TOLERANCE) -> int | None:
    """The power of ten (3, 6, 9 ...) separating two values with the same digits, else None."""
    x, y = _num(a), _num(b)
    if not x or not y or x <= 0 or y <= 0:
        return None
    ratio = max(x, y) / min(x, y)
    power = round(math.log10(ratio))
    if power < 3 or power % 3:
        return None
    return power if math.isclose(ratio, 10**power, rel_tol=tolerance) else None


def text_similarity(a: str | None, b: str | None) -> float:
    """Word-order-tolerant similarity of two phrases, 0..1, case and punctuation ignored."""
    if not a or not b:
        return 0.0
    return fuzz.token_sort_ratio(a, b, processor=default_process) / 100.0


def phrase_similarity(a: str | None, b: str | None) -> float:
    """Similarity of two phrases that may reorder or add words, 0..1:
    "a $3.2 billion schools budget" and "a budget of $3.2 billion for schools"."""
    if not a or not b:
        return 0.0
    return max(text_similarity(a, b), fuzz.token_set_ratio(a, b, processor=default_process) / 100)


def containment(a: str | None, b: str | None) -> float:
    """How fully the shorter phrase stands inside the longer one, 0..1."""
    if not a or not b:
        return 0.0
    return fuzz.partial_ratio(a, b, processor=default_process) / 100.0


#: Verbs that report speech: "X said" is attribution, not a checkable claim of its own.
SPEECH_VERBS: Final = vocab.marked("speech_verbs", 1, "report")


def checkable_claim(row: Mapping[str, Any]) -> bool:
    """A claim that asserts an event or state, not that someone spoke."""
    return bool(row["predicate"]) and key_text(row["predicate"]) not in SPEECH_VERBS


#: Subjects that name nobody across articles.
PRONOUNS: Final = vocab.marked("pronouns", 1, "subject", "demonstrative", "indefinite")


def same_claim(a: Mapping[str, Any], b: Mapping[str, Any], *, min_similarity: float) -> bool:
    """Do two claim rows assert something about the same event?

    Same predicate; the same subject (one canonical name, or the same head noun:
    "clinics" and "vaccination clinics", never two different full names); and
    objects with one head noun that read alike, one of them absent counting as alike
    ("Nordbank did not agree" / "Nordbank agreed to buy Vestkredit").
    """
    if not same_predicate(a["predicate"], b["predicate"]):
        return False
    subject_a, subject_b = key_text(a["canonical"]), key_text(b["canonical"])
    if not subject_a or subject_a in PRONOUNS:
        return False  # "we" in one article is not "we" in another
    two_names = _full_name(a["canonical"]) and _full_name(b["canonical"])
    if subject_a != subject_b and (two_names or head_noun(subject_a) != head_noun(subject_b)):
        return False  # "Kimani Gray" is not "Mahnefah Gray"; "fire" is "the fire"
    if not a["object"] or not b["object"]:
        return True
    if not same_noun(head_noun(a["object"]), head_noun(b["object"])):
        return False  # "became the first physician ..." / "became the first woman ..."
    return phrase_similarity(a["object"], b["object"]) >= min_similarity


def same_noun(x: str, y: str) -> bool:
    """One noun, maybe once in the plural: "gun"/"guns", "bus"/"buses", "city"/"cities"."""
    short, long = sorted((x, y), key=len)
    return long in (short, short + "s", short + "es") or (
        short.endswith("y") and long == short[:-1] + "ies"
    )


def _names_someone(value: object) -> bool:
    """A phrase that is a name: two or more capitalized words, or an acronym (AMD)."""
    words = str(value or "").split()
    return _full_name(value) or (len(words) == 1 and len(words[0]) > 1 and words[0].isupper())


def written_as_name(value: object) -> bool:
    """Is the text written as a name: every word capitalized ("Haaland", "Tadej
    Pogacar"; not "the company", not "he")?"""
    words = str(value or "").split()
    return bool(words) and all(w[:1].isupper() for w in words)


def _full_name(value: object) -> bool:
    """A name of two or more capitalized words: two different ones are two things."""
    words = str(value or "").split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def same_matter(
    claims_a: list[Mapping[str, Any]] | None, claims_b: list[Mapping[str, Any]] | None
) -> bool:
    """Do two facts sit in clauses about the same matter: some claim of each with the same
    predicate and the same subject head ("14 people were killed" / "killed 14 people";
    "21 others wounded" / "another 17 people were hurt": "others" stands for any head)?
    Facts no claim carries cannot tell, and pass."""
    if not claims_a or not claims_b:
        return True
    return any(
        same_predicate(x["predicate"], y["predicate"])
        and _same_subject_head(head_noun(x["canonical"]), head_noun(y["canonical"]))
        for x in claims_a
        for y in claims_b
    )


#: Subject heads that stand for more of whatever is counted: "21 others".
OTHERS: Final = vocab.words("others")


def _same_subject_head(x: str, y: str) -> bool:
    return x == y or bool({x, y} & OTHERS)


def key_text(value: object) -> str:
    """Case- and space-folded text of a cell; empty for missing values."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return " ".join(str(value).casefold().split())


#: Nouns that name a unit or a kind of figure rather than the thing it measures.
GENERIC_THINGS: Final = vocab.marked("figure_nouns", 1, "generic")


def head_noun(phrase: object) -> str:
    """The last word of a noun phrase: "reported phone call" → "call"."""
    words = key_text(phrase).split()
    return words[-1] if words else ""


def names_alike(a: object, b: object) -> bool:
    """Do two names or descriptions name the same one, one more fully ("officials" and
    "federal officials"; "Reuters" and "the Reuters agency" do not: their heads differ)?"""
    x, y = key_text(a).split(), key_text(b).split()
    if not x or not y or x[-1] != y[-1]:
        return False
    return set(x) <= set(y) or set(y) <= set(x)


def measured_key(row: Mapping[str, Any]) -> str:
    """The head noun of the measured thing, or "" when it only names a unit or kind, or
    is a name rather than a thing."""
    if _names_someone(row["object"]):
        return ""  # "101 for Peyton Hillis", "$281 million for AMD": a name, not a thing
    head = head_noun(row["object"])
    generic = GENERIC_THINGS | {row["kind"]}
    if row["kind"] in ("money", "percent"):
        generic |= {key_text(row["unit"])}  # "$ 99" read as measuring "usd"
    return "" if head in generic else head


#: Words whose change alters a claim → negation, hedge or quantity.
MEANING_WORDS: Final = vocab.mapping("meaning_words")
NEGATING_PREFIXES: Final = vocab.words("negating_prefixes")
_QUOTE_WORD: Final = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)?|n't", re.UNICODE)


@dataclass(frozen=True)
class WordingDifference:
    """How two wordings of one statement differ."""

    #: excerpt (one inside the other), reordered (same words), meaning (a negation, hedge,
    #: quantity or number inserted, dropped or changed), or wording (other words)
    kind: str
    #: the words that make the difference, as "inserted 'not'" or "'likely' became 'unlikely'"
    detail: str = ""


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _QUOTE_WORD.findall(text.replace("\u2019", "'"))]


def _opposite(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return any(long == p + short for p in NEGATING_PREFIXES)


def _meaningful(word: str) -> str | None:
    if word in MEANING_WORDS:
        return MEANING_WORDS[word]
    return "number" if word[:1].isdigit() else None


def wording_difference(a: str, b: str) -> WordingDifference | None:
    """How two quotes of one statement differ, or None when their words are the same."""
    wa, wb = _words(a), _words(b)
    if wa == wb:
        return None
    short, long = sorted((wa, wb), key=len)
    if short and any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1)):
        return WordingDifference("excerpt")
    if sorted(wa) == sorted(wb):
        return WordingDifference("reordered", "the same words in another order")
    matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    changes: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        old, new = wa[i1:i2], wb[j1:j2]
        if op == "replace" and len(old) == len(new) == 1 and _opposite(old[0], new[0]):
            changes.append(f"{old[0]!r} became {new[0]!r} (its opposite)")
            continue
        for word, how in [*((w, "dropped") for w in old), *((w, "inserted") for w in new)]:
            kind = _meaningful(word)
            if kind is not None and not (how == "dropped" and word in new):
                changes.append(f"{how} the {kind} {word!r}")
    inner = len(short) and (
        matcher.find_longest_match(0, len(wa), 0, len(wb)).size >= len(short) - 1
    )
    if changes:
        return WordingDifference("meaning", "; ".join(dict.fromkeys(changes)))
    return WordingDifference("excerpt" if inner and len(short) < len(long) else "wording")
