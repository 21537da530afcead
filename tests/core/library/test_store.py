"""The shelf's store: one entry per report, files that moved, removing, the database file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from haizhu_reader.core.errors import ReportError
from haizhu_reader.core.library import database
from haizhu_reader.core.library.fulltext import match_expression
from haizhu_reader.core.library.store import (
    INDEX_VERSION,
    Added,
    LibraryError,
    LibraryStore,
    load_entry,
    record_of,
)
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Report
from haizhu_reader.core.search.query import parse_query

CORPUS = Path(__file__).parents[2] / "data" / "corpus"
FOSHAN_2018 = CORPUS / "佛山市-2018.md"
FOSHAN_2019 = CORPUS / "佛山市-2019.md"


def add_file(store: LibraryStore, path: Path) -> Added:
    return store.add(record_of(load_report(path), path))


def finds(store: LibraryStore, text: str) -> int:
    return len(store.match(match_expression(parse_query(text))))


@pytest.fixture
def shelf(tmp_path: Path) -> Path:
    return tmp_path / "data" / "library.sqlite3"


def test_the_bundled_report_is_on_a_new_shelf(shelf: Path, report: Report) -> None:
    with LibraryStore.open(shelf) as store:
        (entry,) = store.entries()
    assert entry.bundled and entry.path is None and not entry.missing
    assert entry.content_hash == report.content_hash
    assert (entry.meta.place, entry.meta.level, entry.meta.year) == ("海珠区", "district", 2023)
    assert load_entry(entry).content_hash == report.content_hash


def test_removed_the_bundled_report_stays_removed(shelf: Path, report: Report) -> None:
    with LibraryStore.open(shelf) as store:
        assert store.remove(report.content_hash)
        assert store.entries() == []
    with LibraryStore.open(shelf) as store:
        assert store.entries() == []


def test_a_report_is_one_entry_however_often_it_is_added(shelf: Path, tmp_path: Path) -> None:
    copy = tmp_path / "elsewhere" / "copy.md"
    copy.parent.mkdir()
    shutil.copyfile(FOSHAN_2018, copy)
    with LibraryStore.open(shelf, bundled=False) as store:
        assert add_file(store, FOSHAN_2018) is Added.ADDED
        assert add_file(store, FOSHAN_2018) is Added.PRESENT
        assert add_file(store, copy) is Added.PRESENT  # the same report in another file
        (entry,) = store.entries()
    assert entry.path == FOSHAN_2018
    assert (entry.meta.place, entry.meta.year, entry.meta.date) == ("佛山市", 2018, "2018-01-16")


def test_a_file_that_moved_is_missing_then_found_again(shelf: Path, tmp_path: Path) -> None:
    here = tmp_path / "reports" / "foshan.md"
    here.parent.mkdir()
    shutil.copyfile(FOSHAN_2018, here)
    with LibraryStore.open(shelf, bundled=False) as store:
        add_file(store, here)
        moved = tmp_path / "moved.md"
        here.rename(moved)
        (entry,) = store.entries()
        assert entry.missing and entry.path == here  # shown as missing, not dropped
        assert finds(store, "佛山") > 0  # its texts are still searchable
        with pytest.raises(ReportError):
            load_entry(entry)
        assert add_file(store, moved) is Added.RELINKED
        (entry,) = store.entries()
    assert entry.path == moved and not entry.missing


def test_a_file_edited_since_it_was_added_is_not_read_as_it(shelf: Path, tmp_path: Path) -> None:
    here = tmp_path / "foshan.md"
    shutil.copyfile(FOSHAN_2018, here)
    with LibraryStore.open(shelf, bundled=False) as store:
        add_file(store, here)
        here.write_bytes(FOSHAN_2019.read_bytes())
        (entry,) = store.entries()
    with pytest.raises(ReportError, match="已不是加入书架时的报告"):
        load_entry(entry)


def test_find_a_place_and_year(shelf: Path, tmp_path: Path) -> None:
    with LibraryStore.open(shelf) as store:
        add_file(store, FOSHAN_2018)
        add_file(store, FOSHAN_2019)
        found = store.find("佛山市", 2019)
        assert found is not None and found.path == FOSHAN_2019
        assert store.find("佛山市", 2017) is None
        assert store.find("海珠区", 2023) is not None
        assert [e.meta.place for e in store.entries()] == ["佛山市", "佛山市", "海珠区"]
        assert [e.meta.year for e in store.entries()][:2] == [2019, 2018]  # newest first


def test_removing_a_report_forgets_its_texts_not_its_file(shelf: Path) -> None:
    with LibraryStore.open(shelf, bundled=False) as store:
        add_file(store, FOSHAN_2018)
        add_file(store, FOSHAN_2019)
        both = finds(store, "佛山")
        hash_2018 = load_report(FOSHAN_2018).content_hash
        assert store.remove(hash_2018)
        assert not store.remove(hash_2018)
        assert 0 < finds(store, "佛山") < both
        assert [e.meta.year for e in store.entries()] == [2019]
    assert FOSHAN_2018.is_file()


def test_the_index_is_rebuilt_when_its_version_changes(shelf: Path) -> None:
    with LibraryStore.open(shelf, bundled=False) as store:
        add_file(store, FOSHAN_2018)
        before = finds(store, "高质量发展")
    conn = sqlite3.connect(shelf)
    conn.execute("INSERT INTO units_fts (units_fts) VALUES ('delete-all')")
    conn.execute("UPDATE meta SET value = 'old' WHERE key = 'index'")
    conn.commit()
    conn.close()
    with LibraryStore.open(shelf, bundled=False) as store:
        assert finds(store, "高质量发展") == before > 0
        assert store._meta("index") == INDEX_VERSION


def test_the_schema_is_migrated_to_the_current_version(shelf: Path) -> None:
    LibraryStore.open(shelf, bundled=False).close()
    conn = sqlite3.connect(shelf)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == database.SCHEMA_VERSION
    conn.close()


def test_a_shelf_from_a_newer_reader_is_refused_untouched(shelf: Path) -> None:
    LibraryStore.open(shelf, bundled=False).close()
    conn = sqlite3.connect(shelf)
    conn.execute(f"PRAGMA user_version = {database.SCHEMA_VERSION + 1}")
    conn.close()
    before = shelf.read_bytes()
    with pytest.raises(LibraryError, match="更新版本"):
        LibraryStore.open(shelf)
    assert shelf.read_bytes() == before


def test_a_damaged_shelf_is_moved_aside_and_a_new_one_started(shelf: Path) -> None:
    shelf.parent.mkdir(parents=True)
    shelf.write_bytes(b"not a database at all" * 500)
    with LibraryStore.open(shelf) as store:
        assert len(store.entries()) == 1  # the bundled report, on a fresh shelf
        assert "已损坏" in store.notices[0].zh
    (aside,) = shelf.parent.glob("library.sqlite3.corrupt-*")
    assert aside.read_bytes() == b"not a database at all" * 500


def test_an_unwritable_folder_gives_a_shelf_for_this_run(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with LibraryStore.open(blocker / "library.sqlite3") as store:  # a path under a file
        assert store.in_memory and "不会保存" in store.notices[0].zh
        add_file(store, FOSHAN_2018)
        assert len(store.entries()) == 2
