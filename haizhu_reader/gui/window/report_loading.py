"""Opening report files in the window: read and parsed off the GUI thread.

File › 打开报告…, a recent file, a dropped file or the bundled report. The
window starts from the parse cache (``launch``), so this module is loaded when
the first file is opened. While a file loads the status bar says so; a file
that cannot be opened leaves the current report in place and says why.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from haizhu_reader.core.errors import ReportError
from haizhu_reader.core.report import Report
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.dialogs import Messages, OpenReportDialog
from haizhu_reader.gui.common.language import bilingual

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from haizhu_reader.settings import Settings


def read_report(path: Path | None) -> Report:
    """A report file parsed (None: the bundled report); a job's work."""
    from haizhu_reader.core.parse import bundled_report, load_report

    return load_report(path) if path else bundled_report()


class ReportLoader(QObject):
    """Loads report files for ``window`` as the user asks.

    Signals:
        loaded(object, object): a Report was read, and its path (None: the bundled one).
    """

    loaded = Signal(object, object)

    def __init__(self, window: QMainWindow, settings: Settings | None) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._pending: jobs.JobSignals | None = None

    def is_loading(self) -> bool:
        return self._pending is not None

    @Slot()
    def open_file_dialog(self) -> None:
        start = self._settings.open_dir() if self._settings else None
        path = OpenReportDialog.ask(self._window, start)
        if path is not None:
            self.open_file(path)

    @Slot()
    def open_bundled(self) -> None:
        self._start(None)

    @Slot(object)
    def open_file(self, path: Path) -> None:
        if self._settings is not None:
            self._settings.set_open_dir(path.parent)
        self._start(path)

    def _start(self, path: Path | None) -> None:
        job = jobs.Job(partial(read_report, path), key=path)
        self._pending = job.signals
        job.signals.done.connect(self._on_loaded)
        job.signals.failed.connect(self._on_failed)
        self._window.statusBar().showMessage(
            self.tr("正在打开 %1…").replace("%1", path.name if path else "")
        )
        jobs.start(job)

    @Slot(object, object)
    def _on_loaded(self, path: Path | None, report: Report) -> None:
        self._pending = None
        self._window.statusBar().clearMessage()
        self.loaded.emit(report, path)

    @Slot(object, object)
    def _on_failed(self, _path: Path | None, error: Exception) -> None:
        """A parser bug is told like bad input: the window must not wait forever."""
        self._pending = None
        self._window.statusBar().clearMessage()
        e = error if isinstance(error, ReportError) else ReportError.unexpected(error)
        Messages.error(self._window, self.tr("无法打开报告"), *bilingual(e.zh, e.en))
