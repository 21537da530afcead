"""Small modal dialogs, each behind a classmethod that tests monkeypatch.

Tests replace ``Messages.error`` or ``OpenReportDialog.ask`` and never see a
modal loop; the app calls them like any other function.

The dialog classes are imported where a dialog is made: PySide6 makes a Qt
class (and all its enums) when it is first imported, and the window imports
this module at start-up, when no dialog is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from haizhu_reader.core.files import OwnFiles


def show_message(
    icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str, detail: str = ""
) -> None:
    """A modal message box: ``text``, then ``detail`` below it.

    For a bilingual core message, ``language.bilingual(zh, en)`` gives both: the
    interface language first, the other language below (for whoever helps the user).
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok)
    box.setParent(parent, box.windowFlags())
    if detail:
        box.setInformativeText(detail)
    box.setAccessibleName(title)
    box.exec()


class Messages:
    """Message boxes: ``text``, then ``detail`` below it (see ``show_message``)."""

    @classmethod
    def error(cls, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        show_message(QMessageBox.Icon.Critical, parent, title, text, detail)

    @classmethod
    def warning(cls, parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        show_message(QMessageBox.Icon.Warning, parent, title, text, detail)

    @classmethod
    def information(cls, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        show_message(QMessageBox.Icon.Information, parent, title, text)


def refuse_target(parent: QWidget | None, title: str, path: Path, own: OwnFiles) -> bool:
    """True, after a message box saying why, when no export may be written to ``path``
    (inside the reader's own folders, the annotations database, a device: see
    ``core.files.check_target``)."""
    from haizhu_reader.core.files import TargetError, check_target
    from haizhu_reader.gui.common.language import bilingual

    try:
        check_target(path, own)
    except TargetError as e:
        Messages.error(parent, title, *bilingual(e.zh, e.en))
        return True
    return False


def ask_save_path(
    parent: QWidget | None, title: str, start: Path, filters: list[tuple[str, str]]
) -> tuple[Path, str] | None:
    """Where to save: the path chosen and the suffix of the filter chosen, or None.

    ``filters`` are (filter text, suffix) pairs, the first the default. A name
    typed without a suffix gets the chosen filter's from the dialog itself, which
    then asks before replacing that file (adding it afterwards replaced a
    ``report.pdf`` without asking when ``report`` was typed).
    """
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, str(start))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilters([text for text, _ in filters])
    suffixes = dict(filters)
    dialog.setDefaultSuffix(filters[0][1])
    dialog.filterSelected.connect(lambda text: dialog.setDefaultSuffix(suffixes.get(text, "")))
    dialog.setAccessibleName(title)
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0]), suffixes.get(dialog.selectedNameFilter(), "")
    finally:
        dialog.deleteLater()


class OpenReportDialog:
    """The file chooser for File → Open."""

    @classmethod
    def ask(cls, parent: QWidget | None, start: Path | None) -> Path | None:
        """The chosen report file, or None when the user cancels."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("dialogs", "打开报告"),
            str(start or Path.home()),
            QCoreApplication.translate("dialogs", "报告文本 (*.txt *.md *.markdown);;所有文件 (*)"),
        )
        return Path(name) if name else None
