"""Opening what the 书架 window asks for: a report, or a report at a search hit.

The report is read in the background when it is not the one being read (its
file, or the bundled report); the hit (a paragraph, or a heading's section) is
shown once the report is open, the words found marked as the search pane marks
them. A file that no longer holds the report put on the shelf opens as it is,
and the status bar says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from haizhu_reader.core.library.store import LibraryEntry
    from haizhu_reader.core.report import Report
    from haizhu_reader.gui.reader.view import ReaderView


class ShelfOpening(QObject):
    """Opens shelf entries and hits in ``window`` (``open_file(path)``, ``open_bundled()``
    read a report in the background; the window calls ``report_opened`` for each)."""

    def __init__(
        self,
        window: QMainWindow,
        reader: ReaderView,
        current: Callable[[], Report | None],
        open_file: Callable[[Path], None],
        open_bundled: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._reader = reader
        self._current = current
        self._open_file = open_file
        self._open_bundled = open_bundled
        self._pending: tuple[str, str, list[tuple[int, int]]] | None = None

    @Slot(object)
    def open_entry(self, entry: LibraryEntry) -> None:
        """A report chosen on the shelf: shown in the window, in front."""
        self.open_hit(entry, "", [])

    @Slot(object, str, list)
    def open_hit(self, entry: LibraryEntry, target: str, spans: list[tuple[int, int]]) -> None:
        """The entry's report at ``target`` (a paragraph, or a heading's section) with
        ``spans`` marked; opened first if it is not the one being read."""
        self._window.activateWindow()
        self._window.raise_()
        report = self._current()
        if report is not None and report.content_hash == entry.content_hash:
            self._show(target, spans)
            return
        self._pending = (entry.content_hash, target, spans)
        if entry.path is None:
            self._open_bundled()
        else:
            self._open_file(entry.path)

    @Slot(object)
    def report_opened(self, report: Report) -> None:
        """A report is on screen: the hit it was opened for, if any, is shown."""
        pending, self._pending = self._pending, None
        if pending is None:
            return
        content_hash, target, spans = pending
        if content_hash == report.content_hash:
            self._show(target, spans)
        else:
            self._window.statusBar().showMessage(
                self.tr("此报告文件已更改，与书架上的不同；请重新加入书架"), 5000
            )

    def _show(self, target: str, spans: list[tuple[int, int]]) -> None:
        if target:
            self._reader.show_section(target)  # a heading's section; nothing for a paragraph
            self._reader.show_found(target, spans, "search")
