"""The Help menu's items: the shortcut list (F1) and the About box, opened when chosen.

Made with the menus' items, after the first paint; the dialogs' modules are
loaded when first opened.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu


class HelpActions(QObject):
    """Help › 键盘快捷键 and 关于 in ``menu``; the dialogs open over ``window``."""

    def __init__(self, menu: QMenu, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.shortcuts_action = menu.addAction(self.tr("键盘快捷键(&K)"))
        self.shortcuts_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.about_action = menu.addAction(self.tr("关于(&A)"))
        self.shortcuts_action.triggered.connect(self._on_shortcuts)
        self.about_action.triggered.connect(self._on_about)

    @Slot()
    def _on_shortcuts(self) -> None:
        from haizhu_reader.gui.help.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog.open_for(self._window)

    @Slot()
    def _on_about(self) -> None:
        from haizhu_reader.gui.help.about_dialog import AboutDialog

        AboutDialog.show_about(self._window)
