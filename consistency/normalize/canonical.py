"""One identity per entity across all documents of a run.

Entity rows arrive with their identity within one document (``canonical``).
Here identities of the whole run are merged: people by full name (fuzzy) and a
lone surname by the one full name of the run it belongs to; organizations and
places by name, acronym ("EU" / "European Union") and transliteration
("Kiev" / "Kyiv", the variants recorded in ``detail``); demonyms are tied to
the place they name ("Chinese" → China); role nouns left open in their
document ("the Chinese president") resolve to the one person the run teaches
that title and nationality. Quotes and claims then take the canonical names of
the mentions they point at (speaker, subject, invitee, object).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

import pandas as pd
from rapidfuzz import fuzz

from consistency.lang.clusters import UnionFind
from consistency.lang.names import (
    acronym,
    after_honorific,
    demonym_country,
    fold,
    spelling_variants,
)
from consistency.tables import FACTS, encode_detail, frame, validate

GROUP = {"PERSON": "PER", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}


def _detail(value: Any) -> dict[str, Any]:
    return json.loads(value) if isinstance(value, str) and value else {}


def _key(row: dict[str, Any], detail: dict[str, Any]) -> tuple[str, str]:
    label = detail.get("type", row.get("object") or "")
    group = GROUP.get(label, label)
    base = row.get("canonical") if group == "PER" else detail.get("name", row.get("canonical"))
    return group, fold(str(base or row.get("text") or ""))


def _merge_people(keys: set[tuple[str, str]], uf: UnionFind) -> None:
    full = sorted(k for k in keys if k[0] == "PER" and len(k[1].split()) >= 2)
    for i, a in enumerate(full):
        for b in full[i + 1 :]:
            sa, sb = set(a[1].split()), set(b[1].split())
            close = fuzz.ratio(a[1].replace(" ", ""), b[1].replace(" ", "")) >= 92
            if close or sa <= sb or sb <= sa:
                uf.union(a, b)
    for key in (k for k in keys if k[0] == "PER" and len(k[1].split()) == 1):
        owners = {uf.find(f) for f in full if key[1] in f[1].split()}
        if len(owners) == 1:
            uf.union(key, owners.pop())


def _retype_lone_names(
    rows: list[dict[str, Any]],
    details: list[dict[str, Any]],
    keys: dict[int, tuple[str, str]],
    uf: UnionFind,
    texts: Mapping[str, str] | None = None,
) -> None:
    """A one-word 'person' no full name owns, spelled like a place of the run, is that place.

    The model tags a rarely seen spelling ("Kyiv") as a person where another
    source's spelling ("Kiev") is a place; the type is repaired here. A name
    written with a title or after a form of address ("police chief Parris",
    "Mr Parris") is a person and keeps its type.
    """
    places = {k[1] for k in keys.values() if k[0] == "PLACE"}
    members: Counter[Any] = Counter(uf.find(k) for k in set(keys.values()))
    for n, key in list(keys.items()):
        if key[0] != "PER" or " " in key[1] or members[uf.find(key)] > 1:
            continue
        if details[n].get("title") or details[n].get("teaches") or _addressed(rows[n], texts):
            continue
        if key[1] in places or any(spelling_variants(key[1], p) for p in places):
            keys[n] = ("PLACE", key[1])
            uf.add(keys[n])
            rows[n]["role"] = "place"
            details[n]["retyped"] = "PLACE"
            rows[n]["detail"] = encode_detail(details[n])


def _addressed(row: dict[str, Any], texts: Mapping[str, str] | None) -> bool:
    """Is the mention written after a form of address ('Mr', 'Dr.')?"""
    text = (texts or {}).get(str(row["doc_id"]), "")
    return after_honorific(text[: int(row["char_start"])])


def _merge_names(keys: set[tuple[str, str]], uf: UnionFind) -> None:
    for group in ("ORG", "PLACE"):
        names = sorted(k for k in keys if k[0] == group)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if group == "PLACE" and spelling_variants(a[1], b[1]):
                    uf.union(a, b)
    for short in (k for k in keys if k[0] in ("ORG", "PLACE") and " " not in k[1]):
        longs = [
            k
            for k in keys
            if k[0] == short[0] and acronym(k[1].title()).lower() == short[1] and len(short[1]) > 1
        ]
        if len({uf.find(k) for k in longs}) == 1:
            uf.union(short, longs[0])


def _choose(names: Counter[str]) -> str:
    """The fullest form (most words), then the most frequent, then the first alphabetically."""
    return sorted(names, key=lambda n: (-len(n.split()), -names[n], n))[0]


def canonicalize(facts: pd.DataFrame, texts: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Fill ``canonical`` across all documents of a run; same schema in, same out.

    ``texts`` (doc_id → text) is optional: when given, the surfaces recorded in
    ``detail`` variants are the document slices.
    """
    validate(facts, FACTS)
    rows = [
        {k: (None if pd.isna(v) else v) for k, v in r.items()} for r in facts.to_dict("records")
    ]
    details = [_detail(r.get("detail")) for r in rows]
    uf = UnionFind()
    keys: dict[int, tuple[str, str]] = {}
    for n, (row, detail) in enumerate(zip(rows, details, strict=True)):
        if row["kind"] == "entity" and detail.get("type") not in ("ROLE", "NORP"):
            keys[n] = _key(row, detail)
            uf.add(keys[n])
    _merge_people(set(keys.values()), uf)
    _retype_lone_names(rows, details, keys, uf, texts)
    _merge_names(set(keys.values()), uf)
    names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for n, key in keys.items():
        surface = rows[n]["canonical"] if key[0] == "PER" else details[n].get("name")
        if texts is not None and key[0] != "PER" and rows[n]["doc_id"] in texts:
            text = texts[rows[n]["doc_id"]]
            surface = text[int(rows[n]["char_start"]) : int(rows[n]["char_end"])]
        names[uf.find(key)][str(surface or rows[n]["text"])] += 1
    chosen = {root: _choose(c) for root, c in names.items()}
    _apply_entities(rows, details, keys, uf, chosen, names)
    _resolve_demonyms_and_roles(rows, details, keys, uf, chosen)
    _propagate(rows, details)
    return frame(rows, FACTS)


def _apply_entities(
    rows: list[dict[str, Any]],
    details: list[dict[str, Any]],
    keys: dict[int, tuple[str, str]],
    uf: UnionFind,
    chosen: dict[tuple[str, str], str],
    names: dict[tuple[str, str], Counter[str]],
) -> None:
    for n, key in keys.items():
        root = uf.find(key)
        rows[n]["canonical"] = chosen[root]
        spellings = {fold(s): s for s in names[root]}
        if key[0] == "PLACE" and len(spellings) > 1:
            details[n]["variants"] = sorted(spellings.values())
            rows[n]["detail"] = encode_detail(details[n])


def _resolve_demonyms_and_roles(
    rows: list[dict[str, Any]],
    details: list[dict[str, Any]],
    keys: dict[int, tuple[str, str]],
    uf: UnionFind,
    chosen: dict[tuple[str, str], str],
) -> None:
    places = sorted({chosen[uf.find(k)] for k in keys.values() if k[0] == "PLACE"})
    learned: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for n, key in keys.items():
        if key[0] == "PER":
            titles, nations = learned[chosen[uf.find(key)]]
            titles.update(t for t in [details[n].get("title"), *details[n].get("teaches", [])] if t)
            if details[n].get("nationality"):
                nations.add(fold(details[n]["nationality"]))
    for row, detail in zip(rows, details, strict=True):
        if row["kind"] != "entity":
            continue
        if detail.get("type") == "NORP":
            row["canonical"] = (
                demonym_country(str(detail.get("name", row["text"])), places) or (row["canonical"])
            )
        elif detail.get("type") == "ROLE":
            nation = fold(str(detail.get("nationality", "")))
            hits = [
                p for p, (t, ns) in learned.items() if nation in ns and detail.get("title") in t
            ]
            if not hits and detail.get("possessive"):
                # 'his Russian counterpart': the one Russian the run names
                hits = [p for p, (_, ns) in learned.items() if nation in ns]
            if len(hits) == 1:
                row["canonical"], row["object"], row["role"] = hits[0], "PERSON", "person"
                detail["resolved"] = True
                row["detail"] = encode_detail(detail)


def _propagate(rows: list[dict[str, Any]], details: list[dict[str, Any]]) -> None:
    """Quotes and claims take the canonical names of the mentions they point at."""
    by_span: dict[tuple[str, int, int], str] = {}
    for row in rows:
        if row["kind"] == "entity" and row["canonical"]:
            by_span[(row["doc_id"], int(row["char_start"]), int(row["char_end"]))] = row[
                "canonical"
            ]

    people: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row["kind"] == "entity" and row["role"] == "person" and row["canonical"]:
            people[row["doc_id"]].add(str(row["canonical"]))
    everyone = {p for names in people.values() for p in names if " " in p} | {
        str(row["canonical"])
        for row in rows
        if row["kind"] == "claim" and _full_name(row["canonical"])
    }  # names the parse left untagged but wrote in full as a subject ("Theresa May")

    def fuller(row: dict[str, Any], name: str | None) -> str | None:
        """A bare surname: the one person of the document whose name it ends; a bare
        first name the parse left unnamed ("Theresa"): the one person of the run whose
        name it begins; else itself."""
        if not name or " " in name:
            return name
        hits = {p for p in people[row["doc_id"]] if p != name and p.split()[-1] == name}
        if not hits and name[:1].isupper() and name not in people[row["doc_id"]]:
            hits = {p for p in everyone if p.split()[0] == name}
        return hits.pop() if len(hits) == 1 else name

    def lookup(row: dict[str, Any], span: list[int] | None) -> str | None:
        return by_span.get((row["doc_id"], span[0], span[1])) if span else None

    for row, detail in zip(rows, details, strict=True):
        if row["kind"] == "quote":
            speaker = fuller(row, lookup(row, detail.get("speaker_span")) or row["canonical"])
            if speaker:
                row["subject"] = row["canonical"] = speaker
            channel = lookup(row, detail.get("channel_span"))
            row["attribution"] = channel or row["attribution"]
        elif row["kind"] == "claim":
            subject = fuller(row, lookup(row, detail.get("subject_span")) or row["canonical"])
            if _speaker_pronoun(subject, detail) and row.get("attribution"):
                subject = str(row["attribution"])  # "Google said it would appeal": Google
            if subject:
                row["subject"] = row["canonical"] = subject
            changed = False
            for key in ("invitee", "recipient", "object_canonical"):
                span_key = "object_span" if key == "object_canonical" else key + "_span"
                name = lookup(row, detail.get(span_key))
                if name and key in detail and detail[key] != name:
                    detail[key], changed = name, True
            if changed:
                row["detail"] = encode_detail(detail)


#: Pronouns that, in a reported clause, stand for the one who reports it ("Google said it
#: would appeal", "the lawyers said they would appeal", "she said she would resign").
SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def _full_name(value: object) -> bool:
    words = str(value or "").split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.isalpha() for w in words)


def _speaker_pronoun(subject: str | None, detail: dict[str, Any]) -> bool:
    return (subject or "").lower() in SPEAKER_PRONOUNS and detail.get("voice") == "reported"
