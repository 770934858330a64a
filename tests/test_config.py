"""Configuration: selection, severity overrides, options, and errors with hints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consistency.checks.base import Severity
from consistency.checks.registry import all_checks
from consistency.cli import main
from consistency.config import (
    ConfigError,
    configured_checks,
    find_config,
    load_config,
    parse_config,
)
from consistency.exitcodes import ExitCode


def codes(section: dict[str, object]) -> list[str]:
    return [c.check.code for c in configured_checks(parse_config(section, origin="test"))]


def test_defaults_select_every_check_with_its_own_severity() -> None:
    checks = configured_checks(parse_config({}, origin="test"))
    assert [c.check.code for c in checks] == sorted(c.check.code for c in checks)
    assert all(c.severity == c.check.severity for c in checks)


def test_select_by_group_prefix_code_and_name() -> None:
    temporal = ["T001", "T002", "T003", "T004", "T005", "T006", "T007", "T008"]
    assert codes({"select": ["temporal"]}) == temporal
    numeric = [c.code for c in all_checks() if c.code.startswith("N")]
    assert len(numeric) >= 6 and codes({"select": ["N"]}) == numeric
    assert codes({"select": ["temporal.period_mismatch", "N001"]}) == ["N001", "T002"]
    assert codes({"select": ["temporal"], "ignore": ["T003"]}) == [
        c for c in temporal if c != "T003"
    ]
    assert "Q001" in codes({"select": ["quotes"]})


def test_severity_override_and_options() -> None:
    config = parse_config(
        {"severity": {"T001": "error"}, "checks": {"N001": {"tolerance": 0.1}}}, origin="t"
    )
    checks = {c.check.code: c for c in configured_checks(config)}
    assert checks["T001"].severity == Severity.ERROR
    assert checks["N001"].options["tolerance"] == 0.1


@pytest.mark.parametrize(
    ("section", "words"),
    [
        ({"selekt": ["T001"]}, "did you mean 'select'"),
        ({"select": ["T0001"]}, "did you mean 'T001'"),
        ({"ignore": ["temporl"]}, "did you mean 'temporal'"),
        ({"severity": {"T001": "fatal"}}, "unknown severity"),
        ({"severity": {"X001": "error"}}, "unknown check code"),
        ({"checks": {"N001": {"tolerence": 0.1}}}, "did you mean 'tolerance'"),
        ({"checks": {"N001": {"tolerance": "wide"}}}, "must be float"),
        ({"fail-on": "sometimes"}, "fail-on must be one of"),
        ({"select": "T001, T002"}, "matches no check"),
    ],
)
def test_bad_configuration_is_an_error_with_a_hint(section: dict, words: str) -> None:
    with pytest.raises(ConfigError, match=r"origin\.toml:") as exc:
        parse_config(section, origin="origin.toml")
    assert words in str(exc.value)


def test_pyproject_section_and_consistency_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.consistency]\nfail-on = "warning"\n', encoding="utf-8"
    )
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    found = find_config(nested)
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found).fail_on == "warning"
    (nested / "consistency.toml").write_text('select = ["T"]\n', encoding="utf-8")
    assert load_config(find_config(nested)).select == ("T",)


def test_pyproject_without_section_is_not_a_config(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) is None or find_config(tmp_path) != tmp_path / "pyproject.toml"


def test_cli_reports_bad_config_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "consistency.toml"
    config.write_text('selct = ["T001"]\n', encoding="utf-8")
    code = main(["check", str(tmp_path), "--config", str(config)])
    assert code == ExitCode.USAGE_OR_INPUT
    assert "did you mean 'select'" in capsys.readouterr().err


def test_checks_and_explain_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["checks"]) == ExitCode.OK
    listing = capsys.readouterr().out
    assert "T002" in listing and "temporal.period_mismatch" in listing
    assert main(["explain", "t002"]) == ExitCode.OK
    assert "Example:" in capsys.readouterr().out
    assert main(["explain", "Z999"]) == ExitCode.USAGE_OR_INPUT


def test_single_source_claims_are_opt_in() -> None:
    assert "C003" not in codes({})
    assert "C003" not in codes({"select": ["claims"]}), "a group does not pull in an opt-in check"
    assert "C003" not in codes({"select": ["C"]}), "nor does a code prefix"
    assert "C003" in codes({"select": ["C003"]})
    assert codes({"select": ["claims.single_source_claim"]}) == ["C003"]


def test_catalogue_and_explain_show_opt_in_checks(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["checks"]) == ExitCode.OK
    row = next(line for line in capsys.readouterr().out.splitlines() if "C003" in line)
    assert " off " in row and "opt-in" in row
    assert main(["explain", "C003"]) == ExitCode.OK
    assert "opt-in: runs only when selected (--select C003)" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["consistency.toml", "pyproject.toml"])
def test_the_readme_example_works_pasted_into_either_file(name: str, tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```toml\n(\[tool\.consistency\].*?)```", readme, re.S)
    assert example is not None
    (tmp_path / name).write_text(example.group(1), encoding="utf-8")
    config = load_config(tmp_path / name)
    assert config.fail_on == "warning" and config.show == "warning"
    assert config.options["N001"]["tolerance"] == 0.05
