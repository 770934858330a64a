"""The pure core of the HTML report: (text, spans) → escaped HTML pieces."""

from __future__ import annotations

import html
import random
from html.parser import HTMLParser

import pytest

from consistency.report.markup import Span, segments


class _Walk(HTMLParser):
    """Checks the pieces are well nested and records which characters each key covers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.stack: list[tuple[str, str | None]] = []
        self.covered: dict[str, list[int]] = {}
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.append(str(attr["id"]))
        self.stack.append((tag, attr.get("data-key")))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack.pop()[0] == tag

    def handle_data(self, data: str) -> None:
        for _, key in self.stack:
            if key:
                self.covered.setdefault(key, []).extend(
                    range(len(self.text), len(self.text) + len(data))
                )
        self.text += data


def walk(pieces: list[str]) -> _Walk:
    walker = _Walk()
    walker.feed("".join(pieces))
    walker.close()
    assert walker.stack == [], "unclosed tags"
    return walker


def span(start: int, end: int, key: str = "") -> Span:
    return Span(start, end, "m", key=key)


def test_no_spans_is_the_escaped_text() -> None:
    assert "".join(segments("a < b & c", [])) == "a &lt; b &amp; c"


def test_one_span_wraps_exactly_its_range() -> None:
    out = "".join(segments("Exports reached $12 billion.", [span(16, 27, "k")]))
    assert out == 'Exports reached <span class="m" id="k" data-key="k">$12 billion</span>.'


def test_contained_span_nests_inside_the_longer() -> None:
    out = "".join(segments("abcdefgh", [span(2, 4, "inner"), span(0, 8, "outer")]))
    assert out.index('id="outer"') < out.index('id="inner"')
    assert walk([out]).covered == {"outer": list(range(8)), "inner": [2, 3]}


def test_partial_overlap_is_split_and_keeps_every_character() -> None:
    text = "0123456789ABCDE"
    w = walk(segments(text, [span(0, 10, "a"), span(5, 15, "b")]))
    assert w.text == text
    assert w.covered == {"a": list(range(10)), "b": list(range(5, 15))}
    assert w.ids == ["a", "b"], "only the first piece of a split span carries the id"


def test_adjacent_spans_stay_siblings() -> None:
    out = "".join(segments("abcdef", [span(0, 3, "x"), span(3, 6, "y")]))
    assert out == (
        '<span class="m" id="x" data-key="x">abc</span>'
        '<span class="m" id="y" data-key="y">def</span>'
    )


def test_spans_at_both_ends_and_identical_ranges() -> None:
    text = "first middle last"
    spans = [span(0, 5, "start"), span(13, 17, "end"), span(13, 17, "end2")]
    out = "".join(segments(text, spans))
    assert out.startswith('<span class="m" id="start"')
    assert out.endswith("last</span></span>")
    assert out.index('id="end"') < out.index('id="end2"'), "ties keep the order given"
    assert walk([out]).text == text


def test_spans_are_clipped_and_empty_ones_left_out() -> None:
    text = "abcdef"
    w = walk(segments(text, [span(-3, 2, "a"), span(4, 99, "b"), span(3, 3, "c"), span(5, 1, "d")]))
    assert w.text == text
    assert w.covered == {"a": [0, 1], "b": [4, 5]}


def test_unicode_offsets_are_code_points() -> None:
    text = "Beijing 北京 👍🏽 naïve"
    start = text.index("北京")
    w = walk(segments(text, [span(start, start + 2, "city"), span(11, 13, "emoji")]))
    assert w.text == text
    assert "".join(text[i] for i in w.covered["city"]) == "北京"
    assert "".join(text[i] for i in w.covered["emoji"]) == "👍🏽"


def test_markup_in_text_and_attributes_is_escaped() -> None:
    text = 'He wrote <script>alert("x")</script> & left'
    evil = Span(0, 2, 'c"><script>', '"><script>alert(1)</script>', "k<", (("r", "<b>"),))
    out = "".join(segments(text, [evil]))
    assert "<script" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    assert walk([out]).text == text


@pytest.mark.parametrize("seed", range(40))
def test_random_spans_never_lose_or_duplicate_characters(seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab <&>\"'\n é北") for _ in range(rng.randint(0, 60)))
    spans = []
    for n in range(rng.randint(0, 12)):
        start = rng.randint(-2, len(text) + 2)
        spans.append(span(start, start + rng.randint(-1, 20), f"k{n}"))
    pieces = segments(text, spans)
    w = walk(pieces)
    assert w.text == text
    assert html.unescape("".join(p for p in pieces if not p.startswith("<"))) == text
    for n, s in enumerate(spans):
        expected = list(range(max(0, s.start), min(len(text), s.end)))
        assert w.covered.get(f"k{n}", []) == expected
    assert len(w.ids) == len(set(w.ids))
