"""Hovering the reading view as a user does: the pointer comes to rest, Qt asks for a tooltip."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QToolTip
from pytestqt.qtbot import QtBot

from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.actions import ReaderAnnotator
from haizhu_reader.gui.annotations.dialogs import NoteDialog
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.paths import AppPaths
from tests.conftest import open_as_a_user

NOTE = "问：工业增加值8.8%的口径？"


@pytest.fixture
def window(
    qtbot: QtBot, app_paths: AppPaths, report: Report, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MainWindow]:
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    w = open_as_a_user(qtbot, MainWindow(annotations_db=app_paths.annotations_db), report)
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, *a, **k: NOTE))
    yield w
    QToolTip.hideText()
    w.close()


def _rest_on(qtbot: QtBot, window: MainWindow, point: QPoint) -> None:
    """Move the pointer to ``point`` of the reading view and let it rest there."""
    viewport = window.reader.viewport()
    QTest.mouseMove(viewport, point + QPoint(30, 30))
    QTest.mouseMove(viewport, point)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)


def _note_mark(qtbot: QtBot, window: MainWindow, report: Report) -> QPoint:
    """A note on a paragraph on screen, and the centre of its margin mark."""
    p = report.sections[1].paragraphs[0]
    window.reader.show_paragraph(p.id)
    annotator = window.part(ReaderAnnotator)
    qtbot.waitUntil(lambda: annotator.current_paragraph() == p.id, timeout=1000)
    annotator.note_paragraph_action.trigger()
    qtbot.waitUntil(lambda: bool(window.reader.margin_marks()), timeout=2000)
    rect, marks = window.reader.margin_marks()[0]
    assert [m.note for m in marks] == [NOTE]
    return rect.center().toPoint()


def test_hovering_a_notes_margin_mark_shows_the_note(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    point = _note_mark(qtbot, window, report)
    with qtbot.waitActive(window):
        window.activateWindow()
    _rest_on(qtbot, window, point)
    assert NOTE in QToolTip.text()


def test_the_note_shows_when_another_window_has_the_focus(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    """After a dialog, or with the memo being written in another window, the reader is not
    the active window: hovering its text still shows what is there."""
    point = _note_mark(qtbot, window, report)
    other = QLabel("另一个窗口")
    qtbot.addWidget(other)
    other.show()
    with qtbot.waitActive(other):
        other.activateWindow()
    assert not window.isActiveWindow()
    _rest_on(qtbot, window, point)
    assert NOTE in QToolTip.text()
