"""Printing, PDF export and copy with citation (issue #6), read back as the user gets them.

Exported PDFs are read with poppler's ``pdftotext`` (``bash packaging/setup-env.sh
test`` installs poppler-utils): the text must be real, selectable Chinese, with
the running header, the page numbers and the user's note in it.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSizeF, Qt, QThreadPool, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontDatabase,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QTextBlock,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.store import Kind
from haizhu_reader.core.parse import parse_report
from haizhu_reader.core.printing import print_section
from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.session import AnnotationSession
from haizhu_reader.gui.printing.copy_citation import cited_selection
from haizhu_reader.gui.printing.document import (
    PrintJob,
    PrintStyle,
    build_print_document,
    page_label,
    paginate,
    render_pdf,
)
from haizhu_reader.gui.printing.printer import PrintDialogs, PrintOptions, PrintOptionsDialog
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.paths import AppPaths
from tests.conftest import open_as_a_user
from tests.helpers import CITED, paragraph_with

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(
    PDFTOTEXT is None,
    reason="pdftotext not found: install poppler-utils (bash packaging/setup-env.sh test does)",
)
TITLE = "海珠区2023年政府工作报告"
NOTE = "<script>alert('x')</script> 会上追问进度"


@pytest.fixture(autouse=True)
def _pool_idle_after(qapp: QApplication) -> Iterator[None]:
    """PDF jobs end with the test that started them."""
    yield
    assert QThreadPool.globalInstance().waitForDone(30000)


@pytest.fixture
def window(qtbot: QtBot, app_paths: AppPaths, report: Report) -> Iterator[MainWindow]:
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    w = open_as_a_user(qtbot, MainWindow(annotations_db=app_paths.annotations_db), report)
    yield w
    w.close()


def _options(monkeypatch: pytest.MonkeyPatch, section: bool, notes: bool) -> None:
    chosen = PrintOptions(section, notes)
    monkeypatch.setattr(PrintOptionsDialog, "ask", classmethod(lambda cls, *a: chosen))


def _pages(path: Path) -> list[list[str]]:
    """Each page's non-empty lines, as pdftotext reads them."""
    assert PDFTOTEXT is not None
    out = subprocess.run([PDFTOTEXT, str(path), "-"], capture_output=True, check=True, text=True)
    pages = out.stdout.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]


def _note_on_cited(window: MainWindow, report: Report, note: str = NOTE) -> None:
    pid = paragraph_with(report, CITED)
    text = next(p.text for p in report.all_paragraphs() if p.id == pid)
    start = text.index(CITED)
    anchor = Placer(report).anchor_range(pid, start, start + len(CITED))
    assert window.part(AnnotationSession).create(Kind.NOTE, anchor, None, note) is not None


def _check_pages(pages: list[list[str]], heading: str = "") -> None:
    """Every page: the title (and section) on top, 第 n 页 / 共 N 页 at the foot."""
    total = len(pages)
    for n, lines in enumerate(pages, start=1):
        assert lines[0].startswith(TITLE), lines[:2]
        if heading:
            # A heading too long for its half of the header is elided: 二、（三）强招商…
            elided = lines[1].endswith("…") and heading.startswith(lines[1][:-1])
            assert lines[1] == heading or elided or heading in lines[0]
        # pdftotext may or may not read the narrow spaces around the numbers.
        assert lines[-1].replace(" ", "") == f"第{n}页/共{total}页"


# -- PDF export ------------------------------------------------------------------------


@needs_pdftotext
def test_export_pdf_of_the_whole_report_with_a_note(
    qtbot: QtBot,
    window: MainWindow,
    report: Report,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, ...]],
) -> None:
    _note_on_cited(window, report)
    _options(monkeypatch, section=False, notes=True)
    out = tmp_path / "报告.pdf"
    monkeypatch.setattr(PrintDialogs, "pdf_path", classmethod(lambda cls, *a: out))
    with qtbot.waitSignal(window._printer.get().exported, timeout=20000) as done:
        window.part(WindowMenus).export_pdf_action.trigger()
    assert done.args == [out] and errors == []
    pages = _pages(out)
    assert len(pages) >= 10
    _check_pages(pages)
    # The body, lines joined; pdftotext reads a widely justified line as spaced out.
    text = "".join("".join(lines[1:-1]) for lines in pages).replace(" ", "")
    for _, p in report.body_paragraphs():
        assert p.text[:12].replace(" ", "") in text
    assert report.glossary[0].term in text  # the appendix too
    assert f"笔记：“{CITED}”" in text and NOTE.replace(" ", "") in text
    # A page's last line is not repeated at the next page's head (no text twice).
    for before, after in itertools.pairwise(pages):
        assert before[-2] != after[1]


@needs_pdftotext
def test_export_pdf_of_the_current_section(
    qtbot: QtBot, report: Report, tmp_path: Path, window: MainWindow
) -> None:
    pid = paragraph_with(report, CITED)
    section = print_section(report, Placer(report).anchor_paragraph(pid).section_id)
    job = PrintJob(report, section)
    out = tmp_path / "section.pdf"
    out.write_bytes(render_pdf(job, PrintStyle.for_widget(window)))
    pages = _pages(out)
    assert job.heading.startswith("二、（三）")
    _check_pages(pages, job.heading)
    # The header is two lines here: the title, then the section.
    text = "".join("".join(lines[2:-1]) for lines in pages).replace(" ", "")
    heading = report.section_path(section)[-1]
    assert text.startswith(f"（三）{heading.title}"[:10])
    assert CITED in text
    assert "现在，我代表" not in text and report.glossary[0].definition[:10] not in text
    assert "笔记：" not in text  # no notes asked for
    whole = tmp_path / "whole.pdf"
    whole.write_bytes(render_pdf(PrintJob(report), PrintStyle.for_widget(window)))
    assert len(pages) < len(_pages(whole)) / 4


PDFFONTS = shutil.which("pdffonts")


@pytest.mark.skipif(PDFFONTS is None, reason="pdffonts not found: install poppler-utils")
def test_the_pdf_is_set_in_the_reading_font_chosen(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, ...]],
) -> None:
    assert PDFFONTS is not None
    chosen = "WenQuanYi Micro Hei Mono"  # the second family of fonts-wqy-microhei
    if chosen not in QFontDatabase.families():
        pytest.skip(f"{chosen} is not installed")

    def fonts(path: Path) -> str:
        return subprocess.run([PDFFONTS, str(path)], capture_output=True, text=True).stdout

    _options(monkeypatch, section=True, notes=False)
    paths = iter([tmp_path / "default.pdf", tmp_path / "chosen.pdf"])
    monkeypatch.setattr(PrintDialogs, "pdf_path", classmethod(lambda cls, *a: next(paths)))
    with qtbot.waitSignal(window._printer.get().exported, timeout=20000):
        window.part(WindowMenus).export_pdf_action.trigger()
    assert "Mono" not in fonts(tmp_path / "default.pdf")
    window.reader.set_font_family(chosen)
    with qtbot.waitSignal(window._printer.get().exported, timeout=20000):
        window.part(WindowMenus).export_pdf_action.trigger()
    assert "MicroHeiMono" in fonts(tmp_path / "chosen.pdf").replace(" ", "")
    assert errors == []


def test_an_unwritable_pdf_path_is_a_message(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, ...]],
) -> None:
    _options(monkeypatch, section=True, notes=False)
    out = tmp_path / "no-such-folder" / "x.pdf"
    monkeypatch.setattr(PrintDialogs, "pdf_path", classmethod(lambda cls, *a: out))
    window.part(WindowMenus).export_pdf_action.trigger()
    qtbot.waitUntil(lambda: bool(errors), timeout=20000)
    [(title, text, _detail)] = errors
    assert title == "无法导出 PDF" and str(out) in text and "无法写入文件" in text
    assert not out.parent.exists()


def test_cancelling_the_options_does_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(PrintOptionsDialog, "ask", classmethod(lambda cls, *a: None))
    asked: list[object] = []

    def ask(_cls: object, *args: object) -> None:
        asked.append(args)

    monkeypatch.setattr(PrintDialogs, "pdf_path", classmethod(ask))
    monkeypatch.setattr(PrintDialogs, "choose_printer", classmethod(ask))
    window.part(WindowMenus).export_pdf_action.trigger()
    window.part(WindowMenus).print_action.trigger()
    assert asked == []


# -- printing --------------------------------------------------------------------------


def _to_pdf(out: Path, pages: tuple[int, int] | None = None) -> object:
    def choose(_cls: object, _parent: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        if pages:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*pages)
        return True

    return classmethod(choose)


@needs_pdftotext
def test_print_goes_through_the_print_dialog_to_the_printer(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, ...]],
) -> None:
    _options(monkeypatch, section=False, notes=False)
    out = tmp_path / "printed.pdf"
    monkeypatch.setattr(PrintDialogs, "choose_printer", _to_pdf(out))
    window.part(WindowMenus).print_action.trigger()
    pages = _pages(out)
    _check_pages(pages)
    assert errors == []
    # A page range prints those pages, numbered as in the whole printout.
    part = tmp_path / "pages-2-3.pdf"
    monkeypatch.setattr(PrintDialogs, "choose_printer", _to_pdf(part, (2, 3)))
    window.part(WindowMenus).print_action.trigger()
    footers = [lines[-1].replace(" ", "") for lines in _pages(part)]
    labels = [page_label(n, len(pages)).replace(" ", "") for n in (2, 3)]
    assert footers == labels
    # A range past the end is a message naming the page count, not a blank sheet.
    beyond = tmp_path / "pages-90-99.pdf"
    monkeypatch.setattr(PrintDialogs, "choose_printer", _to_pdf(beyond, (90, 99)))
    window.part(WindowMenus).print_action.trigger()
    assert len(errors) == 1 and f"共 {len(pages)} 页" in errors[0][1]
    assert not beyond.exists() or beyond.stat().st_size == 0


def test_the_print_dialog_goes_with_its_printer(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each File › 打印… made a QPrintDialog that stayed, pointing at a freed printer."""
    _options(monkeypatch, section=False, notes=False)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            dialog.reject()
        else:
            QTimer.singleShot(20, cancel)

    for _ in range(2):
        QTimer.singleShot(0, cancel)
        window.part(WindowMenus).print_action.trigger()
    qtbot.waitUntil(lambda: not window.findChildren(QPrintDialog))


@needs_pdftotext
def test_preview_paints_the_same_pages(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _options(monkeypatch, section=True, notes=True)
    out = tmp_path / "preview.pdf"

    def preview(_cls: object, _parent: QWidget | None, printer: QPrinter, paint: object) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        assert callable(paint)
        paint(printer)

    monkeypatch.setattr(PrintDialogs, "preview", classmethod(preview))
    window.part(WindowMenus).print_preview_action.trigger()
    _check_pages(_pages(out))


def test_print_actions_and_shortcuts(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    texts = [a.text() for a in file_menu.actions()]
    assert {"打印(&P)…", "打印预览(&R)…", "导出 PDF(&D)…"} <= set(texts)
    assert window.part(WindowMenus).print_action.shortcut() == QKeySequence(
        QKeySequence.StandardKey.Print
    )
    keys = [
        a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
    ]
    for key in ("Ctrl+P", "Ctrl+Shift+C"):
        assert keys.count(key) == 1, key


# -- the options dialog ---------------------------------------------------------------


def test_options_dialog_is_named_and_keyboard_reachable(qtbot: QtBot) -> None:
    dialog = PrintOptionsDialog(
        None, "导出 PDF", "导出(&E)…", "二、（三）强招商", 3, PrintOptions()
    )
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    for w in (dialog, dialog.whole, dialog.section, dialog.notes):
        assert w.accessibleName(), w
    # Tab reaches the checked scope (the arrows the other one) and the check box.
    for w in (dialog.whole, dialog.notes):
        assert w.focusPolicy() & Qt.FocusPolicy.TabFocus, w
    assert dialog.whole.isChecked() and dialog.notes.isChecked()
    assert "二、（三）强招商" in dialog.section.text() and "3" in dialog.notes.text()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "导出(&E)…" and ok.accessibleName() == "导出"
    dialog.whole.setFocus()
    QTest.keyClick(dialog.whole, Qt.Key.Key_Down)  # arrows move within the scope group
    assert dialog.section.isChecked()
    QTest.keyClick(dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.notes
    QTest.keyClick(dialog.notes, Qt.Key.Key_Space)
    assert dialog.options() == PrintOptions(section=True, notes=False, highlights=False)


def test_options_dialog_without_a_section_or_notes(qtbot: QtBot) -> None:
    dialog = PrintOptionsDialog(None, "打印", "打印(&P)…", "", 0, PrintOptions(True, True))
    qtbot.addWidget(dialog)
    assert not dialog.section.isEnabled() and dialog.whole.isChecked()
    assert not dialog.notes.isEnabled()
    assert dialog.options() == PrintOptions(section=False, notes=False, highlights=False)


# -- copy with citation ---------------------------------------------------------------


def _select(window: MainWindow, pid: str, start: int, end_pid: str, end: int) -> None:
    a = window.reader.document_position(pid, start)
    b = window.reader.document_position(end_pid, end)
    assert a is not None and b is not None
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)


def test_copy_with_citation_puts_quote_and_source_on_the_clipboard(
    qtbot: QtBot, window: MainWindow, report: Report
) -> None:
    action = window.part(WindowMenus).copy_cited_action
    assert not action.isEnabled()  # nothing selected yet
    pid = paragraph_with(report, CITED)
    text = next(p.text for p in report.all_paragraphs() if p.id == pid)
    start = text.index(CITED)
    _select(window, pid, start, pid, start + len(CITED))
    assert action.isEnabled()
    QGuiApplication.clipboard().clear()
    window.activateWindow()
    window.reader.setFocus()
    QTest.keyClick(
        window.reader,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QGuiApplication.clipboard().text() == f"“{CITED}”（《{TITLE}》二、（三）第2段）"
    # Clearing the selection disables it again.
    cursor = window.reader.textCursor()
    cursor.clearSelection()
    window.reader.setTextCursor(cursor)
    assert not action.isEnabled()


def test_a_selection_across_paragraphs_cites_where_it_starts(
    window: MainWindow, report: Report
) -> None:
    paragraphs = [p for _, p in report.body_paragraphs()]
    # The last paragraph of one section and the first of the next part.
    index = {p.id: s for s, p in report.body_paragraphs()}
    i = next(
        i
        for i in range(1, len(paragraphs))
        if report.section_path(index[paragraphs[i].id].id)[0]
        is not report.section_path(index[paragraphs[i - 1].id].id)[0]
        and report.section_path(index[paragraphs[i - 1].id].id)[0].number
    )
    first, second = paragraphs[i - 1], paragraphs[i]
    _select(window, first.id, len(first.text) - 4, second.id, 3)
    window.part(WindowMenus).copy_cited_action.trigger()
    copied = QGuiApplication.clipboard().text()
    placer = Placer(report)
    placed = placer.place(placer.anchor_paragraph(first.id))
    assert placed is not None
    place = placer.where(placed)  # 二、（三）第2段, as the exports cite it
    assert place.endswith("段")
    assert copied.startswith(f"“{first.text[-4:]}\n")
    assert copied.endswith(f"（《{TITLE}》{place}）")
    assert second.text[:3] in copied


def test_a_selection_from_a_paragraph_end_cites_where_its_words_start(
    window: MainWindow, report: Report
) -> None:
    """Dragged from beside a section's last line into the next heading: the quote
    holds only the heading's words, and so does the place (it named the section before)."""
    part_one = report.sections[1]
    first, second = part_one.children[0], part_one.children[1]
    last = first.children[-1].paragraphs[-1] if first.children else first.paragraphs[-1]
    end = window.reader.document_position(last.id, len(last.text))
    heading = window.reader.section_position(second.id)
    assert end is not None and heading is not None and end < heading
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(end)
    cursor.setPosition(heading + 4, QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)
    copied = cited_selection(window.reader)
    assert copied.endswith(f"（《{TITLE}》{report.place_label(second.id)}）"), copied
    assert report.place_label(second.id) != report.place_label(first.id)
    # A report without an opening: its title block is above the first section, 一、,
    # and a quote from it cites the report's title alone.
    lines = ["政府工作报告", "一、过去一年工作回顾", "过去一年，我们做了很多工作。"]
    lines += ["二、今年工作安排", "今年要继续努力。"]
    plain = "\n".join(lines)
    window.open_report(parse_report(plain.encode()))
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(1)
    cursor.setPosition(4, QTextCursor.MoveMode.KeepAnchor)
    window.reader.setTextCursor(cursor)
    assert cited_selection(window.reader) == "“府工作”（《政府工作报告》）"


def test_copying_from_inside_a_quotation_balances_its_quote_marks(
    window: MainWindow, report: Report
) -> None:
    quoted = next(p for p in report.all_paragraphs() if "“两个确立”" in p.text)
    start = quoted.text.index("“两个确立”") + 3  # from 个确立”、… on
    _select(window, quoted.id, start, quoted.id, start + 10)
    copied = cited_selection(window.reader)
    words = quoted.text[start : start + 10].replace("”", "’").replace("“", "‘")
    assert copied.startswith(f"“‘{words}")
    assert copied.count("‘") == copied.count("’") and copied.count("“") == copied.count("”")


def test_copy_with_citation_is_in_the_reader_context_menu(window: MainWindow) -> None:
    edit_menu = window.menuBar().actions()[1].menu()
    assert isinstance(edit_menu, QMenu)
    assert window.part(WindowMenus).copy_cited_action in edit_menu.actions()
    assert window.part(WindowMenus).copy_cited_action in window.reader._context_actions
    assert window.part(WindowMenus).copy_cited_action.shortcut() == QKeySequence("Ctrl+Shift+C")


# -- pagination -----------------------------------------------------------------------


def _line_pages(doc: QTextDocument, block: QTextBlock, height: float) -> tuple[int, int]:
    doc.documentLayout().blockBoundingRect(block)
    text = block.layout()
    assert text.lineCount(), block.text()
    first, last = text.lineAt(0), text.lineAt(text.lineCount() - 1)
    y = text.position().y()
    return (
        int((y + first.y() + first.height() / 2) // height),
        int((y + last.y() + last.height() / 2) // height),
    )


@pytest.mark.parametrize("height", [537.0, 574.0, 611.0, 870.0, 981.0])
def test_no_heading_ends_a_page(window: MainWindow, report: Report, height: float) -> None:
    """Page heights at which the bundled report would leave headings at a page's foot."""
    doc = build_print_document(PrintJob(report), PrintStyle.for_widget(window))
    pages = paginate(doc, QSizeF(640, height))
    assert pages >= 15
    block, headings = doc.begin(), 0
    while block.isValid():
        after = block.next()
        assert block.layout().lineCount() or not block.text()  # all laid out, none lost
        if block.blockFormat().headingLevel() and after.isValid():
            headings += 1
            assert _line_pages(doc, after, height)[0] == _line_pages(doc, block, height)[1]
        block = after
    assert headings > 10


def test_print_colours_whatever_the_screen_theme(qtbot: QtBot, report: Report) -> None:
    dark = QWidget()
    qtbot.addWidget(dark)
    palette = dark.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    dark.setPalette(palette)
    doc = build_print_document(PrintJob(report), PrintStyle.for_widget(dark))
    colours, block = set(), doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            colours.add(fmt.foreground().color().name())
            assert fmt.underlineStyle() == fmt.UnderlineStyle.NoUnderline  # no glossary marks
            it += 1
        block = block.next()
    assert colours <= {"#000000", "#555555"}, colours


def test_a_pdf_name_typed_without_its_suffix_asks_before_replacing(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """``report`` typed where report.pdf exists: the dialog adds .pdf and asks first
    (adding the suffix after the dialog replaced the file without a word)."""
    (tmp_path / "report.pdf").write_bytes(b"%PDF- keep me")
    asked: list[str] = []

    def type_name() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, type_name)
            return
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setText("report")
        QTimer.singleShot(0, answer)
        dialog.accept()

    def answer(tries: int = 50) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries and isinstance(box, QFileDialog):  # not asked yet
                QTimer.singleShot(20, lambda: answer(tries - 1))
            return
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()  # keep it: back in the dialog
        QTimer.singleShot(0, cancel)

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        dialog.reject()

    QTimer.singleShot(0, type_name)
    assert PrintDialogs.pdf_path(None, tmp_path / "报告.pdf") is None
    assert len(asked) == 1 and "report.pdf" in asked[0]
    assert (tmp_path / "report.pdf").read_bytes() == b"%PDF- keep me"
