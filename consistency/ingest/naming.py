"""Document ids: unique within a run, read from the paths the articles came from.

A file's id is its path relative to the input that named it, without suffix
(``check stories/`` gives ``wire/story`` for ``stories/wire/story.txt``; a file
named directly gives its bare name). A JSONL record's id is its own ``id``
(else ``FILE-LINE``). When two documents would share an id, each takes one more
folder of its path until they differ (``drafts/story`` and ``wire/story``);
only documents of the very same path get a number (``story-2``). Every part is
a safe file name: letters, digits, ``.``, ``_`` and ``-``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

_UNSAFE: Final = re.compile(r"[^\w.-]+")
MAX_PART: Final = 128


def safe_part(part: str) -> str:
    """One path component as a safe file name (never empty, '.' or '..')."""
    return _UNSAFE.sub("_", part).lstrip(".-")[:MAX_PART] or "_"


@dataclass(frozen=True)
class Name:
    """Where a document comes from: ``parts`` from the root down, the last ``depth`` named."""

    parts: tuple[str, ...]
    depth: int


def unique_ids(names: Sequence[Name]) -> list[str]:
    """One id per name, in order, no two alike (see the module docstring)."""
    parts = [tuple(safe_part(p) for p in name.parts) or ("_",) for name in names]
    depth = [max(1, min(name.depth, len(p))) for name, p in zip(names, parts, strict=True)]
    while True:
        ids = ["/".join(p[-d:]) for p, d in zip(parts, depth, strict=True)]
        holders: dict[str, list[int]] = defaultdict(list)
        for n, doc_id in enumerate(ids):
            holders[doc_id].append(n)
        grew = False
        for members in holders.values():
            if len(members) < 2:
                continue
            for n in members:
                if depth[n] < len(parts[n]):
                    depth[n] += 1
                    grew = True
        if not grew:
            break
    taken: set[str] = set()
    out: list[str] = []
    for doc_id in ids:
        candidate, n = doc_id, 2
        while candidate in taken:
            candidate, n = f"{doc_id}-{n}", n + 1
        taken.add(candidate)
        out.append(candidate)
    return out
