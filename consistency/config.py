"""Configuration: defaults, then ``[tool.consistency]`` in pyproject.toml or a
``consistency.toml``, then the command line. Validated at load: an unknown key,
code, group or severity is an error with a hint.

```toml
[tool.consistency]            # in consistency.toml: this table, or its keys at top level
select = ["temporal", "N001"] # codes, code prefixes (T), groups or dotted names
ignore = ["E001"]
fail-on = "warning"           # error, warning, info or never
show = "warning"              # the least severity the reports show: error, warning or info
format = "rich"

[tool.consistency.severity]
T001 = "error"

[tool.consistency.checks.N001]
tolerance = 0.05
```

Values are checked by type and range: ``severity`` and ``checks`` are tables;
a check option takes the type of its default (an integer where a number is
expected, never ``true``); numbers are finite and not negative, and options
named for a score or similarity lie between 0 and 1. ``max-file-bytes``
(default 20,000,000) is the largest article file read; a JSONL batch may be
20 times larger.
"""

from __future__ import annotations

import difflib
import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

from consistency.checks import ConfiguredCheck
from consistency.checks.base import Check, Severity
from consistency.checks.registry import all_checks

CONFIG_FILES: Final = ("consistency.toml", "pyproject.toml")
FAIL_ON: Final = ("error", "warning", "info", "never")
SHOW: Final = ("error", "warning", "info")
TOP_KEYS: Final = (
    "select",
    "ignore",
    "fail-on",
    "show",
    "format",
    "severity",
    "checks",
    "max-file-bytes",
)
MAX_FILE_BYTES: Final = 20_000_000


class ConfigError(ValueError):
    """Configuration that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    show: str = "info"
    format: str = "rich"
    severity: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    origin: str = "defaults"
    max_file_bytes: int = MAX_FILE_BYTES


def _hint(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def find_config(start: Path) -> Path | None:
    """The nearest consistency.toml, or pyproject.toml with [tool.consistency]."""
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            path = folder / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_section(path)):
                return path
    return None


def _has_tool_section(path: Path) -> bool:
    """Whether a pyproject.toml configures consistency; another project's file is skipped
    even when it cannot be read (only a broken file that names the section is an error)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return False
    if b"[tool.consistency" not in raw and b"consistency" not in raw:
        return False
    try:
        return "consistency" in tomllib.loads(raw.decode("utf-8")).get("tool", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return b"[tool.consistency" in raw


def load_config(path: Path | None) -> Config:
    """Read and validate one configuration file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not UTF-8 (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); "
            "TOML files are UTF-8"
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    return parse_config(_section(data, path), origin=str(path))


def _section(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """The configuration in a file: ``[tool.consistency]``, or in a consistency.toml the
    top-level keys as well (not both)."""
    tool = data.get("tool", {})
    table = tool.get("consistency") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.consistency] must be a table")
    if path.name == "pyproject.toml":
        return table or {}
    if table is None:
        return data
    others = sorted(set(data) - {"tool"})
    if others or set(tool) != {"consistency"}:
        extra = others or sorted(f"tool.{k}" for k in set(tool) - {"consistency"})
        raise ConfigError(
            f"{path}: both [tool.consistency] and other keys ({', '.join(extra)}); "
            "use one or the other"
        )
    return dict(table)


def parse_config(section: Mapping[str, Any], *, origin: str) -> Config:
    """Validate a configuration mapping against the catalogue of checks."""
    checks = all_checks()
    where = f"{origin}:"
    for key in section:
        if key not in TOP_KEYS:
            raise ConfigError(f"{where} unknown key {key!r}{_hint(key, TOP_KEYS)}")
    select = tuple(_string_list(section, "select", where))
    ignore = tuple(_string_list(section, "ignore", where))
    for selector in (*select, *ignore):
        if not matching(selector, checks):
            raise ConfigError(f"{where} {selector!r} {no_match(selector, checks)}")
    fail_on = str(section.get("fail-on", "error"))
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{where} fail-on must be one of {', '.join(FAIL_ON)}, not {fail_on!r}")
    show = str(section.get("show", "info"))
    if show not in SHOW:
        raise ConfigError(f"{where} show must be one of {', '.join(SHOW)}, not {show!r}")
    codes = {c.code: c for c in checks}
    severity = dict(_table(section, "severity", where, 'T001 = "error"'))
    for code, value in severity.items():
        _known_code(code, codes, where)
        try:
            Severity.parse(str(value))
        except ValueError as exc:
            raise ConfigError(f"{where} severity.{code}: {exc}") from None
    options: dict[str, Mapping[str, Any]] = {}
    for code, values in _table(section, "checks", where, "N001 = { tolerance = 0.05 }").items():
        check = _known_code(code, codes, where)
        if not isinstance(values, dict):
            raise ConfigError(
                f"{where} checks.{code} must be a table of options, not {values!r}; "
                f"e.g. [tool.consistency.checks.{code}]"
            )
        for key, value in values.items():
            if key not in check.defaults:
                known = ", ".join(check.defaults) or "none"
                raise ConfigError(
                    f"{where} checks.{code}: unknown option {key!r}"
                    f"{_hint(key, check.defaults)}; options: {known}"
                )
            _check_option(f"{where} checks.{code}.{key}", key, value, check.defaults[key])
        options[code] = dict(values)
    max_bytes = section.get("max-file-bytes", MAX_FILE_BYTES)
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ConfigError(f"{where} max-file-bytes must be a positive integer, not {max_bytes!r}")
    return Config(
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        show=show,
        format=str(section.get("format", "rich")),
        severity=severity,
        options=options,
        origin=origin,
        max_file_bytes=max_bytes,
    )


def _table(section: Mapping[str, Any], key: str, where: str, example: str) -> dict[str, Any]:
    value = section.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(
            f"{where} {key} must be a table, not {value!r}; e.g. [tool.consistency.{key}] {example}"
        )
    return value


def _check_option(name: str, key: str, value: Any, default: Any) -> None:
    """An option has its default's type (an int may stand for a float) and a sane range."""
    numeric = isinstance(default, (int, float)) and not isinstance(default, bool)
    if isinstance(value, bool) != isinstance(default, bool) or not (
        isinstance(value, type(default)) or (isinstance(default, float) and isinstance(value, int))
    ):
        raise ConfigError(f"{name} must be {type(default).__name__}, not {value!r}")
    if not numeric:
        return
    if not math.isfinite(value) or value < 0:
        raise ConfigError(f"{name} must be a finite number, not negative; got {value!r}")
    if ("score" in key or "similarity" in key) and value > 1:
        raise ConfigError(f"{name} is a score between 0 and 1; got {value!r}")


def overridden(
    config: Config,
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    where: str = "--select/--ignore",
) -> Config:
    """The configuration with its selection replaced (``select``) or extended
    (``ignore``), each selector checked against the catalogue."""
    if select:
        config = replace(config, select=tuple(select))
    if ignore:
        config = replace(config, ignore=config.ignore + tuple(ignore))
    checks = all_checks()
    for selector in (*config.select, *config.ignore):
        if not matching(selector, checks):
            raise ConfigError(f"{where} {selector!r} {no_match(selector, checks)}")
    return config


def no_match(selector: str, checks: Iterable[Check]) -> str:
    """Why a selector is refused, with a hint: a close name, or ``show`` for a severity."""
    if selector.lower() in SHOW:
        return (
            "matches no check; to leave out findings below a severity, "
            'show the others: --show warning (config: show = "warning")'
        )
    return f"matches no check{_hint(selector, _selectors(checks))}"


def _string_list(section: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = section.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where} {key} must be a list of strings")
    return value


def _known_code(code: str, codes: Mapping[str, Check], where: str) -> Check:
    if code not in codes:
        raise ConfigError(f"{where} unknown check code {code!r}{_hint(code, codes)}")
    return codes[code]


def _selectors(checks: Iterable[Check]) -> set[str]:
    out: set[str] = set()
    for check in checks:
        out |= {check.code, check.name, check.code[0], *check.groups}
    return out


def matching(selector: str, checks: Iterable[Check]) -> list[Check]:
    """Checks a selector names: a code, a code prefix, a group or a dotted name."""
    return [
        c
        for c in checks
        if selector in (c.code, c.name, *c.groups) or (c.code.startswith(selector) and selector)
    ]


def selected(selectors: Iterable[str], checks: Iterable[Check]) -> set[str]:
    """Codes of the checks the selectors choose; an opt-in check only when named."""
    chosen: set[str] = set()
    for selector in selectors:
        for check in matching(selector, checks):
            if not check.opt_in or selector in (check.code, check.name):
                chosen.add(check.code)
    return chosen


def configured_checks(config: Config) -> tuple[ConfiguredCheck, ...]:
    """The immutable set of checks one run uses, in catalogue order.

    Without ``select`` every check but the opt-in ones runs; an opt-in check
    (C003) runs when a selector names its code or dotted name.
    """
    checks = all_checks()
    chosen = (
        selected(config.select, checks)
        if config.select
        else {c.code for c in checks if not c.opt_in}
    )
    chosen -= {c.code for s in config.ignore for c in matching(s, checks)}
    return tuple(item for item in catalogue(config) if item.check.code in chosen)


def catalogue(config: Config) -> tuple[ConfiguredCheck, ...]:
    """Every check with its configured severity and options, selected or not."""
    return tuple(
        ConfiguredCheck(
            check,
            Severity.parse(config.severity[check.code])
            if check.code in config.severity
            else check.severity,
            MappingProxyType({**check.defaults, **config.options.get(check.code, {})}),
        )
        for check in all_checks()
    )
