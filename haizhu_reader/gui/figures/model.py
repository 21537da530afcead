"""The key-figures table: an item model over ``core.figures.extract.Figure`` and its filter.

Also the pure functions the reading view's figure marks use (``figure_tooltip``,
``figure_marks``), so tests read the same text the user sees.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from haizhu_reader.core.figures.extract import Figure, Kind
from haizhu_reader.core.figures.table import clause_around, places
from haizhu_reader.core.report import Report

FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Figure of a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # what a column sorts by

INDICATOR, VALUE, UNIT, QUALIFIER, KIND, PLACE = range(6)
_COLUMNS = 6
# The widest usual content of each fixed-width column (the indicator column stretches).
# Wider cells are elided, with the whole figure in their tooltip.
COLUMN_SAMPLES = {VALUE: "增2502.52", UNIT: "万人次", QUALIFIER: "左右", KIND: "类型",
                  PLACE: "二、（三）"}  # fmt: skip

_Index = QModelIndex | QPersistentModelIndex


def headers() -> tuple[str, ...]:
    """The column titles: 指标 数值 单位 限定 类型 位置."""
    return (
        QCoreApplication.translate("figures", "指标"),
        QCoreApplication.translate("figures", "数值"),
        QCoreApplication.translate("figures", "单位"),
        QCoreApplication.translate("figures", "限定"),
        QCoreApplication.translate("figures", "类型"),
        QCoreApplication.translate("figures", "位置"),
    )


def kind_label(kind: Kind) -> str:
    """结果 (last year's result) or 目标 (this year's target)."""
    if kind == "target":
        return QCoreApplication.translate("figures", "目标")
    return QCoreApplication.translate("figures", "结果")


def number_text(value: float) -> str:
    """A number as printed: 2502.52, 7 (not 7.0)."""
    return repr(value).removesuffix(".0")


def value_text(figure: Figure) -> str:
    """The value column: the number, a range's upper end, and 增/降 for a change.

    A qualitative target has its wording instead (增长与经济增长基本同步).
    """
    if figure.value is None:
        indicator = figure.indicator or ""
        return figure.text.removeprefix(indicator) if figure.text != indicator else figure.text
    text = number_text(figure.value)
    if figure.value_high is not None:
        text += "—" + number_text(figure.value_high)
    if figure.direction == "up":
        return QCoreApplication.translate("figures", "增%1").replace("%1", text)
    if figure.direction == "down":
        return QCoreApplication.translate("figures", "降%1").replace("%1", text)
    return text


def indicator_text(figure: Figure, context: str = "") -> str:
    """The indicator; for a narrative figure, 叙述 and the clause it stands in."""
    if figure.indicator:
        return figure.indicator
    if context:
        return QCoreApplication.translate("figures", "叙述：%1").replace("%1", context)
    return QCoreApplication.translate("figures", "（叙述）")


def figure_tooltip(figure: Figure) -> str:
    """Rich-text tooltip of a figure mark in the reading view: indicator, kind, printed text.

    Everything from the report is escaped.
    """
    return (
        f"<b>{html.escape(indicator_text(figure))}</b>"
        f"　<small>{html.escape(kind_label(figure.kind))}</small>"  # theme colours
        f"<br>{html.escape(figure.text)}"
        f"{'&emsp;' + html.escape(figure.rank) if figure.rank else ''}"
    )


def figure_marks(figures: Sequence[Figure]) -> list[tuple[str, int, int, str]]:
    """(paragraph id, start, end, tooltip) of each figure, for ``ReaderView.set_figure_marks``."""
    return [(f.paragraph, f.start, f.end, figure_tooltip(f)) for f in figures]


class FiguresModel(QAbstractTableModel):
    """One row per figure, in reading order; columns 指标 数值 单位 限定 类型 位置."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._figures: list[Figure] = []
        self._places: list[str] = []
        self._cells: list[tuple[str, ...]] = []  # display strings, made once

    def set_figures(self, report: Report | None, figures: Sequence[Figure]) -> None:
        self.beginResetModel()
        self._figures = list(figures)
        labels = places(report) if report else {}
        self._places = [labels.get(f.section, "") for f in self._figures]
        index = report.paragraph_index() if report else {}

        def context(f: Figure) -> str:
            found = index.get(f.paragraph) if f.narrative else None
            return clause_around(found[1].text, f.start, f.end) if found else ""

        self._cells = [
            (
                indicator_text(f, context(f)),
                value_text(f),
                f.unit,
                f.qualifier or "",
                kind_label(f.kind),
                place,
            )
            for f, place in zip(self._figures, self._places, strict=True)
        ]
        self.endResetModel()

    def figures(self) -> list[Figure]:
        return list(self._figures)

    def place(self, row: int) -> str:
        return self._places[row]

    def haystack(self, row: int) -> str:
        """What the filter looks in: the indicator as shown (a narrative figure's clause),
        the printed text and the place."""
        return f"{self._cells[row][INDICATOR]}\n{self._figures[row].text}\n{self._places[row]}"

    # -- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._figures)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < _COLUMNS:
            return headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._figures):
            return None
        f = self._figures[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = (
                QCoreApplication.translate("figures", "%1：%2（%3）")
                .replace("%1", self._cells[index.row()][INDICATOR])
                .replace("%2", f.text)
                .replace("%3", self._places[index.row()])
            )
            if f.rank:
                tip += QCoreApplication.translate("figures", "；排名：%1").replace("%1", f.rank)
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and column == VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == FIGURE_ROLE:
            return f
        if role == SORT_ROLE:
            if column == VALUE:
                return f.value if f.value is not None else float("-inf")
            if column == PLACE:
                return index.row()  # reading order
            return self._cells[index.row()][column]
        return None


class FiguresFilter(QSortFilterProxyModel):
    """Filters rows by a text (in indicator, printed text or place) and by kind."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self._kind: Kind | None = None
        self.setSortRole(SORT_ROLE)
        self.setSortLocaleAware(True)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_kind(self, kind: Kind | None) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, FiguresModel):
            return True
        f = model.index(source_row, 0, source_parent).data(FIGURE_ROLE)
        if not isinstance(f, Figure):
            return False
        if self._kind is not None and f.kind != self._kind:
            return False
        if not self._needle:
            return True
        return self._needle in model.haystack(source_row).casefold()
