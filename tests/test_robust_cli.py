"""The command line under bad configuration, bad outputs and interruptions: one line, a code."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from consistency import pipeline
from consistency.cli import main
from consistency.config import ConfigError, parse_config
from consistency.exitcodes import ExitCode
from consistency.report.rundir import MANIFEST
from tests.conftest import ROOT, WriteArticle

ARTICLE = "Exports reached $12 billion last year, the ministry said on Monday.\n"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("section", "words"),
    [
        ({"severity": "error"}, "severity must be a table"),
        ({"checks": 5}, "checks must be a table"),
        ({"checks": {"N001": 5}}, "checks.N001 must be a table of options"),
        ({"checks": {"N001": {"tolerance": True}}}, "must be float, not True"),
        ({"checks": {"N001": {"tolerance": float("nan")}}}, "finite number"),
        ({"checks": {"N001": {"tolerance": -0.1}}}, "not negative"),
        ({"checks": {"C001": {"min_context_score": 1.5}}}, "between 0 and 1"),
        ({"checks": {"N004": {"slack_days": 1.5}}}, "must be int"),
        ({"max-file-bytes": 0}, "positive integer"),
        ({"max-file-bytes": "big"}, "positive integer"),
    ],
)
def test_config_values_are_checked_by_type_and_range(
    section: dict[str, object], words: str
) -> None:
    with pytest.raises(ConfigError, match=words):
        parse_config(section, origin="t")


def test_tolerance_may_be_written_as_an_integer() -> None:
    config = parse_config({"checks": {"N001": {"tolerance": 0}}}, origin="t")
    assert config.options["N001"]["tolerance"] == 0


def test_non_utf8_config_is_an_error_with_the_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "consistency.toml"
    config.write_bytes(b'# caf\xe9\nfail-on = "warning"\n')
    code, _, err = run(["checks", "--config", str(config)], capsys)
    assert code == ExitCode.USAGE_OR_INPUT
    assert "not UTF-8 (byte 0xe9" in err and "Traceback" not in err


def test_another_projects_unreadable_pyproject_is_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_bytes(b'[project]\nname = "caf\xe9"\n')
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    code, out, _ = run(["checks"], capsys)
    assert code == ExitCode.OK and "N001" in out


def test_non_utf8_baseline_is_an_error(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = write("base.json", b'{"version": 1, "flags": [], "x": "\xe9"}')
    nested = write("deep.json", "[" * 100_000 + "]" * 100_000)
    for path, words in ((baseline, "not UTF-8"), (nested, "not valid JSON")):
        code, _, err = run(
            [
                "check",
                str(write("a.txt", ARTICLE)),
                "--baseline",
                str(path),
                "--out",
                str(tmp_path / "o"),
            ],
            capsys,
        )
        assert code == ExitCode.USAGE_OR_INPUT and words in err
        assert not (tmp_path / "o").exists()


def test_write_baseline_to_a_directory_is_refused_before_the_run(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write("a.txt", ARTICLE)
    code, _, err = run(
        ["check", str(article), "--write-baseline", str(tmp_path), "--out", str(tmp_path / "o")],
        capsys,
    )
    assert code == ExitCode.USAGE_OR_INPUT
    assert "must name a file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_empty_out_is_a_usage_error(
    write: WriteArticle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(["check", str(write("a.txt", ARTICLE)), "--out", ""])
    assert exc.value.code == ExitCode.USAGE_OR_INPUT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_extract_into_a_former_check_directory_leaves_only_its_own_files(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article, out = write("a.txt", ARTICLE), tmp_path / "out"
    run(["check", str(article), "--out", str(out)], capsys)
    (out / "notes.txt").write_text("the editor's")
    code, _, _ = run(["extract", str(article), "--out", str(out)], capsys)
    assert code == ExitCode.OK
    names = sorted(p.name for p in out.iterdir())
    assert "flags.csv" not in names and "report.html" not in names
    assert "notes.txt" in names and "facts.csv" in names and MANIFEST in names


def test_out_holding_files_it_did_not_write_is_refused_before_the_run(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "flags.csv").write_text("mine")
    code, _, err = run(["check", str(write("a.txt", ARTICLE)), "--out", str(out)], capsys)
    assert code == ExitCode.USAGE_OR_INPUT and "did not write" in err
    assert [p.name for p in out.iterdir()] == ["flags.csv"]


def test_ctrl_c_exits_130_with_one_line_and_no_output(
    write: WriteArticle,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "check", interrupted)
    code, out, err = run(
        ["check", str(write("a.txt", ARTICLE)), "--out", str(tmp_path / "o")], capsys
    )
    assert code == ExitCode.INTERRUPTED == 130
    assert err.count("\n") == 1 and "interrupted" in err and out == ""
    assert not (tmp_path / "o").exists()


def test_sigterm_is_an_interrupt_too(
    write: WriteArticle,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def terminated(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)

    monkeypatch.setattr(pipeline, "check", terminated)
    code, _, err = run(
        ["check", str(write("a.txt", ARTICLE)), "--out", str(tmp_path / "o")], capsys
    )
    assert code == ExitCode.INTERRUPTED and "interrupted" in err
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL, "handler restored"


def test_an_unexpected_error_is_one_line_not_a_traceback(
    write: WriteArticle,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom \x1b[2J")

    monkeypatch.setattr(pipeline, "check", broken)
    code, _, err = run(
        ["check", str(write("a.txt", ARTICLE)), "--out", str(tmp_path / "o")], capsys
    )
    assert code == ExitCode.USAGE_OR_INPUT
    assert err.count("\n") == 1 and "internal error: RuntimeError: boom" in err
    assert "\x1b" not in err


def test_piping_into_head_exits_as_the_flags_say(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    command = [
        sys.executable,
        "-m",
        "consistency",
        "check",
        "seeds",
        "--fail-on",
        "never",
        "--out",
        str(tmp_path / "o"),
    ]
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read().decode()
        code = process.wait(timeout=300)
    assert code == ExitCode.OK, err
    assert "Traceback" not in err and "Broken pipe" not in err
