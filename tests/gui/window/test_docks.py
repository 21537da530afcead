"""The docks table: one dock per row, its toggle and name, its pane made when wanted and
told when it is on screen; focus(key)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Report
from haizhu_reader.gui.figures.pane import FiguresPane
from haizhu_reader.gui.reader.view import ReaderView
from haizhu_reader.gui.window.docks import DockRow, Docks
from haizhu_reader.gui.window.lazy_pane import LazyPane
from haizhu_reader.gui.window.mainwindow import MainWindow

DATA = Path(__file__).parents[2] / "data"


class _Pane(QLabel):
    """A pane that records what its dock tells it."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.shown: list[bool] = []

    def take_focus(self) -> None:
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_shown(self, shown: bool) -> None:
        self.shown.append(shown)


def _window(qtbot: QtBot) -> tuple[QMainWindow, Docks, _Pane, LazyPane[_Pane]]:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    front = _Pane("front")
    behind: LazyPane[_Pane] = LazyPane(lambda: _Pane("behind"))
    right = Qt.DockWidgetArea.RightDockWidgetArea
    docks = Docks(window, [DockRow("front", "前", right, LazyPane.of(front)),
                           DockRow("behind", "后", right, behind)])  # fmt: skip
    docks.tabify("front", ["behind"])
    return window, docks, front, behind


def test_one_dock_per_row_named_by_its_key_with_its_toggle(qtbot: QtBot) -> None:
    _, docks, front, _ = _window(qtbot)
    assert [d.objectName() for d in docks.all()] == ["front_dock", "behind_dock"]
    assert docks.dock("front").widget() is front
    toggles = [d.toggleViewAction() for d in docks.all()]
    assert [t.shortcut().toString() for t in toggles] == ["Ctrl+Shift+1", "Ctrl+Shift+2"]
    assert [t.text() for t in toggles] == ["显示前", "显示后"]
    assert "Ctrl+Shift+2" in docks.dock("behind").accessibleDescription()


def test_a_pane_behind_is_made_when_its_dock_comes_forward_and_told(qtbot: QtBot) -> None:
    window, docks, front, behind = _window(qtbot)
    with qtbot.waitExposed(window):
        window.show()
    assert behind.made() is None and docks.dock("behind").widget() is None
    docks.bring_forward("behind")
    pane = behind.made()
    assert pane is not None and docks.dock("behind").widget() is pane
    qtbot.waitUntil(lambda: pane.shown[-1:] == [True])
    docks.bring_forward("front")
    qtbot.waitUntil(lambda: pane.shown[-1:] == [False] and front.shown[-1:] == [True])


def test_focus_brings_the_dock_forward_and_the_focus_into_its_pane(qtbot: QtBot) -> None:
    window, docks, _, behind = _window(qtbot)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    docks.dock("behind").close()
    docks.focus("behind")
    pane = behind.get()
    assert docks.in_front("behind")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane)


def chars_per_line(view: ReaderView) -> int:
    """Characters on a full line of body text: the second line of the report's longest
    paragraph (the first is indented), brought on screen to be laid out at the present
    width (what is off screen is laid out later, when idle)."""
    report = view.report()
    assert report is not None
    longest = max((p for _, p in report.body_paragraphs()), key=lambda p: len(p.text))
    view.show_paragraph(longest.id)
    view.viewport().repaint()
    pos = view.document_position(longest.id)
    assert pos is not None
    layout = view.document().findBlock(pos).layout()
    assert layout is not None and layout.lineCount() >= 3
    return layout.lineAt(1).textLength()


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_a_dock_keeps_its_width_whatever_pane_is_in_front(
    qtbot: QtBot, report: Report, size: tuple[int, int]
) -> None:
    """Bringing the 数据 tab forward (or any other) leaves the dock as wide as it was,
    for the other tabs and the next report too: the table scrolls sideways instead."""
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(*size)
    w.open_report(report)
    with qtbot.waitExposed(w):
        w.show()
    qtbot.waitUntil(w.is_complete)
    right = w.dock("glossary")
    width, column = right.width(), chars_per_line(w.reader)
    for key in ("figures", "search", "annotations", "glossary", "figures"):
        w.dock(key).raise_()
        qtbot.wait(50)
        assert (key, w.dock(key).width()) == (key, width)
        assert chars_per_line(w.reader) == column
    figures = w.part(FiguresPane)
    qtbot.waitUntil(lambda: figures.figures() is not None)
    table = figures.table
    assert table.horizontalScrollBar().maximum() > 0  # the columns scroll, the dock stays
    w.open_report(load_report(DATA / "06_kunming_city_2020.txt"))
    qtbot.wait(50)
    assert right.width() == width
    w.close()
