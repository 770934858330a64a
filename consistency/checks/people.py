"""Who a figure or claim is about: the person it names, a pronoun's antecedent, or a title.

Resolution is strict, because a wrong person turns two true facts into a
false conflict: a phrase names a person only when its words, past an
honorific or a title, are that person's name or part of it ("Mayor Anna
Berg", "Berg"), never a longer name ("Allen Garcia", "Sammy Hope Jr."); a
title names the one person of the document holding it, never a common noun
("man", "boy"); a possessive ("his daughter") names nobody unless asked.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Final

from consistency.checks.facts import Row, detail
from consistency.lang import vocab
from consistency.lang.compare import head_noun, key_text
from consistency.lang.names import HONORIFICS

_PERSON: Final = vocab.marked("pronouns", 2, "person")
_POSSESSIVE: Final = vocab.marked("pronouns", 1, "possessive")
SUBJECT_PRONOUNS: Final = _PERSON - _POSSESSIVE
POSSESSIVE_PRONOUNS: Final = _PERSON & _POSSESSIVE
#: Nouns for anyone: two mentions of "a man" are not one person.
COMMON_PERSON_NOUNS: Final = vocab.marked("person_nouns", 2, "anyone")
_WORD: Final = re.compile(r"[\w-]+")


def _words(text: object) -> list[str]:
    return _WORD.findall(key_text(text).replace("'s", "").replace("\u2019s", ""))


class People:
    """The person mentions of a run, by document, to resolve a phrase against."""

    def __init__(self, facts: Iterable[Row]) -> None:
        self._mentions: dict[str, list[Row]] = defaultdict(list)
        for row in facts:
            if row["kind"] == "entity" and row["role"] == "person" and row["canonical"]:
                self._mentions[str(row["doc_id"])].append(row)
        for mentions in self._mentions.values():
            mentions.sort(key=lambda r: int(r["char_start"]))

    def of(self, row: Row, phrases: Iterable[object], *, possessive: bool = False) -> str | None:
        """The canonical person a phrase of ``row`` names ("Mayor Anna Berg", "Berg",
        "she", "the mayor"), looked up among the mentions of the row's document.

        ``possessive``: whether "his"/"her" stands for the person ("her 50th birthday").
        """
        mentions = self._mentions.get(str(row["doc_id"]), [])
        titles = {str(detail(m).get("title") or "") for m in mentions} - {""}
        pronouns = SUBJECT_PRONOUNS | (POSSESSIVE_PRONOUNS if possessive else frozenset())
        for phrase in phrases:
            words = _words(phrase)
            while words and (words[0].rstrip(".") in HONORIFICS or words[0] in titles):
                words = words[1:]
            if not words:
                continue
            if len(words) == 1 and words[0] in pronouns:
                return self._antecedent(row, mentions)
            named = {str(m["canonical"]) for m in mentions if _inside(words, _words(m["text"]))}
            if not named and len(words) > 2:
                # "bank governor Ana Ortiz", "former Theranos chief Elizabeth Holmes": a
                # description (ending in a lower-case word) before a full name names that
                # person; "Jan Tom Hale" is someone else
                named = {
                    str(m["canonical"])
                    for m in mentions
                    if _described(str(phrase), _words(m["text"]), words)
                }
            if len(named) == 1 and not set(words) <= COMMON_PERSON_NOUNS:
                return named.pop()
            noun = head_noun(phrase)
            if noun in titles and noun not in COMMON_PERSON_NOUNS:
                holders = {str(m["canonical"]) for m in mentions if detail(m).get("title") == noun}
                if len(holders) == 1:
                    return holders.pop()
        return None

    @staticmethod
    def _antecedent(row: Row, mentions: list[Row]) -> str | None:
        """The nearest person named before the row, in its sentence or the one before."""
        sentence = int(row["sent_id"])
        before = [
            m
            for m in mentions
            if int(m["char_start"]) < int(row["char_start"])
            and sentence - 1 <= int(m["sent_id"]) <= sentence
        ]
        return str(before[-1]["canonical"]) if before else None


def _described(phrase: str, name: list[str], words: list[str]) -> bool:
    """Does ``phrase`` end with a full name after a lower-case description?"""
    if len(name) < 2 or len(words) <= len(name) or words[-len(name) :] != name:
        return False
    written = _WORD.findall(phrase.replace("'s", "").replace("\u2019s", ""))
    before = written[-len(name) - 1] if len(written) > len(name) else ""
    return before[:1].islower()


def _inside(needle: list[str], words: list[str]) -> bool:
    """Is ``needle`` a run of consecutive words of ``words``?"""
    n = len(needle)
    return n > 0 and any(words[i : i + n] == needle for i in range(len(words) - n + 1))
