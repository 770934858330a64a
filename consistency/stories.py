"""Stories: which articles of a run report one event, and so are compared with each other.

``--story-by`` chooses how:

- ``metadata``: the ``story`` an article carries; articles without one share one story.
- ``one``: every article of the run is one story.
- ``auto`` (the default): articles that carry a ``story`` keep it; the others are grouped
  by what they share, and an article that matches no group stands alone.

Grouping reads text and metadata only (no parse), so stories are formed before the
costly stages and are their unit of work. Each article is profiled by its names
(capitalized words inside a sentence) and content words, those of the title and the
lede counting double, weighted by how rare they are in the run (TF-IDF, cosine
similarity). Two articles from different years (the year each was published, else
the year it names most, when the other never names it) report different events. A
run of fewer than :data:`SMALL_RUN` articles, none labelled, is one story: there
are too few articles to weigh words by. Groups form by
average linkage: the two groups most alike on average merge while they are alike
enough; groups that carry a metadata story never merge with each other. Then a
small group joins the group it matches best when it is alike enough. Only pairs
that share a word rarer than :data:`BLOCK_DF` articles are compared, so the cost
grows with the run, not with its square.

Every article's grouping and its reason are recorded: ``story_basis``.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from consistency.ingest.model import Document

STORY_BY: Final = ("auto", "metadata", "one")

BASIS_METADATA: Final = "metadata"
BASIS_ONE: Final = "one"
BASIS_UNLABELLED: Final = "unlabelled"
BASIS_AUTO: Final = "auto"
BASIS_FEW: Final = "auto: one story, too few articles to group"

#: A run of fewer unlabelled articles than this (and no labelled one) is one story:
#: too few articles to weigh words by how rare they are.
SMALL_RUN: Final = 5

#: Characters from the start of an article that count as its lede.
LEDE_CHARS: Final = 600
LEDE_WEIGHT: Final = 2.0
NAME_WEIGHT: Final = 2.0
#: Two groups this alike on average (cosine, 0..1) merge.
MIN_SIMILARITY: Final = 0.25
#: A group of at most SMALL_GROUP articles joins the best group at least this alike.
JOIN_SIMILARITY: Final = 0.1
SMALL_GROUP: Final = 4
#: A word in more than this share of the articles (and in more than COMMON_FLOOR of
#: them) says nothing about which story an article belongs to.
MAX_SHARE: Final = 0.3
COMMON_FLOOR: Final = 10
#: Words in more articles than this leave pairs uncompared (similarity is computed
#: over the rarer words only).
BLOCK_DF: Final = 150
#: Rows of the similarity matrix held at once.
ROWS_PER_BLOCK: Final = 2048
#: Words that say why an article is in its story, in ``story_basis``.
REASON_WORDS: Final = 3

#: A word, and what stands before it when it opens a sentence or a line.
_WORD: Final = re.compile(
    r"(?P<opening>[.!?:\n\"“‘(][ \t]*)?(?P<word>[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]|\b\d{4}\b)"
)
_YEAR: Final = re.compile(r"\b(?:1[89]|20)\d\d\b")
_POSSESSIVE: Final = re.compile(r"['’]s?$")
#: Shorter lower-case words are function words in English news.
MIN_WORD: Final = 4


def assign_stories(documents: Sequence[Document], *, by: str = "auto") -> list[Document]:
    """The documents with ``story`` and ``story_basis`` set as ``by`` chooses."""
    if by not in STORY_BY:
        raise ValueError(f"unknown --story-by {by!r}; use " + ", ".join(STORY_BY))
    if by == "one":
        return [replace(d, story=None, story_basis=BASIS_ONE) for d in documents]
    labelled = sum(1 for d in documents if d.story)
    if by == "metadata" or labelled == len(documents):
        return [
            replace(d, story_basis=BASIS_METADATA if d.story else BASIS_UNLABELLED)
            for d in documents
        ]
    if not labelled and len(documents) < SMALL_RUN:
        return [replace(d, story=None, story_basis=BASIS_FEW) for d in documents]
    return _auto(documents)


# ---- profiles ------------------------------------------------------------------------------

Vector = dict[str, float]


def profile(document: Document) -> Counter[str]:
    """Weighted words of one article, lower-cased, possessives dropped: a name (capitalized
    inside a sentence) counts NAME_WEIGHT times, a word of the title or lede LEDE_WEIGHT
    times; other words shorter than MIN_WORD are left out."""
    text = f"{document.title}\n{document.text}" if document.title else document.text
    lede = LEDE_CHARS + (len(document.title) + 1 if document.title else 0)
    found: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        word = m["word"]
        at = m.start("word")
        key = _POSSESSIVE.sub("", word).lower()
        weight = LEDE_WEIGHT if at < lede else 1.0
        if word[0].isupper() and at and m["opening"] is None:
            found[key] += weight * NAME_WEIGHT
        elif len(key) >= MIN_WORD:
            found[key] += weight
    return found


def main_year(document: Document) -> tuple[str | None, frozenset[str]]:
    """The year an article is from: its publication year, else the year it names most
    (the first named of equals); and all the years it names."""
    years = Counter(_YEAR.findall(document.text))
    if document.published:
        return str(document.published.year), frozenset(years) | {str(document.published.year)}
    top = years.most_common(1)[0][0] if years else None
    return top, frozenset(years)


def vectors(profiles: Sequence[Counter[str]]) -> list[Vector]:
    """Unit TF-IDF vectors; words common to much of the run are left out."""
    df: Counter[str] = Counter(f for p in profiles for f in p)
    n = len(profiles)
    limit = max(COMMON_FLOOR, MAX_SHARE * n)
    out: list[Vector] = []
    for p in profiles:
        v = {
            f: (1 + math.log(c)) * (math.log((n + 1) / (df[f] + 1)) + 1)
            for f, c in p.items()
            if df[f] <= limit
        }
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({f: x / norm for f, x in v.items()})
    return out


def similarities(vecs: Sequence[Vector]) -> dict[tuple[int, int], float]:
    """Cosine of every pair of articles sharing a word found in at most BLOCK_DF of them.

    Computed word by word into a block of rows of the similarity matrix at a time, so
    memory stays within ``ROWS_PER_BLOCK`` rows whatever the size of the run.
    """
    import numpy as np

    n = len(vecs)
    index: dict[str, tuple[list[int], list[float]]] = {}
    for i, v in enumerate(vecs):
        for f, w in v.items():
            docs, weights = index.setdefault(f, ([], []))
            docs.append(i)
            weights.append(w)
    postings = [
        (np.array(docs), np.array(weights))
        for docs, weights in index.values()
        if 2 <= len(docs) <= BLOCK_DF
    ]
    out: dict[tuple[int, int], float] = {}
    for lo in range(0, n, ROWS_PER_BLOCK):
        hi = min(n, lo + ROWS_PER_BLOCK)
        block = np.zeros((hi - lo, n))
        for docs, weights in postings:
            mine = (docs >= lo) & (docs < hi)
            if mine.any():
                block[np.ix_(docs[mine] - lo, docs)] += np.outer(weights[mine], weights)
        rows, cols = np.nonzero(np.triu(block, k=lo + 1))
        values = block[rows, cols]
        pairs = zip((rows + lo).tolist(), cols.tolist(), strict=True)
        out.update(zip(pairs, values.tolist(), strict=True))
    return out


# ---- grouping ------------------------------------------------------------------------------


@dataclass
class _Group:
    members: list[int]
    story: str | None  # the metadata story it carries, if any


def _auto(documents: Sequence[Document]) -> list[Document]:
    vecs = vectors([profile(d) for d in documents])
    years = [main_year(d) for d in documents]
    sims = {
        pair: s
        for pair, s in similarities(vecs).items()
        if s > 0 and not _other_years(years[pair[0]], years[pair[1]])
    }
    groups = _initial_groups(documents)
    root = {i: g for g, group in groups.items() for i in group.members}
    links: Links = defaultdict(dict)
    for (a, b), s in sims.items():
        ga, gb = root[a], root[b]
        if ga != gb:
            links[ga][gb] = links[ga].get(gb, 0.0) + s
            links[gb][ga] = links[ga][gb]
    _merge(groups, links)
    _join_small(groups, links)
    return _label(documents, groups, vecs)


Years = tuple[str | None, frozenset[str]]


def _other_years(a: Years, b: Years) -> bool:
    """True when both name a main year and neither names the other's."""
    return bool(a[0] and b[0] and a[0] != b[0] and a[0] not in b[1] and b[0] not in a[1])


def _initial_groups(documents: Sequence[Document]) -> dict[int, _Group]:
    """A group per metadata story (keyed by its first article), one per other article."""
    groups: dict[int, _Group] = {}
    first: dict[str, int] = {}
    for i, d in enumerate(documents):
        if d.story:
            if d.story in first:
                groups[first[d.story]].members.append(i)
                continue
            first[d.story] = i
        groups[i] = _Group([i], d.story)
    return groups


Links = dict[int, dict[int, float]]


def _average(groups: dict[int, _Group], links: Links, a: int, b: int) -> float:
    return links[a].get(b, 0.0) / (len(groups[a].members) * len(groups[b].members))


def _may_merge(a: _Group, b: _Group) -> bool:
    return a.story is None or b.story is None


def _merge(groups: dict[int, _Group], links: Links) -> None:
    """Average linkage: merge the most alike pair of groups while above MIN_SIMILARITY."""
    heap = [
        (-_average(groups, links, a, b), a, b)
        for a in links
        for b in links[a]
        if a < b and _average(groups, links, a, b) >= MIN_SIMILARITY
    ]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in groups or b not in groups or not _may_merge(groups[a], groups[b]):
            continue
        if _average(groups, links, a, b) != -negative:
            continue  # stale: one side has grown since
        _absorb(groups, links, a, b)
        for other in links[a]:
            score = _average(groups, links, a, other)
            if score >= MIN_SIMILARITY:
                heapq.heappush(heap, (-score, min(a, other), max(a, other)))


def _absorb(groups: dict[int, _Group], links: Links, a: int, b: int) -> None:
    """Group ``b`` goes into group ``a``: members, story and links."""
    kept, gone = groups[a], groups.pop(b)
    kept.members = sorted(kept.members + gone.members)
    kept.story = kept.story or gone.story
    for other, s in links.pop(b, {}).items():
        del links[other][b]
        if other != a:
            links[a][other] = links[a].get(other, 0.0) + s
            links[other][a] = links[a][other]


def _join_small(groups: dict[int, _Group], links: Links) -> None:
    """Small unlabelled groups, smallest first, join the larger group (or a labelled one)
    they match best, if alike enough."""
    small = sorted(
        (
            g
            for g, group in groups.items()
            if group.story is None and len(group.members) <= SMALL_GROUP
        ),
        key=lambda g: (len(groups[g].members), g),
    )
    for g in small:
        if g not in groups:
            continue
        size = len(groups[g].members)
        scored = [
            (_average(groups, links, g, t), -t)
            for t in links[g]
            if len(groups[t].members) > size or groups[t].story is not None
        ]
        if scored:
            score, target = max(scored)
            if score >= JOIN_SIMILARITY:
                _absorb(groups, links, -target, g)


def _label(
    documents: Sequence[Document], groups: dict[int, _Group], vecs: Sequence[Vector]
) -> list[Document]:
    out = list(documents)
    for group in groups.values():
        story = group.story or f"auto-{documents[min(group.members)].doc_id}"
        total: Counter[str] = Counter()
        for i in group.members:
            total.update(vecs[i])
        for i in group.members:
            document = documents[i]
            if document.story:
                basis = BASIS_METADATA
            elif len(group.members) == 1:
                basis = f"{BASIS_AUTO}: alone, no other article alike enough"
            else:
                words = _reason(vecs[i], total)
                joined = f"joins story {group.story}, " if group.story else ""
                basis = f"{BASIS_AUTO}: {joined}shares " + ", ".join(words)
            out[i] = replace(document, story=story, story_basis=basis)
    return out


def _reason(vec: Vector, total: Counter[str]) -> list[str]:
    """The words that tie an article to the rest of its story most."""
    shares = sorted(
        ((w * (total[f] - w), f) for f, w in vec.items() if total[f] - w > 1e-12),
        key=lambda x: (-x[0], x[1]),
    )
    words: list[str] = []
    for _, f in shares:
        word = f
        if word not in words:
            words.append(word)
        if len(words) == REASON_WORDS:
            break
    return words
