"""The filter box above a list or tree: Down moves focus into the list."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit


class FilterEdit(QLineEdit):
    """A QLineEdit that announces Down instead of ignoring it.

    Signals:
        down_pressed(): the user pressed Down; the pane moves focus to its list.
    """

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        super().keyPressEvent(event)
