"""Ingest against the hostile folder: each bad input named with its code, the good ones read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from consistency.ingest import Limits, load, load_groups
from tests.conftest import WriteArticle
from tests.hostile import BAD, BAD_LINES, MAX_FILE_BYTES, Folder, build

LIMITS = Limits(max_file_bytes=MAX_FILE_BYTES)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Folder:
    return build(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_input_gets_its_code(folder: Folder, name: str) -> None:
    result = load([folder.root / name, folder.root / "good/wire/story.txt"], limits=LIMITS)
    assert [d.doc_id for d in result.documents] == ["story"]
    (problem,) = result.problems
    assert problem.path.split(":")[0] == str(folder.root / name)
    assert problem.code == BAD[name]
    assert problem.is_error


def test_bad_jsonl_lines_are_named_by_line_and_the_rest_read(folder: Folder) -> None:
    result = load([folder.root / "good/batch.jsonl"], limits=LIMITS)
    batch = str(folder.root / "good/batch.jsonl")
    assert {p.path: p.code for p in result.problems} == {
        f"{batch}:{n}": code for n, code in BAD_LINES.items()
    }
    assert [d.doc_id for d in result.documents] == ["j1", "batch-2", "42"]
    assert "\u2028" in result.documents[0].text, "U+2028 is inside a string, not a line break"
    assert result.documents[2].path == f"{batch}:10"


def test_every_good_file_is_read_with_its_encoding(folder: Folder) -> None:
    result = load([folder.root / "good"], limits=LIMITS)
    paths = {
        Path(d.path.split(":")[0]).relative_to(folder.root).as_posix() for d in result.documents
    }
    assert set(folder.good) <= paths
    encoding = {Path(d.path).name: d.encoding for d in result.documents if d.format != "jsonl"}
    assert encoding["latin1.txt"] == "Windows-1252"
    assert encoding["utf16.txt"] == "UTF-16LE"
    assert encoding["utf8-bom.txt"] == "UTF-8 (BOM)"
    assert encoding["crlf.txt"] == "UTF-8"
    latin = next(d for d in result.documents if d.path.endswith("latin1.txt"))
    assert latin.text.startswith("Café prices") and "café’s" in latin.text
    assert [p.code for p in result.problems if not p.path.endswith(tuple("0123456789"))] == [
        "E113"
    ], "only the folder loop good/sub/up"


def test_front_matter_title_with_colon_says_how_to_quote(folder: Folder) -> None:
    (problem,) = load([folder.root / "bad/colon.md"]).problems
    assert problem.path == f"{folder.root / 'bad/colon.md'}:2"
    assert 'must be quoted, e.g. title: "' in problem.message


def test_impossible_dates_are_named_not_raised(write: WriteArticle) -> None:
    for value in ("2022-02-30", "2022-13-01", "0000-01-01", "2022-01-01T25:00:00"):
        path = write("d.md", f"---\npublished: {value}\n---\nBody text.\n")
        (problem,) = load([path]).problems
        assert problem.code == "E106" and value in problem.message


def test_quoted_front_matter_is_metadata_left_out_of_the_body(folder: Folder) -> None:
    (daily,) = load([folder.root / "good/daily.md"]).documents
    assert daily.title == "Eight and counting: a record"
    assert daily.story == 'trade "quoted" value'
    assert daily.excluded[0][:2] == (0, daily.text.index("Exports reached"))


def test_same_file_twice_is_read_once_with_a_note(write: WriteArticle) -> None:
    path = write("a.txt", "Exports rose 5 percent on Monday.\n")
    link = path.with_name("link.txt")
    link.symlink_to(path.name)
    result = load([path, path, link])
    assert [d.doc_id for d in result.documents] == ["a"]
    assert [(p.code, p.level) for p in result.problems] == [("W101", "note"), ("W101", "note")]


def test_draft_and_source_with_one_file_name_stay_distinct(write: WriteArticle) -> None:
    draft = write("drafts/story.txt", "Exports reached $21 billion.\n")
    source = write("wire/story.txt", "Exports reached $12 billion.\n")
    (drafts, sources), problems = load_groups([[draft], [source]])
    assert [d.doc_id for d in drafts] == ["drafts/story"]
    assert [d.doc_id for d in sources] == ["wire/story"]
    assert problems == []


def test_a_file_given_as_draft_and_source_is_read_once_as_the_draft(write: WriteArticle) -> None:
    path = write("story.txt", "Exports reached $21 billion.\n")
    (drafts, sources), problems = load_groups([[path], [path]])
    assert [d.doc_id for d in drafts] == ["story"] and sources == []
    assert [p.code for p in problems] == ["W101"]


def test_jsonl_id_that_is_not_a_safe_file_name_is_refused(write: WriteArticle) -> None:
    lines = ['{"id": "a/b", "text": "x 1"}', '{"id": ".hidden", "text": "x 2"}']
    lines += ['{"id": "ok-1.b_2", "text": "x 3"}', '{"id": true, "text": "x 4"}']
    result = load([write("b.jsonl", "\n".join(lines) + "\n")])
    assert [d.doc_id for d in result.documents] == ["ok-1.b_2"]
    assert [p.code for p in result.problems] == ["E111", "E111", "E106"]


def test_metadata_of_the_wrong_type_is_named(write: WriteArticle) -> None:
    path = write("b.jsonl", '{"text": "x 1", "source": {"a": 1}}\n{"text": "y", "url": true}\n')
    result = load([path])
    assert [p.code for p in result.problems] == ["E106", "E106"]
    assert "'source' must be text, not dict" in result.problems[0].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_named(write: WriteArticle) -> None:
    path = write("secret.txt", "Exports rose.\n")
    path.chmod(0)
    (problem,) = load([path]).problems
    assert problem.code == "E112" and "ermission" in problem.message
