"""Fuzz ingest and extraction for a fixed time budget; any exception or hang is a crash.

``python -m benchmarks.fuzz [--seconds 60] [--seed 1] [--crashes DIR]`` (``make fuzz``)

Inputs are seed files (seeds/ and the hostile folder of tests/hostile) mutated by
operations that Hypothesis draws: inserted bytes and tokens that readers and
extractors react to (BOMs, NUL, CR, U+2028, front-matter fences, JSON brackets,
lone surrogate escapes, dates that do not exist, formula and escape characters),
deletions, bit flips, splices and repeats, saved under a drawn suffix. Each input
goes through ingest (every reader); an accepted one is then checked with a good
article (parse, extraction, join, checks). Reading a file may refuse it with a
coded problem; anything raised, or a run longer than ``--hang`` seconds, is a
crash: Hypothesis shrinks it, the input is saved in ``--crashes`` and the run
exits 1. The budget is wall time, split into rounds of examples drawn from
successive seeds, so a run is repeatable for a given ``--seed`` and machine speed.
"""

from __future__ import annotations

import argparse
import codecs
import logging
import signal
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st

from consistency import pipeline
from consistency.ingest import load
from consistency.ingest.readers import READERS, Limits

ROOT = Path(__file__).resolve().parents[1]
GOOD = "Exports reached $12 billion last year, the ministry said on Monday (3/1/2022).\n"
LIMITS = Limits(max_file_bytes=200_000)
TOKENS: tuple[bytes, ...] = (
    b"\x00",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF32_LE,
    b"\r",
    b"\r\n",
    "\u2028".encode(),
    "\u202e".encode(),
    "\u0301".encode(),
    "\ufeff".encode(),
    b"---\n",
    b"\n---\n",
    b"published: ",
    b"title: ",
    b": ",
    b'"',
    b"'",
    b"\\",
    b"\\ud800",
    b"\\u0000",
    b"{",
    b"}",
    b"[",
    b"]",
    b"[" * 64,
    b'{"text": "',
    b'", "id": ',
    b'"}\n',
    b"=",
    b"@",
    b"+",
    b"-",
    b"\t",
    b"\x1b[2J",
    b"[/]",
    b"9" * 40,
    b"2022-02-30",
    b"31/13/2022",
    b"on Monday",
    b"last year",
    b"$",
    b"%",
    b" billion",
    b" percent",
    b" said ",
    b"\xe9",
    b"\x81",
    b"\xff",
    b"<script>",
    b"</p><p>",
    b"&amp;",
    b"\xe2\x80\x9c",
    b"\xe2\x80\x9d",
)


class Hang(Exception):
    """One input took longer than the hang limit."""


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: FrameType | None) -> None:
        raise Hang(f"no result after {seconds}s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def seed_corpus() -> dict[str, bytes]:
    """The files mutations start from: seeds/ and the hostile folder."""
    from tests.hostile import build

    corpus = {f"seeds/{p.name}": p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt"))}
    with tempfile.TemporaryDirectory() as tmp:
        folder = build(Path(tmp))
        for path in sorted(folder.root.rglob("*")):
            if path.is_file() and not path.is_symlink() and path.stat().st_size < 50_000:
                corpus[f"hostile/{path.relative_to(folder.root)}"] = path.read_bytes()
    return corpus


def mutations() -> st.SearchStrategy[list[tuple[str, int, object]]]:
    position = st.integers(0, 1 << 20)
    return st.lists(
        st.one_of(
            st.tuples(st.just("insert"), position, st.sampled_from(TOKENS) | st.binary(max_size=8)),
            st.tuples(st.just("delete"), position, st.integers(1, 64)),
            st.tuples(st.just("flip"), position, st.integers(1, 255)),
            st.tuples(st.just("repeat"), position, st.integers(2, 300)),
            st.tuples(st.just("truncate"), position, st.just(0)),
        ),
        max_size=8,
    )


def mutate(data: bytes, ops: list[tuple[str, int, object]], splice: bytes) -> bytes:
    for name, where, arg in ops:
        at = where % (len(data) + 1)
        if name == "insert":
            data = data[:at] + arg + data[at:]  # type: ignore[operator]
        elif name == "delete":
            data = data[:at] + data[at + int(arg) :]  # type: ignore[call-overload]
        elif name == "flip" and at < len(data):
            data = data[:at] + bytes([data[at] ^ int(arg)]) + data[at + 1 :]  # type: ignore[call-overload]
        elif name == "repeat":
            data = data[:at] + data[at : at + 16] * int(arg) + data[at:]  # type: ignore[call-overload]
        elif name == "truncate":
            data = data[:at] + splice[at % (len(splice) + 1) :]
    return data


@dataclass
class Tally:
    inputs: int = 0
    checked: int = 0
    problems: Counter[str] = field(default_factory=Counter)
    crash: str | None = None


def target(data: bytes, suffix: str, folder: Path, tally: Tally, hang: int) -> None:
    """The fuzz target: one input through ingest, then (if read) through a whole check."""
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    tally.inputs += 1
    with time_limit(hang):
        loaded = load([path], limits=LIMITS)
        tally.problems.update(p.code for p in loaded.problems)
        if loaded.documents:
            tally.checked += 1
            pipeline.check([path, folder / "good.txt"], limits=LIMITS)


def fuzz_round(
    corpus: dict[str, bytes], folder: Path, tally: Tally, *, seed: int, examples: int, hang: int
) -> None:
    names = sorted(corpus)

    @hypothesis_seed(seed)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
    )
    @given(
        st.sampled_from(names),
        st.sampled_from(names),
        st.sampled_from(sorted(READERS)),
        mutations(),
    )
    def one(name: str, other: str, suffix: str, ops: list[tuple[str, int, object]]) -> None:
        data = mutate(corpus[name], ops, corpus[other])
        try:
            target(data, suffix, folder, tally, hang)
        except BaseException:
            tally.crash = f"{name} + {other} as {suffix}, {ops}"
            (folder / "last-crash").write_bytes(data)
            (folder / "last-crash.suffix").write_text(suffix)
            raise

    one()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="wall-time budget")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hang", type=int, default=60, help="seconds before an input is a hang")
    parser.add_argument("--crashes", type=Path, default=ROOT / "reports" / "fuzz-crashes")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)  # trafilatura logs every page it cannot parse
    corpus = seed_corpus()
    tally = Tally()
    started = time.perf_counter()
    rounds = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "good.txt").write_text(GOOD, encoding="utf-8")
        pipeline.check([folder / "good.txt"])  # the model loads outside the budget
        started = time.perf_counter()
        try:
            while time.perf_counter() - started < args.seconds:
                fuzz_round(
                    corpus,
                    folder,
                    tally,
                    seed=args.seed * 100_003 + rounds,
                    examples=25,
                    hang=args.hang,
                )
                rounds += 1
        except Exception:
            args.crashes.mkdir(parents=True, exist_ok=True)
            suffix = (folder / "last-crash.suffix").read_text()
            saved = args.crashes / f"crash-seed{args.seed}{suffix}"
            saved.write_bytes((folder / "last-crash").read_bytes())
            print(traceback.format_exc())
            print(f"CRASH (shrunk): {tally.crash}\n  input saved as {saved}")
    elapsed = time.perf_counter() - started
    print(
        f"fuzz: {tally.inputs} inputs in {elapsed:.0f}s ({tally.inputs / elapsed:.1f}/s), "
        f"{tally.checked} read and checked whole, {rounds} rounds of seed {args.seed}; "
        f"crashes: {1 if tally.crash else 0}"
    )
    print("  problems named: " + ", ".join(f"{c} {n}" for c, n in sorted(tally.problems.items())))
    return 1 if tally.crash else 0


if __name__ == "__main__":
    raise SystemExit(main())
