"""Bytes → text: which encoding a file is in, by one documented rule.

The rule, in order:

1. A byte-order mark names the encoding: UTF-8, UTF-16 (LE or BE) or UTF-32
   (LE or BE). The mark is not part of the text.
2. Without a mark, a file holding a NUL byte anywhere is binary (UTF-16 and
   UTF-32 without a mark are refused with it: save them with a mark, or as UTF-8).
3. A file with more than 5% control bytes (other than tab, line breaks and
   form feed) is binary.
4. Valid UTF-8 is UTF-8. A file that holds well-formed UTF-8 characters next
   to bytes that are not UTF-8 is damaged UTF-8, and is refused with the first
   bad byte named (read as Windows-1252 its every accented letter would be wrong).
5. Otherwise the file is read as Windows-1252, the Western single-byte encoding
   of Windows exports (its printable characters include all of Latin-1's),
   unless it holds a byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
   0x90, 0x9D) or more than a fifth of its letters would come out accented:
   such text is in another encoding (Cyrillic, Greek, Central European ...)
   that no rule can tell apart reliably, and is refused with a request to
   convert it to UTF-8.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Final

from consistency.ingest.model import InputError

E_BINARY: Final = "E103"
E_ENCODING: Final = "E104"

#: Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
)
#: Control bytes that text does not hold: C0 except tab, LF, VT, FF, CR; and DEL.
CONTROL_BYTES: Final = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
CONTROL_SHARE: Final = 0.05
#: Above this share of accented letters, a Windows-1252 reading is not believed.
ACCENTED_SHARE: Final = 0.2
_CONTROL_CHARS: Final = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_WIN1252_UNDEFINED: Final = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
#: A well-formed UTF-8 character of two to four bytes (no surrogates).
_UTF8_MULTIBYTE: Final = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}"
    rb"|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


@dataclass(frozen=True)
class Decoded:
    """A file's text and the name of the encoding it was read in (as documents.csv shows)."""

    text: str
    encoding: str


def decode(raw: bytes) -> Decoded:
    """The text of a file's bytes by the rule above, or a coded :class:`InputError`."""
    for bom, codec, name in BOMS:
        if raw.startswith(bom):
            return _with_bom(raw[len(bom) :], codec, name)
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise InputError(
            E_BINARY,
            f"file is binary: it holds a NUL byte (at offset {nul}); "
            "if it is UTF-16 text, save it with a byte-order mark or as UTF-8",
        )
    _refuse_control_bytes(raw)
    try:
        return Decoded(raw.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _UTF8_MULTIBYTE.search(raw):
        raise InputError(
            E_ENCODING,
            f"damaged UTF-8: it holds UTF-8 characters, but byte 0x{raw[first_bad]:02x} at "
            f"offset {first_bad} is not UTF-8; repair the file or save it again as UTF-8",
        )
    undefined = _WIN1252_UNDEFINED.search(raw)
    if undefined is not None:
        raise InputError(
            E_ENCODING,
            f"neither UTF-8 (byte 0x{raw[first_bad]:02x} at offset {first_bad}) nor "
            f"Windows-1252 (byte 0x{raw[undefined.start()]:02x} at offset "
            f"{undefined.start()}); convert the file to UTF-8",
        )
    text = raw.decode("cp1252")
    letters = [c for c in text if c.isalpha()]
    accented = sum(1 for c in letters if not c.isascii())
    if letters and accented / len(letters) > ACCENTED_SHARE:
        raise InputError(
            E_ENCODING,
            f"not UTF-8 (byte 0x{raw[first_bad]:02x} at offset {first_bad}), and read as "
            f"Windows-1252 {accented / len(letters):.0%} of its letters would be accented, "
            "so it is in another encoding; convert the file to UTF-8",
        )
    return Decoded(text, "Windows-1252")


def _with_bom(body: bytes, codec: str, name: str) -> Decoded:
    try:
        text = body.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(
            E_ENCODING,
            f"starts with a {name} byte-order mark but is not valid {name.split()[0]} "
            f"(at byte {exc.start} after the mark: {exc.reason}); "
            "convert the file to UTF-8",
        ) from exc
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(E_BINARY, f"file is binary: it holds a NUL character (at {nul})")
    controls = len(_CONTROL_CHARS.findall(text))
    if text and controls / len(text) > CONTROL_SHARE:
        raise InputError(E_BINARY, f"file is binary: {controls / len(text):.0%} control characters")
    return Decoded(text, name)


def _refuse_control_bytes(raw: bytes) -> None:
    if not raw:
        return
    controls = len(raw) - len(raw.translate(None, CONTROL_BYTES))
    if controls / len(raw) > CONTROL_SHARE:
        raise InputError(
            E_BINARY,
            f"file is binary: {controls / len(raw):.0%} of its bytes are control codes, not text",
        )
