"""The command's entry point: progress on screen first, then everything else.

Reading the checks and the pipeline in takes a second or more (pandas, spaCy). For
``check`` and ``extract`` on a terminal, the progress display
(:mod:`consistency.live`) is started before those imports.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from consistency.live import start_display


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in (["check"], ["extract"]) and "-h" not in args and "--help" not in args:
        start_display()
    from consistency.cli import main as run

    return run(argv)
