"""Remembering where each report was left: its top line.

Per report (by content hash, so a copy of the same report in another file or
encoding is the same report), in ``Settings``. The place is a paragraph or
section id with an offset, not a scroll value, so it survives a different
window size or text size. The text size itself is one preference for every
report (``Settings.zoom``), set before a report's first paint. The place is
written when the report is replaced, when the window closes, and a few seconds
after reading stops (a crash loses little).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Slot

from haizhu_reader.core.report import Report
from haizhu_reader.gui.reader.view import ReaderView
from haizhu_reader.settings import ReadingPlace, Settings

SAVE_DELAY_MS = 3000


class ReadingPlaces(QObject):
    """Restores a report's place (and the one text size) when it is opened; saves
    the place as the user reads, and the size as the user changes it."""

    def __init__(self, reader: ReaderView, settings: Settings | None, parent: QObject) -> None:
        super().__init__(parent)
        self._reader = reader
        self._settings = settings
        self._hash = ""  # the report the reader shows
        self._place: ReadingPlace | None = None  # its place, as last seen
        self._opening = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)

    @Slot(object)
    def show_report(self, report: Report) -> None:
        """After the reader has the new report: keep the last one's place, restore this one's.

        The text size is set before the first paint and the place is applied
        as the view gets its size, so the report opens where it was left.
        """
        self._write()  # the report being replaced, as last seen
        self._hash = report.content_hash
        self._place = None
        settings = self._settings
        if settings is None:
            return
        place = settings.reading_place(self._hash)
        self._opening = True
        try:
            self._reader.set_zoom(settings.zoom())
        finally:
            self._opening = False
        if place is not None:
            self._reader.restore_place(place.target, place.offset)

    @Slot()
    def note_position(self) -> None:
        """The reader moved: remember where, and write it once reading pauses."""
        where = self._reader.reading_place()
        if where is None or self._settings is None:
            return
        self._place = ReadingPlace(where[0], where[1])
        self._timer.start()

    @Slot(int)
    def note_zoom(self, percent: int) -> None:
        """The user changed the text size: every report opens at it from now on."""
        if self._settings is not None and not self._opening:
            self._settings.set_zoom(percent)
            self.note_position()

    @Slot()
    def save(self) -> None:
        """Write the place now (the window is closing, or reading paused)."""
        if self._reader.report() is not None:
            self.note_position()  # before the first paint: the place still to be shown
        self._write()

    def _write(self) -> None:
        self._timer.stop()
        if self._settings is None or self._place is None or not self._hash:
            return
        self._settings.set_reading_place(self._hash, self._place)
        self._settings.sync()
