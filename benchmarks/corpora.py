"""Readers for the external corpora in ../shared/corpora used by the benchmarks.

Each reader yields plain records; nothing here is tuned to a corpus. Held-out
files (see the corpora INDEX) are never read.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parent.parent
CORPORA: Final = ROOT.parent / "shared" / "corpora"
MEANTIME: Final = CORPORA / "meantime-en" / "meantime_newsreader_english_oct15"
GVDB: Final = CORPORA / "gvdb" / "splits"


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


def meantime_text(root: ET.Element) -> str:
    """The article text rebuilt from its tokens, a line per sentence (see :func:`detokenize`)."""
    lines: dict[int, list[str]] = {}
    for token in root.iter("token"):
        lines.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    return "\n".join(detokenize(" ".join(words)) for _, words in sorted(lines.items())) + "\n"


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
    for topic in sorted((MEANTIME / annotation).iterdir()):
        for path in sorted(topic.glob("*.xml")):
            root = ET.parse(path).getroot()
            dct = next(
                (
                    t.get("value")
                    for t in root.iter("TIMEX3")
                    if t.get("functionInDocument") == "CREATION_TIME"
                ),
                None,
            )
            yield Article(
                doc_id=f"{topic.name.removeprefix('corpus_')}-{root.get('doc_id')}",
                text=meantime_text(root),
                story=topic.name,
                published=(dct or "")[:10] or None,
            )


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
