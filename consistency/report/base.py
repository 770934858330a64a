"""The one interface every reporter implements, and the lookup by format name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd

from consistency.checks.base import Severity
from consistency.ingest import InputProblem


@dataclass(frozen=True)
class Report:
    """What a reporter renders: the run's tables, texts, problems and where audits went."""

    command: str
    tables: dict[str, pd.DataFrame]
    texts: dict[str, str]
    problems: list[InputProblem]
    out_dir: Path | None
    fail_on: str | None
    #: Flags left out because a baseline file records them.
    hidden_by_baseline: int = 0
    #: The least severity shown (error, warning or info); audit files keep every flag.
    show: str = "info"
    #: Findings only: no summary, no tables.
    quiet: bool = False
    #: Counts of findings by check instead of the findings.
    statistics: bool = False

    @property
    def flags(self) -> pd.DataFrame:
        return self.tables.get("flags", pd.DataFrame())

    @property
    def shown_flags(self) -> pd.DataFrame:
        """The flags at or above ``show``: what the reports list."""
        flags = self.flags
        if flags.empty:
            return flags
        least = Severity.parse(self.show)
        return flags[[Severity.parse(s) >= least for s in flags["severity"]]]

    def severity_counts(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        if not self.flags.empty:
            for severity, n in self.flags["severity"].value_counts().items():
                counts[str(severity)] = int(n)
        return counts


Reporter = Callable[[Report, TextIO], None]
