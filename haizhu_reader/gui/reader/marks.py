"""How the reading view draws the user's annotations: coloured ranges and margin marks.

Ranges are ExtraSelections (drawn under the real selection, never part of the
text, so copying and glossary marks are untouched); notes and bookmarks are
shapes painted in the left margin beside their paragraph or heading. Both are
recomputed from the document layout at paint time, so they follow zoom and
reflow. Everything a user typed is escaped before it reaches a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from haizhu_reader.core.text import escape_html
from haizhu_reader.gui.common.theme import LIGHT, NOTE_HEX, Theme

TOOLTIP_WIDTH = 360
NOTE_COLOUR = QColor(NOTE_HEX)  # what a mark carries; each theme draws it its own way


class MarkStyle(StrEnum):
    HIGHLIGHT = "highlight"
    UNDERLINE = "underline"
    NOTE = "note"  # a note on a range: a dotted underline, and a margin mark
    MARGIN = "margin"  # a note on a paragraph or section, a bookmark: margin only


@dataclass(frozen=True)
class Mark:
    """One annotation as the reading view shows it.

    ``target`` is a paragraph id (offsets into ``Paragraph.text``) or a section
    or appendix id (offsets into its heading). ``label`` names it (高亮（黄色）);
    ``note`` is the user's text, raw.
    """

    id: str
    target: str
    start: int
    end: int
    style: MarkStyle
    colour: str  # "#rrggbb": background of a highlight, line of an underline
    label: str
    note: str = ""
    bookmark: bool = False

    @property
    def in_margin(self) -> bool:
        return self.bookmark or bool(self.note.strip()) or self.style is MarkStyle.MARGIN


def mark_tooltip(marks: list[Mark]) -> str:
    """Rich text for hovering marks: each label in bold, then its note, all escaped."""
    parts = []
    for m in marks:
        body = "".join(
            f"<p style='margin-top:4px'>{escape_html(line)}</p>"
            for line in m.note.splitlines()
            if line.strip()
        )
        parts.append(f"<b>{escape_html(m.label)}</b>{body}")
    return (
        f"<table width='{TOOLTIP_WIDTH}' cellspacing='0' cellpadding='2'>"
        f"<tr><td>{'<hr/>'.join(parts)}</td></tr></table>"
    )


def margin_slots(marks: list[Mark]) -> int:
    """How many symbols a margin mark stacks: a ribbon for a bookmark, a square for notes."""
    has_bookmark = any(m.bookmark for m in marks)
    has_note = any(m.note.strip() or not m.bookmark for m in marks)
    return int(has_bookmark) + int(has_note)


def paint_margin_mark(
    painter: QPainter, rect: QRectF, marks: list[Mark], theme: Theme = LIGHT
) -> None:
    """A speech square for notes above a ribbon for a bookmark, stacked in ``rect``.

    Sizes come from ``rect`` (the reader scales it with the text), colours from ``theme``.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    w = rect.width() * 0.8
    x = rect.left() + (rect.width() - w) / 2
    y = rect.top()
    if any(m.note.strip() or not m.bookmark for m in marks):
        square = QRectF(x, y + w * 0.05, w, w * 0.75)
        painter.setBrush(QBrush(QColor(theme.note)))
        path = QPainterPath()
        path.addRoundedRect(square, w * 0.15, w * 0.15)
        tail = QPainterPath()
        tail.moveTo(square.left() + w * 0.2, square.bottom() - 1)
        tail.lineTo(square.left() + w * 0.2, square.bottom() + w * 0.22)
        tail.lineTo(square.left() + w * 0.5, square.bottom() - 1)
        path.addPath(tail)
        painter.drawPath(path.simplified())
        painter.setPen(QPen(QColor(theme.glyph), max(1.0, w * 0.08)))
        for i in (0.35, 0.65):
            ly = square.top() + square.height() * i
            painter.drawLine(
                QPointF(square.left() + w * 0.2, ly), QPointF(square.right() - w * 0.2, ly)
            )
        painter.setPen(Qt.PenStyle.NoPen)
        y += rect.width()
    if any(m.bookmark for m in marks):
        bw = w * 0.6
        left = x + (w - bw) / 2
        ribbon = QPainterPath()
        ribbon.moveTo(left, y)
        ribbon.lineTo(left + bw, y)
        ribbon.lineTo(left + bw, y + w)
        ribbon.lineTo(left + bw / 2, y + w * 0.72)
        ribbon.lineTo(left, y + w)
        ribbon.closeSubpath()
        painter.setBrush(QBrush(QColor(theme.bookmark)))
        painter.drawPath(ribbon)
    painter.restore()
