"""Name normalization: folding, honorifics, spelling variants, demonyms.

General rules only; nothing here names an entity of any particular article.
The one table, :data:`IRREGULAR_DEMONYMS` (``lang/data/demonyms.tsv``), lists
well-known demonyms whose country cannot be found by stripping a suffix (general
knowledge, as in any dictionary); regular ones ("Chinese", "Russian", "Ukrainian") are matched to
the places a run mentions by :func:`demonym_matches`.
"""

from __future__ import annotations

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
    derived form of the other, and a rapidfuzz similarity of at least 70:
    Kiev/Kyiv and Odessa/Odesa yes; Mali/Malawi, Niger/Nigeria,
    Romania/Romanian, Charleston/Charlestown, Maryland/Meyerland,
    Beale/Bailey and US/USA no.
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
    return fuzz.ratio(fa, fb) >= 70


_VOWEL_GROUPS: Final = re.compile(r"[aeiouy]+")


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
