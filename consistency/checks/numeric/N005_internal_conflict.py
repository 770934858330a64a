"""One article gives two values for one figure.

The matcher finds two figures of one article that are one fact (the same
measure and event, holder and period; see ``consistency.matcher``), told in
different sentences, whose values disagree beyond rounding: "the blast killed
157 people" in one paragraph and "at least 137 people were killed" in another.
Two figures side by side in one sentence are different facts; a figure told as
a change, as the start or end of a change ("rose to 64 from 58"), dated on its
own, or next to words of revision ("initially", "since revised", "rose") is an
update, not a contradiction.

A count in a past perfect clause ("had put the toll at 78") is an earlier
report, and one dated long before the article ("a fire last November killed
112") another event's.

A count of people and a count of a named group of them ("three people killed",
"two women killed") are a whole and its part. Values more than ``max_ratio``
times apart are two facts the frames could not
tell apart ("paid $57 million" and "paid $10 million": two payments), not one
figure miswritten.

Options: ``tolerance``, the relative difference still taken as rounding;
``max_ratio``, how many times apart two values may be and still be one figure;
``window``, how many characters around a figure are read for words of revision;
``recent_days``, how long before the article a dated count may lie and still be
the article's own.

Example: "The fire destroyed 13,972 homes" and, later in the same article,
"rebuilding the 18,793 homes lost to the fire".
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from functools import cache
from types import MappingProxyType

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import (
    Row,
    SentenceKey,
    anchors,
    by_id,
    claims_of,
    detail,
    evidence,
    linked,
    rows,
    sentence_dates,
)
from consistency.checks.figures import value_ratio
from consistency.lang import vocab
from consistency.lang.compare import ROUNDING_TOLERANCE, timex_interval
from consistency.lang.frames import thing_from_label
from consistency.matcher import FIGURE_KINDS, dated_period, same_figure, values_relation


@cache
def _update_words(*kinds: str) -> re.Pattern[str]:
    words = sorted((w for w, kind in vocab.rows("update_words") if kind in kinds), key=len)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in reversed(words)) + r")\b", re.I)


def _settled(row: Row, text: str, window: int) -> bool:
    """A figure told as a plain level: not a change or the level a change starts from,
    and no word of revision near it (nor of change, unless the figure names its own
    period: "fell to 5.8% in May" gives May's rate)."""
    if row["role"] == "change" or detail(row).get("change_part") == "from":
        return False
    kinds = ("revision",) if dated_period(row) else ("revision", "change")
    start, end = int(row["char_start"]), int(row["char_end"])
    return not _update_words(*kinds).search(text, max(0, start - window), end + window)


def _when(
    row: Row,
    owners: dict[str, list[Row]],
    index: dict[str, Row],
    dated: dict[SentenceKey, set[str]],
) -> set[str]:
    """The dates a figure is told for: its period, or the dates of its clauses, or, when
    no clause dates it, those of its sentence ("in Newtown in December 2012, where 26
    people died")."""
    if dated_period(row):
        return {dated_period(row)}
    own = {
        str(d["timex"])
        for claim in owners.get(str(row["fact_id"]), [])
        for d in linked(claim, index)
        if d["kind"] == "date" and d["timex"]
    }
    return own or dated.get((str(row["doc_id"]), int(row["sent_id"])), set())


def _timex(date: Row) -> str | None:
    """A date fact's TIMEX value when it names a calendar period, else None."""
    value = str(date["timex"] or "")
    return value if value and timex_interval(value[:10]) else None


def _comparable_times(a: set[str], b: set[str], anchor: str | None, reach: int) -> bool:
    """Undated, or dated alike: two counts dated to different days are two moments of a
    moving story ("38 on Sunday", "83 by Tuesday"), and a count dated long before the
    article ("a fire last November killed 112") is another event's; in an article with
    no date, a count its text dates and one it does not may be of two times."""
    if a and b:
        return bool(a & b)
    if anchor is None:
        return not (a or b)
    return all(_recent(t, anchor, reach) for t in a | b)


def _recent(timex: str, anchor: str | None, reach: int) -> bool:
    span = timex_interval(timex[:10])
    if span is None or not anchor:
        return True
    return (date.fromisoformat(anchor) - date.fromisoformat(span[1])).days <= reach


def _earlier_report(row: Row, owners: dict[str, list[Row]]) -> bool:
    """ "had put the toll at 78": a past perfect tells an earlier moment."""
    return any(
        c["tense"] == "past" and detail(c).get("perfect")
        for c in owners.get(str(row["fact_id"]), [])
    )


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    figures = ctx.facts[ctx.facts["kind"].isin(FIGURE_KINDS)]
    owners, index, documents = claims_of(ctx), by_id(ctx), anchors(ctx)
    dated = sentence_dates(ctx, _timex)
    by_doc: dict[str, list[Row]] = defaultdict(list)
    for row in rows(figures):
        if row["measure"]:
            by_doc[str(row["doc_id"])].append(row)
    for doc_id, items in by_doc.items():
        text = ctx.texts[doc_id]
        anchor = documents.get(doc_id, {}).get("anchor_date")
        settled = [
            r
            for r in items
            if _settled(r, text, options["window"]) and not _earlier_report(r, owners)
        ]
        for i, a in enumerate(settled):
            for b in settled[i + 1 :]:
                if a["sent_id"] == b["sent_id"]:
                    continue  # side by side: two facts
                times = (
                    _when(a, owners, index, dated),
                    _when(b, owners, index, dated),
                )
                if not _comparable_times(*times, anchor, options["recent_days"]):
                    continue
                if values_relation(a, b, tolerance=options["tolerance"]) != "conflict":
                    continue
                if value_ratio(a, b) > options["max_ratio"]:
                    continue  # "$57 million" and "$10 million" paid: two payments
                if _group_of_people(a, b):
                    continue  # "three people were killed ... two women among them"
                match = same_figure(a, b)
                if not match.same:
                    continue
                yield Finding(
                    evidence=(evidence(b), evidence(a)),
                    message=(
                        f"{doc_id} gives {a['text']!r} and later {b['text']!r} for {_thing(a)}."
                    ),
                    explanation=(
                        f"Both figures are one fact ({'; '.join(match.reasons)}), in "
                        "different sentences of one article, with no word of revision "
                        "near them and no date of their own: one of them is wrong."
                    ),
                    suggestion="Check both figures; if one is an earlier count, say so.",
                )


def _group_of_people(a: Row, b: Row) -> bool:
    """People against a named group of people ("three people" / "two women"): in one
    article, the group is most often a part of the people counted."""
    things = [thing_from_label(r["measure"], r["event"]) for r in (a, b)]
    if any(t is None or not t.person for t in things):
        return False
    return things[0].generic != things[1].generic  # type: ignore[union-attr]


def _thing(row: Row) -> str:
    return " ".join(p for p in (row["event"], row["measure"]) if p) or str(row["kind"])


CHECK = Check(
    code="N005",
    name="numeric.internal_conflict",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("numeric",),
    defaults=MappingProxyType(
        {"tolerance": ROUNDING_TOLERANCE, "window": 40, "recent_days": 45, "max_ratio": 2.5}
    ),
)
