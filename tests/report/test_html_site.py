"""The HTML report of a run as pages: an index of stories, one page per story, pictures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consistency import pipeline
from consistency.report.html_site import pages
from tests.conftest import jsonl, report_of

DAY = "2023-05-08"
QUAKE = "The earthquake struck the province on {day}, and killed {n} people, officials said."
RUN = [
    {"id": "quake-wire", "story": "quake", "source": "Quake Wire", "published": DAY,
     "text": QUAKE.format(day="Sunday, May 7", n=41) + " Rescue teams arrived on Monday."},
    {"id": "quake-daily", "story": "quake", "source": "Valley Daily", "published": DAY,
     "text": QUAKE.format(day="Sunday, May 7", n=41) + " Rescuers arrived on Monday."},
    {"id": "quake-post", "story": "quake", "source": "Evening Post", "published": DAY,
     "text": QUAKE.format(day="Saturday, May 6", n=14) + " Rescuers arrived on Monday."},
    {"id": "budget-wire", "story": "city budget", "source": "City Wire", "published": DAY,
     "text": "The council approved a budget of $4 million on Friday, the mayor said."},
    {"id": "budget-post", "story": "city budget", "source": "City Post", "published": DAY,
     "text": "The council approved a budget of $4 million on Friday, officials said."},
]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    path = tmp_path_factory.mktemp("site") / "run.jsonl"
    path.write_text(jsonl(RUN), encoding="utf-8")
    return pages(report_of(pipeline.check([path])))


def test_an_index_and_one_page_per_story(site: dict[str, str]) -> None:
    assert sorted(site) == ["report.html", "story-city-budget.html", "story-quake.html"]
    index = site["report.html"]
    links = re.findall(r'<a href="([^"#]+)">([^<]+)</a>', index)
    assert links == [("story-quake.html", "quake"), ("story-city-budget.html", "city budget")]
    assert "killed 41 people" not in index, "the index holds no article text"
    row = re.search(r"<tr><th scope=\"row\"><a href=\"story-quake.html\".*?</tr>", index)
    assert row is not None and "quake-post gives &#x27;14&#x27;" in row.group(0)


def test_a_story_page_holds_its_own_sources_only(site: dict[str, str]) -> None:
    quake, budget = site["story-quake.html"], site["story-city-budget.html"]
    assert 'href="report.html"' in quake
    assert "Valley Daily" in quake and "City Wire" not in quake
    assert "budget of $4 million" in budget and "earthquake" not in budget
    for page in (quake, budget):
        ids = re.findall(r' id="([^"]+)"', page)
        assert len(ids) == len(set(ids))
        targets = set(re.findall(r'href="#([^"]+)"', page))
        assert targets <= set(ids), "every in-page link has a target"
        outside = set(re.findall(r'(?:href|src)="(?!#)([^"]+)"', page))
        assert outside <= {"report.html"}, "no request beyond the index"


def test_the_timeline_has_a_row_per_source_and_marks_the_disputed_date(
    site: dict[str, str],
) -> None:
    quake = site["story-quake.html"]
    svg = re.search(r'<svg class="timeline".*?</svg>', quake, re.S)
    assert svg is not None
    labels = re.findall(r'<text class="label"[^>]*>([^<]+)</text>', svg.group(0))
    assert labels == ["Quake Wire", "Valley Daily", "Evening Post"]
    disputed = re.findall(r"<title>([^<]+)</title><circle class=\"mark disputed\"", svg.group(0))
    assert "Evening Post: “Saturday, May 6” = 2023-05-06 (disputed)" in disputed


def test_the_dot_plot_marks_the_odd_one_out(site: dict[str, str]) -> None:
    quake = site["story-quake.html"]
    plot = re.search(r'<svg class="dots".*?</svg>', quake, re.S)
    assert plot is not None
    odd = re.findall(r"<title>([^<]+)</title><circle class=\"dot odd\"", plot.group(0))
    assert odd == ["Evening Post: “14” = 14 (the odd one out)"]
    assert plot.group(0).count('class="dot"') == 2


def test_a_run_of_one_story_is_one_page(tmp_path: Path) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(jsonl(RUN[3:]), encoding="utf-8")
    site = pages(report_of(pipeline.check([path])))
    assert list(site) == ["report.html"]
    assert "All stories" not in site["report.html"]


def test_the_draft_view_lists_problems_first(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "The earthquake struck the province on Sunday, May 7, and killed 14 people, "
        "officials said. A curfew starts on Friday.\n",
        encoding="utf-8",
    )
    sources = tmp_path / "sources.jsonl"
    sources.write_text(jsonl(RUN[:2]), encoding="utf-8")
    page = pages(report_of(pipeline.check([draft], against=[sources])))["report.html"]
    view = re.search(r'<section class="draft-view".*?</section>', page, re.S)
    assert view is not None
    statuses = re.findall(r'<tr class="status-(\w+)">', view.group(0))
    assert statuses[0] == "conflict" and "supported" in statuses
    order = {"conflict": 0, "unsupported": 1, "supported": 2}
    assert statuses == sorted(statuses, key=order.__getitem__)
    assert page.index('id="draft"') < page.index('id="flags-heading"'), "the draft comes first"
