"""Keyboard use: every command reachable without a mouse, unambiguous keys, section
navigation, the Go menu, focus keys for each dock, and Help › 键盘快捷键 (F1)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QWidget,
)
from pytestqt.qtbot import QtBot

from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Report, Section, heading_text
from haizhu_reader.gui.annotations.pane import AnnotationsPane
from haizhu_reader.gui.common.accessibility import plain_text, spoken_name
from haizhu_reader.gui.contents.navigation import (
    Navigation,
    next_stop,
    previous_stop,
    stop_of,
    stops,
)
from haizhu_reader.gui.help.shortcuts_dialog import ShortcutsDialog, window_commands
from haizhu_reader.gui.reader.view import ReaderView
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import Settings
from tests.conftest import open_as_a_user

_MNEMONIC = re.compile(r"&[^&]")


@pytest.fixture(autouse=True)
def _pool_idle_after(qapp: QApplication) -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(30000)


@pytest.fixture
def window(qtbot: QtBot, app_paths: AppPaths, report: Report) -> Iterator[MainWindow]:
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    w = MainWindow(Settings(app_paths.settings_file), annotations_db=app_paths.annotations_db)
    open_as_a_user(qtbot, w, report)
    w.activateWindow()
    qtbot.waitUntil(lambda: w.reader.progress() >= 0)
    yield w
    w.close()


# -- reachability and ambiguity, as checks a test can run on any window ------------------


def menu_paths(window: QMainWindow) -> Iterator[tuple[list[QMenu], QAction]]:
    """Every action of the menu bar with the menus leading to it."""

    def walk(menus: list[QMenu]) -> Iterator[tuple[list[QMenu], QAction]]:
        for action in menus[-1].actions():
            if action.isSeparator():
                continue
            submenu = action.menu()
            if isinstance(submenu, QMenu):
                yield from walk([*menus, submenu])
            else:
                yield menus, action

    for top in window.menuBar().actions():
        submenu = top.menu()
        if isinstance(submenu, QMenu):
            yield from walk([submenu])


def unreachable(window: QMainWindow) -> list[str]:
    """Menu actions a keyboard user cannot get to directly.

    Reachable: a shortcut; or every menu on the way has an & accelerator and the
    action has one too (a checkable choice in an exclusive group is picked with
    the arrow keys, like a radio button list).
    """
    bad = []
    for menus, action in menu_paths(window):
        if not action.shortcut().isEmpty():
            continue
        path_ok = all(_MNEMONIC.search(m.title()) for m in menus)
        group = action.actionGroup()
        choice = action.isCheckable() and group is not None and group.isExclusive()
        if not (path_ok and (_MNEMONIC.search(action.text()) or choice)):
            where = " › ".join(m.title() for m in menus)
            bad.append(f"{where} › {action.text()!r}")
    return bad


def _active_in(window: QMainWindow, action: QAction) -> bool:
    """Whether ``action``'s shortcut can fire in ``window`` (it is added to a widget there)."""
    for owner in action.associatedObjects():
        if isinstance(owner, QWidget) and (owner.window() is window or isinstance(owner, QMenu)):
            return True
    return False


def shared_shortcuts(window: QMainWindow) -> dict[str, list[str]]:
    """Key sequences more than one window-wide action or shortcut answers to (Qt then
    fires none of them and only prints "Ambiguous shortcut overload")."""
    wide = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
    owners: dict[str, set[str]] = defaultdict(set)
    actions = {id(a): a for _, a in menu_paths(window)}
    actions.update({id(a): a for a in window.findChildren(QAction)})
    for action in actions.values():
        if action.shortcutContext() in wide and _active_in(window, action):
            for key in action.shortcuts():
                name = f"{plain_text(action.text())} ({type(action).__name__}@{id(action):x})"
                owners[key.toString(QKeySequence.SequenceFormat.PortableText)].add(name)
    for shortcut in window.findChildren(QShortcut):
        if shortcut.context() in wide and shortcut.isEnabled():
            keys = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
            owners[keys].add(f"QShortcut {shortcut.objectName() or id(shortcut)}")
    return {k: sorted(v) for k, v in owners.items() if k and len(v) > 1}


def test_every_menu_command_is_reachable_by_keyboard(window: MainWindow) -> None:
    assert unreachable(window) == []


def test_the_reachability_check_can_fail(window: MainWindow) -> None:
    menu = window.menuBar().addMenu("无加速键")
    menu.addAction("无快捷键")
    assert len(unreachable(window)) == 1


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    assert shared_shortcuts(window) == {}


def test_the_shared_shortcut_check_can_fail(window: MainWindow) -> None:
    clash = QAction("冲突", window)
    clash.setShortcut(QKeySequence("Ctrl+PgDown"))
    window.addAction(clash)
    assert list(shared_shortcuts(window)) == ["Ctrl+PgDown"]


def test_top_level_menus_have_distinct_accelerators(window: MainWindow) -> None:
    keys = [_MNEMONIC.search(a.text()) for a in window.menuBar().actions()]
    letters = [m.group().lower() for m in keys if m]
    assert len(letters) == len(keys) == len(set(letters))


def test_no_button_of_the_window_shares_a_menu_accelerator(window: MainWindow) -> None:
    """Alt+letter of a button that a top-level menu also has only moves the focus
    (编辑笔记(&E) in the annotations dock never edited: 编辑(&E) took Alt+E)."""
    menus = {
        m.group().lower() for a in window.menuBar().actions() if (m := _MNEMONIC.search(a.text()))
    }
    buttons = window.findChildren(QAbstractButton)
    assert len(buttons) > 5
    for button in buttons:
        m = _MNEMONIC.search(button.text())
        assert m is None or m.group().lower() not in menus, button.text()


# -- next and previous section -----------------------------------------------------------


def test_stops_are_parts_sections_and_appendices(report: Report) -> None:
    ids = stops(report)
    levels = {s.id: s.level for s in report.walk()}
    assert ids[0] == report.sections[0].id
    assert ids[-1] == report.appendices[-1].id
    assert all(levels.get(i, 0) <= 2 for i in ids)
    topic = next(s for s in report.walk() if s.level == 3)
    parent = report.section_path(topic.id)[-2]
    assert stop_of(report, topic.id) == parent.id
    assert next_stop(report, topic.id) == ids[ids.index(parent.id) + 1]
    assert next_stop(report, ids[-1]) is None
    assert previous_stop(report, ids[0], at_start=True) is None
    assert previous_stop(report, ids[3], at_start=False) == ids[3]
    assert previous_stop(report, ids[3], at_start=True) == ids[2]


def _key(window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    focused = QApplication.focusWidget() or window.reader
    QTest.keyClick(focused, key, modifier)


def test_ctrl_page_down_and_up_step_through_sections(window: MainWindow, report: Report) -> None:
    ids = stops(report)
    window.reader.setFocus()
    ctrl = Qt.KeyboardModifier.ControlModifier
    for expected in ids[1:4]:
        _key(window, Qt.Key.Key_PageDown, ctrl)
        assert window.reader.section_at_top() == expected
    _key(window, Qt.Key.Key_PageUp, ctrl)
    assert window.reader.section_at_top() == ids[2]
    # From inside a section, back goes to its own heading first.
    section = next(s for s in report.walk() if s.id == ids[2])
    window.reader.show_paragraph(section.paragraphs[-1].id)
    _key(window, Qt.Key.Key_PageUp, ctrl)
    assert window.reader.section_at_top() == ids[2]
    _key(window, Qt.Key.Key_PageUp, ctrl)
    assert window.reader.section_at_top() == ids[1]


def test_previous_at_the_end_does_not_stick(window: MainWindow, report: Report) -> None:
    """Near the end the view cannot bring a heading to the top; back must still go back."""
    ids = stops(report)
    window.reader.show_section(ids[-1])
    window.reader.setFocus()
    seen = []
    for _ in range(3):
        _key(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
        seen.append(ids.index(window.reader.section_at_top()))
    assert seen == sorted(seen, reverse=True) and len(set(seen)) == 3


def test_go_menu_lists_the_parts_with_alt_digits(window: MainWindow, report: Report) -> None:
    go = _go_menu(window)
    assert go.menuAction() in window.menuBar().actions() and go.title() == "转到(&G)"
    entries = {a.text(): a.shortcut().toString() for a in go.actions() if not a.isSeparator()}
    assert entries["一、2022年工作回顾"] == "Alt+1"
    assert entries["二、2023年工作安排"] == "Alt+2"
    assert entries["开篇"] == "Alt+0"
    assert entries["下一节(&N)"] == "Ctrl+PgDown"
    assert any(t.startswith("附件 名词解释") for t in entries)


def test_alt_digit_jumps_to_a_part(window: MainWindow, report: Report) -> None:
    window.reader.setFocus()
    _key(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert window.reader.section_at_top() == report.sections[2].id
    _key(window, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert window.reader.section_at_top() == report.sections[0].id


def _go_menu(window: MainWindow) -> QMenu:
    go = window.findChild(QMenu, "go_menu")
    assert isinstance(go, QMenu)
    return go


def test_go_menu_follows_the_open_report(window: MainWindow) -> None:

    other = load_report(Path(__file__).parents[2] / "data" / "01_guangdong_prov_2026.txt")
    window.open_report(other)
    parts = [s for s in other.sections if s.number]
    assert len(parts) == 3  # the bundled report has 2
    keyed = [a for a in _go_menu(window).actions() if a.shortcut().toString().startswith("Alt+")]
    assert [a.text() for a in keyed][1:] == [heading_text(s) for s in parts]
    assert len([a for a in _go_menu(window).actions() if a.text().startswith("附件")]) == 2


def test_parts_beyond_nine_get_accelerators_instead(qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    navigation = Navigation(ReaderView(host), host)
    numerals = "一二三四五六七八九十"
    sections = [Section(f"s{i}", 1, f"{n}、", f"第{i}部分") for i, n in enumerate(numerals)]
    sections.append(Section("s10", 1, "十一、", "研发&创新"))
    navigation.set_report(Report(title="测试", sections=sections))
    texts = [a.text() for a in navigation.part_actions]
    keys = [a.shortcut().toString() for a in navigation.part_actions]
    assert keys[:9] == [f"Alt+{i}" for i in range(1, 10)]
    assert texts[9:] == ["十、第9部分(&A)", "十一、研发&&创新(&B)"] and keys[9:] == ["", ""]


def test_unnumbered_parts_get_alt_digits_too(qtbot: QtBot) -> None:
    """2022年工作回顾, 2023年工作安排: parts without a numeral are parts all the same."""
    host = QWidget()
    qtbot.addWidget(host)
    navigation = Navigation(ReaderView(host), host)
    sections = [Section("s0", 1, None, "开篇")]
    sections += [Section(f"s{i}", 1, None, f"{2021 + i}年工作回顾") for i in (1, 2)]
    navigation.set_report(Report(title="测试", sections=sections))
    keys = [(a.text(), a.shortcut().toString()) for a in navigation.part_actions]
    assert keys == [("开篇", "Alt+0"), ("2022年工作回顾", "Alt+1"), ("2023年工作回顾", "Alt+2")]


# -- focus keys --------------------------------------------------------------------------


def _in(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def _in_front(dock: QDockWidget) -> bool:
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


@pytest.mark.parametrize(
    ("key", "dock"),
    [
        (Qt.Key.Key_5, "search"),
        (Qt.Key.Key_6, "annotations"),
        (Qt.Key.Key_4, "figures"),
        (Qt.Key.Key_3, "glossary"),
    ],
)
def test_focus_keys_bring_a_tabbed_dock_forward(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, dock: str
) -> None:
    target = window.dock(dock)
    window.reader.setFocus()
    others = [window.dock("glossary"), window.dock("search"), window.dock("annotations")]
    next(d for d in others if d is not target).raise_()
    qtbot.waitUntil(lambda: not _in_front(target))
    _key(window, key, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _in_front(target))
    qtbot.waitUntil(lambda: _in(target.widget()))


def test_focus_key_shows_a_closed_dock(qtbot: QtBot, window: MainWindow) -> None:
    window.dock("annotations").close()
    window.reader.setFocus()
    _key(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _in_front(window.dock("annotations")))
    qtbot.waitUntil(lambda: _in(window.part(AnnotationsPane)))


# -- Help › 键盘快捷键 ------------------------------------------------------------------------


def test_plain_text() -> None:
    assert plain_text("打开报告(&O)…") == "打开报告…"
    assert plain_text("&1 a && b.txt") == "1 a & b.txt"
    assert plain_text("Save &As") == "Save As"
    assert spoken_name("为所选文字添加笔记(&N)…") == "为所选文字添加笔记"


def _open_shortcuts(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog, "shortcuts_dialog")
    assert isinstance(dialog, ShortcutsDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.filter_edit)
    return dialog


def test_f1_lists_every_shortcut_of_the_window(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _open_shortcuts(qtbot, window)
    rows = dialog.rows()
    assert ("打开报告…", "Ctrl+O", "文件") in rows
    assert ("高亮：黄色", "Ctrl+Alt+1", "编辑 › 高亮") in rows
    assert ("下一节", "Ctrl+PgDown", "转到") in rows
    assert ("键盘快捷键", "F1", "帮助") in rows
    assert ("一、2022年工作回顾", "Alt+1", "转到") in rows
    with_keys = [c for c in window_commands(window) if c.keys]
    assert len(rows) == len(with_keys)
    assert all("&" not in text for text, _, _ in rows)
    dialog.close()


def test_the_list_is_built_from_the_actions_so_it_never_goes_stale(
    qtbot: QtBot, window: MainWindow
) -> None:
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    extra = help_menu.addAction("新命令(&X)")
    extra.setShortcut(QKeySequence("Ctrl+Alt+Shift+X"))
    dialog = _open_shortcuts(qtbot, window)
    assert ("新命令", "Ctrl+Alt+Shift+X", "帮助") in dialog.rows()
    dialog.close()


def test_the_list_filters_and_is_keyboard_navigable(qtbot: QtBot, window: MainWindow) -> None:
    dialog = _open_shortcuts(qtbot, window)
    dialog.filter_edit.setText("批注")  # QTest types ASCII only
    rows = dialog.rows()
    assert rows and all("批注" in " ".join(r) for r in rows)
    dialog.filter_edit.clear()
    QTest.keyClicks(dialog.filter_edit, "ctrl+pgup")
    assert [r[0] for r in dialog.rows()] == ["上一节"]
    QTest.keyClick(dialog.filter_edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dialog.view
    assert dialog.view.currentIndex().data() == "上一节"
    QTest.keyClick(dialog.view, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog, "shortcuts_dialog") is None)


def test_a_second_f1_reuses_the_open_list(qtbot: QtBot, window: MainWindow) -> None:
    first = _open_shortcuts(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    second = _open_shortcuts(qtbot, window)
    assert first is second
    assert len(window.findChildren(ShortcutsDialog)) == 1
    first.close()


def test_a_second_f1_lists_the_report_opened_meanwhile(qtbot: QtBot, window: MainWindow) -> None:
    """The Go menu follows the report: the reused list follows it too (it went stale)."""
    first = _open_shortcuts(qtbot, window)
    before = {r[0] for r in first.rows()}
    other = load_report(Path(__file__).parents[2] / "data" / "01_guangdong_prov_2026.txt")
    window.open_report(other)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    second = _open_shortcuts(qtbot, window)
    assert first is second
    after = {r[0] for r in second.rows()}
    part = next(s for s in other.sections if s.number)
    assert any(part.title in text for text in after)
    assert not any(part.title in text for text in before)
    second.close()
