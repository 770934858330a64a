"""The command line as a user runs it: outputs, audit files and exit codes."""

from __future__ import annotations

import io
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
    assert document["schema_version"] == "1.2"
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


def test_extract_writes_extraction_tables_and_the_html_page(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("batch.jsonl", jsonl([{"text": AGREE_A}, {"text": CONFLICT_B}]))
    out = tmp_path / "out"
    code, _, _ = run(["extract", str(path), "--out", str(out), "--format", "html"], capsys)
    assert code == ExitCode.OK
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([*(f"{n}.csv" for n in EXTRACT_TABLES), "report.html", MANIFEST])
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "Not checked" in page and "$12 billion" in page, "extract --format html writes it"


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


def test_select_and_ignore_take_comma_lists_and_repeat(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = write("a.txt", AGREE_A), write("b.txt", CONFLICT_B)
    out = tmp_path / "out"
    for options in (["--select", "N001,T005"], ["--select", "N001", "--select", "T005"]):
        code, _, err = run(["check", str(a), str(b), "--out", str(out), *options], capsys)
        assert code == ExitCode.FLAGS, err
        assert set(pd.read_csv(out / "flags.csv")["code"]) == {"N001", "T005"}
    run(["check", str(a), str(b), "--out", str(out), "--ignore", "T005,N002", "--ignore", "Q"],
        capsys)  # fmt: skip
    assert set(pd.read_csv(out / "flags.csv")["code"]) == {"N001"}


def test_ignoring_a_severity_points_at_show(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "x.txt", "--ignore", "info"], capsys)
    assert code == ExitCode.USAGE_OR_INPUT
    assert "--show warning" in err


def test_show_hides_findings_below_a_severity_but_audit_files_keep_them(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = write("a.txt", AGREE_A), write("b.txt", CONFLICT_B)
    out = tmp_path / "out"
    _, stdout, _ = run(
        ["check", str(a), str(b), "--out", str(out), "--show", "warning", "--format", "json"],
        capsys,
    )
    shown = json.loads(stdout)
    assert [f["code"] for f in shown["flags"]] == ["N001"]
    assert shown["summary"]["flags"]["info"] == 2 and shown["summary"]["show"] == "warning"
    assert "T005" in set(pd.read_csv(out / "flags.csv")["code"])
    config = write("cfg/consistency.toml", 'show = "error"\n')
    _, stdout, _ = run(
        ["check", str(a), str(b), "--out", str(out), "--config", str(config), "--format",
         "github"], capsys,
    )  # fmt: skip
    assert stdout.startswith("::error ") and "::notice" not in stdout


def test_quiet_and_statistics(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("NO_COLOR", "1")
    a, b = write("a.txt", AGREE_A), write("b.txt", CONFLICT_B)
    out = str(tmp_path / "out")
    _, quiet, _ = run(["check", str(a), str(b), "--out", out, "-q", "--show", "error"], capsys)
    assert quiet.splitlines()[1].startswith("N001 error")
    assert "Audit files" not in quiet
    assert not [line for line in quiet.splitlines() if line.strip() == "Sources"], "no tables"
    _, stats, _ = run(["check", str(a), str(b), "--out", out, "--statistics"], capsys)
    assert ["1", "N001", "numeric.value_mismatch", "error"] in [r.split() for r in
                                                                 stats.splitlines()]  # fmt: skip


def test_stdin_is_read_as_the_named_file(
    write: WriteArticle,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = write("wire.txt", AGREE_A)
    piped = "---\nsource: Rival Daily\n---\n" + CONFLICT_B
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(piped.encode())))
    out = tmp_path / "out"
    args = ["check", "-", str(other), "--stdin-filename", "copy/rival.md", "--out", str(out)]
    code, _, _ = run(args, capsys)
    assert code == ExitCode.FLAGS
    documents = pd.read_csv(out / "documents.csv").set_index("doc_id")
    assert documents.loc["rival", "path"] == "copy/rival.md"
    assert documents.loc["rival", "source"] == "Rival Daily", "front matter: read as .md"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(AGREE_B.encode())))
    run(["extract", "-", "--out", str(out)], capsys)
    assert list(pd.read_csv(out / "documents.csv")["path"]) == ["stdin.txt"]


def test_input_errors_also_go_to_stderr_with_their_code(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = write("good.txt", AGREE_A), write("bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\r")
    code, _, err = run(["check", str(good), str(bad), "--out", str(tmp_path / "o")], capsys)
    assert code == ExitCode.USAGE_OR_INPUT
    assert "bad.txt: [E103]" in err


@pytest.mark.parametrize(
    "toml",
    ['fail-on = "never"\n', '[tool.consistency]\nfail-on = "never"\n'],
    ids=["top-level keys", "tool table"],
)
def test_consistency_toml_takes_top_level_keys_or_the_tool_table(
    toml: str, write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = write("a.txt", AGREE_A), write("b.txt", CONFLICT_B)
    config = write("consistency.toml", toml)
    args = ["check", str(a), str(b), "--out", str(tmp_path / "o"), "--config", str(config)]
    assert run(args, capsys)[0] == ExitCode.OK


def test_consistency_toml_with_both_forms_is_an_error(
    write: WriteArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write("consistency.toml", 'show = "error"\n[tool.consistency]\nfail-on = "never"\n')
    code, _, err = run(["checks", "--config", str(config)], capsys)
    assert code == ExitCode.USAGE_OR_INPUT and "use one or the other" in err


def test_draft_mode_takes_its_paths_in_either_order(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft = write("draft.txt", CONFLICT_B)
    wire, rival = write("wire.txt", AGREE_A), write("rival.txt", AGREE_B)
    roles = []
    for order in (
        [str(draft), "--against", str(wire), str(rival)],
        ["--against", str(wire), str(rival), str(draft)],
        ["--against", str(wire), "--against", str(rival), str(draft)],
    ):
        out = tmp_path / f"o{len(roles)}"
        code, _, err = run(["check", *order, "--out", str(out)], capsys)
        assert code == ExitCode.FLAGS, err
        documents = pd.read_csv(out / "documents.csv")
        roles.append(dict(zip(documents["doc_id"], documents["role"], strict=True)))
    assert roles[0] == roles[1] == roles[2]
    assert roles[0] == {"draft": "draft", "wire": "source", "rival": "source"}


def test_draft_verdict_leaves_out_conflicts_between_the_sources(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    draft, wire, rival = (
        write("d.txt", AGREE_A),
        write("w.txt", AGREE_A),
        write("r.txt", CONFLICT_B),
    )
    args = ["check", str(draft), "--against", str(wire), str(rival), "--out", str(tmp_path / "o")]
    code, stdout, _ = run(args, capsys)
    assert "N001" in stdout, "the sources' conflict is shown"
    assert code == ExitCode.OK, "but it is no verdict on the draft"


def test_help_shows_examples_and_points_at_explain(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--help"], ["check", "--help"]):
        with pytest.raises(SystemExit):
            main(args)
        text = capsys.readouterr().out
        assert "examples:" in text and "consistency explain N001" in text
        assert "--against wire/ rival.html" in text
