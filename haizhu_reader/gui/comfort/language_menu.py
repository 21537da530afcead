"""View › 界面语言 / Language: follow the system, Simplified Chinese or English.

The interface is translated when its widgets are made, so a new language takes
a new start: the menu offers 立即重启 (the window then closes, saving the reading
place and layout, and the app starts again on the same report) or 稍后 (the next
start). Annotations need nothing: each is on disk the moment it is made.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from haizhu_reader.gui.common import language
from haizhu_reader.settings import Settings


class RestartQuestion:
    """The question after a language change: restart now? (Tests replace ``ask``.)"""

    @classmethod
    def ask(cls, parent: QWidget | None) -> bool:
        """True for 立即重启, False for 稍后 (or the box closed)."""
        from PySide6.QtWidgets import QMessageBox

        title = QCoreApplication.translate("language_menu", "界面语言")
        box = QMessageBox(QMessageBox.Icon.Question, title, "", QMessageBox.StandardButton.NoButton)
        box.setParent(parent, box.windowFlags())
        box.setText(
            QCoreApplication.translate(
                "language_menu", "新的界面语言要在本程序重新启动后使用。现在重新启动吗？"
            )
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "language_menu", "批注都已保存；重新启动后仍打开当前报告，回到现在的阅读位置。"
            )
        )
        now = box.addButton(
            QCoreApplication.translate("language_menu", "立即重启(&R)"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        later = box.addButton(
            QCoreApplication.translate("language_menu", "稍后(&L)"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.setDefaultButton(now)
        box.setEscapeButton(later)
        box.setAccessibleName(title)
        box.exec()
        return box.clickedButton() is now


class LanguageMenu(QMenu):
    """Three exclusive choices; the one picked is stored and applies from the next start,
    or at once if the user restarts now.

    The title says "Language" in both interfaces, so someone who cannot read the
    current one still finds the way out; each language is named in itself.
    Without ``settings`` (a screenshot) the menu is off.

    Signals:
        restart_requested(): the user chose 立即重启 after choosing a language.
    """

    restart_requested = Signal()

    def __init__(self, settings: Settings | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self.setObjectName("language_menu")
        self.setTitle(self.tr("界面语言 / Language(&L)"))
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        entries = (
            (language.AUTO, self.tr("跟随系统(&S)")),
            (language.CHINESE, "简体中文"),  # endonyms: not translated
            (language.ENGLISH, "English"),
        )
        for code, text in entries:
            action = QAction(text, self)
            action.setCheckable(True)
            action.setData(code)
            self._group.addAction(action)
            self.addAction(action)
        self.set_choice(self._settings.language() if self._settings else language.AUTO)
        self.setEnabled(self._settings is not None)

    def _connect(self) -> None:
        self._group.triggered.connect(self._on_triggered)

    def set_choice(self, choice: str) -> None:
        """Check the entry for ``choice`` (as stored in the settings)."""
        for action in self._group.actions():
            action.setChecked(action.data() == choice)

    def choice(self) -> str:
        checked = self._group.checkedAction()
        return str(checked.data()) if checked is not None else language.AUTO

    @Slot(QAction)
    def _on_triggered(self, action: QAction) -> None:
        """Store the choice; if it changes the language shown, offer to restart now."""
        if self._settings is None:
            return
        choice = str(action.data())
        self._settings.set_language(choice)
        self._settings.sync()
        new = language.resolve(choice, language.system_languages())
        if new != language.ui_language() and RestartQuestion.ask(self._window()):
            self.restart_requested.emit()

    def _window(self) -> QWidget | None:
        """The window whose menu this is (the message box's parent)."""
        owner = self.parentWidget()
        while isinstance(owner, QMenu):
            owner = owner.parentWidget()
        return owner.window() if owner is not None else None
