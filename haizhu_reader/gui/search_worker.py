"""Opening or building a report's search index off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal, Slot

from haizhu_reader.core.report import Report
from haizhu_reader.core.search import NoteText, ReportIndex
from haizhu_reader.gui import jobs


class _JobSignals(QObject):
    scanning = Signal(int, object)  # generation, a ReportIndex that scans, until the index
    finished = Signal(int, object)  # generation, ReportIndex
    failed = Signal(int, str)  # generation, message


class _IndexJob(QRunnable):
    """``ReportIndex.open_or_build`` on a pool thread (under a second on first run).

    When there is no cached index to open, a scanning index comes first: a large
    report's index takes a while to build (a minute for a 20,000-term glossary),
    and searching meanwhile reads every text, tens of milliseconds a search.
    """

    def __init__(self, generation: int, report: Report, index_dir: Path | None) -> None:
        super().__init__()
        self.signals = _JobSignals()
        self._generation = generation
        self._report = report
        self._index_dir = index_dir
        self.done = False
        self.cancelled = False  # set on the GUI thread; a queued job then does nothing

    def run(self) -> None:
        if self.cancelled:
            self.done = True
            return
        try:
            with jobs.gc_paused():
                if self._index_dir is None:
                    index = ReportIndex.in_memory(self._report)
                else:
                    cached = ReportIndex.open_cached(self._report, self._index_dir)
                    if cached is None:
                        scanning = ReportIndex.scanning(self._report)
                        self.signals.scanning.emit(self._generation, scanning)
                    index = cached or ReportIndex.open_or_build(self._report, self._index_dir)
        except Exception as e:  # SearchError, or a bug: the pane must not wait forever
            self.signals.failed.emit(self._generation, str(e) or type(e).__name__)
        else:
            self.signals.finished.emit(self._generation, index)
        finally:
            self.done = True


class IndexLoader(QObject):
    """Provides the search index of the current report, built in the background.

    ``load(report)`` starts opening (or building) the index in ``index_dir``
    (None: in memory, nothing written); ``ready`` follows when it can be
    searched: with no cached index, first with one that scans, then again with
    the index once built. A result for a report that is no longer current is
    closed and dropped.

    Signals:
        ready(object, object): the Report and its ReportIndex.
        failed(object, str): the Report, and why search is unavailable.
    """

    ready = Signal(object, object)
    failed = Signal(object, str)

    def __init__(self, index_dir: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._index_dir = index_dir
        self._generation = 0
        self._report: Report | None = None
        self._index: ReportIndex | None = None
        self._jobs: dict[int, _IndexJob] = {}

    def report(self) -> Report | None:
        return self._report

    def index(self) -> ReportIndex | None:
        """The current report's index, None while it is being prepared."""
        return self._index

    @Slot(object)
    def load(self, report: Report) -> None:
        if report is self._report:
            return
        self._generation += 1
        self._report = report
        if self._index is not None:
            self._index.close()
            self._index = None
        job = _IndexJob(self._generation, report, self._index_dir)
        job.signals.scanning.connect(self._on_scanning)
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._jobs[self._generation] = job
        jobs.start(job)

    def close(self) -> None:
        """Release the index (the window is closing); builds not yet started are skipped."""
        for job in self._jobs.values():
            job.cancelled = True
        self._generation += 1
        self._report = None

        if self._index is not None:
            self._index.close()
            self._index = None

    @Slot(int, object)
    def _on_scanning(self, generation: int, index: ReportIndex) -> None:
        """Search by scanning until the index is built (``ready`` again then)."""
        if generation == self._generation and self._report is not None:
            self._index = index
            self.ready.emit(self._report, index)

    @Slot(int, object)
    def _on_finished(self, generation: int, index: ReportIndex) -> None:
        self._jobs.pop(generation, None)
        if generation != self._generation or self._report is None:
            index.close()
            return
        self._index = index
        self.ready.emit(self._report, index)

    @Slot(int, str)
    def _on_failed(self, generation: int, message: str) -> None:
        self._jobs.pop(generation, None)
        if generation == self._generation and self._report is not None:
            self.failed.emit(self._report, message)


class _NotesSignals(QObject):
    done = Signal(object)  # the ReportIndex whose notes were replaced


class NotesJob(QRunnable):
    """``ReportIndex.set_notes`` on a pool thread: a thousand notes take ~150 ms to index.

    The index swaps its notes corpus in one assignment, so searches on the GUI
    thread meanwhile see the old notes or the new, never half of them.
    """

    def __init__(self, index: ReportIndex, notes: list[NoteText]) -> None:
        super().__init__()
        self.signals = _NotesSignals()
        self._index = index
        self._notes = notes
        self.done = False

    def run(self) -> None:
        try:
            with jobs.gc_paused():
                self._index.set_notes(self._notes)
            self.signals.done.emit(self._index)
        finally:
            self.done = True
