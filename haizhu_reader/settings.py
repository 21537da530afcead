"""Typed accessors over QSettings: window state and small preferences only.

The settings live in an INI file at ``AppPaths.settings_file`` (not the
platform registry) so ``--data-dir`` isolates them like everything else, and a
user can delete one file to reset the window. User data never goes here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_OPEN_DIR = "files/open_dir"


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
        value = self._qs.value(_OPEN_DIR)
        if isinstance(value, str) and value:
            return Path(value)
        return None

    def set_open_dir(self, folder: Path) -> None:
        self._qs.setValue(_OPEN_DIR, str(folder))

    def sync(self) -> None:
        """Write to disk now (QSettings otherwise writes at an unspecified later time)."""
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._qs.sync()
