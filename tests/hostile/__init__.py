"""A folder of good articles mixed with every kind of bad and hostile input.

:func:`build` writes it and returns what each input should give: the error code
of a bad one, ``None`` for one that must be read. The end-to-end test and the
fuzz run's seed corpus both use it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

GOOD = (
    "Exports reached $12 billion last year, the ministry said on Monday.\n\n"
    "The ministry expects growth of 5 percent this year.\n"
)
HOSTILE = (
    '=HYPERLINK("http://example.com/x","Click") opened the report, officials said.\n'
    "@SUM(1,2) was typed by 3 clerks. +1 and -2 were noted; 4 people agreed.\n"
    "\x1b]0;pwned\x07The screen \x1b[2Jcleared as 7 workers \x1b[31mleft\x1b[0m.\n"
    "[link=https://example.com/evil]Click[/link] and [/] and [bold]x[/bold] on 9 May.\n"
    '<script>alert(1)</script><img src=x onerror="alert(2)"> ran for 2 days.\n'
    "\"We will not stop,\" said Jane Doe. =cmd|' /C calc'!A0 cost $5.\n"
)
#: Code of the problem each bad input gives (a path as written under the folder).
BAD = {
    "bad/empty.txt": "E102",
    "bad/blank.txt": "E102",
    "bad/binary.txt": "E103",
    "bad/late-nul.txt": "E103",
    "bad/cyrillic.txt": "E104",
    "bad/huge.txt": "E105",
    "bad/colon.md": "E106",
    "bad/feb30.md": "E106",
    "bad/month13.md": "E106",
    "bad/hour25.md": "E106",
    "bad/year0.md": "E106",
    "bad/deep.md": "E106",
    "bad/title-list.md": "E106",
    "bad/notes.pdf": "E108",
    "bad/no-text.html": "E109",
    "bad/pipe.txt": "E112",
    "bad/loop.txt": "E113",
    "bad/broken.txt": "E101",
    "bad/missing.txt": "E101",
}
#: JSONL lines that are refused, by line number, with their code.
BAD_LINES = {3: "E107", 4: "E107", 5: "E107", 6: "E107", 7: "E110", 8: "E111", 9: "E106"}
#: The largest file the run's configuration lets through (bad/huge.txt is larger).
MAX_FILE_BYTES = 100_000


@dataclass(frozen=True)
class Folder:
    root: Path
    #: What to pass on the command line (the bad ones are named explicitly).
    paths: list[Path]
    config: Path
    #: Files that must be read, relative to root.
    good: list[str]


def _jsonl(records: list[object]) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def build(root: Path) -> Folder:
    """Write the folder under ``root``."""
    files: dict[str, bytes | str] = {
        "good/wire/story.txt": "Trade figures\n\n" + GOOD,
        "good/drafts/story.txt": "Trade figures\n\n" + GOOD.replace("$12", "$21"),
        "good/daily.md": (
            '---\nsource: "[bold]Daily[/bold] \\u001b[2J"\npublished: 2022-01-03\n'
            'title: "Eight and counting: a record"\nstory: \'trade "quoted" value\'\n---\n' + GOOD
        ),
        "good/latin1.txt": ("Café prices rose 5 percent, the café’s owner said.\n").encode(
            "cp1252"
        ),
        "good/utf16.txt": "\ufeffCafé prices rose 5 percent on Monday.\n".encode("utf-16-le"),
        "good/utf8-bom.txt": "\ufeffExports fell 3 percent on Monday.\n".encode(),
        "good/crlf.txt": GOOD.replace("\n", "\r\n").encode(),
        "good/cr-only.txt": GOOD.replace("\n", "\r").encode(),
        "good/hostile.txt": HOSTILE,
        "good/batch.jsonl": _jsonl(
            [
                {"id": "j1", "source": "[/]", "text": "Exports rose\u2028 7 percent [/] today."},
                {"text": "A second article about 12 ships, with \u2028 inside.", "title": "[b]"},
                '{"text": "broken',
                {"text": "Bad \ud800 text."},
                "[" * 5000 + "]" * 5000,
                '{"id": ' + "9" * 5000 + ', "text": "Long id."}',
                {"id": "j1", "text": "Duplicate id."},
                {"id": "../../etc/passwd", "text": "Unsafe id."},
                {"text": "Unknown field.", "colour": "red"},
                {"id": 42, "text": "Numeric id, 3 people."},
            ]
        ),
        "bad/empty.txt": "",
        "bad/blank.txt": " \n\t\n",
        "bad/binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        "bad/late-nul.txt": ("Word " * 14_000).encode() + b"\x00tail",
        "bad/cyrillic.txt": "Цены выросли на пять процентов в понедельник.".encode("cp1251"),
        "bad/huge.txt": "Word " * (MAX_FILE_BYTES // 5 + 100),
        "bad/colon.md": "---\ntitle: Eight and counting: a record in numbers\n---\nBody 5.\n",
        "bad/feb30.md": "---\npublished: 2022-02-30\n---\nBody text 5.\n",
        "bad/month13.md": "---\npublished: 2022-13-01\n---\nBody text 5.\n",
        "bad/hour25.md": "---\npublished: 2022-01-01T25:00:00\n---\nBody text 5.\n",
        "bad/year0.md": "---\npublished: 0000-01-01\n---\nBody text 5.\n",
        "bad/deep.md": "---\nsource: " + "[" * 3000 + "]" * 3000 + "\n---\nBody 5.\n",
        "bad/title-list.md": "---\ntitle: [a, b]\n---\nBody text 5.\n",
        "bad/notes.pdf": "%PDF-1.4",
        "bad/no-text.html": "<html><body><script>x=1</script></body></html>",
    }
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", errors="surrogatepass")
    os.mkfifo(root / "bad/pipe.txt")
    (root / "bad/loop.txt").symlink_to("loop.txt")
    (root / "bad/broken.txt").symlink_to("nowhere.txt")
    (root / "good/sub").mkdir()
    (root / "good/sub/up").symlink_to("..")  # a folder loop: reported, not followed
    config = root / "consistency.toml"
    config.write_text(f"max-file-bytes = {MAX_FILE_BYTES}\n", encoding="utf-8")
    good = sorted(
        str(p.relative_to(root))
        for p in (root / "good").rglob("*")
        if p.is_file() and not p.is_symlink() and p.suffix != ".jsonl"
    )
    paths = [
        root / "good",
        root / "good/wire/story.txt",  # the same file again: read once, with a note
        *(root / name for name in BAD),
    ]
    return Folder(root, paths, config, good)
