"""The declared schemas of every table one pipeline stage hands the next.

Each table is a pandas DataFrame with exactly the columns declared here, in
this order and with these dtypes. Stages build rows as plain dicts and call
:func:`frame`; boundaries call :func:`validate`. Nothing else in the package
spells out a column list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

import pandas as pd

STR: Final = "string"
INT: Final = "Int64"
FLOAT: Final = "Float64"


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    doc: str


@dataclass(frozen=True)
class Schema:
    name: str
    doc: str
    columns: tuple[Column, ...]

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def dtypes(self) -> dict[str, str]:
        return {c.name: c.dtype for c in self.columns}


def _cols(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


DOCUMENTS = Schema(
    "documents",
    "One row per article read.",
    _cols(
        ("doc_id", STR, "unique in the run: path relative to its input, no suffix; or JSONL id"),
        ("path", STR, "file it came from (with :LINE for JSONL)"),
        ("format", STR, "txt, md, html, jsonl, or record (given to the Python API)"),
        ("encoding", STR, "encoding the file was read in: UTF-8, UTF-16LE, Windows-1252 ..."),
        ("source", STR, "outlet or source name (metadata, else the file name)"),
        ("title", STR, "headline (metadata, else the first line when it reads as one)"),
        ("url", STR, "metadata url"),
        ("published", STR, "metadata publication date, ISO"),
        ("anchor_date", STR, "date relative expressions resolve against, ISO"),
        (
            "anchor_basis",
            STR,
            "text, metadata, propagated, story (an undated article takes its story's "
            "latest date) or unknown",
        ),
        ("anchor_evidence", STR, "the words the anchor was read from"),
        ("story", STR, "story key grouping articles about one event"),
        (
            "story_basis",
            STR,
            "why the article is in its story: metadata, auto (with the words it shares), "
            "unlabelled, one or draft",
        ),
        ("role", STR, "draft or source in draft mode, else empty"),
        ("n_chars", INT, "length of the text in characters"),
        ("n_sentences", INT, "sentences analysed"),
        ("n_dropped_lines", INT, "lines left out of analysis (see dropped)"),
    ),
)

SENTENCES = Schema(
    "sentences",
    "One row per sentence analysed; offsets point into the document text.",
    _cols(
        ("doc_id", STR, "document"),
        ("sent_id", INT, "index of the sentence within its document"),
        ("paragraph_id", INT, "index of the paragraph within its document"),
        ("char_start", INT, "start offset in the document text"),
        ("char_end", INT, "end offset (exclusive)"),
        ("text", STR, "the sentence, equal to the document slice"),
    ),
)

FACT_KINDS: Final = (
    "date",
    "duration",
    "time",
    "money",
    "percent",
    "quantity",
    "ordinal",
    "age",
    "entity",
    "quote",
    "claim",
)

FACTS = Schema(
    "facts",
    "One row per extracted number, date, time of day, entity, quote or claim.",
    _cols(
        ("fact_id", STR, "DOC_ID:f### stable within the run"),
        ("doc_id", STR, "document"),
        ("sent_id", INT, "sentence the fact lies in"),
        ("kind", STR, "one of " + ", ".join(FACT_KINDS)),
        ("text", STR, "exact surface, equal to the document slice"),
        ("char_start", INT, "start offset in the document text"),
        ("char_end", INT, "end offset (exclusive)"),
        ("value", FLOAT, "numeric value in base units; times: the minute of the day as written"),
        ("unit", STR, "ISO 4217 code, percent, pp, people, a physical unit, minute of day ..."),
        (
            "qualifier",
            STR,
            "exact, approx, more_than, at_least, less_than, up_to, at, after, before, until, "
            "since (the last five for times of day)",
        ),
        (
            "value_low",
            FLOAT,
            "lower bound implied by value and qualifier (times: minutes of the local day, "
            "may pass 0 or 1440)",
        ),
        ("value_high", FLOAT, "upper bound implied by value and qualifier"),
        (
            "timex",
            STR,
            "TIMEX3-style value: 2022-06-15, 2022-06, 2022-W23, 2021, P3M, 2022-06-15T03:42+05:45",
        ),
        ("time_start", STR, "resolved interval start, ISO date, inclusive (times: their day)"),
        ("time_end", STR, "resolved interval end, ISO date, inclusive"),
        ("granularity", STR, "day, week, month, quarter, year, decade ...; times: hour, minute"),
        ("subject", STR, "who or what the fact is about"),
        ("predicate", STR, "the governing verb lemma"),
        ("object", STR, "the thing measured or acted upon"),
        (
            "measure",
            STR,
            "figures: what is counted or measured, one name across wordings (people, home, "
            "core inflation), with the modifiers that narrow it",
        ),
        (
            "event",
            STR,
            "figures: what happened to what is counted (killed, injured, destroyed ...), "
            "one name across wordings",
        ),
        (
            "period",
            STR,
            "timex of the period a figure refers to; a range is an ISO interval (2008-04/2008-06)",
        ),
        ("canonical", STR, "one name shared across sources (entities: itself; quotes: speaker)"),
        ("tense", STR, "past, present, future, planned, invited, scheduled ..."),
        ("role", STR, "what a figure is: level, change, count, rank, age ..."),
        ("link", STR, "fact_id of the related fact (the level a change modifies ...)"),
        ("attribution", STR, "who the fact is attributed to ('according to ...')"),
        ("extractor", STR, "which extractor produced the row"),
        ("detail", STR, "extra normalizer output as compact JSON"),
    ),
)

#: The keys of the facts table's ``detail`` column: what a normalizer tells that no
#: column holds. Extractors write only these; checks read them through :func:`detail_of`.
FACT_DETAIL: Final[dict[str, str]] = {
    # figures
    "base": "percent: what a change is measured against (year_earlier, month_earlier ...)",
    "base_period": "figures: the period the level a change starts from refers to",
    "change_part": "figures: 'from' or 'to' of a 'from A to B' pair, or the change itself",
    "direction": "figures: up or down for a change; dates: past, same or future of the anchor",
    "range": "figures: [low, high] of a written range; dates: the ISO range it bounds",
    "scale": "figures: the scale word written (million, billion ...)",
    "part": "figures: counts a part of a whole named beside it ('Forty of the dead')",
    "forecast": "figures: told as a forecast ('expects profit of ...'), not a result",
    "place": "figures: the place the count is restricted to ('sales in China')",
    "superlative": "ordinals: the ranking a superlative gives first ('worst' → deadliest)",
    # dates and durations
    "mod": "dates: start, mid, end ... part of the period",
    "partial": "dates: what is known of an unresolved date (XXXX-02-24, +2 day)",
    "relative_to": "dates: what a relative expression counts from (anchor, previous ...)",
    "resolved": "dates: resolved (absolute or against an anchor); entities: a role named",
    "signal": "dates, times: the words introducing the expression (since, shortly after ...)",
    "tense_used": "dates: the tense that chose the year",
    "type": "dates: DATE, TIME, DURATION or SET; times: TIME; entities: the entity label",
    "weekday": "dates: the weekday written with the date (Monday 0); it may disagree",
    # times of day
    "dated_by": "times: offsets of the date the time belongs to ('at 3 a.m. on Tuesday')",
    "twelve_hour": "times: written without a.m. or p.m. ('9.30'): 12 hours later reads alike",
    "utc_offset": "times: minutes east of UTC of the time's zone, when it can be known",
    "zone": "times: the zone as written (GMT, ET, local time)",
    "zone_basis": "times: how the zone is known: written, paired, local: PLACE or place: PLACE",
    "zone_key": "times: the fixed offset or tz database zone the time is read in",
    "year_choice": "dates: how the year or reference was chosen",
    # claims
    "complement": "claims: the verb of an 'agreed to buy' complement",
    "dates": "claims: the dates of the clause's act (spans)",
    "figures": "claims: the figures of the clause (spans)",
    "ordinals": "claims: the ordinals of the clause (spans, values)",
    "modality": "claims: conditional, possible, planned, reported, alleged ...",
    "negated": "claims: the clause is denied",
    "object_canonical": "claims: the object's canonical name",
    "object_full": "claims: the object with its modifiers",
    "object_span": "claims: offsets of the object's name",
    "passive": "claims: the verb is passive",
    "perfect": "claims: the verb is perfect ('has announced')",
    "recipient": "claims: to whom ('gave X ...', 'told X ...')",
    "invitee": "claims: who was invited ('invited X to ...')",
    "invitee_span": "claims: offsets of the invitee",
    "recipient_span": "claims: offsets of the recipient",
    "subject_span": "claims: offsets of the subject's name",
    "voice": "claims: outlet (the article's own) or reported",
    "vote": "claims: how the clause's vote went: 'unanimous', [for, against] or 'split'",
    # quotes
    "reported": "quotes: told in reported speech rather than quoted",
    "channel_span": "quotes: offsets of the channel ('told Reuters')",
    "extent": "quotes: whole or partial quotation",
    "marks": "quotes: the quotation marks used",
    "speaker_span": "quotes: offsets of the speaker",
    # entities
    "mention": "entities: name, role, pronoun ...",
    "name": "entities: the name as written",
    "nationality": "entities: the country of a demonym",
    "possessive": "entities: written as a possessive",
    "retyped": "entities: the label the parse gave, when corrected",
    "teaches": "entities: a role that names the person ('the minister, Jane Doe')",
    "title": "entities: the title written with a name",
    "variants": "entities: spelling variants met across sources",
}

#: The relations an alignment may hold; every reporter shows each of them.
ALIGNMENT_RELATIONS: Final = ("agree", "compatible", "conflict", "update", "paraphrase", "unique")

ALIGNMENTS = Schema(
    "alignments",
    "Pairs of facts from different documents that speak of the same thing; a checkable "
    "fact no other source of its story has is listed once with relation 'unique'.",
    _cols(
        ("fact_id", STR, "fact in the first document"),
        ("other_fact_id", STR, "fact in the other document (empty when unique)"),
        ("doc_id", STR, "document of fact_id"),
        ("other_doc_id", STR, "document of other_fact_id"),
        ("kind", STR, "fact kind shared by both"),
        (
            "relation",
            STR,
            "agree, compatible, conflict, update (a figure that moved between reports of "
            "different days), paraphrase (quotes) or unique",
        ),
        ("score", FLOAT, "how likely the two facts are one fact, 0..1"),
        ("basis", STR, "the evidence the match rests on"),
    ),
)

FLAGS = Schema(
    "flags",
    "One row per finding, with evidence spans and the reasoning. A finding about one fact "
    "across several sources is one row naming every source.",
    _cols(
        ("flag_id", STR, "stable key of the finding"),
        ("code", STR, "check code, e.g. N001"),
        ("name", STR, "check dotted name"),
        ("severity", STR, "error, warning or info"),
        ("doc_id", STR, "document of the primary evidence"),
        ("sent_id", INT, "sentence of the primary evidence"),
        ("char_start", INT, "primary evidence start"),
        ("char_end", INT, "primary evidence end (exclusive)"),
        ("text", STR, "primary evidence surface"),
        ("message", STR, "one-sentence finding"),
        ("explanation", STR, "the reasoning spelled out"),
        ("suggestion", STR, "what to do, when obvious"),
        ("related", STR, "fact ids and doc ids of every piece of evidence, space separated"),
        (
            "deviates",
            STR,
            "documents that differ from the other sources (the odd one out), when known",
        ),
    ),
)

DROPPED = Schema(
    "dropped",
    "Lines left out of analysis, with the rule that left them out.",
    _cols(
        ("doc_id", STR, "document"),
        ("char_start", INT, "start offset of the line"),
        ("char_end", INT, "end offset (exclusive)"),
        ("text", STR, "the line"),
        ("reason", STR, "the cleaning rule that matched"),
    ),
)

SUPPORT = Schema(
    "support",
    "Draft mode: each checkable fact of a draft, and what the sources say of it.",
    _cols(
        ("fact_id", STR, "fact of the draft"),
        ("doc_id", STR, "the draft"),
        ("kind", STR, "fact kind"),
        ("text", STR, "the draft's words"),
        ("status", STR, "supported, conflict or unsupported"),
        ("source_fact_ids", STR, "matching facts of the sources, space separated"),
        ("sources", STR, "documents those facts come from, space separated"),
    ),
)

ERRORS = Schema(
    "errors",
    "Inputs that could not be read, named with the reason; and notes on inputs read "
    "otherwise than named (the same file twice).",
    _cols(
        ("path", STR, "file (with :LINE when the line is known)"),
        ("code", STR, "error code, e.g. E102; a note's code starts with W"),
        ("level", STR, "error (the run exits 2) or note"),
        ("message", STR, "what is wrong, and how to fix it"),
    ),
)

SCHEMAS: Final[dict[str, Schema]] = {
    s.name: s for s in (DOCUMENTS, SENTENCES, FACTS, ALIGNMENTS, FLAGS, DROPPED, SUPPORT, ERRORS)
}


class SchemaError(ValueError):
    """A table does not match its declared schema."""


def frame(rows: Iterable[Mapping[str, Any]], schema: Schema) -> pd.DataFrame:
    """Build a table from row dicts: unknown keys are an error, missing ones are NA."""
    rows = list(rows)
    allowed = set(schema.names)
    for row in rows:
        extra = set(row) - allowed
        if extra:
            raise SchemaError(f"{schema.name}: unknown column(s) {sorted(extra)}")
    df = pd.DataFrame.from_records(rows, columns=schema.names)
    return df.astype(schema.dtypes)


def detail_of(row: Mapping[str, Any]) -> dict[str, Any]:
    """A fact row's ``detail``, decoded (a row whose detail is already decoded is read
    as it is)."""
    value = row.get("detail")
    if not value:
        return {}
    return value if isinstance(value, dict) else json.loads(value)


def encode_detail(detail: Mapping[str, Any], *, drop_empty: bool = False) -> str | None:
    """A fact's ``detail`` as compact, key-sorted JSON, the one encoding every extractor
    writes: values that are None are left out (with ``drop_empty``, empty lists,
    mappings and strings too); None when nothing is left."""
    clean = {
        k: v
        for k, v in detail.items()
        if v is not None and not (drop_empty and isinstance(v, list | dict | str) and not v)
    }
    if not clean:
        return None
    return json.dumps(clean, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def merge_detail(encoded: str | None, extra: Mapping[str, Any]) -> str | None:
    """An encoded ``detail`` with ``extra`` keys added (or replaced)."""
    known = json.loads(encoded) if encoded else {}
    return encode_detail({**known, **extra})


def records(df: pd.DataFrame) -> Iterator[dict[str, Any]]:
    """Table rows as plain dicts, missing values as None.

    Column by column (one conversion each), not frame-wide: a small table, read
    once per check and story, then costs next to nothing.
    """
    columns = [str(c) for c in df.columns]
    values = [df[c].to_numpy(dtype=object, na_value=None) for c in df.columns]
    for row in zip(*values, strict=True):
        yield dict(zip(columns, row, strict=True))


def validate(df: pd.DataFrame, schema: Schema) -> pd.DataFrame:
    """Check a table at a stage boundary: exact columns, in order, with declared dtypes."""
    if list(df.columns) != schema.names:
        missing = [c for c in schema.names if c not in df.columns]
        extra = [c for c in df.columns if c not in schema.names]
        raise SchemaError(
            f"{schema.name}: columns differ from the schema (missing {missing}, extra {extra})"
        )
    wrong = {
        c.name: str(df[c.name].dtype) for c in schema.columns if str(df[c.name].dtype) != c.dtype
    }
    if wrong:
        raise SchemaError(f"{schema.name}: dtypes differ from the schema: {wrong}")
    return df
