"""The HTML page for a hand-built report: self-contained, escaped, linked, deterministic."""

from __future__ import annotations

import html
import re

import pandas as pd

from consistency import tables
from tests.report.conftest import PROBLEM, TEXT_A, TEXT_B, MakeReport, rendered

DOC_TEXT = re.compile(r'<div class="doc-text">(.*?)</div></article>', re.S)


def visible(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", fragment))


def test_same_report_same_bytes(make_report: MakeReport) -> None:
    assert rendered(make_report()) == rendered(make_report())


def test_page_is_self_contained(make_report: MakeReport) -> None:
    page = rendered(make_report())
    assert page.startswith("<!DOCTYPE html>")
    assert "<link" not in page
    assert not re.search(r"\b(src|action)=\"", page), "nothing is loaded"
    outside = re.findall(r"\bhref=\"(?!#)([^\"]*)\"", page)
    assert outside == ["https://example.org/a"], "only in-page links and the article's url"
    assert "default-src &#x27;none&#x27;" in page


def test_each_source_shows_its_full_text(make_report: MakeReport) -> None:
    page = rendered(make_report())
    assert [visible(t) for t in DOC_TEXT.findall(page)] == [TEXT_A, TEXT_B]


def test_markup_in_the_text_is_escaped(make_report: MakeReport) -> None:
    page = rendered(make_report())
    assert page.count("<script") == 1, "only the report's own script"
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;reconciles&gt;" in page


def test_every_in_page_link_has_a_target_and_ids_are_unique(make_report: MakeReport) -> None:
    page = rendered(make_report())
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    targets = set(re.findall(r'href="#([^"]+)"', page))
    assert targets and targets <= set(ids)


def test_flag_lists_severity_in_words_with_its_evidence(make_report: MakeReport) -> None:
    page = rendered(make_report())
    assert "<h3>Error (1)</h3>" in page
    assert '<span class="sev">Error</span>' in page
    assert "<strong>1</strong> error</li>" in page
    flag = re.search(r'<article class="flag sev-error".*?</article>', page, re.S)
    assert flag is not None
    links = re.findall(r'<a class="jump" href="#([^"]+)">(.*?)</a>', flag.group(0))
    assert [visible(text) for _, text in links] == ["Wire “$12 billion”", "Daily “$21 billion”"]
    for key, text in links:
        mark = re.search(rf'<mark class="evidence sev-error" id="{key}"[^>]*>(.*?)</mark>', page)
        assert mark is not None and visible(mark.group(1)) in visible(text)
    assert "Check both figures against the primary source." in page


def test_facts_carry_kind_id_and_normalized_value(make_report: MakeReport) -> None:
    page = rendered(make_report())
    assert 'title="money a:f001: exact 12,000,000,000 USD of export for 2021"' not in page
    assert 'title="money a:f001: 12,000,000,000 USD of export for 2021"' in page
    assert 'title="date b:f002: 2021 (2021-01-01 to 2021-12-31)"' in page
    assert 'class="fact fam-claim"' in page


def test_dropped_lines_are_marked_with_their_reason(make_report: MakeReport) -> None:
    page = rendered(make_report())
    line = re.search(r'<span class="dropped" title="dropped: related-link teaser"[^>]*>', page)
    assert line is not None and 'data-reason="related-link teaser"' in line.group(0)


def test_matrix_shows_the_conflict_first(make_report: MakeReport) -> None:
    page = rendered(make_report())
    matrix = page[page.index('<section class="matrix"') :]
    assert matrix.index("conflict (1)") < matrix.index("agree (1)")
    row = re.search(r'<tr class="rel-conflict">.*?</tr>', matrix, re.S)
    assert row is not None
    assert visible(row.group(0)) == "conflictmoney$12 billion$21 billion"


def test_no_flags_and_no_alignments(make_report: MakeReport) -> None:
    parts = make_report().tables
    parts["flags"] = tables.frame([], tables.FLAGS)
    parts["alignments"] = tables.frame([], tables.ALIGNMENTS)
    page = rendered(make_report(tables=parts))
    assert "No flags." in page
    assert '<section class="matrix"' not in page
    assert [visible(t) for t in DOC_TEXT.findall(page)] == [TEXT_A, TEXT_B]


def test_extract_run_without_flag_tables(make_report: MakeReport) -> None:
    parts = {k: v for k, v in make_report().tables.items() if k not in ("flags", "alignments")}
    page = rendered(make_report(command="extract", tables=parts, fail_on=None))
    assert "Not checked" in page
    assert "<strong>" not in page, "no severity counts for extract"


def test_documents_that_failed_to_load(make_report: MakeReport) -> None:
    page = rendered(make_report(problems=[PROBLEM]))
    assert "Input error E101" in page and "missing.txt" in page
    empty = {name: tables.frame([], schema) for name, schema in tables.SCHEMAS.items()}
    page = rendered(make_report(tables=empty, texts={}, problems=[PROBLEM]))
    assert "Input error E101" in page and "No flags." in page


def test_a_document_without_its_text(make_report: MakeReport) -> None:
    page = rendered(make_report(texts={"a": TEXT_A}))
    assert "The text of this document is not available." in page
    assert "Daily “$21 billion”" in visible(page), "evidence shown, not linked"


def test_shared_source_names_fall_back_to_doc_ids(make_report: MakeReport) -> None:
    parts = make_report().tables
    parts["documents"] = parts["documents"].assign(source=pd.array(["Wire", "Wire"], "string"))
    page = rendered(make_report(tables=parts))
    assert "a “$12 billion”" in visible(page) and "b “$21 billion”" in visible(page)


def test_fact_values_in_words() -> None:
    from consistency.report.html import fact_value

    assert (
        fact_value({"kind": "percent", "value": 30.5, "qualifier": "more_than", "unit": "percent"})
        == "more than 30.5 percent"
    )
    assert fact_value({"kind": "entity", "canonical": "Vladimir Putin", "object": "PERSON"}) == (
        "Vladimir Putin (PERSON)"
    )
    assert fact_value({"kind": "quote", "canonical": None}) == "said by unknown speaker"
    assert (
        fact_value(
            {"kind": "claim", "subject": "China", "predicate": "hold", "object": "exercises"}
        )
        == "China hold exercises"
    )
    assert (
        fact_value(
            {
                "kind": "date",
                "timex": "2022-02",
                "time_start": "2022-02-01",
                "time_end": "2022-02-09",
            }
        )
        == "2022-02 (2022-02-01 to 2022-02-09)"
    )
