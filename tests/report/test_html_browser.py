"""The HTML report in a real browser: Debian's chromium driven by playwright.

Needs /usr/bin/chromium (``scripts/browser-deps`` installs it); skipped without it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from consistency import pipeline
from consistency.report.base import Report
from tests.conftest import report_of
from tests.report.conftest import rendered

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SEEDS = Path(__file__).resolve().parents[2] / "seeds"
TARGET = re.compile(r"\bis-target\b")

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is missing: run scripts/browser-deps as root"
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=ARGS,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


def run_report(*paths: Path) -> Report:
    return report_of(pipeline.check(paths))


@pytest.fixture(scope="module")
def seeds_report() -> Report:
    return run_report(SEEDS)


@pytest.fixture(scope="module")
def conflict_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("conflict")
    (folder / "wire.txt").write_text(
        "Trade figures released\n\nSouth Korea said on Monday (3/1/2022) that exports "
        "reached $12 billion last year, a record for the country.\n",
        encoding="utf-8",
    )
    (folder / "daily.txt").write_text(
        "Korea posts record exports\n\nSouth Korea said on Monday that exports reached "
        "$21 billion last year, a record.\n",
        encoding="utf-8",
    )
    return run_report(folder)


@dataclass
class Opened:
    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


def open_report(browser: BrowserContext, report: Report, path: Path) -> Opened:
    path.write_text(rendered(report), encoding="utf-8")
    opened = Opened(browser.new_page())
    opened.page.on(
        "console",
        lambda m: opened.errors.append(f"console: {m.text}") if m.type == "error" else None,
    )
    opened.page.on("pageerror", lambda e: opened.errors.append(f"page error: {e}"))
    opened.page.on("request", lambda r: opened.requests.append(r.url))
    opened.page.goto(path.as_uri())
    return opened


def click_evidence_and_check(page: Page, report: Report, link_index: int) -> str:
    """Click one evidence link; its span must be marked, visible and equal to the text slice."""
    from playwright.sync_api import expect

    link = page.locator(".flags a.jump").nth(link_index)
    key = str(link.get_attribute("href"))[1:]
    link.click()
    pieces = page.locator(f'[data-key="{key}"]')
    expect(pieces.first).to_have_class(TARGET)
    expect(pieces.first).to_be_in_viewport()
    assert page.locator(".is-target").count() == pieces.count()
    doc, start, end = re.fullmatch(r"ev-(\d+)-(\d+)-(\d+)", key).groups()  # type: ignore[union-attr]
    doc_id = str(report.tables["documents"]["doc_id"].iloc[int(doc)])
    marked = "".join(pieces.all_text_contents())
    assert marked == report.texts[doc_id][int(start) : int(end)]
    return marked


def test_seeds_report_in_the_browser(
    browser: BrowserContext, seeds_report: Report, tmp_path: Path
) -> None:
    opened = open_report(browser, seeds_report, tmp_path / "seeds.html")
    page = opened.page
    documents = seeds_report.tables["documents"]
    assert page.locator("article.source").count() == len(documents) == 2
    for n, doc_id in enumerate(documents["doc_id"]):
        assert page.locator(f"#doc-{n} .doc-text").text_content() == seeds_report.texts[doc_id]
    assert page.locator(".dropped").count() == len(seeds_report.tables["dropped"])
    links = page.locator(".flags a.jump").count()
    assert links >= len(seeds_report.flags) > 0
    for n in range(links):
        click_evidence_and_check(page, seeds_report, n)
    shot = tmp_path / "html-seeds.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
    assert opened.errors == []
    assert opened.requests == [(tmp_path / "seeds.html").as_uri()]


def test_conflicting_figure_in_the_browser(
    browser: BrowserContext, conflict_report: Report, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    opened = open_report(browser, conflict_report, tmp_path / "conflict.html")
    page = opened.page
    assert page.locator("article.source h2").all_text_contents() == ["daily", "wire"]
    flag = page.locator(".flag.sev-error")
    expect(flag.locator(".sev")).to_have_text("Error")
    expect(flag.locator(".msg")).to_contain_text("'$12 billion'")

    daily_link = flag.locator("a.jump", has_text="$21 billion")
    index = page.locator(".flags a.jump").all_text_contents().index(daily_link.text_content())
    assert click_evidence_and_check(page, conflict_report, index) == "$21 billion"
    expect(page.locator("#doc-0 .is-target")).to_have_text("$21 billion")

    page.locator("#doc-1 mark.evidence").first.click()
    expect(flag).to_have_class(TARGET)
    expect(flag).to_be_in_viewport()

    expect(page.locator(".matrix tr.rel-conflict .relation")).to_have_text("conflict")

    date = page.locator("#doc-1 .fact.fam-time").first
    shaded = date.evaluate("el => getComputedStyle(el).backgroundColor")
    page.locator("#show-time").uncheck()
    assert shaded != "rgba(0, 0, 0, 0)"
    expect(date).to_have_css("background-color", "rgba(0, 0, 0, 0)")
    page.locator("#show-time").check()

    shot = tmp_path / "html-conflict.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
    assert opened.errors == []
    assert opened.requests == [(tmp_path / "conflict.html").as_uri()]


HOSTILE_BODY = (
    "South Korea said on Monday that exports reached $21 billion last year, a record.\n"
    "<script>window.pwned = 1; alert(1)</script> was in the copy.\n"
    '<img src=x onerror="window.pwned = 2"> and <a href="javascript:window.pwned=3">here</a>.\n'
    '"</span></mark><script>window.pwned = 4</script>" said the editor on Monday.\n'
    '=HYPERLINK("http://example.com","x") and [link=https://example.com]y[/link].\n'
)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    folder = tmp_path_factory.mktemp("hostile-html")
    (folder / "wire.txt").write_text(
        "Trade figures released\n\nSouth Korea said on Monday (3/1/2022) that exports "
        "reached $12 billion last year, a record for the country.\n",
        encoding="utf-8",
    )
    (folder / "daily.md").write_text(
        "---\n"
        "source: '<img src=x onerror=\"window.pwned = 5\">'\n"
        "title: '<script>window.pwned = 6</script>'\n"
        "url: 'javascript:window.pwned = 7'\n"
        "---\n" + HOSTILE_BODY,
        encoding="utf-8",
    )
    return run_report(folder)


def test_article_borne_script_never_runs_but_the_reports_own_does(
    browser: BrowserContext, hostile_report: Report, tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    path = tmp_path / "hostile.html"
    opened = open_report(browser, hostile_report, path)
    page = opened.page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.reload()
    assert page.evaluate("window.pwned") is None
    assert dialogs == []
    assert page.locator("script").count() == 1
    assert page.locator('a[href^="javascript"], [onerror], img').count() == 0
    daily = int(
        next(i for i, d in enumerate(hostile_report.tables["documents"]["doc_id"]) if d == "daily")
    )
    text = page.locator(f"#doc-{daily} .doc-text").text_content()
    assert text == hostile_report.texts["daily"], "the hostile text is shown as written"
    expect(page.locator(f"#doc-{daily} .url")).to_have_text("javascript:window.pwned = 7")
    assert page.locator(".flags a.jump").count() > 0
    click_evidence_and_check(page, hostile_report, 0)  # the page's own script runs
    assert opened.errors == []
    assert set(opened.requests) == {path.as_uri()}


def test_index_and_story_pages_in_the_browser(browser: BrowserContext, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    from consistency.report.html_site import pages
    from tests.conftest import jsonl
    from tests.report.test_html_site import RUN

    source = tmp_path / "run.jsonl"
    source.write_text(jsonl(RUN), encoding="utf-8")
    site = tmp_path / "site"
    for name, text in pages(run_report(source)).items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    opened = Opened(browser.new_page())
    page = opened.page
    page.on("pageerror", lambda e: opened.errors.append(f"page error: {e}"))
    page.on("request", lambda r: opened.requests.append(r.url))
    page.goto((site / "report.html").as_uri())
    expect(page.locator(".stories-table tbody tr")).to_have_count(2)
    page.locator(".stories-table a", has_text="quake").click()
    expect(page.locator("h1")).to_contain_text("quake")
    assert page.locator("article.source").count() == 3

    odd = page.locator("svg.dots a.jump", has=page.locator("circle.odd"))
    odd.click()
    target = page.locator(".doc-text .is-target")
    expect(target.first).to_have_text("14")
    expect(target.first).to_be_in_viewport()
    expect(page.locator("svg.timeline circle.disputed")).to_have_count(3)

    page.locator(".page-nav a", has_text="All stories").click()
    expect(page.locator(".stories-table")).to_be_visible()
    shot = tmp_path / "html-story.png"
    page.screenshot(path=str(shot), full_page=True)
    assert opened.errors == []
    allowed = {(site / p).as_uri() for p in ("report.html", "story-quake.html")}
    assert set(opened.requests) <= allowed
