"""View › 界面语言 / Language: follow the system, Simplified Chinese or English."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from haizhu_reader.gui.common import language
from haizhu_reader.gui.common.dialogs import Messages
from haizhu_reader.settings import Settings


class LanguageMenu(QMenu):
    """Three exclusive choices; the one picked is stored and applies from the next start.

    The title says "Language" in both interfaces, so someone who cannot read the
    current one still finds the way out; each language is named in itself.
    Without ``settings`` (a screenshot) the menu is off.
    """

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
        """Store the choice; say so if it changes the language shown (at the next start)."""
        if self._settings is None:
            return
        choice = str(action.data())
        self._settings.set_language(choice)
        self._settings.sync()
        if language.resolve(choice, language.system_languages()) != language.ui_language():
            Messages.information(
                self._window(),
                self.tr("界面语言"),
                self.tr("界面语言将在下次启动本程序时更改。"),
            )

    def _window(self) -> QWidget | None:
        """The window whose menu this is (the message box's parent)."""
        owner = self.parentWidget()
        while isinstance(owner, QMenu):
            owner = owner.parentWidget()
        return owner.window() if owner is not None else None
