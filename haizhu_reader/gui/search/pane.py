"""The search pane: a query box, a scope, and results grouped by part and section."""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.report import Report
from haizhu_reader.core.search.query import MAX_QUERY_CHARS
from haizhu_reader.core.search.searching import Hit, NoteText, Order, ReportIndex, SearchScope
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.snippets import snippet_view
from haizhu_reader.gui.search.index_loader import IndexLoader, index_notes
from haizhu_reader.gui.search.results import HIT_ROLE, ResultModel, group_labels

# Searches slower than this get a typing pause before they run (see _debounce_ms).
_INSTANT_MS = 8.0


class _QueryEdit(QLineEdit):
    """The query box: ↑/↓ move through results, Enter opens one, Esc clears."""

    move_requested = Signal(int)
    activate_requested = Signal()
    clear_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Up:
            self.move_requested.emit(-1)
        elif key == Qt.Key.Key_Down:
            self.move_requested.emit(1)
        elif key == Qt.Key.Key_PageUp:
            self.move_requested.emit(-10)
        elif key == Qt.Key.Key_PageDown:
            self.move_requested.emit(10)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activate_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.clear_requested.emit()
        else:
            super().keyPressEvent(event)


class SearchPane(QWidget):
    """Full-text search of the report, as you type.

    Takes an ``IndexLoader`` (the index provider); ``set_report`` asks it for
    the report's index and the pane says it is preparing until it is ready.
    The window offers each report it opens (``offer_report``); the pane takes
    it once search is wanted (``prepare``: shown, or Ctrl+Shift+F), not at
    every start: the index costs Whoosh and its files (~20 MB) and a few
    hundred ms of a core, and many sessions only read.

    Signals:
        result_activated(str, list): a paragraph hit was opened: its id and its
            [(start, end)] spans into Paragraph.text. A heading hit sends this
            too, after ``section_activated``: the section id and spans into its
            heading, so the view can highlight the words found.
        section_activated(str): a heading hit was opened (section or appendix id).
        term_activated(int): a glossary hit was opened (index into report.glossary).
        note_activated(str): a note hit was opened (the note's id).
        cleared(): the query was cleared (Esc): drop search highlights.
        results_shown(int): results for the current query are on screen (count).
        notes_wanted(): the pane took a report: hand it the report's notes (``set_notes``).
    """

    result_activated = Signal(str, list)
    section_activated = Signal(str)
    term_activated = Signal(int)
    note_activated = Signal(str)
    cleared = Signal()
    results_shown = Signal(int)
    notes_wanted = Signal()

    def __init__(self, loader: IndexLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._report: Report | None = None
        self._offered: Report | None = None  # the report to take once search is wanted
        self._index: ReportIndex | None = None
        self._labels: dict[str, tuple[str, str]] = {}
        self._terms: dict[str, int] = {}
        self._notes: list[NoteText] | None = None
        self._failure = ""  # why the current report cannot be searched, if it cannot
        self._notes_job: jobs.Job | None = None  # indexing notes in the background
        self._notes_dirty = False  # notes changed while a job ran
        self._notes_stale = False  # notes changed while another scope was chosen
        self._hits: list[Hit] = []
        self._last_ms = 0.0
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self.setObjectName("search_pane")
        self._edit = _QueryEdit(self)
        self._edit.setObjectName("search_query")
        self._edit.setAccessibleName(self.tr("搜索全文"))
        self._edit.setPlaceholderText(self.tr("搜索全文（Ctrl+Shift+F）"))
        self._edit.setClearButtonEnabled(True)
        self._edit.setMaxLength(MAX_QUERY_CHARS)
        self._edit.setToolTip(
            self.tr('空格分隔的词都须出现；OR 表示任一；"引号" 精确匹配；-词 排除')
        )
        self._scope = QComboBox(self)
        self._scope.setObjectName("search_scope")
        self._scope.setAccessibleName(self.tr("搜索范围"))
        self._scope.addItem(self.tr("正文"), SearchScope.BODY.value)
        self._scope.addItem(self.tr("名词解释"), SearchScope.GLOSSARY.value)
        self._scope.addItem(self.tr("批注"), SearchScope.NOTES.value)
        self._rank = QToolButton(self)
        self._rank.setObjectName("search_rank")
        self._rank.setText(self.tr("按相关度"))
        self._rank.setAccessibleName(self.tr("按相关度排序"))
        self._rank.setToolTip(self.tr("按相关度排序（否则按正文顺序分组）"))
        self._rank.setCheckable(True)
        self._status = QLabel(self)
        self._status.setObjectName("search_status")
        self._status.setAccessibleName(self.tr("搜索状态"))
        self._status.setWordWrap(True)
        self._model = ResultModel(self)
        self._view = snippet_view(
            self,
            self._model,
            "search_results",
            self.tr("搜索结果"),
            self.tr("按回车在正文中显示所选结果"),
        )
        self._view.setRootIsDecorated(False)
        self._view.setItemsExpandable(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._notes_timer = QTimer(self)  # a burst of note changes re-indexes the notes once
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(300)

        options = QHBoxLayout()
        options.setContentsMargins(0, 0, 0, 0)
        options.addWidget(self._scope, 1)
        options.addWidget(self._rank)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._edit)
        layout.addLayout(options)
        layout.addWidget(self._status)
        layout.addWidget(self._view, 1)
        self._show_status()

    def _connect(self) -> None:
        self._edit.textChanged.connect(self._on_text_changed)
        self._edit.move_requested.connect(self._on_move)
        self._edit.activate_requested.connect(self._on_activate_current)
        self._edit.clear_requested.connect(self.clear)
        self._scope.currentIndexChanged.connect(self._on_options_changed)
        self._rank.toggled.connect(self._on_options_changed)
        self._timer.timeout.connect(self._run)
        self._notes_timer.timeout.connect(self.notes_wanted)
        self._view.activated.connect(self._on_result_activated)
        self._view.clicked.connect(self._on_result_activated)
        self._loader.ready.connect(self._on_index_ready)
        self._loader.failed.connect(self._on_index_failed)

    # -- public slots --------------------------------------------------------------

    @Slot(object)
    def set_report(self, report: Report) -> None:
        """Search ``report``; its index is prepared in the background."""
        self._report = report
        self._labels = group_labels(report)
        self._terms = {}
        for i, entry in enumerate(report.glossary):
            self._terms.setdefault(entry.term, i)
        index = self._loader.index() if self._loader.report() is report else None
        self._index = index
        self._failure = ""
        self._notes = None  # another report's notes must not go into this index
        self._apply_notes()
        self._show([])
        if index is None:
            self._loader.load(report)
        else:
            self._run()

    @Slot(object)
    def offer_report(self, report: Report) -> None:
        """The open report, to search once search is wanted (``prepare``)."""
        self._offered = report

    @Slot()
    def prepare(self) -> None:
        """Take the offered report, if not yet taken: its index is prepared now."""
        if self._offered is not None and self._offered is not self._report:
            self.set_report(self._offered)
            self._notes_timer.stop()  # a pending ask would index the same notes again
            self.notes_wanted.emit()  # this report's, at once

    @Slot()
    def refresh_notes_later(self) -> None:
        """The notes changed: ask for them (``notes_wanted``) once a burst of changes is over."""
        self._notes_timer.start()

    @Slot(bool)
    def set_shown(self, shown: bool) -> None:
        """On screen (its dock's tab in front): search is wanted."""
        if shown:
            self.prepare()

    @Slot()
    def prepare_if_shown(self) -> None:
        """The text is on screen: the index may be built now (the build holds the GIL)."""
        if not self.visibleRegion().isEmpty():  # not behind another tab
            self.prepare()

    def close_index(self) -> None:
        """The window closes: let go of the index (a build in progress is given up)."""
        self._loader.close()

    def take_focus(self) -> None:
        """Ctrl+5, Ctrl+Shift+F: search is wanted, the query box has the focus."""
        self.prepare()
        self.focus_query()

    @Slot()
    def focus_query(self) -> None:
        """Ctrl+Shift+F: put the cursor in the query box, its text selected."""
        self._edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._edit.selectAll()

    def focus_chain(self) -> list[QWidget]:
        """The pane's controls in Tab order (the window chains the panes)."""
        return [self._edit, self._scope, self._rank, self._view]

    def set_query(self, text: str) -> None:
        self._edit.setText(text)

    def query(self) -> str:
        return self._edit.text()

    def set_scope(self, scope: SearchScope) -> None:
        self._scope.setCurrentIndex(self._scope.findData(scope.value))

    def set_notes(self, notes: Sequence[NoteText]) -> None:
        """The user's notes, searchable under the 批注 scope (call whenever they change)."""
        self._notes = list(notes)
        self._apply_notes()  # the results refresh when the notes are indexed

    def hits(self) -> list[Hit]:
        """The results on show."""
        return list(self._hits)

    def is_ready(self) -> bool:
        return self._index is not None

    @Slot()
    def clear(self) -> None:
        self._edit.clear()
        self._run()
        self.cleared.emit()

    # -- searching -----------------------------------------------------------------

    def _debounce_ms(self) -> int:
        """No pause while searches are instant; a pause that grows with slow ones."""
        return 0 if self._last_ms < _INSTANT_MS else min(250, int(self._last_ms * 3))

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        self._timer.start(self._debounce_ms())

    @Slot()
    def _on_options_changed(self) -> None:
        if self._notes_stale:
            self._apply_notes()  # the results refresh when the notes are indexed
        self._run()

    @Slot()
    def _run(self) -> None:
        self._timer.stop()
        text = self._edit.text()
        if self._index is None or not text.strip():
            self._show([])
            return
        scope = SearchScope(self._scope.currentData())
        order = Order.RELEVANCE if self._rank.isChecked() else Order.READING
        started = time.perf_counter()
        hits = self._index.search(text, scope, order)
        self._last_ms = (time.perf_counter() - started) * 1000
        self._show(hits)

    def _show(self, hits: list[Hit]) -> None:
        self._hits = hits
        grouped = (
            not self._rank.isChecked() and self._scope.currentData() != SearchScope.GLOSSARY.value
        )
        self._model.set_results(hits, self._labels if grouped else None)
        self._view.expandAll()
        first = self._model.hit_indexes()[:1]
        if first:
            self._view.setCurrentIndex(first[0])
            self._view.scrollTo(first[0])
        self._show_status()
        self.results_shown.emit(len(hits))

    def _show_status(self) -> None:
        text = self._edit.text()
        if self._report is None:
            message = ""
        elif self._index is None and self._failure:
            message = self.tr("搜索不可用：%1").replace("%1", self._failure)
        elif self._index is None:
            message = self.tr("正在准备搜索索引…")
        elif not text.strip():
            message = self.tr(
                '输入要查找的文字：空格分隔多个词，OR 表示任一，"引号" 精确匹配，-词 排除'
            )
        elif not self._hits:
            message = self.tr("没有找到")
        else:
            message = self.tr("%1 个结果").replace("%1", str(len(self._hits)))
        self._status.setText(message)

    def _apply_notes(self) -> None:
        """Index the notes off the GUI thread; one job at a time, the latest notes win.

        Only while the 批注 scope is chosen: indexing a thousand notes keeps a
        thread busy (and the GIL contended) for a while, which an annotation
        made while reading should not pay for.
        """
        if self._index is None or self._notes is None:
            return
        if self._scope.currentData() != SearchScope.NOTES.value:
            self._notes_stale = True
            return
        self._notes_stale = False
        if self._notes_job is not None:
            self._notes_dirty = True
            return
        job = jobs.Job(partial(index_notes, self._index, list(self._notes)))
        job.signals.done.connect(self._on_notes_indexed)
        self._notes_job = job
        jobs.start(job)

    @Slot(object, object)
    def _on_notes_indexed(self, _key: None, index: ReportIndex) -> None:
        self._notes_job = None
        if self._notes_dirty or index is not self._index:  # changed, or another report's
            self._notes_dirty = False
            self._apply_notes()
        elif index is self._index and self._scope.currentData() == SearchScope.NOTES.value:
            self._run()

    @Slot(object, object)
    def _on_index_ready(self, report: Report, index: ReportIndex) -> None:
        if report is not self._report:
            return
        self._index = index
        self._apply_notes()
        self._run()

    @Slot(object, str)
    def _on_index_failed(self, report: Report, message: str) -> None:
        if report is self._report:
            self._failure = message
            self._show_status()

    # -- moving and opening ----------------------------------------------------------

    @Slot(int)
    def _on_move(self, step: int) -> None:
        rows = self._model.hit_indexes()
        if not rows:
            return
        current = self._view.currentIndex()
        at = next((i for i, r in enumerate(rows) if r == current), -1)
        target = rows[max(0, min(len(rows) - 1, at + step if at >= 0 else 0))]
        self._view.setCurrentIndex(target)
        self._view.scrollTo(target)

    @Slot()
    def _on_activate_current(self) -> None:
        if self._timer.isActive():
            self._run()  # Enter right after typing: search first
        current = self._view.currentIndex()
        if not current.isValid() or current.data(HIT_ROLE) is None:
            rows = self._model.hit_indexes()
            if not rows:
                return
            current = rows[0]
        self._on_result_activated(current)

    @Slot(QModelIndex)
    def _on_result_activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, Hit):
            return
        unit = hit.unit
        if unit.kind == "paragraph":
            self.result_activated.emit(unit.id, list(hit.spans))
        elif unit.kind == "heading":
            self.section_activated.emit(unit.id)
            self.result_activated.emit(unit.id, list(hit.spans))
        elif unit.kind == "glossary":
            entry = self._terms.get(unit.id)
            if entry is not None:
                self.term_activated.emit(entry)
        elif unit.kind == "note":
            self.note_activated.emit(unit.id)
