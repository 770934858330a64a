"""Quoted spans with their speaker and channel.

A quote is the text inside a pair of marks (straight or curly, double or
single) on one line. Its speaker is read from the verb that governs it ("Xi
said", "Xi praised the '...'", "who describes Putin as an '...'") or from the
reporting pattern ("CCTV quoted Xi as saying", "CCTV reported Xi's statement",
where CCTV is the channel); "according to X" names a channel. A quote with no
such verb, or whose speaker is "they" or "we", has no speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from consistency.extract.claims.common import SPEECH_VERBS, FactRow, dumps, noun_phrase
from consistency.extract.claims.mentions import Mention, mention_of, mentions, person_before
from consistency.lang import vocab
from consistency.parsed import ParsedDocument

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

DOUBLE_OPEN: Final = "“"
DOUBLE_CLOSE: Final = "”"
SINGLE_OPEN: Final = "‘"
SINGLE_CLOSE: Final = "’"
#: Pronouns that stand for one person named before ("he said").
PERSONAL: Final = vocab.marked("pronouns", 1, "subject", "object") & vocab.marked(
    "pronouns", 2, "person"
)
_MARKS: Final = re.compile(r"[\"“”‘’']")


@dataclass(frozen=True)
class Quote:
    start: int  # the quoted words, inside the marks
    end: int
    style: str  # straight or curly
    double: bool


@dataclass(frozen=True)
class Speaker:
    name: str
    span: tuple[int, int] | None
    channel: str | None
    channel_span: tuple[int, int] | None
    reported: bool
    verb: str | None = None


def _is_opening(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return (before.isspace() or before in "([{-—–") and not after.isspace()


def _is_closing(line: str, i: int) -> bool:
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return not before.isspace() and not after.isalnum()


def find_quotes(text: str) -> list[Quote]:
    """Pairs of quotation marks on each line; apostrophes are not marks.

    A quote left open at the end of a paragraph runs to its end when the next
    paragraph opens with a mark again (the news convention for a quotation
    over several paragraphs).
    """
    out: list[Quote] = []
    offset = 0
    lines = text.split("\n")
    following = [
        next((n.lstrip() for n in lines[i + 1 :] if n.strip()), "") for i in range(len(lines))
    ]
    for line, after in zip(lines, following, strict=True):
        continues = after[:1] in ('"', DOUBLE_OPEN)
        out.extend(_line_quotes(line, offset, continues))
        offset += len(line) + 1
    return out


def _line_quotes(line: str, offset: int, continues: bool = False) -> list[Quote]:
    out: list[Quote] = []
    open_double: tuple[int, str] | None = None
    open_single: tuple[int, str] | None = None
    for m in _MARKS.finditer(line):
        i, mark = m.start(), m.group()
        if mark in '"“”':
            curly = mark != '"'
            if open_double is None and mark != DOUBLE_CLOSE and _is_opening(line, i):
                open_double = (i, "curly" if curly else "straight")
                open_single = None
            elif open_double is not None and mark != DOUBLE_OPEN and _is_closing(line, i):
                style = "curly" if curly or open_double[1] == "curly" else "straight"
                out.extend(_quote(line, offset, open_double[0] + 1, i, style, True))
                open_double = None
        elif open_double is None:
            if open_single is None and mark != SINGLE_CLOSE and _is_opening(line, i):
                open_single = (i, "straight" if mark == "'" else "curly")
            elif open_single is not None and mark != SINGLE_OPEN and _is_closing(line, i):
                out.extend(_quote(line, offset, open_single[0] + 1, i, open_single[1], False))
                open_single = None
    if open_double is not None and continues:
        end = len(line.rstrip())
        out.extend(_quote(line, offset, open_double[0] + 1, end, open_double[1], True))
    return out


def _quote(line: str, offset: int, start: int, end: int, style: str, double: bool) -> list[Quote]:
    inner = line[start:end]
    stripped = inner.rstrip(" ,;:.")
    lead = len(inner) - len(inner.lstrip())
    if not any(c.isalpha() for c in stripped):
        return []
    return [Quote(offset + start + lead, offset + start + len(stripped), style, double)]


def _governing_verb(tokens: list[Token], inside: set[int], sentence: Span) -> Token | None:
    """The nearest speech verb above the quote in its sentence, else one in the sentence."""
    lo, hi = sentence.start, sentence.end
    for tok in tokens:
        if tok.head.i in inside and tok.head.i != tok.i:
            continue
        node = tok
        while node.head.i != node.i and lo <= node.head.i < hi:
            node = node.head
            if node.i not in inside and node.pos_ == "VERB" and node.lemma_ in SPEECH_VERBS:
                return node
    speech = [
        t for t in sentence if t.i not in inside and t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB"
    ]
    return speech[0] if speech else None


def subject_of(verb: Token, bounds: tuple[int, int] | None = None) -> Token | None:
    """The subject of a verb (or of the verb it is conjoined to), within ``bounds``."""
    lo, hi = bounds or (0, len(verb.doc))
    node: Token | None = verb
    while node is not None:
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and lo <= c.i < hi]
        if subjects:
            # two subjects ("public broadcaster NRK quoted"): the one next to the verb
            child = max(subjects, key=lambda c: (c.i < node.i, c.i if c.i < node.i else -c.i))
            if child.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                return node.head
            return child
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head.head  # "criticised for not meeting residents": the criticised
        else:
            node = node.head if node.dep_ in ("conj", "xcomp", "pcomp", "advcl") else None
    return None


def name_of(token: Token, items: list[Mention]) -> tuple[str, tuple[int, int]] | None:
    """Identity and span of the entity a token names (he/she: the person before)."""
    if token.lower_ in PERSONAL:
        ante = person_before(items, token.idx, token.doc)
        return (ante.local or ante.name, (ante.start, ante.end)) if ante else None
    if token.pos_ == "PRON":
        return None
    found = mention_of(items, token)
    if found is None or found.kind == "demonym":
        # 'broadcaster CCTV', 'president and CEO Louis Gallois': the name in the phrase
        near = [c for c in token.children if c.dep_ in ("appos", "conj", "compound")]
        names = [m for m in (mention_of(items, c) for c in near) if m and m.kind != "demonym"]
        found = names[0] if names else found
    if found is not None:
        return found.local or found.name, (found.start, found.end)
    phrase = noun_phrase(token)
    return phrase.text, (phrase.start_char, phrase.end_char)


def _according_to(sentence: Span, items: list[Mention]) -> tuple[str, tuple[int, int]] | None:
    for tok in sentence:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            pobj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
            pobj = pobj or next((c for c in tok.children if c.dep_ == "prep"), None)
            if pobj is not None:
                return name_of(pobj, items)
    return None


def attribute(parsed: ParsedDocument, quote: Quote) -> Speaker | None:
    """Speaker and channel of one quote, when the parse names them."""
    doc = parsed.doc
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    items = mentions(parsed)
    inside = {t.i for t in span}
    sentence = parsed.sentence_at(quote.start)
    if sentence is None:
        return None
    verb = _governing_verb(list(span), inside, sentence.span)
    according = _according_to(sentence.span, items)
    if verb is None:
        return None
    subject = subject_of(verb, (sentence.span.start, sentence.span.end))
    speaker_tok: Token | None = subject
    channel: tuple[str, tuple[int, int]] | None = according
    if verb.lemma_ in ("quote", "report", "cite") and subject is not None:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        poss = (
            next((c for c in obj.children if c.dep_ == "poss"), None) if obj is not None else None
        )
        target = poss if poss is not None and obj is not None and obj.pos_ == "NOUN" else obj
        if target is not None and (target.pos_ == "PROPN" or target.lower_ in PERSONAL):
            channel = name_of(subject, items)
            speaker_tok = target
    if speaker_tok is None:
        return None
    named = name_of(speaker_tok, items)
    if named is None:
        return None
    reported = any(c.lower_ == "reportedly" for c in verb.children)
    return Speaker(
        named[0],
        named[1],
        channel[0] if channel else None,
        channel[1] if channel else None,
        reported,
        verb.lemma_.lower(),
    )


def _is_full(parsed: ParsedDocument, quote: Quote) -> bool:
    span = parsed.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    text = parsed.text[quote.start : quote.end]
    if span is None or not text[:1].isupper() or len(span) < 4:
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in span)


def quote_rows(parsed: ParsedDocument) -> list[tuple[Quote, Speaker | None]]:
    """Each quote of the document with its speaker (computed once per document)."""

    def build() -> list[tuple[Quote, Speaker | None]]:
        return [(q, attribute(parsed, q)) for q in find_quotes(parsed.doc.text)]

    return parsed.analysis("quotes", build)


def extract_quotes(parsed: ParsedDocument) -> list[FactRow]:
    """Quote facts: span inside the marks, speaker as subject and canonical, channel."""
    rows: list[FactRow] = []
    for quote, speaker in quote_rows(parsed):
        detail = {
            "extent": "full" if _is_full(parsed, quote) else "partial",
            "marks": ("double" if quote.double else "single") + "_" + quote.style,
            "speaker_span": list(speaker.span) if speaker and speaker.span else None,
            "channel_span": list(speaker.channel_span)
            if speaker and speaker.channel_span
            else None,
            "reported": bool(speaker and speaker.reported) or None,
        }
        rows.append(
            {
                "kind": "quote",
                "char_start": quote.start,
                "char_end": quote.end,
                "subject": speaker.name if speaker else None,
                "predicate": speaker.verb if speaker else None,
                "canonical": speaker.name if speaker else None,
                "attribution": speaker.channel if speaker else None,
                "detail": dumps(detail),
            }
        )
    return rows
