"""The status bar: where the reader is (二、 › （三）…), how far, and passing messages.

The place is elided in the middle rather than widening the window; the
progress label is as wide as 已读 100% from the start, so scrolling never
relays the bar out. Messages (正在打开…, 已复制…, a report's damaged bytes, the
figures table exported) are ``showMessage``'s, as in any ``QStatusBar``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from haizhu_reader.core.report import Report, heading_text

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QPaintEvent


class _ElidedLabel(QLabel):
    """A label that elides instead of widening the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text
        )


class StatusBar(QStatusBar):
    """The reading place and progress of the open report, on the window's bottom edge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._place = _ElidedLabel(self)
        self._place.setAccessibleName(self.tr("当前位置"))
        self._progress = QLabel(self)
        self._progress.setAccessibleName(self.tr("阅读进度"))
        self._fit_progress()
        self.addWidget(self._place, 1)
        self.addPermanentWidget(self._progress)

    def _fit_progress(self) -> None:
        """Wide enough for 100% from the start: no status-bar relayout while scrolling."""
        full = self.tr("已读 %1%").replace("%1", "100")
        self._progress.setMinimumWidth(self._progress.fontMetrics().horizontalAdvance(full) + 8)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the interface's text size
            self._fit_progress()

    @Slot(object)
    def set_report(self, report: Report) -> None:
        self._report = report
        if report.damaged:
            warning = self.tr("注意：文件有 %1 处损坏的字节，已在正文中显示为 �").replace(
                "%1", str(report.damaged)
            )
            # Once the window is on screen: a message shown before would leave the
            # place label showing under it.
            QTimer.singleShot(0, self, lambda: self.showMessage(warning, 60000))

    @Slot(object, int)
    def show_figures_exported(self, path: Path, rows: int) -> None:
        self.showMessage(
            self.tr("已导出 %1 条数据到 %2").replace("%1", str(rows)).replace("%2", str(path)),
            8000,
        )

    @Slot(object, int)
    def show_promises_exported(self, path: Path, count: int) -> None:
        text = self.tr("已导出 %1 项去年承诺对照到 %2")
        self.showMessage(text.replace("%1", str(count)).replace("%2", str(path)), 8000)

    @Slot(str, float)
    def show_position(self, section_id: str, progress: float) -> None:
        """The reader's place (a section or appendix) and how much of the report is read."""
        report = self._report
        if report is None:
            return
        path = report.section_path(section_id)
        if path:
            place = " › ".join(heading_text(s) for s in path)
        else:
            place = next((a.title for a in report.appendices if a.id == section_id), "")
        self._place.setText(place)
        self._place.update()
        self._progress.setText(self.tr("已读 %1%").replace("%1", str(round(progress * 100))))
