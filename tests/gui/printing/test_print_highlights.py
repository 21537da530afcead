"""The printout shows the user's highlights and underlines (issue 16), optionally like the
notes, in a way that survives black-and-white printing; page 1 has no running header."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.store import Colour, Kind, Placed
from haizhu_reader.core.printing import print_section
from haizhu_reader.core.report import Report
from haizhu_reader.gui.printing.document import (
    PrintJob,
    PrintStyle,
    build_print_document,
    render_pdf,
)
from haizhu_reader.gui.printing.printer import PrintOptions, PrintOptionsDialog
from tests.helpers import CITED, highlight_on, paragraph_with

TITLE = "海珠区2023年政府工作报告"
PDFTOTEXT = shutil.which("pdftotext")
PDFTOPPM = shutil.which("pdftoppm")
needs_poppler = pytest.mark.skipif(
    PDFTOTEXT is None or PDFTOPPM is None,
    reason="poppler-utils not found (bash packaging/setup-env.sh test installs it)",
)
GREEN = "增速排名全市第一"
UNDERLINED = "国企改革落地见效"


@pytest.fixture
def style(qtbot: QtBot) -> PrintStyle:
    widget = QWidget()
    qtbot.addWidget(widget)
    return PrintStyle.for_widget(widget)


def _marks(report: Report) -> tuple[Placed, ...]:
    placer = Placer(report)
    out = []
    for a in (
        highlight_on(report, GREEN, colour=Colour.GREEN),
        highlight_on(report, UNDERLINED, kind=Kind.UNDERLINE),
        highlight_on(report, "8.8%", note="问：口径？", kind=Kind.NOTE),
    ):
        at = placer.place(a.anchor)
        assert at is not None
        out.append(Placed(a, at))
    return tuple(out)


def _format_of(report: Report, style: PrintStyle, job: PrintJob, words: str) -> QTextCharFormat:
    doc = build_print_document(job, style)
    found = doc.find(words)
    assert not found.isNull(), words
    middle = QTextCursor(doc)
    middle.setPosition(found.selectionStart() + 1)
    return middle.charFormat()


def test_highlights_print_as_a_tint_with_a_line_under_them(
    report: Report, style: PrintStyle
) -> None:
    job = PrintJob(report, highlights=_marks(report))
    green = _format_of(report, style, job, GREEN)
    assert green.background().color() == QColor("#a5d6a7")
    # The tint may vanish on a black-and-white printer; the line under it does not.
    assert green.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    assert green.underlineColor().lightness() < 160
    under = _format_of(report, style, job, UNDERLINED)
    assert under.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    assert under.background().style().name == "NoBrush"
    plain = _format_of(report, style, job, "工业增加值增长")  # a note's words: not a highlight
    assert plain.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_highlights_are_optional(report: Report, style: PrintStyle) -> None:
    job = PrintJob(report, highlights=())
    green = _format_of(report, style, job, GREEN)
    assert green.background().style().name == "NoBrush"
    assert green.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline


def test_highlights_print_in_a_section_printout_with_notes(
    report: Report, style: PrintStyle
) -> None:
    pid = paragraph_with(report, GREEN)
    section = print_section(report, Placer(report).anchor_paragraph(pid).section_id)
    marks = _marks(report)
    job = PrintJob(report, section, notes=marks, highlights=marks)
    green = _format_of(report, style, job, GREEN)
    assert green.background().color() == QColor("#a5d6a7")
    assert not build_print_document(job, style).find("笔记：“8.8%”").isNull()


def test_the_options_dialog_offers_the_highlights(qtbot: QtBot) -> None:
    dialog = PrintOptionsDialog(None, "打印", "打印(&P)…", "一、（二）", 2, PrintOptions(), 3)
    qtbot.addWidget(dialog)
    assert "3" in dialog.highlights.text() and dialog.highlights.isChecked()
    assert dialog.highlights.accessibleName()
    dialog.highlights.setChecked(False)
    assert dialog.options() == PrintOptions(False, True, False)
    none = PrintOptionsDialog(None, "打印", "打印(&P)…", "", 0, PrintOptions(), 0)
    qtbot.addWidget(none)
    assert not none.highlights.isEnabled()


def _page_text(pdf: Path) -> list[list[str]]:
    assert PDFTOTEXT is not None
    out = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, check=True, text=True)
    return [
        [ln.strip() for ln in page.splitlines() if ln.strip()] for page in out.stdout.split("\f")
    ]


@needs_poppler
def test_page_one_has_no_running_header_above_the_title(
    report: Report, style: PrintStyle, tmp_path: Path
) -> None:
    pdf = tmp_path / "whole.pdf"
    pdf.write_bytes(render_pdf(PrintJob(report), style))
    first, second = _page_text(pdf)[:2]
    assert first[0] == TITLE and first.count(TITLE) == 1  # the title block alone
    assert second[0].startswith(TITLE)  # later pages carry the running header
    # A section printout has no title block: its first page keeps the header.
    pid = paragraph_with(report, CITED)
    section = print_section(report, Placer(report).anchor_paragraph(pid).section_id)
    pdf.write_bytes(render_pdf(PrintJob(report, section), style))
    assert _page_text(pdf)[0][0].startswith(TITLE)


@needs_poppler
def test_the_pdf_shows_the_tint(report: Report, style: PrintStyle, tmp_path: Path) -> None:
    pid = paragraph_with(report, GREEN)
    section = print_section(report, Placer(report).anchor_paragraph(pid).section_id)
    pdf = tmp_path / "marked.pdf"
    pdf.write_bytes(render_pdf(PrintJob(report, section, highlights=_marks(report)), style))
    assert PDFTOPPM is not None
    subprocess.run([PDFTOPPM, "-r", "40", "-f", "1", "-l", "1", "-png", str(pdf),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    [png] = tmp_path.glob("page*.png")
    image = QImage(str(png))
    greens = sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if (c := image.pixelColor(x, y)).green() > c.red() + 20 and c.green() > 150
    )
    assert greens > 20
