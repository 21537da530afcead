"""Every control a keyboard or screen-reader user meets has a name Qt exposes.

Walks the whole window (with a report open and annotating enabled, every dock
built) and the app's dialogs, and lists the offenders by object name, class and
parent, so a widget added later without a name fails here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.actions import ReaderAnnotator
from haizhu_reader.gui.annotations.dialogs import NoteDialog
from haizhu_reader.gui.glossary.pane import GlossaryPane
from haizhu_reader.gui.help.about_dialog import AboutDialog
from haizhu_reader.gui.help.shortcuts_dialog import ShortcutsDialog
from haizhu_reader.gui.search.find_bar import FindBar
from haizhu_reader.gui.search.pane import SearchPane
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import Settings
from tests.conftest import open_as_a_user

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractScrollArea,
    QDockWidget,
    QTabBar,
)


def _qt_internal(widget: QWidget) -> bool:
    """Parts Qt builds and names itself, exposed through their owner's interface.

    Scroll bars, a view's header (its cells are the table's column headers), a
    combo box's popup list, a line edit's clear button (no focus; Esc clears),
    and Qt's own named helpers (``qt_*``: dock title buttons, the table corner
    button, the menu bar's overflow button).
    """
    parent = widget.parentWidget()
    if widget.objectName().startswith("qt_"):
        return True
    if isinstance(widget, QHeaderView) and isinstance(parent, QAbstractItemView):
        return True
    if isinstance(widget, QAbstractButton) and isinstance(parent, QLineEdit):
        return True
    ancestor = parent
    while ancestor is not None:
        if isinstance(ancestor, QComboBox):
            return True
        ancestor = ancestor.parentWidget()
    return False


def exposed_name(widget: QWidget) -> str:
    """The name assistive technology reads: the accessible name, else what Qt derives
    (a button's text, a buddy label, a dock's title, a tab bar's current tab)."""
    if widget.accessibleName():
        return widget.accessibleName()
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def offenders(root: QWidget) -> list[str]:
    """Interactive widgets under ``root`` (and ``root``) with no name, as readable lines."""
    bad = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QMenu):
            continue  # menus are read by their actions' texts (test_menu_texts)
        takes_focus = widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        if not (takes_focus or isinstance(widget, INTERACTIVE)) or _qt_internal(widget):
            continue
        if not exposed_name(widget).strip():
            parent = widget.parentWidget()
            where = f"{type(parent).__name__}({parent.objectName()!r})" if parent else "-"
            bad.append(f"{type(widget).__name__}({widget.objectName()!r}) in {where}")
    return bad


@pytest.fixture(autouse=True)
def _pool_idle_after(qapp: QApplication) -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(30000)


@pytest.fixture
def window(qtbot: QtBot, app_paths: AppPaths, report: Report) -> Iterator[MainWindow]:
    """The window as a user has it: a report open, annotating enabled, every dock built."""
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    w = MainWindow(Settings(app_paths.settings_file), annotations_db=app_paths.annotations_db)
    open_as_a_user(qtbot, w, report)
    assert w.part(ReaderAnnotator).note_paragraph_action.isEnabled()  # annotating is on
    for dock in w.findChildren(QDockWidget):  # panes build their widgets when first shown
        dock.show()
        dock.raise_()
        qtbot.wait(10)
    w.part(FindBar).open_bar()
    yield w
    w.close()


def test_every_control_of_the_window_has_a_name(window: MainWindow) -> None:
    names = {w.objectName() for w in window.findChildren(QWidget)}
    assert {"figures_table", "annotations_view", "search_results", "find_query"} <= names
    assert offenders(window) == []


def test_the_check_can_fail(window: MainWindow) -> None:
    from PySide6.QtWidgets import QLineEdit as Edit
    from PySide6.QtWidgets import QToolButton

    Edit(window.part(SearchPane)).setObjectName("unnamed_edit")
    QToolButton(window.part(GlossaryPane))  # an icon-only button, no text, no name
    found = offenders(window)
    assert len(found) == 2 and "QLineEdit('unnamed_edit') in SearchPane" in found[0]


def test_docks_have_names_and_descriptions(window: MainWindow) -> None:
    for dock in window.findChildren(QDockWidget):
        assert dock.accessibleName() == dock.windowTitle()
        assert "显示或隐藏" in dock.accessibleDescription(), dock.objectName()


def test_the_text_and_the_lists_say_how_to_use_them(window: MainWindow) -> None:
    described = {
        w.accessibleName(): w.accessibleDescription()
        for w in window.findChildren(QAbstractScrollArea)
        if w.accessibleName()
    }
    assert "Ctrl+PgDown" in described["报告正文"]
    for name in ("目录", "名词列表", "出现位置", "搜索结果", "批注列表", "数据表"):
        assert "回车" in described[name], name


def test_selection_bar_buttons_are_named_without_accelerators(window: MainWindow) -> None:
    names = [
        b.accessibleName() for b in window.part(ReaderAnnotator).selection_bar.findChildren(QWidget)
    ]
    assert "下划线" in names and "为所选文字添加笔记" in names
    assert not [n for n in names if "(" in n or "…" in n]


def test_menu_texts(window: MainWindow) -> None:
    """Every menu entry has a text to read (an icon alone says nothing)."""
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            assert action.isSeparator() or action.text().strip(), menu.title()


# -- dialogs --------------------------------------------------------------------------


def _walk_modal(qtbot: QtBot, open_it: Callable[[], object]) -> tuple[str, list[str]]:
    """Open a modal dialog, list its offenders while it is up, and cancel it."""
    seen: list[tuple[str, list[str]]] = []

    def inspect() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, inspect)
            return
        seen.append((type(dialog).__name__, offenders(dialog)))
        dialog.close()

    QTimer.singleShot(0, inspect)
    open_it()
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


def test_note_dialog(qtbot: QtBot, window: MainWindow) -> None:
    dialog = NoteDialog(window, "为本段添加笔记", "二、（一）第1段", "")
    qtbot.addWidget(dialog)
    assert offenders(dialog) == []


def test_about_dialog(qtbot: QtBot, window: MainWindow) -> None:
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    assert offenders(dialog) == []


def test_shortcuts_dialog(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert offenders(dialog) == []


def test_font_dialog(qtbot: QtBot, window: MainWindow) -> None:
    from haizhu_reader.gui.comfort.font_dialog import FontDialog

    dialog = FontDialog("", window)
    qtbot.addWidget(dialog)
    assert offenders(dialog) == []


def test_print_options_dialog(qtbot: QtBot, window: MainWindow) -> None:
    from haizhu_reader.gui.printing.printer import PrintOptions, PrintOptionsDialog

    dialog = PrintOptionsDialog(window, "打印", "打印(&P)…", "二、（一）", 2, PrintOptions())
    qtbot.addWidget(dialog)
    assert offenders(dialog) == []


@pytest.mark.parametrize(
    "open_it",
    [
        lambda w: w.part(WindowMenus).open_action.trigger(),
        lambda w: w.part(ReaderAnnotator).export_dialog(),
        lambda w: w.part(ReaderAnnotator).import_dialog(),
    ],
    ids=["open report", "export annotations", "import annotations"],
)
def test_file_dialogs(
    qtbot: QtBot, window: MainWindow, open_it: Callable[[MainWindow], object]
) -> None:
    kind, found = _walk_modal(qtbot, lambda: open_it(window))
    assert kind == "QFileDialog"
    assert found == []
