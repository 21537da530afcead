"""Issue 16 in the 批注 dock and the note dialog: a lead topic's note is named by the topic,
a row shows the words a note was made on, and the note dialog saves with Ctrl+Enter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.store import Kind, Placed, new_annotation
from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.dialogs import NoteDialog
from haizhu_reader.gui.annotations.model import ID_ROLE
from haizhu_reader.gui.annotations.pane import AnnotationsPane
from tests.helpers import highlight_on


def _rows(pane: AnnotationsPane) -> dict[str, tuple[str, str]]:
    """Each annotation's row: its text and its tooltip."""
    m = pane.model
    out = {}
    for g in range(m.rowCount()):
        header = m.index(g, 0)
        for r in range(m.rowCount(header)):
            i = m.index(r, 0, header)
            out[str(i.data(ID_ROLE))] = (str(i.data()), str(i.data(Qt.ItemDataRole.ToolTipRole)))
    return out


def test_the_dock_names_a_lead_topic_and_shows_the_noted_words(
    qtbot: QtBot, report: Report
) -> None:
    placer = Placer(report)
    (topic,) = [s.id for s in report.walk() if s.title == "数字经济蓬勃发展"]
    on_topic = new_annotation(Kind.NOTE, placer.anchor_section(topic), note="主题笔记")
    on_words = highlight_on(report, "8.8%", note="问：口径？", kind=Kind.NOTE)
    placed = []
    for a in (on_topic, on_words):
        at = placer.place(a.anchor)
        assert at is not None
        placed.append(Placed(a, at))
    pane = AnnotationsPane()
    qtbot.addWidget(pane)
    pane.resize(360, 320)
    with qtbot.waitExposed(pane):
        pane.show()
    pane.set_shown(True)
    pane.set_annotations(report, placed, [])
    rows = _rows(pane)
    text, tip = rows[on_topic.id]
    assert text.splitlines()[0] == "笔记 · 一、（二）数字经济蓬勃发展" and "整节" not in text
    text, tip = rows[on_words.id]
    assert text.splitlines()[1] == "“8.8%”"  # the words, not the start of the sentence
    assert "工业增加值增长<b>8.8%</b>,增速排名全市第一。" in tip


# -- the note dialog ---------------------------------------------------------------------


def _press(qtbot: QtBot, keys: list[tuple[Qt.Key, Qt.KeyboardModifier]]) -> NoteDialog:
    """The note dialog, shown, a note typed and ``keys`` pressed in its editor."""
    dialog = NoteDialog(None, "添加笔记", "段落：……", "")
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.editor.setFocus()
    dialog.editor.insertPlainText("会上追问")  # keyClicks types ASCII only
    for key, modifiers in keys:
        QTest.keyClick(dialog.editor, key, modifiers)
    return dialog


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_saves_the_note(qtbot: QtBot, key: Qt.Key) -> None:
    dialog = _press(qtbot, [(key, Qt.KeyboardModifier.ControlModifier)])
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.editor.toPlainText() == "会上追问"


def test_enter_alone_starts_a_new_line_and_esc_cancels(qtbot: QtBot) -> None:
    dialog = _press(qtbot, [(Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)])
    assert dialog.isVisible() and dialog.editor.toPlainText() == "会上追问\n"
    QTest.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_the_dialog_says_how_to_save(qtbot: QtBot) -> None:
    dialog = NoteDialog(None, "添加笔记", "段落：……", "")
    qtbot.addWidget(dialog)
    assert "Ctrl+Enter" in dialog.hint.text() and "Esc" in dialog.hint.text()
