"""Adding files to the shelf: folders walked, parsed in worker processes, bad files refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from haizhu_reader.core.library.adding import AddSummary, ShelfAdder, files_to_add, read_record
from haizhu_reader.core.library.store import LibraryStore, ReportRecord

CORPUS = Path(__file__).parents[2] / "data" / "corpus"
GOOD = ["佛山市-2018.md", "佛山市-2019.md", "深圳市-2006.md"]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three reports (one in a subfolder), and four files that are none."""
    root = tmp_path / "reports"
    (root / "sub").mkdir(parents=True)
    shutil.copyfile(CORPUS / GOOD[0], root / GOOD[0])
    shutil.copyfile(CORPUS / GOOD[1], root / "sub" / GOOD[1])
    shutil.copyfile(CORPUS / GOOD[2], root / "sub" / "深圳.TXT")
    (root / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 500)
    (root / "empty.md").write_bytes(b"")
    (root / "novel.txt").write_text("第一章。他走进了房间。" * 50, encoding="utf-8")
    (root / "sub" / "broken.md").write_bytes(b"\xff\xfe\xfa" * 1000)
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 100)  # not a report file
    (root / ".hidden.md").write_text("x", encoding="utf-8")
    return root


@pytest.fixture
def store(tmp_path: Path) -> LibraryStore:
    return LibraryStore.open(tmp_path / "profile" / "library.sqlite3", bundled=False)


def test_folders_are_walked_for_report_files(folder: Path, tmp_path: Path) -> None:
    odd = tmp_path / "report.data"
    odd.write_text("named on its own", encoding="utf-8")
    files, refused = files_to_add([folder, odd, folder / GOOD[0], tmp_path / "nowhere"])
    names = sorted(p.relative_to(tmp_path).as_posix() for p in files)
    assert names == [
        "report.data",  # a file named on its own is tried whatever its ending
        "reports/binary.txt",
        "reports/empty.md",
        "reports/novel.txt",
        "reports/sub/broken.md",
        "reports/sub/佛山市-2019.md",
        "reports/sub/深圳.TXT",
        "reports/佛山市-2018.md",  # once, though named twice
    ]
    assert all(p.is_absolute() for p in files)
    assert [(r.path.name, r.zh) for r in refused] == [("nowhere", "找不到文件或文件夹")]


def test_a_worker_reads_a_report_or_says_why_not(folder: Path) -> None:
    record = read_record(str(folder / GOOD[0]))
    assert isinstance(record, ReportRecord)
    assert record.meta.place == "佛山市" and record.texts
    refused = read_record(str(folder / "binary.txt"))
    assert not isinstance(refused, ReportRecord) and "二进制" in refused.zh


def test_bad_files_are_refused_one_by_one(folder: Path, store: LibraryStore) -> None:
    seen: list[tuple[int, int, str | None]] = []

    def progress(summary: AddSummary, path: Path | None) -> None:
        seen.append((summary.done, summary.total, path.name if path else None))

    summary = ShelfAdder(store, [folder], progress=progress, workers=2).run()
    assert sorted(p.name for p in summary.added) == sorted([GOOD[0], GOOD[1], "深圳.TXT"])
    reasons = {r.path.name: r.zh for r in summary.refused}
    assert set(reasons) == {"binary.txt", "empty.md", "novel.txt", "broken.md"}
    assert "二进制" in reasons["binary.txt"] and "空" in reasons["empty.md"]
    assert "不是政府工作报告" in reasons["novel.txt"]
    assert not summary.cancelled and summary.done == summary.total == 7
    assert seen[0] == (0, 7, None) and seen[-1][:2] == (7, 7)
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)  # a count that only grows
    assert {e.meta.place for e in store.entries()} == {"佛山市", "深圳市"}
    again = ShelfAdder(store, [folder], workers=2).run()
    assert again.added == [] and len(again.present) == 3
    assert again.to_json()["already_there"] and len(again.to_json()["refused"]) == 4


def test_cancel_keeps_what_was_added_and_stops(folder: Path, store: LibraryStore) -> None:
    adder: ShelfAdder

    def progress(summary: AddSummary, path: Path | None) -> None:
        if summary.added:
            adder.cancel()

    adder = ShelfAdder(store, [folder], progress=progress, workers=1)
    summary = adder.run()
    assert summary.cancelled
    assert len(summary.added) == 1 and summary.done < summary.total
    assert len(store.entries()) == 1  # what was added stays, whole
