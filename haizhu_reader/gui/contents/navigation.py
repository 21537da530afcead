"""The 转到 (Go) menu: next and previous section, and a jump to each part of the report.

Stops are the parts (一、), sections (（一）) and appendices; lead topics are
too many to step through one key press at a time. ``Navigation`` asks the
reading view where the reader is and announces where to go; MainWindow wires
the announcement to the view like any pane's.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from haizhu_reader.core.report import PART, SECTION, Report, heading_text
from haizhu_reader.gui.reader.view import ReaderView

MAX_PART_KEYS = 9  # Alt+1 … Alt+9; 开篇 (the text before 一、) is Alt+0


def stops(report: Report) -> list[str]:
    """The ids the next/previous-section keys stop at, in reading order."""
    ids = [s.id for s in report.walk() if s.level <= SECTION]
    return ids + [a.id for a in report.appendices]


def stop_of(report: Report, section_id: str) -> str:
    """The stop holding ``section_id`` (a lead topic's section); "" if none does."""
    path = report.section_path(section_id)
    if path:
        return next(s.id for s in reversed(path) if s.level <= SECTION)
    return section_id if any(a.id == section_id for a in report.appendices) else ""


def next_stop(report: Report, section_id: str) -> str | None:
    """The stop after the one holding ``section_id``; None at the last."""
    ids = stops(report)
    here = stop_of(report, section_id)
    i = ids.index(here) if here in ids else -1
    return ids[i + 1] if i + 1 < len(ids) else None


def previous_stop(report: Report, section_id: str, at_start: bool) -> str | None:
    """Back to the start of the current stop, or, already there, to the one before it."""
    ids = stops(report)
    here = stop_of(report, section_id)
    if here not in ids:
        return None
    i = ids.index(here)
    if not at_start:
        return here
    return ids[i - 1] if i > 0 else None


class Navigation(QObject):
    """The Go menu and its actions.

    Signals:
        section_requested(str): show this section's (or appendix's) heading.
    """

    section_requested = Signal(str)

    def __init__(self, reader: ReaderView, parent: QWidget) -> None:
        super().__init__(parent)
        self._reader = reader
        self._report: Report | None = None
        self._setup_actions(parent)
        self._connect()
        native = QKeySequence.SequenceFormat.NativeText
        reader.setAccessibleDescription(
            self.tr("按 %1 转到下一节，%2 转到上一节，Alt+数字键转到各部分")
            .replace("%1", self.next_action.shortcut().toString(native))
            .replace("%2", self.previous_action.shortcut().toString(native))
        )

    def _setup_actions(self, parent: QWidget) -> None:
        self.menu = QMenu(self.tr("转到(&G)"), parent)
        self.menu.setObjectName("go_menu")
        self.next_action = self.menu.addAction(self.tr("下一节(&N)"))
        self.next_action.setShortcut(QKeySequence("Ctrl+PgDown"))
        self.previous_action = self.menu.addAction(self.tr("上一节(&P)"))
        self.previous_action.setShortcut(QKeySequence("Ctrl+PgUp"))
        for action in (self.next_action, self.previous_action):
            action.setEnabled(False)
        self.menu.addSeparator()
        self.part_actions: list[QAction] = []

    def _connect(self) -> None:
        self.next_action.triggered.connect(self.go_next)
        self.previous_action.triggered.connect(self.go_previous)

    @Slot(object)
    def set_report(self, report: Report) -> None:
        """List the report's parts (and appendices) in the menu."""
        self._report = report
        for action in self.part_actions:
            self.menu.removeAction(action)
            action.deleteLater()
        self.part_actions = []
        mnemonics = iter("ABCDEFHIJKLMORSTUVWXYZ")  # N and P step; G opens the menu
        keys = iter([f"Alt+{n}" for n in range(1, MAX_PART_KEYS + 1)])
        opening = "Alt+0"  # the text before 一、
        entries: list[tuple[str, str, str]] = []  # (text, id, key or "")
        for section in report.sections:
            if section.level != PART:
                continue
            if section is report.opening:
                key, opening = opening, ""
            else:
                key = next(keys, "")
            entries.append((heading_text(section), section.id, key))
        for appendix in report.appendices:
            title = " ".join(t for t in (appendix.label, appendix.title) if t)
            entries.append((title, appendix.id, ""))
        for text, target, key in entries:
            action = QAction(self)  # (text, parent) would make PySide6 load QIcon to rule it out
            action.setText(text.replace("&", "&&"))
            if key:
                action.setShortcut(QKeySequence(key))
            else:  # no key left: an accelerator letter while there are any
                letter = next(mnemonics, "")
                action.setText(f"{action.text()}(&{letter})" if letter else action.text())
            action.setData(target)
            action.setStatusTip(self.tr("转到：%1").replace("%1", text))
            action.triggered.connect(self._on_part)
            self.part_actions.append(action)
        self.menu.addActions(self.part_actions)  # in the menu bar, their keys work menu closed
        for action in (self.next_action, self.previous_action):
            action.setEnabled(bool(stops(report)))

    @Slot()
    def go_next(self) -> None:
        if self._report is None:
            return
        target = next_stop(self._report, self._reader.section_at_top())
        if target is not None:
            self.section_requested.emit(target)

    @Slot()
    def go_previous(self) -> None:
        if self._report is None:
            return
        here = stop_of(self._report, self._reader.section_at_top())
        target = previous_stop(self._report, here, self._at_start_of(here))
        if target is not None:
            self.section_requested.emit(target)

    def _at_start_of(self, section_id: str) -> bool:
        """Whether the heading of ``section_id`` is at (or below) the top line of the view."""
        heading = self._reader.section_position(section_id)
        place = self._reader.reading_place()
        if heading is None or place is None:
            return True
        top = self._reader.document_position(*place)
        return top is None or heading >= top

    @Slot()
    def _on_part(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.section_requested.emit(str(action.data()))
