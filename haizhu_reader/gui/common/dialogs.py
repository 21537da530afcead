"""Small modal dialogs, each behind a classmethod that tests monkeypatch.

Tests replace ``Messages.error`` or ``OpenReportDialog.ask`` and never see a
modal loop; the app calls them like any other function.

File dialogs start in the folder the same kind of dialog was last used in
(exporting figures, a PDF, annotations; importing them; opening a report), as
kept by the window's ``DialogFolders``; a suggested file name is kept.

The dialog classes are imported where a dialog is made: PySide6 makes a Qt
class (and all its enums) when it is first imported, and the window imports
this module at start-up, when no dialog is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

    from haizhu_reader.core.files import OwnFiles

REPORT_FOLDER = "report"  # the kind of File › 打开报告… (a recent or dropped file counts too)


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


class FolderStore(Protocol):
    """Where the folders are kept between runs (``Settings``)."""

    def dialog_folder(self, kind: str) -> Path | None: ...

    def set_dialog_folder(self, kind: str, folder: Path) -> None: ...


class DialogFolders(QObject):
    """The folder each kind of file dialog was last used in, for the window it belongs
    to (a dialog finds it through its parent's window). Without a store (a
    screenshot, a test) it remembers for this run only."""

    def __init__(self, store: FolderStore | None, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("dialog_folders")
        self._store = store
        self._folders: dict[str, Path] = {}

    @classmethod
    def of(cls, widget: QWidget | None) -> DialogFolders | None:
        """The folders of the window ``widget`` is in, if it keeps any."""
        if widget is None:
            return None
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        return widget.window().findChild(DialogFolders, "dialog_folders", direct)

    def folder(self, kind: str) -> Path | None:
        folder = self._folders.get(kind)
        if folder is None and self._store is not None:
            folder = self._store.dialog_folder(kind)
        return folder

    def remember(self, kind: str, folder: Path) -> None:
        self._folders[kind] = folder
        if self._store is not None:
            self._store.set_dialog_folder(kind, folder)


def start_in(parent: QWidget | None, kind: str, start: Path) -> Path:
    """Where a dialog of ``kind`` opens: the folder it was last used in (if it is still
    there) with the suggested name of ``start`` kept, else ``start``."""
    folders = DialogFolders.of(parent)
    last = folders.folder(kind) if folders is not None else None
    try:
        if last is None or not last.is_dir():
            return start
        return last if start.is_dir() else last / start.name
    except OSError:  # a folder on a network drive that is gone, one not to be entered
        return start


def _used(parent: QWidget | None, kind: str, chosen: Path) -> None:
    folders = DialogFolders.of(parent)
    if folders is not None:
        folders.remember(kind, chosen.parent)


def _run(dialog: QFileDialog) -> Path | None:
    """Show ``dialog`` modally: the file chosen, or None.

    Sized by its text, so a large interface text size (View › 界面文字大小) does not
    crowd its columns: about 40 by 24 lines, within the screen.
    """
    from PySide6.QtWidgets import QFileDialog

    line = dialog.fontMetrics().height()
    width, height = max(dialog.width(), 40 * line), max(dialog.height(), 24 * line)
    screen = dialog.screen().availableGeometry()
    dialog.resize(min(width, screen.width() * 9 // 10), min(height, screen.height() * 9 // 10))
    try:
        if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()


def ask_save_path(
    parent: QWidget | None,
    title: str,
    start: Path,
    filters: list[tuple[str, str]],
    kind: str = "",
) -> tuple[Path, str] | None:
    """Where to save: the path chosen and the suffix of the filter chosen, or None.

    ``filters`` are (filter text, suffix) pairs, the first the default. A name
    typed without a suffix gets the chosen filter's from the dialog itself, which
    then asks before replacing that file (adding it afterwards replaced a
    ``report.pdf`` without asking when ``report`` was typed). The dialog opens in
    the folder a dialog of its ``kind`` (by default, of its suffixes) last saved to.
    """
    from PySide6.QtWidgets import QFileDialog

    kind = kind or "save-" + "-".join(suffix for _, suffix in filters if suffix)
    dialog = QFileDialog(parent, title, str(start_in(parent, kind, start)))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setNameFilters([text for text, _ in filters])
    suffixes = dict(filters)
    dialog.setDefaultSuffix(filters[0][1])
    dialog.filterSelected.connect(lambda text: dialog.setDefaultSuffix(suffixes.get(text, "")))
    dialog.setAccessibleName(title)
    path = _run(dialog)  # the dialog is deleted later: its filter can still be read
    if path is None:
        return None
    _used(parent, kind, path)
    return path, suffixes.get(dialog.selectedNameFilter(), "")


def ask_open_path(
    parent: QWidget | None, title: str, start: Path, name_filter: str, kind: str
) -> Path | None:
    """The file to open, or None; the dialog opens where one of ``kind`` last did."""
    from PySide6.QtWidgets import QFileDialog

    dialog = QFileDialog(parent, title, str(start_in(parent, kind, start)), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAccessibleName(title)
    path = _run(dialog)
    if path is not None:
        _used(parent, kind, path)
    return path


class OpenReportDialog:
    """The file chooser for File → Open."""

    @classmethod
    def ask(cls, parent: QWidget | None, start: Path | None) -> Path | None:
        """The chosen report file, or None when the user cancels."""
        return ask_open_path(
            parent,
            QCoreApplication.translate("dialogs", "打开报告"),
            start or Path.home(),
            QCoreApplication.translate("dialogs", "报告文本 (*.txt *.md *.markdown);;所有文件 (*)"),
            REPORT_FOLDER,
        )
