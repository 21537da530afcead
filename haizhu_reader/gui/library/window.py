"""The 书架 window: the reports on this PC grouped by place, adding more, search across them.

Two tabs: 报告 (the shelf, grouped by place and newest first, with its filters;
open a report in the reader, add files or a folder, take reports off) and 搜索
(``search_tab``). Adding shows its progress below both, with a count and a
cancel button; the files it could not add are listed at the end, each with its
reason. The shelf is opened, listed and searched off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.library.store import LibraryEntry, LibraryError, LibraryStore
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.dialogs import Messages
from haizhu_reader.gui.common.language import bilingual, pick
from haizhu_reader.gui.library.add_job import AddJob, RefusedDialog
from haizhu_reader.gui.library.filters import FilterBar
from haizhu_reader.gui.library.labels import summary_text
from haizhu_reader.gui.library.progress_row import AddingProgress
from haizhu_reader.gui.library.search_tab import ShelfSearchTab
from haizhu_reader.gui.library.shelf_model import (
    DATE,
    ENTRY_ROLE,
    FILE,
    LEVEL,
    TITLE,
    YEAR,
    ShelfModel,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QKeyEvent

    from haizhu_reader.core.library.adding import AddSummary


def open_store(library_db: Path | None) -> LibraryStore:
    """A job's work: the shelf (created, with the bundled report, on first use)."""
    if library_db is None:
        return LibraryStore.in_memory_store(bundled=True)
    return LibraryStore.open(library_db)


def list_entries(store: LibraryStore) -> list[LibraryEntry]:
    """A job's work: every report, each file looked for (a network drive may be slow)."""
    return store.entries()


class AskPaths:
    """The file choosers of 添加文件… and 添加文件夹… (tests replace them)."""

    @classmethod
    def files(cls, parent: QWidget) -> list[Path]:
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("library", "添加报告到书架"),
            str(Path.home()),
            QCoreApplication.translate("library", "报告文本 (*.txt *.md *.markdown);;所有文件 (*)"),
        )
        return [Path(n) for n in names]

    @classmethod
    def folder(cls, parent: QWidget) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(
            parent,
            QCoreApplication.translate("library", "添加文件夹中的报告到书架"),
            str(Path.home()),
        )
        return Path(name) if name else None

    @classmethod
    def confirm_remove(cls, parent: QWidget, count: int) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("library", "从书架移除"),
            QCoreApplication.translate(
                "library", "从书架移除所选的 %1 份报告？文件本身不会被删除。"
            ).replace("%1", str(count)),
        )
        return answer == QMessageBox.StandardButton.Yes


class ShelfWindow(QWidget):
    """The shelf (see the module). ``show_shelf`` opens it; the reader opens what it asks.

    Signals:
        report_requested(object): open this ``LibraryEntry``'s report in the reader.
        hit_requested(object, str, list): open the entry's report at this paragraph (or
            section) id, marking these [(start, end)] spans.
        entries_changed(object): the shelf was listed afresh (a list of ``LibraryEntry``).
    """

    report_requested = Signal(object)
    hit_requested = Signal(object, str, list)
    entries_changed = Signal(object)

    def __init__(self, library_db: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._db = library_db
        self._store: LibraryStore | None = None
        self._opening = False
        self._listing = 0
        self._adding: AddJob | None = None
        self._queued: list[Path] = []
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self.setObjectName("shelf_window")
        self.setWindowTitle(self.tr("书架 — 海珠报告阅读器"))
        self.setAccessibleName(self.tr("书架"))
        self.setAcceptDrops(True)
        self.resize(1000, 680)
        self._tabs = QTabWidget(self)
        self._tabs.setObjectName("shelf_tabs")
        self._tabs.setAccessibleName(self.tr("书架"))
        self._tabs.tabBar().setAccessibleName(self.tr("书架的页面：报告、搜索全部报告"))

        reports = QWidget(self)
        self._filters = FilterBar(reports)
        self._model = ShelfModel(self)
        self._tree = QTreeView(reports)
        self._tree.setObjectName("shelf_reports")
        self._tree.setAccessibleName(self.tr("书架上的报告"))
        self._tree.setAccessibleDescription(self.tr("按回车在阅读窗口中打开所选报告"))
        self._tree.setModel(self._model)
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._tree.setAllColumnsShowFocus(True)
        self._tree.setUniformRowHeights(True)
        header = self._tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        # Widths from sample text, not ResizeToContents: that measures every row at
        # every reset, a second and more for a thousand reports.
        metrics = self._tree.fontMetrics()
        cjk = metrics.height()  # a CJK character is about as wide as a line is high
        widths = {
            YEAR: metrics.horizontalAdvance("20266"),
            DATE: metrics.horizontalAdvance("2026-12-300"),
            LEVEL: 6 * cjk,  # 地区、州、盟
            FILE: 16 * cjk,
        }
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width + 16)
        self._add_files = self._button("shelf_add_files", self.tr("添加文件(&F)…"))
        self._add_folder = self._button("shelf_add_folder", self.tr("添加文件夹(&D)…"))
        self._open = self._button("shelf_open", self.tr("在阅读窗口中打开(&O)"))
        self._remove = self._button("shelf_remove", self.tr("从书架移除(&R)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self._add_files)
        buttons.addWidget(self._add_folder)
        buttons.addStretch(1)
        buttons.addWidget(self._open)
        buttons.addWidget(self._remove)
        page = QVBoxLayout(reports)
        page.addWidget(self._filters)
        page.addWidget(self._tree, 1)
        page.addLayout(buttons)
        self._search = ShelfSearchTab(self)
        self._tabs.addTab(reports, self.tr("报告(&1)"))
        self._tabs.addTab(self._search, self.tr("搜索全部报告(&2)"))

        self._progress_row = AddingProgress(self)
        self._status = QLabel(self)
        self._status.setObjectName("shelf_status")
        self._status.setAccessibleName(self.tr("书架状态"))
        self._status.setWordWrap(True)
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self._tabs, 1)
        layout.addWidget(self._progress_row)
        layout.addWidget(self._status)
        # The reader's keys for the shelf work here too; Ctrl+F goes to the tab's box.
        self._to_reports = QShortcut(QKeySequence("Ctrl+Shift+L"), self)
        self._to_search = QShortcut(QKeySequence("Ctrl+Shift+G"), self)
        self._to_box = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self._update_buttons()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("(&", "").split(")")[0].rstrip("…"))
        return button

    def _connect(self) -> None:
        self._filters.changed.connect(self._on_filters_changed)
        self._tree.activated.connect(self._on_report_activated)
        self._tree.selectionModel().selectionChanged.connect(self._update_buttons)
        self._add_files.clicked.connect(self._on_add_files)
        self._add_folder.clicked.connect(self._on_add_folder)
        self._open.clicked.connect(self._on_open_clicked)
        self._remove.clicked.connect(self._on_remove)
        self._progress_row.cancel_requested.connect(self.cancel_adding)
        self._search.hit_activated.connect(self.hit_requested)
        self._model.modelReset.connect(self._tree.expandAll)
        self._to_reports.activated.connect(lambda: self.show_shelf("reports"))
        self._to_search.activated.connect(lambda: self.show_shelf("search"))
        self._to_box.activated.connect(self._focus_box)

    # -- public ---------------------------------------------------------------------------

    def show_shelf(self, tab: str = "reports") -> None:
        """Show the window (the shelf opened on first use), on the 报告 or 搜索 tab."""
        self._ensure_store()
        self._tabs.setCurrentIndex(1 if tab == "search" else 0)
        self.show()
        self.raise_()
        self.activateWindow()
        if tab == "search":
            self._search.take_focus()
        else:
            self._tree.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _focus_box(self) -> None:
        if self._tabs.currentWidget() is self._search:
            self._search.take_focus()
        elif self._filters.text is not None:
            self._filters.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self._filters.text.selectAll()

    def add_paths(self, paths: Sequence[Path]) -> None:
        """Put files and folders on the shelf (queued behind a batch already running)."""
        if not paths:
            return
        self._queued.extend(paths)
        if self._store is None:
            self._ensure_store()  # the batch starts once the shelf is open
        elif self._adding is None:
            self._start_adding()

    def store(self) -> LibraryStore | None:
        return self._store

    def model(self) -> ShelfModel:
        return self._model

    def search_tab(self) -> ShelfSearchTab:
        return self._search

    @property
    def filters(self) -> FilterBar:
        return self._filters

    def is_busy(self) -> bool:
        """Opening, listing or adding (tests wait for it)."""
        return self._opening or bool(self._listing) or self._adding is not None

    def status_text(self) -> str:
        return self._status.text()

    def refresh(self) -> None:
        """List the shelf afresh (files looked for again)."""
        if self._store is None:
            return
        self._listing += 1
        job = jobs.Job(partial(list_entries, self._store))
        job.signals.done.connect(self._on_listed)
        job.signals.failed.connect(self._on_list_failed)
        jobs.start(job)

    @Slot()
    def cancel_adding(self) -> None:
        self._queued.clear()
        if self._adding is not None:
            self._adding.cancel()
            self._progress_row.cancelling()

    def shutdown(self) -> None:
        """The reader is closing: stop adding, wait for it, close the shelf."""
        self.cancel_adding()
        if self._adding is not None:
            self._adding.wait(30000)
        QThreadPool.globalInstance().waitForDone(10000)
        if self._store is not None:
            self._store.close()

    # -- opening and listing ----------------------------------------------------------------

    def _ensure_store(self) -> None:
        if self._store is not None or self._opening:
            return
        self._opening = True
        self._status.setText(self.tr("正在打开书架…"))
        job = jobs.Job(partial(open_store, self._db))
        job.signals.done.connect(self._on_store_open)
        job.signals.failed.connect(self._on_store_failed)
        jobs.start(job)

    @Slot(object, object)
    def _on_store_open(self, _key: object, store: LibraryStore) -> None:
        self._opening = False
        self._store = store
        self._search.set_store(store)
        notices = [pick(n.zh, n.en) for n in store.notices]
        self._status.setText("\n".join(notices))
        for notice in store.notices:
            Messages.warning(self, self.tr("书架"), *bilingual(notice.zh, notice.en))
        self.refresh()
        if self._queued:
            self._start_adding()

    @Slot(object, object)
    def _on_store_failed(self, _key: object, error: Exception) -> None:
        self._opening = False
        self._queued.clear()
        if isinstance(error, LibraryError):
            text, detail = bilingual(error.zh, error.en)
        else:
            text, detail = str(error) or type(error).__name__, ""
        self._status.setText(self.tr("书架不可用：%1").replace("%1", text))
        Messages.error(self, self.tr("书架不可用"), text, detail)

    @Slot(object, object)
    def _on_listed(self, _key: object, entries: list[LibraryEntry]) -> None:
        self._listing -= 1
        self._model.set_entries(entries)
        self._filters.set_entries(entries)
        self._search.set_entries(entries)
        self.entries_changed.emit(entries)
        self._update_buttons()

    @Slot(object, object)
    def _on_list_failed(self, _key: object, error: Exception) -> None:
        self._listing -= 1
        self._status.setText(self.tr("无法列出书架：%1").replace("%1", str(error)))

    @Slot()
    def _on_filters_changed(self) -> None:
        self._model.set_view(self._filters.view())
        self._update_buttons()

    # -- adding ---------------------------------------------------------------------------

    @Slot()
    def _on_add_files(self) -> None:
        self.add_paths(AskPaths.files(self))

    @Slot()
    def _on_add_folder(self) -> None:
        folder = AskPaths.folder(self)
        if folder is not None:
            self.add_paths([folder])

    def _start_adding(self) -> None:
        assert self._store is not None
        paths, self._queued = self._queued, []
        job = AddJob(self._store, self._db, paths, self)
        job.progressed.connect(self._progress_row.show_progress)
        job.finished.connect(self._on_added)
        job.failed.connect(self._on_add_failed)
        self._adding = job
        self._progress_row.start()
        job.start()

    @Slot(object)
    def _on_added(self, summary: AddSummary) -> None:
        self._finish_adding(summary_text(summary))
        if summary.refused:
            RefusedDialog.show_list(self, summary.refused)

    @Slot(str)
    def _on_add_failed(self, message: str) -> None:
        self._finish_adding(self.tr("加入书架时出错：%1").replace("%1", message))

    def _finish_adding(self, text: str) -> None:
        job, self._adding = self._adding, None
        if job is not None:
            job.deleteLater()
        self._progress_row.finish()
        self._status.setText(text)
        self.refresh()
        if self._queued:
            self._start_adding()

    # -- opening and removing reports -------------------------------------------------------

    def _selected(self) -> list[LibraryEntry]:
        rows = self._tree.selectionModel().selectedRows(TITLE)
        entries = [r.data(ENTRY_ROLE) for r in rows]
        return [e for e in entries if isinstance(e, LibraryEntry)]

    @Slot()
    def _update_buttons(self) -> None:
        selected = self._selected()
        self._open.setEnabled(len(selected) == 1)
        self._remove.setEnabled(bool(selected))

    @Slot(QModelIndex)
    def _on_report_activated(self, index: QModelIndex) -> None:
        entry = index.siblingAtColumn(TITLE).data(ENTRY_ROLE)
        if isinstance(entry, LibraryEntry):
            self.open_entry(entry)

    @Slot()
    def _on_open_clicked(self) -> None:
        selected = self._selected()
        if len(selected) == 1:
            self.open_entry(selected[0])

    def open_entry(self, entry: LibraryEntry) -> None:
        """Ask the reader to open ``entry``'s report (a missing file says so instead)."""
        if entry.missing:
            Messages.information(
                self,
                self.tr("找不到文件"),
                self.tr(
                    "找不到文件：\n%1\n\n它可能已被移动、改名或删除。从新的位置再加入书架一次即可。"
                ).replace("%1", str(entry.path)),
            )
            return
        self.report_requested.emit(entry)

    @Slot()
    def _on_remove(self) -> None:
        selected = self._selected()
        if not selected or self._store is None or not AskPaths.confirm_remove(self, len(selected)):
            return
        for entry in selected:
            self._store.remove(entry.content_hash)
        self._status.setText(
            self.tr("已从书架移除 %1 份报告（文件未删除）").replace("%1", str(len(selected)))
        )
        self.refresh()

    # -- window events ----------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self._tree.hasFocus():
            self._on_remove()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing hides the window; a batch being added goes on."""
        event.accept()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)
