"""Typed accessors over QSettings: window state and small preferences only.

The settings live in an INI file at ``AppPaths.settings_file`` (not the
platform registry) so ``--data-dir`` isolates them like everything else, and a
user can delete one file to reset the window. User data never goes here.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QByteArray, QSettings

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_OPEN_DIR = "files/open_dir"
_DIALOGS = "dialogs"  # the folder each kind of file dialog was last used in
_LANGUAGE = "ui/language"
_THEME = "view/theme"
_FONT_FAMILY = "view/font_family"
_LINE_HEIGHT = "view/line_height"
_FIGURE_TINTS = "view/figure_tints"
_CARET_BROWSING = "view/caret_browsing"
_ZOOM = "view/zoom"
_UI_TEXT_SIZE = "view/ui_text_size"
_PLACES = "places"  # one group per report, named by its content hash
_RECENT = "files/recent"  # an array of paths, most recent first
_LAST = "files/last_report"  # the report being read at the end: a path, "" the bundled one
MAX_RECENT = 10
MAX_PLACES = 50  # reports whose place is remembered; the least recently read go first


class ReadingPlace(NamedTuple):
    """Where a report was left: the top line (paragraph or section id, offset).

    The text size is not a report's: it is one preference (``zoom``).
    """

    target: str
    offset: int


LANGUAGES = ("auto", "zh_CN", "en")
UI_TEXT_SIZES = (100, 125, 150, 175)  # the interface's text size, in percent


class Settings:
    """The app's QSettings, one typed method per key."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        return self._path

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._qs.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            return value
        return None

    def window_geometry(self) -> QByteArray | None:
        return self._bytes(_GEOMETRY)

    def set_window_geometry(self, data: QByteArray) -> None:
        self._qs.setValue(_GEOMETRY, data)

    def window_state(self) -> QByteArray | None:
        """``QMainWindow.saveState()``: which docks are shown, where and how wide."""
        return self._bytes(_STATE)

    def set_window_state(self, data: QByteArray) -> None:
        self._qs.setValue(_STATE, data)

    def open_dir(self) -> Path | None:
        """The folder of the last report the user opened, for the next Open dialog."""
        return self.dialog_folder("report")

    def set_open_dir(self, folder: Path) -> None:
        self.set_dialog_folder("report", folder)

    def dialog_folder(self, kind: str) -> Path | None:
        """The folder a kind of file dialog was last used in ("report": File › 打开报告…)."""
        value = self._str(_OPEN_DIR if kind == "report" else f"{_DIALOGS}/{kind}")
        return Path(value) if value else None

    def set_dialog_folder(self, kind: str, folder: Path) -> None:
        self._qs.setValue(_OPEN_DIR if kind == "report" else f"{_DIALOGS}/{kind}", str(folder))

    def last_report(self) -> Path | None:
        """The report file read last, for a start without a file (None: the bundled one)."""
        value = self._str(_LAST)
        return Path(value) if value else None

    def set_last_report(self, path: Path | None) -> None:
        self._qs.setValue(_LAST, str(path.absolute()) if path is not None else "")

    def language(self) -> str:
        """The interface language chosen in View › 界面语言: "auto", "zh_CN" or "en"."""
        value = self._qs.value(_LANGUAGE)
        return value if isinstance(value, str) and value in LANGUAGES else "auto"

    def set_language(self, value: str) -> None:
        self._qs.setValue(_LANGUAGE, value if value in LANGUAGES else "auto")

    def _int(self, key: str, default: int) -> int:
        """An int (an INI file gives it back as text); ``default`` if absent or not a number."""
        try:
            return int(str(self._qs.value(key, default)))
        except ValueError:
            return default

    def _str(self, key: str, default: str = "") -> str:
        value = self._qs.value(key)
        return value if isinstance(value, str) else default

    def theme(self) -> str:
        """View › 主题: "system" (the default), "light", "sepia" or "dark"."""
        return self._str(_THEME, "system")

    def set_theme(self, name: str) -> None:
        self._qs.setValue(_THEME, name)

    def font_family(self) -> str:
        """View › 字体: the reading font's family; "" lets the reader choose."""
        return self._str(_FONT_FAMILY)

    def set_font_family(self, family: str) -> None:
        self._qs.setValue(_FONT_FAMILY, family)

    def line_height(self, default: int) -> int:
        """View › 行距, in percent."""
        return self._int(_LINE_HEIGHT, default)

    def set_line_height(self, percent: int) -> None:
        self._qs.setValue(_LINE_HEIGHT, percent)

    def figure_tints(self) -> bool:
        """Whether every key figure in the text is tinted (View menu); off by default."""
        return self._qs.value(_FIGURE_TINTS, "false") in ("true", True)

    def set_figure_tints(self, on: bool) -> None:
        self._qs.setValue(_FIGURE_TINTS, "true" if on else "false")

    def caret_browsing(self) -> bool:
        """Whether the reading view has a caret the arrow keys move (F7); off by default."""
        return self._qs.value(_CARET_BROWSING, "false") in ("true", True)

    def set_caret_browsing(self, on: bool) -> None:
        self._qs.setValue(_CARET_BROWSING, "true" if on else "false")

    def zoom(self) -> int:
        """The text size last chosen, in percent: every report opens at it."""
        return self._int(_ZOOM, 100)

    def set_zoom(self, percent: int) -> None:
        self._qs.setValue(_ZOOM, percent)

    def ui_text_size(self) -> int:
        """View › 界面文字大小: the interface's text, in percent of the system's size."""
        value = self._int(_UI_TEXT_SIZE, 100)
        return value if value in UI_TEXT_SIZES else 100

    def set_ui_text_size(self, percent: int) -> None:
        self._qs.setValue(_UI_TEXT_SIZE, percent if percent in UI_TEXT_SIZES else 100)

    def reading_place(self, report_hash: str) -> ReadingPlace | None:
        """Where the report with this content hash was left, if it was read before."""
        if not report_hash:
            return None
        group = f"{_PLACES}/{report_hash[:32]}"
        target = self._str(f"{group}/target")
        if not target:
            return None
        return ReadingPlace(target, self._int(f"{group}/offset", 0))

    def set_reading_place(self, report_hash: str, place: ReadingPlace) -> None:
        """Remember a report's place; the oldest beyond ``MAX_PLACES`` reports are forgotten."""
        if not report_hash:
            return
        key = report_hash[:32]
        self._qs.beginGroup(_PLACES)
        try:
            self._qs.setValue(f"{key}/target", place.target)
            self._qs.setValue(f"{key}/offset", place.offset)
            self._qs.remove(f"{key}/zoom")  # an older version kept a size per report
            self._qs.setValue(f"{key}/used", time.time_ns())
            groups = self._qs.childGroups()
            if len(groups) > MAX_PLACES:
                used = {g: self._int(f"{g}/used", 0) for g in groups}
                for g in sorted(groups, key=used.__getitem__)[: len(groups) - MAX_PLACES]:
                    self._qs.remove(g)
        finally:
            self._qs.endGroup()

    def recent_files(self) -> list[Path]:
        """File › 最近打开: report files opened lately, most recent first."""
        return [path for path, _ in self.recent_entries()]

    def recent_entries(self) -> list[tuple[Path, str]]:
        """The recent files with the titles of their reports ("" when not known)."""
        count = self._qs.beginReadArray(_RECENT)
        try:
            entries = []
            for i in range(min(count, MAX_RECENT)):
                self._qs.setArrayIndex(i)
                value = self._qs.value("path")
                title = self._qs.value("title")
                if isinstance(value, str) and value:
                    entries.append((Path(value), title if isinstance(title, str) else ""))
            return entries
        finally:
            self._qs.endArray()

    def set_recent_files(self, paths: list[Path], titles: Mapping[Path, str] = {}) -> None:
        """The recent files, each with its report's title: from ``titles``, else the one
        already kept for that path."""
        known = {str(p): t for p, t in self.recent_entries()}
        known.update({str(p): t for p, t in (titles or {}).items()})
        self._qs.remove(_RECENT)  # no stale entries beyond the new size
        self._qs.beginWriteArray(_RECENT, min(len(paths), MAX_RECENT))
        try:
            for i, path in enumerate(paths[:MAX_RECENT]):
                self._qs.setArrayIndex(i)
                self._qs.setValue("path", str(path))
                if known.get(str(path)):
                    self._qs.setValue("title", known[str(path)])
        finally:
            self._qs.endArray()

    def sync(self) -> None:
        """Write to disk now (QSettings otherwise writes at an unspecified later time)."""
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._qs.sync()
