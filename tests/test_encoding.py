"""Bytes → text by the documented rule: which encodings are read, and what is refused."""

from __future__ import annotations

import codecs

import pytest

from consistency.ingest.encoding import decode
from consistency.ingest.model import InputError

TEXT = "Café prices rose 5 percent, the café’s owner said on Monday.\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode(), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode(), "UTF-8 (BOM)"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "UTF-16LE"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16BE"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "UTF-32LE"),
        (TEXT.encode("cp1252"), "Windows-1252"),
        (TEXT.replace("’", "'").encode("latin-1"), "Windows-1252"),
    ],
)
def test_each_readable_encoding_gives_the_same_text_and_is_named(raw: bytes, encoding: str) -> None:
    decoded = decode(raw)
    assert decoded.encoding == encoding
    assert decoded.text in (TEXT, TEXT.replace("’", "'"))


@pytest.mark.parametrize(
    ("raw", "code", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E103", "NUL byte (at offset 8)"),
        (TEXT.encode() * 2000 + b"\x00", "E103", "NUL byte"),
        (TEXT.encode("utf-16-le"), "E103", "byte-order mark"),
        (bytes(range(1, 32)) * 10 + b"abc", "E103", "control codes"),
        ("Цены выросли на пять процентов.".encode("cp1251"), "E104", "another encoding"),
        (b"Caf\xe9 \x81 prices", "E104", "Windows-1252 (byte 0x81"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "E104", "UTF-16LE"),
        ("Café rose ".encode() + b"\xed\xa0\x80 5%", "E104", "damaged UTF-8"),
        ("Café rose ".encode() + b"\xe9 5%", "E104", "byte 0xe9 at offset 11"),
    ],
)
def test_what_cannot_be_text_is_refused_with_the_reason(raw: bytes, code: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(raw)
    assert caught.value.code == code
    assert words in caught.value.message


def test_a_few_escape_characters_do_not_make_an_article_binary() -> None:
    raw = b"\x1b]0;title\x07Officials said 5 people left \x1b[2Jtoday, after a long meeting.\n"
    assert decode(raw * 3).encoding == "UTF-8"
