"""Full-screen reading: the text alone on the screen, and back exactly as it was.

Entering hides every dock, the menu bar and the status bar; leaving (F11
again, or Esc when no pane wants Esc for itself) restores the window state,
docks included, from ``saveState()`` taken on entry.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QWidget
from shiboken6 import isValid


class FullScreenReading(QObject):
    """Enters and leaves full-screen reading for one main window.

    Signals:
        active_changed(bool): full-screen reading began (True) or ended (False).
    """

    active_changed = Signal(bool)

    def __init__(self, window: QMainWindow, text: QWidget) -> None:
        """``text``: what has the keys while the docks are hidden (the reading view)."""
        super().__init__(window)
        self._window = window
        self._text = text
        self._state: QByteArray | None = None
        self._window_state = Qt.WindowState.WindowNoState
        self._bars = (True, True)
        self._borrowed: list[QAction] = []  # menu actions lent to the window meanwhile
        window.installEventFilter(self)

    def is_active(self) -> bool:
        return self._state is not None

    @Slot(bool)
    def set_active(self, on: bool) -> None:
        if on and not self.is_active():
            self._enter()
        elif not on and self.is_active():
            self._leave()

    @Slot()
    def leave(self) -> None:
        self.set_active(False)

    def _enter(self) -> None:
        w = self._window
        self._state = w.saveState()
        self._window_state = w.windowState()
        menu_bar, status_bar = w.menuBar(), w.statusBar()
        self._bars = (menu_bar.isVisible(), status_bar.isVisible())
        self._borrow()
        for dock in w.findChildren(QDockWidget):
            dock.hide()
        menu_bar.hide()
        status_bar.hide()
        # Focus left in a hidden dock (or on its tab bar) would leave the keys nowhere.
        central, focus = w.centralWidget(), QApplication.focusWidget()
        if focus is None or central is None or not central.isAncestorOf(focus):
            self._text.setFocus(Qt.FocusReason.OtherFocusReason)
        w.showFullScreen()
        self.active_changed.emit(True)

    def _borrow(self) -> None:
        """A hidden menu bar disables its menus' shortcuts: the window holds them meanwhile."""
        w = self._window
        own = set(w.actions())
        self._borrowed = [a for a in _menu_actions(w.menuBar().actions()) if a not in own]
        w.addActions(self._borrowed)

    def _give_back(self) -> None:
        for action in self._borrowed:
            if isValid(action):  # a menu may have deleted it meanwhile
                self._window.removeAction(action)
        self._borrowed = []

    @Slot()
    def menus_changed(self) -> None:
        """The menus changed (another report's parts in the Go menu): lend their keys anew."""
        if self.is_active():
            self._give_back()
            self._borrow()

    def _leave(self) -> None:
        w = self._window
        state, self._state = self._state, None
        self._give_back()
        w.menuBar().setVisible(self._bars[0])
        w.statusBar().setVisible(self._bars[1])
        w.setWindowState(self._window_state)
        if state is not None:
            w.restoreState(state)
        self.active_changed.emit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Esc reaches the window only when no pane used it (the find bar, the search box).
        # getattr: Qt can still deliver events while Python tears this object down.
        if (
            watched is getattr(self, "_window", None)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.is_active()
        ):
            self._leave()
            return True
        return super().eventFilter(watched, event)


def _menu_actions(actions: list[QAction]) -> list[QAction]:
    """Every action with a shortcut in these menus and their submenus."""
    out = []
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            out += _menu_actions(menu.actions())
        elif not action.shortcut().isEmpty():
            out.append(action)
    return out
