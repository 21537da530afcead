"""One indicator's targets and results across the years, as a small line chart (QPainter).

Years run left to right; the targets are a dashed line in the report's red (a range,
8.0%—8.5%, a bar from end to end), the results a solid line in blue with a dot each,
the dot filled in its verdict's colour of the theme. Only the numbers of the trend's
measure are drawn (one unit, a change or a level: ``core.promises.trend.Measure``);
a gap in the years is a gap in the line. The axis starts at zero and its ticks are
round numbers. What it shows is said in words too (the accessible description).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from haizhu_reader.core.promises.trend import Trend, TrendPoint
from haizhu_reader.gui.common.theme import LIGHT, Theme
from haizhu_reader.gui.figures.chart import RESULT_COLOR, TARGET_COLOR
from haizhu_reader.gui.figures.promises_model import verdict_label

_PAD = 10.0
RESULT_LINE = QColor("#3f6fa8")  # the results' blue, darker than the bars' for a thin line
TARGET_LINE = TARGET_COLOR


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round numbers from ``low`` to ``high`` (both included in the span), about ``count``."""
    if high <= low:
        high = low + 1.0
    raw = (high - low) / max(1, count)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    ticks = [round(math.floor(low / step) * step, 10)]
    while ticks[-1] < high - 1e-9:
        ticks.append(round(ticks[-1] + step, 10))
    return ticks


def tick_text(value: float) -> str:
    return f"{value:g}"


def trend_summary(trend: Trend) -> str:
    """The chart in words: each year's target, result and verdict."""
    if trend.measure is None or not trend.points:
        return QCoreApplication.translate("trend", "书架上这个地方的报告里没有这一指标的数字。")
    parts = []
    for p in trend.points:
        target = p.target.text if p.target else ""
        result = p.result.text if p.result else QCoreApplication.translate("trend", "无结果")
        if p.target is None:
            text = QCoreApplication.translate("trend", "%1年：无目标，结果%2")
            parts.append(text.replace("%1", str(p.year)).replace("%2", result))
            continue
        text = QCoreApplication.translate("trend", "%1年：目标%2，结果%3，%4")
        text = text.replace("%1", str(p.year)).replace("%2", target).replace("%3", result)
        parts.append(text.replace("%4", verdict_label(p.verdict)))
    head = QCoreApplication.translate("trend", "%1（%2）：").replace("%1", trend.indicator)
    head = head.replace("%2", measure_label(trend))
    separator = QCoreApplication.translate("trend", "；", "between two years")
    return head + separator.join(parts) + QCoreApplication.translate("trend", "。")


def measure_label(trend: Trend) -> str:
    """增速（%）, 数值（万人）: what the axis shows."""
    if trend.measure is None:
        return ""
    if trend.measure.change:
        return QCoreApplication.translate("trend", "增减（%1）").replace("%1", trend.measure.unit)
    return QCoreApplication.translate("trend", "数值（%1）").replace("%1", trend.measure.unit)


class TrendChart(QWidget):
    """The line chart of a ``Trend`` (see the module docstring)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._trend: Trend | None = None
        self._theme = LIGHT
        self.setObjectName("trend_chart")
        self.setAccessibleName(self.tr("指标历年目标与结果折线图"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # so a screen reader user can reach it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(160)

    def set_trend(self, trend: Trend | None) -> None:
        self._trend = trend
        summary = trend_summary(trend) if trend is not None else ""
        self.setAccessibleDescription(summary)
        self.setToolTip(summary)
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def trend(self) -> Trend | None:
        return self._trend

    def sizeHint(self) -> QSize:
        return QSize(320, 220)

    # -- geometry (public for tests: where each point is drawn) -------------------------

    def plotted(self) -> list[tuple[TrendPoint, float | None, float | None, float | None]]:
        """(point, target, target's upper end, result) in the measure; None: not drawn."""
        t = self._trend
        if t is None or t.measure is None:
            return []
        m = t.measure
        out = []
        for p in t.points:
            target = m.value(p.target) if p.target else None
            high = m.value(p.target, high=True) if p.target else None
            result = m.value(p.result) if p.result else None
            out.append((p, target, high if high != target else None, result))
        return out

    def _span(self) -> tuple[float, float]:
        values = [v for _, *vs in self.plotted() for v in vs if v is not None]
        low, high = min([0.0, *values]), max([0.0, *values])
        ticks = nice_ticks(low, high)
        return ticks[0], ticks[-1]

    # -- painting -------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text = pal.color(QPalette.ColorRole.WindowText)
        muted = pal.color(QPalette.ColorRole.PlaceholderText)
        fm = QFontMetricsF(self.font())
        line = fm.height()
        rows = self.plotted()
        drawn = [r for r in rows if any(v is not None for v in r[1:])]
        if not drawn:
            painter.setPen(muted)
            painter.drawText(
                QRectF(_PAD, _PAD, self.width() - 2 * _PAD, self.height() - 2 * _PAD),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                trend_summary(self._trend) if self._trend else "",
            )
            painter.end()
            return
        low, high = self._span()
        ticks = nice_ticks(low, high)
        label_w = max(fm.horizontalAdvance(tick_text(v)) for v in ticks) + 6
        legend_h = line * 1.5
        year_w = fm.horizontalAdvance("2026")
        left = _PAD + max(label_w, year_w / 2)
        right = self.width() - _PAD - year_w / 2
        top, bottom = _PAD + legend_h, self.height() - _PAD - line * 1.4

        def y_of(v: float) -> float:
            return bottom - (v - low) / (high - low) * (bottom - top) if high > low else bottom

        years = [r[0].year for r in rows]
        step = (right - left) / max(1, len(years) - 1) if len(years) > 1 else 0.0

        def x_of(i: int) -> float:
            return left + i * step if len(years) > 1 else (left + right) / 2

        self._legend(painter, fm, text)
        # Grid and axis labels.
        for v in ticks:
            y = y_of(v)
            painter.setPen(QPen(muted, 1, Qt.PenStyle.SolidLine if v == 0 else Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(left, y), QPointF(right, y))
            painter.setPen(text)
            # The lowest label sits above its line, clear of the first year's below it.
            lowest = v == ticks[0]
            painter.drawText(
                QRectF(_PAD, y - line if lowest else y - line / 2, label_w - 4, line),
                int(Qt.AlignmentFlag.AlignRight)
                | int(Qt.AlignmentFlag.AlignBottom if lowest else Qt.AlignmentFlag.AlignVCenter),
                tick_text(v),
            )
        every = max(1, math.ceil(year_w * 1.4 / step)) if step else 1
        labelled = list(range(0, len(years), every))
        last = len(years) - 1
        if labelled[-1] != last and (last - labelled[-1]) * step >= year_w * 1.4:
            labelled.append(last)  # the last year too, where it fits
        for i in labelled:
            painter.drawText(
                QRectF(x_of(i) - 30, bottom + 2, 60, line),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                str(years[i]),
            )
        # The targets: a dashed line, a range as a bar.
        targets = [(x_of(i), r[1]) for i, r in enumerate(rows)]
        self._series(painter, targets, y_of, TARGET_LINE, dashed=True)
        painter.setPen(QPen(TARGET_LINE, 3))
        for i, r in enumerate(rows):
            if r[1] is not None and r[2] is not None:
                painter.drawLine(QPointF(x_of(i), y_of(r[1])), QPointF(x_of(i), y_of(r[2])))
        # The results: a solid line, a dot per year in its verdict's colour.
        self._series(painter, [(x_of(i), r[3]) for i, r in enumerate(rows)], y_of, RESULT_LINE)
        for i, r in enumerate(rows):
            if r[3] is None:
                continue
            verdict = r[0].verdict
            fill = QColor(self._theme.verdicts[verdict]) if verdict else QColor(RESULT_COLOR)
            painter.setPen(QPen(RESULT_LINE, 1.5))
            painter.setBrush(QBrush(fill))
            painter.drawEllipse(QPointF(x_of(i), y_of(r[3])), 4.5, 4.5)
        painter.end()

    def _series(
        self,
        painter: QPainter,
        points: Sequence[tuple[float, float | None]],
        y_of: Callable[[float], float],
        colour: QColor,
        dashed: bool = False,
    ) -> None:
        pen = QPen(colour, 2, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        started = False
        for x, v in points:
            if v is None:
                started = False  # a gap in the years is a gap in the line
                continue
            y = y_of(v)
            if started:
                path.lineTo(x, y)
            else:
                path.moveTo(x, y)
                started = True
            if dashed:
                path.addEllipse(QPointF(x, y), 2.5, 2.5)
                path.moveTo(x, y)
        painter.drawPath(path)

    def _legend(self, painter: QPainter, fm: QFontMetricsF, text: QColor) -> None:
        x, y, line = _PAD, _PAD, fm.height()
        assert self._trend is not None
        for colour, label, dashed in (
            (TARGET_LINE, self.tr("目标"), True),
            (RESULT_LINE, self.tr("结果"), False),
        ):
            pen = QPen(colour, 2, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y + line / 2), QPointF(x + 22, y + line / 2))
            x += 26
            painter.setPen(text)
            painter.drawText(QRectF(x, y, fm.horizontalAdvance(label) + 2, line), label)
            x += fm.horizontalAdvance(label) + 14
        unit = measure_label(self._trend)
        painter.drawText(
            QRectF(x, y, max(0.0, self.width() - x - _PAD), line),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(unit, Qt.TextElideMode.ElideRight, max(0.0, self.width() - x - _PAD)),
        )
