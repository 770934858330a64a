"""A whole run over good articles mixed with every kind of bad and hostile input.

The good ones are checked fully; each bad one is named with its code in the
report, on standard error and in errors.csv; the exit code is 2; the run
directory holds exactly the run's files; no CSV cell can start a spreadsheet
formula; the terminal gets no escape sequence and no markup is interpreted.
"""

from __future__ import annotations

import csv
import io
import re
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from consistency.cli import main
from consistency.exitcodes import ExitCode
from consistency.report.audit import CHECK_TABLES
from consistency.report.neutralize import FORMULA_START, restore_csv_cell
from consistency.report.rundir import MANIFEST
from consistency.tables import SCHEMAS
from tests.hostile import BAD, BAD_LINES, Folder, build


@dataclass(frozen=True)
class Run:
    folder: Folder
    out: Path
    code: int
    stdout: str
    stderr: str

    def table(self, name: str) -> pd.DataFrame:
        return pd.read_csv(
            self.out / f"{name}.csv",
            dtype=SCHEMAS[name].dtypes,
            keep_default_na=False,
            na_values=[""],
        )


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    folder = build(tmp_path_factory.mktemp("hostile"))
    out = folder.root / "out"
    stdout, stderr = io.StringIO(), io.StringIO()
    args = ["check", *map(str, folder.paths), "--config", str(folder.config), "--out", str(out)]
    args += ["--story-by", "metadata"]  # stories as the inputs say, the unlabelled ones together
    with redirect_stdout(stdout), redirect_stderr(stderr):
        code = main(args)
    return Run(folder, out, code, stdout.getvalue(), stderr.getvalue())


def test_exit_code_is_2_for_bad_inputs(run: Run) -> None:
    assert run.code == ExitCode.USAGE_OR_INPUT
    assert "Traceback" not in run.stderr + run.stdout


def test_each_bad_input_is_named_in_errors_csv_on_stderr_and_in_the_report(run: Run) -> None:
    errors = run.table("errors")
    named = {str(p).split(":")[0]: c for p, c in zip(errors["path"], errors["code"], strict=True)}
    batch = run.folder.root / "good/batch.jsonl"
    expected = {str(run.folder.root / name): code for name, code in BAD.items()}
    report = " ".join(run.stdout.split())
    for path, code in expected.items():
        assert named.get(path) == code, path
        assert re.search(re.escape(path) + rf"(:\d+)?: \[{code}\]", run.stderr), path
        assert re.search(rf"{code} " + re.escape(path) + r"(:\d+)?:", report), path
    for line, code in BAD_LINES.items():
        assert f"{batch}:{line}: [{code}]" in run.stderr
        assert ((errors["path"] == f"{batch}:{line}") & (errors["code"] == code)).any()


def test_good_inputs_are_all_checked(run: Run) -> None:
    documents = run.table("documents")
    read = {Path(p).relative_to(run.folder.root).as_posix() for p in documents["path"]}
    assert set(run.folder.good) <= read
    assert {"j1", "batch-2", "42"} <= set(documents["doc_id"])
    assert (documents["n_sentences"] > 0).all()
    facts = run.table("facts")
    assert set(documents["doc_id"]) <= set(facts["doc_id"])
    flags = run.table("flags")
    conflict = flags[(flags["code"] == "N001") & (flags["doc_id"] == "drafts/story")]
    assert "wire/story" in " ".join(conflict["related"])


def test_same_file_twice_is_one_source_with_a_note(run: Run) -> None:
    documents = run.table("documents")
    assert list(documents["path"]).count(str(run.folder.root / "good/wire/story.txt")) == 1
    errors = run.table("errors")
    assert list(errors[errors["code"] == "W101"]["level"]) == ["note"]


def test_run_directory_holds_exactly_the_run_files(run: Run) -> None:
    names = sorted(p.name for p in run.out.iterdir())
    stories = [n for n in names if n.startswith("story-") and n.endswith(".html")]
    assert stories, "a run of several stories has a page per story beside the index"
    expected = [*(f"{n}.csv" for n in CHECK_TABLES), "report.html", *stories, MANIFEST]
    assert names == sorted(expected)
    built = {p.name for p in run.folder.root.iterdir()}
    assert built == {"good", "bad", "consistency.toml", "out"}, "nothing written elsewhere"


def test_no_csv_cell_starts_a_formula(run: Run) -> None:
    """Text cells never start like a formula; numeric cells are plain numbers ('-2')."""
    for name in CHECK_TABLES:
        with (run.out / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
            header, *rows = list(csv.reader(handle))
        assert {len(row) for row in rows} <= {len(header)}, f"{name}.csv parses into even rows"
        dtypes = [SCHEMAS[name].dtypes[column] for column in header]
        for row in rows:
            for cell, dtype in zip(row, dtypes, strict=True):
                if dtype == "string":
                    assert not cell.startswith(FORMULA_START), (name, cell)
                elif cell:
                    float(cell)
    sentences = run.table("sentences")
    assert sentences["text"].str.startswith("'=HYPERLINK(").any()


def test_raw_text_is_recoverable_from_the_cells_and_the_offsets(run: Run) -> None:
    text = (run.folder.root / "good/hostile.txt").read_text(encoding="utf-8")
    sentences = run.table("sentences")
    mine = sentences[sentences["doc_id"] == "hostile"]
    assert len(mine) > 3
    for row in mine.itertuples():
        assert restore_csv_cell(row.text) == text[row.char_start : row.char_end]


def test_every_table_reads_back_with_its_declared_dtypes(run: Run) -> None:
    for name in CHECK_TABLES:
        table = run.table(name)
        assert list(table.columns) == SCHEMAS[name].names
        assert {c: str(t) for c, t in table.dtypes.items()} == SCHEMAS[name].dtypes


def test_terminal_report_has_no_escape_sequences_and_no_markup_read(run: Run) -> None:
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", run.stdout + run.stderr)
    assert "j1 ([/])" in run.stdout, "a source named '[/]' is shown as written"
    assert "[bold]Daily[/bold]" in run.stdout


def test_front_matter_gives_no_facts(run: Run) -> None:
    text = (run.folder.root / "good/daily.md").read_text(encoding="utf-8")
    facts = run.table("facts")
    daily = facts[facts["doc_id"] == "daily"]
    assert len(daily) > 0
    assert (daily["char_start"] >= text.index("Exports reached")).all()


def test_html_report_escapes_article_text(run: Run) -> None:
    pages = [p.read_text(encoding="utf-8") for p in sorted(run.out.glob("*.html"))]
    assert all(page.count("<script") <= 1 for page in pages), "only the report's own script"
    assert not any("onerror=" in page.replace("onerror=&quot;", "") for page in pages)
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in page for page in pages)
