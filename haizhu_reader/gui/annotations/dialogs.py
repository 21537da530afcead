"""Dialogs for annotating, each behind an ``ask()`` classmethod tests monkeypatch, and the
message about what happened to the annotations file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.annotations.export import format_for
from haizhu_reader.core.annotations.store import MAX_NOTE, Annotation, AnnotationStore
from haizhu_reader.gui.common.dialogs import Messages, ask_open_path, ask_save_path
from haizhu_reader.gui.common.language import bilingual


class NoteDialog(QDialog):
    """A small editor for one note: what it is attached to, then the text.

    Enter starts a new line; Ctrl+Enter saves, as in mail and chat editors; Esc cancels.
    """

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
        self.editor.installEventFilter(self)
        self.hint = QLabel(
            QCoreApplication.translate("annotation_dialogs", "Ctrl+Enter 保存，Esc 取消"), self
        )
        self.hint.setEnabled(False)  # a quiet, greyed line
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Ok)
        save.setText(QCoreApplication.translate("annotation_dialogs", "保存"))
        save.setToolTip("Ctrl+Enter")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._context)
        layout.addWidget(self.editor, 1)
        row = QHBoxLayout()
        row.addWidget(self.hint, 1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(420, 260)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter (either Enter key) in the editor saves the note."""
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.accept()
            return True
        return super().eventFilter(watched, event)

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
    """File › 导入批注…: the file chooser (a W3C Web Annotation file), the question when its
    annotations name another source, and what could not be placed."""

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

    @classmethod
    def confirm_foreign(cls, parent: QWidget | None, title: str, why: str) -> bool:
        """Import a file about another source (a web page…) into this report? ``why`` says
        what the file names; the answer is No unless the user says Yes."""
        from PySide6.QtWidgets import QMessageBox

        heading = QCoreApplication.translate("annotation_dialogs", "导入批注")
        box = QMessageBox(
            QMessageBox.Icon.Question, heading, why, QMessageBox.StandardButton.NoButton
        )
        box.setParent(parent, box.windowFlags())
        box.setAccessibleName(heading)
        box.setInformativeText(
            QCoreApplication.translate(
                "annotation_dialogs",
                "仍要把它们导入《%1》吗？按原文找得到的批注放到原处，找不到的保留在批注栏"
                "“未能定位的批注”下。",
            ).replace("%1", title)
        )
        yes = box.addButton(
            QCoreApplication.translate("annotation_dialogs", "导入到本报告"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        no = box.addButton(QMessageBox.StandardButton.Cancel)
        no.setText(QCoreApplication.translate("annotation_dialogs", "取消"))
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes

    @classmethod
    def show_unplaced(cls, parent: QWidget | None, unplaced: list[Annotation]) -> None:
        """Say which imported annotations the report does not contain (kept, not lost)."""
        shown = unplaced[:_UNPLACED_SHOWN]
        lines = [f"“{_clip(a.anchor.exact, 40)}”" + (f" — {_clip(a.note, 40)}" if a.note else "")
                 for a in shown]  # fmt: skip
        if len(unplaced) > len(shown):
            lines.append(
                QCoreApplication.translate("annotation_dialogs", "……另有 %1 条").replace(
                    "%1", str(len(unplaced) - len(shown))
                )
            )
        Messages.information(
            parent,
            QCoreApplication.translate("annotation_dialogs", "导入批注"),
            QCoreApplication.translate(
                "annotation_dialogs",
                "有 %1 条批注在本报告中找不到原文。它们已保留，列在批注栏“未能定位的批注”下：",
            ).replace("%1", str(len(unplaced)))
            + "\n\n"
            + "\n".join(lines),
        )


_UNPLACED_SHOWN = 12


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "……"


def show_store_notices(parent: QWidget, store: AnnotationStore | None) -> None:
    """Say, in plain words, what happened to the annotations file when it was opened
    (moved aside as damaged, opened read-only…), if anything did."""
    if store is None or not store.notices:
        return
    zh = "\n\n".join(n.zh for n in store.notices)
    en = "\n\n".join(n.en for n in store.notices)
    title = QCoreApplication.translate("annotation_dialogs", "批注数据")
    Messages.warning(parent, title, *bilingual(zh, en))
