"""What the reading view draws over its text: the user's annotations, key-figure tints and
the current find match.

Each layer keeps its ranges in document positions and makes the
ExtraSelections that draw them; the view composes every layer's selections
(``ReaderView._apply_selections``) and asks them for hit tests and tooltips.
A layer reaches the view through the methods ``LayerHost`` names only, so the
view imports its layers and they do not import it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QPoint, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

if TYPE_CHECKING:
    # marks is imported where there are marks: a report with none
    # starts without it (and the Qt painting classes it brings in).
    from PySide6.QtGui import QTextDocument, QTextLine
    from PySide6.QtWidgets import QScrollBar, QWidget

    from haizhu_reader.core.report import Report
    from haizhu_reader.gui.common.theme import Theme
    from haizhu_reader.gui.reader.marks import Mark
    from haizhu_reader.gui.reader.typesetting import DocumentIndex, Typography

MARK_WINDOW = 1500  # characters either side of the view whose annotations are drawn
MAX_MARK_CHARS = 1500  # a longer marked range may be missed at the window's far edge


class LayerHost(Protocol):
    """What a layer asks of the view it draws on (``ReaderView``)."""

    def document(self) -> QTextDocument: ...
    def viewport(self) -> QWidget: ...
    def verticalScrollBar(self) -> QScrollBar: ...
    def cursorForPosition(self, pos: QPoint, /) -> QTextCursor: ...
    def cursorRect(self, cursor: QTextCursor, /) -> QRect: ...
    def report(self) -> Report | None: ...
    def document_index(self) -> DocumentIndex: ...
    def document_position(self, pid: str, offset: int = 0, /) -> int | None: ...
    def typography(self) -> Typography: ...
    def theme(self) -> Theme: ...
    def position_at(self, y: int, /) -> int: ...
    def line_rect(self, pos: int, /) -> QRect: ...


def _range_key(r: tuple[int, int, Mark]) -> tuple[int, int]:
    return r[0], r[1]


def _selection(view: LayerHost, a: int, b: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
    sel = QTextEdit.ExtraSelection()
    cursor = QTextCursor(view.document())
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    sel.cursor = cursor
    sel.format = fmt
    return sel


class AnnotationLayer:
    """The user's highlights, underlines, notes and bookmarks, as drawn in the view.

    Ranges are drawn near the view only (thousands of ExtraSelections cost
    every paint); notes and bookmarks also get a mark in the left margin.
    ``changed`` is called when the selections to draw have changed.
    """

    def __init__(self, view: LayerHost, changed: Callable[[], None]) -> None:
        self._view = view
        self._changed = changed
        self.clear()

    def clear(self) -> None:
        """Forget every mark (a new report)."""
        self.selections: list[QTextEdit.ExtraSelection] = []  # the ranges near the view
        self._ranges: list[tuple[int, int, Mark]] = []  # document positions, sorted
        self._starts: list[int] = []
        self._window = (0, -1)  # document positions whose ranges are drawn
        self._cache: dict[tuple[int, int, str, str], QTextEdit.ExtraSelection] = {}
        self._margin_pos: list[int] = []  # sorted document positions of margin marks
        self._margin_marks: list[list[Mark]] = []
        self._ids: dict[str, Mark] = {}  # every mark set, by annotation id

    def forget_drawing(self) -> None:
        """The same text in a new typesetting: its selections are made again, on demand."""
        self.selections, self._cache, self._window = [], {}, (0, -1)

    def has_ranges(self) -> bool:
        return bool(self._ranges)

    def has_margin_marks(self) -> bool:
        return bool(self._margin_pos)

    def set_marks(self, marks: Sequence[Mark]) -> None:
        from haizhu_reader.gui.reader.marks import MarkStyle

        ranges: list[tuple[int, int, Mark]] = []
        margin: dict[int, list[Mark]] = defaultdict(list)
        for m in marks:
            base = self._base(m)
            if base is None:
                continue
            a, b = base + m.start, base + m.end
            if m.style is not MarkStyle.MARGIN and b > a:
                ranges.append((a, b, m))
            if m.in_margin:
                margin[base].append(m)
        ranges.sort(key=_range_key)
        self._ids = {m.id: m for m in marks}
        self._ranges = ranges
        self._starts = [r[0] for r in ranges]
        # A selection depends on its range, style and colour only: keep those still used.
        keys = {(a, b, m.style, m.colour) for a, b, m in ranges}
        self._cache = {k: v for k, v in self._cache.items() if k in keys}
        self._margin_pos = sorted(margin)
        self._margin_marks = [margin[p] for p in self._margin_pos]
        self._window = (0, -1)
        self.update_window()
        self._view.viewport().update()

    def update_mark(self, annotation_id: str, mark: Mark | None) -> None:
        old = self._ids.pop(annotation_id, None)
        if old is not None:
            self._move(old, insert=False)
        if mark is not None:
            self._ids[annotation_id] = mark
            self._move(mark, insert=True)
        self._window = (0, -1)  # the ranges near the view, from cached selections
        self.update_window()
        for m in (old, mark):
            if m is not None:
                self._repaint_lines(m)

    def _repaint_lines(self, m: Mark) -> None:
        """Repaint the lines ``m`` is drawn on, margin included (a whole view takes ~8 ms)."""
        base = self._base(m)
        if base is None:
            return
        view = self._view
        top = view.line_rect(base).top()
        bottom = view.line_rect(base + max(m.start, m.end)).bottom()
        height = max(bottom - top, int(view.typography().em * 2.5) + 4)  # a square over a ribbon
        view.viewport().update(QRect(0, top, view.viewport().width(), height + 1))

    def _base(self, m: Mark) -> int | None:
        """Where the paragraph or heading ``m`` marks starts in the document."""
        index = self._view.document_index()
        return index.paragraph_pos.get(m.target, index.section_pos.get(m.target))

    def _move(self, m: Mark, insert: bool) -> None:
        """Put ``m`` into, or take it out of, the sorted ranges and margin marks."""
        from haizhu_reader.gui.reader.marks import MarkStyle

        base = self._base(m)
        if base is None:
            return
        a, b = base + m.start, base + m.end
        ranges, starts = self._ranges, self._starts
        if m.style is not MarkStyle.MARGIN and b > a:
            if insert:
                i = bisect_right(ranges, (a, b), key=_range_key)
                ranges.insert(i, (a, b, m))
                starts.insert(i, a)
            else:
                i = bisect_left(ranges, (a, b), key=_range_key)
                while i < len(ranges) and ranges[i][:2] == (a, b):
                    if ranges[i][2].id == m.id:
                        del ranges[i], starts[i]
                        break
                    i += 1
        if not m.in_margin:
            return
        i = bisect_left(self._margin_pos, base)
        here = i < len(self._margin_pos) and self._margin_pos[i] == base
        if insert and here:
            self._margin_marks[i] = [*self._margin_marks[i], m]
        elif insert:
            self._margin_pos.insert(i, base)
            self._margin_marks.insert(i, [m])
        elif here:
            rest = [x for x in self._margin_marks[i] if x.id != m.id]
            if rest:
                self._margin_marks[i] = rest
            else:
                del self._margin_pos[i], self._margin_marks[i]

    def update_window(self, middle: int | None = None) -> None:
        """Draw the ranges near the view only.

        The window spans ``MARK_WINDOW`` characters either side of the view's
        middle (or of ``middle``, a position known to be in view) and moves when
        the view comes within half of that of its edge.
        """
        view = self._view
        if view.report() is None:
            return
        if middle is None:
            value = view.verticalScrollBar().value()
            middle = 0 if value == 0 else view.position_at(view.viewport().height() // 2)
        lo, hi = self._window
        if lo <= middle - MARK_WINDOW // 2 and middle + MARK_WINDOW // 2 <= hi:
            return
        lo, hi = max(0, middle - MARK_WINDOW), middle + MARK_WINDOW
        self._window = (lo, hi)
        # A range starts at most MAX_MARK_CHARS before the window and still reaches it.
        first = bisect_left(self._starts, lo - MAX_MARK_CHARS)
        last = bisect_left(self._starts, hi)
        cache = self._cache
        selections = []
        for a, b, m in self._ranges[first:last]:
            if b < lo:
                continue
            key = (a, b, m.style, m.colour)
            sel = cache.get(key)
            if sel is None:
                sel = cache[key] = self._mark_selection(a, b, m)
            selections.append(sel)
        self.selections = selections
        self._changed()

    def _mark_selection(self, a: int, b: int, m: Mark) -> QTextEdit.ExtraSelection:
        from haizhu_reader.gui.reader.marks import MarkStyle

        theme = self._view.theme()
        fmt = QTextCharFormat()
        if m.style is MarkStyle.HIGHLIGHT:
            fmt.setBackground(theme.highlight_colour(m.colour))
            fmt.setForeground(self._view.typography().text)
        else:
            style = QTextCharFormat.UnderlineStyle
            dotted = m.style is MarkStyle.NOTE
            fmt.setUnderlineStyle(style.DashUnderline if dotted else style.SingleUnderline)
            fmt.setUnderlineColor(theme.line_colour(m.colour))
        return _selection(self._view, a, b, fmt)

    def margin_marks(self) -> list[tuple[QRectF, list[Mark]]]:
        """Margin marks of the visible part of the report, with their viewport rectangles."""
        view = self._view
        if not self._margin_pos or view.report() is None:
            return []
        from haizhu_reader.gui.reader.marks import margin_slots

        doc = view.document()
        top = view.position_at(0)
        lo = bisect_left(self._margin_pos, doc.findBlock(top).position())
        # The hit test can overshoot while the document is still being laid out.
        while lo > 0 and view.line_rect(self._margin_pos[lo - 1]).bottom() >= 0:
            lo -= 1
        em = view.typography().em
        left = doc.rootFrame().frameFormat().leftMargin()
        height = view.viewport().height()
        out = []
        # Walk down from the top until below the view (a hit test at the bottom can
        # miss while the document is still being laid out).
        for pos, marks in zip(self._margin_pos[lo:], self._margin_marks[lo:], strict=True):
            line = view.line_rect(pos)
            if line.top() > height:
                break
            size = em * 1.1
            x = max(1.0, left - em * 0.3 - size)
            rect = QRectF(x, line.top() + 2, size, size * margin_slots(marks))
            out.append((rect, marks))
        return out

    def paint_margin(self, painter: QPainter, area: QRect) -> None:
        """Paint the margin marks that meet ``area`` (viewport coordinates)."""
        shown = self.margin_marks()
        if not shown:
            return
        from haizhu_reader.gui.reader.marks import paint_margin_mark

        for rect, marks in shown:
            if rect.toAlignedRect().intersects(area):
                paint_margin_mark(painter, rect, marks, self._view.theme())

    def at(self, point: QPoint) -> list[Mark]:
        """The annotations under a viewport point: a marked range or a margin mark."""
        for rect, marks in self.margin_marks():
            if rect.adjusted(-2, -2, 2, 2).contains(point.toPointF()):
                return marks
        if not self._ranges:
            return []
        view = self._view
        cursor = view.cursorForPosition(point)
        if not view.cursorRect(cursor).adjusted(-40, -4, 40, 4).contains(point):
            return []
        pos = cursor.position()
        hits = self._ranges[: bisect_right(self._starts, pos)]
        return [m for a, b, m in hits if a <= pos < b]


class FigureLayer:
    """Key figures, tinted faintly beneath every other layer, with their tooltips.

    Shown only when wanted (``set_shown``): a page with every figure tinted looks
    busy, so by default the tints (and their tooltips) are there only while the
    figures pane is in front.
    """

    def __init__(self, view: LayerHost, changed: Callable[[], None]) -> None:
        self._view = view
        self._changed = changed
        self._shown = False
        self.clear()

    def set_shown(self, shown: bool) -> None:
        if shown != self._shown:
            self._shown = shown
            self.retypeset()

    def clear(self) -> None:
        self.selections: list[QTextEdit.ExtraSelection] = []
        self._ranges: list[tuple[int, int]] = []
        self._tips: dict[str, list[tuple[int, int, str]]] = {}  # pid -> (start, end, tip)

    def set_marks(self, marks: Sequence[tuple[str, int, int, str]]) -> None:
        ranges: list[tuple[int, int]] = []
        tips: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for pid, start, end, tip in marks:
            base = self._view.document_position(pid)
            if base is None or end <= start:
                continue
            ranges.append((base + start, base + end))
            tips[pid].append((start, end, tip))
        self._ranges = ranges
        self._tips = dict(tips)
        self.retypeset()

    def retypeset(self) -> None:
        """Make the selections again (a new typesetting or theme)."""
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(self._view.theme().figure))
        ranges = self._ranges if self._shown else []
        self.selections = [_selection(self._view, a, b, fmt) for a, b in ranges]
        self._changed()

    def at(self, point: QPoint) -> tuple[int, int, str] | None:
        """(document start, document end, tooltip) of the figure under a viewport point."""
        if not self._tips or not self._shown:
            return None
        view = self._view
        cursor = view.cursorForPosition(point)
        em = round(view.typography().em)
        if not view.cursorRect(cursor).adjusted(-em, 0, em, 0).contains(point):
            return None  # in a margin or below the text, not over a character
        index = view.document_index()
        hit = index.paragraph_at(cursor.position())
        if hit is None:
            return None
        pid, offset = hit
        base = index.paragraph_pos[pid]
        for start, end, tip in self._tips.get(pid, []):
            if start <= offset <= end:
                return base + start, base + end, tip
        return None


def _line_x(line: QTextLine, offset: int) -> float:
    """The x of a text offset in a laid-out line (PySide answers ``(x, offset)``)."""
    x, _ = cast("tuple[float, int]", line.cursorToX(offset))
    return x


class CurrentMatchLayer:
    """The current find match (3/15): a stronger colour than the other matches, and an
    outline painted around it, so it stands out whatever is drawn beneath it."""

    def __init__(self, view: LayerHost) -> None:
        self._view = view
        self.clear()

    def clear(self) -> None:
        self.match: tuple[str, int, int] | None = None  # paragraph (or section) id, start, end
        self.selections: list[QTextEdit.ExtraSelection] = []

    def set_match(self, pid: str, start: int, end: int) -> int | None:
        """Make (pid, start, end) the current match ("" for none); its document position."""
        pos = self._view.document_position(pid, start) if pid else None
        self.match = None if pos is None else (pid, start, end)
        self.retypeset()
        return pos

    def retypeset(self) -> None:
        """Make the selection again (a new typesetting or theme)."""
        found = self._range()
        self.selections = []
        if found is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(self._view.theme().find_current))
            fmt.setForeground(self._view.typography().text)
            self.selections = [_selection(self._view, *found, fmt)]

    def _range(self) -> tuple[int, int] | None:
        if self.match is None:
            return None
        pid, start, end = self.match
        pos = self._view.document_position(pid, start)
        return None if pos is None else (pos, pos + max(0, end - start))

    def paint_outline(self, painter: QPainter) -> None:
        """Outline the match, line by line, on the view's viewport."""
        found = self._range()
        if found is None:
            return
        pen = QPen(QColor(self._view.theme().find_outline), 2)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect in self._line_rects(*found):
            painter.drawRect(rect.toAlignedRect().adjusted(-2, -1, 1, 0))

    def _line_rects(self, a: int, b: int) -> list[QRectF]:
        """The viewport rectangles of the text from ``a`` to ``b``, one per line."""
        doc = self._view.document()
        layout = doc.documentLayout()
        top = self._view.verticalScrollBar().value()
        rects = []
        block = doc.findBlock(a)
        while block.isValid() and block.position() < b:
            origin = layout.blockBoundingRect(block).topLeft()
            lo, hi = max(a, block.position()) - block.position(), b - block.position()
            lines = block.layout()
            for i in range(lines.lineCount()):
                line = lines.lineAt(i)
                x0 = max(lo, line.textStart())
                x1 = min(hi, line.textStart() + line.textLength())
                if x0 < x1:
                    left, right = _line_x(line, x0), _line_x(line, x1)
                    y = origin.y() + line.y() - top
                    rects.append(QRectF(origin.x() + left, y, right - left, line.height()))
            block = block.next()
        return rects
