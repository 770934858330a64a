"""Baselines hide known flags in later runs; keys survive edits elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from consistency.cli import main
from consistency.exitcodes import ExitCode
from tests.conftest import WriteArticle

A = "Exports reached $12 billion last year, the ministry said on Monday.\n"
B = "Exports reached $21 billion last year, officials said on Monday.\n"


def flags(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "flags.csv")


def check(*args: object) -> int:
    """Run the value-mismatch check alone, so the cases do not depend on other checks."""
    return main(["check", "--select", "N001", *map(str, args)])


def test_written_baseline_hides_its_flags_and_survives_edits_elsewhere(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = write("in/a.txt", A), write("in/b.txt", B)
    base = tmp_path / "baseline.json"
    assert check(a, b, "--out", tmp_path / "first", "--write-baseline", base) == 1
    recorded = json.loads(base.read_text())
    assert [f["code"] for f in recorded["flags"]] == ["N001"]
    # An edit elsewhere in the article moves every offset but keeps the finding.
    a.write_text("Updated at noon.\n\n" + A, encoding="utf-8")
    second = tmp_path / "second"
    assert check(a, b, "--out", second, "--baseline", base) == ExitCode.OK
    assert flags(second).empty
    assert "1 flag(s) hidden by the baseline" in " ".join(capsys.readouterr().out.split())


def test_a_new_finding_is_not_hidden(
    write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = write("in/a.txt", A), write("in/b.txt", B)
    base = tmp_path / "baseline.json"
    check(a, b, "--out", tmp_path / "o", "--write-baseline", base)
    b.write_text(B.replace("$21 billion", "$30 billion"), encoding="utf-8")
    out = tmp_path / "o2"
    assert check(a, b, "--out", out, "--baseline", base) == 1
    assert list(flags(out)["code"]) == ["N001"]


@pytest.mark.parametrize("content", ["not json", '{"version": 9, "flags": []}', '{"version": 1}'])
def test_bad_baseline_is_a_usage_error(
    content: str, write: WriteArticle, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = write("baseline.json", content)
    code = main(["check", str(write("a.txt", A)), "--baseline", str(base)])
    assert code == ExitCode.USAGE_OR_INPUT
    assert "baseline.json" in capsys.readouterr().err
