"""The 去年承诺 tab and the 历年趋势 tab of the 数据 dock, alone and in the window."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QThreadPool, QUrl
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from haizhu_reader.core.files import OwnFiles
from haizhu_reader.core.library.store import LibraryStore, record_of
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.promises.pairing import Promise, promises
from haizhu_reader.core.promises.trend import Year, read_year
from haizhu_reader.core.report import Report
from haizhu_reader.gui.common.theme import DARK, LIGHT, THEMES, colour_difference
from haizhu_reader.gui.figures.pane import FiguresPane
from haizhu_reader.gui.figures.promises_model import (
    INDICATOR,
    RESULT,
    VERDICT,
    PromisesModel,
    reason_text,
    verdict_label,
)
from haizhu_reader.gui.figures.promises_tab import ExportPromisesDialog, PromisesTab
from haizhu_reader.gui.figures.trend_chart import TrendChart, nice_ticks, trend_summary
from haizhu_reader.gui.figures.trend_view import TARGET, TrendView
from haizhu_reader.gui.figures.trend_view import VERDICT as TREND_VERDICT
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.paths import AppPaths
from tests.conftest import DATA


@cache
def foshan(year: int) -> Report:
    return load_report(DATA / "corpus" / f"佛山市-{year}.md")


@cache
def found() -> list[Promise]:
    return promises(foshan(2023), foshan(2024))


@pytest.fixture
def tab(qtbot: QtBot) -> PromisesTab:
    t = PromisesTab()
    qtbot.addWidget(t)
    t.resize(600, 700)
    t.show_promises(foshan(2023), foshan(2024), found())
    return t


def cells(model: PromisesModel, col: int, role: int = Qt.ItemDataRole.DisplayRole) -> list[object]:
    return [model.index(r, col).data(role) for r in range(model.rowCount())]


# -- the tab -------------------------------------------------------------------------------------


def test_the_main_targets_first_with_verdicts_in_the_themes_colours(tab: PromisesTab) -> None:
    model = tab.model
    main = [p for p in found() if p.target.main_target]
    assert model.rowCount() == len(main) == 9
    assert cells(model, INDICATOR)[:2] == ["地区生产总值", "规模以上工业增加值"]
    assert cells(model, VERDICT)[:2] == [verdict_label("missed"), verdict_label("met")]
    assert cells(model, RESULT)[2] == "—"  # 固定资产投资: not reported
    shade = model.index(0, VERDICT).data(Qt.ItemDataRole.BackgroundRole)
    assert shade.color() == QColor(LIGHT.verdicts["missed"])
    assert model.index(0, VERDICT).data(Qt.ItemDataRole.ToolTipRole) == reason_text(main[0])
    assert "±0.5个百分点" not in reason_text(main[0])  # 增长6%: no 左右, no tolerance
    tab.set_theme(DARK)
    shade = model.index(0, VERDICT).data(Qt.ItemDataRole.BackgroundRole)
    assert shade.color() == QColor(DARK.verdicts["missed"])
    assert model.index(0, INDICATOR).data(Qt.ItemDataRole.FontRole).bold()  # 主要预期目标
    assert "主要预期目标 9 项" in tab.status_label.text()


def test_in_a_narrow_dock_the_verdicts_stay_in_sight(qtbot: QtBot, tab: PromisesTab) -> None:
    """The 数据 dock of a 1024x700 window is about 240 pixels wide: the tables scroll
    sideways, but each row's verdict stays beside its indicator (or year), in sight."""

    def verdict_in_sight(table: QTableView, verdict: int) -> bool:
        header = table.horizontalHeader()
        left = header.sectionViewportPosition(verdict)
        return left >= 0 and left + header.sectionSize(verdict) <= table.viewport().width()

    tab.resize(240, 600)
    tab.show()
    qtbot.waitExposed(tab)
    assert 150 < tab.table.viewport().width() < 240
    assert verdict_in_sight(tab.table, VERDICT)
    assert tab.table.horizontalHeader().logicalIndex(1) == VERDICT
    assert tab.model.headerData(VERDICT, Qt.Orientation.Horizontal) == "判断"  # the exports' order
    view = TrendView()
    qtbot.addWidget(view)
    view.resize(240, 600)
    view.show_years("佛山市", years(), preferred="地区生产总值")
    view.show()
    qtbot.waitExposed(view)
    assert verdict_in_sight(view.table, TREND_VERDICT)


def test_the_model_is_a_proper_item_model(tab: PromisesTab, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(tab.model)  # type: ignore[no-untyped-call]
    tab.scope_combo.setCurrentIndex(1)
    qtmodeltester.check(tab.model)  # type: ignore[no-untyped-call]


def test_filters(tab: PromisesTab) -> None:
    tab.scope_combo.setCurrentIndex(tab.scope_combo.findData(False))  # every target
    assert tab.model.rowCount() == len(found())
    tab.verdict_combo.setCurrentIndex(tab.verdict_combo.findData("met"))
    shown = tab.model.promises()
    assert shown and all(p.verdict == "met" for p in shown)
    assert any(not p.target.main_target for p in shown)  # the plan's targets: 新建碧道…


def test_both_sentences_are_one_click_away(qtbot: QtBot, tab: PromisesTab) -> None:
    tab.table.selectRow(0)  # 地区生产总值
    text = tab.detail.toPlainText()
    assert "今年经济社会发展主要预期目标是：地区生产总值增长6%" in text  # last year's sentence
    assert "全市地区生产总值达13276亿元、增长5%" in text  # this year's
    assert f"《{foshan(2023).title}》二、第3段" in text
    gdp = tab.model.promise(0)
    assert gdp is not None and gdp.result is not None
    with qtbot.waitSignal(tab.figure_activated) as shown:
        tab.detail.anchorClicked.emit(QUrl("#result"))
    assert shown.args == [gdp.result.paragraph, gdp.result.start, gdp.result.end]
    with qtbot.waitSignal(tab.previous_figure_requested) as asked:
        tab.detail.anchorClicked.emit(QUrl("#target"))
    assert asked.args == [gdp.target.paragraph, gdp.target.start, gdp.target.end]
    # Enter on a row shows its result in the text; a row without one, its target
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    with qtbot.waitSignal(tab.figure_activated):
        QTest.keyClick(tab.table, Qt.Key.Key_Return)
    tab.table.setCurrentIndex(tab.model.index(2, 0))  # 固定资产投资: not reported
    assert "今年报告的回顾中没有这一指标的结果" in tab.detail.toPlainText()
    with qtbot.waitSignal(tab.previous_figure_requested):
        QTest.keyClick(tab.table, Qt.Key.Key_Return)


def test_nothing_to_compare_is_said(qtbot: QtBot) -> None:
    t = PromisesTab()
    qtbot.addWidget(t)
    t.show_message("书架上没有佛山市2023年的报告。")
    assert t.model.rowCount() == 0 and "2023" in t.status_label.text()
    assert not t.focus_chain()[2].isEnabled()  # nothing to export


def test_every_widget_has_an_accessible_name(tab: PromisesTab, qtbot: QtBot) -> None:
    view = TrendView()
    qtbot.addWidget(view)
    for w in [*tab.focus_chain(), *view.focus_chain()]:
        assert w.accessibleName(), w


@pytest.mark.parametrize("word", [False, True], ids=["csv", "docx"])
def test_export_writes_the_rows_shown(
    qtbot: QtBot, tab: PromisesTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, word: bool
) -> None:
    out = tmp_path / ("promises.docx" if word else "promises.csv")
    monkeypatch.setattr(ExportPromisesDialog, "ask", classmethod(lambda cls, *a: out))
    with qtbot.waitSignal(tab.exported, timeout=10000) as done:
        (tab.word_action if word else tab.csv_action).trigger()
    assert done.args == [out, 9]
    if word:
        text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        assert "去年承诺对照" in text and "全市地区生产总值达13276亿元" in text
    else:
        rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
        assert len(rows) == 10 and rows[1][0] == "地区生产总值"


def test_export_refuses_the_readers_own_files(
    tab: PromisesTab, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch, errors: list[object]
) -> None:
    own = PromisesTab(own=OwnFiles.of(app_paths.own_folders, app_paths.annotations_db))
    own.show_promises(foshan(2023), foshan(2024), found())
    target = app_paths.annotations_db
    monkeypatch.setattr(ExportPromisesDialog, "ask", classmethod(lambda cls, *a: target))
    own.export_csv()
    QThreadPool.globalInstance().waitForDone(10000)
    assert len(errors) == 1 and not target.exists()
    own.deleteLater()


def test_verdict_colours_differ_in_every_theme() -> None:
    for theme in THEMES.values():
        shades = list(theme.verdicts.values())
        assert set(theme.verdicts) == {"met", "missed", "unclear", "not_reported"}
        for i, a in enumerate(shades):
            for b in shades[i + 1 :]:
                assert colour_difference(a, b) >= 10, (theme.name, a, b)
        listed = {what for what, _, _ in theme.text_pairs()}
        assert {f"verdict {v}" for v in theme.verdicts} <= listed  # held to 4.5:1 there


# -- the trend ------------------------------------------------------------------------------------


@cache
def years() -> list[Year]:
    read = [read_year(foshan(y)) for y in range(2021, 2027)]
    return [y for y in read if y is not None]


def test_nice_ticks_cover_the_values() -> None:
    assert nice_ticks(0, 8.5) == [0, 2, 4, 6, 8, 10]
    assert nice_ticks(-2.1, 6)[0] <= -2.1 and nice_ticks(-2.1, 6)[-1] >= 6
    assert nice_ticks(0, 12698.4)[-1] >= 12698.4


def test_the_trend_view_charts_the_indicator_chosen(qtbot: QtBot) -> None:
    view = TrendView()
    qtbot.addWidget(view)
    view.resize(460, 600)
    view.show_years("佛山市", years(), preferred="地区生产总值")
    assert view.indicator_combo.currentText() == "地区生产总值"
    assert view.indicator_combo.count() >= 8
    chart = view.chart
    plotted = {p.year: (target, result) for p, target, _, result in chart.plotted()}
    assert plotted[2022] == (6.0, 2.1) and plotted[2024] == (5.5, 1.3)
    assert "2022年：目标增长6%左右，结果增长2.1%，未完成" in chart.accessibleDescription()
    table = view.table

    def cell(row: int, col: int) -> str:
        item = table.item(row, col)
        return item.text() if item is not None else ""

    assert cell(0, 0) == "2020" and cell(0, TARGET) == "—"
    assert cell(2, TREND_VERDICT) == verdict_label("missed")  # 2022
    view.indicator_combo.setCurrentIndex(view.indicator_combo.findData("居民消费价格"))
    trend = view.current_trend()
    assert trend is not None and trend.indicator == "居民消费价格"
    assert chart.trend() is trend
    image = chart.grab()  # it paints
    assert not image.isNull()


def test_a_trend_row_asks_for_its_figure_in_its_report(qtbot: QtBot) -> None:
    view = TrendView()
    qtbot.addWidget(view)
    view.show_years("佛山市", years(), preferred="地区生产总值")
    shown = [view.table.item(i, 0) for i in range(view.table.rowCount())]
    row = next(i for i, item in enumerate(shown) if item is not None and item.text() == "2022")
    with qtbot.waitSignal(view.figure_requested) as asked:
        view.table.setCurrentCell(row, 0)
        QTest.keyClick(view.table, Qt.Key.Key_Return)
    content_hash, paragraph, start, end = asked.args
    assert content_hash == foshan(2023).content_hash  # 2022's result is in the 2023 report
    text = {p.id: p.text for p in foshan(2023).all_paragraphs()}[paragraph]
    assert text[start:end] == "增长2.1%"


def test_an_empty_trend_says_so(qtbot: QtBot) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    view = TrendView()
    qtbot.addWidget(view)
    view.show_years("佛山市", years())
    view.choose("月球车产量")
    trend = view.current_trend()
    assert trend is not None and trend.points == ()
    assert "没有这一指标" in trend_summary(trend)
    assert not view.chart.grab().isNull()


# -- in the window, from the shelf ----------------------------------------------------------------


@pytest.fixture
def shelf_window(qtbot: QtBot, tmp_path: Path, app_paths: AppPaths) -> Iterator[MainWindow]:
    """A window whose shelf holds 佛山市 2022 and 2023 (copies), showing the 2024 report."""
    folder = tmp_path / "reports"
    folder.mkdir()
    with LibraryStore.open(app_paths.library_db) as store:
        for year in (2022, 2023):
            path = folder / f"佛山市-{year}.md"
            shutil.copyfile(DATA / "corpus" / path.name, path)
            store.add(record_of(load_report(path), path))
    w = MainWindow(library_db=app_paths.library_db)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    with qtbot.waitExposed(w):
        w.show()
    w.open_report(foshan(2024))
    qtbot.waitUntil(w.is_complete)
    yield w
    w.close()
    QThreadPool.globalInstance().waitForDone(30000)


def test_the_tab_in_the_window_finds_last_years_report_on_the_shelf(
    qtbot: QtBot, shelf_window: MainWindow
) -> None:
    w = shelf_window
    pane = w.part(FiguresPane)
    w.focus("figures")
    shelf = pane.shelf_tabs
    assert shelf.study() is None  # nothing read until a tab is shown
    with qtbot.waitSignal(shelf.studied, timeout=30000):
        pane.tabs.setCurrentWidget(shelf.promises_tab)
    study = shelf.study()
    assert study is not None and study.previous is not None
    assert study.previous.content_hash == foshan(2023).content_hash
    assert shelf.promises_tab.model.rowCount() == 9
    # the trend reads the same study: 2022's target and result, 2023's target and result
    pane.tabs.setCurrentWidget(shelf.trend_view)
    trend = shelf.trend_view.current_trend()
    assert trend is not None and {p.year for p in trend.points} >= {2022, 2023, 2024}
    # a result of this report is shown in the text
    gdp = shelf.promises_tab.model.promise(0)
    assert gdp is not None and gdp.result is not None
    pane.tabs.setCurrentWidget(shelf.promises_tab)
    shelf.promises_tab.table.selectRow(0)
    shelf.promises_tab.detail.anchorClicked.emit(QUrl("#result"))
    assert w.report() is foshan(2024)
    # last year's target opens last year's report
    with qtbot.waitSignal(w.report_opened, timeout=30000) as opened:
        shelf.promises_tab.detail.anchorClicked.emit(QUrl("#target"))
    assert opened.args[0].content_hash == foshan(2023).content_hash


def test_without_last_years_report_the_tab_says_how_to_add_it(
    qtbot: QtBot, shelf_window: MainWindow
) -> None:
    w = shelf_window
    with qtbot.waitSignal(w.report_opened, timeout=5000):
        w.open_report(foshan(2022))  # no 2021 report on this shelf
    pane = w.part(FiguresPane)
    w.focus("figures")
    shelf = pane.shelf_tabs
    with qtbot.waitSignal(shelf.studied, timeout=30000):
        pane.tabs.setCurrentWidget(shelf.promises_tab)
    text = shelf.promises_tab.status_label.text()
    assert "书架上没有佛山市2021年的报告" in text and "书架" in text
    assert shelf.promises_tab.model.rowCount() == 0


def test_a_window_without_a_shelf_says_so(qtbot: QtBot, report: Report) -> None:
    w = MainWindow()
    qtbot.addWidget(w)
    w.open_report(report)
    pane = w.part(FiguresPane)
    shelf = pane.shelf_tabs
    pane.tabs.setCurrentWidget(shelf.promises_tab)
    pane.set_shown(True)
    assert "书架未启用" in shelf.promises_tab.status_label.text()
