"""HTML markup the report pages share: escaping, links, the content security policy, and
text with nested marked spans."""

from __future__ import annotations

import base64
import hashlib
import heapq
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass


def esc(value: object) -> str:
    """HTML-escape a value (None as empty), quotes included."""
    return html.escape("" if value is None else str(value), quote=True)


def web_link(url: object) -> str:
    """An article's URL as a link when it is http(s), else as plain text."""
    text = "" if url is None else str(url).strip()
    if re.match(r"https?://[^\s\x00-\x1f]+\Z", text, re.I):
        return f'<a href="{esc(text)}" rel="noopener noreferrer nofollow">{esc(text)}</a>'
    return esc(text)


def csp_source(body: str) -> str:
    """The Content-Security-Policy source that lets exactly this inline block run."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script: str, style: str) -> str:
    """Nothing loads or runs but the page's own script and style (no network, no plug-ins)."""
    return (
        f"default-src 'none'; script-src {csp_source(script)}; style-src {csp_source(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


@dataclass(frozen=True)
class Span:
    """A range [start, end) of a text to wrap in ``<tag class=...>``.

    ``key`` names the range across the pieces it may be split into: every piece
    carries ``data-key``, the first also ``id``.
    """

    start: int
    end: int
    classes: str
    title: str = ""
    key: str = ""
    data: tuple[tuple[str, str], ...] = ()
    tag: str = "span"


def _open_tag(span: Span, first: bool) -> str:
    attrs = [f'class="{esc(span.classes)}"']
    if span.key:
        if first:
            attrs.append(f'id="{esc(span.key)}"')
        attrs.append(f'data-key="{esc(span.key)}"')
    if span.title:
        attrs.append(f'title="{esc(span.title)}"')
    attrs.extend(f'data-{name}="{esc(value)}"' for name, value in span.data)
    return f"<{span.tag} {' '.join(attrs)}>"


def segments(text: str, spans: Iterable[Span]) -> list[str]:
    """``text`` as escaped HTML pieces, each span wrapped in its tag.

    Spans nest: the longer of two starting together encloses the other, and a
    span that runs past the end of the one enclosing it is split there and
    reopened after it. Spans are clipped to the text and empty ones left out;
    ties keep the order given. With the tags removed and the entities
    unescaped, the pieces give back exactly ``text``.
    """
    n = len(text)
    pending: list[tuple[int, int, int, bool, Span]] = []
    for seq, span in enumerate(spans):
        start, end = max(0, span.start), min(n, span.end)
        if start < end:
            pending.append((start, -end, seq, True, span))
    heapq.heapify(pending)
    out: list[str] = []
    open_spans: list[tuple[int, str]] = []  # (end, closing tag), innermost last
    pos = 0
    while pending or open_spans:
        next_open = pending[0][0] if pending else n + 1
        next_close = open_spans[-1][0] if open_spans else n + 1
        at = min(next_open, next_close)
        if at > pos:
            out.append(esc(text[pos:at]))
            pos = at
        if next_close <= next_open:
            out.append(open_spans.pop()[1])
            continue
        start, neg_end, seq, first, span = heapq.heappop(pending)
        end = -neg_end
        if open_spans and open_spans[-1][0] < end:
            end = open_spans[-1][0]
            heapq.heappush(pending, (end, neg_end, seq, False, span))
        out.append(_open_tag(span, first))
        open_spans.append((end, f"</{span.tag}>"))
    if pos < n:
        out.append(esc(text[pos:]))
    return out
