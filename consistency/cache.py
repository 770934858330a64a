"""The parse cache: parsed documents and their facts kept on disk, so that a re-run or a
repeated article skips the model.

Where: ``$CONSISTENCY_CACHE`` when set, else ``$XDG_CACHE_HOME/consistency``, else
``~/.cache/consistency``. ``--no-cache`` leaves it alone for one run. How big: at
most ``$CONSISTENCY_CACHE_MB`` megabytes (default :data:`DEFAULT_MB`); at the end of
a run the entries used longest ago are removed until it fits.

Three kinds of entry, each a compressed file named by a SHA-256 key:

- ``parse``: a document's parse (spaCy's bytes, without the tensor no extractor reads),
  keyed by its cleaned text, the model (package, name, version, spaCy's version) and
  the project's version. The same article under another name or path hits it too.
- ``layout``: its sentences (offsets), under the same key: what the story needs to
  settle the anchors of undated articles before any facts are read.
- ``facts``: its fact rows as the extractors return them (before names are made one
  across the story), keyed by the parse key, the document as read, its settled
  anchor, and a fingerprint of the project's code: any change to the code misses.

Entries are written to a temporary file and renamed into place, so the processes of
one run, or runs side by side, share a cache safely. An entry that cannot be read is
a miss.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Final

DEFAULT_MB: Final = 2048
KINDS: Final = ("parse", "layout", "facts")
SUFFIX: Final = ".z"


def default_root() -> Path:
    """The documented location (see the module docstring)."""
    if os.environ.get("CONSISTENCY_CACHE"):
        return Path(os.environ["CONSISTENCY_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "consistency"


def default_limit() -> int:
    """The size bound in bytes: ``$CONSISTENCY_CACHE_MB`` or :data:`DEFAULT_MB`."""
    try:
        mb = float(os.environ.get("CONSISTENCY_CACHE_MB", DEFAULT_MB))
    except ValueError:
        mb = DEFAULT_MB
    return int(mb * 1024 * 1024)


@dataclass(frozen=True)
class Cache:
    """A cache directory and its size bound; picklable, so workers share it."""

    root: Path
    max_bytes: int

    @classmethod
    def default(cls) -> Cache:
        return cls(default_root(), default_limit())

    def path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}{SUFFIX}"

    def get(self, kind: str, key: str) -> bytes | None:
        path = self.path(kind, key)
        try:
            data = zlib.decompress(path.read_bytes())
        except (OSError, zlib.error):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: trimmed last
        return data

    def put(self, kind: str, key: str, data: bytes) -> None:
        path = self.path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(zlib.compress(data, 1))
            os.replace(tmp, path)
        except OSError:
            return  # a cache that cannot be written is no cache, never an error

    def get_json(self, kind: str, key: str) -> Any:
        data = self.get(kind, key)
        if data is None:
            return None
        try:
            return json.loads(data)
        except ValueError:
            return None

    def put_json(self, kind: str, key: str, value: Any) -> None:
        self.put(kind, key, json.dumps(value, separators=(",", ":")).encode())

    def entries(self) -> list[tuple[float, int, Path]]:
        """(last use, size, path) of every entry."""
        out: list[tuple[float, int, Path]] = []
        for kind in KINDS:
            for folder in _subdirs(self.root / kind):
                for entry in os.scandir(folder):
                    if entry.name.endswith(SUFFIX):
                        try:
                            stat = entry.stat()
                        except OSError:
                            continue
                        out.append((stat.st_mtime, stat.st_size, Path(entry.path)))
        return out

    def size(self) -> int:
        return sum(size for _, size, _ in self.entries())

    def trim(self) -> int:
        """Remove the entries used longest ago until the cache fits; bytes removed."""
        entries = sorted(self.entries())
        total = sum(size for _, size, _ in entries)
        removed = 0
        for _, size, path in entries:
            if total - removed <= self.max_bytes:
                break
            try:
                path.unlink()
                removed += size
            except OSError:
                continue
        return removed


def _subdirs(folder: Path) -> Iterable[str]:
    try:
        return [e.path for e in os.scandir(folder) if e.is_dir()]
    except OSError:
        return []


def digest(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


@cache
def project_version() -> str:
    """The installed project's version (what a stored parse depends on besides the model)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("consistency")
    except PackageNotFoundError:
        return "unknown"


@cache
def code_fingerprint() -> str:
    """The project's version and a hash of its files (code and word lists): what facts
    depend on."""
    package = Path(__file__).resolve().parent
    h = hashlib.sha256(project_version().encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(package)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()
