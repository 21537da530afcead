"""A Word document laid out as Chinese official documents are (GB/T 9704-2012 党政机关公文格式).

Shared by the handouts a deputy prints: the annotations' (``annotations/word.py``)
and last year's promises against this year's results (``promises/export.py``).
A4, top margin 37 mm, left 28 mm, a 156 × 225 mm type area (so right 26 mm,
bottom 35 mm); body text 仿宋 at 3号 (16 pt) on a fixed 28.95 pt line (22 lines
a page), headings in 黑体, page numbers as “— 1 —” below the type area, odd
pages right and even pages left; a quote style indented with a rule at its
left; a line to sign and date at the end.

A .docx cannot know which fonts the printing PC has. Every run names its
Chinese font in ``w:eastAsia`` (with ``w:hint="eastAsia"`` so Chinese quotes and
punctuation take it too), the template's theme fonts (which would override it)
are removed, and the font table describes 仿宋 and 黑体 by their English names,
character set (GB2312) and family, so Word or WPS substitute a like font where
they are missing; LibreOffice falls back to the system's CJK font.

python-docx is imported inside the functions: only an export loads it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from typing import Any

BODY_FONT = "仿宋"
HEADING_FONT = "黑体"
PAGE_NUMBER_FONT = "宋体"
# name: (English name Word also knows it by, panose, family, pitch); all GB2312 (charset 86).
FONT_TABLE = {
    BODY_FONT: ("FangSong", "02010609060101010101", "modern", "fixed"),
    HEADING_FONT: ("SimHei", "02010609060101010101", "modern", "fixed"),
    PAGE_NUMBER_FONT: ("SimSun", "02010600030101010101", "auto", "variable"),
}
# GB/T 9704-2012 5.2.1: A4 210 × 297 mm, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 297 - 37 - 225, "left": 28, "right": 210 - 28 - 156}
BODY_PT = 16  # 3号
QUOTE_PT = 14  # 4号
TITLE_PT = 22  # 2号
LINE_PT = 28.95  # 22 lines in the 225 mm type area
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_THEME_FONTS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def new_document(title: str) -> Any:
    """An empty A4 document in the official layout, its styles set (Normal, Title,
    Subtitle, Heading 1, Heading 2, Quote) and ``title`` in its properties."""
    import docx

    document = docx.Document()
    _set_up(document, title)
    return document


def to_bytes(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def qn(tag: str) -> str:
    """A namespaced tag or attribute (``w:rFonts``), as python-docx spells it."""
    from docx.oxml.ns import qn as _qn

    return str(_qn(tag))


def fonts_of(rpr_owner: Any, font: str) -> None:
    """Name ``font`` for every script of a run or style, Chinese first."""
    fonts = rpr_owner.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), font)
    fonts.set(qn("w:hint"), "eastAsia")
    for theme in _THEME_FONTS:
        fonts.attrib.pop(qn(f"w:{theme}"), None)


# -- the document's set-up -------------------------------------------------------------


def _set_up(document: Any, title: str) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
    from docx.shared import Mm, Pt, RGBColor

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance = Mm(15)
    # The page number's rule sits 7 mm below the type area (GB/T 9704 7.5).
    section.footer_distance = Mm(MARGINS_MM["bottom"] - 7 - 6)
    _page_numbers(document, section)

    core = document.core_properties
    core.title, core.language, core.author = title, "zh-CN", ""
    _chinese_defaults(document)
    _font_table(document)

    styles = document.styles
    black = RGBColor(0, 0, 0)

    def style(name: str, font: str, size: float, bold: bool = False) -> Any:
        s = styles[name]
        fonts_of(s.element, font)
        s.font.size = Pt(size)
        s.font.bold = bold
        s.font.italic = False
        s.font.color.rgb = black
        color = s.element.rPr.find(qn("w:color"))
        for attr in ("themeColor", "themeShade", "themeTint"):
            color.attrib.pop(qn(f"w:{attr}"), None)
        fmt = s.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(LINE_PT)
        fmt.space_before = fmt.space_after = Pt(0)
        return s

    normal = style("Normal", BODY_FONT, BODY_PT)
    normal.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.JUSTIFY
    normal.paragraph_format.widow_control = True
    normal.paragraph_format.first_line_indent = Pt(BODY_PT * 2)  # 左空二字
    title_style = style("Title", HEADING_FONT, TITLE_PT)
    title_style.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    title_style.paragraph_format.first_line_indent = Pt(0)
    title_style.paragraph_format.line_spacing = Pt(TITLE_PT * 1.6)
    title_style.paragraph_format.space_after = Pt(LINE_PT / 2)
    border = title_style.element.pPr.find(qn("w:pBdr"))
    if border is not None:  # the template's blue rule under the title
        title_style.element.pPr.remove(border)
    subtitle = style("Subtitle", BODY_FONT, QUOTE_PT)
    subtitle.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    subtitle.paragraph_format.line_spacing = Pt(QUOTE_PT * 1.6)
    subtitle.paragraph_format.first_line_indent = Pt(0)
    h1 = style("Heading 1", HEADING_FONT, BODY_PT)
    h1.paragraph_format.space_before = Pt(LINE_PT)
    h1.paragraph_format.keep_with_next = True
    h2 = style("Heading 2", HEADING_FONT, BODY_PT)
    h2.paragraph_format.space_before = Pt(LINE_PT / 2)
    h2.paragraph_format.keep_with_next = True
    quote = style("Quote", BODY_FONT, QUOTE_PT)
    quote.paragraph_format.line_spacing = Pt(QUOTE_PT * 1.75)
    quote.paragraph_format.left_indent = Pt(BODY_PT * 2)
    quote.paragraph_format.first_line_indent = Pt(0)
    quote.paragraph_format.right_indent = Pt(BODY_PT)
    quote.paragraph_format.space_before = quote.paragraph_format.space_after = Pt(3)
    quote.paragraph_format.keep_with_next = True
    _left_rule(quote.element.get_or_add_pPr())


def _chinese_defaults(document: Any) -> None:
    """Document defaults: Chinese text, 仿宋, no theme fonts (the template's are Japanese)."""
    from docx.oxml import OxmlElement

    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for theme in _THEME_FONTS:
        fonts.attrib.pop(qn(f"w:{theme}"), None)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), BODY_FONT)
    fonts.set(qn("w:hint"), "eastAsia")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    settings = document.settings.element
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
    # A justified line that ends in a line break (a note's) is not spread to full width.
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))


def _font_table(document: Any) -> None:
    """Describe the Chinese fonts, so a PC without them substitutes a like one."""
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml import OxmlElement, parse_xml

    part = next(
        p for p in document.part.package.iter_parts() if p.partname == "/word/fontTable.xml"
    )
    root = parse_xml(part.blob)
    for name, (alt, panose, family, pitch) in FONT_TABLE.items():
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, value in (("altName", alt), ("panose1", panose), ("charset", "86"),
                           ("family", family), ("pitch", pitch)):  # fmt: skip
            child = OxmlElement(f"w:{tag}")
            child.set(qn("w:val"), value)
            font.append(child)
        root.append(font)
    part._blob = serialize_part_xml(root)


def _left_rule(ppr: Any) -> None:
    """A rule down the left of a quote (a paragraph border)."""
    from docx.oxml import OxmlElement

    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for attr, value in (("val", "single"), ("sz", "12"), ("space", "8"), ("color", "808080")):
        left.set(qn(f"w:{attr}"), value)
    borders.append(left)
    ppr.insert_element_before(
        borders, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
        "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
        "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
        "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
        "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
        "w:pPrChange",
    )  # fmt: skip


def _page_numbers(document: Any, section: Any) -> None:
    """— 1 — in 宋体 4号: odd pages at the right, even pages at the left, one character in."""
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.shared import Pt

    document.settings.odd_and_even_pages_header_footer = True
    for footer, align in (
        (section.footer, WD_PARAGRAPH_ALIGNMENT.RIGHT),
        (section.even_page_footer, WD_PARAGRAPH_ALIGNMENT.LEFT),
    ):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        p.alignment = align
        fmt = p.paragraph_format
        fmt.left_indent = fmt.right_indent = Pt(14)
        for text in ("— ", None, " —"):
            if text is None:
                # The page number is a field at the paragraph's level, its last value inside.
                field = OxmlElement("w:fldSimple")
                field.set(qn("w:instr"), " PAGE ")
                p._p.append(field)
                r = p.add_run("1")
                field.append(r._r)
            else:
                r = p.add_run(text)
            r.font.size = Pt(14)
            fonts_of(r._r, PAGE_NUMBER_FONT)


# -- writing -------------------------------------------------------------------------------


class Writer:
    """Paragraphs added before an end marker: appending to the body scans all of it
    for the section properties each time, quadratic over thousands of items.

    ``clean`` shows a text as it may safely be printed (the annotations' ``visible``
    for user notes); characters XML cannot hold become U+FFFD either way. Call
    ``finish`` once written.
    """

    def __init__(self, document: Any, clean: Callable[[str], str] = str) -> None:
        self._end = document.add_paragraph()
        self._ids = {s.name: s.style_id for s in document.styles if s.name}
        self._clean = clean

    def paragraph(self, style: str = "Normal") -> Any:
        p = self._end.insert_paragraph_before()
        if style != "Normal":
            p._p.style = self._ids[style]  # by id: a lookup by name reads every style
        return p

    def run(self, p: Any, text: str, font: str = BODY_FONT) -> list[Any]:
        """``text`` as runs, line breaks kept; returns the runs. Each names its font, as
        its style does: a run pasted into another document keeps it."""
        runs: list[Any] = []
        if not text:
            return runs
        for i, line in enumerate(_XML_INVALID.sub("\ufffd", self._clean(text)).split("\n")):
            r = p.add_run()
            if i:
                r.add_break()
            r.add_text(line)
            fonts_of(r._r, font)
            runs.append(r)
        return runs

    def para(self, text: str, style: str = "Normal", lead: str = "") -> Any:
        """A paragraph of ``text`` in ``style``, after ``lead`` in 黑体 (笔记：, 出处：)."""
        p = self.paragraph(style)
        if lead:
            self.run(p, lead, HEADING_FONT)
        heading = style == "Title" or style.startswith("Heading")
        self.run(p, text, HEADING_FONT if heading else BODY_FONT)
        return p

    def small(self, p: Any) -> None:
        """A paragraph's runs in the quote size (4号): a citation under its item."""
        from docx.shared import Pt

        for r in p.runs:
            r.font.size = Pt(QUOTE_PT)

    def signature(self) -> None:
        from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
        from docx.shared import Pt

        self.para("")
        for line in ("签名：＿＿＿＿＿＿＿＿＿＿", "日期：＿＿＿＿年＿＿月＿＿日"):
            p = self.para(line)
            p.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
            p.paragraph_format.first_line_indent = Pt(0)
            p.paragraph_format.right_indent = Pt(BODY_PT * 2)
            p.paragraph_format.space_before = Pt(LINE_PT / 2)

    def finish(self) -> None:
        self._end._p.getparent().remove(self._end._p)


def shade(run: Any, hex_colour: str) -> None:
    """A run's background in a colour (any colour: Word's highlight has 16)."""
    from docx.oxml import OxmlElement

    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_colour.lstrip("#").upper())
    run._r.get_or_add_rPr().insert_element_before(
        shd, "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
        "w:eastAsianLayout", "w:specVanish", "w:oMath",
    )  # fmt: skip
