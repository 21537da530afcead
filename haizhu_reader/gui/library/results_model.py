"""Search results across the shelf: a row per report (newest first), its hits below.

A report's hits are read from the shelf when its row is expanded, a page at a
time (``canFetchMore``/``fetchMore``): a common word over a thousand reports
lists every report at once and reads only the texts on screen.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from haizhu_reader.core.library.searching import ReportHits, ShelfHit, ShelfResults
from haizhu_reader.core.search.snippets import snippet
from haizhu_reader.gui.common.snippets import HIT_ROLE, RUNS_ROLE, GroupedHits

PAGE = 50
REPORT_ROLE = Qt.ItemDataRole.UserRole + 3  # the ReportHits of a report row

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def report_label(report: ReportHits) -> str:
    """佛山市2023年政府工作报告 · 12 处 (the shelf's titles name the place and year)."""
    count = QCoreApplication.translate("library", "%1 处").replace("%1", str(len(report)))
    return f"{report.entry.meta.title} · {count}"


class ShelfResultsModel(GroupedHits):
    """``set_results`` shows a search's results; ``prefetched`` hits are shown at once."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: ShelfResults | None = None
        self._hits: list[list[ShelfHit]] = []
        self._runs: dict[int, list[tuple[str, bool]]] = {}

    def set_results(
        self, results: ShelfResults | None, prefetched: dict[int, list[ShelfHit]] | None = None
    ) -> None:
        self.beginResetModel()
        self._results = results
        reports = results.reports if results is not None else []
        self._hits = [list((prefetched or {}).get(i, [])) for i in range(len(reports))]
        self._runs = {}
        self.endResetModel()

    def results(self) -> ShelfResults | None:
        return self._results

    def hit_indexes(self, parent: QModelIndex) -> list[QModelIndex]:
        return [self.index(r, 0, parent) for r in range(self.rowCount(parent))]

    def _reports(self) -> list[ReportHits]:
        return self._results.reports if self._results is not None else []

    # -- QAbstractItemModel ----------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._reports())
        if not parent.internalId():
            return len(self._hits[parent.row()])
        return 0

    def hasChildren(self, parent: _Index = _ROOT) -> bool:
        if not parent.isValid():
            return bool(self._reports())
        return not parent.internalId()

    def canFetchMore(self, parent: _Index) -> bool:
        if not parent.isValid() or parent.internalId():
            return False
        return len(self._hits[parent.row()]) < len(self._reports()[parent.row()])

    def fetchMore(self, parent: _Index) -> None:
        if self._results is None or not self.canFetchMore(parent):
            return
        row = parent.row()
        have = len(self._hits[row])
        more = self._results.hits(self._reports()[row], have, PAGE)
        if not more:
            return
        self.beginInsertRows(self.index(row, 0), have, have + len(more) - 1)
        self._hits[row].extend(more)
        self.endInsertRows()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def hit(self, index: _Index) -> ShelfHit | None:
        if not index.isValid() or not index.internalId():
            return None
        return self._hits[index.internalId() - 1][index.row()]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self.hit(index)
        if hit is None:
            report = self._reports()[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return report_label(report)
            if role == Qt.ItemDataRole.ToolTipRole:
                return str(report.entry.path or report.entry.meta.title)
            if role == REPORT_ROLE:
                return report
            return None
        if role == HIT_ROLE:
            return hit
        if role == RUNS_ROLE:
            return self._snippet(hit)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "".join(text for text, _ in self._snippet(hit))
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.label
        return None

    def _snippet(self, hit: ShelfHit) -> list[tuple[str, bool]]:
        runs = self._runs.get(id(hit))
        if runs is None:
            runs = snippet(hit.text, hit.spans)
            if hit.label and hit.kind == "paragraph":  # a heading shows its own number
                runs = [(f"{hit.label}  ", False), *runs]
            self._runs[id(hit)] = runs
        return runs
