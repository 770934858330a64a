"""The HTML report of a run as pages: an index of its stories, and one page per story.

A run of one story is that story's page alone (``report.html``). A run of several is
``report.html``, the index (each story with its sources and finding counts, worst
first, and its first findings), and ``story-SLUG.html`` beside it, one
self-contained page per story (see :mod:`consistency.report.html`). The size of
what a reader opens grows with the stories opened, not with the run.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final, TextIO

import pandas as pd

from consistency.report import html, view
from consistency.report.base import Report
from consistency.report.markup import esc
from consistency.report.view import SEVERITIES, RunView, StoryView

INDEX: Final = "report.html"
#: A story page is named STORY_PREFIX + the story's slug + ".html", beside the index.
STORY_PREFIX: Final = "story-"
#: Findings quoted per story on the index.
FIRST_FINDINGS: Final = 3


def story_path(story: StoryView) -> str:
    return f"{STORY_PREFIX}{story.slug}.html"


def story_report(report: Report, story: StoryView) -> Report:
    """The report restricted to one story's sources, facts, flags and support."""
    doc_ids = set(story.doc_ids)
    tables: dict[str, pd.DataFrame] = {}
    for name, df in report.tables.items():
        if name == "flags":
            df = pd.concat([story.flags, story.between_sources]).reset_index(drop=True)
            df = df.astype(report.tables["flags"].dtypes.to_dict())
        elif name == "alignments" or "doc_id" in df.columns:
            df = df[df["doc_id"].astype(str).isin(doc_ids)]
        tables[name] = df.reset_index(drop=True)
    return replace(
        report,
        tables=tables,
        texts={d: t for d, t in report.texts.items() if d in doc_ids},
        problems=[],
        hidden_by_baseline=0,
    )


def _counts(counts: dict[str, int]) -> str:
    return "".join(f'<td class="num sev-{s}">{counts.get(s, 0) or ""}</td>' for s in SEVERITIES)


def index_page(report: Report, run: RunView) -> str:
    """Every story with its sources and findings, worst first, each linking to its page."""
    n_docs = run.n_documents
    title = f"consistency {report.command}: {len(run.stories)} stories, {n_docs} sources"
    checks = ", ".join(f"{c.code} {c.count}" for c in run.by_check)
    out = [*html.head(title), "<body>", '<header class="summary">', f"<h1>{esc(title)}</h1>"]
    out += html.run_notes(report, run.counts, run.hidden_by_show)
    if checks and report.command == "check":
        out.append(f'<p class="quiet">By check: {esc(checks)}</p>')
    out.append("</header>")
    rows = []
    for story in run.stories:
        labels = [str(s) for s in story.documents["source"].fillna(story.documents["doc_id"])]
        first = pd.concat([story.flags, story.between_sources]).head(FIRST_FINDINGS)
        findings = "".join(
            f'<li class="sev-{esc(f.severity)}"><code>{esc(f.code)}</code> {esc(f.message)}</li>'
            for f in first.itertuples(index=False)
        )
        rows.append(
            f'<tr><th scope="row"><a href="{esc(story_path(story))}">{esc(story.label)}</a></th>'
            f"<td>{esc(', '.join(labels))}</td>{_counts(story.counts)}"
            f'<td><ul class="first-findings">{findings}</ul></td></tr>'
        )
    head = "".join(f'<th class="num">{s}</th>' for s in SEVERITIES)
    out += [
        '<main class="index">',
        '<table class="stories-table"><caption>Stories, the worst first</caption>',
        f"<thead><tr><th>Story</th><th>Sources</th>{head}<th>First findings</th></tr></thead>",
        f"<tbody>{''.join(rows)}</tbody></table>",
        "</main>",
        '<footer class="quiet">',
        f"<p>Audit files: <code>{esc(report.out_dir)}</code></p>" if report.out_dir else "",
        "<p>Written by consistency. Each story opens on a page of its own.</p>",
        "</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


def pages(report: Report) -> dict[str, str]:
    """Relative path → page: the index and the story pages, or one page for one story."""
    run = view.build(report)
    if len(run.stories) <= 1:
        return {INDEX: html.document(report)}
    out = {INDEX: index_page(report, run)}
    for story in run.stories:
        title = f"{story.label}: {len(story.documents)} sources"
        out[story_path(story)] = html.document(
            story_report(report, story), title=title, index_href=INDEX, story=story
        )
    return out


def render(report: Report, stream: TextIO) -> None:
    """``--format html``: the page of a one-story run, else the index (its story pages are
    written next to it, in the run directory)."""
    run = view.build(report)
    stream.write(html.document(report) if len(run.stories) <= 1 else index_page(report, run))
