"""The run directory: all of a run's files or none, never another's file touched."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from consistency.report import rundir
from consistency.report.audit import write_text_atomic
from consistency.report.rundir import MANIFEST, OutputError, write_run

FIRST = {"a.csv": "x\n1\n", "report.html": "<p>one</p>"}
SECOND = {"a.csv": "x\n2\n", "report.html": "<p>two</p>"}


def contents(out: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(out.iterdir()) if p.is_file()}


def test_files_appear_with_a_manifest_and_no_staging(tmp_path: Path) -> None:
    out = tmp_path / "run"
    write_run(out, FIRST)
    assert contents(out) == {**FIRST, MANIFEST: contents(out)[MANIFEST]}
    assert json.loads((out / MANIFEST).read_text())["files"] == sorted(FIRST)
    assert [p.name for p in out.iterdir() if p.is_dir()] == []


def test_a_later_run_replaces_its_own_files_and_removes_those_it_no_longer_writes(
    tmp_path: Path,
) -> None:
    out = tmp_path / "run"
    write_run(out, FIRST)
    (out / "notes.txt").write_text("mine")
    write_run(out, {"a.csv": "x\n3\n"})
    assert contents(out)["a.csv"] == "x\n3\n"
    assert not (out / "report.html").exists(), "the former check's report is removed"
    assert (out / "notes.txt").read_text() == "mine", "a file it did not write stays"


def test_a_file_it_did_not_write_is_never_overwritten(tmp_path: Path) -> None:
    out = tmp_path / "run"
    out.mkdir()
    (out / "report.html").write_text("someone else's")
    with pytest.raises(OutputError, match="did not write"):
        write_run(out, FIRST)
    assert contents(out) == {"report.html": "someone else's"}, "nothing else written"


def test_an_interrupt_while_writing_leaves_the_previous_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "run"
    write_run(out, FIRST)
    before = contents(out)
    real = Path.write_text

    def interrupted(self: Path, text: str, **kwargs: object) -> int:
        if self.name == "report.html":
            raise KeyboardInterrupt
        return real(self, text, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_run(out, SECOND)
    monkeypatch.undo()
    assert contents(out) == before
    assert [p for p in out.iterdir() if p.is_dir()] == [], "no staging folder left"


def test_an_interrupt_during_the_commit_waits_for_the_whole_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "run"
    write_run(out, FIRST)
    real = os.replace
    sent = []

    def replace_and_interrupt(src: object, dst: object) -> None:
        if not sent:
            sent.append(True)
            os.kill(os.getpid(), signal.SIGINT)
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(rundir.os, "replace", replace_and_interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_run(out, SECOND)
    monkeypatch.undo()
    assert {k: v for k, v in contents(out).items() if k != MANIFEST} == SECOND


def test_a_new_directory_is_removed_again_when_the_run_is_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Path, "write_text", lambda *a, **k: (_ for _ in ()).throw(OSError(28)))
    with pytest.raises(OSError):
        write_run(tmp_path / "new", FIRST)
    assert not (tmp_path / "new").exists()


def test_two_runs_into_one_directory_take_turns(tmp_path: Path) -> None:
    out = tmp_path / "run"
    write_run(out, FIRST)
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another run is committing
    second = threading.Thread(target=write_run, args=(out, SECOND))
    second.start()
    time.sleep(0.5)
    assert contents(out)["a.csv"] == FIRST["a.csv"], "waits for the other run's commit"
    os.close(fd)
    second.join(timeout=10)
    assert {k: v for k, v in contents(out).items() if k != MANIFEST} == SECOND


def test_staging_left_by_a_killed_run_is_removed(tmp_path: Path) -> None:
    out = tmp_path / "run"
    write_run(out, FIRST)
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (out / f".staging-{dead}-abc").mkdir()
    (out / f".staging-{dead}-abc" / "a.csv").write_text("half")
    write_run(out, SECOND)
    assert not (out / f".staging-{dead}-abc").exists()


def test_files_get_the_permissions_of_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_run(tmp_path / "run", FIRST)
        write_text_atomic(tmp_path / "baseline.json", "{}")
    finally:
        os.umask(old)
    assert (tmp_path / "run" / "report.html").stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "baseline.json").stat().st_mode & 0o777 == 0o644


def test_atomic_write_into_a_directory_leaves_no_stray_file(tmp_path: Path) -> None:
    target = tmp_path / "adir"
    target.mkdir()
    with pytest.raises(OSError):
        write_text_atomic(target, "{}")
    assert [p.name for p in tmp_path.iterdir()] == ["adir"]


def test_a_file_as_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="not a directory"):
        write_run(tmp_path / "file", FIRST)
