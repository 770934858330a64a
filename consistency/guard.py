"""What a user sees when a run cannot finish: one line and an exit code, never a traceback.

Ctrl-C and SIGTERM stop a run with exit 130 (the output directory keeps the
previous run or gets this one whole: see :mod:`consistency.report.rundir`); a
reader that stops early (``| head``) ends the output quietly; an unexpected
error is one line naming it, exit 2 (``CONSISTENCY_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator
from types import FrameType

from consistency.exitcodes import ExitCode

DEBUG_VARIABLE = "CONSISTENCY_DEBUG"


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextlib.contextmanager
def sigterm_interrupts() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt (as Ctrl-C does) while the block runs."""
    try:
        previous = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def silence_stdout() -> None:
    """After a broken pipe: later writes (and the flush at exit) go nowhere."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def say(message: str) -> None:
    """One line on standard error, printable whatever the message holds."""
    safe = message.encode("utf-8", "backslashreplace").decode("utf-8")
    safe = "".join(c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" for c in safe)
    with contextlib.suppress(OSError, ValueError):
        print(f"consistency: {safe}", file=sys.stderr, flush=True)


def guarded(run: Callable[[], int]) -> int:
    """Run the command; interruptions and unexpected errors become one line and a code."""
    try:
        with sigterm_interrupts():
            return run()
    except KeyboardInterrupt:
        say("interrupted; the output directory holds no partial run")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return ExitCode.OK
    except Exception as exc:
        if os.environ.get(DEBUG_VARIABLE):
            raise
        say(
            f"internal error: {type(exc).__name__}: {exc}; please report it "
            f"(run with {DEBUG_VARIABLE}=1 to see where it happened)"
        )
        return ExitCode.USAGE_OR_INPUT
