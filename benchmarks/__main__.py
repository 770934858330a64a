"""``python -m benchmarks``: run every benchmark module in turn, each in its own process
(so that one benchmark's memory and warm caches do not colour the next one's figures)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    names = sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    status = 0
    for name in names:
        print(f"== benchmarks.{name}", flush=True)
        result = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], check=False)
        status = status or result.returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
