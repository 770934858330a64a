"""Pictures for the HTML report, as inline SVG: no script, no request, styled by the page.

A story's timeline (one row per source, each date it gives, disputed ones marked)
and small dot plots of a figure across sources (the odd one out marked). Marks link
to their fact in the page (``href="#KEY"``); each has a tooltip in words.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Final

from consistency.lang.calendar import MONTHS
from consistency.report.view import Timeline, ValuePlot

LABEL_W: Final = 150
ROW_H: Final = 26
AXIS_H: Final = 30
PAD: Final = 16
PLOT_LABEL_W: Final = 110
DOT_ROW_H: Final = 20
#: Month number → its three-letter name, from the calendar's word list.
MONTH_ABBR: Final = {n: w.capitalize() for w, n in MONTHS.items() if len(w) == 3}

Escape = Callable[[object], str]


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _day_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """About six ticks: days for a short span, first days of months for a long one."""
    span = (last - first).days
    if span > 90:
        step = max(1, math.ceil(span / 30 / 6))
        ticks, month = [], date(first.year, first.month, 1)
        while month <= last:
            if month >= first:
                ticks.append((month, f"{MONTH_ABBR.get(month.month, month.month)} {month.year}"))
            y, m = divmod(month.month - 1 + step, 12)
            month = date(month.year + y, m + 1, 1)
        return ticks
    step = max(1, math.ceil((span + 1) / 6))
    days = [first + timedelta(days=n) for n in range(0, span + 1, step)]
    return [(day, f"{day.day} {MONTH_ABBR.get(day.month, day.month)}") for day in days]


def timeline_svg(
    line: Timeline, labels: Mapping[str, str], keys: Mapping[str, str], esc: Escape, *,
    width: int = 760,
) -> str:  # fmt: skip
    """One row per source; a dot per day, a bar per week or month; disputed dates ringed."""
    first, last = line.first, line.last
    span = max(1, (last - first).days + 1)
    plot_w = width - LABEL_W - PAD

    def x(day: date) -> float:
        return LABEL_W + (day - first).days / span * plot_w

    height = AXIS_H + ROW_H * len(line.rows) + 4
    out = [
        f'<svg class="timeline" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>Dates each source gives, {first} to {last}</title>",
    ]
    for day, text in _day_ticks(first, last):
        tx = x(day)
        out.append(
            f'<line class="tick" x1="{tx:.1f}" x2="{tx:.1f}" y1="{AXIS_H - 6}" y2="{height}"/>'
            f'<text class="axis" x="{tx:.1f}" y="{AXIS_H - 10}">{esc(text)}</text>'
        )
    for n, (doc_id, marks) in enumerate(line.rows):
        y = AXIS_H + ROW_H * n + ROW_H / 2
        out.append(
            f'<line class="row" x1="{LABEL_W}" x2="{width - PAD}" y1="{y}" y2="{y}"/>'
            f'<text class="label" x="{LABEL_W - 8}" y="{y + 4}">'
            f"{esc(_short(labels.get(doc_id, doc_id), 22))}</text>"
        )
        for mark in marks:
            cls = "mark disputed" if mark.disputed else "mark"
            when = str(mark.start) if mark.start == mark.end else f"{mark.start} to {mark.end}"
            tip = f"{labels.get(doc_id, doc_id)}: “{mark.text}” = {when}"
            tip += " (disputed)" if mark.disputed else ""
            if mark.start == mark.end:
                shape = f'<circle class="{cls}" cx="{x(mark.start):.1f}" cy="{y}" r="5"/>'
            else:
                x0, x1 = x(mark.start), x(mark.end + timedelta(days=1))
                shape = (
                    f'<rect class="{cls}" x="{x0:.1f}" y="{y - 5}" width="{max(4, x1 - x0):.1f}"'
                    ' height="10" rx="4"/>'
                )
            out.append(
                f'<a class="jump" href="#{esc(keys[mark.fact_id])}"><title>{esc(tip)}</title>'
                f"{shape}</a>"
            )
    out.append("</svg>")
    return "".join(out)


def _number(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}"


def dot_plot_svg(
    plot: ValuePlot, labels: Mapping[str, str], keys: Mapping[str, str], esc: Escape, *,
    width: int = 340,
) -> str:  # fmt: skip
    """One row per source: its value as a dot, the range its qualifier allows as a line."""
    finite = [v for d in plot.dots for v in (d.value, d.low, d.high) if math.isfinite(v)]
    low, high = min(finite), max(finite)
    pad = (high - low) * 0.08 or max(1.0, abs(low) * 0.1)
    low, high = low - pad, high + pad
    plot_w = width - PLOT_LABEL_W - PAD

    def x(value: float) -> float:
        value = min(max(value, low), high)
        return PLOT_LABEL_W + (value - low) / (high - low) * plot_w

    height = DOT_ROW_H * len(plot.dots) + AXIS_H
    title = f"{plot.thing}" + (f" ({plot.unit})" if plot.unit else "")
    out = [
        f'<svg class="dots" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{esc(title)}: {esc(plot.relation)}</title>",
    ]
    for n, dot in enumerate(plot.dots):
        y = 10 + DOT_ROW_H * n
        label = labels.get(dot.doc_id, dot.doc_id)
        out.append(
            f'<line class="row" x1="{PLOT_LABEL_W}" x2="{width - PAD}" y1="{y}" y2="{y}"/>'
            f'<text class="label" x="{PLOT_LABEL_W - 6}" y="{y + 4}">{esc(_short(label, 16))}'
            "</text>"
        )
        if dot.low != dot.high:
            out.append(
                f'<line class="range" x1="{x(dot.low):.1f}" x2="{x(dot.high):.1f}" '
                f'y1="{y}" y2="{y}"/>'
            )
        cls = "dot odd" if dot.odd else "dot"
        tip = f"{label}: “{dot.text}” = {_number(dot.value)}" + (
            " (the odd one out)" if dot.odd else ""
        )
        out.append(
            f'<a class="jump" href="#{esc(keys[dot.fact_id])}"><title>{esc(tip)}</title>'
            f'<circle class="{cls}" cx="{x(dot.value):.1f}" cy="{y}" r="5"/></a>'
        )
    axis_y = DOT_ROW_H * len(plot.dots) + 14
    for value, anchor in ((low + pad, "start"), (high - pad, "end")):
        out.append(
            f'<text class="axis" x="{x(value):.1f}" y="{axis_y}" text-anchor="{anchor}">'
            f"{esc(_number(value))}</text>"
        )
    out.append("</svg>")
    return "".join(out)
