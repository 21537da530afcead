"""Small modal dialogs, each behind a classmethod that tests monkeypatch.

Tests replace ``Messages.error`` or ``OpenReportDialog.ask`` and never see a
modal loop; the app calls them like any other function.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def show_message(
    icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str, detail: str = ""
) -> None:
    """A modal message box: ``text``, then ``detail`` below it.

    For a bilingual core message, ``language.bilingual(zh, en)`` gives both: the
    interface language first, the other language below (for whoever helps the user).
    """
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok)
    box.setParent(parent, box.windowFlags())
    if detail:
        box.setInformativeText(detail)
    box.setAccessibleName(title)
    box.exec()


class Messages:
    """Message boxes."""

    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        """A critical message: ``text``, then ``detail`` (see ``show_message``)."""
        show_message(QMessageBox.Icon.Critical, parent, title, text, detail)

    @classmethod
    def information(cls, parent: QWidget | None, title: str, text: str) -> None:
        show_message(QMessageBox.Icon.Information, parent, title, text)

    @classmethod
    def about(cls, parent: QWidget | None, title: str, html: str) -> None:
        QMessageBox.about(parent, title, html)


class OpenReportDialog:
    """The file chooser for File → Open."""

    @classmethod
    def ask(cls, parent: QWidget | None, start: Path | None) -> Path | None:
        """The chosen report file, or None when the user cancels."""
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("dialogs", "打开报告"),
            str(start or Path.home()),
            QCoreApplication.translate("dialogs", "报告文本 (*.txt *.md *.markdown);;所有文件 (*)"),
        )
        return Path(name) if name else None
