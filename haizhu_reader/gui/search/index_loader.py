"""Opening or building a report's search index off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from haizhu_reader.core.report import Report
from haizhu_reader.core.search.searching import NoteText, ReportIndex
from haizhu_reader.gui.common import jobs


def _open_index(report: Report, index_dir: Path | None) -> tuple[ReportIndex, bool]:
    """An index to search at once, and whether it is the final one (a job's work).

    The cached index (or, without a folder, one in memory) is final. Without a
    cached index a scanning one comes first: a large report's index takes a while
    to build (a minute for a 20,000-term glossary), and searching meanwhile reads
    every text, tens of milliseconds a search; ``_build_index`` follows.
    """
    if index_dir is None:
        return ReportIndex.in_memory(report), True
    cached = ReportIndex.open_cached(report, index_dir)
    if cached is not None:
        return cached, True
    return ReportIndex.scanning(report), False


def _build_index(report: Report, index_dir: Path) -> tuple[ReportIndex, bool]:
    """``ReportIndex.open_or_build`` (a job's work: under a second on first run)."""
    return ReportIndex.open_or_build(report, index_dir), True


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
        self._jobs: dict[int, jobs.Job] = {}

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
        self._start(partial(_open_index, report, self._index_dir))

    def _start(self, work: Callable[[], tuple[ReportIndex, bool]]) -> None:
        job = jobs.Job(work, key=self._generation)
        job.signals.done.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self._jobs[self._generation] = job
        jobs.start(job)

    def close(self) -> None:
        """Release the index (the window is closing); builds not yet started are skipped."""
        for job in self._jobs.values():
            job.cancel()
        self._generation += 1
        self._report = None

        if self._index is not None:
            self._index.close()
            self._index = None

    @Slot(object, object)
    def _on_finished(self, generation: int, result: tuple[ReportIndex, bool]) -> None:
        index, final = result
        self._jobs.pop(generation, None)
        if generation != self._generation or self._report is None:
            index.close()
            return
        self._index = index
        if not final and self._index_dir is not None:
            # Search by scanning until the index is built (``ready`` again then).
            self._start(partial(_build_index, self._report, self._index_dir))
        self.ready.emit(self._report, index)

    @Slot(object, object)
    def _on_failed(self, generation: int, error: Exception) -> None:
        """SearchError, or a bug: the pane must not wait forever."""
        self._jobs.pop(generation, None)
        if generation == self._generation and self._report is not None:
            self.failed.emit(self._report, str(error) or type(error).__name__)


def index_notes(index: ReportIndex, notes: list[NoteText]) -> ReportIndex:
    """``ReportIndex.set_notes`` (a job's work: a thousand notes take ~150 ms to index).

    The index swaps its notes corpus in one assignment, so searches on the GUI
    thread meanwhile see the old notes or the new, never half of them.
    """
    index.set_notes(notes)
    return index
