"""Paths given on the command line → the article files to read, each named once.

A directory is read recursively: files with a supported suffix, in name order,
hidden files and folders skipped, other files ignored. Symbolic links are
followed; a link that leads back into a folder being read is a loop and is
reported, as are broken links, named pipes and devices, and folders that cannot
be listed. Every path named is checked the same way.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from consistency.ingest.model import InputProblem, display_path
from consistency.ingest.readers import (
    E_NOT_FOUND,
    E_SYMLINK_LOOP,
    E_UNREADABLE,
    E_UNSUPPORTED,
    READERS,
)


@dataclass(frozen=True)
class Found:
    """An article file: its path, and its path relative to the input that named it."""

    path: Path
    relative: tuple[str, ...]

    @property
    def chain(self) -> tuple[str, ...]:
        """Every component of the absolute path (links not resolved), root left out."""
        return self.path.absolute().parts[1:]


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _stat(path: Path) -> os.stat_result | InputProblem:
    """``stat`` following links, or the problem that prevents it."""
    try:
        return path.stat()
    except OSError as exc:
        where = display_path(path)
        if exc.errno == errno.ELOOP:
            return InputProblem(where, E_SYMLINK_LOOP, "symbolic link loop: the link never ends")
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if path.is_symlink():
                target = display_path(os.readlink(path))
                return InputProblem(where, E_NOT_FOUND, f"broken symbolic link (to {target})")
            return InputProblem(where, E_NOT_FOUND, "no such file or directory")
        return InputProblem(where, E_UNREADABLE, f"cannot read: {exc.strerror or exc}")


def _supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def discover(paths: Iterable[str | Path]) -> tuple[list[Found], list[InputProblem]]:
    """The article files under ``paths``, in order, and the paths that could not be used."""
    found: list[Found] = []
    problems: list[InputProblem] = []
    for raw in paths:
        path = Path(raw)
        info = _stat(path)
        if isinstance(info, InputProblem):
            problems.append(info)
        elif stat.S_ISDIR(info.st_mode):
            before, troubles = len(found), len(problems)
            _walk(path, (), (_ino(info),), found, problems)
            if len(found) == before and len(problems) == troubles:
                problems.append(
                    InputProblem(
                        display_path(path),
                        E_UNSUPPORTED,
                        "directory holds no article files (" + ", ".join(sorted(READERS)) + ")",
                    )
                )
        elif not _supported(path):
            problems.append(
                InputProblem(
                    display_path(path),
                    E_UNSUPPORTED,
                    f"unsupported format '{path.suffix or '(none)'}'; "
                    "use " + ", ".join(sorted(READERS)),
                )
            )
        elif stat.S_ISREG(info.st_mode):
            found.append(Found(path, (path.name,)))
        else:
            problems.append(
                InputProblem(display_path(path), E_UNREADABLE, f"{_kind(info.st_mode)}, not a file")
            )
    return found, problems


def _ino(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _walk(
    folder: Path,
    relative: tuple[str, ...],
    ancestors: tuple[tuple[int, int], ...],
    found: list[Found],
    problems: list[InputProblem],
) -> None:
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        problems.append(
            InputProblem(
                display_path(folder), E_UNREADABLE, f"cannot list folder: {exc.strerror or exc}"
            )
        )
        return
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        if not path.is_symlink() and not _supported(path) and not path.is_dir():
            continue  # an ordinary file of another kind: not an article
        info = _stat(path)
        if isinstance(info, InputProblem):
            if _supported(path) or not path.suffix:
                problems.append(info)
            continue
        if stat.S_ISDIR(info.st_mode):
            if _ino(info) in ancestors:
                problems.append(
                    InputProblem(
                        display_path(path),
                        E_SYMLINK_LOOP,
                        "symbolic link loop: leads back to a folder that holds it",
                    )
                )
                continue
            _walk(path, (*relative, name), (*ancestors, _ino(info)), found, problems)
        elif not _supported(path):
            continue
        elif stat.S_ISREG(info.st_mode):
            found.append(Found(path, (*relative, name)))
        else:
            problems.append(
                InputProblem(display_path(path), E_UNREADABLE, f"{_kind(info.st_mode)}, not a file")
            )
