"""The 书架 window: listing, filters, adding with progress and cancel, opening, search across it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt, QThreadPool
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from haizhu_reader.core.library.adding import Refused
from haizhu_reader.core.library.store import LibraryEntry
from haizhu_reader.core.report import Report
from haizhu_reader.gui.common.dialogs import Messages
from haizhu_reader.gui.library.add_job import RefusedDialog
from haizhu_reader.gui.library.shelf_model import ENTRY_ROLE, ShelfModel
from haizhu_reader.gui.library.window import AskPaths, ShelfWindow
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.paths import AppPaths
from tests.conftest import open_as_a_user

CORPUS = Path(__file__).parents[2] / "data" / "corpus"
REPORTS = ["佛山市-2018.md", "佛山市-2019.md", "广东省-2020.md", "国务院-2012.md"]


@pytest.fixture(autouse=True)
def _pool_idle_after(qapp: QApplication) -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(30000)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "reports"
    root.mkdir()
    for name in REPORTS:
        shutil.copyfile(CORPUS / name, root / name)
    (root / "notes.txt").write_text("今天开会。" * 30, encoding="utf-8")
    (root / "blank.md").write_bytes(b"")
    return root


@pytest.fixture
def refused(monkeypatch: pytest.MonkeyPatch) -> list[list[Refused]]:
    shown: list[list[Refused]] = []
    monkeypatch.setattr(
        RefusedDialog, "show_list", classmethod(lambda cls, parent, r: shown.append(list(r)))
    )
    return shown


@pytest.fixture
def window(qtbot: QtBot, report: Report, app_paths: AppPaths) -> Iterator[MainWindow]:
    w = open_as_a_user(qtbot, MainWindow(library_db=app_paths.library_db), report)
    yield w
    w.close()


def shelf_of(qtbot: QtBot, window: MainWindow, tab: str = "reports") -> ShelfWindow:
    window.part(WindowMenus).shelf_action.trigger()
    shelf = window.shelf()
    if tab == "search":
        window.part(WindowMenus).shelf_search_action.trigger()
    qtbot.waitUntil(lambda: shelf.store() is not None and not shelf.is_busy(), timeout=20000)
    return shelf


def titles(model: ShelfModel) -> list[tuple[str, list[str]]]:
    """Group labels and, below each, the reports' titles, as the tree shows them."""
    out = []
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        rows = [model.index(r, 0, group).data() for r in range(model.rowCount(group))]
        out.append((str(group.data()), [str(t) for t in rows]))
    return out


def add_and_wait(qtbot: QtBot, shelf: ShelfWindow, paths: Sequence[Path]) -> None:
    shelf.add_paths(paths)
    qtbot.waitUntil(lambda: not shelf.is_busy(), timeout=60000)


def test_the_bundled_report_is_on_the_shelf_from_the_start(
    qtbot: QtBot, window: MainWindow
) -> None:
    shelf = shelf_of(qtbot, window)
    assert shelf.isVisible() and shelf.isWindow()
    assert titles(shelf.model()) == [("海珠区 · 市辖区 · 1 份", ["海珠区2023年政府工作报告"])]


def test_adding_a_folder_shows_progress_and_lists_what_was_refused(
    qtbot: QtBot, window: MainWindow, folder: Path, refused: list[list[Refused]]
) -> None:
    shelf = shelf_of(qtbot, window)
    progress = shelf.findChild(QProgressBar, "shelf_progress")
    cancel = shelf.findChild(QPushButton, "shelf_cancel")
    assert progress is not None and cancel is not None and not progress.isVisible()
    seen: list[tuple[int, int]] = []
    shelf.add_paths([folder])
    assert progress.isVisible() and cancel.isVisible() and cancel.isEnabled()
    qtbot.waitUntil(lambda: progress.maximum() == 6, timeout=20000)  # the files counted
    progress.valueChanged.connect(lambda v: seen.append((v, progress.maximum())))
    qtbot.waitUntil(lambda: not shelf.is_busy(), timeout=60000)
    assert not progress.isVisible()
    assert seen and seen[-1] == (6, 6)
    assert [sorted(r.path.name for r in batch) for batch in refused] == [["blank.md", "notes.txt"]]
    assert "已加入 4 份" in shelf.status_text() and "未能加入 2 份" in shelf.status_text()
    assert titles(shelf.model()) == [
        ("佛山市 · 地级市 · 2 份", ["2019年佛山市政府工作报告", "2018年佛山市政府工作报告"]),
        ("国务院 · 全国 · 1 份", ["2012年政府工作报告"]),
        ("广东省 · 省级 · 1 份", ["广东省2020年政府工作报告"]),
        ("海珠区 · 市辖区 · 1 份", ["海珠区2023年政府工作报告"]),
    ]


def test_cancel_stops_the_batch_and_keeps_what_was_added(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, refused: list[list[Refused]]
) -> None:
    many = tmp_path / "many"
    many.mkdir()
    data = (CORPUS / REPORTS[0]).read_bytes()
    for i in range(40):  # forty distinct reports
        (many / f"{i:02d}.md").write_bytes(data + f"\n\n（第 {i} 份。）\n".encode())
    shelf = shelf_of(qtbot, window)
    progress = shelf.findChild(QProgressBar, "shelf_progress")
    assert progress is not None
    shelf.add_paths([many])
    qtbot.waitUntil(lambda: progress.value() >= 1, timeout=30000)
    cancel = shelf.findChild(QPushButton, "shelf_cancel")
    assert cancel is not None
    QTest.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shelf.is_busy(), timeout=60000)
    assert "已取消" in shelf.status_text()
    added = len(shelf.model().entries()) - 1  # the bundled report
    assert 1 <= added < 40
    assert refused == []


def test_filters(qtbot: QtBot, window: MainWindow, folder: Path, refused: object) -> None:
    shelf = shelf_of(qtbot, window)
    add_and_wait(qtbot, shelf, [folder])
    f = shelf.filters
    assert f.text is not None
    f.text.setText("佛山")
    assert [g for g, _ in titles(shelf.model())] == ["佛山市 · 地级市 · 2 份"]
    f.text.setText("")
    f.level.setCurrentIndex(f.level.findData("province"))
    assert [g for g, _ in titles(shelf.model())] == ["广东省 · 省级 · 1 份"]
    f.level.setCurrentIndex(0)
    f.first_year.setCurrentIndex(f.first_year.findData(2019))
    f.last_year.setCurrentIndex(f.last_year.findData(2020))
    assert [r for _, rows in titles(shelf.model()) for r in rows] == [
        "2019年佛山市政府工作报告",
        "广东省2020年政府工作报告",
    ]
    f.place.setCurrentIndex(f.place.findData("佛山市"))
    assert [r for _, rows in titles(shelf.model()) for r in rows] == ["2019年佛山市政府工作报告"]


def _row_of(shelf: ShelfWindow, title: str) -> QModelIndex:
    model = shelf.model()
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        for r in range(model.rowCount(group)):
            if model.index(r, 0, group).data() == title:
                return model.index(r, 0, group)
    raise LookupError(title)


def test_a_report_opens_in_the_reader(
    qtbot: QtBot, window: MainWindow, folder: Path, refused: object
) -> None:
    shelf = shelf_of(qtbot, window)
    add_and_wait(qtbot, shelf, [folder])
    view = shelf.findChild(QTreeView, "shelf_reports")
    assert view is not None
    index = _row_of(shelf, "广东省2020年政府工作报告")
    entry = index.data(ENTRY_ROLE)
    assert isinstance(entry, LibraryEntry)
    view.setCurrentIndex(index)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (r := window.report()) is not None and r.content_hash == entry.content_hash,
        timeout=20000,
    )


def test_a_file_that_vanished_is_shown_missing_not_dropped(
    qtbot: QtBot, window: MainWindow, folder: Path, refused: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    shelf = shelf_of(qtbot, window)
    add_and_wait(qtbot, shelf, [folder])
    (folder / "国务院-2012.md").unlink()
    shelf.refresh()
    qtbot.waitUntil(lambda: not shelf.is_busy())
    index = _row_of(shelf, "2012年政府工作报告")
    entry = index.data(ENTRY_ROLE)
    assert isinstance(entry, LibraryEntry) and entry.missing
    assert "找不到文件" in str(index.siblingAtColumn(4).data())
    told: list[str] = []
    monkeypatch.setattr(Messages, "information", lambda _p, title, text: told.append(text))
    opened: list[object] = []
    shelf.report_requested.connect(opened.append)
    shelf.open_entry(entry)
    assert opened == [] and told and "国务院-2012.md" in told[0]


def test_removing_takes_reports_off_the_shelf_not_off_the_disk(
    qtbot: QtBot, window: MainWindow, folder: Path, refused: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    shelf = shelf_of(qtbot, window)
    add_and_wait(qtbot, shelf, [folder])
    monkeypatch.setattr(AskPaths, "confirm_remove", classmethod(lambda cls, p, n: True))
    view = shelf.findChild(QTreeView, "shelf_reports")
    assert view is not None
    view.setCurrentIndex(_row_of(shelf, "2012年政府工作报告"))
    remove = shelf.findChild(QPushButton, "shelf_remove")
    assert remove is not None and remove.isEnabled()
    remove.click()
    qtbot.waitUntil(lambda: not shelf.is_busy())
    assert "国务院" not in [g.split(" ")[0] for g, _ in titles(shelf.model())]
    assert (folder / "国务院-2012.md").is_file()


def test_adding_files_and_a_folder_from_the_buttons(
    qtbot: QtBot, window: MainWindow, folder: Path, refused: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(AskPaths, "files", classmethod(lambda cls, p: [folder / REPORTS[2]]))
    monkeypatch.setattr(AskPaths, "folder", classmethod(lambda cls, p: folder))
    shelf = shelf_of(qtbot, window)
    button = shelf.findChild(QPushButton, "shelf_add_files")
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: not shelf.is_busy(), timeout=60000)
    assert len(shelf.model().entries()) == 2
    folder_button = shelf.findChild(QPushButton, "shelf_add_folder")
    assert folder_button is not None
    folder_button.click()
    qtbot.waitUntil(lambda: not shelf.is_busy(), timeout=60000)
    assert len(shelf.model().entries()) == 5 and "已在书架 1 份" in shelf.status_text()


# -- search across the shelf ----------------------------------------------------------------


def _highlighted(w: MainWindow) -> list[tuple[int, int]]:
    """What is drawn in the colour of search hits."""
    colour = QColor(w.reader.theme().search).name()
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in w.reader.extraSelections()
        if s.format.background().color().name() == colour
    ]


def test_search_across_the_shelf_opens_a_hit_where_it_is(
    qtbot: QtBot, window: MainWindow, folder: Path, refused: object
) -> None:
    shelf = shelf_of(qtbot, window)
    add_and_wait(qtbot, shelf, [folder])
    window.part(WindowMenus).shelf_search_action.trigger()
    tab = shelf.search_tab()
    edit = tab.findChild(QLineEdit, "shelf_query")
    assert edit is not None and edit.hasFocus()
    edit.setText("高质量发展")
    qtbot.waitUntil(lambda: not tab.is_searching() and tab.results() is not None, timeout=20000)
    results = tab.results()
    assert results is not None
    years = [r.entry.meta.year or 0 for r in results.reports]
    assert years == sorted(years, reverse=True) and len(years) >= 3  # newest first
    view = tab.view()
    current = view.currentIndex()
    hit = current.data(Qt.ItemDataRole.UserRole + 1)  # the first hit of the newest report
    assert hit is not None and hit.entry.meta.year == years[0]
    with qtbot.waitSignal(tab.hit_activated, timeout=5000):
        QTest.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (r := window.report()) is not None and r.content_hash == hit.entry.content_hash,
        timeout=20000,
    )
    qtbot.waitUntil(lambda: bool(_highlighted(window)), timeout=5000)
    base = window.reader.document_position(hit.unit)
    assert base is not None
    start, end = hit.spans[0]
    assert (base + start, base + end) in _highlighted(window)
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(base + start)
    assert window.reader.viewport().rect().intersects(window.reader.cursorRect(cursor))


def test_search_filters_and_an_open_report(
    qtbot: QtBot, window: MainWindow, folder: Path, refused: object, report: Report
) -> None:
    shelf = shelf_of(qtbot, window)
    add_and_wait(qtbot, shelf, [folder])
    tab = shelf.search_tab()
    place = tab.findChild(QComboBox, "shelf_place")
    assert place is not None
    place.setCurrentIndex(place.findData("海珠区"))
    tab.set_query("营商环境")
    qtbot.waitUntil(lambda: not tab.is_searching() and tab.results() is not None, timeout=20000)
    results = tab.results()
    assert results is not None and [r.entry.meta.place for r in results.reports] == ["海珠区"]
    hit = next(results.all_hits())
    opened = window.report()
    tab.hit_activated.emit(hit.entry, hit.unit, list(hit.spans))  # the open report: no reload
    assert window.report() is opened and window.report() is not None
    assert report.content_hash == hit.entry.content_hash
    assert bool(_highlighted(window))


def test_every_control_has_a_name(qtbot: QtBot, window: MainWindow) -> None:
    shelf = shelf_of(qtbot, window)
    for widget in shelf.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(shelf):
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            assert name, widget.objectName() or type(widget).__name__
