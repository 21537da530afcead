"""The Word handout: the annotations as a .docx a deputy prints, reads out and signs.

Laid out as Chinese official documents are (GB/T 9704-2012; the page, fonts and
styles are ``core/official_docx.py``'s, shared with the promises handout). Each
item: a heading naming the kind and the place, the quoted text (indented, with
a rule at its left; a highlight shaded in its colour, an underline underlined,
the words a note was made on underlined wavy inside their sentence — both
survive black-and-white printing), the note, and the citation. A line to sign
and date ends it. A note's control characters show as their pictures
(``handout.visible``).
"""

from __future__ import annotations

from datetime import datetime

from haizhu_reader.core.annotations.colours import UNDERLINE_HEX
from haizhu_reader.core.annotations.handout import Item, grouped, items, meta_lines, visible
from haizhu_reader.core.annotations.store import COLOUR_HEX, Annotation, Colour, Kind, Placed
from haizhu_reader.core.official_docx import Writer, new_document, qn, shade, to_bytes
from haizhu_reader.core.report import Report


def to_docx(
    report: Report, placed: list[Placed], unplaced: list[Annotation], when: datetime
) -> bytes:
    document = new_document(f"《{report.title}》批注")
    writer = Writer(document, visible)
    all_items = items(report, placed, unplaced)
    writer.para(f"《{report.title}》批注", "Title")
    for m in meta_lines(report, len(all_items), len(unplaced), when):
        writer.para(m, "Subtitle")
    for group, members in grouped(all_items):
        writer.para(group, "Heading 1")
        for it in members:
            _item(writer, it)
    writer.signature()
    writer.finish()
    return to_bytes(document)


def _item(writer: Writer, it: Item) -> None:
    writer.para(it.label, "Heading 2")
    if it.quote:
        _quote(writer, it)
    if it.annotation.note:
        writer.para(it.annotation.note, lead="笔记：")
    writer.small(writer.para(it.citation, lead="出处："))


def _quote(writer: Writer, it: Item) -> None:
    from docx.enum.text import WD_UNDERLINE

    a = it.annotation
    p = writer.paragraph("Quote")
    s, e = it.span or (0, len(it.quote))
    writer.run(p, it.quote[:s])
    words = writer.run(p, it.quote[s:e])
    writer.run(p, it.quote[e:])
    for r in words:
        if a.kind is Kind.HIGHLIGHT:
            shade(r, COLOUR_HEX[a.colour or Colour.YELLOW])
        elif a.kind is Kind.UNDERLINE:
            r.font.underline = WD_UNDERLINE.SINGLE
            colour = COLOUR_HEX[a.colour] if a.colour else UNDERLINE_HEX
            r._r.rPr.find(qn("w:u")).set(qn("w:color"), colour.lstrip("#").upper())
        elif it.span:
            r.font.underline = WD_UNDERLINE.WAVY
