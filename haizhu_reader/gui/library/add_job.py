"""Adding files to the shelf from the window: the batch off the GUI thread, its progress and
the list of files refused.

The batch (``core.library.adding.ShelfAdder``: parsing in processes on every
core) runs in a job on a pool of its own, so the panes' jobs keep the global
pool's threads, and writes through a connection of its own, so the window's
reads never wait for it. Progress reaches the GUI thread by a queued signal,
at most twenty times a second.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.library.adding import AddSummary, Refused, ShelfAdder
from haizhu_reader.core.library.store import LibraryStore
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.language import pick

_PROGRESS_EVERY_S = 0.05


class AddJob(QObject):
    """One batch of files being put on the shelf; ``start`` it, ``cancel`` it.

    Signals:
        progressed(int, int, str): files handled so far, files in all, the last one's name.
        finished(object): the ``AddSummary`` (also when cancelled).
        failed(str): the batch stopped on an error (the shelf could not be written).
    """

    progressed = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        store: LibraryStore,
        library_db: Path | None,
        paths: Sequence[Path],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._db = library_db
        self._paths = list(paths)
        self._adder: ShelfAdder | None = None
        self._cancelled = False
        self._last = 0.0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._job: jobs.Job | None = None

    def start(self) -> None:
        job = jobs.Job(self._work)
        job.signals.done.connect(self._on_done)
        job.signals.failed.connect(self._on_failed)
        self._job = job
        jobs.start(job, self._pool)

    @Slot()
    def cancel(self) -> None:
        """Stop after the files being parsed now; what was added stays on the shelf."""
        self._cancelled = True
        if self._adder is not None:
            self._adder.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the batch is over (tests, closing the window)."""
        return self._pool.waitForDone(msecs)

    # -- on the job's thread ------------------------------------------------------------

    def _work(self) -> AddSummary:
        # Its own connection to the file, so the window's reads never wait for a write.
        own = LibraryStore.open(self._db, bundled=False) if self._db is not None else None
        try:
            adder = ShelfAdder(own or self._store, self._paths, progress=self._progress)
            self._adder = adder
            if self._cancelled:
                adder.cancel()
            return adder.run()
        finally:
            if own is not None:
                own.close()

    def _progress(self, summary: AddSummary, path: Path | None) -> None:
        now = time.monotonic()
        if now - self._last >= _PROGRESS_EVERY_S or summary.done == summary.total:
            self._last = now
            self.progressed.emit(summary.done, summary.total, path.name if path else "")

    # -- back on the GUI thread ---------------------------------------------------------

    @Slot(object, object)
    def _on_done(self, _key: object, summary: AddSummary) -> None:
        self.finished.emit(summary)

    @Slot(object, object)
    def _on_failed(self, _key: object, error: Exception) -> None:
        self.failed.emit(str(error) or type(error).__name__)


class RefusedDialog(QDialog):
    """The files a batch could not put on the shelf, each with its reason (selectable text)."""

    def __init__(self, refused: Sequence[Refused], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui(refused)

    def _setup_ui(self, refused: Sequence[Refused]) -> None:
        self.setWindowTitle(self.tr("未能加入书架的文件"))
        self.setAccessibleName(self.tr("未能加入书架的文件"))
        self.resize(720, 420)
        label = QLabel(
            self.tr("以下 %1 个文件未能加入书架，其余文件不受影响：").replace(
                "%1", str(len(refused))
            ),
            self,
        )
        label.setWordWrap(True)
        text = QPlainTextEdit(self)
        text.setObjectName("refused_list")
        text.setAccessibleName(self.tr("未能加入的文件及原因"))
        text.setReadOnly(True)
        text.setPlainText("\n".join(f"{r.path}\n    {pick(r.zh, r.en)}" for r in refused))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)

    @classmethod
    def show_list(cls, parent: QWidget | None, refused: Sequence[Refused]) -> None:
        """Show the list and wait until it is closed (tests replace this)."""
        dialog = cls(refused, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
