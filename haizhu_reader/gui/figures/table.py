"""The figures table view: one row per figure, sortable, Enter shows the figure in the text.

Column widths come from the font (``COLUMN_SAMPLES``), once and when the font
changes: ResizeToContents would ask the model for every cell on every layout
(40 000 calls, a third of a second, on first show). The indicator column takes
the width the others leave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from haizhu_reader.gui.figures.model import (
    COLUMN_SAMPLES,
    INDICATOR,
    KIND,
    PLACE,
    headers,
    kind_label,
)

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel
    from PySide6.QtGui import QKeyEvent, QResizeEvent


class FiguresTable(QTableView):
    """The table of figures over ``model`` (the pane's filter), in reading order at first.

    Enter activates the current row, as a double-click does. The indicator column
    never gets less than about five characters: in a narrow dock the table scrolls
    sideways instead.

    Signals:
        activated_by_key(QModelIndex): Enter on the current row.
    """

    activated_by_key = Signal(QModelIndex)

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui(model)

    def _setup_ui(self, model: QAbstractItemModel) -> None:
        self.setObjectName("figures_table")
        self.setAccessibleName(self.tr("数据表"))
        self.setAccessibleDescription(self.tr("按回车在正文中显示所选数据"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        # Always on: fit_indicator() follows the table's size, not the viewport's.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalHeader().hide()
        self.fit_to_font()
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSortIndicator(PLACE, Qt.SortOrder.AscendingOrder)  # reading order
        self.setSortingEnabled(True)

    def fit_to_font(self) -> None:
        """Row heights and column widths from the font: once, and again when the
        interface's text size changes (View › 界面文字大小)."""
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setMinimumSectionSize(24)
        fm = self.fontMetrics()
        titles, head_fm = headers(), header.fontMetrics()
        kinds = (kind_label("result"), kind_label("target"))  # their length varies by language
        for col, sample in COLUMN_SAMPLES.items():
            cells = [sample, *kinds] if col == KIND else [sample]
            width = max(fm.horizontalAdvance(text) for text in cells) + 12
            header.resizeSection(col, max(width, head_fm.horizontalAdvance(titles[col]) + 16))
        self.fit_indicator()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # after the header has the font too
            QTimer.singleShot(0, self, self.fit_to_font)

    def fit_indicator(self) -> None:
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != INDICATOR)
        least = self.fontMetrics().horizontalAdvance("中") * 5
        header.resizeSection(INDICATOR, max(least, self.viewport().width() - others))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_indicator()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
