"""The table of contents: parts, sections and lead topics, with a filter box."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from haizhu_reader.core.report import PART, Report, Section, heading_text
from haizhu_reader.core.text import fold, strip_quotes
from haizhu_reader.gui.common.filter_edit import FilterEdit

if TYPE_CHECKING:
    # Only annotations: PySide6 makes a class when it is first imported, and these
    # events do not come before the first paint.
    from PySide6.QtGui import QKeyEvent

SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class SectionModel(QStandardItemModel):
    """A read-only tree of a report's sections; appendices follow as top-level items.

    A QStandardItemModel: the view's many data()/index() calls while laying
    out and painting stay in C++ (a Python QAbstractItemModel cost start-up
    ~10 ms for this tree alone).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._by_id: dict[str, QStandardItem] = {}

    def set_report(self, report: Report) -> None:
        self.clear()
        self._by_id = {}
        bold = QFont()
        bold.setBold(True)
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

        def item(sid: str, text: str, level: int) -> QStandardItem:
            it = QStandardItem(text)
            it.setFlags(flags)
            it.setToolTip(text)
            it.setData(text, Qt.ItemDataRole.AccessibleTextRole)
            it.setData(sid, SECTION_ID_ROLE)
            it.setData(level, LEVEL_ROLE)
            if level == PART:
                it.setFont(bold)
            self._by_id[sid] = it
            return it

        def add(sections: list[Section], parent: QStandardItem) -> None:
            for s in sections:
                it = item(s.id, heading_text(s), s.level)
                if not s.children:
                    it.setFlags(flags | Qt.ItemFlag.ItemNeverHasChildren)
                add(s.children, it)
                parent.appendRow(it)

        root = self.invisibleRootItem()
        add(report.sections, root)
        for a in report.appendices:
            it = item(a.id, a.title, PART)
            it.setFlags(flags | Qt.ItemFlag.ItemNeverHasChildren)
            root.appendRow(it)

    def index_of(self, section_id: str) -> QModelIndex:
        it = self._by_id.get(section_id)
        return it.index() if it is not None else QModelIndex()


class _SectionFilter(QSortFilterProxyModel):
    """Keeps sections whose heading contains the query (quote-, width- and case-blind),
    and their ancestors."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self.setRecursiveFilteringEnabled(True)

    @property
    def key(self) -> str:
        """The folded query ('' shows everything)."""
        return self._key

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._key = fold(strip_quotes(text)).replace(" ", "")
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._key:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        return self._key in fold(strip_quotes(text)).replace(" ", "")


class _TreeView(QTreeView):
    """Enter and Return activate the current item on every platform and style."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class SectionTree(QWidget):
    """The table of contents pane.

    Signals:
        section_activated(str): the user clicked a section or pressed Enter on it.
    """

    section_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = SectionModel(self)
        self._proxy = _SectionFilter(self)
        self._proxy.setSourceModel(self._model)
        self._current = ""
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self._filter = FilterEdit(self)
        self._filter.setPlaceholderText(self.tr("筛选目录"))
        self._filter.setAccessibleName(self.tr("筛选目录"))
        self._view = _TreeView(self)
        self._view.setModel(self._proxy)
        self._view.setHeaderHidden(True)
        self._view.setUniformRowHeights(True)
        self._view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.setAccessibleName(self.tr("目录"))
        self._view.setAccessibleDescription(self.tr("按回车在正文中转到所选章节"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self._filter)
        layout.addWidget(self._view)

    def _connect(self) -> None:
        self._view.clicked.connect(self._on_activated)
        self._view.activated.connect(self._on_activated)
        self._filter.textChanged.connect(self._on_filter_changed)
        self._filter.returnPressed.connect(self._on_filter_return)
        self._filter.down_pressed.connect(self._on_filter_down)

    # -- public ---------------------------------------------------------------------

    @property
    def model(self) -> SectionModel:
        return self._model

    @property
    def view(self) -> QTreeView:
        return self._view

    @property
    def filter_edit(self) -> QLineEdit:
        return self._filter

    @Slot(object)
    def set_report(self, report: Report) -> None:
        self._filter.clear()
        self._model.set_report(report)
        self._view.expandAll()
        self._current = ""

    def focus_chain(self) -> list[QWidget]:
        """The pane's focusable widgets in Tab order."""
        return [self._filter, self._view]

    def take_focus(self) -> None:
        """Ctrl+1: the focus to the tree (the filter is a Shift+Tab away)."""
        self._view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def current_section(self) -> str:
        index = self._view.currentIndex()
        return str(index.data(SECTION_ID_ROLE)) if index.isValid() else ""

    @Slot(str)
    def set_current_section(self, section_id: str) -> None:
        """Follow the reading position: make ``section_id`` current without activating it."""
        if section_id == self._current and self.current_section() == section_id:
            return
        self._current = section_id
        index = self._proxy.mapFromSource(self._model.index_of(section_id))
        if not index.isValid():
            return
        self._view.selectionModel().setCurrentIndex(
            index, self._view.selectionModel().SelectionFlag.ClearAndSelect
        )
        self._view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)

    # -- slots ----------------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        sid = index.data(SECTION_ID_ROLE)
        if isinstance(sid, str):
            self._current = sid
            self.section_activated.emit(sid)

    @Slot(str)
    def _on_filter_changed(self, text: str) -> None:
        self._proxy.set_query(text)
        self._view.expandAll()
        if self._current:
            index = self._proxy.mapFromSource(self._model.index_of(self._current))
            if index.isValid():
                self._view.scrollTo(index)

    @Slot()
    def _on_filter_return(self) -> None:
        first = self._first_match()
        if first.isValid():
            self._view.setCurrentIndex(first)
            self._on_activated(first)

    @Slot()
    def _on_filter_down(self) -> None:
        first = self._first_match()
        if first.isValid() and not self._view.currentIndex().isValid():
            self._view.setCurrentIndex(first)
        self._view.setFocus(Qt.FocusReason.TabFocusReason)

    def _first_match(self) -> QModelIndex:
        """The first row in tree order that matches the filter itself (not as an ancestor)."""
        index = self._proxy.index(0, 0)
        key = self._proxy.key
        while index.isValid():
            text = fold(strip_quotes(str(index.data())))
            if not key or key in text.replace(" ", ""):
                return index
            index = self._view.indexBelow(index)
        return QModelIndex()
