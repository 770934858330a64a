"""Every compiled pattern of the temporal engine, in one place.

Patterns only find candidates; the rules in ``rules_*.py`` decide and resolve.
The rule patterns (``_L``) run over the lowercased text, which is much faster
than case-insensitive matching; rules read the original text at the same offsets
to check capitalization where it matters (month and weekday names must be
capitalized, so "may" and "march" stay verbs). Helper patterns run over the
original text, case-insensitively (``_I``).
"""

from __future__ import annotations

import re
from typing import Final

from consistency.extract.time.holidays import HOLIDAYS
from consistency.lang import vocab
from consistency.lang.calendar import MONTHS, WEEKDAYS
from consistency.lang.trie import alternation

#: count words before a unit of time: number words, and phrases that only count a noun
#: ("a week", "a couple of days", "half a year")
NUMBER_WORDS: Final[dict[str, float]] = {
    word: float(value) for word, value, _ in vocab.rows("number_words")
}
#: vague counts: TIMEX3 writes them with an X ("several years" = PXY)
VAGUE_WORDS: Final = ("several", "a few", "few", "many", "some")
#: the ordinal of a quarter, a half or a week of a month ("the third quarter", "Q3"): in
#: words, in digits, and "the final quarter"
ORDINALS: Final[dict[str, int]] = {
    **{word: n for word, n in vocab.mapping("ordinals", int).items() if 1 <= n <= 4},
    **{f"{n}{suffix}": n for n, suffix in enumerate(("st", "nd", "rd", "th"), start=1)},
    "final": 4,
}
#: units of time the engine counts, with their TIMEX3 codes ("three weeks" = P3W)
UNITS: Final[dict[str, str]] = {
    unit: code for _, unit, code, _ in vocab.rows("time_units") if code != "-"
}
MODS: Final[dict[str, str]] = {
    "early": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "start": "start",
    "beginning": "start",
    "end": "end",
}


_alt = alternation


_I: Final = re.I
#: rule patterns: lowercase literals, matched against the lowercased text
_L: Final = re.NOFLAG
_FULL_MONTHS: Final = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_SHORT_MONTHS: Final = [m for m in MONTHS if m not in _FULL_MONTHS]
#: the dot belongs to an abbreviation ("Feb."), never to a full name at a sentence end
MONTH: Final = r"(?P<month>(?:" + _alt(_FULL_MONTHS) + r")|(?:" + _alt(_SHORT_MONTHS) + r")\.?)"
WEEKDAY: Final = r"(?P<weekday>" + _alt(WEEKDAYS) + r")"
DAY: Final = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR: Final = r"(?P<year>(?:1[5-9]|20)\d\d)"
NUM: Final = r"(?P<n>\d+(?:\.\d+)?|" + _alt([*NUMBER_WORDS, *VAGUE_WORDS]) + r")"
UNIT: Final = r"(?P<unit>" + _alt(UNITS) + r"|centuries)s?"
#: "early", "mid-", "the end of", "the beginning of" ... before a period
MOD: Final = (
    r"(?:(?P<mod>early|mid|late)[\s-]+|the\s+(?P<modof>start|beginning|middle|end)\s+of\s+)"
)
REL: Final = r"(?P<rel>last|next|this|coming|past|previous|current)"
YEAR_WORD: Final = r"(?P<yrel>this|last|next|the\s+same|the\s+current|the\s+previous)\s+year"

# Absolute dates (explicit.py holds the full day-month-year forms).
MONTH_DAY: Final = re.compile(r"\b" + MONTH + r"\s+" + DAY + r"\b(?!\s*(?:%|[,:]\s*\d))", _L)
DAY_MONTH: Final = re.compile(r"\b(?:the\s+)?" + DAY + r"\s+(?:of\s+)?" + MONTH + r"(?!\w)", _L)
MONTH_YEAR: Final = re.compile(
    r"(?:\b" + MOD + r")?\b" + MONTH + r",?\s+(?:of\s+)?(?:" + YEAR + r"\b|" + YEAR_WORD + r")", _L
)
MONTH_ALONE: Final = re.compile(
    r"(?:\b(?P<lead>earlier|later)\s+(?:in\s+)?)?(?:\b"
    + MOD
    + r"|\b"
    + REL
    + r"\s+)?\b"
    + MONTH
    + r"(?!\w)",
    _L,
)
YEAR_ALONE: Final = re.compile(
    r"(?:\b" + MOD + r"|\bthe\s+year\s+|(?<![\d,.$€£#/-]))" + YEAR + r"(?![\d%]|[.,]\d|-\d|/\d)",
    _L,
)
DECADE: Final = re.compile(
    r"(?:\bthe\s+)?(?:" + MOD + r")?(?:\b(?P<century>1[5-9]|20)|['’]|\b)(?P<decade>\d)0['’]?s\b",
    _L,
)
QUARTER: Final = re.compile(
    r"\b(?:q(?P<q>[1-4])|(?:the\s+)?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)"
    r"[\s-]+quarter)(?:\s*(?:of\s+)?(?:" + YEAR + r"\b|" + YEAR_WORD + r"))?",
    _L,
)
HALF: Final = re.compile(
    r"\b(?:the\s+)?(?P<ord>first|second)\s+half\s+of\s+(?:" + YEAR + r"\b|" + YEAR_WORD + r")",
    _L,
)
SEASON: Final = re.compile(
    r"(?:\b" + MOD + r"|\b" + REL + r"\s+|\bthe\s+)?\b(?P<season>spring|summer|autumn|fall|winter)"
    r"(?:\s+(?:of\s+)?(?:" + YEAR + r"\b|" + YEAR_WORD + r"))?(?!\w)",
    _L,
)

# Relative to the anchor.
DAY_WORD: Final = re.compile(
    r"\b(?:(?P<lead>earlier|later)\s+)?(?P<word>today|tonight|yesterday|tomorrow|"
    r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b",
    _L,
)
PART_OF_DAY: Final = re.compile(
    r"\b(?P<rel>this|last)\s+(?P<part>morning|afternoon|evening|night)\b", _L
)
WEEKDAY_REF: Final = re.compile(
    r"(?:\b(?P<mod>early|late)\s+|\b" + REL + r"\s+)?\b" + WEEKDAY + r"(?P<plural>s)?(?:'s)?"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?(?!\w)",
    _L,
)
UNIT_REF: Final = re.compile(
    r"(?:\b(?P<lead>earlier|later)\s+)?(?:\b" + MOD + r")?\b(?P<rel>last|next|this|coming|"
    r"previous|current|the\s+(?:current|previous|coming|next|last))\s+"
    r"(?P<unit>week|weekend|month|year|quarter|decade|century)\b(?!-)",
    _L,
)
#: "the weekend", "over the weekend": the latest (past) or next (future) weekend
THE_WEEKEND: Final = re.compile(r"\bthe\s+weekend\b(?!\s+(?:before|after|of)\b)", _L)
#: "to end the day", "later in the day": the anchor's own day (market and wire copy)
THE_DAY: Final = re.compile(
    r"\b(?:end|ending|finish|finishing|close|closing|rest|for|during|in|of)\s+"
    r"(?P<x>(?:the\s+course\s+of\s+)?the\s+day)\b"
    r"(?=\s*(?:[.,;:!?]|at\b|with\b|down\b|up\b|$|(?:after|before)\s+[a-z]+ing\b))",
    _L,
)
#: "the end of the year": only with a modifier does "the year" name the anchor's year
MOD_THE_UNIT: Final = re.compile(
    r"\b" + MOD + r"the\s+(?P<unit>day|week|month|year|decade)\b(?!\s+(?:before|after)\b)", _L
)
AGO: Final = re.compile(
    r"\b(?:(?P<q>about|around|nearly|almost|some|roughly|more\s+than|over|less\s+than)\s+)?"
    + NUM
    + r"[\s-]+"
    + UNIT
    + r"\s+ago\b",
    _L,
)
REF: Final = re.compile(
    r"\b(?:(?P<past>recently|in\s+recent\s+(?:days|weeks|months|years|decades)|lately)|"
    r"(?P<present>nowadays|currently|at\s+present|these\s+days|right\s+now|"
    r"(?<!from\s)now(?!\s+that\b|,))|"
    r"(?P<future>the\s+(?:coming|next\s+few)\s+(?P<funit>days|weeks|months|years)|"
    r"the\s+near\s+future))\b",
    _L,
)

# Durations and sets.
DURATION: Final = re.compile(
    r"\b(?:(?P<q>more\s+than|over|about|around|nearly|almost|at\s+least|less\s+than|"
    r"fewer\s+than|some|roughly|up\s+to|approximately|just\s+over|just\s+under)\s+)?"
    r"(?:(?P<span>the\s+(?:past|last|next|first|previous|coming)|another)\s+)?"
    + NUM
    + r"(?:[\s-]+and[\s-]+a[\s-]+half)?[\s-]+"
    + UNIT
    + r"\b(?![\s-]+old\b)",
    _L,
)
SPAN_UNIT: Final = re.compile(
    r"\b(?P<span>the\s+past)\s+(?P<unit>day|week|month|year|decade)"
    r"\b(?!-)",
    _L,
)
SET_WORDS: Final = re.compile(
    r"\b(?:(?P<adv>daily|weekly|monthly|quarterly|annually|yearly)|"
    r"(?:every|each|per)\s+(?P<unit>day|week|month|quarter|year|decade))\b",
    _L,
)
RATE: Final = re.compile(
    r"\b(?P<word>a|an|per)\s+(?P<unit>day|week|month|quarter|year)\b(?!\s+(?:ago|after"
    r"|before|earlier|later)\b)",
    _L,
)

# Relative to another event or to the previous date of the narrative.
OFFSET: Final = re.compile(
    r"\b(?:(?P<the>the)|" + NUM + r")[\s-]+" + UNIT + r"\s+(?P<rel>after|before|earlier|later|"
    r"prior\s+to|following)\b",
    _L,
)
#: where the clause naming an event ends
CLAUSE_END: Final = re.compile(r"[.;:!?,)\"”]|\s(?:and|but|when|while|which|who|as)\s")
EVENT_START: Final = re.compile(r"\s+(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+|their\s+)?[A-Za-z]")

#: words introducing a time expression, recorded as its signal
SIGNAL_BEFORE: Final = re.compile(
    r"\b(?P<signal>since|until|till|by|before|after|from|in|on|during|through|as\s+of|"
    r"around|about|circa|throughout|between|to|at|of)\s+$",
    _L,
)
#: words before a bare month name that make it a month (not "May I", "March on")
MONTH_CUE: Final = re.compile(
    r"\b(?:since|until|till|by|before|after|from|in|on|during|through|of|and|or|to|for|"
    r"between|throughout|late|early|mid|as\s+of)[\s-]+$",
    _I,
)
#: "15/6/22": a numeric date with a two-digit year (slashes or hyphens only)
SHORT_NUMERIC: Final = re.compile(
    r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/-])(?P<b>[0-3]?\d)(?P=sep)(?P<yy>\d\d)(?![\d/-]|\.\d)",
    _L,
)
#: "Christmas", "Easter Monday", "Thanksgiving 2019", "last Christmas"
HOLIDAY: Final = re.compile(
    r"(?:\b(?P<rel>last|next|this)\s+)?\b(?P<name>" + _alt(HOLIDAYS) + r")\b"
    r"(?:,?\s+" + YEAR + r"\b)?",
    _L,
)
#: "their January sales": a month name owned by someone is a month
POSSESSIVE_BEFORE: Final = re.compile(r"\b(?:their|its|his|her|our)\s+$", _I)
#: "the last week of March"
WEEK_OF_MONTH: Final = re.compile(
    r"\bthe\s+(?P<ord>first|second|third|fourth|last)\s+week\s+of\s+"
    + MONTH
    + r"(?:,?\s+"
    + YEAR
    + r")?\b",
    _L,
)
#: plural counts right after a number: "2019 people" is no year
COUNT_NOUN_AFTER: Final = re.compile(
    r"\s+(?:people|persons|troops|soldiers|units|votes|cases|deaths|jobs|workers|employees|"
    r"students|homes|houses|cars|vehicles|residents|members|copies|points|km|miles|metres|"
    r"meters|tons|tonnes|feet|kg|barrels|shares|children|civilians|refugees|dollars|euros|"
    r"block)\b",
    _I,
)
CURRENCY_BEFORE: Final = re.compile(r"(?:[$€£¥]|\b(?:US|USD|EUR|GBP|Rs|No)\.?)\s*$", _I)
#: cues of the tense of the clause around an expression, for the no-parser fallback
#: (matched against the lowercased text)
FUTURE_CUE: Final = re.compile(
    r"\b(?:(?:will|'ll|shall|would|may|might|should)\s+(?:not\s+)?(?:be\s+|have\s+)?[a-z]+|"
    r"(?:is|are|set|due|hopes?|wants?|aims?|going|plans?|expected|scheduled|slated)\s+to\s+"
    r"[a-z]+|to\s+be\s+[a-z]+|plans?|scheduled|slated|set\s+for|expected|upcoming|next|"
    r"deadline|pending|pencil+ed\s+in)\b",
    _L,
)
#: past cues: auxiliaries, common irregular past forms, and -ed forms not in a
#: present passive ("he's sentenced May 7")
PAST_CUE: Final = re.compile(
    r"\b(?:was|were|had|did|said|told|ago|last|earlier|previously|rose|fell|grew|began|came|"
    r"went|took|made|saw|won|lost|hit|left|got|gave|spoke|met|held|led|sold|bought|paid|"
    r"brought|found|kept|sent|spent|struck|wrote|ran|became|drove|flew|fought|knew|broke|shot|"
    r"sank|slid|quit|(?<!'s\s)(?<!’s\s)(?<!is\s)(?<!be\s)(?<!are\s)[a-z]{3,}ed)\b",
    _L,
)
#: either cue, named by its group: one scan finds the nearest cue of both kinds
TENSE_CUE: Final = re.compile(f"(?P<future>{FUTURE_CUE.pattern})|(?P<past>{PAST_CUE.pattern})", _L)

#: "2019-2021", "2019–21", "2021/22": a range of years written as one token
YEAR_RANGE: Final = re.compile(
    r"(?<![\d,.$€£#/-])(?P<y1>(?:1[5-9]|20)\d\d)\s?[-–—/]\s?(?P<y2>(?:1[5-9]|20)?\d\d)"
    r"(?![\d%]|[.,]\d|[-/]\d)",
    _L,
)
#: "since '82": a two-digit year after a preposition
SHORT_YEAR: Final = re.compile(
    r"\b(?:since|in|of|until|from|by|before|after)\s+(?P<x>['’](?P<yy>\d\d))(?![\w'’])", _L
)

# Cores: the required word of a slow pattern (one opening with optional words).
# The engine finds cores first and runs the full pattern only in a window around
# each, which is several times faster than scanning the whole text with it.
CORE_MONTH: Final = re.compile(r"\b(?:" + _alt(MONTHS) + r")(?!\w)", _L)
CORE_WEEKDAY: Final = re.compile(r"\b(?:" + _alt(WEEKDAYS) + r")", _L)
CORE_YEAR: Final = re.compile(r"\b(?:(?:1[5-9]|20)\d\d|year)\b", _L)
CORE_YEAR_DIGITS: Final = re.compile(r"(?:1[5-9]|20)\d\d", _L)
CORE_UNIT: Final = re.compile(r"\b(?:" + _alt(UNITS) + r"|centuries|weekend)", _L)
CORE_DECADE: Final = re.compile(r"\d0['\u2019]?s\b", _L)
CORE_SEASON: Final = re.compile(r"\b(?:spring|summer|autumn|fall|winter)\b", _L)
CORE_OFFSET: Final = re.compile(r"\b(?:after|before|earlier|later|prior|following)\b", _L)
CORE_AGO: Final = re.compile(r"\bago\b", _L)
CORE_WEEKEND: Final = re.compile(r"\bweekend\b", _L)
CORE_THE_DAY: Final = re.compile(r"\bthe\s+day\b", _L)
CORE_SHORT_YEAR: Final = re.compile(r"['’]\d\d(?![\w'’])", _L)
CORE_HOLIDAY: Final = re.compile(r"\b(?:" + _alt(HOLIDAYS) + r")", _L)

#: "since" right before a month: the month lies on or before the anchor.
SINCE_BEFORE: Final = re.compile(
    r"\bsince\s+(?:(?:early|mid|late|the\s+(?:start|end)\s+of)\s+)?$", re.I
)

#: "the same month", "the same period of" right before a year-back expression.
SAME_PERIOD_BEFORE: Final = re.compile(
    r"\b(?:the\s+)?same\s+(?P<unit>day|week|month|quarter|period|time)\s+(?:of\s+|in\s+)?$",
    re.I,
)
#: Expressions that step back one year from the period they follow.
YEAR_BACK: Final = re.compile(
    r"(?:last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+(?:previous|prior)\s+year"
    r"|the\s+year\s+before)$",
    re.I,
)
