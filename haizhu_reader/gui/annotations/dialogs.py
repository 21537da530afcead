"""Dialogs for annotating, each behind an ``ask()`` classmethod tests monkeypatch, and the
message about what happened to the annotations file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.annotations.export import format_for
from haizhu_reader.core.annotations.store import MAX_NOTE, AnnotationStore
from haizhu_reader.gui.common.dialogs import Messages, ask_open_path, ask_save_path
from haizhu_reader.gui.common.language import bilingual


class NoteDialog(QDialog):
    """A small editor for one note: what it is attached to, then the text."""

    def __init__(self, parent: QWidget | None, title: str, context: str, text: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("note_dialog")
        self._context = QLabel(context, self)
        self._context.setWordWrap(True)
        self._context.setAccessibleName(
            QCoreApplication.translate("annotation_dialogs", "批注位置")
        )
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("note_editor")
        self.editor.setAccessibleName(QCoreApplication.translate("annotation_dialogs", "批注内容"))
        self.editor.setPlainText(text)
        self.editor.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._context)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(420, 260)

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, context: str, text: str = "") -> str | None:
        """The note as typed (at most ``MAX_NOTE`` characters), or None when cancelled."""
        dialog = cls(parent, title, context, text)
        dialog.editor.setFocus()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.editor.toPlainText()[:MAX_NOTE]


class ExportAnnotationsDialog:
    """The file chooser for File › 导出批注…; the format follows the chosen filter."""

    @classmethod
    def ask(cls, parent: QWidget | None, start: Path) -> tuple[Path, str] | None:
        filters = [
            (QCoreApplication.translate("annotation_dialogs", "Markdown (*.md)"), "md"),
            (QCoreApplication.translate("annotation_dialogs", "网页 (*.html)"), "html"),
            (QCoreApplication.translate("annotation_dialogs", "JSON (*.json)"), "json"),
            (QCoreApplication.translate("annotation_dialogs", "Word 文档 (*.docx)"), "docx"),
        ]
        chosen = ask_save_path(
            parent, QCoreApplication.translate("annotation_dialogs", "导出批注"), start, filters
        )
        if chosen is None:
            return None
        path, suffix = chosen
        typed = path.suffix.lower().lstrip(".")  # a known suffix typed wins over the filter
        return path, format_for(path, typed if typed in {s for _, s in filters} else suffix)


class ImportAnnotationsDialog:
    """The file chooser for File › 导入批注… (a JSON export)."""

    @classmethod
    def ask(cls, parent: QWidget | None, start: Path) -> Path | None:
        return ask_open_path(
            parent,
            QCoreApplication.translate("annotation_dialogs", "导入批注"),
            start,
            QCoreApplication.translate(
                "annotation_dialogs", "批注 JSON (*.json *.jsonld);;所有文件 (*)"
            ),
            "import-annotations",
        )


def show_store_notices(parent: QWidget, store: AnnotationStore | None) -> None:
    """Say, in plain words, what happened to the annotations file when it was opened
    (moved aside as damaged, opened read-only…), if anything did."""
    if store is None or not store.notices:
        return
    zh = "\n\n".join(n.zh for n in store.notices)
    en = "\n\n".join(n.en for n in store.notices)
    title = QCoreApplication.translate("annotation_dialogs", "批注数据")
    Messages.warning(parent, title, *bilingual(zh, en))
