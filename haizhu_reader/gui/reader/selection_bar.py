"""The small bar of annotate buttons that floats above a selection in the reading view.

It is there for a selection the user made (``ReaderView.has_user_selection``:
dragged out or keyed, not a glossary term clicked to be looked up), and only
while the text has the focus: it goes when the selection goes, when the focus
leaves the view (typing in the search box) and on Esc (until the selection
changes), and comes back when the focus returns to a selection still there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from haizhu_reader.gui.common.accessibility import spoken_name
from haizhu_reader.gui.reader.view import ReaderView

SETTLE_MS = 150  # not while the mouse is still dragging the selection out


class SelectionBar(QWidget):
    """A row of buttons for ``actions``, over the start of the reader's selection."""

    def __init__(self, reader: ReaderView, actions: list[QAction]) -> None:
        super().__init__(reader.viewport())
        self._reader = reader
        self._dismissed = False  # Esc put the bar away for this selection
        self._setup_ui(actions)
        self._connect()

    def _setup_ui(self, actions: list[QAction]) -> None:
        self.setObjectName("selection_bar")
        self.setAccessibleName(self.tr("批注工具栏"))
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(2)
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAccessibleName(spoken_name(action.text()))  # 下划线(&U) -> 下划线
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # mouse help; the keys are in menus
            if not action.icon().isNull():
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            layout.addWidget(button)
        self.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SETTLE_MS)

    def _connect(self) -> None:
        self._timer.timeout.connect(self._place)
        self._reader.selectionChanged.connect(self._on_selection_changed)
        self._reader.verticalScrollBar().valueChanged.connect(self._place)
        self._reader.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.FocusOut:
            self._timer.stop()
            self.hide()
        elif kind == QEvent.Type.FocusIn:
            self._timer.start()
        elif (
            kind == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.isVisible()
        ):
            # Esc puts the bar away (the selection stays, for the keys or a copy); an
            # Esc with no bar goes on to the window (leaving full-screen reading).
            self._timer.stop()
            self._dismissed = True
            self.hide()
            return True
        return super().eventFilter(watched, event)

    @Slot()
    def _on_selection_changed(self) -> None:
        self._dismissed = False
        self._timer.start()

    @Slot()
    def _place(self) -> None:
        reader = self._reader
        wanted = self.isEnabled() and not self._dismissed and reader.hasFocus()
        if not (wanted and reader.has_user_selection()):
            self.hide()
            return
        cursor = reader.textCursor()
        start = type(cursor)(cursor)
        start.setPosition(cursor.selectionStart())
        rect = reader.cursorRect(start)
        self.adjustSize()
        viewport = reader.viewport().rect()
        x = max(0, min(rect.left(), viewport.width() - self.width()))
        y = rect.top() - self.height() - 4
        if y < 0:
            end = type(cursor)(cursor)
            end.setPosition(cursor.selectionEnd())
            y = reader.cursorRect(end).bottom() + 4
        if y > viewport.height() - self.height():
            self.hide()
            return
        self.move(QPoint(x, y))
        self.show()
        self.raise_()
