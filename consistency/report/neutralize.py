"""Article text made harmless for where a report is opened: spreadsheets and terminals.

**CSV cells** (OWASP's rule against formula injection): a cell that begins with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with a single
quote, so that a spreadsheet shows it as text instead of evaluating it. A cell
that already begins with single quotes followed by one of those characters gets
one more, so the rule can be undone exactly: :func:`restore_csv_cell` drops the
one quote added. Every text cell that comes from an article is also its slice
``document[char_start:char_end]``, so the raw value can always be read back from
the offsets.

**Terminal text**: escape sequences (ANSI CSI and OSC, which could move the
cursor, clear the screen, set the window title or print a hyperlink) are removed,
and other control characters and bidirectional overrides are shown as U+FFFD; the
text is then printed as plain text, never read as rich markup.
"""

from __future__ import annotations

import re
from typing import Final

#: First characters a spreadsheet may read as the start of a formula (OWASP).
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_PREFIX: Final = re.compile(r"'*[=+\-@\t\r]")
_ADDED_PREFIX: Final = re.compile(r"''*[=+\-@\t\r]")

#: Escape sequences: CSI (ESC [ ... final byte), OSC (ESC ] ... BEL or ESC \), other ESC pairs;
#: and the 8-bit CSI and OSC introducers.
_ESCAPES: Final = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[@-Z\\-_]"
)
#: Controls a terminal acts on (line breaks and tabs are kept), and bidirectional controls.
_CONTROLS: Final = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def csv_cell(value: str) -> str:
    """A text cell a spreadsheet will not evaluate (see the module docstring)."""
    return "'" + value if _NEEDS_PREFIX.match(value) else value


def restore_csv_cell(value: str) -> str:
    """The cell as it was before :func:`csv_cell`."""
    return value[1:] if _ADDED_PREFIX.match(value) else value


def terminal_text(value: str) -> str:
    """Text safe to print on a terminal: no escape sequences, no control characters.

    A CR line end is dropped and a bare CR shown as a space.
    """
    value = _ESCAPES.sub("", value).replace("\r\n", "\n").replace("\r", " ")
    return _CONTROLS.sub("\ufffd", value)
