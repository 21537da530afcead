"""Reading comfort (issue #6): text size, font, line spacing, themes, remembered place, F11."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from itertools import combinations, product
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QFontDatabase, QPalette, QTextCursor, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QToolTip
from pytestqt.qtbot import QtBot

from haizhu_reader.core.annotations.store import COLOUR_HEX, Colour
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Report
from haizhu_reader.gui.comfort import reading_places, view_options
from haizhu_reader.gui.comfort.font_dialog import FontDialog
from haizhu_reader.gui.comfort.full_screen import FullScreenReading
from haizhu_reader.gui.common.theme import (
    DARK,
    LIGHT,
    SEPIA,
    THEMES,
    Theme,
    ThemeName,
    colour_difference,
    contrast_ratio,
    delta_e_2000,
    relative_luminance,
)
from haizhu_reader.gui.contents.section_tree import SectionTree
from haizhu_reader.gui.glossary.pane import GlossaryPane
from haizhu_reader.gui.reader.marks import NOTE_COLOUR, Mark, MarkStyle
from haizhu_reader.gui.reader.typesetting import (
    LINE_HEIGHT,
    MEASURE_CHARS,
    ZOOM_LEVELS,
    has_chinese,
    reading_family,
)
from haizhu_reader.gui.reader.view import ReaderView
from haizhu_reader.gui.search.results import MARK_COLOR
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import MAX_PLACES, ReadingPlace, Settings
from tests.conftest import open_as_a_user

DATA = Path(__file__).parents[2] / "data"


@pytest.fixture(autouse=True)
def _palette_as_it_was(qapp: QApplication) -> Iterator[None]:
    """Themes colour the whole application: leave it as the next test expects."""
    palette, tips = QApplication.palette(), QToolTip.palette()
    yield
    QApplication.setPalette(palette)
    QToolTip.setPalette(tips)
    QApplication.styleHints().unsetColorScheme()


@pytest.fixture
def window(qtbot: QtBot, report: Report, app_paths: AppPaths) -> Iterator[MainWindow]:
    w = open_as_a_user(qtbot, MainWindow(Settings(app_paths.settings_file)), report)
    qtbot.waitUntil(lambda: w.reader.reading_place() is not None)
    yield w


def body_pid(report: Report, n: int) -> str:
    return [p.id for _, p in report.body_paragraphs()][n]


def top_paragraph(view: ReaderView) -> str:
    place = view.reading_place()
    assert place is not None
    return place[0]


def line_top(view: ReaderView, pid: str) -> int:
    pos = view.document_position(pid)
    assert pos is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    return view.cursorRect(cursor).top()


def body_point_size(view: ReaderView, pid: str) -> float:
    pos = view.document_position(pid, 3)
    assert pos is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    return cursor.charFormat().font().pointSizeF()


# -- text size -------------------------------------------------------------------------------


def test_zoom_in_out_and_reset_keep_the_top_paragraph(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    view, options = window.reader, window.view_options
    pid = body_pid(report, 40)
    view.show_paragraph(pid)
    assert top_paragraph(view) == pid
    size = body_point_size(view, pid)
    em = view.typography().em

    QTest.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Ctrl+=
    assert view.zoom() == 110
    assert body_point_size(view, pid) == pytest.approx(size * 1.1)
    assert view.typography().em > em
    assert top_paragraph(view) == pid
    assert 0 <= line_top(view, pid) < view.typography().em * 1.5

    options.zoom_out_action.trigger()
    options.zoom_out_action.trigger()
    assert view.zoom() == 90
    assert body_point_size(view, pid) == pytest.approx(size * 0.9)
    assert top_paragraph(view) == pid

    QTest.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # Ctrl+0
    assert view.zoom() == 100
    assert body_point_size(view, pid) == pytest.approx(size)
    assert top_paragraph(view) == pid
    QTest.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)  # Ctrl+-
    assert view.zoom() == 90


def test_zoom_stops_at_the_ends(window: MainWindow) -> None:
    view = window.reader
    for _ in range(len(ZOOM_LEVELS) + 2):
        view.zoom_in()
    assert view.zoom() == ZOOM_LEVELS[-1]
    for _ in range(len(ZOOM_LEVELS) + 2):
        view.zoom_out()
    assert view.zoom() == ZOOM_LEVELS[0]


def test_the_measure_scales_with_the_text_size(qtbot: QtBot, window: MainWindow) -> None:
    view = window.reader
    window.resize(1900, 900)  # room for the column at every size tried
    for dock in window.findChildren(QDockWidget):
        dock.hide()
    qtbot.waitUntil(lambda: view.viewport().width() > 1500)
    for zoom in (90, 100, 120):
        view.set_zoom(zoom)
        fmt = view.document().rootFrame().frameFormat()
        column = view.viewport().width() - fmt.leftMargin() - fmt.rightMargin()
        em = view.typography().em
        assert MEASURE_CHARS * em * 0.95 <= column <= MEASURE_CHARS * em * 1.05
        assert fmt.leftMargin() == pytest.approx(fmt.rightMargin())


def _wheel(view: ReaderView, notches: float, modifiers: Qt.KeyboardModifier) -> None:
    point = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        point,
        QPointF(view.viewport().mapToGlobal(point.toPoint())),
        QPoint(0, 0),
        QPoint(0, round(120 * notches)),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_ctrl_wheel_zooms_and_a_plain_wheel_scrolls(window: MainWindow, report: Report) -> None:
    view = window.reader
    pid = body_pid(report, 30)
    view.show_paragraph(pid)
    ctrl = Qt.KeyboardModifier.ControlModifier
    _wheel(view, 1, ctrl)
    assert view.zoom() == 110
    assert top_paragraph(view) == pid
    _wheel(view, 0.5, ctrl)  # half a notch (a touchpad): not yet
    assert view.zoom() == 110
    _wheel(view, 0.5, ctrl)
    assert view.zoom() == 120
    _wheel(view, -2, ctrl)
    assert view.zoom() == 100
    value = view.verticalScrollBar().value()
    _wheel(view, -1, Qt.KeyboardModifier.NoModifier)
    assert view.zoom() == 100
    assert view.verticalScrollBar().value() > value


def test_the_view_menu_offers_every_reading_option(window: MainWindow) -> None:
    options = window.view_options
    view_menu = next(
        m for m in window.menuBar().findChildren(QMenu) if m.title().startswith("视图")
    )
    everything: list[QAction] = []
    for action in view_menu.actions():
        sub = action.menu()
        everything += sub.actions() if isinstance(sub, QMenu) else [action]
    for action in (
        options.zoom_in_action,
        options.zoom_out_action,
        options.zoom_reset_action,
        options.font_action,
        options.full_screen_action,
        *options.line_height_actions,
        *options.theme_actions,
    ):
        assert action in everything
    assert options.full_screen_action.shortcut().toString() == "F11"


# -- font and line spacing --------------------------------------------------------------------


def test_font_fallback_picks_a_font_with_simplified_chinese(window: MainWindow) -> None:
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert chinese, "the test machine needs a CJK font (fonts-wqy-microhei)"
    latin = [f for f in QFontDatabase.families() if not has_chinese(f)]
    assert latin  # DejaVu at least
    for wanted in ("", "No Such Font 123", latin[0]):
        family = reading_family(wanted)
        assert family in chinese and has_chinese(family)
    assert reading_family(chinese[-1]) == chinese[-1]
    view = window.reader
    view.set_font_family(latin[0])
    assert has_chinese(view.typography().font.family())
    view.set_font_family(chinese[-1])
    assert view.typography().font.family() == chinese[-1]


def test_font_dialog_lists_only_fonts_with_chinese(qtbot: QtBot) -> None:
    dialog = FontDialog("")
    qtbot.addWidget(dialog)
    families = [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
    assert families and all(has_chinese(f) for f in families)
    assert dialog.combo.accessibleName()
    assert dialog.family() == reading_family("")


def test_font_choice_reaches_the_reader(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    family = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)[-1]
    monkeypatch.setattr(FontDialog, "ask", classmethod(lambda cls, parent, current: family))
    window.view_options.font_action.trigger()
    assert window.reader.typography().font.family() == family
    assert window.reader.document().defaultFont().family() == family


def test_line_spacing_choice(window: MainWindow, report: Report) -> None:
    view, options = window.reader, window.view_options
    pid = body_pid(report, 40)
    view.show_paragraph(pid)

    def spacing() -> float:
        pos = view.document_position(pid)
        assert pos is not None
        return view.document().findBlock(pos).blockFormat().lineHeight()

    assert spacing() == LINE_HEIGHT
    wide = next(a for a in options.line_height_actions if a.data() == 200)
    wide.trigger()
    assert spacing() == 200
    assert top_paragraph(view) == pid


# -- themes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=lambda t: t.name.value)
def test_every_text_colour_pair_has_wcag_contrast(theme: Theme) -> None:
    """Text 4.5:1 (WCAG AA); underlines and margin marks 3:1 (WCAG 1.4.11, non-text)."""
    low = [
        (what, round(contrast_ratio(fg, bg), 2))
        for what, fg, bg in theme.text_pairs()
        if contrast_ratio(fg, bg) < 4.5
    ]
    assert not low, f"{theme.name}: text below 4.5:1: {low}"
    low = [
        (what, round(contrast_ratio(fg, bg), 2))
        for what, fg, bg in theme.mark_pairs()
        if contrast_ratio(fg, bg) < 3.0
    ]
    assert not low, f"{theme.name}: marks below 3:1: {low}"
    # Every highlight colour, and every kind of highlighted text, is listed.
    listed = {what for what, _, _ in theme.text_pairs()}
    assert {f"highlight {c.value}" for c in Colour} <= listed
    assert {"find hit", "flash", "key figure", "selected text", "muted on page"} <= listed
    assert {"current find match", "search hit"} <= listed
    assert "current find match outline" in {what for what, _, _ in theme.mark_pairs()}
    # The search results' snippet mark is black on its own colour in every theme.
    assert contrast_ratio("#000000", MARK_COLOR) >= 4.5


DISTINCT = 12.0  # CIEDE2000: told apart at a glance (1 is barely noticed side by side)


@pytest.mark.parametrize("theme", list(THEMES.values()), ids=lambda t: t.name.value)
def test_find_matches_search_hits_and_highlights_look_different(theme: Theme) -> None:
    """With 3/15 showing, the current match stands out from the other 14; a find match is
    not a search hit, and neither looks like a yellow (or any) highlight, the span just
    jumped to, a key figure's tint or the page."""
    found = theme.found_colours()
    assert set(found) == {"find match", "current find match", "search hit"}
    backgrounds = theme.backgrounds()
    assert {f"highlight {c.value}" for c in Colour} <= set(backgrounds)
    pairs = [*combinations(found.items(), 2), *product(found.items(), backgrounds.items())]
    close = [
        (a, b, round(colour_difference(x, y), 1))
        for (a, x), (b, y) in pairs
        if colour_difference(x, y) < DISTINCT
    ]
    assert not close, f"{theme.name}: too alike: {close}"


def test_colour_difference_is_ciede2000() -> None:
    # Sharma, Wu and Dalal's test data (pairs 1, 3, 7, 17, 26 of 34).
    for lab1, lab2, expected in [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 2.8361, -74.02), (50.0, 0.0, -82.7485), 3.4412),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ]:
        assert delta_e_2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
        assert delta_e_2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)
    assert colour_difference("#ffffff", "#ffffff") == 0
    assert colour_difference("#000000", "#ffffff") == pytest.approx(100, abs=0.01)
    assert colour_difference("#fff0a8", "#fff59d") < 5  # the old find yellow and highlight


def test_contrast_ratio_is_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#777777") == contrast_ratio("#777777", "#ffffff")


def test_highlights_are_pastel_on_light_themes_and_muted_on_dark() -> None:
    for theme in (LIGHT, SEPIA):
        assert all(relative_luminance(c) > 0.5 for c in theme.highlights.values())
    assert all(relative_luminance(c) < 0.1 for c in DARK.highlights.values())
    # A highlight still shows against the page it is on.
    assert all(c != DARK.page for c in DARK.highlights.values())


def _body_foreground(view: ReaderView, pid: str) -> str:
    pos = view.document_position(pid, 3)
    assert pos is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    return cursor.charFormat().foreground().color().name()


def test_theme_switch_recolours_the_reader_and_every_dock(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    view, options = window.reader, window.view_options
    pid = body_pid(report, 20)
    view.show_paragraph(pid)
    dark = next(a for a in options.theme_actions if a.data() == "dark")
    dark.trigger()
    role = QPalette.ColorRole

    def base(widget: object) -> str:
        assert hasattr(widget, "palette")
        return str(widget.palette().color(role.Base).name())

    qtbot.waitUntil(lambda: base(view.viewport()) == DARK.page)
    assert view.theme() is DARK and options.theme() is DARK
    assert _body_foreground(view, pid) == DARK.text
    assert top_paragraph(view) == pid
    window.make_panes()  # those made after the switch (see lazy_pane) are dark too
    for dock in window.findChildren(QDockWidget):
        assert dock.widget().palette().color(role.Window).name() == DARK.window, dock.objectName()
        assert dock.widget().palette().color(role.Text).name() == DARK.text
    assert base(window.part(SectionTree).view) == DARK.page
    assert base(window.part(GlossaryPane).term_view) == DARK.page
    assert window.statusBar().palette().color(role.WindowText).name() == DARK.text
    assert QToolTip.palette().color(role.ToolTipBase).name() == DARK.tooltip

    sepia = next(a for a in options.theme_actions if a.data() == "sepia")
    sepia.trigger()
    qtbot.waitUntil(lambda: base(view.viewport()) == SEPIA.page)
    assert _body_foreground(view, pid) == SEPIA.text
    assert base(window.part(GlossaryPane).term_view) == SEPIA.page


def test_system_theme_follows_the_colour_scheme(window: MainWindow) -> None:
    options = window.view_options
    assert options.theme_choice() is ThemeName.SYSTEM  # the default
    assert options.theme() is LIGHT  # offscreen reports no scheme: light
    options.set_theme("dark")
    assert options.theme() is DARK
    options.set_theme("system")
    assert options.theme() is LIGHT


def test_marks_and_highlights_redraw_in_the_theme_and_size(
    window: MainWindow, report: Report
) -> None:
    view = window.reader
    pid, heading = body_pid(report, 2), report.sections[1].id
    view.set_annotations(
        [
            Mark("h", pid, 2, 8, MarkStyle.HIGHLIGHT, COLOUR_HEX[Colour.PINK], "高亮"),
            Mark("u", pid, 10, 14, MarkStyle.UNDERLINE, COLOUR_HEX[Colour.GREEN], "下划线"),
            Mark("n", heading, 0, 0, MarkStyle.MARGIN, NOTE_COLOUR.name(), "笔记", "注"),
        ]
    )
    view.set_highlights({pid: [(20, 24)]}, "find")
    view.show_paragraph(pid)
    base = view.document_position(pid)
    assert base is not None
    view.set_zoom(150)
    view.set_theme(DARK)
    doc = view.document()
    drawn = {
        (s.cursor.selectionStart(), s.cursor.selectionEnd()): s
        for s in view.extraSelections()
        if s.cursor.document() is doc
    }
    assert len(drawn) == len(view.extraSelections())  # nothing left on the old document
    highlight = drawn[(base + 2, base + 8)].format
    assert highlight.background().color().name() == DARK.highlights[Colour.PINK]
    assert highlight.foreground().color().name() == DARK.text
    assert drawn[(base + 10, base + 14)].format.underlineColor().name() == DARK.inks[Colour.GREEN]
    assert drawn[(base + 20, base + 24)].format.background().color().name() == DARK.find
    view.show_section(heading)
    [(rect, _)] = [m for m in view.margin_marks() if m[1][0].id == "n"]
    assert rect.width() == pytest.approx(view.typography().em * 1.1)


# -- remembered place --------------------------------------------------------------------


def test_place_size_and_theme_come_back_in_a_new_window(
    qtbot: QtBot, window: MainWindow, report: Report, app_paths: AppPaths
) -> None:
    pid = body_pid(report, 60)
    window.reader.show_paragraph(pid)
    window.reader.zoom_in()
    window.view_options.set_theme("sepia")
    window.dock("glossary").hide()
    assert top_paragraph(window.reader) == pid
    window.close()

    QApplication.setPalette(QPalette())  # as a new process would start
    again = MainWindow(Settings(app_paths.settings_file))
    qtbot.addWidget(again)
    first_paint: list[int] = []
    again.reader.first_painted.connect(
        lambda: first_paint.append(again.reader.verticalScrollBar().value())
    )
    again.open_report(report)
    again.restore_layout()
    with qtbot.waitExposed(again):
        again.show()
    qtbot.waitUntil(lambda: bool(first_paint))
    assert again.reader.zoom() == 110
    assert again.view_options.theme() is SEPIA
    assert again.reader.theme() is SEPIA
    assert QApplication.palette().color(QPalette.ColorRole.Base).name() == SEPIA.page
    assert top_paragraph(again.reader) == pid
    # Already there at the first paint: no jump after it.
    assert first_paint == [again.reader.verticalScrollBar().value()]
    assert first_paint[0] > 0
    assert not again.dock("glossary").isVisible() and again.dock("sections").isVisible()
    again.close()


def test_place_is_saved_when_another_report_is_opened(
    window: MainWindow, report: Report, app_paths: AppPaths
) -> None:
    pid = body_pid(report, 50)
    window.reader.show_paragraph(pid)
    window.reader.reading_position_changed.emit("", 0.0)  # as scrolling does
    other = Report(title="另一份报告", content_hash="f" * 64)
    window.open_report(other)
    place = Settings(app_paths.settings_file).reading_place(report.content_hash)
    assert place is not None and place.target == pid


def test_text_size_is_one_preference_for_all_reports_the_place_is_per_report(
    qtbot: QtBot, window: MainWindow, report: Report, app_paths: AppPaths
) -> None:
    """Kunming came back zoomed and Haizhu not: the size is the user's, not a report's."""
    kunming = load_report(DATA / "06_kunming_city_2020.txt")
    haizhu_pid = body_pid(report, 40)
    window.reader.show_paragraph(haizhu_pid)
    window.reader.reading_position_changed.emit("", 0.0)  # as scrolling does
    window.open_report(kunming)
    kunming_pid = body_pid(kunming, 20)
    qtbot.waitUntil(lambda: window.reader.reading_place() is not None)
    window.reader.show_paragraph(kunming_pid)
    window.reader.reading_position_changed.emit("", 0.0)
    window.reader.zoom_in()
    window.reader.zoom_in()
    assert window.reader.zoom() == 120
    window.open_report(report)
    assert window.reader.zoom() == 120  # the size chosen while reading Kunming
    qtbot.waitUntil(lambda: top_paragraph(window.reader) == haizhu_pid)  # its own place
    window.reader.zoom_out()
    window.open_report(kunming)
    assert window.reader.zoom() == 110
    qtbot.waitUntil(lambda: top_paragraph(window.reader) == kunming_pid)
    window.close()

    # A size a report kept in an older version's settings is no longer used.
    QSettings(str(app_paths.settings_file), QSettings.Format.IniFormat).setValue(
        f"places/{report.content_hash[:32]}/zoom", 175
    )
    again = open_as_a_user(qtbot, MainWindow(Settings(app_paths.settings_file)), report)
    assert again.reader.zoom() == 110
    again.close()


def test_places_are_kept_for_the_most_recent_reports_only(app_paths: AppPaths) -> None:
    settings = Settings(app_paths.settings_file)
    hashes = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(MAX_PLACES + 5)]
    for i, h in enumerate(hashes):
        settings.set_reading_place(h, ReadingPlace(f"p{i}", i))
    settings.set_reading_place(hashes[0], ReadingPlace("p0", 7))  # read again: recent
    settings.sync()
    again = Settings(app_paths.settings_file)
    assert again.reading_place(hashes[0]) == ReadingPlace("p0", 7)
    # 0-4 went as 50-54 came; 0 came back, so 5 went too.
    assert [again.reading_place(h) for h in hashes[1:6]] == [None] * 5
    assert again.reading_place(hashes[6]) == ReadingPlace("p6", 6)
    assert len([h for h in hashes if again.reading_place(h)]) == MAX_PLACES
    assert again.reading_place(hashes[-1]) is not None


# -- full screen -----------------------------------------------------------------------------


def test_f11_hides_the_docks_and_esc_brings_them_back(qtbot: QtBot, window: MainWindow) -> None:
    window.dock("search").show()
    window.dock("search").raise_()
    window.dock("sections").hide()
    qtbot.waitUntil(lambda: window.dock("search").isVisible())
    docks = window.findChildren(QDockWidget)
    shown = {d.objectName() for d in docks if d.isVisible()}
    assert shown
    window.activateWindow()
    window.reader.setFocus()
    QTest.keyClick(window.reader, Qt.Key.Key_F11)
    assert window.part(FullScreenReading).is_active()
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert not any(d.isVisible() for d in docks)
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    assert window.view_options.full_screen_action.isChecked()
    # Shortcuts of the hidden menus still work.
    QTest.keyClick(window.reader, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.zoom() == 110

    QTest.keyClick(window.reader, Qt.Key.Key_Escape)
    assert not window.part(FullScreenReading).is_active()
    assert not window.windowState() & Qt.WindowState.WindowFullScreen
    assert not window.view_options.full_screen_action.isChecked()
    qtbot.waitUntil(lambda: {d.objectName() for d in docks if d.isVisible()} == shown)
    assert window.menuBar().isVisible() and window.statusBar().isVisible()

    window.view_options.full_screen_action.trigger()  # the menu, and F11 again, leave too
    assert window.part(FullScreenReading).is_active()
    QTest.keyClick(window.reader, Qt.Key.Key_F11)
    assert not window.part(FullScreenReading).is_active()
    qtbot.waitUntil(lambda: {d.objectName() for d in docks if d.isVisible()} == shown)


def test_closing_in_full_screen_saves_the_layout_with_its_docks(
    qtbot: QtBot, window: MainWindow, report: Report, app_paths: AppPaths
) -> None:
    window.view_options.full_screen_action.trigger()
    assert window.part(FullScreenReading).is_active()
    window.close()
    again = MainWindow(Settings(app_paths.settings_file))
    qtbot.addWidget(again)
    again.open_report(report)
    again.restore_layout()
    with qtbot.waitExposed(again):
        again.show()
    assert not again.windowState() & Qt.WindowState.WindowFullScreen
    assert again.dock("sections").isVisible() and again.dock("glossary").isVisible()
    assert again.menuBar().isVisible()
    again.close()


def test_another_report_opened_in_full_screen(qtbot: QtBot, window: MainWindow) -> None:
    """The Go menu's part keys are made anew: full screen lends the new ones and
    gives back the rest without touching the deleted (Esc and closing used to crash)."""
    window.view_options.full_screen_action.trigger()
    assert window.part(FullScreenReading).is_active()
    window.open_file(DATA / "06_kunming_city_2020.txt")
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=20000)
    kunming = window.report()
    assert kunming is not None and kunming.title.startswith("昆明")
    QApplication.sendPostedEvents()  # the old part actions are deleted now
    window.activateWindow()
    window.reader.setFocus()
    second = kunming.sections[2]  # 开篇, 一、, 二、
    assert second.number is not None and second.number.startswith("二")
    QTest.keyClick(window.reader, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.reader.section_at_top() == second.id)
    QTest.keyClick(window.reader, Qt.Key.Key_Escape)
    assert not window.part(FullScreenReading).is_active() and window.menuBar().isVisible()
    window.view_options.full_screen_action.trigger()
    window.open_file(DATA / "08_guangzhou_city_2025.txt")
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=20000)
    QApplication.sendPostedEvents()
    window.close()  # saves the layout, leaving full screen first


def test_full_screen_takes_the_focus_out_of_a_hidden_dock(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.part(WindowMenus).search_action.trigger()  # the search box has the focus
    qtbot.waitUntil(lambda: window.dock("search").isVisible())
    focus = QApplication.focusWidget()
    assert focus is not None and window.dock("search").isAncestorOf(focus)
    window.view_options.full_screen_action.trigger()
    assert QApplication.focusWidget() is window.reader
    top = window.reader.verticalScrollBar().value()
    QTest.keyClick(window.reader, Qt.Key.Key_PageDown)
    assert window.reader.verticalScrollBar().value() > top


def test_system_theme_reacts_to_a_colour_scheme_change(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    options, scheme = window.view_options, QApplication.styleHints().colorScheme()
    monkeypatch.setattr(view_options, "resolve", lambda name: DARK if name == "system" else LIGHT)
    QApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert options.theme() is DARK and window.reader.theme() is DARK
    options.set_theme("light")
    QApplication.styleHints().colorSchemeChanged.emit(scheme)
    assert options.theme() is LIGHT  # a theme of one's own is kept


def test_place_is_written_soon_after_reading_stops(
    qtbot: QtBot, report: Report, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crash loses only the last moments: the place is on disk without closing."""
    monkeypatch.setattr(reading_places, "SAVE_DELAY_MS", 50)
    w = MainWindow(Settings(app_paths.settings_file))
    qtbot.addWidget(w)
    w.open_report(report)
    with qtbot.waitExposed(w):
        w.show()
    pid = body_pid(report, 55)
    w.reader.show_paragraph(pid)

    def saved() -> bool:
        place = Settings(app_paths.settings_file).reading_place(report.content_hash)
        return place is not None and place.target == pid

    qtbot.waitUntil(saved, timeout=3000)
