"""Annotating in the window: actions, drawing, the dock, undo, files, notices, search."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTextEdit
from pytestqt.qtbot import QtBot

from haizhu_reader.core.annotations.anchoring import Placer, Scope
from haizhu_reader.core.annotations.export import render
from haizhu_reader.core.annotations.store import (
    AnnotationStore,
    Colour,
    Kind,
    Placed,
    new_annotation,
)
from haizhu_reader.core.report import Report
from haizhu_reader.core.search.searching import SearchScope
from haizhu_reader.gui.annotations.actions import ReaderAnnotator
from haizhu_reader.gui.annotations.dialogs import (
    ExportAnnotationsDialog,
    ImportAnnotationsDialog,
    NoteDialog,
)
from haizhu_reader.gui.annotations.pane import ID_ROLE, AnnotationsPane
from haizhu_reader.gui.annotations.session import AnnotationSession
from haizhu_reader.gui.common.dialogs import Messages
from haizhu_reader.gui.search.pane import SearchPane
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.paths import AppPaths
from tests.conftest import open_as_a_user

MARKUP = '<img src=x onerror=alert(1)> <a href="file:///etc/passwd">x</a> <script>s</script>'


@pytest.fixture(autouse=True)
def _pool_idle_after(qapp: QApplication) -> Iterator[None]:
    """Background jobs (index builds, exports) end with the test that started them."""
    assert QThreadPool.globalInstance().waitForDone(60000)
    yield
    assert QThreadPool.globalInstance().waitForDone(30000)


def _open(qtbot: QtBot, db: Path, report: Report) -> MainWindow:
    w = open_as_a_user(qtbot, MainWindow(annotations_db=db), report)
    qtbot.waitUntil(lambda: w.reader.progress() >= 0 and w.reader.first_painted is not None)
    return w


@pytest.fixture
def window(qtbot: QtBot, app_paths: AppPaths, report: Report) -> Iterator[MainWindow]:
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    w = _open(qtbot, app_paths.annotations_db, report)
    yield w
    w.close()


def _pid(report: Report, n: int) -> str:
    return [p.id for _, p in report.body_paragraphs()][n]


def _select(w: MainWindow, pid: str, start: int, end: int) -> None:
    pos = w.reader.document_position(pid, start)
    assert pos is not None
    cursor = QTextCursor(w.reader.document())
    cursor.setPosition(pos)
    cursor.setPosition(pos + end - start, QTextCursor.MoveMode.KeepAnchor)
    w.reader.setTextCursor(cursor)


def _place_cursor(w: MainWindow, pid: str) -> None:
    w.reader.show_paragraph(pid)
    pos = w.reader.document_position(pid, 1)
    assert pos is not None
    cursor = QTextCursor(w.reader.document())
    cursor.setPosition(pos)
    w.reader.setTextCursor(cursor)


def _store(w: MainWindow, report: Report) -> list[Any]:
    store = w.part(AnnotationSession).store
    assert store is not None
    return store.annotations(report)


def _ranges(sels: list[QTextEdit.ExtraSelection]) -> list[tuple[int, int, str]]:
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.background().color().name())
        for s in sels
    ]


# -- creating ------------------------------------------------------------------------------


def test_highlight_action_stores_and_draws(window: MainWindow, report: Report) -> None:
    pid = _pid(report, 1)
    _select(window, pid, 3, 9)
    window.part(ReaderAnnotator).colour_actions[2].trigger()  # blue
    [a] = _store(window, report)
    assert (a.kind, a.colour, a.anchor.paragraph_id, a.anchor.start, a.anchor.end) == (
        Kind.HIGHLIGHT, Colour.BLUE, pid, 3, 9,
    )  # fmt: skip
    base = window.reader.document_position(pid)
    assert base is not None
    assert _ranges(window.reader.annotation_selections()) == [
        (base + 3, base + 9, QColor(window.reader.theme().highlights[Colour.BLUE]).name())
    ]
    # The real selection is untouched and copies the report's words only.
    assert window.reader.textCursor().selectedText() == report.paragraph_index()[pid][1].text[3:9]


def test_at_least_five_colours_and_an_underline_with_distinct_shortcuts(
    window: MainWindow,
) -> None:
    actions = [
        *window.part(ReaderAnnotator).colour_actions,
        window.part(ReaderAnnotator).underline_action,
    ]
    assert len(window.part(ReaderAnnotator).colour_actions) >= 5
    keys = [a.shortcut().toString() for a in window.findChildren(type(actions[0])) if a.shortcut()]
    mine = [a.shortcut().toString() for a in window.part(ReaderAnnotator).all_actions]
    assert all(keys.count(k) == 1 for k in mine), keys
    assert "Ctrl+Alt+U" in mine and "Ctrl+D" in mine


def test_underline_is_drawn_as_a_line(window: MainWindow, report: Report) -> None:
    _select(window, _pid(report, 1), 0, 4)
    window.part(ReaderAnnotator).underline_action.trigger()
    [sel] = window.reader.annotation_selections()
    assert sel.format.underlineStyle() != sel.format.UnderlineStyle.NoUnderline


def test_note_on_paragraph_and_section_without_selection(
    window: MainWindow, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, *a, **k: "段落笔记"))
    pid = _pid(report, 3)
    _place_cursor(window, pid)
    assert not window.reader.textCursor().hasSelection()
    window.part(ReaderAnnotator).note_paragraph_action.trigger()
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, *a, **k: "整节笔记"))
    window.part(ReaderAnnotator).note_section_action.trigger()
    notes = {a.note: a for a in _store(window, report)}
    assert notes["段落笔记"].anchor.scope is Scope.PARAGRAPH
    assert notes["段落笔记"].anchor.paragraph_id == pid
    section = notes["整节笔记"].anchor
    assert section.scope is Scope.SECTION
    assert section.section_id == report.paragraph_index()[pid][0].id
    # Both show in the margin, not in the text.
    qtbot_marks = window.reader.margin_marks()
    assert {m.note for _, marks in qtbot_marks for m in marks} >= {"段落笔记", "整节笔记"}
    assert window.reader.toPlainText().count("段落笔记") == 0


def test_note_dialog_cancel_adds_nothing(
    window: MainWindow, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, *a, **k: None))
    _place_cursor(window, _pid(report, 2))
    window.part(ReaderAnnotator).note_paragraph_action.trigger()
    assert _store(window, report) == []


def test_bookmark_with_ctrl_d(qtbot: QtBot, window: MainWindow, report: Report) -> None:
    pid = _pid(report, 2)
    _place_cursor(window, pid)
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    [a] = _store(window, report)
    assert (a.kind, a.anchor.paragraph_id) == (Kind.BOOKMARK, pid)
    assert any(m.bookmark for _, marks in window.reader.margin_marks() for m in marks)


# -- undo and redo ---------------------------------------------------------------------------


def test_undo_redo_create_edit_delete(
    window: MainWindow, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    stack = window.part(AnnotationSession).undo_stack
    _select(window, _pid(report, 1), 0, 5)
    window.part(ReaderAnnotator).colour_actions[0].trigger()
    [a] = _store(window, report)
    window.part(WindowMenus).undo_action.trigger()
    assert _store(window, report) == []
    assert window.reader.annotation_selections() == []
    window.part(WindowMenus).redo_action.trigger()
    assert [x.id for x in _store(window, report)] == [a.id]

    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, *a, **k: "改过的笔记"))
    window.part(ReaderAnnotator).edit(a.id)
    assert _store(window, report)[0].note == "改过的笔记"
    stack.undo()
    assert _store(window, report)[0].note == ""
    stack.redo()
    assert _store(window, report)[0].note == "改过的笔记"

    window.part(ReaderAnnotator).delete(a.id)
    assert _store(window, report) == []
    assert window.part(AnnotationsPane).shown_ids() == []
    stack.undo()
    assert [x.id for x in _store(window, report)] == [a.id]
    assert window.part(AnnotationsPane).shown_ids() == [a.id]
    assert window.part(WindowMenus).undo_action.shortcut().toString() == "Ctrl+Z"
    assert window.part(WindowMenus).redo_action.shortcut().toString() == "Ctrl+Shift+Z"


# -- the dock ----------------------------------------------------------------------------------


def _seed(db: Path, report: Report) -> list[str]:
    placer = Placer(report)
    later, earlier = _pid(report, 5), _pid(report, 1)
    anns = [
        new_annotation(Kind.HIGHLIGHT, placer.anchor_range(later, 0, 4), Colour.GREEN, "后面"),
        new_annotation(Kind.HIGHLIGHT, placer.anchor_range(earlier, 0, 4), Colour.PINK, MARKUP),
        new_annotation(Kind.BOOKMARK, placer.anchor_paragraph(earlier)),
    ]
    with AnnotationStore.open(db) as store:
        for a in anns:
            store.add(report, a)
    return [a.id for a in anns]


def test_dock_lists_in_reading_order_and_filters(
    qtbot: QtBot, app_paths: AppPaths, report: Report, qtmodeltester: Any
) -> None:
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    later, earlier, bookmark = _seed(app_paths.annotations_db, report)
    w = _open(qtbot, app_paths.annotations_db, report)
    pane = w.part(AnnotationsPane)
    qtmodeltester.check(pane.model)
    assert pane.shown_ids() == [earlier, bookmark, later]
    pane.colour_box.setCurrentIndex(pane.colour_box.findData(Colour.GREEN.value))
    assert pane.shown_ids() == [later]
    pane.colour_box.setCurrentIndex(0)
    pane.kind_box.setCurrentIndex(pane.kind_box.findData(Kind.BOOKMARK.value))
    assert pane.shown_ids() == [bookmark]
    pane.kind_box.setCurrentIndex(0)
    pane.filter_edit.setText("后面")
    assert pane.shown_ids() == [later]
    pane.filter_edit.clear()
    pane.by_date.setChecked(True)
    assert sorted(pane.shown_ids()) == sorted([later, earlier, bookmark])
    w.close()


def test_activating_scrolls_to_it(qtbot: QtBot, app_paths: AppPaths, report: Report) -> None:
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    later, _, _ = _seed(app_paths.annotations_db, report)
    w = _open(qtbot, app_paths.annotations_db, report)
    assert w.reader.verticalScrollBar().value() == 0
    pane = w.part(AnnotationsPane)
    pane.select(later)
    pane.view.activated.emit(pane.view.currentIndex())
    assert w.reader.verticalScrollBar().value() > 0
    pos = w.reader.document_position(_pid(report, 5))
    assert pos is not None
    cursor = QTextCursor(w.reader.document())
    cursor.setPosition(pos)
    assert w.reader.viewport().rect().intersects(w.reader.cursorRect(cursor))
    w.close()


def test_markup_in_notes_shows_literally(qtbot: QtBot, app_paths: AppPaths, report: Report) -> None:
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    _, earlier, _ = _seed(app_paths.annotations_db, report)
    w = _open(qtbot, app_paths.annotations_db, report)
    # The dock: plain text items, escaped tooltips.
    pane = w.part(AnnotationsPane)
    pane.select(earlier)
    index = pane.view.currentIndex()
    assert index.data(ID_ROLE) == earlier
    assert "<img src=x onerror=alert(1)>" in index.data()
    tip = index.data(3)  # ToolTipRole
    assert "&lt;img src=x onerror=alert(1)&gt;" in tip and "<img" not in tip
    assert "&lt;script&gt;" in tip and "<script>" not in tip
    # The reading view: hovering the highlight.
    pos = w.reader.document_position(_pid(report, 1), 1)
    assert pos is not None
    cursor = QTextCursor(w.reader.document())
    cursor.setPosition(pos)
    rect = w.reader.cursorRect(cursor)
    text = w.reader.annotation_tooltip_at(QPoint(rect.right() + 2, rect.center().y()))
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "&lt;a href=&quot;file:///etc/passwd&quot;&gt;" in text
    assert "<img" not in text and "<a " not in text and "<script>" not in text
    # And the margin mark shows the same.
    rect_f, _ = next((r, m) for r, m in w.reader.margin_marks() if any(x.id == earlier for x in m))
    margin_tip = w.reader.annotation_tooltip_at(rect_f.center().toPoint())
    assert "&lt;script&gt;" in margin_tip and "<script>" not in margin_tip
    w.close()


# -- files -----------------------------------------------------------------------------------


def test_export_and_import_through_the_menu(
    qtbot: QtBot,
    window: MainWindow,
    report: Report,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, ...]],
) -> None:
    _select(window, _pid(report, 1), 0, 6)
    window.part(ReaderAnnotator).colour_actions[3].trigger()
    out = tmp_path / "notes.json"
    monkeypatch.setattr(ExportAnnotationsDialog, "ask", classmethod(lambda cls, *a: (out, "json")))
    with qtbot.waitSignal(window.part(ReaderAnnotator).exported, timeout=5000):
        window.part(WindowMenus).export_annotations_action.trigger()
    data = json.loads(out.read_text("utf-8"))
    assert data  # a W3C annotation collection
    # Delete it here, then import the file: it comes back? No: the tombstone is newer.
    [a] = _store(window, report)
    # A second window profile imports it fresh.
    other = tmp_path / "other.sqlite3"
    w2 = _open(qtbot, other, report)
    monkeypatch.setattr(ImportAnnotationsDialog, "ask", classmethod(lambda cls, *a: out))
    w2.part(WindowMenus).import_annotations_action.trigger()
    assert [x.id for x in _store(w2, report)] == [a.id]
    assert w2.part(AnnotationsPane).shown_ids() == [a.id]
    assert errors == []
    w2.close()


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_export_other_formats(
    qtbot: QtBot,
    window: MainWindow,
    report: Report,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fmt: str,
) -> None:
    _select(window, _pid(report, 1), 0, 6)
    window.part(ReaderAnnotator).colour_actions[0].trigger()
    out = tmp_path / f"notes.{fmt}"
    monkeypatch.setattr(ExportAnnotationsDialog, "ask", classmethod(lambda cls, *a: (out, fmt)))
    with qtbot.waitSignal(window.part(ReaderAnnotator).exported, timeout=10000):
        window.part(WindowMenus).export_annotations_action.trigger()
    session = window.part(AnnotationSession)
    assert out.stat().st_size > 0
    if fmt != "docx":
        expected = render(report, session.placed(), session.unplaced(), fmt)
        assert out.read_bytes().split(b"\n")[0] == expected.split(b"\n")[0]


def test_malformed_import_says_so_and_changes_nothing(
    window: MainWindow,
    report: Report,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, ...]],
) -> None:
    _select(window, _pid(report, 1), 0, 6)
    window.part(ReaderAnnotator).colour_actions[0].trigger()
    before = _store(window, report)
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "AnnotationCollection", "first": {"items": [', "utf-8")
    monkeypatch.setattr(ImportAnnotationsDialog, "ask", classmethod(lambda cls, *a: bad))
    window.part(WindowMenus).import_annotations_action.trigger()
    assert len(errors) == 1 and errors[0][0] == "无法导入批注" and errors[0][1]
    assert _store(window, report) == before


# -- the store's state -------------------------------------------------------------------------


def test_corrupt_database_notice_is_shown_once(
    qtbot: QtBot, app_paths: AppPaths, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = app_paths.annotations_db
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    shown: list[str] = []
    monkeypatch.setattr(
        Messages,
        "warning",
        classmethod(lambda cls, p, title, text, d="": shown.append(text)),
    )
    w = _open(qtbot, db, report)
    w.show_store_notices()
    assert len(shown) == 1 and "批注" in shown[0]
    assert list(db.parent.glob("annotations.sqlite3.corrupt-*"))
    # Annotating still works on the fresh file.
    _select(w, _pid(report, 1), 0, 3)
    w.part(ReaderAnnotator).colour_actions[0].trigger()
    assert len(_store(w, report)) == 1
    w.close()


def test_read_only_store_disables_annotating_with_a_reason(
    qtbot: QtBot, report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "ro.sqlite3"
    AnnotationStore.open(db).close()
    real_open = AnnotationStore.open

    def read_only(path: Path) -> AnnotationStore:
        store = real_open(path)
        store.read_only = True
        return store

    monkeypatch.setattr(AnnotationStore, "open", staticmethod(read_only))
    w = _open(qtbot, db, report)
    assert not w.part(ReaderAnnotator).bookmark_action.isEnabled()
    assert "只读" in w.part(ReaderAnnotator).bookmark_action.toolTip() or "不能" in (
        w.part(ReaderAnnotator).bookmark_action.toolTip()
    )
    assert w.part(AnnotationsPane)._notice.isVisibleTo(w.part(AnnotationsPane))
    # Reading still works.
    w.reader.show_paragraph(_pid(report, 10))
    assert w.reader.verticalScrollBar().value() > 0
    w.close()


def test_a_newer_readers_database_still_opens_the_window(
    qtbot: QtBot, app_paths: AppPaths, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It used to end the app with a traceback: now reading works, annotating says why,
    and the file is left exactly as it was."""
    db = app_paths.annotations_db
    db.parent.mkdir(parents=True, exist_ok=True)
    sqlite3.connect(db).execute("PRAGMA user_version = 99").close()
    before = db.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(
        Messages,
        "warning",
        classmethod(lambda cls, p, title, text, d="": shown.append(text)),
    )
    w = _open(qtbot, db, report)
    w.show_store_notices()
    assert len(shown) == 1 and "更新版本" in shown[0]
    assert not w.part(ReaderAnnotator).bookmark_action.isEnabled()
    assert "更新版本" in w.part(ReaderAnnotator).bookmark_action.toolTip()
    w.reader.show_paragraph(_pid(report, 10))
    assert w.reader.verticalScrollBar().value() > 0
    w.close()
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["annotations.sqlite3"]


def test_writes_are_immediate(window: MainWindow, report: Report, app_paths: AppPaths) -> None:
    _select(window, _pid(report, 1), 0, 6)
    window.part(ReaderAnnotator).colour_actions[0].trigger()
    with sqlite3.connect(app_paths.annotations_db) as other:
        (n,) = other.execute("SELECT count(*) FROM annotations WHERE deleted IS NULL").fetchone()
    assert n == 1


# -- search --------------------------------------------------------------------------------------


def test_search_notes_scope_finds_a_note(
    qtbot: QtBot, window: MainWindow, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, *a, **k: "请核实独角兽企业数量"))
    pid = _pid(report, 4)
    _place_cursor(window, pid)
    window.part(ReaderAnnotator).note_paragraph_action.trigger()
    search = window.part(SearchPane)
    window.dock("search").show()
    window.dock("search").raise_()  # search is prepared once it is wanted
    qtbot.waitUntil(search.is_ready, timeout=60000)
    search.set_scope(SearchScope.NOTES)
    search.set_query("独角兽")
    qtbot.waitUntil(lambda: len(search.hits()) == 1, timeout=5000)
    [note] = _store(window, report)
    assert search.hits()[0].unit.id == note.id
    window.reader.verticalScrollBar().setValue(0)
    search._on_activate_current()
    assert window.reader.verticalScrollBar().value() > 0


def test_placed_type_is_what_the_session_lists(window: MainWindow, report: Report) -> None:
    _select(window, _pid(report, 1), 0, 6)
    window.part(ReaderAnnotator).colour_actions[0].trigger()
    assert all(isinstance(p, Placed) for p in window.part(AnnotationSession).placed())


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    pane = window.part(AnnotationsPane)
    for widget in pane.focus_chain():
        assert widget.accessibleName(), widget.objectName()
    assert window.part(ReaderAnnotator).selection_bar.accessibleName()


def test_a_highlight_over_two_paragraphs_is_one_undo_step(
    window: MainWindow, report: Report
) -> None:
    first, second = _pid(report, 1), _pid(report, 2)
    a = window.reader.document_position(first, 3)
    b = window.reader.document_position(second, 5)
    assert a is not None and b is not None
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)
    window.part(ReaderAnnotator).colour_actions[0].trigger()
    assert len(_store(window, report)) == 2  # one per paragraph
    stack = window.part(AnnotationSession).undo_stack
    assert stack.count() == 1
    stack.undo()  # the whole highlight goes, not half of it
    assert _store(window, report) == []
    stack.redo()
    assert len(_store(window, report)) == 2


def test_ctrl_d_on_a_bookmarked_paragraph_takes_the_bookmark_away(
    window: MainWindow, report: Report
) -> None:
    _select(window, _pid(report, 4), 0, 0)
    window.part(ReaderAnnotator).bookmark_action.trigger()
    assert [a.kind for a in _store(window, report)] == [Kind.BOOKMARK]
    window.part(ReaderAnnotator).bookmark_action.trigger()  # it used to add a second one
    assert _store(window, report) == []
    window.part(AnnotationSession).undo_stack.undo()
    assert [a.kind for a in _store(window, report)] == [Kind.BOOKMARK]


def test_an_annotation_deleted_in_another_window_is_a_message(
    qtbot: QtBot,
    window: MainWindow,
    report: Report,
    app_paths: AppPaths,
    errors: list[tuple[str, ...]],
) -> None:
    """Two windows on one file: editing what the other deleted was a KeyError traceback."""
    _select(window, _pid(report, 1), 0, 4)
    window.part(ReaderAnnotator).colour_actions[0].trigger()
    (a,) = _store(window, report)
    other = _open(qtbot, app_paths.annotations_db, report)
    assert other.part(AnnotationSession).remove(a.id)
    assert not window.part(AnnotationSession).edit(a, "新的笔记")
    assert len(errors) == 1 and "另一个窗口" in errors[0][1]
    qtbot.waitUntil(lambda: window.part(AnnotationSession).get(a.id) is None)  # listed afresh
    other.close()
