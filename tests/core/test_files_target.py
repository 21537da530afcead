"""No export lands on the reader's own files or on a device (issue 12, points 1 and 8)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from haizhu_reader.app import main
from haizhu_reader.core.annotations.store import AnnotationStore
from haizhu_reader.core.files import OwnFiles, TargetError, check_target
from haizhu_reader.core.report import Report
from haizhu_reader.paths import AppPaths
from tests.helpers import variety


def _profile(report: Report, tmp_path: Path) -> AppPaths:
    """A data dir whose store holds one annotation of every kind."""
    paths = AppPaths.under(tmp_path / "profile")
    with AnnotationStore.open(paths.annotations_db) as store:
        for a in variety(report):
            store.add(report, a)
    return paths


def _count(db: Path, report: Report) -> int:
    with AnnotationStore.open(db) as store:
        assert not store.notices and not store.read_only
        return len(store.annotations(report))


def _refused(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("haizhu-reader: ") and captured.err.count("\n") == 1
    return captured.err


@pytest.mark.parametrize("fmt", ["md", "html", "json", "docx"])
def test_exporting_onto_the_store_is_refused_and_loses_nothing(
    report: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    paths = _profile(report, tmp_path)
    before = _count(paths.annotations_db, report)
    db = str(paths.annotations_db)
    err = _refused(
        capsys,
        ["--export-annotations", db, "--format", fmt, "--data-dir", str(tmp_path / "profile")],
    )
    assert "批注数据文件" in err and "annotations database" in err
    assert paths.annotations_db.read_bytes().startswith(b"SQLite format 3\0")
    assert _count(paths.annotations_db, report) == before > 0


@pytest.mark.parametrize(
    "where", ["data/x.md", "cache/x.md", "config/x.md", "data/annotations.sqlite3-wal"]
)
def test_exports_inside_the_readers_folders_are_refused(
    report: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    paths = _profile(report, tmp_path)
    target = tmp_path / "profile" / where
    err = _refused(
        capsys, ["--export-annotations", str(target), "--data-dir", str(tmp_path / "profile")]
    )
    assert "数据文件夹" in err or "批注数据文件" in err
    assert not target.exists() or target.name.endswith("-wal")
    assert _count(paths.annotations_db, report) > 0


def test_a_link_to_the_store_is_the_store(report: Report, tmp_path: Path) -> None:
    paths = _profile(report, tmp_path)
    own = OwnFiles.of(paths.own_folders, paths.annotations_db)
    symlink, hardlink = tmp_path / "notes.md", tmp_path / "notes2.md"
    symlink.symlink_to(paths.annotations_db)
    os.link(paths.annotations_db, hardlink)
    for link in (symlink, hardlink):
        with pytest.raises(TargetError, match="批注数据文件"):
            check_target(link, own)
    # Only the store in use: another folder's store is any other file.
    check_target(tmp_path / "elsewhere" / "annotations.sqlite3", own)
    check_target(tmp_path / "profile-notes.md", own)


def test_a_fifo_target_is_refused_and_left_alone(
    report: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    err = _refused(capsys, ["--export-annotations", str(fifo), "--data-dir", str(tmp_path / "p")])
    assert "不是普通文件" in err and "not a regular file" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_devices_and_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(TargetError, match="设备"):
        check_target(Path(os.devnull), OwnFiles())
    with pytest.raises(TargetError, match="文件夹"):
        check_target(tmp_path, OwnFiles())
    check_target(tmp_path / "new.md", OwnFiles())  # a new file, or
    (tmp_path / "old.md").write_text("x", encoding="utf-8")
    check_target(tmp_path / "old.md", OwnFiles())  # one to replace: fine


def test_an_ordinary_export_still_works(
    report: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _profile(report, tmp_path)
    out = tmp_path / "handout.md"
    assert main(["--export-annotations", str(out), "--data-dir", str(tmp_path / "profile")]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == len(variety(report))
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_the_store_survives_a_refused_export_to_its_wal(report: Report, tmp_path: Path) -> None:
    paths = _profile(report, tmp_path)
    own = OwnFiles.of(paths.own_folders, paths.annotations_db)
    with pytest.raises(TargetError):
        check_target(Path(f"{paths.annotations_db}-wal"), OwnFiles.of((), paths.annotations_db))
    with pytest.raises(TargetError):
        check_target(paths.data_dir / "sub" / "x.md", own)
    assert sqlite3.connect(paths.annotations_db).execute("PRAGMA integrity_check").fetchone() == (
        "ok",
    )
