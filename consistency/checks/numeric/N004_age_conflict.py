"""A person's age contradicts their birth date or an "Nth birthday" given elsewhere.

Each statement about one person becomes the span of days they can have been
born in: "Anna Berg, 52" in an article of 2 March 2023 means born between
3 March 1970 and 2 March 1971; "born on July 4, 1975" is that day; "her 50th
birthday last week" (or "turned 50 on Friday") is fifty years before that
week. An age is taken at the article's date, or at the date its sentence
gives it ("then 29, in 1990"), whichever fits. Statements whose spans do not
meet, in one source or across the sources of one story, are flagged
(a namesake in another story is someone else).

Ages in undated reports of one story are compared with each other as if
given on the same day ("Jo Reyes, 24" against "Jo Reyes, 26"). The ages of a
person some source reports dead are ages at death, compared with each other
only: a later article repeats the age the victim had.

Two ages that fit only through a birthday in the few days between two reports
("Kazuo Ueda, 72" on 19 March and "Kazuo Ueda, 73" on 20 March) are flagged
too: one of them is almost surely wrong.

Options: ``slack_days`` (default 0), how many days two spans may miss by and
still be taken as agreeing (for reports dated a day after the event);
``min_overlap_days`` (default 7), how many days two spans must share for two
different ages to be taken as a birthday between the reports.

Example: "Mayor Anna Berg, 52, ..." against "Berg, who was born in 1965, ...".
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from types import MappingProxyType
from typing import Final

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import (
    Row,
    anchors,
    by_id,
    detail,
    evidence,
    linked,
    rows,
    story_of,
)
from consistency.checks.people import People
from consistency.lang import vocab
from consistency.lang.compare import head_noun, interval, key_text, timex_interval

MAX_AGE = 120
#: Predicates that tell a death: the dead person's age stops at that day.
DEATH_PREDICATES = frozenset({"die", "kill", "murder", "slay"})
#: The clock of ages at death: any fixed day serves to compare them with each other.
AT_DEATH = "at death"
#: The day ages in undated reports are taken at: any fixed day serves to compare them.
UNDATED = date(2000, 7, 1)


@dataclass(frozen=True)
class Born:
    """What one statement says of a person's birth: born between ``first`` and ``last``."""

    person: str
    first: date
    last: date
    rows: tuple[Row, ...]
    says: str
    clock: str = "calendar"


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _days(row: Row | None) -> tuple[date, date] | None:
    """The calendar span of a date row or of a figure's period."""
    if row is None:
        return None
    if row.get("time_start") and row.get("time_end"):
        return date.fromisoformat(row["time_start"]), date.fromisoformat(row["time_end"])
    span = timex_interval(row.get("period"))
    return (date.fromisoformat(span[0]), date.fromisoformat(span[1])) if span else None


def _aged(low: float, high: float, at: tuple[date, date]) -> tuple[date, date]:
    """Born when, to be between ``low`` and ``high`` years old during ``at``."""
    return (
        _years_before(at[0], int(high) + 1) + timedelta(days=1),
        _years_before(at[1], int(low)),
    )


def _birthday(row: Row) -> bool:
    """An ordinal age naming a birthday ("her 50th birthday"), not an age."""
    return head_noun(row["object"]) == "birthday"


def _whose(row: Row) -> tuple[object, ...]:
    """The phrases naming whose age it is: "Robyn Mendes's 12-year-old daughter" is the
    daughter's, not Robyn Mendes's; "Mayor Anna Berg, 52" is the mayor's."""
    subject, thing = key_text(row["subject"]), key_text(row["object"])
    if (
        thing
        and subject
        and head_noun(thing) in RELATIVES
        and head_noun(thing) not in subject.split()
    ):
        return (row["object"],)
    return (row["subject"], row["object"])


def _inside(row: Row, claim: Row) -> bool:
    return int(claim["char_start"]) <= int(row["char_start"]) < int(claim["char_end"])


def _from_age(
    row: Row, person: str, anchor: str | None, story: object, *, dead: bool = False
) -> Born | None:
    """An age ("Anna Berg, 52") or an Nth birthday with its date ("her 50th birthday last week").

    A dead person's age is their age at death, however long before the article: "the
    34-year-old was killed" in a report two years on. Those ages are compared with each
    other only."""
    bounds = interval(row["value"], row["value_low"], row["value_high"])
    if bounds is None or not 0 <= bounds[0] <= bounds[1] <= MAX_AGE or row["unit"] != "year":
        return None
    if _birthday(row):
        when = _days(row) if row["period"] else None
        if when is None or bounds[0] != bounds[1]:
            return None
        n = int(bounds[0])
        says = f"the {row['text']} birthday in {row['period']}"
        return Born(person, _years_before(when[0], n), _years_before(when[1], n), (row,), says)
    spans = [_aged(*bounds, (date.fromisoformat(anchor),) * 2)] if anchor else []
    if row["period"] and (period := _days(row)):
        spans.append(_aged(*bounds, period))
    if dead or not spans:  # ages at death, or in undated reports: compared with each other
        first, last = _aged(*bounds, (UNDATED, UNDATED))
        clock = AT_DEATH if dead else f"undated {story}"
        return Born(person, first, last, (row,), f"{row['text']!r}", clock=clock)
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    return Born(person, first, last, (row,), f"{row['text']!r} at {anchor or row['period']}")


def _from_claim(claim: Row, person: str, around: list[Row]) -> Born | None:
    """ "born on July 4, 1975", or "turned 61 on Friday"."""
    days = [(r, d) for r in around if r["kind"] == "date" and (d := _days(r))]
    if not days:
        return None
    day, when = days[0]
    if key_text(claim["predicate"]) == "bear":
        return Born(person, *when, (day,), f"born {day['text']}")
    ages = list({r["fact_id"]: r for r in around if r["kind"] in ("quantity", "age")}.values())
    if len(ages) != 1 or ages[0]["unit"] not in (None, "year"):
        return None
    if not 0 < ages[0]["value"] <= MAX_AGE:
        return None
    n = int(ages[0]["value"])
    born = (_years_before(when[0], n), _years_before(when[1], n))
    return Born(person, *born, (ages[0], day), f"turned {n} {day['text']}")


def _dead(facts: list[Row], people: People, story: dict[str, str]) -> set[tuple[str, str]]:
    """The people some source of a story reports dead: "X died", "X was killed", "they
    killed X", as (story, person): a namesake in another story is someone else."""
    out: set[tuple[str, str]] = set()
    for claim in facts:
        if claim["kind"] != "claim" or key_text(claim["predicate"]) not in DEATH_PREDICATES:
            continue
        info = detail(claim)
        if key_text(claim["predicate"]) == "die" or info.get("passive"):
            phrases: tuple[object, ...] = (claim["canonical"], claim["subject"])
        else:
            phrases = (info.get("object_canonical"), claim["object"])
        if person := people.of(claim, [p for p in phrases if p]):
            out.add((story.get(str(claim["doc_id"]), ""), person))
    return out


def _statements(ctx: CheckContext, story: dict[str, str]) -> Iterator[Born]:
    facts = list(rows(ctx.facts))
    index = by_id(ctx)
    people = People(facts)
    dead = _dead(facts, people, story)
    documents = anchors(ctx)
    figures: dict[str, list[Row]] = defaultdict(list)
    for row in facts:
        if row["kind"] in ("quantity", "age"):
            figures[str(row["doc_id"])].append(row)
    for row in facts:
        found: Born | None = None
        birthday = row["kind"] == "age" and _birthday(row)
        phrases = _whose(row) if not birthday else (row["subject"], row["object"])
        if row["kind"] == "age" and (person := people.of(row, phrases, possessive=birthday)):
            document = documents.get(str(row["doc_id"]), {})
            found = _from_age(
                row,
                person,
                document.get("anchor_date"),
                document.get("story"),
                dead=(story.get(str(row["doc_id"]), ""), person) in dead,
            )
        elif row["kind"] == "claim" and key_text(row["predicate"]) in ("bear", "turn"):
            person = people.of(row, (row["canonical"], row["subject"]))
            around = linked(row, index)
            around += [r for r in figures[str(row["doc_id"])] if _inside(r, row)]
            found = _from_claim(row, person, around) if person else None
        if found is not None:
            yield found


ZERO: Final = timedelta(0)
#: Nouns for a relative: "his 12-year-old daughter" is the daughter's age.
RELATIVES: Final = vocab.words("relatives")


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    slack = timedelta(days=options["slack_days"])
    narrow = timedelta(days=options["min_overlap_days"])
    story = story_of(ctx)
    by_person: dict[tuple[str, str], list[Born]] = defaultdict(list)
    for statement in _statements(ctx, story):
        by_person[story.get(str(statement.rows[0]["doc_id"]), ""), statement.person].append(
            statement
        )
    for (_, person), statements in sorted(by_person.items()):
        worst: tuple[timedelta, Born, Born] | None = None
        for i, a in enumerate(statements):
            for b in statements[i + 1 :]:
                gap = max(a.first - b.last, b.first - a.last)
                if a.clock != b.clock or (worst is not None and gap <= worst[0]):
                    continue
                if gap > slack or (gap <= ZERO and -gap < narrow and a.says != b.says):
                    worst = (gap, a, b)
        if worst is None:
            continue
        _, a, b = worst
        if a.clock == AT_DEATH:
            why = (
                f"Both sources give {person}'s age at death: {a.says} ({a.rows[0]['doc_id']}) "
                f"and {b.says} ({b.rows[0]['doc_id']}) cannot both be right."
            )
        elif a.clock == "calendar" and worst[0] <= ZERO:
            why = (
                f"{a.says.capitalize()} ({a.rows[0]['doc_id']}) means born between {a.first} "
                f"and {a.last}; {b.says} ({b.rows[0]['doc_id']}) between {b.first} and "
                f"{b.last}: both hold only for a birthday in the {1 - worst[0].days} days "
                "the two spans share, between the two reports."
            )
        elif a.clock == "calendar":
            why = (
                f"{a.says.capitalize()} ({a.rows[0]['doc_id']}) means born between {a.first} "
                f"and {a.last}; {b.says} ({b.rows[0]['doc_id']}) means born between {b.first} "
                f"and {b.last}; the two spans are {worst[0].days} days apart."
            )
        else:
            why = (
                f"Neither {a.rows[0]['doc_id']} nor {b.rows[0]['doc_id']} is dated, so both "
                f"ages are taken as of one day, and {person} cannot be {a.says} and {b.says} "
                "on the same day."
            )
        yield Finding(
            evidence=tuple(evidence(r) for r in (*a.rows, *b.rows)),
            message=f"{person}'s age does not fit: {a.says} against {b.says}.",
            explanation=why,
            suggestion=f"Check {person}'s date of birth and recompute the age.",
            topic=f"{person}'s age",
            sides=((str(a.rows[0]["doc_id"]), a.says), (str(b.rows[0]["doc_id"]), b.says)),
        )


CHECK = Check(
    code="N004",
    name="numeric.age_conflict",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("numeric", "cross-source"),
    defaults=MappingProxyType({"slack_days": 0, "min_overlap_days": 7}),
)
