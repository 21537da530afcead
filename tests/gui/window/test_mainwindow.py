"""The main window: panes wired together, opening files, layout persistence, --screenshot."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QWidget
from pytestqt.qtbot import QtBot

from haizhu_reader.app import main
from haizhu_reader.core.report import Report
from haizhu_reader.gui.common.dialogs import Messages, OpenReportDialog
from haizhu_reader.gui.contents.section_tree import SectionTree
from haizhu_reader.gui.glossary.pane import GlossaryPane
from haizhu_reader.gui.reader.view import ReaderView
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import Settings
from tests.conftest import open_as_a_user

DATA = Path(__file__).parents[2] / "data"


@pytest.fixture
def window(qtbot: QtBot, report: Report, app_paths: AppPaths) -> Iterator[MainWindow]:
    w = open_as_a_user(qtbot, MainWindow(Settings(app_paths.settings_file)), report)
    yield w


def line_top(view: ReaderView, pos: int) -> int:
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    return view.cursorRect(cursor).top()


class MessageRecorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str, str]] = []

    def __call__(self, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        self.calls.append((title, text, detail))


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> MessageRecorder:
    recorder = MessageRecorder()
    monkeypatch.setattr(Messages, "error", recorder)
    return recorder


def test_title_and_panes_show_the_report(window: MainWindow, report: Report) -> None:
    assert window.windowTitle().startswith(report.title)
    assert window.part(SectionTree).model.rowCount() == len(report.sections) + len(
        report.appendices
    )
    assert len(window.part(GlossaryPane).visible_terms()) == len(report.glossary)


def test_tree_click_scrolls_the_view_to_that_heading(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    tree, reader = window.part(SectionTree), window.reader
    target = next(s for s in report.walk() if s.title == "以更大力度开展招商引资")
    index = tree.view.model().index(0, 0)
    while index.isValid() and index.data() != target.title:
        index = tree.view.indexBelow(index)
    tree.view.scrollTo(index)
    rect = tree.view.visualRect(index)
    QTest.mouseClick(
        tree.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )
    assert reader.section_at_top() == target.id
    pos = reader.document_position(target.paragraphs[0].id)
    assert pos is not None
    assert 0 <= line_top(reader, pos) < reader.fontMetrics().height() * 3
    assert tree.current_section() == target.id


def test_scrolling_the_view_moves_the_trees_current_item(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    tree, reader = window.part(SectionTree), window.reader
    bar = reader.verticalScrollBar()
    seen = []
    for value in range(0, bar.maximum(), bar.maximum() // 12):
        bar.setValue(value)
        qtbot.waitUntil(lambda: tree.current_section() == reader.section_at_top(), timeout=2000)
        seen.append(tree.current_section())
    order = [s.id for s in report.walk()] + [a.id for a in report.appendices]
    positions = [order.index(s) for s in seen]
    assert positions == sorted(positions)
    assert len(set(seen)) >= 8


def test_status_bar_shows_place_and_progress(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    target = next(s for s in report.walk() if s.title == "以更大力度开展招商引资")
    window.reader.show_section(target.id)
    labels = {w.accessibleName(): w for w in window.statusBar().findChildren(QWidget)}
    place, progress = labels["当前位置"], labels["阅读进度"]
    qtbot.waitUntil(lambda: place.property("text").endswith("以更大力度开展招商引资"))
    assert place.property("text").startswith("二、2023年工作安排 › （三）")
    assert progress.property("text").startswith("已读 ")


def test_clicking_a_mark_selects_the_term_in_the_glossary(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    window.dock("glossary").hide()
    window.reader.term_activated.emit(5)
    assert window.part(GlossaryPane).current_term() == 5
    assert window.dock("glossary").isVisible()


def test_activating_an_occurrence_scrolls_to_it(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    reader, pane = window.reader, window.part(GlossaryPane)
    reader.verticalScrollBar().setValue(0)
    entry = 3
    o = report.glossary[entry].occurrences[-1]
    pane.show_term(entry)
    occurrences = pane.occurrence_list
    item = occurrences.item(occurrences.count() - 1)
    occurrences.scrollToItem(item)
    rect = occurrences.visualItemRect(item)
    QTest.mouseClick(
        occurrences.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        rect.center(),
    )
    pos = reader.document_position(o.paragraph, o.start)
    assert pos is not None
    top = line_top(reader, pos)
    assert 0 <= top < reader.viewport().height() * 2 // 3
    # The flash is drawn last, over any other highlight layer.
    selections = reader.extraSelections()
    last = selections[-1].cursor
    assert (last.selectionStart(), last.selectionEnd()) == (pos, pos + o.end - o.start)


def test_a_bad_file_shows_a_message_and_the_window_keeps_working(
    qtbot: QtBot,
    window: MainWindow,
    report: Report,
    messages: MessageRecorder,
    tmp_path: Path,
) -> None:
    bad = tmp_path / "novel.txt"
    bad.write_text("小说第一章。" * 99, encoding="utf-8")
    window.open_file(bad)
    qtbot.waitUntil(lambda: bool(messages.calls), timeout=5000)
    title, text, detail = messages.calls[0]
    assert title == "无法打开报告"
    assert "不是政府工作报告" in text and "not a government work report" in detail
    assert window.report() is report
    assert window.windowTitle().startswith(report.title)
    # Still usable: navigation works and another file opens.
    window.reader.show_section(list(report.walk())[3].id)
    assert window.reader.section_at_top() == list(report.walk())[3].id
    window.open_file(DATA / "08_guangzhou_city_2025.txt")
    qtbot.waitUntil(lambda: window.report() is not report, timeout=5000)
    assert window.windowTitle().startswith("2025年广州市政府工作报告")
    assert len(window.part(GlossaryPane).visible_terms()) == 38  # 31. names three projects
    assert len(messages.calls) == 1


def test_a_missing_file_is_a_message_too(
    qtbot: QtBot, window: MainWindow, messages: MessageRecorder, tmp_path: Path
) -> None:
    window.open_file(tmp_path / "nope.txt")
    qtbot.waitUntil(lambda: bool(messages.calls), timeout=5000)
    assert "找不到文件" in messages.calls[0][1]


def test_file_open_uses_the_dialog(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = DATA / "06_kunming_city_2020.txt"
    monkeypatch.setattr(OpenReportDialog, "ask", classmethod(lambda cls, parent, start: chosen))
    window.part(WindowMenus).open_action.trigger()
    qtbot.waitUntil(
        lambda: window.windowTitle().startswith("昆明市2020年政府工作报告"), timeout=5000
    )


def test_view_menu_toggles_every_dock(window: MainWindow) -> None:
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title().startswith("视图"))
    in_menu = set(menu.actions())
    docks = window.findChildren(QDockWidget)
    assert window.dock("sections") in docks and window.dock("glossary") in docks
    for dock in docks:
        toggle = dock.toggleViewAction()
        assert toggle in in_menu
        assert toggle.text() == "显示" + dock.windowTitle()
        dock.show()
        toggle.trigger()
        assert dock.isHidden()
        toggle.trigger()
        assert not dock.isHidden()


def test_docks_and_geometry_come_back(
    qtbot: QtBot, window: MainWindow, report: Report, app_paths: AppPaths
) -> None:
    window.dock("glossary").hide()
    window.resize(760, 560)  # the offscreen screen is 800x600: restoring clamps to it
    window.close()
    assert app_paths.settings_file.exists()
    again = MainWindow(Settings(app_paths.settings_file))
    qtbot.addWidget(again)
    again.open_report(report)
    again.restore_layout()
    with qtbot.waitExposed(again):
        again.show()
    assert not again.dock("glossary").isVisible()
    assert again.dock("sections").isVisible()
    assert (again.width(), again.height()) == (760, 560)


def test_accessible_names_and_object_names(window: MainWindow) -> None:
    assert window.dock("sections").objectName() == "sections_dock"
    assert window.dock("glossary").objectName() == "glossary_dock"
    for w in (
        window.reader,
        window.part(SectionTree).view,
        window.part(SectionTree).filter_edit,
        window.part(GlossaryPane).filter_edit,
        window.part(GlossaryPane).term_view,
        window.part(GlossaryPane).occurrence_list,
    ):
        assert w.accessibleName()


def test_focus_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    assert focused is not None and window.part(GlossaryPane).isAncestorOf(focused)
    QTest.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    focused = QApplication.focusWidget()
    assert focused is not None and window.part(SectionTree).isAncestorOf(focused)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is window.reader


def test_tab_goes_around_the_window(window: MainWindow) -> None:
    window.activateWindow()
    window.reader.setFocus()
    seen = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        seen.append(now.accessibleName())
        if now is window.reader:
            break
    # Left to right: the glossary after the text, then round to the contents.
    assert seen[-1] == "报告正文"
    mine = [n for n in seen if n in {"筛选名词", "名词列表", "出现位置", "筛选目录", "目录"}]
    assert mine == ["筛选名词", "名词列表", "出现位置", "筛选目录", "目录"]


# -- the command line ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("extra", "size"),
    [
        ([], (1280, 800)),
        (["--size", "1024x700", str(DATA / "08_guangzhou_city_2025.txt")], (1024, 700)),
    ],
)
def test_screenshot(
    qapp: QApplication, tmp_path: Path, extra: list[str], size: tuple[int, int]
) -> None:
    # In a process of its own, as a user runs it: it runs and quits its own
    # QApplication, which must not be the test session's.
    out = tmp_path / "shot.png"
    args = ["--screenshot", str(out), "--data-dir", str(tmp_path / "profile"), *extra]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "haizhu_reader", *args], capture_output=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr.decode()
    image = QImage(str(out))
    assert (image.width(), image.height()) == size
    assert not (tmp_path / "profile" / "config" / "settings.ini").exists()


def test_bad_file_on_the_command_line_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert main(["--screenshot", str(tmp_path / "x.png"), str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("haizhu-reader: ") and err.count("\n") == 1
    assert not (tmp_path / "x.png").exists()


def test_garbage_is_collected_on_the_gui_thread(qapp: QApplication) -> None:
    import gc
    import threading

    from haizhu_reader.gui.launch import collect_garbage_on_gui_thread

    collections: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(threading.get_ident())

    was_enabled = gc.isenabled()
    timer = collect_garbage_on_gui_thread(qapp)
    gc.callbacks.append(seen)
    try:
        assert not gc.isenabled()
        for _ in range(3 * gc.get_threshold()[0]):  # cycles, well past the first threshold
            a: list[object] = []
            a.append(a)
        assert timer.isActive() and timer.thread() is qapp.thread()
        timer.timeout.emit()  # what the GUI thread's event loop does every second
        assert collections == [threading.get_ident()]
    finally:
        gc.callbacks.remove(seen)
        timer.stop()
        if was_enabled:
            gc.enable()


def test_qt_strings_are_chinese(qapp: QApplication) -> None:
    from PySide6.QtCore import QCoreApplication

    from haizhu_reader.gui.common import language

    translators = language.install(qapp, language.CHINESE)
    assert translators
    try:
        assert QCoreApplication.translate("QPlatformTheme", "OK") == "确定"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_bad_size_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--screenshot", str(tmp_path / "x.png"), "--size", "huge"]) == 2
    assert "--size" in capsys.readouterr().err


def test_first_report_is_cached_by_content_and_code(
    app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from haizhu_reader.core import parse
    from haizhu_reader.gui.launch import open_first_report

    first = open_first_report(None, app_paths)
    assert list((app_paths.cache_dir / "reports").glob("*.pickle"))

    def no_parse() -> Report:
        raise AssertionError("parsed again")

    monkeypatch.setattr(parse, "bundled_report", no_parse)
    again = open_first_report(None, app_paths)
    assert again.to_json() == first.to_json()
    # Another file is another key; a damaged cache entry is parsed again.
    copy = tmp_path / "copy.txt"
    copy.write_bytes((DATA / "08_guangzhou_city_2025.txt").read_bytes())
    other = open_first_report(copy, app_paths)
    assert other.title == "2025年广州市政府工作报告"
    for entry in (app_paths.cache_dir / "reports").glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert open_first_report(copy, app_paths).title == other.title
