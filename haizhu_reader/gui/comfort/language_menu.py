"""View › 界面语言 / Language: follow the system, Simplified Chinese or English."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from haizhu_reader.gui.common import language


class LanguageMenu(QMenu):
    """Three exclusive choices; the window stores the one picked.

    The title says "Language" in both interfaces, so someone who cannot read the
    current one still finds the way out; each language is named in itself.

    Signals:
        language_chosen(str): "auto", "zh_CN" or "en" was picked by the user.
    """

    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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
        self.set_choice(language.AUTO)

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
        self.language_chosen.emit(str(action.data()))
