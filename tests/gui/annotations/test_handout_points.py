"""Issue 16 in the 批注 dock, the note dialog and File › 导入批注…: a lead topic's note is
named by the topic, a row shows the words a note was made on, the note dialog saves with
Ctrl+Enter, and another tool's annotations of the report's web page come in when the user
says so, those the report does not contain kept and listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.store import Annotation, Kind, Placed, new_annotation
from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.dialogs import ImportAnnotationsDialog, NoteDialog
from haizhu_reader.gui.annotations.model import ID_ROLE
from haizhu_reader.gui.annotations.pane import AnnotationsPane
from haizhu_reader.gui.annotations.session import AnnotationSession
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.paths import AppPaths
from tests.conftest import open_as_a_user
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
    assert "工业增加值增长<b>8.8%</b>，增速排名全市第一。" in tip


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


# -- importing another tool's annotations ----------------------------------------------------


def test_import_from_a_web_page_asks_then_lists_what_it_could_not_place(
    qtbot: QtBot,
    report: Report,
    app_paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, ...]],
) -> None:
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    window = open_as_a_user(qtbot, MainWindow(annotations_db=app_paths.annotations_db), report)
    page = "https://www.haizhu.gov.cn/post_1.html"

    def item(n: int, exact: str) -> dict[str, object]:
        return {
            "id": f"{page}#a{n}",
            "type": "Annotation",
            "motivation": "commenting",
            "bodyValue": f"笔记{n}",
            "target": {"source": page, "selector": {"type": "TextQuoteSelector", "exact": exact}},
        }

    path = tmp_path / "web.json"
    path.write_text(
        json.dumps([item(1, "营商环境日臻优化"), item(2, "报告里没有这句话")], ensure_ascii=False),
        encoding="utf-8",
    )
    monkeypatch.setattr(ImportAnnotationsDialog, "ask", classmethod(lambda cls, *a: path))
    asked: list[str] = []
    answer = [False]

    def confirm(_cls: object, _parent: object, title: str, why: str) -> bool:
        asked.append(why)
        return answer[0]

    listed: list[list[str]] = []

    def show_unplaced(_cls: object, _parent: object, unplaced: list[Annotation]) -> None:
        listed.append([a.anchor.exact for a in unplaced])

    monkeypatch.setattr(ImportAnnotationsDialog, "confirm_foreign", classmethod(confirm))
    monkeypatch.setattr(ImportAnnotationsDialog, "show_unplaced", classmethod(show_unplaced))
    action = window.part(WindowMenus).import_annotations_action
    action.trigger()
    assert len(asked) == 1 and page in asked[0]
    session = window.part(AnnotationSession)
    assert session.placed() == [] and session.unplaced() == [] and listed == []
    answer[0] = True
    action.trigger()
    assert [p.annotation.note for p in session.placed()] == ["笔记1"]
    assert [a.note for a in session.unplaced()] == ["笔记2"]  # kept, not dropped
    assert listed == [["报告里没有这句话"]]
    assert "1 条已按原文定位" in window.statusBar().currentMessage()
    assert set(window.part(AnnotationsPane).shown_ids()) == {
        a.id for a in [*session.unplaced(), *(p.annotation for p in session.placed())]
    }
    assert errors == []
    window.close()
