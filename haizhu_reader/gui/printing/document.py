"""The report typeset for paper, and the pages painted with a running header and page numbers.

The printout is set like the reading view — ``reader/typesetting.build_document``
builds it, so headings by level, the two-character first-line indent and the
1.7 line spacing are the same — but in print colours (black on white whatever
the screen theme), without the glossary underlines, cut to the chosen section,
with the user's highlights (a light tint with a dashed line under it, which a
black-and-white printer keeps) and underlines, and with the user's notes after
what they annotate (inserted as plain text: a note ``<script>`` prints as those
characters). Highlights and notes are each optional.

``QTextDocument.print_`` puts only a page number on a page, so ``paint_pages``
lays the document out to the body of the page and paints each page itself:
the header (the report's title, the section printed; not on the first page of
the whole report, which opens with the title block), the body clipped to the
page's share of the text, and the footer (第 3 页 / 共 40 页). The same code
paints a ``QPrinter`` (print, preview) and a ``QPdfWriter`` (export); the PDF
keeps real, selectable text with the fonts embedded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QWidget

from haizhu_reader.core.annotations.store import Placed
from haizhu_reader.core.printing import (
    PrintNote,
    following_id,
    print_highlights,
    print_notes,
)
from haizhu_reader.core.report import Report, group_title
from haizhu_reader.gui.reader.typesetting import (
    DocumentIndex,
    Typography,
    build_document,
    reading_family,
)

BODY_POINT_SIZE = 12.0  # about 40 characters a line on A4 with these margins
HEADER_POINT_SIZE = 9.0
INK = QColor("#000000")
GREY = QColor("#555555")
NOTE_BACKGROUND = QColor("#f1f1f1")
HIGHLIGHT_LINE_DARKER = 250  # percent: the line under a highlight, from its tint
PAGE_MARGINS_MM = QMarginsF(20, 14, 20, 12)  # left, top, right, bottom
PDF_DPI = 600
HEADER_MM = 11.0  # the running header's band above the body
FOOTER_MM = 10.0  # the page number's band below it
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value


@dataclass(frozen=True)
class PrintJob:
    """What to print: the report, one section of it (``""``: all), the annotations whose
    notes are printed, and those whose highlights and underlines are (or none)."""

    report: Report
    section_id: str = ""
    notes: tuple[Placed, ...] = ()
    highlights: tuple[Placed, ...] = ()

    @property
    def heading(self) -> str:
        """The section printed, as the header names it ('' for the whole report)."""
        return group_title(self.report, self.section_id) if self.section_id else ""

    @property
    def name(self) -> str:
        """The printout's document name: the title, and the section printed if one is."""
        return "·".join(x for x in (self.report.title, self.heading) if x)


@dataclass(frozen=True)
class PrintStyle:
    """How a printout is set; made on the GUI thread, used by a worker as well."""

    typo: Typography  # the reading view's, at a print size, black on white
    layout_dpi: float  # the resolution the text is laid out at (the screen's, as the typo)

    @classmethod
    def for_widget(cls, widget: QWidget, family: str = "") -> PrintStyle:
        """The style for printing from ``widget``'s screen, in the reading font ``family``
        (or the fallback: see ``reading_family``)."""
        font = QFont(reading_family(family))
        font.setPointSizeF(BODY_POINT_SIZE)
        typo = Typography.for_widget(widget)._replace(
            font=font,
            em=QFontMetricsF(font).horizontalAdvance("中"),
            text=INK,
            muted=GREY,
            accent=INK,
            mark=INK,
        )
        screen = QGuiApplication.primaryScreen()
        # What a QTextDocument without a paint device measures points at.
        dpi = float(round(screen.logicalDotsPerInchY())) if screen is not None else 96.0
        return cls(typo, dpi)


def build_print_document(job: PrintJob, style: PrintStyle) -> QTextDocument:
    """The printout's text: the report (or one section), plain marks, notes inserted."""
    doc, index = build_document(job.report, style.typo)
    whole = QTextCursor(doc)
    whole.select(QTextCursor.SelectionType.Document)
    plain = QTextCharFormat()
    plain.setAnchor(False)
    plain.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
    whole.mergeCharFormat(plain)  # glossary marks are links on screen, words on paper
    _mark_highlights(doc, index, job.highlights)

    start, end = 0, doc.characterCount() - 1
    if job.section_id:
        start = index.section_pos.get(job.section_id, 0)
        after = following_id(job.report, job.section_id)
        if after is not None:
            # The block before the next heading ends one character before it.
            end = index.section_pos.get(after, end + 1) - 1
    spots: list[tuple[int, int, list[PrintNote]]] = []  # (position, reading order, notes)
    for i, (key, notes) in enumerate(print_notes(job.notes).items()):
        if key in index.paragraph_pos:
            pos = index.paragraph_pos[key] + index.paragraph_len[key]
        elif key in index.section_pos:
            block = doc.findBlock(index.section_pos[key])
            pos = block.position() + block.length() - 1
        else:
            continue
        if start <= pos <= end:
            spots.append((pos, i, notes))
    cut = QTextCursor(doc)
    if end < doc.characterCount() - 1:
        cut.setPosition(end)
        cut.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        cut.removeSelectedText()
    # From the end backwards, so the positions before each insertion stay valid; of two
    # at one place (a topic's section note and its paragraph's), the later goes in first.
    inserter = _NoteInserter(doc, style.typo)
    for pos, _, notes in sorted(spots, key=lambda s: (s[0], s[1]), reverse=True):
        inserter.insert(pos, notes)
    if start > 0:
        # What remains joins the document's first block and would take its format.
        heading = doc.findBlock(start).blockFormat()
        cut.setPosition(0)
        cut.setPosition(start, QTextCursor.MoveMode.KeepAnchor)
        cut.removeSelectedText()
        QTextCursor(doc).setBlockFormat(heading)
    return doc


def _mark_highlights(doc: QTextDocument, index: DocumentIndex, placed: tuple[Placed, ...]) -> None:
    """Highlights as a light tint with a dashed line under it in a darker shade (the tint
    may not survive a black-and-white printer, the line does); underlines as a line.
    Before anything is cut or inserted: the marks move with their text."""
    cursor = QTextCursor(doc)
    for h in print_highlights(placed):
        at = index.paragraph_pos.get(h.paragraph_id)
        if at is None or h.end > index.paragraph_len[h.paragraph_id]:
            continue
        fmt = QTextCharFormat()
        colour = QColor(h.colour)
        if h.underline:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(colour)
        else:
            fmt.setBackground(colour)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
            fmt.setUnderlineColor(colour.darker(HIGHLIGHT_LINE_DARKER))
        cursor.setPosition(at + h.start)
        cursor.setPosition(at + h.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)


class _NoteInserter:
    """Notes as indented, shaded blocks of plain text after a paragraph."""

    def __init__(self, doc: QTextDocument, typo: Typography) -> None:
        self._doc = doc
        em = typo.em
        self.block = QTextBlockFormat()
        self.block.setLeftMargin(2 * em)
        self.block.setRightMargin(1 * em)
        self.block.setTopMargin(0.1 * em)
        self.block.setBottomMargin(0.5 * em)
        self.block.setLineHeight(150, _PROPORTIONAL)
        self.block.setBackground(NOTE_BACKGROUND)
        self.text = QTextCharFormat()
        self.text.setForeground(INK)
        self.text.setFontPointSize(typo.font.pointSizeF() * 0.9)
        self.text.setFontWeight(QFont.Weight.Normal)
        self.label = QTextCharFormat(self.text)
        self.label.setFontWeight(QFont.Weight.Bold)
        self.quote = QTextCharFormat(self.text)
        self.quote.setForeground(GREY)

    def insert(self, pos: int, notes: list[PrintNote]) -> None:
        cursor = QTextCursor(self._doc)
        cursor.setPosition(pos)
        for n in notes:
            cursor.insertBlock(self.block, self.text)
            cursor.insertText(QCoreApplication.translate("print_document", "笔记："), self.label)
            if n.quote:
                cursor.insertText(f"“{n.quote}”\u2003", self.quote)
            # insertText takes the note as plain characters; line breaks stay in the block.
            cursor.insertText(n.note.replace("\r\n", "\n").replace("\n", "\u2028"), self.text)


# -- pages ---------------------------------------------------------------------------


def page_label(page: int, total: int) -> str:
    """第 3 页 / 共 40 页."""
    text = QCoreApplication.translate("print_document", "第 %1 页 / 共 %2 页")
    return text.replace("%1", str(page)).replace("%2", str(total))


def set_page_layout(device: QPagedPaintDevice) -> None:
    """A4 portrait with the printout's margins (a print dialog may change them after)."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            PAGE_MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )


def paint_pages(
    doc: QTextDocument,
    device: QPagedPaintDevice,
    style: PrintStyle,
    title: str,
    heading: str = "",
    pages: tuple[int, int] | None = None,
) -> int:
    """Lay ``doc`` out to ``device``'s pages and paint them; returns the page count.

    ``pages`` (first, last), 1-based, limits what is painted (a print dialog's
    range); the numbers in the footer still count the whole printout. A device
    that will not open (a printer gone) raises ``OSError``.
    """
    dpi = device.logicalDpiY()
    mm = dpi / 25.4
    width, height = device.width(), device.height()  # the area inside the margins
    header, footer = HEADER_MM * mm, FOOTER_MM * mm
    body = QRectF(0, header, width, height - header - footer)
    # The text is laid out in screen pixels, as the reading view's formats are
    # measured, and painted through a scaled painter. (With the printer as the
    # layout's paint device Qt scales margins to it but not the first-line indent.)
    scale = dpi / style.layout_dpi
    total = paginate(doc, QSizeF(body.width() / scale, body.height() / scale))
    first, last = pages if pages and pages != (0, 0) else (1, total)  # (0, 0): Qt's "all"
    first, last = max(1, first), min(total, last)
    if first > last:  # a range typed past the end: say so rather than print a blank sheet
        raise OSError(
            QCoreApplication.translate(
                "print_document", "所选页码不在打印内容之内（共 %1 页）"
            ).replace("%1", str(total))
        )

    painter = QPainter()
    if not painter.begin(device):
        raise OSError(QCoreApplication.translate("print_document", "无法开始打印"))
    try:
        small = QFont(reading_family())
        small.setPointSizeF(HEADER_POINT_SIZE)
        for page in range(first, last + 1):
            if page > first:
                device.newPage()
            if page > 1 or heading:  # page 1 of the whole report opens with its title block
                _paint_header(painter, small, QRectF(0, 0, width, header * 0.7), title, heading)
            top = (page - 1) * doc.pageSize().height()
            painter.save()
            painter.translate(body.topLeft())
            painter.scale(scale, scale)
            painter.translate(0, -top)
            _paint_body(painter, doc, top, top + doc.pageSize().height())
            painter.restore()
            painter.setFont(small)
            painter.setPen(GREY)
            painter.drawText(
                QRectF(0, height - footer * 0.6, width, footer * 0.6),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                page_label(page, total),
            )
    finally:
        painter.end()
    return total


def paginate(doc: QTextDocument, size: QSizeF) -> int:
    """Lay ``doc`` out in pages of ``size`` (layout pixels); returns the page count.

    No heading ends a page: one that would, starts the next (with the part's
    heading stacked above it, if any).
    """
    doc.setUseDesignMetrics(True)  # unhinted advances: the same line breaks at any size
    doc.setPageSize(size)
    _keep_headings_with_text(doc)
    return doc.pageCount()


def _keep_headings_with_text(doc: QTextDocument) -> None:
    """Start a new page at a heading that would otherwise end one, apart from its text.

    After each change the whole document is laid out afresh: Qt's incremental
    relayout after a block format change can leave later blocks without lines.
    """
    height = doc.pageSize().height()
    layout = doc.documentLayout()
    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore

    def relayout() -> None:
        doc.markContentsDirty(0, doc.characterCount())
        layout.blockBoundingRect(doc.lastBlock())

    def page(block: QTextBlock, first: bool) -> int:
        """The page of a block's first or last line (-1 for a block without lines)."""
        text = block.layout()
        if not text.lineCount():
            return -1
        ln = text.lineAt(0 if first else text.lineCount() - 1)
        return int((text.position().y() + ln.y() + ln.height() / 2) // height)

    def set_break(block: QTextBlock, policy: QTextFormat.PageBreakFlag) -> None:
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(policy)
        QTextCursor(block).setBlockFormat(fmt)

    block = doc.begin()
    while block.isValid():  # breaks made for another paper size go first
        if block.blockFormat().pageBreakPolicy() & always:
            set_break(block, QTextFormat.PageBreakFlag.PageBreak_Auto)
        block = block.next()
    relayout()
    block = doc.begin()
    while block.isValid():
        before, after = block.previous(), block.next()
        if (
            block.blockFormat().headingLevel()
            and before.isValid()
            and after.isValid()
            and page(before, first=False) == page(block, first=True)  # not a page's head
            and page(after, first=True) > page(block, first=False)
        ):
            set_break(_heading_group(block, page), always)
            relayout()
        block = after


def _heading_group(block: QTextBlock, page: Callable[[QTextBlock, bool], int]) -> QTextBlock:
    """The first of the headings stacked above ``block`` (a part's above its section's),
    unless that one already heads a page."""
    head = block
    while True:
        above = head.previous()
        if not (above.isValid() and above.blockFormat().headingLevel()):
            return head
        higher = above.previous()
        if not higher.isValid() or page(higher, False) != page(above, True):
            return head
        head = above


def _paint_body(painter: QPainter, doc: QTextDocument, top: float, bottom: float) -> None:
    """The lines of ``doc`` within [top, bottom): one page's share, each line once.

    Line by line, not ``documentLayout().draw()`` with a clip: that also draws
    the line just above the clip (hidden by the clip on paper, but in the PDF's
    text, so a copy or search would find the last line of a page twice).
    Pagination has moved every line that would cross a page's foot to the next.
    """
    layout = doc.documentLayout()
    block = doc.findBlock(layout.hitTest(QPointF(0, top), Qt.HitTestAccuracy.FuzzyHit))
    # One block back: a hit in the gap between blocks may name the later one.
    block = block.previous() if block.previous().isValid() else block
    block = block if block.isValid() else doc.begin()
    while block.isValid():
        rect = layout.blockBoundingRect(block)
        if rect.top() >= bottom:
            break
        text = block.layout()
        origin = text.position()
        lines = [text.lineAt(i) for i in range(text.lineCount())]
        # By the line's middle: a line moved to a page's head starts a rounding error above it.
        lines = [ln for ln in lines if top <= origin.y() + ln.y() + ln.height() / 2 < bottom]
        if lines:
            shade = block.blockFormat().background()
            if shade.style() != Qt.BrushStyle.NoBrush:
                area = lines[0].rect().united(lines[-1].rect()).translated(origin)
                pad = area.height() / len(lines) * 0.15
                painter.fillRect(area.adjusted(-pad, -pad / 2, pad, pad / 2), shade)
            for ln in lines:
                ln.draw(painter, origin)
        block = block.next()


def _paint_header(painter: QPainter, font: QFont, rect: QRectF, title: str, heading: str) -> None:
    painter.setFont(font)
    painter.setPen(GREY)
    metrics = QFontMetricsF(font, painter.device())
    bottom = int(Qt.AlignmentFlag.AlignBottom)
    right = ""
    if heading:
        right = metrics.elidedText(heading, Qt.TextElideMode.ElideRight, rect.width() * 0.48)
    left_width = rect.width() - metrics.horizontalAdvance(right) - metrics.height()
    left = metrics.elidedText(title, Qt.TextElideMode.ElideRight, left_width)
    painter.drawText(rect, bottom | int(Qt.AlignmentFlag.AlignLeft), left)
    if right:
        painter.drawText(rect, bottom | int(Qt.AlignmentFlag.AlignRight), right)
    pen = QPen(GREY)
    pen.setWidthF(max(1.0, painter.device().logicalDpiY() / 300))
    painter.setPen(pen)
    y = rect.bottom() + metrics.descent() + 2
    painter.drawLine(0, int(y), int(rect.width()), int(y))


def render_pdf(job: PrintJob, style: PrintStyle) -> bytes:
    """The printout as PDF (A4) bytes, its metadata naming the report and section."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setTitle(job.name)
    writer.setCreator(QCoreApplication.applicationName() or "haizhu-reader")
    set_page_layout(writer)
    paint_pages(build_print_document(job, style), writer, style, job.report.title, job.heading)
    data: QByteArray = buffer.data()  # painter.end() wrote the whole file
    return bytes(data.data())
