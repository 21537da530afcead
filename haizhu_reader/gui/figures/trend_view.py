"""The 历年趋势 tab of the 数据 dock: one indicator across the years on the shelf.

Pick an indicator (those of the place's 主要预期目标, the most named first) and see
each year's target and result as a line chart (``TrendChart``) and a table: 年份 |
目标 | 结果 | 判断. Enter or a double-click on a row shows its result (or target) in
its report: in the text when it is the report being read, else that report is opened
there. The years are read in the background (``study``); drawing a trend is quick.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.promises.trend import Trend, TrendPoint, Year, indicators, trend
from haizhu_reader.gui.common.theme import LIGHT, Theme
from haizhu_reader.gui.figures.promises_model import verdict_label
from haizhu_reader.gui.figures.promises_tab import share_width
from haizhu_reader.gui.figures.trend_chart import TrendChart, measure_label

YEAR, TARGET, RESULT, VERDICT = range(4)


class TrendTable(QTableWidget):
    """年份 | 目标 | 结果 | 判断, a row per year.

    Signals:
        point_activated(int): Enter or a double-click on a row (its index).
    """

    point_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 4, parent)
        self.setObjectName("trend_table")
        self.setAccessibleName(self.tr("指标历年目标与结果表"))
        self.setAccessibleDescription(self.tr("按回车在报告中显示该年的结果"))
        self.setHorizontalHeaderLabels(
            [self.tr("年份"), self.tr("目标"), self.tr("结果"), self.tr("判断")]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        fm = self.fontMetrics()
        for col, sample in ((YEAR, "2026"), (VERDICT, verdict_label("unclear"))):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, fm.horizontalAdvance(sample) + 24)
        for col in (TARGET, RESULT):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The verdict beside the year, as in the 去年承诺 table: a narrow dock scrolls the
        # wordy target and result, not the answer, out of sight.
        header.moveSection(header.visualIndex(VERDICT), header.visualIndex(YEAR) + 1)
        self.itemActivated.connect(lambda item: self.point_activated.emit(item.row()))

    def set_points(self, points: Sequence[TrendPoint], theme: Theme) -> None:
        self.setRowCount(len(points))
        for row, p in enumerate(points):
            cells = (
                str(p.year),
                p.target.text if p.target else "—",
                p.result.text if p.result else "—",
                verdict_label(p.verdict) if p.target else "—",
            )
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == VERDICT and p.verdict:
                    item.setBackground(QBrush(QColor(theme.verdicts[p.verdict])))
                    item.setForeground(QBrush(QColor(theme.text)))
                self.setItem(row, col, item)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        share_width(self, (TARGET, RESULT))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.point_activated.emit(self.currentRow())
            return
        super().keyPressEvent(event)


class TrendView(QWidget):
    """An indicator's targets and results across the years (see the module docstring).

    Signals:
        figure_requested(str, str, int, int): show a figure of a report (its content
            hash, paragraph id, start, end): in the text when it is the report read,
            else the window opens that report there.
    """

    figure_requested = Signal(str, str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._years: list[Year] = []
        self._place = ""
        self._trend: Trend | None = None
        self._theme = LIGHT
        self._setup_ui()
        self._connect()
        self.show_message(QCoreApplication.translate("trend", "正在读取书架上的报告…"))

    def _setup_ui(self) -> None:
        self.setObjectName("trend_view")
        self._status = QLabel(self)
        self._status.setWordWrap(True)
        self._status.setAccessibleName(self.tr("历年趋势概况"))
        self._indicator = QComboBox(self)
        self._indicator.setAccessibleName(self.tr("指标"))
        self._indicator.setSizeAdjustPolicy(  # narrow enough for a narrow dock
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._indicator.setMinimumContentsLength(6)
        label = QLabel(self.tr("指标(&I)："), self)
        label.setBuddy(self._indicator)
        self._chart = TrendChart(self)
        self._table = TrendTable(self)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(label)
        bar.addWidget(self._indicator, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._chart)
        splitter.addWidget(self._table)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._status)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self._indicator.currentIndexChanged.connect(self._on_indicator_changed)
        self._table.point_activated.connect(self._on_point_activated)

    # -- handles ---------------------------------------------------------------------

    @property
    def chart(self) -> TrendChart:
        return self._chart

    @property
    def table(self) -> TrendTable:
        return self._table

    @property
    def indicator_combo(self) -> QComboBox:
        return self._indicator

    @property
    def status_label(self) -> QLabel:
        return self._status

    def current_trend(self) -> Trend | None:
        return self._trend

    def focus_chain(self) -> list[QWidget]:
        return [self._indicator, self._chart, self._table]

    @Slot(object)
    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._chart.set_theme(theme)
        if self._trend is not None:
            self._table.set_points(self._trend.points, theme)

    # -- what is shown ------------------------------------------------------------------

    def show_message(self, text: str) -> None:
        self._years, self._trend = [], None
        self._indicator.blockSignals(True)
        self._indicator.clear()
        self._indicator.blockSignals(False)
        self._indicator.setEnabled(False)
        self._chart.set_trend(None)
        self._table.setRowCount(0)
        self._status.setText(text)

    def show_years(self, place: str, years: Sequence[Year], preferred: str | None = None) -> None:
        """The reports of ``place`` (read), the indicator ``preferred`` chosen if named."""
        self._years, self._place = list(years), place
        choices = indicators(self._years)
        self._indicator.blockSignals(True)
        self._indicator.clear()
        for name, count in choices:
            self._indicator.addItem(name, name)
            self._indicator.setItemData(
                self._indicator.count() - 1,
                self.tr("%1 年的主要预期目标有这一指标").replace("%1", str(count)),
                Qt.ItemDataRole.ToolTipRole,
            )
        self._indicator.blockSignals(False)
        self._indicator.setEnabled(bool(choices))
        first, last = min(y.year for y in years), max(y.year for y in years)
        self._status.setText(
            self.tr("书架上有%1的 %2 份报告（%3—%4年）")
            .replace("%1", place)
            .replace("%2", str(len(years)))
            .replace("%3", str(first))
            .replace("%4", str(last))
            if years
            else ""
        )
        at = self._indicator.findData(preferred) if preferred else -1
        self._indicator.setCurrentIndex(max(0, at) if choices else -1)
        self._on_indicator_changed(self._indicator.currentIndex())

    def choose(self, indicator: str) -> None:
        """Show the trend of ``indicator`` (one of the choices, or any name)."""
        at = self._indicator.findData(indicator)
        if at >= 0:
            self._indicator.setCurrentIndex(at)
        else:
            self._show(indicator)

    @Slot(int)
    def _on_indicator_changed(self, index: int) -> None:
        name = self._indicator.itemData(index) if index >= 0 else None
        if isinstance(name, str):
            self._show(name)
        else:
            self._trend = None
            self._chart.set_trend(None)
            self._table.setRowCount(0)

    def _show(self, indicator: str) -> None:
        self._trend = trend(self._years, indicator)
        self._chart.set_trend(self._trend)
        self._table.set_points(self._trend.points, self._theme)
        self._chart.setAccessibleName(
            self.tr("%1历年目标与结果折线图，%2")
            .replace("%1", self._trend.indicator)
            .replace("%2", measure_label(self._trend))
        )

    @Slot(int)
    def _on_point_activated(self, row: int) -> None:
        if self._trend is None or not 0 <= row < len(self._trend.points):
            return
        p = self._trend.points[row]
        shown = (p.result, p.result_report) if p.result is not None else (p.target, p.target_report)
        figure, report = shown
        if figure is not None and report:
            self.figure_requested.emit(report, figure.paragraph, figure.start, figure.end)
