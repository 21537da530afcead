"""Typesetting a ``Report`` into a QTextDocument, and the position index that goes with it.

The document is built block by block with QTextCursor and explicit formats:
for a report of this size that is several times faster than generating and
parsing HTML, and it lets every paragraph keep its text verbatim, so a
paragraph offset from the parser (glossary occurrences, search hits) is a
document position plus a constant. ``DocumentIndex`` holds those constants.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QWidget

from haizhu_reader.core.glossary import find_spans
from haizhu_reader.core.report import (
    PART,
    SECTION,
    Appendix,
    Paragraph,
    Report,
    Section,
    heading_text,
)
from haizhu_reader.core.text import fold
from haizhu_reader.gui.common.theme import Theme

# Anchors of glossary marks are "glossary:<index into report.glossary>".
GLOSSARY_SCHEME = "glossary"
# The same index as a format property, for code that walks the document.
GLOSSARY_PROPERTY = 0x100000 + 1  # QTextFormat.Property.UserProperty + 1
# A block (a heading, the title block's lines) whose lines are balanced when it wraps.
BALANCE_PROPERTY = 0x100000 + 2

# Families in order of preference; the first one installed that has Chinese glyphs wins.
CJK_FAMILIES: tuple[str, ...] = (
    *(("Microsoft YaHei", "SimSun") if sys.platform == "win32" else ()),
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "Source Han Serif SC",
    "WenQuanYi Micro Hei",
    "PingFang SC",
    "Microsoft YaHei",
    "SimSun",
)
MEASURE_CHARS = 40  # the longest line, in CJK characters
_CENTER = Qt.AlignmentFlag.AlignHCenter
_LEFT = Qt.AlignmentFlag.AlignLeft
_JUSTIFY = Qt.AlignmentFlag.AlignJustify
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
LINE_HEIGHT = 170  # percent
LINE_HEIGHTS = (150, 170, 200)  # the choices the View menu offers
BODY_POINT_SIZE = 13.0
ZOOM_LEVELS = (70, 80, 90, 100, 110, 120, 135, 150, 175, 200)  # percent of BODY_POINT_SIZE


TOOLTIP_SCALE = 0.9  # a tooltip over the text: a little smaller than the text it explains
TOOLTIP_CHARS = 26  # and about this many characters a line
_TABLE_WIDTH = re.compile(r"^<table width='\d+'")


def tooltip_in_reading_size(html: str, typo: Typography, least_pt: float, dpi: float) -> str:
    """``html`` (a rich-text tooltip over the text: a table of fixed width) in a size that
    follows the reading text's (``typo``), never below ``least_pt`` (the interface's
    tooltips), its table as wide as ``TOOLTIP_CHARS`` characters of that size."""
    size = max(typo.font.pointSizeF() * TOOLTIP_SCALE, least_pt)
    width = round(TOOLTIP_CHARS * size * dpi / 72)
    html = _TABLE_WIDTH.sub(f"<table width='{width}'", html, count=1)
    return f"<div style='font-size:{size:.1f}pt'>{html}</div>"


def has_chinese(family: str) -> bool:
    """Whether an installed family has Simplified Chinese glyphs (not just a name)."""
    return bool(family) and (
        QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    )


@lru_cache(maxsize=8)
def reading_family(preferred: str = "") -> str:
    """``preferred`` if it is installed with Chinese glyphs, else the first such
    family of ``CJK_FAMILIES``, else any, else the default font's family.

    (Qt's font fallback still finds some CJK font for the glyphs in the last case.)
    """
    for family in (preferred, *CJK_FAMILIES):
        if family and QFontDatabase.hasFamily(family) and has_chinese(family):
            return family
    anyone = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return anyone[0] if anyone else QFont().family()


def glossary_href(index: int) -> str:
    return f"{GLOSSARY_SCHEME}:{index}"


def glossary_index(href: str) -> int | None:
    """The entry index of a glossary anchor, None for any other anchor."""
    scheme, _, rest = href.partition(":")
    if scheme == GLOSSARY_SCHEME and rest.isdigit():
        return int(rest)
    return None


def meeting_line(report: Report) -> str:
    """——2023年3月2日在……会议上, rebuilt from the parsed date and occasion."""
    when = ""
    if report.date:
        y, m, d = (int(x) for x in report.date.split("-"))
        when = f"{y}年{m}月{d}日"
    if report.occasion:
        return f"——{when}在{report.occasion}上"
    return f"——{when}" if when else ""


class Typography(NamedTuple):
    """Fonts and colours of the reading view: from a theme (``make``) or a palette.

    A NamedTuple for start-up's sake (see ``theme.Theme``).
    """

    font: QFont
    em: float  # the advance of one CJK character, in pixels
    text: QColor
    muted: QColor
    accent: QColor
    mark: QColor
    line_height: int = LINE_HEIGHT  # percent, of body paragraphs

    @classmethod
    def make(
        cls, theme: Theme, zoom: int = 100, family: str = "", line_height: int = LINE_HEIGHT
    ) -> Typography:
        """The reading view's typography: ``zoom`` percent of the body size, in
        ``family`` (or the fallback: see ``reading_family``)."""
        font = QFont(reading_family(family))
        font.setPointSizeF(BODY_POINT_SIZE * zoom / 100)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        return cls(
            font=font,
            em=QFontMetricsF(font).horizontalAdvance("中"),
            text=QColor(theme.text),
            muted=QColor(theme.muted),
            accent=QColor(theme.accent),
            mark=QColor(theme.term),
            line_height=line_height,
        )

    @classmethod
    def for_widget(cls, widget: QWidget) -> Typography:
        font = QFont(reading_family())
        font.setPointSizeF(BODY_POINT_SIZE)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        pal = widget.palette()
        text = pal.color(QPalette.ColorRole.Text)
        base = pal.color(QPalette.ColorRole.Base)
        dark = base.lightness() < 128
        muted = QColor(
            (text.red() + base.red()) // 2,
            (text.green() + base.green()) // 2,
            (text.blue() + base.blue()) // 2,
        )
        return cls(
            font=font,
            em=QFontMetricsF(font).horizontalAdvance("中"),
            text=text,
            muted=muted,
            accent=QColor("#f28b82" if dark else "#9b1b1b"),
            mark=QColor("#c9a66b" if dark else "#a0743a"),
        )

    @property
    def measure(self) -> float:
        """Width of the text column in pixels."""
        return MEASURE_CHARS * self.em


@dataclass
class DocumentIndex:
    """Where each paragraph and section starts in the document."""

    paragraph_pos: dict[str, int] = field(default_factory=dict)
    paragraph_len: dict[str, int] = field(default_factory=dict)
    section_pos: dict[str, int] = field(default_factory=dict)
    _para_starts: list[int] = field(default_factory=list)
    _para_ids: list[str] = field(default_factory=list)
    _section_starts: list[int] = field(default_factory=list)
    _section_ids: list[str] = field(default_factory=list)

    def add_paragraph(self, pid: str, pos: int, length: int) -> None:
        self.paragraph_pos[pid] = pos
        self.paragraph_len[pid] = length
        self._para_starts.append(pos)
        self._para_ids.append(pid)

    def add_section(self, sid: str, pos: int) -> None:
        self.section_pos[sid] = pos
        self._section_starts.append(pos)
        self._section_ids.append(sid)

    def paragraph_at(self, pos: int) -> tuple[str, int] | None:
        """(paragraph id, offset into its text) of a document position, None outside text."""
        i = bisect_right(self._para_starts, pos) - 1
        if i < 0:
            return None
        pid = self._para_ids[i]
        offset = pos - self._para_starts[i]
        if offset > self.paragraph_len[pid]:
            return None
        return pid, offset

    def section_at(self, pos: int, before_first: str | None = None) -> str:
        """The section (or appendix) a document position belongs to.

        A position above the first section (the title block) counts as in it,
        unless ``before_first`` is given: then that is the answer there.
        """
        if not self._section_ids:
            return ""
        i = bisect_right(self._section_starts, pos) - 1
        if i < 0 and before_first is not None:
            return before_first
        return self._section_ids[max(0, i)]

    @property
    def section_ids(self) -> list[str]:
        return list(self._section_ids)


def _lead_length(section: Section, paragraph: Paragraph) -> int:
    """Chars of a lead topic's headline that open ``paragraph`` (bold in print)."""
    if paragraph.lead:
        return paragraph.lead
    if section.level <= SECTION:
        return 0
    for head in (f"{section.number or ''}{section.title}", section.title):
        if head and paragraph.text.startswith(head):
            return len(head)
    return 0


class _Typesetter:
    """One build of one document; the formats are made once and reused."""

    def __init__(self, report: Report, typo: Typography, doc: QTextDocument) -> None:
        self.report = report
        self.typo = typo
        self.doc = doc
        self.cursor = QTextCursor(doc)
        self.index = DocumentIndex()
        self._first = True
        em = typo.em
        self.body = QTextCharFormat()
        self.body.setForeground(typo.text)
        self.bold = QTextCharFormat(self.body)
        self.bold.setFontWeight(QFont.Weight.Bold)
        self._marks: dict[tuple[bool, int], QTextCharFormat] = {}
        self.para = QTextBlockFormat()
        self.para.setTextIndent(2 * em)
        self.para.setLineHeight(typo.line_height, _PROPORTIONAL)
        self.para.setBottomMargin(0.35 * em)
        self.para.setAlignment(_JUSTIFY)
        self.flush = QTextBlockFormat(self.para)  # glossary entries: no indent
        self.flush.setTextIndent(0)
        self.flush.setBottomMargin(0.6 * em)

        # Occurrences by paragraph, in text order.
        self.occ: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for i, entry in enumerate(report.glossary):
            for o in entry.occurrences:
                self.occ[o.paragraph].append((o.start, o.end, i))
        for spans in self.occ.values():
            spans.sort()

    # -- blocks ------------------------------------------------------------------

    def block(self, fmt: QTextBlockFormat, char: QTextCharFormat | None = None) -> int:
        """Start a block; returns its position."""
        char = char or self.body
        if self._first:
            self.cursor.setBlockFormat(fmt)
            self.cursor.setBlockCharFormat(char)
            self._first = False
        else:
            self.cursor.insertBlock(fmt, char)
        return self.cursor.position()

    def heading(
        self,
        text: str,
        scale: float,
        align: Qt.AlignmentFlag,
        top: float,
        bottom: float,
        color: QColor | None = None,
        indent: float = 0.0,
    ) -> int:
        em = self.typo.em
        fmt = QTextBlockFormat()
        fmt.setAlignment(align)
        fmt.setTopMargin(top * em)
        fmt.setBottomMargin(bottom * em)
        fmt.setTextIndent(indent * em)
        fmt.setLineHeight(140, _PROPORTIONAL)
        fmt.setHeadingLevel(1 if scale > 1.2 else 2)
        fmt.setProperty(BALANCE_PROPERTY, True)
        char = QTextCharFormat(self.bold)
        char.setFontPointSize(self.typo.font.pointSizeF() * scale)
        if color is not None:
            char.setForeground(color)
        pos = self.block(fmt, char)
        self.cursor.insertText(text, char)
        return pos

    def line(self, text: str, scale: float, color: QColor, top: float) -> None:
        fmt = QTextBlockFormat()
        fmt.setAlignment(_CENTER)
        fmt.setTopMargin(top * self.typo.em)
        fmt.setLineHeight(150, _PROPORTIONAL)
        fmt.setProperty(BALANCE_PROPERTY, True)
        char = QTextCharFormat(self.body)
        char.setFontPointSize(self.typo.font.pointSizeF() * scale)
        char.setForeground(color)
        self.block(fmt, char)
        self.cursor.insertText(text, char)

    def mark(self, bold: bool, entry: int) -> QTextCharFormat:
        key = (bold, entry)
        fmt = self._marks.get(key)
        if fmt is None:
            fmt = QTextCharFormat(self.bold if bold else self.body)
            fmt.setAnchor(True)
            fmt.setAnchorHref(glossary_href(entry))
            fmt.setProperty(GLOSSARY_PROPERTY, entry)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(self.typo.mark)
            self._marks[key] = fmt
        return fmt

    def plain(self, bold: bool) -> QTextCharFormat:
        return self.bold if bold else self.body

    def paragraph(self, p: Paragraph, fmt: QTextBlockFormat, bold_to: int = 0) -> int:
        """A paragraph's text verbatim, with its bold lead and glossary marks."""
        pos = self.block(fmt)
        # A line break inside a paragraph stays one character (U+2028) so offsets hold.
        text = p.text.replace("\n", "\u2028")
        cuts = {0, len(text), min(bold_to, len(text))}
        spans = self.occ.get(p.id, [])
        for start, end, _ in spans:
            cuts.update((start, end))
        owner = {c: entry for start, end, entry in spans for c in cuts if start <= c < end}
        for a, b in pairwise(sorted(cuts)):
            bold = a < bold_to
            entry = owner.get(a)
            char = self.mark(bold, entry) if entry is not None else self.plain(bold)
            self.cursor.insertText(text[a:b], char)
        self.index.add_paragraph(p.id, pos, len(text))
        return pos

    # -- the report --------------------------------------------------------------

    def build(self) -> DocumentIndex:
        r, t = self.report, self.typo
        self.heading(r.title, 1.7, _CENTER, 0.5, 0.6, color=t.accent)
        if meeting := meeting_line(r):
            self.line(meeting, 0.92, t.muted, 0.2)
        if r.speaker and (r.speaker.role or r.speaker.name):
            who = "\u3000".join(x for x in (r.speaker.role, r.speaker.name) if x)
            self.line(who, 1.0, t.text, 0.6)
        first = True
        for section in r.walk():
            self.section(section, at_top=first)
            first = False
        for appendix in r.appendices:
            self.appendix(appendix)
        return self.index

    def section(self, s: Section, at_top: bool) -> None:
        if s.level == PART and not s.number and at_top:
            # The opening: no heading; its place is the top of the report.
            self.index.add_section(s.id, 0)
            if self.report.salutation:
                salutation = self.report.salutation
                if salutation[-1] not in "：:，,！!":
                    salutation += "："
                fmt = QTextBlockFormat(self.para)
                fmt.setTextIndent(0)
                fmt.setTopMargin(1.6 * self.typo.em)
                self.block(fmt)
                self.cursor.insertText(salutation, self.body)
            for p in s.paragraphs:
                self.paragraph(p, self.para)
            return
        heading = heading_text(s)
        paragraphs = list(s.paragraphs)
        if s.level == PART:
            pos = self.heading(heading, 1.3, _CENTER, 1.8, 0.8)
        elif s.level == SECTION:
            pos = self.heading(heading, 1.08, _LEFT, 1.0, 0.4, indent=2.0)
        elif paragraphs and _lead_length(s, paragraphs[0]):
            first = paragraphs.pop(0)
            pos = self.paragraph(first, self.para, _lead_length(s, first))
        else:
            pos = self.heading(heading, 1.0, _LEFT, 0.4, 0.1, indent=2.0)
        self.index.add_section(s.id, pos)
        for p in paragraphs:
            self.paragraph(p, self.para, _lead_length(s, p))

    def appendix(self, a: Appendix) -> None:
        pos = self.heading(a.title, 1.3, _CENTER, 2.4, 0.8)
        self.index.add_section(a.id, pos)
        is_glossary = a.title == self.report.glossary_title
        by_number: dict[int, list[str]] = defaultdict(list)
        for e in self.report.glossary:
            by_number[e.number].append(e.term)
        for p in a.paragraphs:
            if not is_glossary:
                self.paragraph(p, self.para)
                continue
            start = self.paragraph(p, self.flush)
            self._bold_terms(p, start, by_number)

    def _bold_terms(self, p: Paragraph, start: int, by_number: dict[int, list[str]]) -> None:
        """Set a glossary entry's own term in bold, as the printed appendix does."""
        m = _ENTRY_NUMBER.match(fold(p.text[:12]))
        if not m:
            return
        head = p.text[: m.end() + 40]
        for a, b, _ in find_spans(head, by_number.get(int(m.group(1)), [])):
            if a < m.end():
                continue
            cur = QTextCursor(self.doc)
            cur.setPosition(start + a)
            cur.setPosition(start + b, QTextCursor.MoveMode.KeepAnchor)
            cur.mergeCharFormat(self.bold)


_ENTRY_NUMBER = re.compile(r"^\s*[\[【(]?\s*(\d+)\s*[\]】).、]?")


def build_document(
    report: Report, typo: Typography, parent: QWidget | None = None
) -> tuple[QTextDocument, DocumentIndex]:
    """The typeset report and its position index."""
    doc = QTextDocument(parent)
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(typo.font)
    doc.setDocumentMargin(0)
    index = _Typesetter(report, typo, doc).build()
    return doc, index
