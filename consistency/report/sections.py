"""The tables of one story in the terminal report: sources, facts across sources,
coverage, and the draft's support. Sources are the columns wherever facts are compared.
"""

from __future__ import annotations

from typing import Final

import pandas as pd
from rich.table import Table
from rich.text import Text

from consistency.report.neutralize import terminal_text
from consistency.report.view import RELATION_MARK, VALUE_KINDS, StoryView, table_rows

RELATION_STYLE: Final = {
    "agree": "green",
    "compatible": "cyan",
    "conflict": "bold red",
    "paraphrase": "yellow",
    "update": "blue",
}
STATUS_STYLE: Final = {"supported": "green", "conflict": "bold red", "unsupported": "yellow"}
MAX_ROWS: Final = 25
SHORT: Final = 48


def plain(value: object, style: str = "") -> Text:
    """A cell of article-derived text: control sequences removed, never read as markup."""
    return Text(terminal_text("" if value is None else str(value)), style=style)


def _value(x: object) -> str:
    return "" if x is None or pd.isna(x) else terminal_text(str(x))


def _short(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def sources(story: StoryView) -> Table:
    """One row per source: its anchor date and where it was read from."""
    table = Table(title=Text("Sources"), title_justify="left", expand=False)
    table.add_column("doc", overflow="fold")
    table.add_column("anchor", no_wrap=True)
    table.add_column("from", overflow="fold", ratio=1)
    table.add_column("sent.", justify="right")
    table.add_column("dropped", justify="right")
    for row in story.documents.itertuples(index=False):
        source = _value(row.source)
        doc_id = _value(row.doc_id)
        cells = (
            doc_id + (f" ({source})" if source and source != doc_id else ""),
            _value(row.anchor_date) or "—",
            _value(row.anchor_basis)
            + (f": {_short(_value(row.anchor_evidence))}" if _value(row.anchor_evidence) else ""),
            _value(row.n_sentences),
            _value(row.n_dropped_lines),
        )
        table.add_row(*(Text(cell) for cell in cells))
    return table


def fact_matrix(story: StoryView, facts: pd.DataFrame) -> Table | None:
    """Joined facts × the story's sources, worst relation first."""
    rows = [
        c
        for c in story.clusters
        if c.relation != "unique" and len(c.fact_ids) > 1 and c.relation in RELATION_STYLE
    ]
    by_id = facts.set_index("fact_id")
    rows = [c for c in rows if str(by_id.loc[c.fact_ids[0], "kind"]) in VALUE_KINDS]
    if not rows:
        return None
    docs = story.doc_ids
    table = Table(title=Text("Facts across sources"), title_justify="left")
    table.add_column("", no_wrap=True)
    for doc in docs:
        table.add_column(plain(doc), overflow="fold")
    for cluster in rows[:MAX_ROWS]:
        cells: dict[str, list[str]] = {}
        for fact_id in cluster.fact_ids:
            fact = by_id.loc[fact_id]
            cells.setdefault(str(fact["doc_id"]), []).append(_short(str(fact["text"])))
        rel = cluster.relation
        table.add_row(
            Text(f"{RELATION_MARK[rel]} {rel}", style=RELATION_STYLE[rel]),
            *(
                plain(" / ".join(dict.fromkeys(cells[d])) if d in cells else "—",
                      style="" if d in cells else "dim")
                for d in docs
            ),
        )  # fmt: skip
    if len(rows) > MAX_ROWS:
        table.caption = f"{len(rows) - MAX_ROWS} more joined facts in alignments.csv"
    return table


def coverage(story: StoryView) -> Table | None:
    """How many checkable facts each source alone has, by kind."""
    counts = story.coverage()
    if counts.empty:
        return None
    table = Table(
        title=Text("Only in one source (facts no other source has)"), title_justify="left"
    )
    table.add_column("kind", no_wrap=True)
    for doc in counts.columns:
        table.add_column(plain(doc), justify="right", overflow="fold")
    for kind, row in counts.iterrows():
        table.add_row(plain(kind), *(Text(str(int(n)) if n else "·") for n in row))
    return table


def support(story: StoryView) -> Table | None:
    """Draft mode: each checkable fact of the draft and its support, problems first."""
    if story.support is None or story.support.empty:
        return None
    table = Table(title=Text("Draft against its sources"), title_justify="left")
    for column in ("status", "kind", "draft says", "sources"):
        table.add_column(column, overflow="fold")
    for row in table_rows(story.support):
        table.add_row(
            Text(row["status"], style=STATUS_STYLE[row["status"]]),
            plain(row["kind"]),
            plain(_short(row["text"], 80)),
            plain(row["sources"] or "—"),
        )
    return table
