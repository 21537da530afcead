"""Find in page (Ctrl+F): a bar with next/previous, highlight-all and a match count."""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from haizhu_reader.core.report import Report
from haizhu_reader.core.search.query import MAX_QUERY_CHARS
from haizhu_reader.core.search.searching import find_in_paragraphs


class _FindEdit(QLineEdit):
    """Enter finds the next match, Shift+Enter the previous, Esc closes the bar."""

    next_requested = Signal()
    previous_requested = Signal()
    close_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.previous_requested.emit()
            else:
                self.next_requested.emit()
        elif key == Qt.Key.Key_Escape:
            self.close_requested.emit()
        else:
            super().keyPressEvent(event)


class FindBar(QWidget):
    """Find in the reading view, with the same matching as search.

    Width, case, punctuation and spaces don't hide a match (四上企业 finds
    “四上”企业); matches are in reading order and next/previous wrap around.

    Signals:
        highlights_changed(dict): id -> [(start, end)] of every match to
            highlight (empty when highlight-all is off or the bar closes).
            Ids are paragraph ids, or section/appendix ids for headings.
        current_changed(str, int, int): the current match (id, start, end); ("", 0, 0)
            when there is none (nothing matches, or the bar closed).
        closed(): the bar was closed (Esc or its close button).
    """

    highlights_changed = Signal(dict)
    current_changed = Signal(str, int, int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._matches: list[tuple[str, int, int]] = []
        self._current = -1
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self.setObjectName("find_bar")
        self._edit = _FindEdit(self)
        self._edit.setObjectName("find_query")
        self._edit.setAccessibleName(self.tr("页内查找"))
        self._edit.setPlaceholderText(self.tr("在正文中查找"))
        self._edit.setClearButtonEnabled(True)
        self._edit.setMaxLength(MAX_QUERY_CHARS)
        self._count = QLabel(self)
        self._count.setObjectName("find_count")
        self._count.setAccessibleName(self.tr("匹配数"))
        self._count.setMinimumWidth(self._count.fontMetrics().horizontalAdvance("9999/9999"))
        self._previous = self._button("find_previous", self.tr("上一个"), "↑", "Shift+F3")
        self._next = self._button("find_next", self.tr("下一个"), "↓", "F3")
        self._all = QCheckBox(self.tr("全部高亮"), self)
        self._all.setObjectName("find_highlight_all")
        self._all.setAccessibleName(self.tr("全部高亮"))
        self._all.setChecked(True)
        self._close = self._button("find_close", self.tr("关闭查找栏"), "✕", "Esc")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self._edit, 1)
        layout.addWidget(self._count)
        layout.addWidget(self._previous)
        layout.addWidget(self._next)
        layout.addWidget(self._all)
        layout.addWidget(self._close)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)  # coalesces a burst of keystrokes into one find
        context = Qt.ShortcutContext.WindowShortcut
        self._f3 = QShortcut(QKeySequence("F3"), self, context=context)
        self._shift_f3 = QShortcut(QKeySequence("Shift+F3"), self, context=context)
        self._update_count()

    def _button(self, name: str, label: str, glyph: str, key: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(glyph)
        button.setAccessibleName(label)
        button.setToolTip(
            self.tr("%1（%2）", "button (shortcut)").replace("%1", label).replace("%2", key)
        )
        return button

    def _connect(self) -> None:
        self._edit.textChanged.connect(self._on_text_changed)
        self._edit.next_requested.connect(self.find_next)
        self._edit.previous_requested.connect(self.find_previous)
        self._edit.close_requested.connect(self.close_bar)
        self._next.clicked.connect(self.find_next)
        self._previous.clicked.connect(self.find_previous)
        self._close.clicked.connect(self.close_bar)
        self._all.toggled.connect(self._emit_highlights)
        self._timer.timeout.connect(self._refresh)
        self._f3.activated.connect(self.find_next)
        self._shift_f3.activated.connect(self.find_previous)

    # -- public slots --------------------------------------------------------------

    @Slot(object)
    def set_report(self, report: Report) -> None:
        self._report = report
        self._refresh()

    @Slot()
    def open_bar(self) -> None:
        """Ctrl+F: show the bar, focus the box with its text selected, re-highlight."""
        self.show()
        self._edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._edit.selectAll()
        self._refresh()

    @Slot()
    def close_bar(self) -> None:
        self.hide()
        self.highlights_changed.emit({})
        self.current_changed.emit("", 0, 0)
        self.closed.emit()

    @Slot()
    def find_next(self) -> None:
        self._step(1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    def set_text(self, text: str) -> None:
        self._edit.setText(text)
        self._refresh()

    def matches(self) -> list[tuple[str, int, int]]:
        return list(self._matches)

    def current(self) -> tuple[str, int, int] | None:
        return self._matches[self._current] if self._current >= 0 else None

    # -- internals -----------------------------------------------------------------

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        self._timer.start()

    @Slot()
    def _refresh(self) -> None:
        self._timer.stop()
        text = self._edit.text()
        report = self._report
        self._matches = find_in_paragraphs(report, text) if report is not None else []
        self._current = 0 if self._matches else -1
        self._emit_highlights()
        self._emit_current()

    def _step(self, direction: int) -> None:
        if self._timer.isActive():
            self._refresh()
            return  # the refresh already moved to the first match
        if not self._matches:
            return
        self._current = (self._current + direction) % len(self._matches)
        self._emit_current()

    def _emit_current(self) -> None:
        self._update_count()
        current = self.current() if self.isVisible() else None  # a closed bar shows nothing
        self.current_changed.emit(*(current or ("", 0, 0)))

    @Slot()
    def _emit_highlights(self) -> None:
        spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
        if self._all.isChecked() and self.isVisible():
            for pid, start, end in self._matches:
                spans[pid].append((start, end))
        self.highlights_changed.emit(dict(spans))

    def _update_count(self) -> None:
        if not self._edit.text().strip():
            self._count.setText("")
        elif not self._matches:
            self._count.setText(self.tr("无匹配"))
        else:
            self._count.setText(f"{self._current + 1}/{len(self._matches)}")
        self._count.setAccessibleDescription(self._count.text())
