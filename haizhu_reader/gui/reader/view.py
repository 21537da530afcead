"""The reading view: the whole report as one typeset, selectable document.

Other panes never reach into it; MainWindow calls its public slots
(``show_section``, ``show_paragraph``, ``flash_span``, ``set_highlights``,
``show_found``) and listens to its signals. Positions are given as (paragraph
id, offset into ``Paragraph.text``), the parser's own coordinates.

Longer than the ~450 lines a module should have, because it is one class that
needs it: a ``QTextBrowser`` whose event handlers (paint, wheel, tooltips,
context menu, resize) and reading positions all work on the same document and
layout. What can stand apart already does: the typesetting (``typesetting``,
``headings``), what is drawn over the text (``layers``, ``marks``), the bar over
a selection (``selection_bar``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QMimeData,
    QPoint,
    QRect,
    QRectF,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontInfo,
    QHelpEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QFrame, QMenu, QTextBrowser, QTextEdit, QToolTip, QWidget

from haizhu_reader.core.report import GlossaryEntry, Report
from haizhu_reader.core.text import escape_html
from haizhu_reader.gui.common.theme import LIGHT, Theme
from haizhu_reader.gui.reader.headings import balance_headings
from haizhu_reader.gui.reader.layers import AnnotationLayer, CurrentMatchLayer, FigureLayer
from haizhu_reader.gui.reader.typesetting import (
    LINE_HEIGHT,
    ZOOM_LEVELS,
    DocumentIndex,
    Typography,
    build_document,
    glossary_index,
    tooltip_in_reading_size,
)

if TYPE_CHECKING:
    # Only annotations: PySide6 makes a class when it is first imported, and these
    # events do not come before the first paint.
    from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QWheelEvent

    from haizhu_reader.gui.reader.marks import Mark  # loaded with the first marks

FLASH_MS = 1600
WHEEL_NOTCH = 120  # angleDelta of one mouse-wheel notch
TOOLTIP_WIDTH = 360  # pixels: about 26 CJK characters a line


def definition_tooltip(entry: GlossaryEntry) -> str:
    """Rich-text tooltip for a glossary mark: the term in bold, then its definition.

    Everything from the report is escaped; the fixed-width table makes Qt wrap
    the (space-less) Chinese text at a readable width.
    """
    head = f"<b>{escape_html(entry.term)}</b>"
    if entry.aliases:
        head += "（" + "、".join(escape_html(a) for a in entry.aliases) + "）"
    body = "".join(
        f"<p style='margin-top:4px'>{escape_html(line.strip())}</p>"
        for line in entry.definition.splitlines()
        if line.strip()
    )
    return (
        f"<table width='{TOOLTIP_WIDTH}' cellspacing='0' cellpadding='2'>"
        f"<tr><td>{head}{body}</td></tr></table>"
    )


class ReaderView(QTextBrowser):
    """The report, typeset, with glossary marks, highlights and a reading position.

    Signals:
        reading_position_changed(str, float): the section (or appendix) id being
            read at the top of the view, and how far through the report (0..1).
        term_activated(int): the user clicked a glossary mark; an index into
            ``report.glossary``.
        first_painted(): the report last set has been painted for the first time.
        zoom_changed(int): the text size changed, in percent of the default.
    """

    reading_position_changed = Signal(str, float)
    term_activated = Signal(int)
    first_painted = Signal()
    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._index = DocumentIndex()
        self._occurrences: dict[str, list[tuple[int, int, int]]] = {}
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {}
        # The document ranges those selections draw, to redraw them in a new typesetting.
        self._layer_ranges: dict[str, list[tuple[int, int]]] = {}
        self._flash: list[QTextEdit.ExtraSelection] = []
        self._flash_range: tuple[int, int] | None = None
        self._annotations = AnnotationLayer(self, self._apply_selections)
        self._figures = FigureLayer(self, self._apply_selections)
        self._current = CurrentMatchLayer(self)
        self._context_actions: list[QAction] = []
        self._position: tuple[str, float] = ("", -1.0)
        self._pinned: tuple[str, int] | None = None
        self._painted = False
        self._document: QTextDocument | None = None
        self._pending_place: int | None = None  # scrolled to at the top until first painted
        self._theme = LIGHT
        self._zoom = 100
        self._family = ""  # the user's font; "" chooses one (see reading_family)
        self._line_height = LINE_HEIGHT
        self._wheel_zoom = 0  # angle the Ctrl+wheel turned that has not zoomed yet
        self._figure_tints = (False, False)  # (the View option, the figures pane in front)
        self._balanced = (0, 0)  # (id of the document, column width) headings are balanced for
        self._user_selection = False  # the selection was dragged out or keyed by the user
        self._typo = Typography.make(self._theme)
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self.setObjectName("reader_view")
        self.setAccessibleName(self.tr("报告正文"))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        # Always on: a scroll bar that comes and goes would change the
        # viewport width, the margins, the layout, and so the scroll bar.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # A font of its own: the interface's text size (the application font) would
        # otherwise reach the document, whose default font QTextEdit sets from it.
        self.setFont(self._typo.font)
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(0)

    def _connect(self) -> None:
        self.anchorClicked.connect(self._on_anchor_clicked)
        self._flash_timer.timeout.connect(self._on_flash_over)
        self._position_timer.timeout.connect(self._update_position)
        self.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.verticalScrollBar().rangeChanged.connect(self._on_range_changed)

    # -- the report ----------------------------------------------------------------

    @Slot(object)
    def set_report(self, report: Report) -> None:
        """Typeset ``report`` and show it from the top."""
        doc, self._index = build_document(report, self._typo, self)
        self._report = report
        occ: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
        for i, entry in enumerate(report.glossary):
            for o in entry.occurrences:
                occ[o.paragraph].append((o.start, o.end, i))
        self._occurrences = dict(occ)
        self._layers.clear()
        self._layer_ranges.clear()
        self._flash, self._flash_range = [], None
        self._current.clear()
        self._annotations.clear()
        self._figures.clear()
        self._pinned = None
        self._pending_place = None
        self._position = ("", -1.0)
        self._painted = False
        # Margins first, so the document is laid out once, at its final width.
        self._update_margins(doc)
        old, self._document = self._document, doc
        self.setDocument(doc)
        # Qt deletes only the default document it made itself; ours we delete.
        if old is not None:
            old.deleteLater()
        self.verticalScrollBar().setValue(0)
        self._position_timer.start()

    def report(self) -> Report | None:
        return self._report

    def document_index(self) -> DocumentIndex:
        """Where each paragraph and heading of the report starts in the document."""
        return self._index

    # -- appearance: text size, font, line spacing, theme ------------------------------

    def zoom(self) -> int:
        """The text size, in percent of the default (one of ``ZOOM_LEVELS``)."""
        return self._zoom

    def typography(self) -> Typography:
        return self._typo

    def theme(self) -> Theme:
        return self._theme

    @Slot(int)
    def set_zoom(self, percent: int) -> None:
        """Set the text size (the nearest of ``ZOOM_LEVELS``), keeping the place read."""
        level = min(ZOOM_LEVELS, key=lambda z: abs(z - percent))
        if level != self._zoom:
            self._zoom = level
            self._retypeset()
            self.zoom_changed.emit(level)

    @Slot()
    def zoom_in(self) -> None:
        self._step_zoom(1)

    @Slot()
    def zoom_out(self) -> None:
        self._step_zoom(-1)

    @Slot()
    def reset_zoom(self) -> None:
        self.set_zoom(100)

    def _step_zoom(self, steps: int) -> None:
        i = ZOOM_LEVELS.index(self._zoom) + steps
        self.set_zoom(ZOOM_LEVELS[max(0, min(len(ZOOM_LEVELS) - 1, i))])

    @Slot(str)
    def set_font_family(self, family: str) -> None:
        """Typeset in ``family``; "" (or a font without Chinese) picks one (``reading_family``)."""
        if family != self._family:
            self._family = family
            self._retypeset()

    @Slot(int)
    def set_line_height(self, percent: int) -> None:
        """The line spacing of body paragraphs, in percent of the font's line height."""
        if percent != self._line_height:
            self._line_height = percent
            self._retypeset()

    @Slot(object)
    def set_theme(self, theme: Theme) -> None:
        """Draw the text, its marks and every highlight in ``theme``'s colours."""
        if theme != self._theme:
            self._theme = theme
            self._retypeset()

    def _retypeset(self) -> None:
        """Typeset the report again in the current typography, at the same place.

        The text is the same, so every document position is too: highlights,
        marks and the place being read are redrawn at their positions.
        """
        self._typo = Typography.make(self._theme, self._zoom, self._family, self._line_height)
        if self._report is None:
            return
        keep, above = self._pending_place, 0.0
        if keep is None and self.verticalScrollBar().value() > 0:
            keep, above = self._top_line()
        doc, self._index = build_document(self._report, self._typo, self)
        self._update_margins(doc)
        old, self._document = self._document, doc
        self.setDocument(doc)
        if old is not None:
            old.deleteLater()
        self._layers = {k: self._hit_selections(r, k) for k, r in self._layer_ranges.items()}
        flash = self._flash_range
        self._flash = [self._selection(*flash, QColor(self._theme.flash))] if flash else []
        self._current.retypeset()
        self._figures.retypeset()
        self._annotations.forget_drawing()
        self._pinned = None
        if keep is None:
            self.verticalScrollBar().setValue(0)
        else:
            self._scroll_to(keep, round(above * self._typo.em))
        self._annotations.update_window(keep or 0)
        self._apply_selections()  # (setDocument repaints; no viewport() in the start-up path)

    # -- positions -----------------------------------------------------------------

    def paragraph_at(self, cursor_pos: int) -> tuple[str, int] | None:
        """(paragraph id, offset into its text) of a document position; None outside text."""
        return self._index.paragraph_at(cursor_pos)

    def document_position(self, pid: str, offset: int = 0) -> int | None:
        """The document position of ``offset`` in paragraph ``pid``.

        ``pid`` may also be a section or appendix id: the offset is then into
        its heading (search and find report heading matches that way).
        """
        start = self._index.paragraph_pos.get(pid)
        if start is None:
            start = self._index.section_pos.get(pid)
        return None if start is None else start + offset

    def section_position(self, section_id: str) -> int | None:
        """The document position of a section's heading (a lead topic's paragraph)."""
        return self._index.section_pos.get(section_id)

    def selected_spans(self) -> list[tuple[str, int, int]]:
        """The selection as (paragraph id, start, end) spans, one per paragraph touched."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return []
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        spans = []
        for pid, start in self._index.paragraph_pos.items():
            end = start + self._index.paragraph_len[pid]
            lo, hi = max(a, start), min(b, end)
            if lo < hi:
                spans.append((start, pid, lo - start, hi - start))
        return [(pid, s, e) for _, pid, s, e in sorted(spans)]

    def section_of(self, pos: int) -> str:
        """The id of the section (or appendix) holding a document position."""
        return self._index.section_at(pos)

    def section_at_top(self) -> str:
        """The id of the section (or appendix) being read at the top of the view."""
        if self._pinned and self._pinned[1] == self.verticalScrollBar().value():
            return self._pinned[0]
        return self._index.section_at(self.position_at(self._reading_line()))

    def progress(self) -> float:
        bar = self.verticalScrollBar()
        return 1.0 if bar.maximum() <= 0 else bar.value() / bar.maximum()

    def reading_place(self) -> tuple[str, int] | None:
        """Where the reader is: (paragraph or section id, offset) of the top line.

        Ids and offsets do not depend on the text size or the window's width,
        so ``restore_place`` finds the same line after either changes.
        """
        if self._report is None:
            return None
        if self._pending_place is not None:
            pos = self._pending_place
        elif self.verticalScrollBar().value() == 0:
            pos = 0
        else:
            pos = self._top_line()[0]
        hit = self._index.paragraph_at(pos)
        if hit is not None:
            return hit
        section = self._index.section_at(pos)  # a heading, or the title above the text
        return section, pos - self._index.section_pos.get(section, 0)

    def restore_place(self, target: str, offset: int) -> None:
        """Bring a place ``reading_place`` gave back to the top of the view.

        Until the report is first painted, the place is kept and applied again
        whenever the view's size changes: the first picture is already there.
        """
        pos = self.document_position(target, offset)
        if pos is None or self._document is None:
            return
        pos = max(0, min(pos, self._document.characterCount() - 1))
        if pos == 0:
            return
        if not self._painted:
            self._pending_place = pos
        if self.isVisible():
            self._scroll_to(pos, 0)

    def _top_line(self) -> tuple[int, float]:
        """The first line at least half in view: its start, and its top in ems below the top.

        Walks the layout's blocks and lines rather than hit-testing: a hit test
        in the space between two blocks, just after a new typesetting, can answer
        the end of the document.
        """
        doc = self.document()
        layout = doc.documentLayout()
        top = self.verticalScrollBar().value()
        lo, hi = 0, doc.blockCount() - 1
        while lo < hi:  # the first block reaching below the top of the view
            mid = (lo + hi) // 2
            if layout.blockBoundingRect(doc.findBlockByNumber(mid)).bottom() <= top:
                lo = mid + 1
            else:
                hi = mid
        block = doc.findBlockByNumber(lo)
        while block.isValid():
            lines = block.layout()
            y0 = lines.position().y()
            for i in range(lines.lineCount()):
                line = lines.lineAt(i)
                if y0 + line.y() + line.height() / 2 >= top:
                    return block.position() + line.textStart(), (
                        y0 + line.y() - top
                    ) / self._typo.em
            block = block.next()
        return doc.characterCount() - 1, 0.0

    def _reading_line(self) -> int:
        """How far below the top the line being read is taken to be: about two lines."""
        return round(self._typo.em * 3.4)

    def position_at(self, y: int) -> int:
        """The document position at height ``y`` in the middle of the text column."""
        # self.width(), not viewport().width(): close enough for the middle, and
        # the first viewport() call costs PySide ~20 ms of type discovery.
        return self.cursorForPosition(QPoint(self.width() // 2, y)).position()

    def _line_top(self, pos: int) -> int:
        """Document y of the top of the line holding ``pos``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        return self.cursorRect(cursor).top() + self.verticalScrollBar().value()

    def _scroll_to(self, pos: int, above: int) -> None:
        """Scroll so the line holding ``pos`` sits ``above`` pixels below the top."""
        self.verticalScrollBar().setValue(self._line_top(pos) - above)

    # -- navigation (public slots) -------------------------------------------------

    @Slot(str)
    def show_section(self, section_id: str) -> None:
        """Scroll so the heading of a section (or appendix) is at the top of the view."""
        pos = self._index.section_pos.get(section_id)
        if pos is None:
            return
        self._pending_place = None  # the user went somewhere: no place to restore
        if pos == 0:
            self.verticalScrollBar().setValue(0)
        else:
            self._scroll_to(pos, round(self._typo.em * 0.6))
        self._pinned = (section_id, self.verticalScrollBar().value())
        self._update_position()

    @Slot(str)
    def show_paragraph(self, pid: str) -> None:
        """Scroll so a paragraph (or a section's heading) starts at the top of the view."""
        pos = self.document_position(pid)
        if pos is not None:
            self._pending_place = None
            self._scroll_to(pos, round(self._typo.em * 0.6))
            self._jumped_to(pos)

    @Slot(str, int, int)
    def flash_span(self, pid: str, start: int, end: int) -> None:
        """Scroll a span into view (a third down) and highlight it briefly."""
        pos = self.document_position(pid, start)
        if pos is None:
            return
        self._pending_place = None
        self._scroll_to(pos, self.viewport().height() // 3)
        self._jumped_to(pos)
        self._flash_range = (pos, pos + max(0, end - start))
        self._flash = [self._selection(*self._flash_range, QColor(self._theme.flash))]
        self._apply_selections()
        self._flash_timer.start()

    def _jumped_to(self, pos: int) -> None:
        """The place read is now the section of ``pos``, though the end of the one before
        it may fill the top of the view: announced as such (the contents tree and the
        status bar follow) until the user scrolls on."""
        self._pinned = (self._index.section_at(pos), self.verticalScrollBar().value())
        self._update_position()

    def set_highlights(
        self, spans: Mapping[str, Sequence[tuple[int, int]]], layer: str = "default"
    ) -> None:
        """Replace one persistent highlight layer: paragraph id -> [(start, end)].

        Layers (``"search"``, ``"find"``...) are independent; an empty mapping
        clears a layer. Offsets are into ``Paragraph.text``.
        """
        ranges_at: list[tuple[int, int]] = []
        for pid, ranges in spans.items():
            base = self.document_position(pid)
            if base is not None:
                ranges_at.extend((base + a, base + b) for a, b in ranges)
        if ranges_at:
            self._layer_ranges[layer] = ranges_at
            self._layers[layer] = self._hit_selections(ranges_at, layer)
        else:
            self._layer_ranges.pop(layer, None)
            self._layers.pop(layer, None)
        self._apply_selections()

    def show_found(self, pid: str, spans: Sequence[tuple[int, int]], layer: str) -> None:
        """What a search or the figures found in a paragraph (or heading): highlighted in
        ``layer`` until the next, the first span flashed (no span: the paragraph shown)."""
        self.set_highlights({pid: spans}, layer)
        if spans:
            self.flash_span(pid, *spans[0])
        else:
            self.show_paragraph(pid)

    @Slot(str, int, int)
    def show_current(self, pid: str, start: int, end: int) -> None:
        """The current find match (3/15): drawn in a stronger colour with an outline,
        over the other matches, and scrolled into view if it is not; ``pid`` "" for
        none (the bar closed, nothing matches)."""
        pos = self._current.set_match(pid, start, end)
        if pos is not None:
            self._pending_place = None
            if not self.viewport().rect().contains(self._mark_rect(pos, pos + end - start)):
                self._scroll_to(pos, self.viewport().height() // 3)
            self._jumped_to(pos)
        self._apply_selections()
        self.viewport().update()

    def current_match(self) -> tuple[str, int, int] | None:
        """The current find match (paragraph or section id, start, end), if any."""
        return self._current.match

    def _hit_selections(
        self, ranges: Sequence[tuple[int, int]], layer: str
    ) -> list[QTextEdit.ExtraSelection]:
        """Find matches in their colour; search hits (and what else a pane found) in theirs."""
        colour = QColor(self._theme.find if layer == "find" else self._theme.search)
        return [self._selection(a, b, colour) for a, b in ranges]

    def _selection(self, a: int, b: int, color: QColor) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(color)
        fmt.setForeground(self._typo.text)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def _apply_selections(self) -> None:
        merged = [s for layer in self._layers.values() for s in layer]
        self.setExtraSelections([*self._figures.selections, *self._annotations.selections,
                                 *merged, *self._current.selections, *self._flash])  # fmt: skip

    # -- the user's annotations (drawn by layers.AnnotationLayer) -------------

    def set_annotations(self, marks: Sequence[Mark]) -> None:
        """Show the user's highlights, underlines, notes and bookmarks (replacing the last)."""
        self._annotations.set_marks(marks)

    def update_annotation(self, annotation_id: str, mark: Mark | None) -> None:
        """Redraw one annotation, added, edited or deleted (``mark`` None), not all of them."""
        self._annotations.update_mark(annotation_id, mark)

    def annotation_selections(self) -> list[QTextEdit.ExtraSelection]:
        """The ExtraSelections drawing annotations near the view (tests check their ranges)."""
        return list(self._annotations.selections)

    def margin_marks(self) -> list[tuple[QRectF, list[Mark]]]:
        """Margin marks of the visible part of the report, with their viewport rectangles."""
        return self._annotations.margin_marks()

    def annotations_at(self, point: QPoint) -> list[Mark]:
        """The annotations under a viewport point: a marked range or a margin mark."""
        return self._annotations.at(point)

    def annotation_tooltip_at(self, point: QPoint) -> str:
        """What hovering over annotations shows (their notes, escaped), else ''."""
        marks = self.annotations_at(point)
        if not marks:
            return ""
        from haizhu_reader.gui.reader.marks import mark_tooltip

        return mark_tooltip(marks)

    def line_rect(self, pos: int) -> QRect:
        """The viewport rectangle of the line holding document position ``pos``."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        return self.cursorRect(cursor)

    def set_context_actions(self, actions: Sequence[QAction]) -> None:
        """Actions the context menu offers below Copy (annotating, from the window)."""
        self._context_actions = list(actions)

    @Slot()
    def _on_flash_over(self) -> None:
        self._flash, self._flash_range = [], None
        self._apply_selections()

    # -- reading position ----------------------------------------------------------

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        if self._annotations.has_ranges():
            self._annotations.update_window()
        if self._pinned and self._pinned[1] != value:
            self._pinned = None
        self._position_timer.start()

    @Slot(int, int)
    def _on_range_changed(self, _minimum: int, _maximum: int) -> None:
        self._position_timer.start()

    @Slot()
    def _update_position(self) -> None:
        if self._report is None or not self._painted:
            return  # the first paint starts it again
        position = (self.section_at_top(), round(self.progress(), 3))
        if position != self._position:
            self._position = position
            self.reading_position_changed.emit(*position)

    # -- glossary marks ------------------------------------------------------------

    def _mark_at(self, point: QPoint) -> tuple[int, int, int] | None:
        """(entry index, document start, document end) of the mark under a viewport point."""
        entry = glossary_index(self.anchorAt(point))
        if entry is None:
            return None
        hit = self._index.paragraph_at(self.cursorForPosition(point).position())
        if hit is None:
            return None
        pid, offset = hit
        base = self._index.paragraph_pos[pid]
        for start, end, index in self._occurrences.get(pid, []):
            if index == entry and start <= offset <= end:
                return entry, base + start, base + end
        return None

    def tooltip_at(self, point: QPoint) -> str:
        """What hovering at a viewport point shows: a definition over a mark, else ''."""
        mark = self._mark_at(point)
        if mark is None or self._report is None:
            return ""
        return definition_tooltip(self._report.glossary[mark[0]])

    # -- key-figure marks (drawn by layers.FigureLayer) ------------------------

    def set_figure_marks(self, marks: Sequence[tuple[str, int, int, str]]) -> None:
        """Tint key figures faintly: (paragraph id, start, end, rich-text tooltip) each.

        Drawn beneath every other layer, background only, so glossary underlines,
        annotations, highlights and the selection all show through unchanged; and
        only when wanted (``set_figure_tints``, ``set_figures_in_front``).
        """
        self._figures.set_marks(marks)

    @Slot(bool)
    def set_figure_tints(self, on: bool) -> None:
        """View › 标出文中数据: tint the key figures whichever pane is in front."""
        self._figure_tints = (on, self._figure_tints[1])
        self._figures.set_shown(any(self._figure_tints))

    @Slot(bool)
    def set_figures_in_front(self, in_front: bool) -> None:
        """The figures pane is in front (or not): its figures are tinted while it is."""
        self._figure_tints = (self._figure_tints[0], in_front)
        self._figures.set_shown(any(self._figure_tints))

    def figure_selections(self) -> list[QTextEdit.ExtraSelection]:
        """The ExtraSelections marking key figures (tests check their ranges)."""
        return list(self._figures.selections)

    def figure_tooltip_at(self, point: QPoint) -> str:
        """What hovering over a key figure shows (its indicator and kind), else ''."""
        figure = self._figures.at(point)
        return figure[2] if figure else ""

    def _mark_rect(self, a: int, b: int) -> QRect:
        first, last = QTextCursor(self.document()), QTextCursor(self.document())
        first.setPosition(a)
        last.setPosition(b)
        return self.cursorRect(first).united(self.cursorRect(last)).adjusted(0, 0, 1, 0)

    def reading_tooltip(self, html: str) -> str:
        """A tooltip over the text in a size that follows the reading text's."""
        least = QFontInfo(QToolTip.font()).pointSizeF()
        return tooltip_in_reading_size(html, self._typo, least, self.logicalDpiY())

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            mark = self._mark_at(event.pos())
            notes = self.annotation_tooltip_at(event.pos())
            tip = self.reading_tooltip
            if mark is not None and self._report is not None:
                entry, a, b = mark
                QToolTip.showText(
                    event.globalPos(),
                    tip(definition_tooltip(self._report.glossary[entry])),
                    self.viewport(),
                    self._mark_rect(a, b),
                )
            elif notes:
                # Over a margin mark, the note goes when the pointer leaves the mark.
                around = [r.adjusted(-2, -2, 2, 2) for r, _ in self.margin_marks()]
                at = event.pos().toPointF()
                margin = next((r.toAlignedRect() for r in around if r.contains(at)), QRect())
                QToolTip.showText(event.globalPos(), tip(notes), self.viewport(), margin)
            elif (figure := self._figures.at(event.pos())) is not None:
                QToolTip.showText(
                    event.globalPos(), tip(figure[2]), self.viewport(), self._mark_rect(*figure[:2])
                )
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        # QTextBrowser reports a click only when the press and release were on
        # the same anchor without a selection being dragged out in between. It
        # selects the anchor it activates (a focus frame for keyboard users): a term
        # clicked to be looked up is not text chosen to be annotated or copied.
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.clearSelection()
            self.setTextCursor(cursor)
        entry = glossary_index(url.toString())
        if entry is not None:
            self.term_activated.emit(entry)

    # -- the user's selection ------------------------------------------------------

    def has_user_selection(self) -> bool:
        """Whether there is a selection the user made: dragged out with the mouse
        (a double click, Shift+click) or with the keys (Ctrl+A, 全选). A selection a
        click on a glossary term or the program made is not one (no selection bar)."""
        return self._user_selection and self.textCursor().hasSelection()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:  # a right click keeps the selection
            self._user_selection = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._user_selection = True
        super().mouseMoveEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self._user_selection = event.button() == Qt.MouseButton.LeftButton
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        before = self.textCursor()
        super().keyPressEvent(event)
        after = self.textCursor()
        if (after.anchor(), after.position()) != (before.anchor(), before.position()):
            self._user_selection = after.hasSelection()

    @Slot(bool)
    def set_caret_browsing(self, on: bool) -> None:
        """Caret browsing (View › 光标浏览, F7): a caret the arrow keys, Home/End and the
        page keys move, Shift with them selecting, as a mouse drag does. It starts at the
        top of what is on screen, not at the report's beginning."""
        flags = Qt.TextInteractionFlag.TextSelectableByMouse | (
            Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        if on:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        if flags == self.textInteractionFlags():
            return
        self.setTextInteractionFlags(flags)
        self.setCursorWidth(2 if on else 1)  # a caret that can be found on a page of text
        if on and not self.textCursor().hasSelection():
            top = self.cursorForPosition(QPoint(self.viewport().width() // 2, 0))
            caret = self.textCursor()
            if not self.viewport().rect().intersects(self.cursorRect(caret)):
                self.setTextCursor(top)
        self.viewport().update()

    def caret_browsing(self) -> bool:
        return bool(self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)

    @Slot()
    def _select_all(self) -> None:
        self.selectAll()
        self._user_selection = True

    # -- copying, menus ------------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:
        """Copies and drags carry plain text only: the report's words, not our styling."""
        mime = QMimeData()
        mime.setText(self.textCursor().selection().toPlainText())
        return mime

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        point = self.viewport().mapFromGlobal(event.globalPos())
        if not self.textCursor().hasSelection() and event.reason() is event.Reason.Mouse:
            # The paragraph clicked is the one "at the cursor" for the menu's actions.
            self.setTextCursor(self.cursorForPosition(point))
        menu = QMenu(self)
        copy = menu.addAction(self.tr("复制"), self.copy)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        copy.setEnabled(self.textCursor().hasSelection())
        select_all = menu.addAction(self.tr("全选"), self._select_all)
        select_all.setShortcut(QKeySequence.StandardKey.SelectAll)
        mark = self._mark_at(self.viewport().mapFromGlobal(event.globalPos()))
        if mark is not None and self._report is not None:
            entry = mark[0]
            menu.addSeparator()
            menu.addAction(
                self.tr("查看名词解释：%1").replace("%1", self._report.glossary[entry].term),
                lambda: self.term_activated.emit(entry),
            )
        if self._context_actions:
            menu.addSeparator()
            for action in self._context_actions:
                menu.addAction(action)
        menu.exec(event.globalPos())

    # -- geometry and painting -----------------------------------------------------

    def _update_margins(self, doc: QTextDocument | None = None) -> None:
        """Centre a text column no wider than the measure (about 40 characters), its
        headings' lines balanced for that width."""
        em = self._typo.em
        # The viewport's width, without asking for the viewport: the first
        # viewport() call costs PySide ~20 ms of type discovery, which we keep out
        # of the start-up path. The scroll bar, always on, is already left out.
        width = self.maximumViewportSize().width()
        side = max(1.5 * em, (width - self._typo.measure) / 2)
        doc = doc or self.document()
        root = doc.rootFrame()
        fmt = root.frameFormat()
        if abs(fmt.leftMargin() - side) >= 0.5 or fmt.topMargin() <= 0:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(2 * em)
            fmt.setBottomMargin(4 * em)
            root.setFrameFormat(fmt)
        column = round(width - 2 * side)
        if self._balanced != (id(doc), column):  # the document shown, or the one coming
            self._balanced = (id(doc), column)
            balance_headings(doc, column)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Keep the line being read at the top while the text reflows.
        keep, above = self._pending_place, 0.0
        if keep is None and self._report is not None and self.verticalScrollBar().value() > 0:
            keep, above = self._top_line()
        super().resizeEvent(event)
        self._update_margins()
        if keep is not None:
            self._scroll_to(keep, round(above * self._typo.em))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)  # which scrolls the text cursor into view on the first show
        if self._pending_place is not None:
            self._scroll_to(self._pending_place, 0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel steps the text size (QTextEdit would scale its own font instead)."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        self._wheel_zoom += event.angleDelta().y()
        steps = int(self._wheel_zoom / WHEEL_NOTCH)  # a touchpad sends fractions of a notch
        if steps:
            self._wheel_zoom -= steps * WHEEL_NOTCH
            self._step_zoom(steps)
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._annotations.has_margin_marks() or self._current.match is not None:
            painter = QPainter(self.viewport())
            self._annotations.paint_margin(painter, event.rect())
            self._current.paint_outline(painter)
            painter.end()
        if not self._painted and self._report is not None:
            self._painted = True
            self._pending_place = None
            # Posted, so it runs before whatever first_painted's receivers post.
            QTimer.singleShot(0, self, self._update_position)
            self.first_painted.emit()
