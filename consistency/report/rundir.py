"""The run directory: every output file of a run appears together, or none does.

Files are written into a staging folder inside the run directory, then moved
into place in one commit, during which Ctrl-C and SIGTERM wait and a second
run into the same directory waits its turn (a lock on the directory). A
manifest (``.consistency-run.json``) lists the files the last run wrote: a run
replaces those and deletes the ones it no longer writes (``extract`` into a
former ``check`` directory), and never touches any other file; a file of the
same name that it did not write makes it stop with an error before anything
is moved. Staging folders left by a killed run are removed by the next one.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Final

MANIFEST: Final = ".consistency-run.json"
STAGING_PREFIX: Final = ".staging-"
_STAGING: Final = re.compile(re.escape(STAGING_PREFIX) + r"(\d+)-")
_SIGNALS: Final = {signal.SIGINT, signal.SIGTERM}


class OutputError(OSError):
    """The run directory cannot be written without harm; the message says why."""


def file_mode() -> int:
    """The permissions a new file gets from the umask (as ``open`` would create it)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def check_target(out: Path, names: Mapping[str, object] | list[str]) -> None:
    """Refuse, before any work, a directory this run could not write without harm."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a directory")
    if out.is_dir():
        _refuse_foreign(out, list(names), _owned(out))


def _owned(out: Path) -> set[str]:
    """The files the previous run wrote here, from its manifest."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    return {f for f in files if isinstance(f, str) and f and "/" not in f and f[0] != "."}


def _refuse_foreign(out: Path, names: list[str], owned: set[str]) -> None:
    foreign = sorted(n for n in names if n not in owned and (out / n).exists())
    if foreign:
        raise OutputError(
            f"{out} already holds {', '.join(foreign)} that consistency did not write; "
            "choose a new or empty directory with --out"
        )


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Ctrl-C and SIGTERM received in the block take effect when it ends."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pending: list[int] = []
    previous = {sig: signal.signal(sig, lambda n, _f: pending.append(n)) for sig in _SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if pending:
            handler = previous[pending[0]]
            if callable(handler):
                handler(pending[0], None)
            elif handler == signal.SIG_DFL:
                os.kill(os.getpid(), pending[0])


@contextlib.contextmanager
def _held(out: Path) -> Iterator[None]:
    """Signals deferred and the directory locked for the time of the commit."""
    with _signals_deferred():
        fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)


def _remove_stale_staging(out: Path) -> None:
    for entry in out.iterdir():
        match = _STAGING.match(entry.name)
        if not match or not entry.is_dir():
            continue
        pid = int(match.group(1))
        if pid == os.getpid():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            continue


def write_run(out: Path, files: Mapping[str, str]) -> list[Path]:
    """Write ``files`` (name → text, UTF-8) as the contents of the run directory ``out``."""
    check_target(out, files)
    created = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out))
    mode = file_mode()
    try:
        for name, text in files.items():
            path = staging / name
            path.write_text(text, encoding="utf-8")
            path.chmod(mode)
        return _commit(out, staging, list(files), mode)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _write_manifest(staging: Path, out: Path, names: list[str], mode: int) -> None:
    body = json.dumps({"files": sorted(set(names))}, indent=1) + "\n"
    tmp = staging / MANIFEST
    tmp.write_text(body, encoding="utf-8")
    tmp.chmod(mode)
    os.replace(tmp, out / MANIFEST)


def _commit(out: Path, staging: Path, names: list[str], mode: int) -> list[Path]:
    with _held(out):
        _remove_stale_staging(out)
        owned = _owned(out)
        _refuse_foreign(out, names, owned)
        # Claim every name first: a run killed half-way leaves no file it wrote unlisted.
        _write_manifest(staging, out, [*owned, *names], mode)
        written = []
        for name in names:
            os.replace(staging / name, out / name)
            written.append(out / name)
        _write_manifest(staging, out, names, mode)
        for stale in sorted(owned - set(names)):
            path = out / stale
            if path.is_file() and not path.is_symlink():
                path.unlink()
    return written
