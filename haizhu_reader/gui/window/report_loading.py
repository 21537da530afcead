"""Reading and parsing a report file off the GUI thread (File › Open, a dropped file).

Loaded when the first file is opened: the window starts from the parse cache.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from haizhu_reader.core.errors import ReportError


class LoadSignals(QObject):
    loaded = Signal(object, object)  # path, Report
    failed = Signal(object, str, str)  # path, Chinese message, English message


class LoadJob(QRunnable):
    """Reads and parses a report file (None: the bundled report) off the GUI thread."""

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.signals = LoadSignals()
        self._path = path
        self.done = False

    def run(self) -> None:
        from haizhu_reader.core.parse import bundled_report, load_report

        try:
            report = load_report(self._path) if self._path else bundled_report()
        except ReportError as e:
            self.signals.failed.emit(self._path, e.zh, e.en)
        except Exception as e:  # a parser bug must not leave the window waiting forever
            error = ReportError.unexpected(e)
            self.signals.failed.emit(self._path, error.zh, error.en)
        else:
            self.signals.loaded.emit(self._path, report)
        finally:
            self.done = True
