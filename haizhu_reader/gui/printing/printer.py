"""File › 打印…, 打印预览… and 导出 PDF…: the options, then the printer, the preview or a file.

Each starts with ``PrintOptionsDialog`` (the whole report or the section at
the reading position; with or without the user's notes, and their highlights). Printing and the
preview paint a ``QPrinter`` on the GUI thread (Qt's print dialogs want it
there); a PDF is rendered and written by a worker (``jobs.write_file``) and the window
says when it is done, or in a message box why not (an unwritable folder...).
Every dialog sits behind a classmethod that tests monkeypatch.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QMainWindow,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.annotations.store import Placed
from haizhu_reader.core.files import OwnFiles
from haizhu_reader.core.printing import print_highlights, print_notes, print_section
from haizhu_reader.core.report import Report, group_title
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.dialogs import Messages, ask_save_path, refuse_target
from haizhu_reader.gui.printing.document import (
    PrintJob,
    PrintStyle,
    build_print_document,
    paint_pages,
    render_pdf,
    set_page_layout,
)


@dataclass(frozen=True)
class PrintOptions:
    section: bool = False  # the current section only (else the whole report)
    notes: bool = True  # the user's notes after what they annotate
    highlights: bool = True  # the user's highlights and underlines


class PrintOptionsDialog(QDialog):
    """Scope, notes and highlights, before printing, previewing or exporting."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        action: str,
        section: str,
        note_count: int,
        options: PrintOptions,
        highlight_count: int = 0,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("print_options_dialog")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        scope = QGroupBox(self.tr("范围"), self)
        scope.setAccessibleName(self.tr("打印范围"))
        self.whole = QRadioButton(self.tr("整篇报告(&W)"), scope)
        self.whole.setAccessibleName(self.tr("整篇报告"))
        self.section = QRadioButton(scope)
        self.section.setAccessibleName(self.tr("当前章节"))
        if section:
            # A title's own "&" must not become a mnemonic.
            short = section if len(section) <= 30 else section[:29] + "…"
            label = self.tr("当前章节(&S)：%1").replace("%1", short.replace("&", "&&"))
            self.section.setText(label)
            self.section.setToolTip(section)
        else:
            self.section.setText(self.tr("当前章节(&S)"))
            self.section.setEnabled(False)
        (self.section if options.section and section else self.whole).setChecked(True)
        column = QVBoxLayout(scope)
        column.addWidget(self.whole)
        column.addWidget(self.section)
        if note_count:
            self.notes = QCheckBox(
                self.tr("附上我的笔记（共 %1 条）(&N)").replace("%1", str(note_count)), self
            )
            self.notes.setChecked(options.notes)
        else:
            self.notes = QCheckBox(self.tr("附上我的笔记（暂无笔记）(&N)"), self)
            self.notes.setEnabled(False)
        self.notes.setAccessibleName(self.tr("附上我的笔记"))
        if highlight_count:
            self.highlights = QCheckBox(
                self.tr("印出高亮和下划线（共 %1 处）(&H)").replace("%1", str(highlight_count)),
                self,
            )
            self.highlights.setChecked(options.highlights)
        else:
            self.highlights = QCheckBox(self.tr("印出高亮和下划线（暂无）(&H)"), self)
            self.highlights.setEnabled(False)
        self.highlights.setAccessibleName(self.tr("印出高亮和下划线"))
        self.highlights.setToolTip(self.tr("浅色底纹加虚线，黑白打印也看得出"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(action)
        ok.setAccessibleName(re.sub(r"\(&\w\)|&", "", action).rstrip("…"))  # 导出(&E)… -> 导出
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("取消"))
        cancel.setAccessibleName(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scope)
        layout.addWidget(self.notes)
        layout.addWidget(self.highlights)
        layout.addWidget(buttons)
        self.setMinimumWidth(360)

    def options(self) -> PrintOptions:
        return PrintOptions(
            self.section.isChecked(), self.notes.isChecked(), self.highlights.isChecked()
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        action: str,
        section: str,
        note_count: int,
        options: PrintOptions,
        highlight_count: int = 0,
    ) -> PrintOptions | None:
        """The chosen options, or None when cancelled."""
        dialog = cls(parent, title, action, section, note_count, options, highlight_count)
        (dialog.section if dialog.section.isChecked() else dialog.whole).setFocus()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.options()


class PrintDialogs:
    """Qt's printer, preview and save dialogs."""

    @classmethod
    def choose_printer(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        """The system print dialog; False when cancelled."""
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("printing", "打印"))
        dialog.setAccessibleName(QCoreApplication.translate("printing", "打印"))
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()  # it points at the printer, which goes with the job

    @classmethod
    def preview(
        cls, parent: QWidget | None, printer: QPrinter, paint: Callable[[QPrinter], None]
    ) -> None:
        """The print preview; ``paint(printer)`` paints the pages (again on each change)."""
        dialog = QPrintPreviewDialog(printer, parent)
        title = QCoreApplication.translate("printing", "打印预览")
        dialog.setWindowTitle(title)
        dialog.setAccessibleName(title)
        dialog.paintRequested.connect(paint)
        dialog.resize(900, 1000)
        dialog.exec()

    @classmethod
    def pdf_path(cls, parent: QWidget | None, start: Path) -> Path | None:
        """Where to save the PDF (``.pdf`` added to a name typed without it)."""
        chosen = ask_save_path(
            parent,
            QCoreApplication.translate("printing", "导出 PDF"),
            start,
            [(QCoreApplication.translate("printing", "PDF 文档 (*.pdf)"), "pdf")],
        )
        return chosen[0] if chosen else None


class ReportPrinter(QObject):
    """Prints, previews and exports the open report; the window calls its three slots.

    Signals:
        exported(object): a PDF was written (its path).
    """

    exported = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        family: Callable[[], str] = str,
        own: OwnFiles | None = None,
    ) -> None:
        """``family`` gives the reading font chosen at the time of printing ("" for the
        default); no PDF is written onto ``own`` (the profile's folders and store)."""
        super().__init__(window)
        self._window = window
        self._family = family
        self._own = own if own is not None else OwnFiles()
        self._options = PrintOptions()

    def _ask(
        self, title: str, action: str, report: Report | None, at: str, placed: list[Placed]
    ) -> PrintJob | None:
        """The printout the options dialog asks for; None without a report or when cancelled."""
        if report is None:
            return None
        section = print_section(report, at)
        count = sum(len(n) for n in print_notes(placed).values())
        options = PrintOptionsDialog.ask(
            self._window,
            title,
            action,
            group_title(report, section) if section else "",
            count,
            self._options,
            len(print_highlights(placed)),
        )
        if options is None:
            return None
        self._options = options
        return PrintJob(
            report,
            section if options.section else "",
            tuple(placed) if options.notes else (),
            tuple(placed) if options.highlights else (),
        )

    def print_report(self, report: Report | None, at: str, placed: list[Placed]) -> None:
        """File › 打印…: options, the system print dialog, then the printer."""
        job = self._ask(self.tr("打印"), self.tr("打印(&P)…"), report, at, placed)
        if job is None:
            return
        printer = self._printer(job)
        if PrintDialogs.choose_printer(self._window, printer):
            self._paint(job, printer)

    def preview(self, report: Report | None, at: str, placed: list[Placed]) -> None:
        """File › 打印预览…: options, then Qt's preview (which can print too)."""
        job = self._ask(self.tr("打印预览"), self.tr("预览(&V)"), report, at, placed)
        if job is None:
            return
        PrintDialogs.preview(
            self._window, self._printer(job), lambda printer: self._paint(job, printer)
        )

    def export_pdf(self, report: Report | None, at: str, placed: list[Placed]) -> None:
        """File › 导出 PDF…: options, a file name, then a worker renders and writes it."""
        job = self._ask(self.tr("导出 PDF"), self.tr("导出(&E)…"), report, at, placed)
        if job is None:
            return
        name = "-".join(x for x in (job.report.title, job.heading) if x) or "report"
        path = PrintDialogs.pdf_path(self._window, Path.home() / f"{_file_name(name)}.pdf")
        if path is None or refuse_target(self._window, self.tr("无法导出 PDF"), path, self._own):
            return
        style = PrintStyle.for_widget(self._window, self._family())

        def make() -> tuple[bytes, int]:
            data = render_pdf(job, style)
            return data, len(data)

        pdf = jobs.write_file(path, make)
        pdf.signals.done.connect(self._on_exported)
        pdf.signals.failed.connect(self._on_export_failed)
        self._window.statusBar().showMessage(self.tr("正在导出 PDF…"))
        jobs.start(pdf)

    def _printer(self, job: PrintJob) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        set_page_layout(printer)
        printer.setDocName(job.name)
        return printer

    def _paint(self, job: PrintJob, printer: QPrinter) -> None:
        """Paint the printout on ``printer``: all pages, or the range its dialog chose."""
        pages = None
        if printer.printRange() == QPrinter.PrintRange.PageRange:
            pages = (printer.fromPage(), printer.toPage())
        style = PrintStyle.for_widget(self._window, self._family())
        doc = build_print_document(job, style)
        try:
            paint_pages(doc, printer, style, job.report.title, job.heading, pages)
        except OSError as e:
            Messages.error(self._window, self.tr("无法打印"), str(e))

    @Slot(object, object)
    def _on_exported(self, path: Path, _size: int) -> None:
        self._window.statusBar().showMessage(
            self.tr("已导出 PDF：%1").replace("%1", str(path)), 8000
        )
        self.exported.emit(path)

    @Slot(object, object)
    def _on_export_failed(self, path: Path, error: Exception) -> None:
        self._window.statusBar().clearMessage()
        Messages.error(self._window, self.tr("无法导出 PDF"), *jobs.write_error(path, error))


def _file_name(text: str) -> str:
    """A file name from a title: no path separators or characters Windows refuses."""
    cleaned = "".join("_" if c in '\\/:*?"<>|' or ord(c) < 32 else c for c in text)
    return cleaned.strip(" .")[:120] or "report"
