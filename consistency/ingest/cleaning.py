"""Recognise lines that are not the article, by general rules, with a reason each.

Nothing is removed from the text: dropped lines are listed (for the audit) and
blanked out of the copy the NLP model reads, so offsets stay those of the
original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from consistency.ingest.model import Document, DroppedLine

#: Teasers that point to other articles ("Read Also: ...", "Related: ...").
TEASER: Final = re.compile(
    r"^\s*(?:read|see|also\s+read|read\s+more|see\s+also|related|more|recommended|"
    r"related\s+(?:articles?|stories|news|posts?|coverage)|you\s+may\s+also\s+like|"
    r"also\s+see|don'?t\s+miss|watch|listen)\s*(?:also)?\s*[:|»>-]\s*\S",
    re.I,
)
#: Page furniture: comment widgets, pagination, share and subscribe prompts.
WIDGET: Final = re.compile(
    r"^\s*(?:"
    r"post\s+a\s+comment|leave\s+a\s+(?:comment|reply)|\d*\s*comments?|no\s+comments?|"
    r"(?:previous|prev|older|newer|next)\s+(?:post|article|story)"
    r"(?:\s+(?:previous|prev|older|newer|next)\s+(?:post|article|story))?|"
    r"share(?:\s+(?:this|on\s+\w+|via\s+\w+|article|story))*|"
    r"(?:click|tap)\s+here\b.*|"
    r"(?:subscribe|sign\s+up)\b.{0,80}(?:newsletter|updates|alerts|now|today|free)\b.*|"
    r"subscribe(?:\s+now)?|follow\s+us\b.*|"
    r"advertisement|sponsored(?:\s+content)?|loading\.*|"
    r"(?:tweet|pin\s+it|email|print)(?:\s*[|/]\s*(?:share|tweet|pin\s+it|email|print|facebook))*"
    r")\s*[.!:]?\s*$",
    re.I,
)
#: Lines repeated verbatim at least this often count as page furniture after the first.
REPEAT_MIN_CHARS: Final = 12
#: A run of characters with no space longer than this is not words (a data blob, a wall of
#: punctuation); the tokenizer's time grows with the square of such a run, so it is left out.
MAX_RUN_CHARS: Final = 200
LONG_RUN: Final = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))  # noqa: UP031


def iter_lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Each line's (start, end, text) without its line break."""
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(line)


def find_dropped(document: Document) -> list[DroppedLine]:
    """The lines of ``document`` that are not article text, each with its reason."""
    dropped = [
        DroppedLine(start, end, document.text[start:end], reason)
        for start, end, reason in document.excluded
    ]
    excluded = [(start, end) for start, end, _ in document.excluded]
    first_seen: dict[str, int] = {}
    for start, _end, line in iter_lines(document.text):
        if any(a <= start < b for a, b in excluded):
            continue
        stripped = line.strip()
        if not stripped:
            continue
        reason = line_reason(stripped)
        key = " ".join(stripped.split()).casefold()
        if reason is None and len(key) >= REPEAT_MIN_CHARS:
            if key in first_seen:
                reason = f"repeated line (first at offset {first_seen[key]})"
            else:
                first_seen[key] = start
        if reason is not None:
            lead = len(line) - len(line.lstrip())
            s, e = start + lead, start + lead + len(stripped)
            dropped.append(DroppedLine(s, e, document.text[s:e], reason))
    for run in LONG_RUN.finditer(document.text):
        s, e = run.span()
        if not any(d.char_start <= s < d.char_end for d in dropped):
            reason = f"a run of {e - s:,} characters with no space (not words)"
            dropped.append(DroppedLine(s, e, run.group(), reason))
    return sorted(dropped, key=lambda d: d.char_start)


def line_reason(line: str) -> str | None:
    """Why a single stripped line is not article text, or ``None`` when it is."""
    if TEASER.match(line) and len(line) < 200 and ". " not in line:
        return "related-link teaser"
    if WIDGET.match(line):
        return "page furniture (comments, pagination, share or subscribe prompt)"
    return None


def blank_out(text: str, spans: list[DroppedLine]) -> str:
    """A copy of ``text`` with the dropped spans turned to spaces (line breaks kept)."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        for i in range(span.char_start, span.char_end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
