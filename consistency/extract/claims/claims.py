"""Event claims: one row per clause that asserts something checkable.

A clause is a verb heading a sentence, a conjoined, complement, adverbial or
relative clause (a copula with an attribute counts). Its span is the minimal
span covering its own words (nested clauses are claims of their own). Subject
(its identity), predicate lemma, object, tense, modality, negation, voice
(the outlet's own or reported) and attribution are read from the parse; the
dates, ordinals and figures inside the clause are recorded by span in
``detail`` for :func:`consistency.extract.claims.linker.link_claims`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from consistency.extract.claims.common import (
    SPEECH_VERBS,
    FactRow,
    dumps,
    noun_phrase,
    vote_of,
)
from consistency.extract.claims.mentions import Mention, mention_of, mentions
from consistency.extract.claims.quotes import name_of, quote_rows, subject_of
from consistency.extract.numbers.words import ordinal_value as written_ordinal
from consistency.lang import vocab
from consistency.lang.verbs import (
    FORWARD_VERBS,
    claim_tense,
    lemma,
    modality_of,
    negated,
    perfect,
)
from consistency.parsed import ParsedDocument

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CLAUSE_DEPS: Final = frozenset({"ROOT", "conj", "ccomp", "advcl", "relcl", "parataxis", "pcomp"})
NESTED_DEPS: Final = frozenset({"conj", "ccomp", "advcl", "relcl", "parataxis", "csubj", "pcomp"})
ATTRIBUTING: Final = vocab.words("attributing_verbs")
DATE_LABELS: Final = frozenset({"DATE", "TIME"})
FIGURE_LABELS: Final = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
RECIPIENT_PREPS: Final = frozenset({"to", "for", "at", "into"})


def ordinal_value(text: str) -> int | None:
    """'second' → 2, '21st' → 21 (written-out ordinals through the numbers layer)."""
    word = text.lower().strip()
    digits = word.rstrip("stndrh")
    if digits.isdigit() and word != digits:
        return int(digits)
    return written_ordinal(word)


def _is_clause(tok: Token, bounds: tuple[int, int]) -> bool:
    if not bounds[0] <= tok.i < bounds[1] or tok.dep_ not in CLAUSE_DEPS:
        return False
    if tok.pos_ == "VERB":
        return True
    return tok.pos_ == "AUX" and any(c.dep_ in ("attr", "acomp") for c in tok.children)


def _own_tokens(head: Token, bounds: tuple[int, int]) -> list[Token]:
    """The clause's words: its subtree without nested clauses, joining words and edge marks."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if not bounds[0] <= child.i < bounds[1]:
                continue
            if child.dep_ in NESTED_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            if tok is head and child.dep_ in ("cc", "mark") and child.i > head.i:
                continue
            if child.dep_ == "mark" and tok is head:
                continue
            stack.append(child)
    out.sort(key=lambda t: t.i)
    while out and (out[0].is_punct or out[0].dep_ == "cc"):
        out.pop(0)
    while out and (out[-1].is_punct or out[-1].dep_ == "cc"):
        out.pop()
    return out


def _attributing_parent(verb: Token) -> Token | None:
    """'has been accused of providing': the passive attributing verb over a complement."""
    node = verb.head
    if verb.dep_ == "pcomp" and node.dep_ == "prep":
        node = node.head
    elif verb.dep_ != "xcomp":
        return None
    passive = any(c.dep_ == "auxpass" for c in node.children)
    return node if passive and node.lemma_ in ATTRIBUTING else None


def _alleged_noun(verb: Token) -> tuple[str, str] | None:
    """'has been accused of hiding losses' parsed without a verb: words and the charge."""
    if verb.lemma_ not in ATTRIBUTING or not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if prep is None or pobj is None:
        return None
    words = [c for c in verb.children if c.dep_ in ("aux", "auxpass")] + [verb, prep]
    phrase = " ".join(t.text for t in sorted(words, key=lambda t: t.i))
    return phrase, _unquote(noun_phrase(pobj).text)


def _object(verb: Token, items: list[Mention]) -> tuple[str | None, dict[str, Any]]:
    extra: dict[str, Any] = {}
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if obj is None and comp is not None:
        extra["complement"] = comp.lemma_
        obj = next((c for c in comp.children if c.dep_ == "dobj"), None)
    if obj is None:
        acomp = next((c for c in verb.children if c.dep_ == "acomp"), None)
        return (acomp.text if acomp is not None else None), extra
    found = mention_of(items, obj)
    prep = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS), None
    )
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
    if found is not None and found.label == "PERSON" and pobj is not None:
        key = "invitee" if verb.lemma_ == "invite" else "recipient"
        extra[key] = found.local or found.name
        extra[key + "_span"] = [found.start, found.end]
        obj = pobj
    phrase = _unquote(noun_phrase(obj).text)
    full = _unquote(noun_phrase(obj, with_preps=True).text)
    if full != phrase:
        extra["object_full"] = full
    named = mention_of(items, obj)
    if named is not None and named.kind != "demonym":
        extra["object_canonical"] = named.local or named.name
        extra["object_span"] = [named.start, named.end]
    return phrase, extra


def _unquote(text: str) -> str:
    return " ".join(text.translate({ord(c): None for c in '"“”'}).split())


def _attached(own: list[Token], verb: Token) -> dict[str, Any]:
    ids = {t.i for t in own}
    doc = own[0].doc
    dates, ordinals, figures = [], [], []
    for ent in doc.ents:
        if ent.root.i not in ids:
            continue
        span = [ent.start_char, ent.end_char]
        if ent.label_ in DATE_LABELS:
            if _dates_the_verb(ent, verb):
                dates.append({"span": span, "text": ent.text})
        elif ent.label_ == "ORDINAL":
            ordinals.append({"span": span, "text": ent.text, "value": ordinal_value(ent.text)})
        elif ent.label_ in FIGURE_LABELS:
            figures.append({"span": span, "text": ent.text})
    return {"dates": dates, "ordinals": ordinals, "figures": figures}


#: Where a noun tells who or what rather than when the act was: a date under such a noun
#: dates that noun ("stars of the 1940s, died"; "from Smith, the Doctor since 2010").
_NOT_THE_ACTS: Final = frozenset({"nsubj", "nsubjpass", "appos", "poss", "compound"})
_NOUNS: Final = frozenset({"NOUN", "PROPN", "PRON"})
_OFFSET_MARKS: Final = frozenset({"after", "before", "since", "until"})
#: Prepositions that make a date the base a change is measured against.
_BASE_MARKS: Final = frozenset({"from", "than", "versus", "vs"})


def _dates_the_verb(date: Span, verb: Token) -> bool:
    """Does the date say when the verb's act happened? Not when it sits under the subject
    or an apposition ("the 1940s actress Esther Williams died"), nor when it holds the act
    or measures from it ("five months after Felt left the FBI" is no date of the leaving).
    Objects keep their dates: "in a call Wednesday", "invited him to the games in May"."""
    if date.start <= verb.i < date.end:
        return False
    if date.root.head.dep_ == "prep" and date.root.head.lower_ in _BASE_MARKS:
        return False  # "rose 5.9% from a year earlier": what a change is measured against
    if date.root.dep_ == "npadvmod" and any(
        c.dep_ == "mark" and c.lower_ in _OFFSET_MARKS and c.i > date.root.i for c in verb.children
    ):
        return False  # "five months after Felt left": how long after the act, not when
    tok = date.root
    if tok.dep_ == "poss":  # "came in Friday's relay final": the date of the event noun
        tok = tok.head
        while tok.dep_ == "compound" and tok.head.i != tok.i:
            tok = tok.head
    while tok.i != verb.i and tok.head.i != tok.i:
        if tok.i != date.root.i and tok.pos_ in _NOUNS and tok.dep_ in _NOT_THE_ACTS:
            return False
        tok = tok.head
    return tok.i == verb.i


def _voice(
    verb: Token, sentence: Span, items: list[Mention], quoted: dict[int, str | None]
) -> tuple[str, str | None]:
    """'reported' with the source, or 'outlet' (the article's own voice)."""
    if verb.idx in quoted:
        return "reported", quoted[verb.idx]
    node = verb
    while node.dep_ in ("ccomp", "xcomp", "conj") and node.head.i != node.i:
        node = node.head
        if node.lemma_ in SPEECH_VERBS and node.pos_ == "VERB":
            who = subject_of(node, (sentence.start, sentence.end))
            named = name_of(who, items) if who is not None else None
            return "reported", named[0] if named else None
    for tok in sentence:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc):
            pobj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
            if pobj is not None:
                named = name_of(pobj, items)
                return "reported", named[0] if named else pobj.text
    return "outlet", None


def _quoted_chars(parsed: ParsedDocument) -> dict[int, str | None]:
    """Token offsets inside quotes → the quote's speaker."""
    out: dict[int, str | None] = {}
    for quote, speaker in quote_rows(parsed):
        span = parsed.doc.char_span(quote.start, quote.end, alignment_mode="expand")
        for tok in span or []:
            out[tok.idx] = speaker.name if speaker else None
    return out


def _claim(
    verb: Token, sentence: Span, items: list[Mention], quoted: dict[int, str | None]
) -> FactRow | None:
    bounds = (sentence.start, sentence.end)
    attributing = _attributing_parent(verb)
    subject_tok = subject_of(attributing or verb, bounds)
    own = _own_tokens(verb, bounds)
    if subject_tok is None or not own:
        return None
    named = name_of(subject_tok, items)
    subject = " ".join((named[0] if named else subject_tok.text).split())
    obj, extra = _object(verb, items)
    voice, source = _voice(attributing or verb, sentence, items, quoted)
    attribution = source
    modality = modality_of(verb)
    if attributing is not None:
        words = [t for t in attributing.subtree if t.i < verb.i and t.i > subject_tok.i]
        attribution = " ".join(t.text for t in words if t.dep_ != "advmod") or attributing.text
        modality.append("alleged")
    alleged = _alleged_noun(verb)
    if alleged is not None:
        attribution, obj = alleged
        modality.append("alleged")
    if voice == "reported":
        modality.append("reported")
    start, end = own[0].idx, own[-1].idx + len(own[-1].text)
    governor = attributing or verb
    direct = subject_tok.head.i == governor.i or (
        governor.dep_ == "relcl" and subject_tok.i == governor.head.i
    )
    if direct and subject_tok.i < own[0].i and subject_tok.i >= bounds[0]:
        start = min(start, subject_tok.left_edge.idx)
    if attributing is not None:
        first = min(
            [attributing, *(c for c in attributing.children if c.dep_.startswith("aux"))],
            key=lambda t: t.i,
        )
        start = min(start, first.idx)
    detail = {
        "subject_span": list(named[1]) if named and named[1] else None,
        "negated": negated(verb) or None,
        "modality": sorted(set(modality)),
        "voice": voice,
        "perfect": perfect(verb) or None,
        "passive": any(c.dep_ == "auxpass" for c in verb.children) or None,
        **extra,
        **_with_antecedent(_attached(own, verb), verb),
        "vote": vote_of(" ".join(t.text for t in own)),
    }
    return {
        "kind": "claim",
        "char_start": start,
        "char_end": end,
        "subject": subject,
        "canonical": subject,
        "predicate": lemma(verb),
        "object": obj,
        "tense": claim_tense(attributing or verb),
        "attribution": attribution,
        "detail": dumps(detail),
    }


def _with_antecedent(attached: dict[str, Any], verb: Token) -> dict[str, Any]:
    """A clause that modifies a noun ("the mark of 2:01:09 that Kipchoge set", "the first
    tally, released Friday") tells of that noun: its ordinals and figures are the
    clause's too."""
    if verb.dep_ not in ("relcl", "acl") or verb.head.i == verb.i:
        return attached
    phrase = noun_phrase(verb.head, with_preps=True)
    own = [t for t in phrase if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
    if not own:
        return attached
    found = _attached(own, verb.head)
    return {
        **attached,
        "ordinals": attached["ordinals"] + found["ordinals"],
        "figures": attached["figures"] + found["figures"],
    }


def _participle_claim(verb: Token, sentence: Span, items: list[Mention]) -> FactRow | None:
    """ "The index, released on Tuesday, showed ...": a dated past participle after a noun
    says what was done to that noun and when (the noun was released on Tuesday)."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    forward = FORWARD_VERBS.get(verb.lemma_)
    complemented = any(
        c.dep_ in ("xcomp", "prep") and c.lower_ in ("to", "for") for c in verb.children
    )
    if negated(verb) or (forward and (complemented or not forward.needs_complement)):
        return None  # "the talks, scheduled for May": a plan, read by the clause it sits in
    bounds = (sentence.start, sentence.end)
    own = _own_tokens(verb, bounds)
    if not own:
        return None
    attached = _attached(own, verb)
    if not attached["dates"]:
        return None
    phrase = noun_phrase(head)
    named = name_of(head, items)
    subject = " ".join((named[0] if named else phrase.text).split())
    detail = {
        "subject_span": list(named[1]) if named and named[1] else None,
        "modality": [],
        "voice": "outlet",
        "passive": True,
        **_with_antecedent(attached, verb),
    }
    return {
        "kind": "claim",
        "char_start": phrase.start_char,
        "char_end": own[-1].idx + len(own[-1].text),
        "subject": subject,
        "canonical": subject,
        "predicate": lemma(verb),
        "object": None,
        "tense": "past",
        "attribution": None,
        "detail": dumps(detail),
    }


def extract_claims(parsed: ParsedDocument) -> list[FactRow]:
    """One claim row per checkable clause of the document."""
    items = mentions(parsed)
    quoted = _quoted_chars(parsed)
    rows: list[FactRow] = []
    for sentence in parsed.sentences:
        bounds = (sentence.span.start, sentence.span.end)
        for tok in sentence.span:
            if _is_clause(tok, bounds) or _attributing_parent(tok) is not None:
                if tok.lemma_ in ATTRIBUTING and any(
                    (_attributing_parent(c) or c).i == tok.i for c in tok.subtree if c.i != tok.i
                ):
                    continue
                row = _claim(tok, sentence.span, items, quoted)
                if row is not None:
                    rows.append(row)
            elif tok.dep_ == "acl" and (row := _participle_claim(tok, sentence.span, items)):
                rows.append(row)
    return rows
