"""Rebuild the golden audit files for seeds/: ``python -m tests.golden.rebuild``.

Run it after a deliberate change of extraction or checks, and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from consistency import pipeline
from consistency.report.audit import CHECK_TABLES, to_csv_text

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "seeds"


def golden_tables() -> dict[str, str]:
    """The audit CSVs of seeds/, with paths relative to the repository."""
    run = pipeline.check([Path("seeds")])
    return {name: to_csv_text(run.tables[name]) for name in CHECK_TABLES}


def main() -> None:
    import os

    os.chdir(ROOT)
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for name, text in golden_tables().items():
        (GOLDEN / f"{name}.csv").write_text(text, encoding="utf-8")
        print(f"wrote {GOLDEN / name}.csv")


if __name__ == "__main__":
    main()
