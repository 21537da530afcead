"""View › 字体: choosing the reading font (loaded when the dialog is first opened)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.gui.reader.typesetting import reading_family


class FontDialog(QDialog):
    """View › 字体: the reading font, among the installed fonts that have Chinese glyphs."""

    SAMPLE = "政府工作报告　高质量发展 2023年 GDP 增长6.2%"

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._automatic = False
        self._setup_ui(current)
        self._connect()

    def _setup_ui(self, current: str) -> None:
        self.setWindowTitle(self.tr("字体"))
        self.setAccessibleName(self.tr("选择阅读字体"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("正文字体（仅列出含简体中文字形的字体）："), self)
        self.combo = QFontComboBox(self)
        self.combo.setObjectName("font_family")
        self.combo.setAccessibleName(self.tr("正文字体"))
        self.combo.setWritingSystem(QFontDatabase.WritingSystem.SimplifiedChinese)
        self.combo.setCurrentFont(QFont(reading_family(current)))
        label.setBuddy(self.combo)
        self.sample = QLabel(self.SAMPLE, self)
        self.sample.setAccessibleName(self.tr("字体示例"))
        self.sample.setMinimumHeight(48)
        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        default = self._buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        default.setText(self.tr("自动选择(&A)"))
        default.setAccessibleName(self.tr("自动选择字体"))
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.sample)
        layout.addWidget(self._buttons)
        self._show_sample()

    def _connect(self) -> None:
        self.combo.currentFontChanged.connect(self._show_sample)
        self._buttons.accepted.connect(self.accept)
        self._buttons.rejected.connect(self.reject)
        default = self._buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        default.clicked.connect(self._on_automatic)

    @Slot()
    def _show_sample(self) -> None:
        font = QFont(self.combo.currentFont())
        font.setPointSizeF(14)
        self.sample.setFont(font)

    @Slot()
    def _on_automatic(self) -> None:
        self._automatic = True
        self.accept()

    def family(self) -> str:
        """The family chosen; "" for 自动选择."""
        return "" if self._automatic else self.combo.currentFont().family()

    @classmethod
    def ask(cls, parent: QWidget | None, current: str) -> str | None:
        """The family chosen ("" lets the reader choose), None when cancelled."""
        dialog = cls(current, parent)
        try:
            return dialog.family() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
