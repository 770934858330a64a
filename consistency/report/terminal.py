"""The rich console of the terminal reporters.

rich ends the process with exit status 1 when the reader of a pipe stops early
(``consistency check ... | head``); here the broken pipe is raised instead, so
the command line ends quietly with the exit status the flags call for.
"""

from __future__ import annotations

import errno

from rich.console import Console


class TerminalConsole(Console):
    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError(errno.EPIPE, "the reader closed the pipe")
