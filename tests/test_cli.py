"""The command line as a user runs it: outputs, audit files and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from consistency.cli import main
from consistency.exitcodes import ExitCode
from consistency.report.audit import CHECK_TABLES, EXTRACT_TABLES
from consistency.report.rundir import MANIFEST
from consistency.tables import SCHEMAS
from tests.conftest import ROOT, WriteArticle, jsonl

AGREE_A = "Exports reached $12 billion last year, the ministry said on Monday.\n"
AGREE_B = "Exports reached $12 billion last year, officials said on Monday.\n"
CONFLICT_B = "Exports reached $21 billion last year, officials said on Monday.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_check_writes_every_audit_file_with_declared_columns(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write("in/a.txt", AGREE_A)
    write("in/b.txt", AGREE_B)
    out = tmp_path / "out"
    code, stdout, _ = run(["check", str(tmp_path / "in"), "--out", str(out)], capsys)
    assert code == ExitCode.OK
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([*(f"{n}.csv" for n in CHECK_TABLES), "report.html", MANIFEST])
    assert (out / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    for name in CHECK_TABLES:
        df = pd.read_csv(out / f"{name}.csv")
        assert list(df.columns) == SCHEMAS[name].names
    assert "2 source(s)" in stdout


def test_conflicting_figures_fail_the_gate(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = write("a.txt", AGREE_A), write("b.txt", CONFLICT_B)
    out = tmp_path / "out"
    code, stdout, _ = run(["check", str(a), str(b), "--out", str(out)], capsys)
    assert code == ExitCode.FLAGS
    flags = pd.read_csv(out / "flags.csv")
    assert list(flags[flags["severity"] == "error"]["code"]) == ["N001"]
    assert "N001" in stdout
    code, _, _ = run(["check", str(a), str(b), "--out", str(out), "--fail-on", "never"], capsys)
    assert code == ExitCode.OK


def test_agreeing_sources_pass_even_at_info(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = write("a.txt", AGREE_A), write("b.txt", AGREE_B)
    code, _, _ = run(["check", str(a), str(b), "--out", str(tmp_path / "o")], capsys)
    assert code == ExitCode.OK


def test_unreadable_input_exits_2_but_others_are_checked(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = write("good.txt", AGREE_A), write("bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = tmp_path / "out"
    code, stdout, _ = run(["check", str(good), str(bad), "--out", str(out)], capsys)
    assert code == ExitCode.USAGE_OR_INPUT
    assert "bad.txt" in stdout
    errors = pd.read_csv(out / "errors.csv")
    assert list(errors["code"]) == ["E103"]
    assert list(pd.read_csv(out / "documents.csv")["doc_id"]) == ["good"]


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check"])
    assert exc.value.code == ExitCode.USAGE_OR_INPUT
    with pytest.raises(SystemExit) as exc:
        main(["check", "x.txt", "--fail-on", "sometimes"])
    assert exc.value.code == ExitCode.USAGE_OR_INPUT


def test_json_format_is_machine_readable(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = write("a.txt", AGREE_A), write("b.txt", CONFLICT_B)
    code, stdout, _ = run(
        [
            "check",
            str(a),
            str(b),
            "--out",
            str(tmp_path / "o"),
            "--format",
            "json",
            "--select",
            "N001",
        ],
        capsys,
    )
    document = json.loads(stdout)
    assert code == ExitCode.FLAGS
    assert document["schema_version"] == "1.1"
    assert document["summary"]["flags"]["error"] == 1
    assert document["flags"][0]["code"] == "N001"


def test_default_output_is_a_new_run_directory_under_reports(
    write: WriteArticle,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    article = write("a.txt", AGREE_A)
    monkeypatch.chdir(tmp_path)
    run(["check", str(article)], capsys)
    run(["check", str(article)], capsys)
    runs = sorted((tmp_path / "reports").iterdir())
    assert len(runs) == 2
    assert all((r / "flags.csv").exists() for r in runs)


def test_same_input_gives_same_bytes_and_no_staging_left(
    tmp_path: Path, seeds_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    names = [*(f"{n}.csv" for n in CHECK_TABLES), "report.html"]
    run(["check", str(seeds_dir), "--out", str(out)], capsys)
    first = {name: (out / name).read_bytes() for name in names}
    run(["check", str(seeds_dir), "--out", str(out)], capsys)
    for name in names:
        assert (out / name).read_bytes() == first[name], name
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == [MANIFEST]


def test_extract_writes_only_extraction_tables(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("batch.jsonl", jsonl([{"text": AGREE_A}, {"text": CONFLICT_B}]))
    out = tmp_path / "out"
    code, _, _ = run(["extract", str(path), "--out", str(out)], capsys)
    assert code == ExitCode.OK
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*(f"{n}.csv" for n in EXTRACT_TABLES), MANIFEST]
    )


@pytest.mark.slow
def test_extract_runs_on_a_thousand_short_articles(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [
        {
            "id": f"n{i}",
            "published": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "text": f"Officials said {i} people attended the {1 + i % 9}th rally on Sunday. "
            f"Turnout rose {i % 40} percent from last year, organisers said.",
        }
        for i in range(1000)
    ]
    out = tmp_path / "out"
    code, _, _ = run(
        ["extract", str(write("many.jsonl", jsonl(records))), "--out", str(out)], capsys
    )
    assert code == ExitCode.OK
    documents = pd.read_csv(out / "documents.csv")
    assert len(documents) == 1000
    assert (documents["anchor_basis"] == "metadata").all()
    facts = pd.read_csv(out / "facts.csv")
    assert set(facts["doc_id"]) == set(documents["doc_id"])


def test_module_and_console_script_entry_points(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    for command in (
        [sys.executable, "-m", "consistency", "--version"],
        [str(Path(sys.executable).with_name("consistency")), "--version"],
    ):
        done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT)
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("consistency ")
