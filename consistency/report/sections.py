"""Tables the terminal report shows besides the flags: fact matrix, coverage, draft support."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
from rich.table import Table
from rich.text import Text

from consistency.report.base import Report
from consistency.report.neutralize import terminal_text
from consistency.tables import records

RELATION_STYLE = {
    "agree": "green",
    "compatible": "cyan",
    "conflict": "bold red",
    "paraphrase": "yellow",
    "update": "blue",
}
RELATION_MARK = {"agree": "=", "compatible": "≈", "conflict": "≠", "paraphrase": "~", "update": "→"}
STATUS_STYLE = {"supported": "green", "conflict": "bold red", "unsupported": "yellow"}
MATRIX_KINDS = ("money", "percent", "quantity", "ordinal", "age", "date", "quote")
MAX_ROWS = 25


def plain(value: object, style: str = "") -> Text:
    """A cell of article-derived text: control sequences removed, never read as markup."""
    return Text(terminal_text("" if value is None else str(value)), style=style)


def _groups(alignments: pd.DataFrame) -> list[tuple[set[str], str]]:
    """Facts joined across sources (connected pairs), each with its worst relation."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    worst: dict[str, str] = {}
    order = ["agree", "paraphrase", "update", "compatible", "conflict"]
    pairs = [p for p in records(alignments) if p["other_fact_id"] and p["kind"] in MATRIX_KINDS]
    for pair in pairs:
        parent[root(pair["fact_id"])] = root(pair["other_fact_id"])
    members: dict[str, set[str]] = defaultdict(set)
    for pair in pairs:
        r = root(pair["fact_id"])
        members[r] |= {pair["fact_id"], pair["other_fact_id"]}
        if order.index(pair["relation"]) >= order.index(worst.get(r, "agree")):
            worst[r] = pair["relation"]
    return [(members[r], worst[r]) for r in sorted(members)]


def fact_matrix(report: Report) -> Table | None:
    """Facts × sources: what each source says of each joined fact, coloured by relation."""
    alignments = report.tables.get("alignments")
    if alignments is None or alignments.empty:
        return None
    groups = _groups(alignments)
    if not groups:
        return None
    facts = report.tables["facts"].set_index("fact_id")
    docs = list(report.tables["documents"]["doc_id"])
    table = Table(title=Text("Facts across sources"), title_justify="left")
    table.add_column("", no_wrap=True)
    for doc in docs:
        table.add_column(plain(doc), overflow="fold")
    ranked = sorted(groups, key=lambda g: (g[1] != "conflict", g[1] != "compatible"))
    for ids, rel in ranked[:MAX_ROWS]:
        cells = {str(facts.loc[i, "doc_id"]): str(facts.loc[i, "text"]) for i in ids}
        table.add_row(
            Text(f"{RELATION_MARK[rel]} {rel}", style=RELATION_STYLE[rel]),
            *(plain(cells.get(d, "—"), style="" if d in cells else "dim") for d in docs),
        )
    if len(ranked) > MAX_ROWS:
        table.caption = f"{len(ranked) - MAX_ROWS} more joined facts in alignments.csv"
    return table


def coverage(report: Report) -> Table | None:
    """How many checkable facts each source alone has, by kind."""
    alignments = report.tables.get("alignments")
    if alignments is None or alignments.empty:
        return None
    unique = alignments[alignments["relation"] == "unique"]
    if unique.empty:
        return None
    counts = unique.groupby(["doc_id", "kind"]).size().unstack(fill_value=0)
    table = Table(
        title=Text("Only in one source (facts no other source has)"), title_justify="left"
    )
    table.add_column("doc", no_wrap=True)
    for kind in counts.columns:
        table.add_column(str(kind), justify="right")
    for doc, row in counts.iterrows():
        table.add_row(plain(doc), *(Text(str(int(n))) for n in row))
    return table


def support(report: Report) -> Table | None:
    """Draft mode: each checkable fact of the draft and its support in the sources."""
    rows = report.tables.get("support")
    if rows is None:
        return None
    table = Table(title=Text("Draft against its sources"), title_justify="left")
    for column in ("status", "kind", "draft says", "sources"):
        table.add_column(column, overflow="fold")
    for row in records(rows):
        table.add_row(
            Text(row["status"], style=STATUS_STYLE[row["status"]]),
            plain(row["kind"]),
            plain(row["text"]),
            plain(row["sources"] or "—"),
        )
    return table
