"""The annotation store: actions, identity, undo, migrations, damaged and unwritable files."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from haizhu_reader.core.annotations.anchoring import Placer, Scope
from haizhu_reader.core.annotations.database import SCHEMA_VERSION
from haizhu_reader.core.annotations.store import (
    Annotation,
    AnnotationStore,
    Colour,
    Kind,
    NewerSchemaError,
    ReadOnlyStoreError,
    new_annotation,
)
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Report
from haizhu_reader.paths import AppPaths
from tests.conftest import DATA
from tests.helpers import QUOTE, edited_report, highlight_on, paragraph_with, table_dump, variety


@pytest.fixture
def store(app_paths: AppPaths) -> AnnotationStore:
    return AnnotationStore.open(app_paths.annotations_db)


def test_written_the_moment_the_user_acts(
    store: AnnotationStore, report: Report, app_paths: AppPaths
) -> None:
    a = store.add(report, highlight_on(report, QUOTE, note="要点"))
    # A second connection (another process, after a crash) sees it with no save step.
    with AnnotationStore.open(app_paths.annotations_db) as other:
        assert other.get(a.id) == a
    store.close()
    conn = sqlite3.connect(app_paths.annotations_db)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_every_kind_round_trips(store: AnnotationStore, report: Report) -> None:
    made = variety(report)
    for a in made:
        store.add(report, a)
    assert sorted(store.annotations(report), key=lambda a: a.id) == sorted(made, key=lambda a: a.id)
    placed, unplaced = store.load(report)
    assert unplaced == []
    assert {p.annotation.id for p in placed} == {a.id for a in made}
    # Reading order: the glossary bookmark (an appendix) comes last, the section
    # note right before the first paragraph of its section.
    order = [p.annotation for p in placed]
    assert order[-1].anchor.paragraph_id == report.appendices[0].paragraphs[0].id
    section_note = next(a for a in order if a.anchor.scope is Scope.SECTION)
    bookmark = next(a for a in order if a.kind is Kind.BOOKMARK)
    assert order.index(section_note) < order.index(bookmark)
    assert {Kind(k) for k in Kind} == {a.kind for a in made}
    assert len(Colour) >= 5


def test_ids_and_timestamps(report: Report) -> None:
    a = highlight_on(report, QUOTE)
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", a.id
    )
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", a.created)
    assert a.created == a.modified
    assert a.colour is Colour.YELLOW  # a highlight has a colour by default
    with pytest.raises(ValueError, match="bookmark"):
        Annotation(a.id, Kind.BOOKMARK, a.anchor)  # a bookmark marks a paragraph, not a range


def test_each_report_has_its_own_set(store: AnnotationStore, report: Report) -> None:
    other = load_report(DATA / "08_guangzhou_city_2025.txt")
    mine = store.add(report, highlight_on(report, QUOTE))
    placer = Placer(other)
    pid = next(iter(other.all_paragraphs())).id
    theirs = store.add(other, new_annotation(Kind.BOOKMARK, placer.anchor_paragraph(pid)))
    assert store.annotations(report) == [mine]
    assert store.annotations(other) == [theirs]
    assert store.other_versions(report) == []


def test_another_version_of_the_report(store: AnnotationStore, report: Report) -> None:
    """Same title, edited text: a different identity, whose annotations can be carried over."""
    kept = store.add(report, highlight_on(report, QUOTE, note="留下"))
    lost = store.add(report, highlight_on(report, "领导干部亲自招", note="删掉的段落"))
    edited = edited_report("领导干部亲自招、带头招,", "")
    assert edited.title == report.title and edited.content_hash != report.content_hash
    assert store.annotations(edited) == []
    (version,) = store.other_versions(edited)
    assert (version.content_hash, version.count) == (report.content_hash, 2)
    assert store.carry_over(edited, report.content_hash) == 2
    placed, unplaced = store.load(edited)
    assert [p.annotation.note for p in placed] == ["留下"]
    assert placed[0].annotation.id != kept.id  # a copy, the old version keeps its own
    assert not placed[0].placement.moved  # anchored afresh on the new text
    assert [(a.note, a.anchor.exact) for a in unplaced] == [("删掉的段落", lost.anchor.exact)]
    assert len(store.annotations(report)) == 2


def test_undo_maps_onto_add_update_delete_restore(store: AnnotationStore, report: Report) -> None:
    a = store.add(report, highlight_on(report, QUOTE, note="初稿"))
    # Edit, then undo the edit.
    edited = store.update(replace(a, note="改稿", colour=Colour.GREEN))
    assert store.get(a.id) == edited and edited.modified > a.modified
    assert store.update(replace(edited, note=a.note, colour=a.colour)).note == "初稿"
    # Delete, then undo the delete: the same id comes back exactly.
    before = store.get(a.id)
    assert before is not None
    assert store.delete(a.id) == before
    assert store.get(a.id) is None and store.load(report) == ([], [])
    with pytest.raises(KeyError):
        store.update(before)  # a deleted annotation cannot be edited
    assert store.restore(report, before) == before
    assert store.annotations(report) == [before]
    # Create, undo (delete), redo (restore).
    b = store.add(report, highlight_on(report, "领导干部亲自招"))
    store.delete(b.id)
    store.restore(report, b)
    assert store.get(b.id) == b
    with pytest.raises(ValueError, match="restore"):
        store.add(report, b)


def test_merge_keeps_the_newest_and_respects_deletions(
    store: AnnotationStore, report: Report
) -> None:
    a = store.add(report, highlight_on(report, QUOTE, note="本机"))
    older = replace(a, note="旧", modified="2000-01-01T00:00:00.000000Z")
    newer = replace(a, note="新", modified="2999-01-01T00:00:00.000000Z")
    fresh = highlight_on(report, "领导干部亲自招")
    result = store.merge(report, [older, fresh])
    assert (result.added, result.updated, result.skipped) == (1, 0, 1)
    assert store.get(a.id) == a
    assert store.merge(report, [newer]).updated == 1
    assert store.get(a.id) == newer
    store.delete(fresh.id)
    assert store.merge(report, [fresh]).skipped == 1  # an older copy does not resurrect it
    assert store.get(fresh.id) is None


def test_note_documents_for_search(store: AnnotationStore, report: Report) -> None:
    with_note = store.add(report, highlight_on(report, QUOTE, note="一把手抓招商"))
    store.add(report, highlight_on(report, "领导干部亲自招"))  # no note: nothing to index
    (doc,) = store.note_documents(report)
    assert (doc.annotation_id, doc.text) == (with_note.id, "一把手抓招商")
    assert doc.paragraph_id == paragraph_with(report, QUOTE)


# -- migrations -----------------------------------------------------------------------

V1_SCHEMA = """
CREATE TABLE reports (id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL, first_seen TEXT NOT NULL);
CREATE TABLE annotations (id TEXT PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports (id),
    kind TEXT NOT NULL CHECK (kind IN ('highlight', 'underline', 'note', 'bookmark')),
    colour TEXT, scope TEXT NOT NULL CHECK (scope IN ('range', 'paragraph', 'section')),
    section_id TEXT NOT NULL, paragraph_id TEXT NOT NULL, start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL, exact TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
    note TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE INDEX annotations_by_report ON annotations (report_id);
PRAGMA user_version = 1;
"""


def test_a_version_1_database_is_migrated(app_paths: AppPaths, report: Report) -> None:
    """A database as the first release wrote it (no tombstones) opens, keeps its rows, migrates."""
    a = highlight_on(report, QUOTE, note="第一版写的")
    x = a.anchor
    app_paths.data_dir.mkdir(parents=True)
    conn = sqlite3.connect(app_paths.annotations_db)
    conn.executescript(V1_SCHEMA)
    conn.execute(
        "INSERT INTO reports VALUES (7, ?, ?, ?)", (report.content_hash, report.title, "t")
    )
    conn.execute(
        "INSERT INTO annotations VALUES (?, 7, 'highlight', 'yellow', 'range', ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?, ?)",
        (a.id, x.section_id, x.paragraph_id, x.start, x.end, x.exact, x.prefix, x.suffix,
         a.note, a.created, a.modified),
    )  # fmt: skip
    conn.commit()
    conn.close()
    with AnnotationStore.open(app_paths.annotations_db) as store:
        assert store.notices == [] and not store.read_only
        assert store.annotations(report) == [a]
        store.delete(a.id)  # needs version 2's tombstone column
        store.restore(report, a)
    conn = sqlite3.connect(app_paths.annotations_db)
    assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_newer_database_is_refused_untouched(app_paths: AppPaths) -> None:
    app_paths.data_dir.mkdir(parents=True)
    conn = sqlite3.connect(app_paths.annotations_db)
    conn.execute("CREATE TABLE future (x)")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = app_paths.annotations_db.read_bytes()
    with pytest.raises(NewerSchemaError) as e:
        AnnotationStore.open(app_paths.annotations_db)
    assert "更新版本" in e.value.zh and "newer version" in e.value.en
    assert app_paths.annotations_db.read_bytes() == before
    assert sorted(p.name for p in app_paths.data_dir.iterdir()) == ["annotations.sqlite3"]


# -- damaged files ------------------------------------------------------------------


def _filled(app_paths: AppPaths, report: Report, n: int) -> list[Annotation]:
    with AnnotationStore.open(app_paths.annotations_db) as store:
        placer = Placer(report)
        pids = [p.id for _, p in report.body_paragraphs()]
        made = [
            store.add(report, new_annotation(Kind.BOOKMARK, placer.anchor_paragraph(pids[i % 60])))
            for i in range(n)
        ]
    assert not Path(f"{app_paths.annotations_db}-wal").exists()  # checkpointed on close
    return made


def _assert_moved_aside(store: AnnotationStore, db: Path, content: bytes) -> Path:
    (notice,) = store.notices
    assert notice.moved_to is not None
    assert re.fullmatch(r"annotations\.sqlite3\.corrupt-\d{8}T\d{6}", notice.moved_to.name)
    assert notice.moved_to.read_bytes() == content  # kept as it was, for a rescue
    assert notice.moved_to.name in notice.zh and notice.moved_to.name in notice.en
    assert "损坏" in notice.zh and "damaged" in notice.en
    assert not store.read_only
    return notice.moved_to


@pytest.mark.parametrize("damage", ["garbage", "truncated", "header"])
def test_a_damaged_database_is_moved_aside(
    app_paths: AppPaths, report: Report, damage: str
) -> None:
    db = app_paths.annotations_db
    made = _filled(app_paths, report, 200)
    data = db.read_bytes()
    if damage == "garbage":
        data = os.urandom(len(data))
    elif damage == "truncated":
        data = data[: len(data) // 2 + 100]
    else:
        data = data[:16] + b"\xff" * 84 + data[100:]  # the header after the magic
    db.write_bytes(data)
    with AnnotationStore.open(db) as store:
        _assert_moved_aside(store, db, data)
        recovered = store.annotations(report)
        assert set(recovered) <= set(made)  # what comes back is intact
        if damage == "truncated":  # the first half of the file is still there
            assert len(recovered) > 20
            assert f"找回 {len(recovered)} 条" in store.notices[0].zh
        a = store.add(report, highlight_on(report, QUOTE))  # a fresh store that works
        assert a in store.annotations(report)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_readable_rows_of_a_damaged_database_are_recovered(
    app_paths: AppPaths, report: Report
) -> None:
    """A damaged index fails the integrity check; its table is still read back in full."""
    db = app_paths.annotations_db
    made = _filled(app_paths, report, 300)
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    (root,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'annotations_by_report'"
    ).fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\x0d" + b"\xee" * (page_size - 1)
    db.write_bytes(bytes(data))
    with AnnotationStore.open(db) as store:
        _assert_moved_aside(store, db, bytes(data))
        assert "找回 300 条" in store.notices[0].zh
        assert "无法读取" not in store.notices[0].zh  # no row is said to be lost
        assert sorted(store.annotations(report), key=lambda a: a.id) == sorted(
            made, key=lambda a: a.id
        )


# -- unwritable data folders -----------------------------------------------------------


def test_data_dir_under_a_file_opens_read_only(tmp_path: Path, report: Report) -> None:
    """The data folder cannot exist (its parent is a file): this fails for root too."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    paths = AppPaths.under(blocker)
    with AnnotationStore.open(paths.annotations_db) as store:
        assert store.read_only
        (notice,) = store.notices
        assert "不可写" in notice.zh and "not writable" in notice.en
        assert store.load(report) == ([], [])  # reading works
        with pytest.raises(ReadOnlyStoreError) as e:
            store.add(report, highlight_on(report, QUOTE))
        assert e.value.zh and e.value.en


def test_existing_annotations_stay_readable_when_sqlite_cannot_write(
    app_paths: AppPaths, report: Report
) -> None:
    """SQLite cannot create the WAL beside the database (a folder is in its way).

    Tests run as root, whom ``chmod`` does not stop; an obstacle at the WAL's
    path fails for root as it would for a user in a read-only folder.
    """
    made = _filled(app_paths, report, 3)
    db = app_paths.annotations_db
    Path(f"{db}-wal").mkdir()
    before = db.read_bytes()
    with AnnotationStore.open(db) as store:
        assert store.read_only
        assert sorted(store.annotations(report), key=lambda a: a.id) == sorted(
            made, key=lambda a: a.id
        )
        for write in (
            lambda: store.add(report, highlight_on(report, QUOTE)),
            lambda: store.delete(made[0].id),
            lambda: store.merge(report, []),
        ):
            with pytest.raises(ReadOnlyStoreError):
                write()
    assert db.read_bytes() == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores chmod")
def test_read_only_folder_for_a_normal_user(app_paths: AppPaths, report: Report) -> None:
    made = _filled(app_paths, report, 2)
    app_paths.data_dir.chmod(0o555)
    try:
        with AnnotationStore.open(app_paths.annotations_db) as store:
            assert store.read_only
            assert len(store.annotations(report)) == len(made)
            with pytest.raises(ReadOnlyStoreError):
                store.add(report, highlight_on(report, QUOTE))
    finally:
        app_paths.data_dir.chmod(0o755)
    assert len(table_dump(app_paths.annotations_db)) == 1 + 1 + len(made)
