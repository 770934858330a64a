"""Ingest: each input format, directory discovery, and bad inputs named with a reason."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from consistency.ingest import load
from consistency.ingest.readers import MAX_TEXT_CHARS
from tests.conftest import WriteArticle, jsonl

ARTICLE = "Ministers met in Oslo.\n\nThey agreed on a budget of $3 billion on Monday.\n"


def test_txt_keeps_text_unchanged_and_takes_headline(write: WriteArticle) -> None:
    text = "Budget agreed in Oslo\n\n" + ARTICLE
    result = load([write("oslo.txt", text)])
    (doc,) = result.documents
    assert doc.text == text
    assert doc.title == "Budget agreed in Oslo"
    assert doc.source == "oslo"
    assert doc.format == "txt"
    assert result.problems == []


def test_md_front_matter_is_metadata_and_listed_as_excluded(write: WriteArticle) -> None:
    text = (
        "---\nsource: Daily Planet\npublished: 2023-04-02\ntitle: Budget\n"
        "url: https://example.org/a\nstory: budget-2023\n---\n" + ARTICLE
    )
    (doc,) = load([write("a.md", text)]).documents
    assert doc.text == text
    assert (doc.source, doc.published, doc.title, doc.story) == (
        "Daily Planet",
        date(2023, 4, 2),
        "Budget",
        "budget-2023",
    )
    assert doc.url == "https://example.org/a"
    (start, end, reason) = doc.excluded[0]
    assert start == 0 and text[end:] == ARTICLE and reason == "front matter"


def test_md_without_front_matter(write: WriteArticle) -> None:
    (doc,) = load([write("plain.md", ARTICLE)]).documents
    assert doc.excluded == () and doc.published is None


def test_html_main_text_and_date(write: WriteArticle) -> None:
    html = (
        "<html><head><title>Budget deal</title>"
        '<meta property="article:published_time" content="2023-04-02T09:00:00Z">'
        '<meta property="og:site_name" content="Daily Planet"></head><body>'
        "<nav>Home | World | Sport</nav><article><h1>Budget deal</h1>"
        "<p>Ministers met in Oslo on Monday and agreed on a budget of $3 billion for the "
        "coming year, officials said.</p><p>The deal ends months of talks between the "
        "parties, who had disagreed over spending on roads and schools.</p>"
        "</article><footer>Copyright</footer></body></html>"
    )
    (doc,) = load([write("page.html", html)]).documents
    assert "agreed on a budget of $3 billion" in doc.text
    assert "Home | World" not in doc.text
    assert doc.published == date(2023, 4, 2)
    assert doc.source == "Daily Planet"


def test_jsonl_one_article_per_line_only_text_required(write: WriteArticle) -> None:
    path = write(
        "batch.jsonl",
        jsonl(
            [
                {"id": "a1", "source": "Wire", "published": "2023-04-02", "text": ARTICLE},
                {"text": "Second article text here."},
            ]
        ),
    )
    result = load([path])
    assert [d.doc_id for d in result.documents] == ["a1", "batch-2"]
    assert result.documents[0].published == date(2023, 4, 2)
    assert result.documents[1].path == f"{path}:2"


def test_jsonl_bad_line_is_named_and_others_are_read(write: WriteArticle) -> None:
    good = jsonl([{"text": ARTICLE}])
    path = write("mixed.jsonl", good + "{not json\n" + '{"title": "no text"}\n' + good)
    result = load([path])
    assert len(result.documents) == 2
    assert [(p.path, p.code) for p in result.problems] == [
        (f"{path}:2", "E107"),
        (f"{path}:3", "E107"),
    ]
    assert "text" in result.problems[1].message


def test_directory_is_read_recursively_in_order(write: WriteArticle, tmp_path: Path) -> None:
    write("b/two.txt", ARTICLE)
    write("a/one.md", ARTICLE)
    write("a/.hidden/three.txt", ARTICLE)
    write("notes.csv", "a,b\n")
    result = load([tmp_path])
    assert [d.doc_id for d in result.documents] == ["a/one", "b/two"]
    assert result.problems == []


def test_same_stem_gets_distinct_ids_from_its_folders(write: WriteArticle) -> None:
    result = load([write("x/story.txt", ARTICLE), write("y/story.txt", ARTICLE)])
    assert [d.doc_id for d in result.documents] == ["x/story", "y/story"]


@pytest.mark.parametrize(
    ("name", "content", "code", "words"),
    [
        ("empty.txt", "", "E102", "empty"),
        ("blank.txt", "  \n\n ", "E102", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "E103", "binary"),
        ("cyrillic.txt", "Цены выросли на пять процентов.".encode("cp1251"), "E104", "UTF-8"),
        ("bad-yaml.md", "---\nsource: [unclosed\n---\nBody text.\n", "E106", "YAML"),
        ("list-yaml.md", "---\n- a\n- b\n---\nBody text.\n", "E106", "mapping"),
        ("bad-date.md", "---\npublished: last Tuesday\n---\nBody.\n", "E106", "published"),
        ("notes.pdf", "whatever", "E108", "unsupported"),
        ("no-text.html", "<html><body><script>x=1</script></body></html>", "E109", "no article"),
    ],
)
def test_bad_input_is_named_with_reason_and_others_still_read(
    write: WriteArticle, name: str, content: str | bytes, code: str, words: str
) -> None:
    bad = write(name, content)
    good = write("good.txt", ARTICLE)
    result = load([bad, good])
    assert [d.doc_id for d in result.documents] == ["good"]
    (problem,) = result.problems
    assert problem.path.removesuffix(":2") == str(bad)
    assert problem.code == code
    assert words.lower() in problem.message.lower()


def test_huge_article_is_refused(write: WriteArticle) -> None:
    result = load([write("huge.txt", "word " * (MAX_TEXT_CHARS // 5 + 10))])
    assert result.documents == []
    assert result.problems[0].code == "E105"


def test_missing_path_is_reported(tmp_path: Path) -> None:
    result = load([tmp_path / "nowhere.txt"])
    assert result.problems[0].code == "E101"
