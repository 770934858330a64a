"""One name is spelled two ways across or within sources (a transliteration or a misspelling).

Flagged once per name and story, with one mention of each spelling as evidence:

- mentions the normalizer tied to one entity whose surfaces differ in spelling
  ("Kiev" / "Kyiv");
- names the normalizer left apart that read as one name written two ways
  (`lang.names.name_variants`: accents folded, transliteration alternations such as
  kh / h, y / i, -sky / -skiy and doubled letters rewritten, then only sound-alike
  letters may differ: "Kharkiv" / "Kharkov", "Gaddafi" / "Qaddafi", "Mohammed" /
  "Muhammad"). Such a pair is flagged only when the spellings come from different
  documents and no document writes both; each differing word has at least
  `min_letters` letters; their types agree (the parse often takes a city for an
  organization or a rare spelling for a person, so a lone word may be any of them,
  but a name written with a first name, a title or an honorific is a person); and
  no other name of the story is as close to either spelling.

Differences of case only, possessives, acronyms against full names, a first name
against a full name, an added ending ("Niger" / "Nigeria") and changed consonants
("Slovenia" / "Slovakia") are not spelling variants.

Example: "The mayor of Kharkiv said" against "The mayor of Kharkov said".
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from types import MappingProxyType

from rapidfuzz import fuzz

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import Row, detail, evidence, of_kind, story_of
from consistency.lang.clusters import UnionFind
from consistency.lang.names import (
    after_honorific,
    fold,
    name_variants,
    spelling_variants,
    transliteration_key,
)

#: Entity labels (and the normalizer's "PLACE" of a retyped name) by the kind of thing they name.
_KINDS = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "PLACE": "PLACE",
}
_PLACE_OR_ORG = frozenset({"PLACE", "ORG"})
#: What a mention of each kind may name when nothing else says (see :func:`_kinds`).
_MAY_BE = {"PER": frozenset({"PER", "PLACE", "ORG"}), "ORG": _PLACE_OR_ORG, "PLACE": _PLACE_OR_ORG}


#: Spellings whose keys are less alike (rapidfuzz ratio) are never variants; skips the
#: slower comparison for most pairs of a story.
_LEAST_RATIO = 70


@dataclass
class _Name:
    """One spelling of a story: its first mention, documents, canonical names and kinds."""

    surface: str
    first: Row
    docs: set[str] = field(default_factory=set)
    canonicals: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    key: str = field(init=False)
    words: int = field(init=False)

    def __post_init__(self) -> None:
        self.key = transliteration_key(self.surface)
        self.words = len(self.surface.split())


def _surface(row: Row) -> str:
    text = str(row.get("text") or "").strip()
    for tail in ("'s", "\u2019s"):
        if text.endswith(tail):
            text = text[: -len(tail)]
    return text


def _kinds(ctx: CheckContext, row: Row) -> frozenset[str]:
    """What a mention may name: a person written in full, titled or addressed is a person."""
    info = detail(row)
    kind = _KINDS.get(str(info.get("retyped") or info.get("type") or row.get("object") or ""))
    if kind is None:
        return frozenset()
    if kind == "PER":
        text = ctx.texts.get(str(row["doc_id"]), "")
        sure = (
            len(str(row.get("canonical") or row.get("text") or "").split()) > 1
            or info.get("title")
            or info.get("teaches")
            or after_honorific(text[: int(row["char_start"])])
        )
        if sure:
            return frozenset({"PER"})
    return _MAY_BE[kind]


def _names(ctx: CheckContext) -> dict[str, dict[str, _Name]]:
    """Each story's spellings (folded) of named entities, in reading order."""
    story = story_of(ctx)
    out: dict[str, dict[str, _Name]] = {}
    rows = sorted(of_kind(ctx, "entity"), key=lambda r: (str(r["doc_id"]), int(r["char_start"])))
    for row in rows:
        surface = _surface(row)
        if not surface or detail(row).get("mention", "name") != "name":
            continue
        names = out.setdefault(story.get(str(row["doc_id"]), ""), {})
        name = names.setdefault(fold(surface), _Name(surface, row))
        name.docs.add(str(row["doc_id"]))
        if row.get("canonical"):
            name.canonicals.add(str(row["canonical"]))
        name.kinds.update(_kinds(ctx, row))
    return out


def _tied(a: _Name, b: _Name) -> bool:
    """Two spellings the normalizer gave one canonical name, differing in more than form."""
    return bool(a.canonicals & b.canonicals and a.kinds & b.kinds) and (
        spelling_variants(a.surface, b.surface) or name_variants(a.surface, b.surface)
    )


def _apart(a: _Name, b: _Name, options: Options) -> bool:
    """Two spellings left apart that read as one name written in two documents."""
    return (
        not a.docs & b.docs
        and bool(a.kinds & b.kinds)
        and fuzz.ratio(a.key, b.key) >= _LEAST_RATIO
        and name_variants(
            a.surface,
            b.surface,
            min_letters=options["min_letters"],
            max_distance=options["max_distance"],
        )
    )


def _nearest(name: _Name, other: _Name, names: list[_Name]) -> bool:
    """No third name of the story, of a kind ``name`` may be, is as close to it as ``other``."""
    score = fuzz.ratio(name.key, other.key)
    return not any(
        third is not name
        and third is not other
        and third.words == name.words
        and name.kinds & third.kinds
        and fuzz.ratio(name.key, third.key) >= score
        for third in names
    )


def _pairs(names: list[_Name], options: Options) -> Iterator[tuple[int, int]]:
    """Index pairs of spellings of one name (names of as many words only)."""
    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            b = names[j]
            if a.words != b.words:
                continue
            if _tied(a, b) or (
                _apart(a, b, options) and _nearest(a, b, names) and _nearest(b, a, names)
            ):
                yield i, j


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    for _, spellings in sorted(_names(ctx).items()):
        names = list(spellings.values())
        uf = UnionFind()
        varied: list[int] = []
        for ia, ib in _pairs(names, options):
            uf.union(ia, ib)
            varied += [i for i in (ia, ib) if i not in varied]
        for i in varied:  # spellings of one entity stay one finding ('Zelensky', 'Jan Zelensky')
            for j in varied:
                if names[i].canonicals & names[j].canonicals:
                    uf.union(i, j)
        groups: dict[int, list[_Name]] = {}
        for i in sorted(varied):
            groups.setdefault(uf.find(i), []).append(names[i])
        for group in groups.values():
            yield _finding(group)


def _finding(group: list[_Name]) -> Finding:
    spellings = " / ".join(f'"{n.surface}"' for n in group)
    where = "; ".join(f'"{n.surface}" in {n.first["doc_id"]}' for n in group)
    shared = set.intersection(*(n.canonicals for n in group))
    if shared:
        canonical = sorted(shared)[0]
        message = f"{canonical} is spelled {spellings}."
        explanation = (
            f"The mentions {where} were normalized to one entity, {canonical}, "
            "and differ in spelling, not only in case or form."
        )
        suggestion = "Use one spelling of the name throughout (house style)."
    else:
        message = f"One name may be spelled {spellings}."
        explanation = (
            f"The mentions {where} differ only as transliterations of one name do "
            "(accents, kh / h, y / i, -sky / -skiy, doubled letters, a sound-alike vowel "
            "or consonant); no document writes both, their types agree and no other name "
            "of the story is as close."
        )
        suggestion = (
            "Check that they name the same place or person; if so, use one spelling "
            "throughout (house style)."
        )
    return Finding(
        evidence=tuple(evidence(n.first) for n in group),
        message=message,
        explanation=explanation,
        suggestion=suggestion,
    )


CHECK = Check(
    code="E001",
    name="claims.name_spelling_variant",
    severity=Severity.INFO,
    find=find,
    module=sys.modules[__name__],
    groups=("claims", "cross-source"),
    defaults=MappingProxyType({"min_letters": 5, "max_distance": 1.0}),
)
