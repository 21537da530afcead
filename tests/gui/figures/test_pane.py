"""Key figures in the GUI: the table, its filter, marks in the text, the chart, CSV export."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidget, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from haizhu_reader.core.figures import extract as core
from haizhu_reader.core.figures.extract import Figure
from haizhu_reader.core.figures.table import csv_bytes, results_vs_targets
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Report
from haizhu_reader.gui.figures import pane as figures_pane
from haizhu_reader.gui.figures.chart import ResultsChart, chart_rows, chart_summary
from haizhu_reader.gui.figures.model import (
    FIGURE_ROLE,
    INDICATOR,
    KIND,
    PLACE,
    VALUE,
    FiguresFilter,
    FiguresModel,
    figure_tooltip,
)
from haizhu_reader.gui.figures.pane import ExportFiguresDialog, FiguresPane
from haizhu_reader.gui.reader.view import ReaderView
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import Settings
from tests.conftest import DATA, open_as_a_user


@pytest.fixture(scope="module")
def figures(report: Report) -> list[Figure]:
    return core.extract(report)


@pytest.fixture
def pane(qtbot: QtBot, report: Report) -> FiguresPane:
    p = FiguresPane()
    qtbot.addWidget(p)
    p.set_report(report)
    assert p.figures() is None  # lazy: nothing extracted until asked
    with qtbot.waitSignal(p.figures_ready, timeout=5000):
        p.prepare()
    return p


@pytest.fixture
def window(qtbot: QtBot, report: Report) -> Iterator[MainWindow]:
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitExposed(w):
        w.show()
    # The figures are extracted once the text has been painted.
    with qtbot.waitSignal(w.part(FiguresPane).figures_ready, timeout=5000):
        w.open_report(report)
    qtbot.waitUntil(w.is_complete)  # the File menu's export item is made after the first paint
    yield w


def column(model: FiguresFilter, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[object]:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


def is_visible(view: ReaderView, pos: int) -> bool:
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    return view.viewport().rect().contains(view.cursorRect(cursor))


# -- the model and its filter ----------------------------------------------------------


def test_model_passes_the_model_tester(
    qtmodeltester: ModelTester, report: Report, figures: list[Figure]
) -> None:
    model = FiguresModel()
    model.set_figures(report, figures)
    assert model.rowCount() == len(figures) > 100
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def test_filtered_proxy_passes_the_model_tester(
    qtmodeltester: ModelTester, pane: FiguresPane
) -> None:
    pane.filter_edit.setText("投资")
    qtmodeltester.check(pane.proxy)  # type: ignore[no-untyped-call]


def test_rows_start_in_reading_order_and_show_chinese_kinds(
    pane: FiguresPane, figures: list[Figure]
) -> None:
    assert column(pane.proxy, 0, FIGURE_ROLE) == figures
    assert set(column(pane.proxy, KIND)) == {"结果", "目标"}
    gdp = next(r for r, f in enumerate(figures) if f.text == "增长1.4%")
    assert pane.proxy.index(gdp, INDICATOR).data() == "地区生产总值"
    assert pane.proxy.index(gdp, VALUE).data() == "增1.4"


def test_sorting_by_value_and_back_to_reading_order(
    pane: FiguresPane, figures: list[Figure]
) -> None:
    pane.table.sortByColumn(VALUE, Qt.SortOrder.DescendingOrder)
    shown = [f for f in column(pane.proxy, 0, FIGURE_ROLE) if isinstance(f, Figure)]
    values = [f.value if f.value is not None else float("-inf") for f in shown]
    assert values == sorted(values, reverse=True)  # qualitative targets (no value) last
    pane.table.sortByColumn(INDICATOR, Qt.SortOrder.AscendingOrder)
    assert column(pane.proxy, 0, FIGURE_ROLE) != figures
    pane.table.sortByColumn(PLACE, Qt.SortOrder.AscendingOrder)
    assert column(pane.proxy, 0, FIGURE_ROLE) == figures


def test_filter_text_and_kind(qtbot: QtBot, pane: FiguresPane) -> None:
    total = pane.proxy.rowCount()
    pane.filter_edit.setText("地区生产总值")
    shown = column(pane.proxy, 0, FIGURE_ROLE)
    assert 0 < len(shown) < total
    assert all(isinstance(f, Figure) and "地区生产总值" in (f.indicator or "") for f in shown)
    pane.kind_combo.setCurrentIndex(pane.kind_combo.findText("目标"))
    targets = column(pane.proxy, 0, FIGURE_ROLE)
    assert [f.text for f in targets if isinstance(f, Figure)] == ["增长7%"]
    pane.filter_edit.clear()
    assert all(
        isinstance(f, Figure) and f.kind == "target" for f in column(pane.proxy, 0, FIGURE_ROLE)
    )
    assert set(column(pane.proxy, KIND)) == {"目标"}
    pane.kind_combo.setCurrentIndex(0)
    assert pane.proxy.rowCount() == total


def test_the_filter_matches_the_place_label(pane: FiguresPane, report: Report) -> None:
    pane.filter_edit.setText("二、（一）")
    shown = column(pane.proxy, 0, FIGURE_ROLE)
    assert shown
    assert all(
        isinstance(f, Figure) and report.place_label(f.section) == "二、（一）" for f in shown
    )


def test_every_interactive_widget_has_an_accessible_name(pane: FiguresPane) -> None:
    for w in [*pane.focus_chain(), pane.chart, pane.comparison_table]:
        assert w.accessibleName(), w


# -- activating a figure -----------------------------------------------------------------


def test_enter_on_a_row_scrolls_the_reader_there_and_highlights_it(
    qtbot: QtBot, window: MainWindow, figures: list[Figure]
) -> None:
    pane, reader = window.part(FiguresPane), window.reader
    target = next(f for f in figures if f.kind == "target" and f.text == "增长7%")
    row = figures.index(target)
    window.dock("figures").show()
    window.dock("figures").raise_()
    pane.table.setCurrentIndex(pane.proxy.index(row, 0))
    pane.table.setFocus()
    with qtbot.waitSignal(pane.figure_activated, timeout=1000) as blocker:
        QTest.keyClick(pane.table, Qt.Key.Key_Return)
    assert blocker.args == [target.paragraph, target.start, target.end]
    pos = reader.document_position(target.paragraph, target.start)
    assert pos is not None
    assert is_visible(reader, pos)
    spans = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in reader.extraSelections()}
    assert (pos, pos + target.end - target.start) in spans


def test_double_click_emits_the_figure(qtbot: QtBot, pane: FiguresPane) -> None:
    pane.resize(500, 600)
    with qtbot.waitExposed(pane):
        pane.show()
    index = pane.proxy.index(2, INDICATOR)
    f = index.data(FIGURE_ROLE)
    assert isinstance(f, Figure)
    rect = pane.table.visualRect(index)
    # A real double-click is a press and release, then the double-click event.
    QTest.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(pane.figure_activated, timeout=1000) as blocker:
        QTest.mouseDClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [f.paragraph, f.start, f.end]


# -- marks in the text -------------------------------------------------------------------


def test_tooltip_names_indicator_and_kind_escaped() -> None:
    f = Figure("p", "s", 0, 4, "增长<7>%", 7.0, "%", "A<b>&B", "target", direction="up")
    tip = figure_tooltip(f)
    assert "A&lt;b&gt;&amp;B" in tip and "目标" in tip and "增长&lt;7&gt;%" in tip
    result = Figure("p", "s", 0, 4, "49天", 49.0, "天", None, "result")
    assert "结果" in figure_tooltip(result) and "叙述" in figure_tooltip(result)


def test_figure_tints_are_a_view_option_off_by_default(
    window: MainWindow, figures: list[Figure]
) -> None:
    """Every figure tinted makes the page look busy: the tints are off until asked for."""
    reader = window.reader
    assert reader.figure_selections() == []
    assert reader.figure_tooltip_at(_figure_point(reader, figures)) == ""  # no hidden targets
    action = window.view_options.figure_tints_action
    assert action.isCheckable() and not action.isChecked()
    view_menu = window.part(WindowMenus).view
    assert action in view_menu.actions()
    action.trigger()
    assert len(reader.figure_selections()) == len(figures)
    action.trigger()
    assert reader.figure_selections() == []


def test_figure_tints_show_while_the_figures_dock_is_in_front(
    qtbot: QtBot, window: MainWindow, figures: list[Figure]
) -> None:
    reader = window.reader
    window.dock("figures").raise_()
    qtbot.waitUntil(lambda: len(reader.figure_selections()) == len(figures), timeout=2000)
    window.dock("glossary").raise_()
    qtbot.waitUntil(lambda: reader.figure_selections() == [], timeout=2000)
    window.view_options.figure_tints_action.trigger()  # on: whichever dock is in front
    assert len(reader.figure_selections()) == len(figures)


def test_the_figure_tints_option_is_remembered(
    qtbot: QtBot, app_paths: AppPaths, report: Report
) -> None:
    settings = Settings(app_paths.settings_file)
    assert not settings.figure_tints()
    first = MainWindow(settings)
    qtbot.addWidget(first)
    first.make_panes()
    first.view_options.figure_tints_action.trigger()
    assert Settings(app_paths.settings_file).figure_tints()
    again = MainWindow(Settings(app_paths.settings_file))
    qtbot.addWidget(again)
    again.make_panes()
    assert again.view_options.figure_tints_action.isChecked()


def _figure_point(reader: ReaderView, figures: list[Figure]) -> QPoint:
    gdp = next(f for f in figures if f.text == "增长1.4%")
    reader.flash_span(gdp.paragraph, gdp.start, gdp.end)
    pos = reader.document_position(gdp.paragraph, gdp.start + 2)
    assert pos is not None
    cursor = QTextCursor(reader.document())
    cursor.setPosition(pos)
    rect = reader.cursorRect(cursor)
    return QPoint(rect.left() + 2, rect.center().y())


def test_figures_are_marked_in_the_text_with_their_tooltip(
    window: MainWindow, figures: list[Figure]
) -> None:
    reader = window.reader
    window.view_options.figure_tints_action.trigger()
    marks = reader.figure_selections()
    assert len(marks) == len(figures)
    gdp = next(f for f in figures if f.text == "增长1.4%")
    reader.flash_span(gdp.paragraph, gdp.start, gdp.end)
    pos = reader.document_position(gdp.paragraph, gdp.start + 2)
    assert pos is not None
    cursor = QTextCursor(reader.document())
    cursor.setPosition(pos)
    rect = reader.cursorRect(cursor)
    tip = reader.figure_tooltip_at(QPoint(rect.left() + 2, rect.center().y()))
    assert "地区生产总值" in tip and "结果" in tip
    # Off the text (in the left margin) there is no figure tooltip.
    assert reader.figure_tooltip_at(QPoint(2, rect.center().y())) == ""


def test_glossary_tooltips_still_win_over_figure_marks(window: MainWindow, report: Report) -> None:
    reader = window.reader
    o = report.glossary[0].occurrences[0]
    reader.flash_span(o.paragraph, o.start, o.end)
    pos = reader.document_position(o.paragraph, (o.start + o.end) // 2)
    assert pos is not None
    cursor = QTextCursor(reader.document())
    cursor.setPosition(pos)
    rect = reader.cursorRect(cursor)
    assert report.glossary[0].term in reader.tooltip_at(QPoint(rect.left() + 2, rect.center().y()))


def test_a_new_report_drops_the_old_marks(qtbot: QtBot, window: MainWindow, report: Report) -> None:
    window.reader.set_report(report)
    assert window.reader.figure_selections() == []


# -- results versus targets --------------------------------------------------------------


def test_chart_paints_and_describes_its_data(qtbot: QtBot, figures: list[Figure]) -> None:
    chart = ResultsChart()
    qtbot.addWidget(chart)
    rows = chart_rows(results_vs_targets(figures))
    assert {(r.indicator, r.unit) for r in rows} >= {
        ("地区生产总值", "%"),
        ("固定资产投资", "%"),
        ("固定资产投资", "亿元"),
    }
    chart.set_rows(rows)
    chart.resize(360, chart.height())
    image = chart.grab().toImage()
    assert not image.isNull() and image.height() == chart.height() > 100
    description = chart.accessibleDescription()
    assert "地区生产总值" in description and "固定资产投资" in description
    assert "增长1.4%" in description and "增长7%" in description
    assert description == chart_summary(rows)


def test_a_declining_target_is_drawn_too(qtbot: QtBot) -> None:
    down = Figure("p", "s", 0, 6, "下降3%", 3.0, "%", "能耗", "target", direction="down")
    up = Figure("p", "s", 0, 6, "增长2%", 2.0, "%", "能耗", "result", direction="up")
    rows = chart_rows([core.Comparison("能耗", (up,), (down,))])
    chart = ResultsChart()
    qtbot.addWidget(chart)
    chart.set_rows(rows)
    chart.resize(300, chart.height())
    assert not chart.grab().toImage().isNull()
    assert "下降3%" in chart.accessibleDescription()


def test_the_comparison_tab_lists_both_indicators(pane: FiguresPane) -> None:
    table = pane.comparison_table
    items = [table.item(r, 0) for r in range(table.rowCount())]
    names = [item.text() for item in items if item is not None]
    assert "地区生产总值" in names and "固定资产投资" in names


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [item.text() if (item := table.item(r, c)) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_comparison_tab_shows_every_target_with_last_years_result_where_given(
    qtbot: QtBot, pane: FiguresPane, figures: list[Figure]
) -> None:
    """Issue 13: the 主要预期目标 first (qualitative ones too), each target beside last
    year's result where the report gives one, an empty cell where it does not."""
    rows = cells(pane.comparison_table)
    assert rows[:4] == [
        ["地区生产总值", "2502.52亿元、增长1.4%", "增长7%"],
        ["社会消费品零售总额", "", "增长6%以上"],
        ["地方一般公共预算收入", "", "地方一般公共预算收入可比持平"],
        ["城镇居民收入", "", "城镇居民收入增长与经济增长基本同步"],
    ]
    targets = [f for f in figures if f.kind == "target" and not f.narrative]
    listed = "、".join(row[2] for row in rows)
    assert all(f.text in listed for f in targets)
    first = pane.comparison_table.item(0, 0)
    assert first is not None and first.font().bold()  # a 主要预期目标
    assert "主要预期目标" in first.toolTip()
    empty = pane.comparison_table.item(1, 1)
    assert empty is not None and empty.toolTip() == "报告未给出上年结果"
    assert pane.compared_label.text().startswith(f"{len(rows)} 项目标")


def test_enter_on_a_comparison_row_shows_its_target(qtbot: QtBot, pane: FiguresPane) -> None:
    table = pane.comparison_table
    table.setCurrentCell(1, 0)
    target = table.target(1)
    assert target is not None and target.text == "增长6%以上"
    with qtbot.waitSignal(pane.figure_activated, timeout=1000) as blocker:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert blocker.args == [target.paragraph, target.start, target.end]


def test_a_narrative_figure_is_marked_in_the_table(pane: FiguresPane) -> None:
    pane.filter_edit.setText("苦战鏖战")
    assert column(pane.proxy, INDICATOR) == ["叙述：在49天的苦战鏖战中"]
    (figure,) = column(pane.proxy, 0, FIGURE_ROLE)
    assert isinstance(figure, Figure) and figure.narrative


# -- CSV export --------------------------------------------------------------------------


class AskRecorder:
    def __init__(self, answer: Path | None) -> None:
        self.answer = answer
        self.calls: list[Path] = []

    def __call__(self, parent: QWidget | None, suggested: Path) -> Path | None:
        self.calls.append(suggested)
        return self.answer


def test_export_button_writes_the_shown_rows_with_a_bom(
    qtbot: QtBot, pane: FiguresPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "数据表.csv"
    ask = AskRecorder(out)
    monkeypatch.setattr(ExportFiguresDialog, "ask", ask)
    pane.filter_edit.setText("固定资产投资")
    shown = pane.proxy.rowCount()
    button = next(w for w in pane.focus_chain() if w.accessibleName() == "导出数据表为CSV")
    with qtbot.waitSignal(pane.exported, timeout=5000):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ask.calls and ask.calls[0].suffix == ".csv"
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("位置,")
    assert len(lines) == shown + 1
    assert all("固定资产投资" in line for line in lines[1:])


def test_export_before_the_figures_are_ready_never_works_on_the_gui_thread(
    qtbot: QtBot,
    report: Report,
    figures: list[Figure],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Asked for before the worker finished, the export extracted on the GUI thread (seconds
    for a report near the size limit, with the window frozen)."""
    on_gui_thread: dict[str, bool] = {}

    def extract(source: Report) -> list[Figure]:
        on_gui_thread["extract"] = threading.current_thread() is threading.main_thread()
        return figures

    def make(source: Report, rows: list[Figure]) -> bytes:
        on_gui_thread["csv"] = threading.current_thread() is threading.main_thread()
        return csv_bytes(source, rows)

    def compare(found: list[Figure]) -> list[core.Comparison]:
        on_gui_thread["compare"] = threading.current_thread() is threading.main_thread()
        return results_vs_targets(found)

    monkeypatch.setattr(core, "extract", extract)
    monkeypatch.setattr(figures_pane, "csv_bytes", make)
    monkeypatch.setattr(figures_pane, "results_vs_targets", compare)
    out = tmp_path / "early.csv"
    monkeypatch.setattr(ExportFiguresDialog, "ask", AskRecorder(out))
    pane = FiguresPane()
    qtbot.addWidget(pane)
    pane.set_report(report)
    assert pane.figures() is None
    with qtbot.waitSignal(pane.exported, timeout=5000) as blocker:
        pane.export_csv()
    assert on_gui_thread == {"extract": False, "compare": False, "csv": False}
    assert blocker.args == [out, len(figures)]
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == len(figures) + 1


def test_cancelled_export_writes_nothing(
    pane: FiguresPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ExportFiguresDialog, "ask", AskRecorder(None))
    pane.export_csv()
    assert list(tmp_path.iterdir()) == []


def test_file_menu_export(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    figures: list[Figure],
) -> None:
    out = tmp_path / "all.csv"
    monkeypatch.setattr(ExportFiguresDialog, "ask", AskRecorder(out))
    action = next(a for a in window.findChildren(QAction) if a.text().startswith("导出数据表"))
    assert action.isEnabled()
    with qtbot.waitSignal(window.part(FiguresPane).exported, timeout=5000):
        action.trigger()
    assert str(out) in window.statusBar().currentMessage()
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(out.read_text(encoding="utf-8-sig").splitlines()) == len(figures) + 1
    assert window.dock("figures").isVisible()


def test_pairs_that_cannot_be_drawn_are_not_called_absent(qtbot: QtBot) -> None:
    """A result in 万亿元 against a target in %: the table lists the pair, and the
    chart below said there were none."""
    result = Figure("p", "s", 0, 7, "1.11万亿元", 11100.0, "亿元", "地区生产总值", "result")
    target = Figure("q", "s", 0, 8, "增长5%左右", 5.0, "%", "地区生产总值", "target")
    comparisons = [core.Comparison("地区生产总值", (result,), (target,))]
    rows = chart_rows(comparisons)
    assert rows == []
    chart = ResultsChart()
    qtbot.addWidget(chart)
    chart.set_rows(rows, len(comparisons))
    assert "单位不同" in chart.accessibleDescription()
    assert "没有" not in chart.accessibleDescription()
    chart.set_rows([], 0)
    assert "没有同时给出" in chart.accessibleDescription()


def test_a_figure_of_an_appendix_is_shown_in_the_text(qtbot: QtBot) -> None:
    """Issue 13: appendices are scanned (Guangdong 2020's 十件民生实事): their figures are
    listed as targets, placed 附件1, and Enter shows them in the text."""
    report = load_report(DATA / "figures" / "guangdong_2020.md")
    w = open_as_a_user(qtbot, MainWindow(), report)
    pane, reader = w.part(FiguresPane), w.reader
    qtbot.waitUntil(lambda: pane.figures() is not None, timeout=10000)
    w.focus("figures")
    pane.filter_edit.setText("附件1")
    shown = column(pane.proxy, 0, FIGURE_ROLE)
    assert len(shown) > 30 and all(isinstance(f, Figure) and f.kind == "target" for f in shown)
    assert set(column(pane.proxy, PLACE)) == {"附件1"}
    target = shown[0]
    assert isinstance(target, Figure)
    pane.table.setCurrentIndex(pane.proxy.index(0, 0))
    pane.table.setFocus()
    with qtbot.waitSignal(pane.figure_activated, timeout=1000):
        QTest.keyClick(pane.table, Qt.Key.Key_Return)
    pos = reader.document_position(target.paragraph, target.start)
    assert pos is not None
    qtbot.waitUntil(lambda: is_visible(reader, pos))
