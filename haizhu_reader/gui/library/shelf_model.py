"""The shelf as a tree: a row per place, its reports below (newest first), and its filter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from haizhu_reader.core.library.searching import ShelfFilter
from haizhu_reader.core.library.store import LibraryEntry
from haizhu_reader.core.search.key import search_key
from haizhu_reader.gui.library.labels import file_text, level_names, unknown_place, year_text

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the LibraryEntry of a report row
TITLE, YEAR, DATE, LEVEL, FILE = range(5)

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def headers() -> tuple[str, ...]:
    """The column titles: 报告 年份 日期 级别 文件."""
    return (
        QCoreApplication.translate("library", "报告"),
        QCoreApplication.translate("library", "年份"),
        QCoreApplication.translate("library", "日期"),
        QCoreApplication.translate("library", "级别"),
        QCoreApplication.translate("library", "文件"),
    )


@dataclass(frozen=True)
class ShelfView:
    """What the list shows: words in the title, place, speaker or file name; a place; a
    level; a range of years (None: any)."""

    text: str = ""
    place: str | None = None
    level: str | None = None
    years: tuple[int, int] | None = None

    @property
    def where(self) -> ShelfFilter:
        """The place, level and years, as a search across the shelf takes them."""
        return ShelfFilter(place=self.place, level=self.level, years=self.years)

    def admits(self, entry: LibraryEntry) -> bool:
        if not self.where.admits(entry):
            return False
        m = entry.meta
        words = [k for k in (search_key(part) for part in self.text.split()) if k]
        if not words:
            return True
        where = (m.title, m.place or "", m.speaker or "", m.date or "", str(entry.path or ""))
        haystack = search_key(" ".join(where))
        return all(w in haystack for w in words)


class ShelfModel(QAbstractItemModel):
    """Places, each with its reports: ``set_entries`` gives the shelf, ``set_view`` what shows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[LibraryEntry] = []
        self._view = ShelfView()
        self._groups: list[tuple[str, list[LibraryEntry]]] = []
        self._texts: dict[str, tuple[str, ...]] = {}  # content hash -> the row's cells

    def set_entries(self, entries: Sequence[LibraryEntry]) -> None:
        self._entries = list(entries)
        self._regroup()

    def set_view(self, view: ShelfView) -> None:
        self._view = view
        self._regroup()

    def entries(self) -> list[LibraryEntry]:
        return list(self._entries)

    def shown(self) -> list[LibraryEntry]:
        """The reports the view admits, top to bottom."""
        return [e for _, group in self._groups for e in group]

    def _regroup(self) -> None:
        self.beginResetModel()
        levels = level_names()
        self._texts = {
            e.content_hash: (e.meta.title, year_text(e), e.meta.date or "",
                             levels.get(e.meta.level or "", ""), file_text(e))
            for e in self._entries
        }  # fmt: skip
        groups: dict[str, list[LibraryEntry]] = {}
        for e in self._entries:
            if self._view.admits(e):
                groups.setdefault(e.meta.place or "", []).append(e)
        for group in groups.values():
            group.sort(key=lambda e: (e.meta.year or 0, e.meta.date or ""), reverse=True)
        self._groups = sorted(groups.items(), key=lambda g: (not g[0], g[0]))
        self.endResetModel()

    def entry_index(self, content_hash: str) -> QModelIndex:
        for g, (_, group) in enumerate(self._groups):
            for r, e in enumerate(group):
                if e.content_hash == content_hash:
                    return self.index(r, 0, self.index(g, 0))
        return QModelIndex()

    # -- QAbstractItemModel ----------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if row < 0 or column < 0 or column > FILE or row >= self.rowCount(parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or not index.internalId():
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if not parent.internalId() and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return FILE + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _entry(self, index: _Index) -> LibraryEntry | None:
        group = index.internalId()
        return self._groups[group - 1][1][index.row()] if group else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self._entry(index)
        if entry is None:
            return self._group_data(index, role)
        if role == ENTRY_ROLE:
            return entry
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._texts[entry.content_hash][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            where = str(entry.path) if entry.path else file_text(entry)
            lines = [entry.meta.title, entry.meta.speaker or "", where]
            if entry.missing:
                lines.append(
                    QCoreApplication.translate(
                        "library", "文件已移动、改名或删除；从新的位置再加入一次即可找回"
                    )
                )
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.ForegroundRole and entry.missing:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def _group_data(self, index: _Index, role: int) -> object:
        place, group = self._groups[index.row()]
        if index.column() != TITLE:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            level = level_names().get(group[0].meta.level or "", "") if place else ""
            count = QCoreApplication.translate("library", "%1 份").replace("%1", str(len(group)))
            return " · ".join(part for part in (place or unknown_place(), level, count) if part)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None
