"""Balanced headings: a heading that wraps gets lines of about one length.

Qt fills lines greedily, which, zoomed or in a narrow window, leaves 告 alone
under 海珠区2023年政府工作报. ``balance_headings`` sets every wrapped heading
(the blocks ``typesetting`` marks with ``BALANCE_PROPERTY``: the title block's
lines, parts, sections, appendices) in the narrowest width that keeps its
number of lines, as the printed report does and CSS's ``text-wrap: balance``.
The width is made by the block's side margins, so the text and every document
position stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QTextCursor, QTextDocument

from haizhu_reader.gui.reader.typesetting import BALANCE_PROPERTY

# Where a heading breaks naturally: after a pause (，、：), before an opening quote,
# between a number with its unit (2023年) and the Chinese that follows.
_PAUSES = "，、；：,;:）》”’"
_OPENINGS = "（《“‘"


def _is_seam(text: str, p: int) -> bool:
    before, after = text[p - 1], text[p]
    if before in _PAUSES or after in _OPENINGS:
        return True
    return p >= 2 and text[p - 2].isdigit() and not before.isdigit() and not after.isdigit()


def balance_headings(doc: QTextDocument, width: float) -> None:
    """Give every heading that wraps in a column ``width`` pixels wide lines of about one
    length: the narrowest width that keeps its number of lines, or, on two lines, a
    break at a natural seam near it (海珠区2023年 / 政府工作报告); the width is made by
    the block's side margins (both sides of a centred heading)."""
    from PySide6.QtGui import QTextLayout  # a heading wraps: zoomed, or a narrow window

    option = doc.defaultTextOption()
    metrics: dict[str, QFontMetricsF] = {}

    def lines(text: str, font: QFont, w: float, indent: float) -> tuple[int, int]:
        """How many lines ``text`` takes in ``w`` pixels, and how long the first is."""
        layout = QTextLayout(text, font)
        layout.setTextOption(option)
        layout.beginLayout()
        count, first = 0, 0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(max(1.0, w - (indent if count == 0 else 0.0)))
            first = first or line.textLength()
            count += 1
        layout.endLayout()
        return count, first

    cursor = QTextCursor(doc)
    cursor.beginEditBlock()
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.boolProperty(BALANCE_PROPERTY):
            text = block.text()
            font = block.charFormat().font().resolve(doc.defaultFont())
            fm = metrics.setdefault(font.key(), QFontMetricsF(font))
            indent = fmt.textIndent()
            w = width
            if fm.horizontalAdvance(text) + indent > width:
                w = _balanced_width(text, font, fm, width, indent, lines)
            margin = max(0.0, width - w)
            centred = bool(fmt.alignment() & Qt.AlignmentFlag.AlignHCenter)
            left, right = (margin / 2, margin / 2) if centred else (0.0, margin)
            if abs(fmt.leftMargin() - left) > 0.5 or abs(fmt.rightMargin() - right) > 0.5:
                fmt.setLeftMargin(left)
                fmt.setRightMargin(right)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(fmt)
        block = block.next()
    cursor.endEditBlock()


def _balanced_width(
    text: str,
    font: QFont,
    fm: QFontMetricsF,
    width: float,
    indent: float,
    lines: Callable[[str, QFont, float, float], tuple[int, int]],
) -> float:
    """The width ``text`` is set in: as narrow as keeps its lines as few as in ``width``."""
    count, _ = lines(text, font, width, indent)
    if count <= 1:
        return width
    lo, hi = fm.horizontalAdvance(text) / count, width
    while hi - lo > 1.0:  # the narrowest width with no more lines
        mid = (lo + hi) / 2
        if lines(text, font, mid, indent)[0] <= count:
            hi = mid
        else:
            lo = mid
    balanced = hi + 1.0
    if count != 2:
        return balanced
    # On two lines, a natural seam near the balanced break reads better than the
    # break a width alone gives (政 / 府): the first line ends at the seam.
    best: float | None = None
    for p in range(1, len(text)):
        if not _is_seam(text, p):
            continue
        w = max(fm.horizontalAdvance(text[:p]) + indent, fm.horizontalAdvance(text[p:])) + 1.0
        fits = w <= min(width, balanced * 1.2) and (best is None or w < best)
        if fits and lines(text, font, w, indent) == (2, p):
            best = w
    return best if best is not None else balanced
