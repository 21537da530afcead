"""--screenshot that cannot be saved: one line on stderr, exit 2, and the process ends
(issue 12, point 5). Each run is a process of its own with a timeout, so a regression
that leaves the event loop running fails instead of hanging the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from haizhu_reader.app import main


def _run(tmp_path: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = ["--screenshot", str(out), "--data-dir", str(tmp_path / "profile")]
    return subprocess.run(
        [sys.executable, "-m", "haizhu_reader", *args],
        capture_output=True,
        env=env,
        timeout=90,
        text=True,
        check=False,
    )


# Qt's offscreen platform (the tests') says this on stderr by itself; xcb does not.
_QT_OFFSCREEN = "This plugin does not support propagateSizeHints()\n"


def _one_line(err: str) -> None:
    err = err.replace(_QT_OFFSCREEN, "")
    assert err.startswith("haizhu-reader: ") and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_a_file_as_the_parent_folder(tmp_path: Path) -> None:
    parent = tmp_path / "notes.txt"
    parent.write_text("mine", encoding="utf-8")
    run = _run(tmp_path, parent / "sub" / "shot.png")
    assert run.returncode == 2
    _one_line(run.stderr)
    assert parent.read_text(encoding="utf-8") == "mine"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_target_nobody_can_write(tmp_path: Path) -> None:
    # Not even root may create a file in /proc: Qt's save fails inside the event loop.
    run = _run(tmp_path, Path("/proc/haizhu-reader-shot.png"))
    assert run.returncode == 2
    _one_line(run.stderr)


def test_a_target_in_the_readers_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "profile" / "data" / "annotations.sqlite3"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"SQLite format 3\0" + bytes(4080))
    assert main(["--screenshot", str(db), "--data-dir", str(tmp_path / "profile")]) == 2
    _one_line(capsys.readouterr().err)
    assert db.read_bytes().startswith(b"SQLite format 3\0")
