"""A weekday written next to a date that falls on another day of the week.

"on Tuesday (4/4/2023)" is right, "on Monday (4/4/2023)" is not: 4 April 2023
was a Tuesday. One of the two is wrong, and a relative "Monday" elsewhere in
the article may be resolved against the wrong day.

Example: "The minister spoke on Friday, March 9, 2023" (9 March 2023 was a Thursday).
"""

from __future__ import annotations

import calendar
import sys
from collections.abc import Iterator
from datetime import date

from consistency.checks.base import Check, CheckContext, Finding, Options, Severity
from consistency.checks.facts import detail, evidence, rows


def find(ctx: CheckContext, options: Options) -> Iterator[Finding]:
    days = ctx.facts[(ctx.facts["kind"] == "date") & (ctx.facts["granularity"] == "day")]
    for fact in rows(days):
        written = detail(fact).get("weekday")
        if written is None or not fact["time_start"] or fact["time_start"] != fact["time_end"]:
            continue
        day = date.fromisoformat(fact["time_start"])
        if written == day.weekday():
            continue
        said = calendar.day_name[written]
        actual = calendar.day_name[day.weekday()]
        yield Finding(
            evidence=(evidence(fact),),
            message=f"The text says {said}, but {day:%-d %B %Y} was a {actual}.",
            explanation=(
                f"{fact['text']!r} resolves to {day.isoformat()}, a {actual}; the text names "
                f"it {said}. One of the two is wrong."
            ),
            suggestion=f"Check the date; if it is right, the day is {actual}.",
        )


CHECK = Check(
    code="T003",
    name="temporal.weekday_mismatch",
    severity=Severity.WARNING,
    find=find,
    module=sys.modules[__name__],
    groups=("temporal",),
)
