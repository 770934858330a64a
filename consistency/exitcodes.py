"""Process exit codes."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    """No flag at or above the failing severity."""
    FLAGS = 1
    """Some flag at or above the failing severity."""
    USAGE_OR_INPUT = 2
    """Bad arguments, or an input that could not be read."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C or SIGTERM; the output directory is as it was, or complete."""
