"""Help › 键盘快捷键: every command that has a key, read from the window's own actions.

Built when opened from the QActions themselves (menu bar first, then actions the
window holds outside it), so the list can never disagree with what the keys do.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.gui.common.accessibility import plain_text


def key_text(action: QAction) -> str:
    """The action's shortcuts in the platform's own notation, "Ctrl+O" or "⌘O"."""
    seen: list[str] = []
    for sequence in action.shortcuts():
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in seen:
            seen.append(text)
    return " / ".join(seen)


@dataclass(frozen=True)
class Command:
    """One entry of the list: where the command is, what it is called, its keys."""

    menu: str
    text: str
    keys: str
    action: QAction


def _walk(menu: QMenu, path: list[str], seen: set[int], out: list[Command]) -> None:
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            _walk(submenu, [*path, plain_text(submenu.title())], seen, out)
            continue
        seen.add(id(action))
        out.append(Command(" › ".join(path), plain_text(action.text()), key_text(action), action))


def window_commands(window: QMainWindow) -> list[Command]:
    """Every command of ``window``: its menus in order, then its own actions outside them."""
    out: list[Command] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        submenu = top.menu()
        if isinstance(submenu, QMenu) and top.isVisible():
            _walk(submenu, [plain_text(submenu.title())], seen, out)
    for action in window.actions():
        if id(action) not in seen and not action.isSeparator():
            seen.add(id(action))
            out.append(Command("", plain_text(action.text()), key_text(action), action))
    return out


class _FilterEdit(QLineEdit):
    """Down (or Enter) moves from the filter into the list."""

    def __init__(self, view: QTreeView, parent: QWidget) -> None:
        super().__init__(parent)
        self._view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            model = self._view.model()
            if model.rowCount() > 0:
                if not self._view.currentIndex().isValid():
                    self._view.setCurrentIndex(model.index(0, 0))
                self._view.setFocus(Qt.FocusReason.TabFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)


class ShortcutsDialog(QDialog):
    """A searchable table of the window's keyboard shortcuts; stays open beside the window."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._setup_ui()
        self.refresh()
        self._connect()

    def _setup_ui(self) -> None:
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("键盘快捷键"))
        self.setAccessibleName(self.windowTitle())
        self._model = QStandardItemModel(0, 3, self)
        self._model.setHorizontalHeaderLabels([self.tr("命令"), self.tr("快捷键"), self.tr("菜单")])
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setFilterKeyColumn(-1)  # any column: a name, a key or a menu
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self._view = QTreeView(self)
        self._view.setObjectName("shortcuts_view")
        self._view.setAccessibleName(self.tr("快捷键列表"))
        self._view.setModel(self._proxy)
        self._view.setRootIsDecorated(False)
        self._view.setUniformRowHeights(True)
        self._view.setAlternatingRowColors(True)
        self._view.setSortingEnabled(True)
        self._view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # menu order until sorted
        self._view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self._view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

        self.filter_edit = _FilterEdit(self._view, self)
        self.filter_edit.setObjectName("shortcuts_filter")
        self.filter_edit.setPlaceholderText(self.tr("按命令、按键或菜单筛选"))
        self.filter_edit.setAccessibleName(self.tr("筛选快捷键"))
        self.filter_edit.setAccessibleDescription(self.tr("输入文字筛选下方列表，按下箭头进入列表"))
        self.filter_edit.setClearButtonEnabled(True)
        label = QLabel(self.tr("筛选(&S)："), self)
        label.setBuddy(self.filter_edit)

        self._count = QLabel(self)
        self._count.setAccessibleName(self.tr("命令数目"))
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self._buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        close.setAccessibleName(self.tr("关闭"))

        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._count)
        layout.addWidget(self._buttons)
        QWidget.setTabOrder(self.filter_edit, self._view)
        QWidget.setTabOrder(self._view, close)
        self._update_count()
        self.resize(640, 560)

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self._on_filter)
        self._buttons.rejected.connect(self.reject)

    @property
    def view(self) -> QTreeView:
        return self._view

    def rows(self) -> list[tuple[str, str, str]]:
        """The (command, keys, menu) rows shown, in the order shown (tests)."""
        p = self._proxy
        return [
            (p.index(r, 0).data(), p.index(r, 1).data(), p.index(r, 2).data())
            for r in range(p.rowCount())
        ]

    @Slot(str)
    def _on_filter(self, text: str) -> None:
        self._proxy.setFilterFixedString(text.strip())
        self._update_count()

    def refresh(self) -> None:
        """List the window's commands as they are now (the Go menu follows the report)."""
        self._model.removeRows(0, self._model.rowCount())
        for command in window_commands(self._window):
            if not command.keys:
                continue
            row = [QStandardItem(command.text), QStandardItem(command.keys)]
            row.append(QStandardItem(command.menu or self.tr("（不在菜单中）")))
            for item in row:
                item.setEditable(False)
            spoken = self.tr("%1：%2").replace("%1", command.text).replace("%2", command.keys)
            row[0].setData(spoken, Qt.ItemDataRole.AccessibleTextRole)
            if command.action.toolTip() and command.action.toolTip() != command.text:
                row[0].setToolTip(command.action.toolTip())
            self._model.appendRow(row)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self._proxy.rowCount(), self._model.rowCount()
        self._count.setText(
            self.tr("共 %1 项").replace("%1", str(total))
            if shown == total
            else self.tr("%1 / %2 项").replace("%1", str(shown)).replace("%2", str(total))
        )

    @classmethod
    def open_for(cls, window: QMainWindow) -> ShortcutsDialog:
        """Show the window's list (one at a time; a second F1 brings it forward)."""
        dialog = window.findChild(cls, "shortcuts_dialog")
        if not isinstance(dialog, cls):
            dialog = cls(window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        else:
            dialog.refresh()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return dialog
