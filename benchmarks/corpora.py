"""The one reader of the external corpora in ../shared/corpora that the benchmarks use.

Every path to a corpus is spelled here once. MEANTIME, ECB+ and ESC share one XML
format (CAT: tokens, markables anchored to tokens, relations between markables),
read by :func:`read_cat`; a benchmark lays the tokens out as text with
:func:`layout` in the spacing it needs. ECB+ is read straight from its archive,
never unpacked. :class:`Score` is the one tally of right answers against a gold.

Nothing here is tuned to a corpus. Held-out files (see the corpora INDEX) are
never read.
"""

from __future__ import annotations

import csv
import json
import math
import re
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import IO, Any, Final

ROOT: Final = Path(__file__).resolve().parent.parent
CORPORA: Final = ROOT.parent / "shared" / "corpora"
MEANTIME: Final = CORPORA / "meantime-en" / "meantime_newsreader_english_oct15"
ECB_ARCHIVE: Final = CORPORA / "ecbplus" / "ECB+.tar.gz"
ESC: Final = CORPORA / "esc-eventstoryline" / "annotated_data" / "v1.5"
GVDB: Final = CORPORA / "gvdb" / "splits"
RECOGNIZERS: Final = CORPORA / "recognizers-text" / "Specs"
DUCKLING: Final = CORPORA / "duckling-time-en" / "duckling_time_en.jsonl"
QUANTULUM_TESTS: Final = CORPORA / "quantulum3" / "quantulum3" / "_lang" / "en_US" / "tests"


# ---- CAT XML: MEANTIME, ECB+, ESC ---------------------------------------------------


@dataclass(frozen=True)
class Token:
    t_id: str
    sentence: str
    text: str


@dataclass(frozen=True)
class Markable:
    """An annotation (TIMEX3, VALUE, ENTITY_MENTION, LOC_* ...) over some tokens."""

    tag: str
    attrs: Mapping[str, str]
    t_ids: tuple[str, ...]

    @property
    def m_id(self) -> str:
        return self.attrs.get("m_id", "")

    @property
    def is_creation_time(self) -> bool:
        """The time markable that dates the document itself."""
        return (
            self.attrs.get("functionInDocument") == "CREATION_TIME"
            or self.attrs.get("DCT") == "TRUE"
        )


@dataclass(frozen=True)
class Relation:
    """A relation (REFERS_TO, CROSS_DOC_COREF ...) from source markables to targets."""

    tag: str
    attrs: Mapping[str, str]
    sources: tuple[str, ...]
    targets: tuple[str, ...]


@dataclass(frozen=True)
class CatDocument:
    name: str
    attrs: Mapping[str, str]
    tokens: tuple[Token, ...]
    markables: tuple[Markable, ...]
    relations: tuple[Relation, ...]

    def sentences(self) -> list[list[Token]]:
        """The tokens of each sentence, in document order."""
        return [list(toks) for _, toks in groupby(self.tokens, key=lambda t: t.sentence)]

    def creation_time(self, tags: Iterable[str] = ("TIMEX3",)) -> Markable | None:
        """The markable giving the document's creation time, if any."""
        wanted = set(tags)
        return next((m for m in self.markables if m.tag in wanted and m.is_creation_time), None)


def read_cat(source: Path | IO[bytes], name: str | None = None) -> CatDocument:
    """One CAT XML document; ``name`` defaults to the file's stem."""
    root = ET.parse(source).getroot()
    if name is None:
        name = Path(str(source)).stem
    marks = root.find("Markables")
    rels = root.find("Relations")
    return CatDocument(
        name=name,
        attrs=dict(root.attrib),
        tokens=tuple(
            Token(t.get("t_id", ""), t.get("sentence", ""), t.text or "")
            for t in root.iter("token")
        ),
        markables=tuple(
            Markable(
                m.tag, dict(m.attrib), tuple(a.get("t_id", "") for a in m.iter("token_anchor"))
            )
            for m in (marks if marks is not None else [])
        ),
        relations=tuple(
            Relation(
                r.tag,
                dict(r.attrib),
                tuple(s.get("m_id", "") for s in r.iter("source")),
                tuple(t.get("m_id", "") for t in r.iter("target")),
            )
            for r in (rels if rels is not None else [])
        ),
    )


#: The separator written before a token inside a sentence, given the previous token.
Spacing = Callable[[str, str], str]


def spaced(previous: str, word: str) -> str:
    """Tokens joined by single spaces, as the corpus gives them."""
    return " "


_NO_SPACE_BEFORE: Final = {".", ",", ";", ":", "!", "?", ")", "'s", "n't", "%", "'", "]"}


def news_spacing(previous: str, word: str) -> str:
    """No space before closing punctuation and clitics, none after an opening one."""
    return "" if word in _NO_SPACE_BEFORE or previous in ("(", "$", "[") else " "


@dataclass(frozen=True)
class Layout:
    """Tokens laid out as text, and where each token landed."""

    text: str
    spans: dict[str, tuple[int, int]]

    def span(self, t_ids: Sequence[str]) -> tuple[int, int] | None:
        """From the first to the last of these tokens (those laid out here)."""
        found = [self.spans[t] for t in t_ids if t in self.spans]
        return (min(s for s, _ in found), max(e for _, e in found)) if found else None


def layout(
    sentences: Iterable[Sequence[Token]], *, spacing: Spacing = spaced, between: str = "\n"
) -> Layout:
    """Sentences one after the other (``between`` them), tokens spaced by ``spacing``."""
    pieces: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    for sentence in sentences:
        previous: str | None = None
        for token in sentence:
            sep = (between if pieces else "") if previous is None else spacing(previous, token.text)
            pieces.append(sep)
            pos += len(sep)
            spans[token.t_id] = (pos, pos + len(token.text))
            pieces.append(token.text)
            pos += len(token.text)
            previous = token.text
    return Layout("".join(pieces), spans)


def meantime_documents(annotation: str = "intra_cross-doc_annotation") -> Iterator[CatDocument]:
    """MEANTIME English documents of one annotation layer, topic by topic."""
    for path in sorted((MEANTIME / annotation).glob("*/*.xml")):
        yield read_cat(path)


def meantime_topics(annotation: str = "intra_cross-doc_annotation") -> list[Path]:
    return sorted(p for p in (MEANTIME / annotation).iterdir() if p.is_dir())


def ecb_documents(topics: int | None = None) -> Iterator[tuple[str, CatDocument]]:
    """(topic, document) of ECB+, read from the archive: topics in numeric order (the
    first ``topics`` of them when given), files by name."""
    with tarfile.open(ECB_ARCHIVE) as tar:
        members: dict[str, list[tarfile.TarInfo]] = {}
        for member in tar.getmembers():
            parts = Path(member.name).parts
            if member.isfile() and member.name.endswith(".xml") and "ECB+" in parts[:-2]:
                members.setdefault(parts[-2], []).append(member)
        chosen = sorted(members, key=int)[:topics]
        for topic in chosen:
            for member in sorted(members[topic], key=lambda m: Path(m.name).name):
                handle = tar.extractfile(member)
                assert handle is not None
                yield topic, read_cat(handle, Path(member.name).stem)


def esc_documents() -> Iterator[CatDocument]:
    """Event StoryLine Corpus v1.5 documents."""
    for path in sorted(ESC.glob("*/*.xml")):
        yield read_cat(path)


# ---- articles for whole runs ------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    story: str
    published: str | None = None
    title: str | None = None
    gold: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """A JSONL record for the consistency reader."""
        out: dict[str, Any] = {"id": self.doc_id, "text": self.text, "story": self.story}
        if self.published:
            out["published"] = self.published
        if self.title:
            out["title"] = self.title
        return out


def meantime_text(doc: CatDocument) -> str:
    """The article text rebuilt from its tokens, a line per sentence (see :func:`detokenize`)."""
    lines = sorted(doc.sentences(), key=lambda s: int(s[0].sentence or "0"))
    return "\n".join(detokenize(" ".join(t.text for t in line)) for line in lines) + "\n"


#: Spacing a tokenizer put in and news copy does not have, with what it stood for.
_GLUE: Final = (
    (re.compile(r"(?<![\d.])(\d{1,3}) , (\d{3})(?![\d])"), r"\1,\2"),  # "1 , 400"
    (re.compile(r"(?<![\d.])(\d{1,2}) ([.:]) (\d{1,2})(?![\d])"), r"\1\2\3"),  # "6 . 1", "20 : 09"
    (re.compile(r"(?<=\w) - (?=\w)"), "-"),  # "35 - year - old"
    (re.compile(r" (?=[,.;:!?)\]%]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b)"), ""),
    (re.compile(r"(?<=[(\[$]) "), ""),
)


def detokenize(text: str) -> str:
    """Tokens joined by spaces, glued back the way news copy writes them: "6 . 1 - magnitude
    quake" → "6.1-magnitude quake", "Papermaster , 49 ," → "Papermaster, 49,". The corpora
    that come as tokens are read this way, so the checks see text as an outlet prints it."""
    for pattern, glue in _GLUE:
        text = pattern.sub(glue, text)
    return text


def meantime_articles(annotation: str = "intra_cross-doc_annotation") -> Iterator[Article]:
    """MEANTIME English articles, one story per topic, dated by their creation time."""
    for topic in meantime_topics(annotation):
        for path in sorted(topic.glob("*.xml")):
            doc = read_cat(path)
            dct = doc.creation_time()
            yield Article(
                doc_id=f"{topic.name.removeprefix('corpus_')}-{doc.attrs.get('doc_id')}",
                text=meantime_text(doc),
                story=topic.name,
                published=((dct.attrs.get("value") if dct else None) or "")[:10] or None,
            )


def ecb_story(topic: str, name: str) -> str:
    """ECB+ gold story: the topic's sub-topic, its ECB or its ECB+ half."""
    return f"{topic}-{'ecbplus' if 'ecbplus' in name else 'ecb'}"


def ecb_articles(topics: int | None = None) -> Iterator[Article]:
    """ECB+ documents, undated, one story per sub-topic."""
    for topic, doc in ecb_documents(topics):
        text = detokenize(layout(doc.sentences()).text)
        yield Article(doc.name, text, ecb_story(topic, doc.name))


def gvdb_articles(split: str = "dev") -> Iterator[Article]:
    """GVDB articles of one split with their crowd labels (never the held-out test split)."""
    if split != "dev":
        raise ValueError("only the GVDB dev split is for development")
    csv.field_size_limit(1 << 30)
    with (GVDB / f"{split}.tsv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            labels = json.loads(row["Json"])
            when = labels.get("date-and-time", {})
            city = (when.get("city") or {}).get("value", "").strip()
            story = "|".join((when.get("date", ""), city.casefold(), when.get("state", "")))
            yield Article(
                doc_id=f"gvdb-{row['Article id']}",
                text=row["Full text"],
                story=story,
                title=row["Article title"],
                gold=labels,
            )


def victims(gold: dict[str, Any], outcome: str) -> int:
    """How many victims the crowd labels give with this outcome (killed, injured)."""
    return sum(outcome in (v.get("victim-was") or []) for v in gold.get("victim-section", []))


# ---- scoring ------------------------------------------------------------------------------


@dataclass
class Score:
    """Right answers against a gold: ``right`` of ``total`` gold items (accuracy, recall)
    and of ``predicted`` predictions (precision). Each benchmark fills what it reads."""

    right: int = 0
    total: int = 0
    predicted: int = 0
    #: gold items left out of the score (no value to compare against)
    left_out: int = 0
    #: gold items another system misses with the very reading this one gives
    tied: int = 0
    #: gold items some prediction covers at all (recall on covered items)
    covered: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else math.nan

    recall = accuracy

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else math.nan

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
