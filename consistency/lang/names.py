"""Name normalization: folding, honorifics, spelling variants, demonyms.

General rules only; nothing here names an entity of any particular article.
Two tables describe transliteration: :data:`TRANSLITERATIONS`
(``lang/data/transliterations.tsv``), spellings one sound is written with
("kh" / "h", "y" / "i"), and ``sound_alike_letters.tsv``, letters one sound
is written with across transliterations ("q" / "g", "o" / "u").
The one table, :data:`IRREGULAR_DEMONYMS` (``lang/data/demonyms.tsv``), lists
well-known demonyms whose country cannot be found by stripping a suffix (general
knowledge, as in any dictionary); regular ones ("Chinese", "Russian", "Ukrainian") are matched to
the places a run mentions by :func:`demonym_matches`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Final

from rapidfuzz import fuzz

from consistency.lang import vocab

#: Forms of address that are not part of a name and carry no role.
HONORIFICS: Final = vocab.words("honorifics")
#: Demonyms whose country is not their prefix (general knowledge).
IRREGULAR_DEMONYMS: Final[dict[str, str]] = vocab.mapping("demonyms")
_DEMONYM_SUFFIXES: Final = tuple(suffix for suffix, _ in vocab.rows("demonym_suffixes"))
#: Suffixes that make a capitalized adjective look like a demonym ("Chinese", "Danish").
_ADJECTIVE_SUFFIXES: Final = tuple(vocab.marked("demonym_suffixes", 1, "adjective"))
_SPACES: Final = re.compile(r"\s+")
_POSSESSIVE: Final = re.compile(r"(?:'s|’s|'|’)$")


def fold(text: str) -> str:
    """Lowercase, strip accents, possessive and punctuation, collapse spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.strip())
    text = re.sub(r"[^\w\s-]", " ", text.lower()).replace("-", " ")
    text = _SPACES.sub(" ", text).strip()
    return re.sub(r"^the ", "", text)


def strip_honorifics(name: str) -> str:
    """'Mr Xi' → 'Xi'; 'Dr. Jane Roe' → 'Jane Roe'."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def after_honorific(text_before: str) -> bool:
    """Does the text end with a form of address ('... said Mr ')? The name after it is a person."""
    words = text_before.split()
    return bool(words) and words[-1].lower().rstrip(".") in HONORIFICS


def skeleton(name: str) -> str:
    """Consonant skeleton: first letter kept, then vowels, y and h dropped, runs merged.

    Transliterations of one name mostly differ in vowels and glides
    (Kiev/Kyiv, Odessa/Odesa, Kharkov/Kharkiv share a skeleton).
    """
    word = fold(name).replace(" ", "")
    if not word:
        return ""
    rest = re.sub(r"[aeiouyh]", "", word[1:])
    rest = re.sub(r"v", "f", rest)
    out = word[0]
    for char in rest:
        if char != out[-1]:
            out += char
    return out


def spelling_variants(a: str, b: str) -> bool:
    """Two place names that read as transliterations of one name.

    Same consonant skeleton (at least two consonants), as many vowel groups,
    lengths within one character (equal for two-consonant names), neither a
    derived form of the other, no vowel swapped for one no transliteration
    writes for it, and a rapidfuzz similarity of at least 70:
    Kiev/Kyiv and Odessa/Odesa yes; Mali/Malawi, Niger/Nigeria,
    Romania/Romanian, Charleston/Charlestown, Maryland/Meyerland,
    Hamburg/Homburg, Beale/Bailey and US/USA no.
    """
    fa, fb = fold(a), fold(b)
    if fa == fb or " " in fa or " " in fb:
        return False
    if abs(len(fa) - len(fb)) > 1 or fa.startswith(fb) or fb.startswith(fa):
        return False
    ska, skb = skeleton(fa), skeleton(fb)
    if ska != skb or len(ska) < 2 or (len(ska) == 2 and len(fa) != len(fb)):
        return False
    if len(_VOWEL_GROUPS.findall(fa)) != len(_VOWEL_GROUPS.findall(fb)):
        return False
    if _vowel_swapped(transliteration_key(fa), transliteration_key(fb)):
        return False
    return fuzz.ratio(fa, fb) >= 70


_VOWEL_GROUPS: Final = re.compile(r"[aeiouy]+")

#: (written, rewritten as), applied in order by :func:`transliteration_key`.
TRANSLITERATIONS: Final = tuple((a, b) for a, b in vocab.rows("transliterations"))
_SOUND_ALIKE: Final = frozenset(
    frozenset((letter, other))
    for letter, others in vocab.mapping("sound_alike_letters").items()
    for other in others.split(",")
)
_DOUBLED: Final = re.compile(r"(.)\1+")
_VOWELS: Final = frozenset("aeiou")
#: Costs of the edits :func:`variant_distance` allows; any other edit makes another name.
VOWEL_CHANGE: Final = 0.5
CONSONANT_CHANGE: Final = 0.75
VOWEL_DROPPED: Final = 1.0
#: Words at least this long may differ by the whole allowed distance; shorter ones by less.
FULL_LENGTH: Final = 8


def _vowel_swapped(a: str, b: str) -> bool:
    """Keys that differ only in vowels, one of them a vowel no transliteration trades
    for the other (Hamburg / Homburg)."""
    changed = [frozenset(p) for p in zip(a, b, strict=False) if p[0] != p[1]]
    return (
        len(a) == len(b)
        and all(p <= _VOWELS for p in changed)
        and any(p not in _SOUND_ALIKE for p in changed)
    )


def transliteration_key(word: str) -> str:
    """One word folded, its transliteration alternations rewritten, doubled letters merged.

    'Kharkiv' → 'harkiv', 'Zelenskyy' and 'Zelensky' → 'zelenski',
    'Tchaikovsky' → 'chaikovski', 'Gaddafi' → 'gadafi'.
    """
    key = fold(word).replace(" ", "")
    for written, rewritten in TRANSLITERATIONS:
        key = key.replace(written, rewritten)
    return _DOUBLED.sub(r"\1", key)


def variant_distance(a: str, b: str) -> float:
    """Edit distance of two transliteration keys that allows only sound-alike changes.

    A vowel written for the same sound (o / u) costs :data:`VOWEL_CHANGE`, a
    consonant (g / k) :data:`CONSONANT_CHANGE`, a vowel added or dropped
    :data:`VOWEL_DROPPED`; a consonant added or dropped, any other changed letter,
    or a changed first letter that is not sound-alike gives infinity (another name):
    'harkiv' / 'harkov' 0.5, 'mohamed' / 'muhamad' 1.0, 'slovenia' / 'slovakia' and
    'hamburg' / 'homburg' inf.
    """
    if a[:1] != b[:1] and frozenset((a[:1], b[:1])) not in _SOUND_ALIKE:
        return math.inf

    def indel(c: str) -> float:
        return VOWEL_DROPPED if c in _VOWELS else math.inf

    def change(x: str, y: str) -> float:
        if x == y:
            return 0.0
        if frozenset((x, y)) not in _SOUND_ALIKE:
            return math.inf
        return VOWEL_CHANGE if x in _VOWELS else CONSONANT_CHANGE

    previous = [0.0]
    for c in b:
        previous.append(previous[-1] + indel(c))
    for x in a:
        current = [previous[0] + indel(x)]
        for j, y in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + indel(x),
                    current[j - 1] + indel(y),
                    previous[j - 1] + change(x, y),
                )
            )
        previous = current
    return previous[-1]


def word_variants(a: str, b: str, *, min_letters: int = 5, max_distance: float = 1.0) -> bool:
    """Two words that read as one name transliterated two ways.

    Both at least ``min_letters`` long, neither the other with an ending added
    (Niger / Nigeria), the same last letter when either ends in a vowel (Maria /
    Mario are two names), and transliteration keys at most ``max_distance`` apart
    (:func:`variant_distance`), scaled down for words shorter than
    :data:`FULL_LENGTH`: Kharkiv / Kharkov, Zelensky / Zelenskyy, Gaddafi /
    Qaddafi, Mohammed / Muhammad yes; Austria / Australia, Slovenia / Slovakia,
    Georgia / Gregoria, Dnipro / Dnepr no.
    """
    fa, fb = fold(a).replace(" ", ""), fold(b).replace(" ", "")
    if fa == fb or min(len(fa), len(fb)) < min_letters or not (fa + fb).isalpha():
        return False
    ka, kb = transliteration_key(fa), transliteration_key(fb)
    if ka == kb:
        return True
    if ka.startswith(kb) or kb.startswith(ka):
        return False
    if ka[-1:] != kb[-1:] and (ka[-1:] in _VOWELS or kb[-1:] in _VOWELS):
        return False
    allowed = max_distance * min(1.0, min(len(fa), len(fb)) / FULL_LENGTH)
    return variant_distance(ka, kb) <= allowed


def name_variants(a: str, b: str, *, min_letters: int = 5, max_distance: float = 1.0) -> bool:
    """Two names, word by word, that read as one name transliterated two ways.

    As many words (honorifics dropped), every word the same once folded or a
    :func:`word_variants` pair, at least one such pair: 'Prophet Mohammed' /
    'Prophet Muhammad' yes; 'Ahmed Khan' / 'Imran Khan', 'Imran' / 'Imran Khan',
    'Sudan' / 'South Sudan' no.
    """
    wa = fold(strip_honorifics(a)).split()
    wb = fold(strip_honorifics(b)).split()
    if not wa or len(wa) != len(wb) or wa == wb:
        return False
    return all(
        x == y or word_variants(x, y, min_letters=min_letters, max_distance=max_distance)
        for x, y in zip(wa, wb, strict=True)
    )


def acronym(name: str) -> str:
    """Initials of the capitalized words: 'European Union' → 'EU'."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def demonym_matches(demonym: str, place: str) -> bool:
    """'Chinese' ~ 'China', 'Ukrainian' ~ 'Ukraine', 'Russians' ~ 'Russia'."""
    word, target = fold(demonym), fold(place)
    if not word or not target or " " in word:
        return False
    if IRREGULAR_DEMONYMS.get(word, "").lower() == target:
        return True
    for suffix in _DEMONYM_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if target.startswith(stem) and len(target) - len(stem) <= 4 and " " not in target:
                return True
    return False


def demonym_country(demonym: str, places: list[str]) -> str | None:
    """The place among ``places`` a demonym names, else a well-known irregular one."""
    hits = sorted({p for p in places if demonym_matches(demonym, p)}, key=len)
    if hits:
        return hits[0]
    return IRREGULAR_DEMONYMS.get(fold(demonym))


def looks_like_demonym(word: str) -> bool:
    """A capitalized adjective of nationality by its form: Chinese, Russian, Dutch."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    lower = word.lower()
    return lower in IRREGULAR_DEMONYMS or lower.endswith(_ADJECTIVE_SUFFIXES)
