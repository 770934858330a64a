"""Reporters behind one interface, looked up by format name."""

from __future__ import annotations

from typing import Final

from consistency.report import console, github, html_site, json_report
from consistency.report.base import Report, Reporter

REPORTERS: Final[dict[str, Reporter]] = {
    "rich": console.render,
    "json": json_report.render,
    "github": github.render,
    "html": html_site.render,
}

__all__ = ["REPORTERS", "Report", "Reporter", "reporter"]


def reporter(name: str) -> Reporter:
    try:
        return REPORTERS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r}; use " + ", ".join(REPORTERS)) from None
