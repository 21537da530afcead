"""Results versus targets: a table of every target and a bar chart drawn with QPainter.

The table lists every target (the 主要预期目标 first, qualitative ones too) with last
year's result for its indicator beside it where the report gives one. An indicator with
both (地区生产总值: 增长1.4% → 增长7%) also gets a pair of bars per unit it is stated in;
bars are only compared within one unit (growth rates in %, amounts in 亿元 ...), each unit
group on its own scale.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from haizhu_reader.core.figures.extract import Comparison, Figure

RESULT_COLOR = QColor("#8fa9c9")  # muted blue
TARGET_COLOR = QColor("#c0504d")  # the report's red, softened
_PAD = 10.0
_GAP = 3.0  # between the two bars of a pair


@dataclass(frozen=True)
class ChartRow:
    """One pair of bars: an indicator's result and target in the same unit."""

    indicator: str
    unit: str
    result: Figure
    target: Figure


def _signed(f: Figure) -> float:
    value = f.value or 0.0  # chart rows hold numbers only (chart_rows)
    return -value if f.direction == "down" else value


def chart_rows(comparisons: Sequence[Comparison]) -> list[ChartRow]:
    """Pairs of comparable figures: each target with the first result in its unit.

    A result that states the same kind of number (a change, or a level) is
    preferred: 增长14.8% pairs with 增长12%, not with a share in %.
    """
    rows: list[ChartRow] = []
    for c in comparisons:
        seen: set[str] = set()
        for t in c.targets:
            if t.unit in seen or t.value is None:  # a qualitative target has no bar
                continue
            same_unit = [r for r in c.results if r.unit == t.unit and r.value is not None]
            same_kind = [r for r in same_unit if r.direction == t.direction]
            candidates = same_kind or same_unit
            if candidates:
                seen.add(t.unit)
                rows.append(ChartRow(c.indicator, t.unit, candidates[0], t))
    return rows


def unit_groups(rows: Sequence[ChartRow]) -> list[tuple[str, list[ChartRow]]]:
    """Rows grouped by unit, in order of first appearance."""
    groups: dict[str, list[ChartRow]] = {}
    for row in rows:
        groups.setdefault(row.unit, []).append(row)
    return list(groups.items())


def unit_heading(unit: str) -> str:
    if unit in ("%", "个百分点"):
        return QCoreApplication.translate("figures_chart", "增速与比率（%1）").replace("%1", unit)
    if unit.endswith("元"):
        return QCoreApplication.translate("figures_chart", "金额（%1）").replace("%1", unit)
    return QCoreApplication.translate("figures_chart", "数量（%1）").replace("%1", unit)


def chart_summary(rows: Sequence[ChartRow], paired: int = 0) -> str:
    """What the chart shows, in words: the accessible description, and a check for tests.

    ``paired``: how many indicators the table above pairs (some may not be drawable).
    """
    if not rows and paired:
        return QCoreApplication.translate(
            "figures_chart", "上表指标的上年结果与今年目标单位不同（如亿元与%），无法并列作图。"
        )
    if not rows:
        return QCoreApplication.translate(
            "figures_chart", "本报告中没有同时给出上年结果和今年目标的指标。"
        )
    parts = [
        QCoreApplication.translate("figures_chart", "%1：上年结果%2，今年目标%3")
        .replace("%1", r.indicator)
        .replace("%2", r.result.text)
        .replace("%3", r.target.text)
        for r in rows
    ]
    separator = QCoreApplication.translate("figures_chart", "；", "between two comparisons")
    return QCoreApplication.translate("figures_chart", "%1。").replace("%1", separator.join(parts))


class ComparisonTable(QTableWidget):
    """指标 | 上年结果 | 今年目标: one row per target indicator, the 主要预期目标 first (bold).

    The result cell is empty where the report gives no result for the indicator. Enter or a
    double-click on a row asks for its (first) target to be shown in the text.

    Signals:
        figure_activated(str, int, int): paragraph id, start, end of the row's target.
    """

    figure_activated = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self._targets: list[Figure] = []
        self.setObjectName("comparison_table")
        self.setAccessibleName(self.tr("结果与目标对照表"))
        self.setAccessibleDescription(self.tr("按回车在正文中显示该目标"))
        self.setHorizontalHeaderLabels([self.tr("指标"), self.tr("上年结果"), self.tr("今年目标")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.itemActivated.connect(self._on_activated)

    def set_comparisons(self, comparisons: Sequence[Comparison]) -> None:
        self.setRowCount(len(comparisons))
        self._targets = [c.targets[0] for c in comparisons]
        none = self.tr("报告未给出上年结果")
        separator = self.tr("、")
        for row, c in enumerate(comparisons):
            results = separator.join(f.text for f in c.results)
            cells = (c.indicator, results, separator.join(f.text for f in c.targets))
            main = any(f.main_target for f in c.targets)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text or none)
                if main and column == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip(self.tr("%1（主要预期目标）").replace("%1", text))
                self.setItem(row, column, item)
        self.resizeRowsToContents()

    def target(self, row: int) -> Figure | None:
        """The (first) target of a row."""
        return self._targets[row] if 0 <= row < len(self._targets) else None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resizeRowsToContents()  # wrapped text follows the width

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._on_activated(self.item(self.currentRow(), 0))
            return
        super().keyPressEvent(event)

    @Slot(QTableWidgetItem)
    def _on_activated(self, item: QTableWidgetItem | None) -> None:
        target = self.target(item.row()) if item is not None else None
        if target is not None:
            self.figure_activated.emit(target.paragraph, target.start, target.end)


class ResultsChart(QWidget):
    """Horizontal paired bars, result above target, one scale per unit group."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ChartRow] = []
        self._paired = 0
        self.setObjectName("results_chart")
        self.setAccessibleName(self.tr("结果与目标对比图"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # so a screen reader user can reach it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleDescription(chart_summary([]))

    def set_rows(self, rows: Sequence[ChartRow], paired: int = 0) -> None:
        """The bars to draw; ``paired`` indicators are in the table (see ``chart_summary``)."""
        self._rows = list(rows)
        self._paired = paired
        self.setAccessibleDescription(chart_summary(self._rows, paired))
        self.setToolTip(chart_summary(self._rows, paired))
        self.setFixedHeight(self._height())
        self.update()

    def rows(self) -> list[ChartRow]:
        return list(self._rows)

    # -- geometry -------------------------------------------------------------------

    def _line(self) -> float:
        return QFontMetricsF(self.font()).height()

    def _bar(self) -> float:
        return max(10.0, self._line() * 0.9)

    def _height(self) -> int:
        line, bar = self._line(), self._bar()
        height = _PAD + line * 1.6  # legend
        for _, rows in unit_groups(self._rows):
            height += line * 1.8  # group heading
            height += len(rows) * (line * 1.2 + 2 * (bar + _GAP) + 12)
        if not self._rows:
            height += line * 2
        return int(height + _PAD)

    def sizeHint(self) -> QSize:
        return QSize(300, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self._height())

    # -- painting -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        fm = QFontMetricsF(self.font())
        line, bar = self._line(), self._bar()
        left, right = _PAD, self.width() - _PAD
        y = _PAD

        # Legend.
        x = left
        for color, label in (
            (RESULT_COLOR, self.tr("上年结果")),
            (TARGET_COLOR, self.tr("今年目标")),
        ):
            painter.fillRect(QRectF(x, y + (line - bar) / 2, bar, bar), color)
            x += bar + 4
            painter.setPen(text)
            painter.drawText(QRectF(x, y, fm.horizontalAdvance(label) + 2, line), label)
            x += fm.horizontalAdvance(label) + 16
        y += line * 1.6

        if not self._rows:
            painter.setPen(muted)
            painter.drawText(
                QRectF(left, y, right - left, line * 2),
                int(Qt.TextFlag.TextWordWrap),
                chart_summary([], self._paired),
            )
            return

        for unit, rows in unit_groups(self._rows):
            bold = self.font()
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(QRectF(left, y + line * 0.4, right - left, line), unit_heading(unit))
            painter.setFont(self.font())
            y += line * 1.8
            values = [_signed(f) for r in rows for f in (r.result, r.target)]
            lo, hi = min(0.0, *values), max(0.0, *values)
            labels = [f.text for r in rows for f in (r.result, r.target)]
            label_w = max(fm.horizontalAdvance(s) for s in labels) + 6
            span_w = max(20.0, right - left - label_w)
            scale = span_w / (hi - lo) if hi > lo else 0.0
            zero = left + (0.0 - lo) * scale
            top = y + line * 1.2
            for row in rows:
                painter.setPen(text)
                name = fm.elidedText(row.indicator, Qt.TextElideMode.ElideRight, right - left)
                painter.drawText(QRectF(left, y, right - left, line), name)
                y += line * 1.2
                for f, color in ((row.result, RESULT_COLOR), (row.target, TARGET_COLOR)):
                    v = _signed(f)
                    x0, x1 = sorted((zero, zero + v * scale))
                    painter.fillRect(QRectF(x0, y, max(1.0, x1 - x0), bar - 2), color)
                    painter.setPen(text)
                    # A decline's label goes right of the zero line, where its row is empty.
                    label_x = x1 + 4 if v >= 0 else zero + 4
                    painter.drawText(
                        QRectF(label_x, y - (line - bar) / 2 - 1, label_w, line),
                        int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                        f.text,
                    )
                    y += bar + _GAP
                y += 12
            if lo < 0:  # a zero line only where bars go both ways
                painter.setPen(muted)
                painter.drawLine(int(zero), int(top), int(zero), int(y - 12))
        painter.end()
