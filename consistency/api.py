"""The Python API: ``from consistency import check``.

Articles go in as paths, texts or records; the run's tables come out as typed
DataFrames (the schemas of :mod:`consistency.tables`), and any report can be
rendered from them. See docs/api.md.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from consistency import pipeline
from consistency.config import Config, configured_checks, load_config, overridden, parse_config
from consistency.ingest import InputProblem
from consistency.ingest.model import Input
from consistency.report import REPORTERS, Report, html_site
from consistency.report.audit import CHECK_TABLES, EXTRACT_TABLES, write_audit, write_text_atomic

#: What ``check`` and ``extract`` take: one article or folder, or several.
Article = str | os.PathLike[str] | Mapping[str, Any]
Articles = Article | Iterable[Article]
#: Configuration: a Config, a mapping of the keys of consistency.toml, or a file.
ConfigLike = Config | Mapping[str, Any] | str | os.PathLike[str] | None


@dataclass(frozen=True)
class Result:
    """A run's tables, each a DataFrame with the columns and dtypes of its schema."""

    command: str
    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]
    problems: list[InputProblem] = field(default_factory=list)
    config: Config = field(default_factory=Config)

    @property
    def documents(self) -> pd.DataFrame:
        return self.tables["documents"]

    @property
    def sentences(self) -> pd.DataFrame:
        return self.tables["sentences"]

    @property
    def facts(self) -> pd.DataFrame:
        return self.tables["facts"]

    @property
    def alignments(self) -> pd.DataFrame:
        """Facts of different sources the join matched (``check`` only)."""
        return self.tables["alignments"]

    @property
    def flags(self) -> pd.DataFrame:
        """Every finding, most severe first (``check`` only)."""
        return self.tables["flags"]

    @property
    def support(self) -> pd.DataFrame | None:
        """Draft mode: each checkable fact of the draft and what the sources say of it."""
        return self.tables.get("support")

    @property
    def errors(self) -> pd.DataFrame:
        """Inputs that could not be read."""
        return self.tables["errors"]

    def _report(self, out_dir: Path | None, options: Mapping[str, Any]) -> Report:
        return Report(
            command=self.command,
            tables=self.tables,
            texts=self.texts,
            problems=self.problems,
            out_dir=out_dir,
            fail_on=self.config.fail_on if self.command == "check" else None,
            show=str(options.get("show", self.config.show)),
            quiet=bool(options.get("quiet", False)),
            statistics=bool(options.get("statistics", False)),
        )

    def report(
        self, format: str = "rich", path: str | os.PathLike[str] | None = None, **options: Any
    ) -> str | Path:
        """Render a report: ``rich``, ``json``, ``github``, ``html`` or ``csv``.

        Without ``path`` the report is returned as text (``html``: the page of a
        one-story run, else the index). With ``path`` it is written there and the
        path is returned: ``html`` writes the page, or the index with its story pages
        beside it (``stories/``); ``csv`` writes the audit files into the folder
        ``path``. Options: ``show`` (the least severity listed), ``quiet``,
        ``statistics``.
        """
        if format == "csv":
            if path is None:
                raise ValueError("format 'csv' writes audit files: give a folder as path")
            folder = Path(path)
            names = CHECK_TABLES if self.command == "check" else EXTRACT_TABLES
            write_audit(
                folder, {n: self.tables[n] for n in (*names, "support") if n in self.tables}
            )
            return folder
        if format not in REPORTERS:
            raise ValueError(f"unknown format {format!r}; use csv, " + ", ".join(REPORTERS))
        target = Path(path) if path is not None else None
        report = self._report(target.parent if target else None, options)
        if format == "html" and target is not None:
            for name, page in html_site.pages(report).items():
                where = target if name == html_site.INDEX else target.parent / name
                write_text_atomic(where, page)
            return target
        stream = io.StringIO()
        REPORTERS[format](report, stream)
        if target is None:
            return stream.getvalue()
        write_text_atomic(target, stream.getvalue())
        return target


def _inputs(articles: Articles | None, *, name: str = "text") -> list[Input]:
    """Paths, texts and records as pipeline inputs: a string that names no file and holds
    whitespace is an article's text, with the id NAME-N (N counts the texts)."""
    if articles is None:
        return []
    if isinstance(articles, (str, os.PathLike, Mapping)):
        articles = [articles]
    out: list[Input] = []
    texts = 0
    for item in articles:
        if isinstance(item, Mapping):
            out.append(item)
        elif isinstance(item, str) and not Path(item).exists() and any(c.isspace() for c in item):
            texts += 1
            out.append({"id": f"{name}-{texts}", "text": item})
        else:
            out.append(Path(item))
    return out


def _config(config: ConfigLike) -> Config:
    if config is None:
        return Config(origin="the Python API")
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return parse_config(config, origin="the Python API")
    return load_config(Path(config))


def _codes(value: str | Iterable[str] | None) -> list[str] | None:
    """Selectors as a list: "N001,T" or ["N001", "T"]."""
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    return [c.strip() for item in items for c in str(item).split(",") if c.strip()]


def check(
    articles: Articles,
    *,
    against: Articles | None = None,
    config: ConfigLike = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
) -> Result:
    """Extract, join across sources and flag: the tables of a ``consistency check`` run.

    ``articles``: files or folders (``str`` or ``Path``), article texts (a ``str``
    with whitespace that names no file), or records (dicts with ``text`` and
    optionally ``id``, ``source``, ``published``, ``title``, ``url``, ``story``).
    ``against``: draft mode, the ``articles`` are drafts checked against these
    sources. ``config``: a :class:`Config`, a mapping of the keys of a
    consistency.toml, or a path to one; ``select`` and ``ignore`` (codes, groups,
    comma lists) override its selection. Unreadable inputs are in ``errors``.
    """
    settings = overridden(
        _config(config), select=_codes(select), ignore=_codes(ignore), where="select/ignore"
    )
    run = pipeline.check(
        _inputs(articles, name="text" if against is None else "draft"),
        against=_inputs(against, name="source") if against is not None else None,
        checks=configured_checks(settings),
    )
    return Result("check", run.tables, run.texts, run.problems,
                  settings)  # fmt: skip


def extract(articles: Articles, *, config: ConfigLike = None) -> Result:
    """Extraction only: documents, sentences, facts, dropped lines and errors."""
    run = pipeline.extract(_inputs(articles))
    return Result("extract", run.tables, run.texts, run.problems,
                  _config(config))  # fmt: skip
