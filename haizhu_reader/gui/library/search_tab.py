"""The shelf window's search: the search pane's query language across every report on it.

Searches run in a job (a common word over a thousand reports takes tens of
milliseconds); the newest query wins. Results are grouped by report, newest
first; the first reports open with their first hits, the rest when expanded.
Activating a hit asks for its report to be opened at the paragraph, the words
found marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.library.searching import ShelfFilter, ShelfHit, ShelfResults, search_shelf
from haizhu_reader.core.library.store import LibraryEntry, LibraryStore
from haizhu_reader.core.search.query import MAX_QUERY_CHARS
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.snippets import snippet_view
from haizhu_reader.gui.library.filters import FilterBar
from haizhu_reader.gui.library.results_model import PAGE, ShelfResultsModel

_TYPING_PAUSE_MS = 200
_OPEN_REPORTS = 3  # reports shown with their first hits at once


def run_search(
    store: LibraryStore, text: str, where: ShelfFilter, entries: Sequence[LibraryEntry]
) -> tuple[ShelfResults, dict[int, list[ShelfHit]]]:
    """A job's work: the results, and the first page of hits of the first reports."""
    results = search_shelf(store, text, where, entries)
    first = {i: results.hits(r, 0, PAGE) for i, r in enumerate(results.reports[:_OPEN_REPORTS])}
    return results, first


class ShelfSearchTab(QWidget):
    """Search across the shelf (see the module).

    Signals:
        hit_activated(object, str, list): the report's ``LibraryEntry``, the paragraph
            (or, for a heading, the section) id, and the [(start, end)] spans found in it.
    """

    hit_activated = Signal(object, str, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: LibraryStore | None = None
        self._entries: list[LibraryEntry] = []
        self._generation = 0
        self._searching = False
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self.setObjectName("shelf_search")
        self._edit = QLineEdit(self)
        self._edit.setObjectName("shelf_query")
        self._edit.setAccessibleName(self.tr("在书架上所有报告中搜索"))
        self._edit.setPlaceholderText(self.tr("在书架上所有报告中搜索"))
        self._edit.setClearButtonEnabled(True)
        self._edit.setMaxLength(MAX_QUERY_CHARS)
        self._edit.setToolTip(
            self.tr('空格分隔的词都须出现；OR 表示任一；"引号" 精确匹配；-词 排除')
        )
        self._filters = FilterBar(self, text_box=False)
        self._status = QLabel(self)
        self._status.setObjectName("shelf_search_status")
        self._status.setAccessibleName(self.tr("搜索状态"))
        self._status.setWordWrap(True)
        self._model = ShelfResultsModel(self)
        self._view = snippet_view(
            self,
            self._model,
            "shelf_results",
            self.tr("书架搜索结果"),
            self.tr("按回车在阅读窗口中打开该报告并显示所选结果"),
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_TYPING_PAUSE_MS)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self._edit, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._filters)
        layout.addWidget(self._status)
        layout.addWidget(self._view, 1)
        self._show_status()

    def _connect(self) -> None:
        self._edit.textChanged.connect(lambda _text: self._timer.start())
        self._edit.returnPressed.connect(self._on_return)
        self._filters.changed.connect(self._run)
        self._timer.timeout.connect(self._run)
        self._view.activated.connect(self._on_activated)

    # -- public ------------------------------------------------------------------------

    def set_store(self, store: LibraryStore | None) -> None:
        self._store = store
        self._run()

    def set_entries(self, entries: Sequence[LibraryEntry]) -> None:
        """The shelf changed: new filter choices; the current query runs again."""
        self._entries = list(entries)
        self._filters.set_entries(entries)
        self._run()

    def set_query(self, text: str) -> None:
        self._edit.setText(text)
        self._run()

    def query(self) -> str:
        return self._edit.text()

    @property
    def filters(self) -> FilterBar:
        return self._filters

    def results(self) -> ShelfResults | None:
        return self._model.results()

    def is_searching(self) -> bool:
        return self._searching or self._timer.isActive()

    def take_focus(self) -> None:
        self._edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._edit.selectAll()

    def view(self) -> QTreeView:
        return self._view

    # -- searching --------------------------------------------------------------------

    @Slot()
    def _run(self) -> None:
        self._timer.stop()
        self._generation += 1
        text = self._edit.text()
        if self._store is None or not text.strip():
            self._searching = False
            self._model.set_results(None)
            self._show_status()
            return
        where = self._filters.view().where
        job = jobs.Job(
            partial(run_search, self._store, text, where, list(self._entries)), key=self._generation
        )
        job.signals.done.connect(self._on_found)
        job.signals.failed.connect(self._on_failed)
        self._searching = True
        self._show_status()
        jobs.start(job)

    @Slot(object, object)
    def _on_found(
        self, generation: int, found: tuple[ShelfResults, dict[int, list[ShelfHit]]]
    ) -> None:
        if generation != self._generation:
            return
        self._searching = False
        results, first = found
        self._model.set_results(results, first)
        for row in range(min(_OPEN_REPORTS, len(results.reports))):
            self._view.expand(self._model.index(row, 0))
        top = self._model.index(0, 0)
        first_hit = self._model.index(0, 0, top)
        if first_hit.isValid():
            self._view.setCurrentIndex(first_hit)
        self._show_status()

    @Slot(object, object)
    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation == self._generation:
            self._searching = False
            self._status.setText(self.tr("搜索失败：%1").replace("%1", str(error)))

    def _show_status(self) -> None:
        results = self._model.results()
        if self._store is None:
            text = self.tr("正在打开书架…")
        elif not self._edit.text().strip():
            text = self.tr(
                '输入要查找的文字：空格分隔多个词，OR 表示任一，"引号" 精确匹配，-词 排除'
            )
        elif self._searching:
            text = self.tr("正在搜索…")
        elif results is None or not results.reports:
            text = self.tr("没有找到")
        else:
            text = (
                self.tr("%1 份报告中共 %2 处")
                .replace("%1", str(len(results.reports)))
                .replace("%2", str(results.total))
            )
        self._status.setText(text)

    # -- opening ---------------------------------------------------------------------------

    @Slot()
    def _on_return(self) -> None:
        if self._timer.isActive():
            self._run()  # Enter right after typing: search now; Enter again opens
            return
        current = self._view.currentIndex()
        if current.isValid():
            self._on_activated(current)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        hit = self._model.hit(index)
        if hit is None:
            self._view.setExpanded(index, not self._view.isExpanded(index))
            return
        self.hit_activated.emit(hit.entry, hit.unit, list(hit.spans))
