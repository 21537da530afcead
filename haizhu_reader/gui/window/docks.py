"""The window's docks, made from a table: one row per pane, one loop, one ``focus``.

A row names the dock (its key: ``focus(key)``, ``dock(key)``, and the object
name ``<key>_dock`` its place is saved under), its title, its area and its pane,
made before the first paint or after it (``LazyPane``). Each dock's toggle goes
to the View menu, Ctrl+Shift+1, 2, … in table order. A dock hands its
visibility to its pane (``set_shown``): the pane, not the window, decides what
being shown means (the search pane prepares its index, the figures pane finds
its figures); it never resizes its dock, whose width is the user's. A dock
shown before its pane was made gets the pane at once, before it paints.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, NamedTuple, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from haizhu_reader.gui.common.docking import bring_forward
from haizhu_reader.gui.window.lazy_pane import LazyPane

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent


class Pane(Protocol):
    """What the window asks of a dock's pane."""

    def take_focus(self) -> None:
        """Ctrl+1…6: the focus to the control the pane is used from first."""


@runtime_checkable
class ReactsToShowing(Pane, Protocol):
    """A pane that wants to know whether it is on screen (its dock's tab in front)."""

    def set_shown(self, shown: bool) -> None: ...


class _Dock(QDockWidget):
    """A dock whose title follows the interface's text size.

    Qt draws a dock's title in the title font the application had when the dock
    was made; once the font changes (View › 界面文字大小), the dock draws its title
    itself, in its own font (which follows the application's).
    """

    _own_title = False

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._own_title = True
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._own_title or self.isFloating() or self.titleBarWidget() is not None:
            super().paintEvent(event)  # a floating dock's title is its window's
            return
        # Not at start-up: PySide6 makes these classes, and their enums, when imported.
        from PySide6.QtWidgets import QStyle, QStyleOptionDockWidget, QStylePainter

        painter = QStylePainter(self)  # in the dock's font
        option = QStyleOptionDockWidget()
        self.initStyleOption(option)
        painter.drawControl(QStyle.ControlElement.CE_DockWidgetTitle, option)


class DockRow(NamedTuple):
    key: str
    title: str
    area: Qt.DockWidgetArea
    pane: LazyPane[Pane]


class Docks(QObject):
    """The docks of ``window``, one per row of ``rows``."""

    def __init__(self, window: QMainWindow, rows: Sequence[DockRow]) -> None:
        super().__init__(window)
        self._window = window
        self._docks: dict[str, QDockWidget] = {}
        self._panes: dict[str, LazyPane[Pane]] = {}
        for row in rows:
            self._add(row)

    def _add(self, row: DockRow) -> None:
        dock = _Dock(row.title, self._window)
        dock.setObjectName(f"{row.key}_dock")  # saveState()/restoreState() key
        dock.setAccessibleName(row.title)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self._window.addDockWidget(row.area, dock)
        self._docks[row.key] = dock
        self._panes[row.key] = row.pane
        toggle = dock.toggleViewAction()
        toggle.setText(self.tr("显示%1").replace("%1", row.title))
        toggle.setShortcut(QKeySequence(f"Ctrl+Shift+{len(self._docks)}"))
        keys = toggle.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        dock.setAccessibleDescription(
            self.tr("%1窗格，按 %2 显示或隐藏").replace("%1", row.title).replace("%2", keys)
        )
        row.pane.when_made(partial(self._hold, dock))
        dock.visibilityChanged.connect(partial(self._on_visible, row.key))

    def dock(self, key: str) -> QDockWidget:
        return self._docks[key]

    def all(self) -> list[QDockWidget]:
        """Every dock, in table order (their toggles go to the View menu)."""
        return list(self._docks.values())

    def tabify(self, front: str, behind: Sequence[str]) -> None:
        """Tab the ``behind`` docks with ``front``, which stays in front."""
        for key in behind:
            self._window.tabifyDockWidget(self._docks[front], self._docks[key])
        self._docks[front].raise_()

    def in_front(self, key: str) -> bool:
        """Whether the dock is on screen (shown, and its tab in front if tabbed)."""
        return not self._docks[key].visibleRegion().isEmpty()

    def panes(self) -> list[LazyPane[Pane]]:
        """Every dock's pane (made or to be made), in table order."""
        return list(self._panes.values())

    def focus(self, key: str) -> None:
        """Bring the dock forward and put the focus in its pane (made now if not yet)."""
        pane = self._panes[key].get()
        self.bring_forward(key)
        pane.take_focus()

    def bring_forward(self, key: str) -> None:
        """Show the dock (a closed one too) and bring its tab to the front."""
        widget = self._panes[key].get()
        assert isinstance(widget, QWidget), "a dock holds a widget"
        bring_forward(widget)

    def _hold(self, dock: QDockWidget, pane: Pane) -> None:
        """The dock takes its pane, which learns whether it is on screen."""
        widget: object = pane
        assert isinstance(widget, QWidget), "a dock holds a widget"
        dock.setWidget(widget)
        if isinstance(pane, ReactsToShowing):
            pane.set_shown(not dock.visibleRegion().isEmpty())

    def _on_visible(self, key: str, visible: bool) -> None:
        lazy = self._panes[key]
        pane = lazy.get() if visible else lazy.made()
        if isinstance(pane, ReactsToShowing):
            pane.set_shown(visible)
