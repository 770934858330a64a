"""Every compiled pattern of the numbers layer, built from the word tables."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from consistency.extract.numbers import lexicon as lx
from consistency.lang.calendar import MONTHS


def _alt(words: Iterable[str]) -> str:
    """An alternation, longest first so "more than" wins over "more"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_I = re.IGNORECASE
_UNIT = _alt(lx.UNITS)
_TENS = _alt(lx.TENS)
_SCALE_WORDS = _alt(w for w in lx.SCALES if w not in lx.TIGHT_SCALES and len(w) > 3)
_WORD = rf"(?:(?:{_TENS})(?:[\s-](?:{_UNIT}))?|{_UNIT}|{_SCALE_WORDS}|dozen|a|and|half|quarter)"
_ORD_WORD = _alt([*lx.ORDINAL_UNITS, *lx.ORDINAL_TENS, *lx.ORDINAL_SCALES])

#: A number in digits: 1,234,567.89 or 12,34,567 (Indian grouping) or 1234.5 or .5
DIGITS: Final = re.compile(
    r"(?<![\w.,/:])(?<![A-Za-z]-)(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?(?![\d])"
    r"|(?<![\w.])\.\d+\b"
)
#: A run of number words ("twenty-one", "one hundred and five", "a dozen").
WORDS: Final = re.compile(rf"\b{_WORD}(?:(?:\s+|-){_WORD})*\b", _I)
WORD_TOKEN: Final = re.compile(rf"(?:{_TENS})-(?:{_UNIT})|[a-z]+", _I)
#: Elapsed times written like a clock: "2:01:09", "3:29.43", "1:58.2" (hours, minutes,
#: seconds; a decimal fraction of a second or three parts); never a time of day ("a.m.",
#: a zone).
ELAPSED: Final = re.compile(
    r"(?<![\d:.])(?:(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?|(\d{1,2}):([0-5]\d)\.(\d{1,3}))"
    r"(?![\d:])(?!\s*(?:[ap]\.?m\b|GMT\b|UTC\b|[A-Z]{2,4}T\b|local\b|hrs\b|hours\b))"
)
#: Ordinals in digits ("69th") or words ("twenty-first", "one hundred twenty fifth").
ORDINAL_DIGITS: Final = re.compile(r"\b(\d+)(?:st|nd|rd|th)\b", _I)
ORDINAL_WORDS: Final = re.compile(rf"\b(?:{_WORD}(?:\s+|-))*(?:{_ORD_WORD})\b", _I)
GLUED_CODE: Final = re.compile(rf"\bm?(?:{_alt(lx.ISO_CODES)})\$?(\d+(?:[.,]\d+)*)\b", _I)
#: "Percent of 10" opening a text or sentence: the percent written before its number.
PERCENT_OF: Final = re.compile(
    rf"(?:^|(?<=[.!?;:]\s))\s*(?:per\s*cents?|percents?)\s+of\s+"
    rf"(\d+(?:\.\d+)?|{_WORD}(?:(?:\s+|-){_WORD})*)\b",
    _I,
)
VAGUE: Final = re.compile(rf"\b(?:{_alt(lx.VAGUE)})\b(?=\s+of\b)", _I)
_DENOMINATORS = (
    "half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?"
)
#: "two thirds", "one-half", "a third of", "half of": shares written in words.
FRACTION_WORDS: Final = re.compile(
    rf"\b(?:(?:one|two|three|four|five|six|seven|eight|nine)[\s-]+(?:{_DENOMINATORS})\b"
    rf"|an?\s+(?:half|third|quarter|fourth|fifth|sixth|tenth)(?=\s+of\b)"
    rf"|half(?=\s+(?:of|the)\b))",
    _I,
)
#: "half a percent", "a quarter of a percentage point", "three quarters of one per cent"
#: ("a quarter point" alone may be a rate's or an index's point: left unread).
FRACTION_PERCENT: Final = re.compile(
    rf"\b((?:one|two|three|a|an)[\s-]+(?:{_DENOMINATORS})|half)\s+(?:of\s+)?(?:a\s+|one\s+)?"
    r"(percentage\s+points?|basis\s+points?|per\s*cents?|percent)\b",
    _I,
)
MIXED_FRACTION: Final = re.compile(r"\s+(\d)\s*/\s*(\d{1,2})\b")
FRACTION_SCALE: Final = re.compile(
    rf"(?<!\band\s)(?<!\band\sa\s)\b(?:a\s+)?(?:{_alt(lx.FRACTION_WORDS)})\s+(?:a\s+)?(?:{_SCALE_WORDS})\b",
    _I,
)

# To the right of a number.
SCALE_AFTER: Final = re.compile(rf"\s*(?:-\s*)?({_SCALE_WORDS})\b", _I)
TIGHT_SCALE_AFTER: Final = re.compile(rf"({_alt(lx.TIGHT_SCALES)}|mln|bln)\b", _I)
PERCENT_AFTER: Final = re.compile(r"\s*(?:%|per\s*cents?\b|percent(?:age)?s?\b|pct\b)", _I)
POINTS_AFTER: Final = re.compile(rf"\s*(?:-\s*)?({_alt(lx.POINT_WORDS)})\b", _I)
CURRENCY_NAME_AFTER: Final = re.compile(
    rf"\s*(?:-\s*)?({_alt([*lx.CURRENCY_NAMES, *lx.MINOR_UNITS])})\b", _I
)
CODE_AFTER: Final = re.compile(rf"\s*(m?)({_alt(lx.ISO_CODES)})\b", _I)
SYMBOL_AFTER: Final = re.compile(rf"\s*({_alt(lx.SYMBOLS_AFTER)})")
AGE_AFTER: Final = re.compile(
    rf"(?:\s+|-)({_alt(lx.AGE_UNITS)})(?:\s+|-)(?:old\b|of\s+age\b)|\s*(yo|y/o|yoa)\b", _I
)
COUNTED_TIME_UNIT_AFTER: Final = re.compile(rf"(?:\s+|-)({_alt(lx.COUNTED_TIME_UNITS)})\b", _I)
TIME_UNIT_AFTER: Final = re.compile(
    rf"(?:\s*(?:-|–|to|or|and)\s*(?:\d+|{_WORD}))?(?:\s+|-)(?:{_alt(lx.TIME_UNITS)})\b", _I
)
#: "40-50 years old": the first number of an age range.
AGE_RANGE_AFTER: Final = re.compile(
    rf"\s*(?:-|–|to|and)\s*\d+(?:\s+|-)({_alt(lx.AGE_UNITS)})(?:\s+|-)(?:old\b|of\s+age\b)", _I
)
#: "Ronald Munn, 28, was shot": an age in apposition to a name.
APPOSITION_BEFORE: Final = re.compile(
    rf"(?:\b[A-Z][\w'.\xad-]*|\b(?i:{_alt(lx.PERSON_NOUNS)}))\s*,\s*(?:both\s+)?$"
)
#: What may follow such an age: a comma, a list, the end of the sentence.
APPOSITION_AFTER: Final = re.compile(r"\s*(?:,|;|\)|\.(?!\d)|$)|\s+(?:and|of|from|who)\b", _I)
#: "He turned 21 shortly before": an age reached, when no noun follows the number ("turns
#: 29 on April 11" is a birthday ahead, not the age now).
TURNED_BEFORE: Final = re.compile(r"(?<!\bhave\s)\bturned\s+$", _I)
TURNED_AGE_AFTER: Final = re.compile(
    r"\s*(?:[.,;:!?)]|$)|\s+(?:on|in|this|last|next|shortly|just|before|after|and|when|while|"
    r"at|earlier|later|today|yesterday)\b",
    _I,
)
#: Decades: "the 80s", "1920s", "mid-20s", "her early thirties".
DECADE: Final = re.compile(
    rf"\b(?:(early|mid|late)[\s-]*)?(?:((?:1\d|20)?[1-9]0)['’]?s|({_alt(lx.DECADE_WORDS)}))\b", _I
)
#: What makes a decade an age: "in his", "a man in their", "male, ".
AGE_DECADE_BEFORE: Final = re.compile(
    rf"(?:\bin\s+(?:his|her|their)|\b(?:{_alt(lx.PERSON_NOUNS)})\s*,)\s*$", _I
)
AGE_LIST_JOIN: Final = re.compile(r"\s*(?:,|and|,\s*and)\s*$", _I)
PEOPLE_AFTER: Final = re.compile(rf"\s+(?:[a-z-]+\s+)?({_alt(lx.PEOPLE_WORDS)})\b", _I)
BIRTHDAY_AFTER: Final = re.compile(r"\s+birthday\b", _I)
#: "9.1 percent more than a year earlier", "20% less": a difference
COMPARATIVE_AFTER: Final = re.compile(rf"\s+({_alt(lx.COMPARATIVES)})\b", _I)
CHANGE_NOUN_AFTER: Final = re.compile(
    r"\s+(increase|rise|jump|gain|growth|surge|hike|drop|decline|fall|decrease|cut|"
    r"loss|slump|higher|lower)\b",
    _I,
)

# To the left of a number (matched against the text before it).
SYMBOL_BEFORE: Final = re.compile(
    rf"(?:^|(?<=[\s(\[\"'-]))({_alt(lx.CURRENCY_SYMBOLS)}|(?:[a-z]{{1,3}}\.?\s?)?\$)\s*$", _I
)
#: One-letter prefixes that are English words when spaced from "$" ("a $5 fee").
ARTICLE_PREFIX: Final = re.compile(r"(?:a|s|r)\s", _I)
SPACED_SCALE_AFTER: Final = re.compile(r"\s(mln|bln|bn|mn|tn)\b", _I)
CENTS_AFTER: Final = re.compile(
    rf"\s+(?:and\s+)?(\d{{1,2}}|(?:{_TENS})(?:[\s-](?:{_UNIT}))?|{_UNIT})"
    r"(?:\s+(?:cents?|pence|p)\b|(?=\s*(?:[.!?,;]|$)))",
    _I,
)
CODE_BEFORE: Final = re.compile(rf"\b(m?)({_alt(lx.ISO_CODES)})\$?\s*$|\bdollars?\s+$", _I)
QUALIFIER_BEFORE: Final = re.compile(rf"\b({_alt(lx.QUALIFIERS)})\s+$", _I)
CHANGE_BEFORE: Final = re.compile(rf"\b({_alt(lx.CHANGE_WORDS)})(\s+by)?\s+$", _I)
#: "lowered the world record by 43 seconds", "cut its key rate by 0.25 points": the amount
#: of a change whose verb has its object between
CHANGE_BY_BEFORE: Final = re.compile(
    rf"\b({_alt(lx.CHANGE_WORDS)})(?:\s+(?!by\b)[\w'’-]+){{1,6}}\s+by\s+$", _I
)
#: "make up 20%", "set up", "shut down": phrasal verbs, not changes.
PHRASAL_BEFORE: Final = re.compile(
    r"\b(?:make|makes|made|making|set|sets|pick|picked|sum|summed|end|ended|give|gave|shut|"
    r"turn|turned|back|broke|broken|break|show|showed|wind|wound|tally|add|adds|added|take|takes|took|"
    r"taken|taking|bring|brings|brought|bringing|tear|tore|torn|knock|knocked|pull|pulled|"
    r"shoot|shot|cut|cuts|hold|held|step|stepped)\s+(?:up|down)$",
    _I,
)
#: "raised $298 million", "raising $5 billion in its listing": money collected, not a change
#: (a change of money says by how much: "was raised by $2 billion")
MONEY_COLLECTED_BEFORE: Final = re.compile(r"\b(?:raised|raises|raise|raising)\s+$", _I)
CHANGE_NOUN_BEFORE: Final = re.compile(
    r"\b(increase|rise|jump|gain|growth|drop|decline|fall|decrease|cut|loss)\s+of\s+$", _I
)
#: "7-2", "3–1": the dash of a score or vote tally
TALLY_JOIN: Final = re.compile(r"[-–]")
BETWEEN_BEFORE: Final = re.compile(r"\bbetween\s+$", _I)
#: "and a further 0.1%", "another 2 percent": more of the change before it
FURTHER_BEFORE: Final = re.compile(r"\b(?:a\s+further|another)\s+$", _I)
FROM_BEFORE: Final = re.compile(rf"\b(?:({_alt(lx.CHANGE_WORDS)})\s+)?from\s+$", _I)
TO_BEFORE: Final = re.compile(rf"\b({_alt(lx.CHANGE_WORDS)})\s+to\s+$", _I)
AGED_BEFORE: Final = re.compile(r"\b(aged|age|ages)\s+(?:between\s+)?$", _I)
ID_BEFORE: Final = re.compile(rf"(?:\b(?:{_alt(lx.ID_NOUNS)})|#)\s*$", _I)
A_BEFORE: Final = re.compile(r"\b(?:a|an)\s+$", _I)
#: A month's name, or its abbreviation with or without a dot ("Sept."): an abbreviation
#: is the beginning of a longer name of the same list.
_ABBREVIATIONS = [m for m in MONTHS if any(o != m and o.startswith(m) for o in MONTHS)]
MONTH_NEAR: Final = re.compile(
    rf"\b(?:{_alt(m for m in MONTHS if m not in _ABBREVIATIONS)}|(?:{_alt(_ABBREVIATIONS)})\.?)\b",
    _I,
)
MAY_LOWER: Final = re.compile(r"\bmay\b")

# Joining two figures.
RANGE_JOIN: Final = re.compile(r"\s*(?:-|–|—|to|-\s*to)\s*$", _I)
RANGE_TAIL: Final = re.compile(r"\s*(?:-|–|—|to|and|-\s*to)\s*[-−]?$", _I)
AND_JOIN: Final = re.compile(r"\s+and\s+$", _I)
#: "45 and 50 mg", "4 or 5 percent", "3, 4 and 5 km": a list of values with one unit.
UNIT_LIST_JOIN: Final = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or)\s+)$", _I)

# Base of a change, after the figure.
BASE_AFTER: Final = re.compile(
    r"\s*,?\s*(?:(year[\s-]on[\s-]year|year[\s-]over[\s-]year|on\s+the\s+year|from\s+a\s+year\s+"
    r"(?:earlier|ago|before)|(?:compared\s+(?:with|to)|from|since|over)\s+(?:the\s+same\s+"
    r"(?:period|quarter|month)\s+)?(?:a\s+year\s+(?:earlier|ago)|last\s+year|\d{4}))|"
    r"(y/y|yoy|m/m|q/q))",
    _I,
)

# Spans that are never quantities.
NEVER: Final = tuple(
    re.compile(p, _I)
    for p in (
        r"\b\d{1,4}([/.-])\d{1,2}\1\d{1,4}\b",  # 15/6/2022, 2022-06-15, 15.06.22
        r"\b\d{4}[/-]\d{2}\b(?!\s*%)",  # 2021/22, 2020-21 (seasons, fiscal years)
        r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?",  # 10:30, 9:15 pm
        r"\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?",  # 9 am, 9.30 p.m.
        r"\b\d{1,2}\s+o'clock\b",
        r"\b\d{4}\s*(?:GMT|UTC|hrs)\b",
        r"\b\d{4}s\b|'\d0s\b",  # 1990s, '90s
        r"(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,5}\b",  # phone numbers
        r"\b\d{3,}(?:-\d{3,}){2,}\b",  # account and card numbers
        r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+",
        r"\b\d+(?:st|nd|rd|th)?\s+century\b",
        r"\b\d+(?:st|nd|rd|th)\s+(?:Street|St\b\.?|Avenue|Ave\b\.?|Road|Rd\b\.?|Place|"
        r"Boulevard|Blvd\b\.?|Lane|Drive|Terrace|Precinct|District|Ward|Circuit)",
        r"\b\d+\s+block\s+of\b",
        r"\.?\d+[-\s]?(?:caliber|calibre)\b",
        r"\b(?:first|second|third)\s*-\s*degree\b",
        r"\bon\s+the\s+\d{1,2}(?:st|nd|rd|th)\b",
        # identifiers: a leading zero ("099", "06") or seven digits and more with no
        # separator ("20130914", "223712941"), unless money or a decimal
        r"(?<![\d.,$€£¥])\b(?:0\d+|\d{7,})\b(?![.,]\d)",
    )
)
#: "15/6": day and month, or any slash pair that is not a small proper fraction.
SLASH_PAIR: Final = re.compile(r"\b(\d{1,4})\s*/\s*(\d{1,4})\b")
#: Letters glued to digits: model names and codes (COVID-19, G7, MH17, A320, F-16, 5G).
CODE_TOKEN: Final = re.compile(
    r"\b([A-Za-z]+)-?\d+[A-Za-z0-9]*\b|\b\d+[A-Za-z]+\d[A-Za-z0-9]*\b|\b\d[DG]\b"
)
YEAR: Final = re.compile(r"(?:1[5-9]|20)\d\d")

# Multiplicative changes.
MULTIPLIER_VERB: Final = re.compile(rf"\b({_alt(lx.MULTIPLIERS)})\b", _I)
BY_HALF: Final = re.compile(
    rf"\b(?:{_alt(w for w, d in lx.CHANGE_WORDS.items() if d == 'down')})\s+(?:by\s+)?(half)\b"
    r"|\bcut\s+(?:it\s+)?in\s+(half)\b",
    _I,
)
FOLD: Final = re.compile(rf"\b(\d+(?:\.\d+)?|{_UNIT}|{_TENS})[\s-]?fold\b", _I)
MINUS_BEFORE: Final = re.compile(r"(?:\bminus\s+|(?<![\w\d])[-−])$", _I)
TO_JOIN: Final = re.compile(r"\s+to\s+$", _I)
FROM_JOIN: Final = re.compile(r"\s+from\s+$", _I)
#: "to 64 from 58", "from 58 to 64": the two ends of a move, whatever moved them
BARE_TO_BEFORE: Final = re.compile(r"\bto\s+$", _I)
BARE_FROM_BEFORE: Final = re.compile(r"\bfrom\s+$", _I)
#: "rose 6%, from $1.45 billion": the level a change starts from, after the change
CHANGE_FROM_JOIN: Final = re.compile(r",?\s+from\s+(?:[A-Z]\w+(?:'s|’s)\s+)?$", _I)
OF_AFTER: Final = re.compile(r"\s+of\b", _I)
DIGIT_AFTER: Final = re.compile(r"\s*\d")
PERIOD_NOUN_AFTER: Final = re.compile(r"[\s-]+(?:quarter|half)\b", _I)
NOT_RANK_BEFORE: Final = re.compile(r"\b(?:at|per)\s+$", _I)
NOT_RANK_AFTER: Final = re.compile(r"\s+of\s+all\b", _I)
