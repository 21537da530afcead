"""File › 最近打开: the report files opened lately, kept in ``Settings``, and the one
read last (a start without a file reopens it: ``launch``).

The menu names each by its report's title, as the shelf lists it (佛山市2023年政府
工作报告, not 2023.md); its path is the tooltip. The list is read from the settings
each time the menu opens, so a second window never shows a stale one. Files are
not looked at when the menu opens (a network drive that is gone can take seconds
to answer); choosing one that has gone since says so and takes it off the list.
"""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from haizhu_reader.gui.common.dialogs import Messages
from haizhu_reader.settings import MAX_RECENT, Settings

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from haizhu_reader.core.report import Report

_PARENT_CHARS = 48  # a long folder is shortened in the middle to about this many characters


def pushed(paths: list[Path], path: Path, limit: int = MAX_RECENT) -> list[Path]:
    """``paths`` with ``path`` moved (or added) to the front, at most ``limit`` long."""
    key = _key(path)
    return [path, *(p for p in paths if _key(p) != key)][:limit]


def dropped_file(event: QDropEvent | QDragEnterEvent) -> Path | None:
    """The one local file dragged over or dropped on the window, if it is one."""
    urls = event.mimeData().urls()
    return Path(urls[0].toLocalFile()) if len(urls) == 1 and urls[0].isLocalFile() else None


def _key(path: Path) -> str:
    return os.path.normcase(path.absolute())


def _shorten(text: str, limit: int = _PARENT_CHARS) -> str:
    if len(text) <= limit:
        return text
    half = (limit - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def entry_text(number: int, path: Path, title: str = "") -> str:
    """The menu text: a mnemonic number and the report's title; without a title, the file
    name and its folder (``&`` escaped)."""
    mnemonic = f"&{number}" if number < 10 else f"1&{number - 10}"  # 10 -> 1&0
    if title:
        return f"{mnemonic} {title.replace('&', '&&')}"
    name = path.name.replace("&", "&&")
    folder = _shorten(str(path.parent)).replace("&", "&&")
    return f"{mnemonic} {name}  ({folder})"


class RecentFilesMenu(QMenu):
    """The recent-files submenu; ``add`` records a file that was opened.

    Without settings (a screenshot run) it stays empty and disabled.

    Signals:
        file_chosen(object): the user chose a file (a ``Path``) that still exists.
    """

    file_chosen = Signal(object)

    def __init__(self, settings: Settings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self.setObjectName("recent_files_menu")
        self.setTitle(self.tr("最近打开(&T)"))
        self.setAccessibleName(self.tr("最近打开的报告"))
        self.setToolTipsVisible(True)  # the full path
        self.setEnabled(self._settings is not None)  # not in a screenshot run
        self._entries: list[QAction] = []
        self._separator = self.addSeparator()
        self._clear_action = self.addAction(self.tr("清除列表(&C)"))
        self._rebuild()

    def _connect(self) -> None:
        self.aboutToShow.connect(self._rebuild)
        self._clear_action.triggered.connect(self.clear_list)

    def entries(self) -> list[QAction]:
        """The menu's file entries, most recent first (tests)."""
        return list(self._entries)

    def paths(self) -> list[Path]:
        return self._settings.recent_files() if self._settings is not None else []

    def opened(self, path: Path | None, report: Report | None = None) -> None:
        """A report was opened from ``path`` (None: the bundled one): it is the one a
        start without a file reopens, and a file goes first in the list."""
        if self._settings is None:
            return
        self._settings.set_last_report(path)
        if path is not None:  # by dialog, drop, command line or this list
            self.add(path, report)

    def add(self, path: Path, report: Report | None = None) -> None:
        """Put ``path`` first in the list (a file the user just opened, ``report`` its report).

        The title is the report's own at once, the shelf's (naming the place and year)
        right after: describing the report is not for the window's first paint.
        """
        if self._settings is None:
            return
        path = path.absolute()
        titles = {path: report.title} if report is not None else {}
        self._settings.set_recent_files(pushed(self.paths(), path), titles)
        self._rebuild()
        if report is not None:
            QTimer.singleShot(0, self, partial(self._name, path, report))

    def _name(self, path: Path, report: Report) -> None:
        from haizhu_reader.core.library.metadata import describe

        if self._settings is not None and path in self.paths():
            self._settings.set_recent_files(self.paths(), {path: describe(report).title})
            self._rebuild()

    @Slot()
    def clear_list(self) -> None:
        if self._settings is not None:
            self._settings.set_recent_files([])
        self._rebuild()

    @Slot()
    def _rebuild(self) -> None:
        for action in self._entries:
            self.removeAction(action)
            action.deleteLater()
        self._entries = []
        entries = self._settings.recent_entries() if self._settings is not None else []
        paths = [path for path, _ in entries]
        for number, (path, title) in enumerate(entries, start=1):
            action = QAction(entry_text(number, path, title), self)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setData(str(path))
            action.triggered.connect(self._on_entry)
            self._entries.append(action)
        self.insertActions(self._separator, self._entries)
        self._separator.setVisible(bool(paths))
        self._clear_action.setEnabled(bool(paths))

    @Slot()
    def _on_entry(self) -> None:
        action = self.sender()
        if not isinstance(action, QAction):
            return
        path = Path(str(action.data()))
        try:
            there = path.is_file()
        except OSError:  # e.g. a folder on the way may not be entered: opening says why
            there = True
        if there:
            self.file_chosen.emit(path)
            return
        if self._settings is not None:
            key = _key(path)
            self._settings.set_recent_files([p for p in self.paths() if _key(p) != key])
        self._rebuild()
        Messages.information(
            self.parentWidget(),
            self.tr("最近打开"),
            self.tr("找不到文件：\n%1\n\n它可能已被移动、改名或删除，已从列表中移除。").replace(
                "%1", str(path)
            ),
        )
