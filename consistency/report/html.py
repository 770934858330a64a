"""The HTML page of a story (or of a whole small run): self-contained, inline CSS and JS,
no requests.

A summary, in draft mode the draft's problems, the flags grouped by severity with
links to their evidence beside the sources in full (facts, dropped lines and
evidence marked), pictures (the story's timeline, dot plots of the figures the
sources give), the facts joined across sources and what each source alone says.
The same report gives the same bytes. :mod:`consistency.report.html_site` splits a
run into an index and one such page per story.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final, TextIO

import pandas as pd

from consistency.report import svg, view
from consistency.report.base import Report
from consistency.report.markup import Span, content_security_policy, esc, segments, web_link
from consistency.report.view import SEVERITIES, StoryView, relation_rank, severity_rank, table_rows

Row = Mapping[str, Any]

SEVERITY_WORD: Final = {"error": "Error", "warning": "Warning", "info": "Info"}
#: Fact kinds grouped into the highlight families of the legend.
FAMILIES: Final = {
    "time": ("date", "duration"),
    "figure": ("money", "percent", "quantity", "ordinal", "age"),
    "entity": ("entity",),
    "quote": ("quote",),
    "claim": ("claim",),
}
FAMILY_WORD: Final = {
    "time": "dates",
    "figure": "figures",
    "entity": "names",
    "quote": "quotes",
    "claim": "claims",
}
QUALIFIER_WORD: Final = {
    "approx": "about",
    "more_than": "more than",
    "at_least": "at least",
    "less_than": "less than",
    "up_to": "up to",
}
#: Families not highlighted until the reader ticks them in the legend (claims are long).
HIDDEN_FAMILIES: Final = ("claim",)
EXCERPT_CHARS: Final = 70


# --- reading the tables --------------------------------------------------------------


def _rows(report: Report, name: str) -> list[dict[str, Any]]:
    df = report.tables.get(name)
    if df is None or df.empty:
        return []
    return table_rows(df)


def _number(value: float) -> str:
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def fact_value(fact: Row) -> str:
    """The normalized value of a fact, in words, for its tooltip."""
    kind = fact.get("kind")
    parts: list[str] = []
    if kind in FAMILIES["time"]:
        parts.append(fact.get("timex") or "")
        start, end = fact.get("time_start"), fact.get("time_end")
        if start:
            parts.append(f"({start})" if start == end else f"({start} to {end})")
    elif fact.get("value") is not None and not pd.isna(fact["value"]):
        qualifier = QUALIFIER_WORD.get(fact.get("qualifier") or "", "")
        parts += [qualifier, _number(float(fact["value"])), fact.get("unit") or ""]
        if fact.get("object"):
            parts.append(f"of {fact['object']}")
        if fact.get("period"):
            parts.append(f"for {fact['period']}")
    elif kind == "entity":
        parts += [fact.get("canonical") or "", f"({fact['object']})" if fact.get("object") else ""]
    elif kind == "quote":
        parts.append(f"said by {fact.get('canonical') or 'unknown speaker'}")
    else:
        parts += [fact.get(c) or "" for c in ("subject", "predicate", "object")]
    return " ".join(p for p in parts if p)


def _excerpt(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


@dataclass(frozen=True)
class Evidence:
    """One evidence span, shared by every flag that points at it."""

    key: str
    doc_id: str
    start: int
    end: int
    surface: str
    flags: tuple[int, ...]


@dataclass
class Page:
    """The report's tables, indexed for rendering: stable DOM ids for everything linked."""

    report: Report
    documents: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    flags: list[dict[str, Any]]
    fact_key: dict[str, str]
    evidence: dict[tuple[str, int, int], Evidence]
    flag_evidence: list[list[tuple[str, int, int]]]
    #: The report seen as one story (all its sources): clusters, coverage, support.
    story: StoryView
    #: Dropped lines by document.
    dropped: dict[str, list[dict[str, Any]]]

    @classmethod
    def build(cls, report: Report, story: StoryView | None = None) -> Page:
        """The page of ``report``; ``story`` is its view when already built (else all the
        report's sources are seen as one story)."""
        documents = _rows(report, "documents")
        facts = _rows(report, "facts")
        shown = report.shown_flags
        flags = list(table_rows(shown)) if not shown.empty else []
        flags.sort(key=lambda f: severity_rank(f.get("severity")))
        fact_key = {str(f["fact_id"]): f"fact-{i}" for i, f in enumerate(facts)}
        by_id = {str(f["fact_id"]): f for f in facts}
        doc_index = {str(d["doc_id"]): i for i, d in enumerate(documents)}
        users: dict[tuple[str, int, int], list[int]] = {}
        surfaces: dict[tuple[str, int, int], str] = {}
        flag_evidence: list[list[tuple[str, int, int]]] = []
        for n, flag in enumerate(flags):
            spans = _flag_spans(flag, by_id)
            flag_evidence.append(list(spans))
            for span, surface in spans.items():
                users.setdefault(span, []).append(n)
                surfaces.setdefault(span, surface)
        evidence = {
            span: Evidence(
                f"ev-{doc_index.get(span[0], 'x')}-{span[1]}-{span[2]}",
                *span,
                surfaces[span],
                tuple(flags_),
            )
            for span, flags_ in users.items()
        }
        dropped: dict[str, list[dict[str, Any]]] = {}
        for line in _rows(report, "dropped"):
            dropped.setdefault(str(line["doc_id"]), []).append(line)
        return cls(
            report,
            documents,
            facts,
            flags,
            fact_key,
            evidence,
            flag_evidence,
            story or _one_story(report),
            dropped,
        )

    def label(self, doc_id: str) -> str:
        """A short name for a document: its source when no other document shares it."""
        sources = [d.get("source") for d in self.documents]
        for doc in self.documents:
            if doc["doc_id"] == doc_id and doc.get("source") and sources.count(doc["source"]) == 1:
                return str(doc["source"])
        return doc_id


def _one_story(report: Report) -> StoryView:
    """All the report's sources as one story (a story page's report holds one already)."""
    return view.build(report, one_story=True).stories[0]


def _flag_spans(flag: Row, facts: Mapping[str, Row]) -> dict[tuple[str, int, int], str]:
    """The primary evidence, then each related fact, without repeats: span → surface."""
    spans: dict[tuple[str, int, int], str] = {}
    if flag.get("doc_id") and flag.get("char_start") is not None and flag.get("char_end"):
        primary = (str(flag["doc_id"]), int(flag["char_start"]), int(flag["char_end"]))
        spans[primary] = str(flag.get("text") or "")
    for item in str(flag.get("related") or "").split():
        fact = facts.get(item)
        if fact is not None:
            span = (str(fact["doc_id"]), int(fact["char_start"]), int(fact["char_end"]))
            spans.setdefault(span, str(fact["text"]))
    return spans


# --- the page ------------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 or word == "info" else f"{n} {word}s"


def _summary(page: Page, title: str, nav: str = "") -> str:
    report = page.report
    out = ['<header class="summary">', nav, f"<h1>{esc(title)}</h1>"]
    lede = [_plural(len(page.documents), "source"), _plural(len(page.facts), "fact")]
    out.append(f'<p class="lede">{esc(" · ".join(lede))}</p>')
    out += run_notes(report, report.severity_counts())
    if page.documents:
        out.append(_sources_table(page))
    out.append("</header>")
    return "\n".join(out)


def run_notes(report: Report, counts: Mapping[str, int], hidden_by_show: int = 0) -> list[str]:
    """Counts by severity, what is hidden, and the inputs that could not be read."""
    out = []
    if report.command == "check":
        items = "".join(
            f'<li class="count sev-{s}"><strong>{counts.get(s, 0)}</strong> '
            f"{esc(_plural(counts.get(s, 0), s).split(' ', 1)[1])}</li>"
            for s in SEVERITIES
        )
        out.append(f'<ul class="counts" aria-label="Flags by severity">{items}</ul>')
    if hidden_by_show:
        out.append(f'<p class="note">{hidden_by_show} finding(s) below {esc(report.show)}.</p>')
    if report.hidden_by_baseline:
        out.append(
            f'<p class="note">{report.hidden_by_baseline} flag(s) hidden by the baseline.</p>'
        )
    if report.problems:
        out.append('<section class="problems"><h2>Inputs that could not be read</h2><ul>')
        out += [
            f'<li><span class="tag">{"Input error" if p.is_error else "Note"} {esc(p.code)}'
            f"</span> <code>{esc(p.path)}</code>: {esc(p.message)}</li>"
            for p in report.problems
        ]
        out.append("</ul></section>")
    return out


def _sources_table(page: Page) -> str:
    facts: dict[str, int] = {}
    for fact in page.facts:
        facts[str(fact["doc_id"])] = facts.get(str(fact["doc_id"]), 0) + 1
    flags: dict[str, int] = {}
    for flag in page.flags:
        flags[str(flag["doc_id"])] = flags.get(str(flag["doc_id"]), 0) + 1
    numeric = ("Sentences", "Facts", "Dropped", "Flags")
    head = "".join(f"<th>{h}</th>" for h in ("Source", "Title", "Anchor date", "Anchor basis"))
    head += "".join(f'<th class="num">{h}</th>' for h in numeric)
    rows = []
    for n, doc in enumerate(page.documents):
        doc_id = str(doc["doc_id"])
        basis = esc(doc.get("anchor_basis") or "unknown")
        if doc.get("anchor_evidence"):
            basis += f' <span class="quiet">({esc(doc["anchor_evidence"])})</span>'
        cells = [
            f'<a href="#doc-{n}">{esc(page.label(doc_id))}</a>'
            + (
                f' <span class="quiet">{esc(doc_id)}</span>' if page.label(doc_id) != doc_id else ""
            ),
            esc(doc.get("title") or ""),
            f'<span class="date">{esc(doc.get("anchor_date") or "none")}</span>',
            basis,
        ]
        nums = [
            doc.get("n_sentences"),
            facts.get(doc_id, 0),
            doc.get("n_dropped_lines"),
            flags.get(doc_id, 0),
        ]
        rows.append(
            "<tr>"
            + "".join(f"<td>{c}</td>" for c in cells)
            + "".join(f'<td class="num">{esc(v)}</td>' for v in nums)
            + "</tr>"
        )
    return (
        '<table class="sources-table"><caption>Sources</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _workspace(page: Page) -> str:
    return "\n".join(
        [
            '<main class="workspace">',
            '<aside class="flags" aria-labelledby="flags-heading">',
            '<h2 id="flags-heading">Flags</h2>',
            _flag_list(page),
            "</aside>",
            '<section class="sources" aria-label="Sources side by side">',
            _legend(),
            '<div class="columns">',
            *(_column(page, n, doc) for n, doc in enumerate(page.documents)),
            "</div>",
            "</section>",
            "</main>",
        ]
    )


def _flag_list(page: Page) -> str:
    if page.report.command != "check":
        return '<p class="none">Not checked: this run only extracted facts.</p>'
    if not page.flags:
        return '<p class="none">No flags.</p>'
    out: list[str] = []
    groups = [*SEVERITIES, *sorted({str(f["severity"]) for f in page.flags} - set(SEVERITIES))]
    for severity in groups:
        members = [n for n, f in enumerate(page.flags) if f["severity"] == severity]
        if not members:
            continue
        word = SEVERITY_WORD.get(severity, severity.capitalize())
        out.append(f'<section class="sev-group sev-{esc(severity)}">')
        out.append(f"<h3>{esc(word)} ({len(members)})</h3>")
        out += [_flag(page, n) for n in members]
        out.append("</section>")
    return "\n".join(out)


def _flag(page: Page, n: int) -> str:
    flag = page.flags[n]
    severity = str(flag["severity"])
    word = SEVERITY_WORD.get(severity, severity.capitalize())
    links = []
    for span in page.flag_evidence[n]:
        ev = page.evidence[span]
        text = page.report.texts.get(span[0])
        surface = esc(_excerpt(text[span[1] : span[2]] if text else ev.surface))
        body = f'<span class="doc-label">{esc(page.label(span[0]))}</span> “{surface}”'
        links.append(
            f'<li><a class="jump" href="#{ev.key}">{body}</a></li>' if text else f"<li>{body}</li>"
        )
    why = f"<dt>Why</dt><dd>{esc(flag.get('explanation'))}</dd>" if flag.get("explanation") else ""
    fix = (
        f"<dt>Suggestion</dt><dd>{esc(flag.get('suggestion'))}</dd>"
        if flag.get("suggestion")
        else ""
    )
    return (
        f'<article class="flag sev-{esc(severity)}" id="flag-{n}" data-key="flag-{n}">'
        f'<p class="flag-head"><span class="sev">{esc(word)}</span> '
        f"<code>{esc(flag.get('code'))}</code> "
        f'<span class="quiet">{esc(flag.get("name"))}</span></p>'
        f'<p class="msg">{esc(flag.get("message"))}</p>'
        f'<ul class="evidence-links" aria-label="Evidence">{"".join(links)}</ul>'
        f"<dl>{why}{fix}</dl></article>"
    )


def _legend() -> str:
    boxes = "".join(
        f'<label class="fam-{fam}"><input type="checkbox" id="show-{fam}"'
        f"{'' if fam in HIDDEN_FAMILIES else ' checked'}> "
        f'<span class="swatch fact fam-{fam}">{word}</span></label>'
        for fam, word in FAMILY_WORD.items()
    )
    marks = "".join(
        f'<span class="swatch evidence sev-{s}">{SEVERITY_WORD[s].lower()} evidence</span>'
        for s in SEVERITIES
    )
    return (
        f'<div class="legend"><span class="legend-title">Show</span>{boxes}'
        f'<span class="legend-sep"></span>{marks}'
        '<span class="swatch dropped-swatch">dropped line</span></div>'
    )


def _column(page: Page, n: int, doc: Row) -> str:
    doc_id = str(doc["doc_id"])
    text = page.report.texts.get(doc_id)
    anchor = doc.get("anchor_date") or "none"
    meta = [doc_id, f"anchor {anchor} ({doc.get('anchor_basis') or 'unknown'})"]
    if doc.get("published"):
        meta.append(f"published {doc['published']}")
    head = [f"<h2>{esc(page.label(doc_id))}</h2>"]
    if doc.get("title"):
        head.append(f'<p class="doc-title">{esc(doc["title"])}</p>')
    head.append(f'<p class="quiet">{esc(" · ".join(meta))}</p>')
    if doc.get("url"):
        head.append(f'<p class="quiet url">{web_link(doc["url"])}</p>')
    body = (
        "".join(segments(text, _doc_spans(page, doc_id)))
        if text is not None
        else '<span class="none">The text of this document is not available.</span>'
    )
    return (
        f'<article class="source" id="doc-{n}" aria-label="{esc(page.label(doc_id))}">'
        f'<header>{"".join(head)}</header><div class="doc-text">{body}</div></article>'
    )


def _doc_spans(page: Page, doc_id: str) -> list[Span]:
    """Dropped lines, then evidence, then facts: on equal ranges the earlier encloses."""
    spans = [
        Span(
            int(d["char_start"]),
            int(d["char_end"]),
            "dropped",
            f"dropped: {d['reason']}",
            data=(("reason", str(d["reason"])),),
        )
        for d in page.dropped.get(doc_id, [])
    ]
    for ev in page.evidence.values():
        if ev.doc_id != doc_id:
            continue
        flags = [page.flags[n] for n in ev.flags]
        worst = min((str(f["severity"]) for f in flags), key=severity_rank)
        title = " | ".join(
            f"{SEVERITY_WORD.get(str(f['severity']), f['severity'])} {f['code']}: {f['message']}"
            for f in flags
        )
        data = (("flag", f"flag-{ev.flags[0]}"),)
        spans.append(Span(ev.start, ev.end, f"evidence sev-{worst}", title, ev.key, data, "mark"))
    for fact in page.facts:
        if fact["doc_id"] != doc_id:
            continue
        kind = str(fact["kind"])
        family = next((f for f, kinds in FAMILIES.items() if kind in kinds), "claim")
        title = f"{kind} {fact['fact_id']}: {fact_value(fact)}".rstrip(": ")
        key = page.fact_key[str(fact["fact_id"])]
        spans.append(
            Span(int(fact["char_start"]), int(fact["char_end"]), f"fact fam-{family}", title, key)
        )
    return spans


def _matrix(page: Page) -> str:
    """Facts the join matched, one table per relation, worst first."""
    if not page.story.clusters:
        return ""
    facts = {str(f["fact_id"]): f for f in page.facts}
    rows: dict[str, dict[tuple[str, ...], list[str]]] = {}
    for cluster in page.story.clusters:
        known = [facts[m] for m in cluster.fact_ids if m in facts]
        cells = _matrix_cells(page, known, cluster.fact_relation)
        rows.setdefault(cluster.relation, {}).setdefault(cells, []).append(cluster.fact_ids[0])
    out = [
        '<section class="matrix" id="matrix" aria-labelledby="matrix-heading">',
        '<h2 id="matrix-heading">Facts across sources</h2>',
        '<p class="quiet">Facts the join matched across sources, one group per relation; '
        "a row shows the worst relation among its facts (×N: that many rows alike).</p>",
    ]
    head = "".join(f"<th>{esc(page.label(str(d['doc_id'])))}</th>" for d in page.documents)
    for rel in sorted(rows, key=relation_rank):
        body = []
        for cells, firsts in rows[rel].items():
            count = f' <span class="quiet">×{len(firsts)}</span>' if len(firsts) > 1 else ""
            body.append(
                f'<tr class="rel-{esc(rel)}"><th scope="row" class="relation">{esc(rel)}{count}'
                f"</th>{''.join(cells)}</tr>"
            )
        is_open = "" if rel in ("agree", "unique") else " open"
        n = sum(len(f) for f in rows[rel].values())
        out.append(
            f'<details class="rel-group"{is_open}><summary>{esc(rel)} ({n})</summary>'
            f"<table><thead><tr><th>Relation</th><th>Kind</th>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></details>"
        )
    out.append("</section>")
    return "\n".join(out)


def _matrix_cells(page: Page, known: Sequence[Row], relation: Mapping[str, str]) -> tuple[str, ...]:
    kind = str(known[0]["kind"]) if known else "?"
    cells = [f"<td>{esc(kind)}</td>"]
    for doc in page.documents:
        mine = [f for f in known if f["doc_id"] == doc["doc_id"]]
        if not mine:
            cells.append('<td class="empty">—</td>')
            continue
        cell_rel = min((relation[str(f["fact_id"])] for f in mine), key=relation_rank)
        texts: dict[str, list[Row]] = {}
        for f in mine:
            texts.setdefault(_excerpt(f["text"]), []).append(f)
        links = [
            f'<a class="jump" href="#{page.fact_key[str(same[0]["fact_id"])]}" '
            f'title="{esc(fact_value(same[0]))}">{esc(t)}</a>'
            + (f' <span class="quiet">×{len(same)}</span>' if len(same) > 1 else "")
            for t, same in texts.items()
        ]
        cells.append(f'<td class="rel-{esc(cell_rel)}">{"<br>".join(links)}</td>')
    return tuple(cells)


STATUS_WORD: Final = {
    "conflict": "contradicted by a source",
    "unsupported": "in no source",
    "supported": "supported",
}


def _draft_view(page: Page) -> str:
    """Draft mode: each checkable fact of the draft and its support, problems first."""
    support = page.story.support
    if support is None or support.empty:
        return ""
    counts = support["status"].value_counts()
    lede = " · ".join(f"{int(counts.get(s, 0))} {STATUS_WORD[s]}" for s in STATUS_WORD)
    rows = []
    for row in table_rows(support):
        status = str(row["status"])
        key = page.fact_key.get(str(row["fact_id"]))
        said = esc(_excerpt(row["text"]))
        said = f'<a class="jump" href="#{key}">{said}</a>' if key else said
        theirs = [
            f'<a class="jump" href="#{page.fact_key[f]}">{esc(page.label(f.rpartition(":")[0]))}'
            "</a>"
            for f in str(row.get("source_fact_ids") or "").split()
            if f in page.fact_key
        ]
        rows.append(
            f'<tr class="status-{esc(status)}">'
            f'<td class="status">{esc(STATUS_WORD.get(status, status))}</td>'
            f"<td>{esc(row['kind'])}</td><td>{said}</td>"
            f"<td>{', '.join(theirs) or '—'}</td></tr>"
        )
    return (
        '<section class="draft-view" id="draft" aria-labelledby="draft-heading">'
        '<h2 id="draft-heading">The draft against its sources</h2>'
        f'<p class="quiet">{esc(lede)}. Problems first; each links to the draft\'s words and '
        "to the sources that state it.</p>"
        "<table><thead><tr><th>Status</th><th>Kind</th><th>The draft says</th>"
        f"<th>Sources</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def _pictures(page: Page) -> str:
    """The story's timeline and a dot plot per figure the sources give differently."""
    facts = page.report.tables.get("facts")
    if facts is None or facts.empty:
        return ""
    labels = {str(d["doc_id"]): page.label(str(d["doc_id"])) for d in page.documents}
    out = []
    line = view.timeline(page.story, facts)
    if line is not None:
        note = (
            f'<p class="quiet">{line.left_out} date(s) far from the others are left out.</p>'
            if line.left_out
            else ""
        )
        out.append(
            '<section class="picture" id="timeline"><h2>Timeline</h2>'
            '<p class="quiet">Dates each source gives (a dot per day, a bar per week or '
            "month); ringed in red: disputed by the join or evidence of a finding.</p>"
            f"{svg.timeline_svg(line, labels, page.fact_key, esc)}{note}</section>"
        )
    plots = view.value_plots(page.story, facts)
    if plots:
        items = "".join(
            f"<figure><figcaption>{esc(p.thing)}"
            + (f' <span class="quiet">{esc(p.unit)}</span>' if p.unit else "")
            + f' <span class="rel-{esc(p.relation)}">{esc(p.relation)}</span></figcaption>'
            f"{svg.dot_plot_svg(p, labels, page.fact_key, esc)}</figure>"
            for p in plots
        )
        out.append(
            '<section class="picture" id="figures"><h2>Figures across sources</h2>'
            '<p class="quiet">Each figure the join compared and found not equal, one dot per '
            "source (a line: the range its wording allows); ringed in red: the odd one out."
            f'</p><div class="plots">{items}</div></section>'
        )
    return "\n".join(out)


def _coverage(page: Page) -> str:
    """What each source alone says: counts by kind, sources as columns, then the list."""
    counts = page.story.coverage()
    if counts.empty:
        return ""
    docs = list(counts.columns)
    head = "".join(f"<th>{esc(page.label(d))}</th>" for d in docs)
    body = "".join(
        f'<tr><th scope="row">{esc(kind)}</th>'
        + "".join(f'<td class="num">{int(n) or "·"}</td>' for n in row)
        + "</tr>"
        for kind, row in counts.iterrows()
    )
    lists = []
    unique = page.story.unique_facts
    by_doc: dict[str, list[str]] = {}
    for fact_id, doc_id, kind, text in zip(
        unique["fact_id"], unique["doc_id"], unique["kind"], unique["text"], strict=True
    ):
        if str(fact_id) in page.fact_key:
            by_doc.setdefault(str(doc_id), []).append(
                f'<li><span class="quiet">{esc(kind)}</span> <a class="jump" '
                f'href="#{page.fact_key[str(fact_id)]}">{esc(_excerpt(str(text)))}</a></li>'
            )
    for doc in docs:
        if by_doc.get(doc):
            lists.append(
                f"<details><summary>{esc(page.label(doc))} ({len(by_doc[doc])})</summary>"
                f"<ul>{''.join(by_doc[doc])}</ul></details>"
            )
    return (
        '<section class="coverage" id="coverage"><h2>Only in one source</h2>'
        '<p class="quiet">Checkable facts no other source of the story has, by kind.</p>'
        f"<table><thead><tr><th>Kind</th>{head}</tr></thead><tbody>{body}</tbody></table>"
        f"{''.join(lists)}</section>"
    )


#: The sections a page's navigation links to, by the id each opens with.
SECTIONS: Final = (
    ("draft", "The draft"),
    ("flags-heading", "Findings"),
    ("timeline", "Timeline"),
    ("figures", "Figures"),
    ("matrix", "Facts across sources"),
    ("coverage", "Only in one source"),
)


def _nav(parts: Iterable[str], index_href: str | None) -> str:
    """Links to the page's sections that are there, and back to the index."""
    html_ = "".join(parts)
    links = [f'<a href="{esc(index_href)}">All stories</a>'] if index_href else []
    links += [f'<a href="#{key}">{word}</a>' for key, word in SECTIONS if f'id="{key}"' in html_]
    return f'<nav class="page-nav">{" · ".join(links)}</nav>'


def _footer(page: Page) -> str:
    out = ['<footer class="quiet">']
    if page.report.out_dir is not None:
        out.append(f"<p>Audit files: <code>{esc(page.report.out_dir)}</code></p>")
    out.append("<p>Written by consistency. Hover a highlight for its fact id and value.</p>")
    out.append("</footer>")
    return "\n".join(out)


def _asset(name: str) -> str:
    return (resources.files("consistency.report") / "html_assets" / name).read_text("utf-8")


def _script() -> str:
    return f"\n{_asset('report.js')}"


def head(title: str) -> list[str]:
    """The page's head: inline style, and a policy that lets nothing load or run but the
    page's own style and script."""
    style = f"\n{_asset('report.css')}"
    policy = content_security_policy(_script(), style)
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(policy)}">',
        f"<title>{esc(title)}</title>",
        f"<style>{style}</style>",
        "</head>",
    ]


def document(
    report: Report,
    *,
    title: str | None = None,
    index_href: str | None = None,
    story: StoryView | None = None,
) -> str:
    """The page of a report as one HTML document; ``index_href`` links back to the index,
    ``story`` is the report's view when already built."""
    page = Page.build(report, story)
    n_docs = len(page.documents)
    if title is None:
        title = f"consistency {report.command}: {n_docs} source{'s' if n_docs != 1 else ''}"
    body = [
        _draft_view(page),
        _workspace(page),
        _pictures(page),
        _matrix(page),
        _coverage(page),
    ]
    return "\n".join(
        [
            *head(title),
            "<body>",
            _summary(page, title, _nav(body, index_href)),
            *body,
            _footer(page),
            f"<script>{_script()}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )


def render(report: Report, stream: TextIO) -> None:
    """Write the report as one self-contained HTML page."""
    stream.write(document(report))


__all__ = ["Page", "Span", "document", "esc", "fact_value", "head", "render", "segments"]
