"""The anchor date of each document: what its relative expressions resolve against.

In-text explicit dates outrank metadata, but only dates that read as the
article's own: a date bound to a weekday ("Wednesday (15/6/2022)") whose
weekday agrees, or a dateline or "Published" line at the start of a paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Final

from consistency.lang.calendar import ExplicitDate, find_explicit_dates, weekday_before

BASIS_TEXT: Final = "text"
BASIS_METADATA: Final = "metadata"
BASIS_PROPAGATED: Final = "propagated"
#: an undated article takes its story's latest dated report (lower confidence)
BASIS_STORY: Final = "story"
BASIS_UNKNOWN: Final = "unknown"

#: How far from the publication date an in-text date may lie and still be the article's own.
TEXT_REACH_DAYS: Final = 3
#: How far into the article an in-text anchor may stand.
ANCHOR_WINDOW: Final = 2000

_DATELINE_BEFORE: Final = re.compile(
    r"(?:^|\n)\s*(?:(?:published|posted|updated|dated?)\s*(?:on|:)?\s*|"
    r"[A-Z][A-Za-z .'-]{1,40},\s*)$",
    re.I,
)


@dataclass(frozen=True)
class Anchor:
    date: date | None
    basis: str
    evidence: str = ""
    char_start: int | None = None
    char_end: int | None = None

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


def _bound_weekday(text: str, found: ExplicitDate) -> bool:
    bound = weekday_before(text, found.start)
    return bound is not None and bound.weekday == found.value.weekday()


def _dateline(text: str, found: ExplicitDate) -> bool:
    return bool(_DATELINE_BEFORE.search(text[max(0, found.start - 60) : found.start]))


def find_anchor(text: str, *, published: date | None = None) -> Anchor:
    """The anchor of one document: in-text date, else metadata, else unknown.

    With a publication date, an in-text date is the anchor only when it lies within
    :data:`TEXT_REACH_DAYS` of it (a dateline or "on Wednesday (15/6/2022)" of the day
    reported); a date further away is background or a caption ("on Wednesday, July 4,
    2012, CERN announced"), and the metadata stands."""
    head = text[:ANCHOR_WINDOW]
    for found in find_explicit_dates(head):
        if not (_bound_weekday(head, found) or _dateline(head, found)):
            continue
        if published is not None and abs((found.value - published).days) > TEXT_REACH_DAYS:
            continue
        bound = weekday_before(head, found.start)
        start = bound.start if bound else found.start
        end = found.end + (1 if head[found.end : found.end + 1] in (")", "]") else 0)
        return Anchor(found.value, BASIS_TEXT, text[start:end], start, end)
    if published is not None:
        return Anchor(published, BASIS_METADATA, "metadata 'published'")
    return Anchor(None, BASIS_UNKNOWN)
