"""A search hit's snippet, painted with every occurrence marked: the search pane's and the shelf's.

A model gives each hit row ``HIT_ROLE`` (the hit, any object: the layout cache's
key) and ``RUNS_ROLE`` (its snippet as runs of (text, is a hit),
``core.search.snippets.snippet``); a row without a hit is a group, in bold.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from haizhu_reader.core.search.snippets import Runs, clip_snippet
from haizhu_reader.gui.common.theme import LIGHT

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
RUNS_ROLE = Qt.ItemDataRole.UserRole + 2
MARK_COLOR = LIGHT.search  # a hit's words, black on it in every theme: as in the text

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def _utf16_len(text: str) -> int:
    """Length in UTF-16 units, the unit of Qt's text positions."""
    return len(text.encode("utf-16-le")) // 2


def _chars_within(text: str, units: int) -> int:
    """How many characters of ``text`` take at most ``units`` UTF-16 units."""
    count = 0
    for i, c in enumerate(text):
        count += 2 if ord(c) > 0xFFFF else 1
        if count > units:
            return i
    return len(text)


class SnippetDelegate(QStyledItemDelegate):
    """Paints a hit's snippet with every occurrence marked; group rows in bold.

    Each snippet is laid out once (QTextLayout, two lines) and cached until the
    results change, so scrolling and repaints only draw. A snippet longer than
    its two lines is shortened to a clause that fits, ending "…"
    (``clip_snippet``), never cut off in the middle of a line.
    """

    LINES = 2
    PAD = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layouts: dict[tuple[int, int], QTextLayout] = {}
        self._mark = QTextCharFormat()
        self._mark.setBackground(QColor(MARK_COLOR))
        self._mark.setForeground(QColor("#000000"))

    def clear_cache(self) -> None:
        self._layouts.clear()

    def shown_text(self, index: _Index, font: QFont, width: int) -> str:
        """The text a hit's row shows at ``width`` pixels: what its lines hold."""
        layout = self._layout(index.data(HIT_ROLE), index.data(RUNS_ROLE), font, width)
        last = layout.lineAt(layout.lineCount() - 1)
        return layout.text()[: _chars_within(layout.text(), last.textStart() + last.textLength())]

    def _layout(self, hit: object, runs: Runs, font: QFont, width: int) -> QTextLayout:
        key = (id(hit), width)
        cached = self._layouts.get(key)
        if cached is not None:
            return cached
        layout = self._lay_out(runs, font, width)
        for _ in range(8):  # each round is shorter; a few at most
            if not layout.lineCount():
                break
            text = layout.text()
            last = layout.lineAt(layout.lineCount() - 1)
            fits = last.textStart() + last.textLength()
            if fits >= _utf16_len(text):
                break
            runs = clip_snippet(runs, _chars_within(text, fits))
            layout = self._lay_out(runs, font, width)
        self._layouts[key] = layout
        return layout

    def _lay_out(self, runs: Runs, font: QFont, width: int) -> QTextLayout:
        """``runs`` in at most ``LINES`` lines of ``width``, hits marked."""
        layout = QTextLayout("".join(t for t, _ in runs), font)
        formats = []
        pos = 0
        for text, marked in runs:
            n = _utf16_len(text)
            if marked:
                mark = QTextLayout.FormatRange()
                mark.start, mark.length, mark.format = pos, n, self._mark
                formats.append(mark)
            pos += n
        layout.setFormats(formats)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        y = 0.0
        for _ in range(self.LINES):
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        return layout

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        runs = index.data(RUNS_ROLE)
        if runs is None:
            opt.font.setBold(True)
        else:
            opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if runs is None:
            return
        rect = opt.rect
        width = max(10, rect.width() - 2 * self.PAD)
        layout = self._layout(index.data(HIT_ROLE), runs, opt.font, width)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(opt.palette.color(role))
        layout.draw(painter, QPointF(rect.left() + self.PAD, rect.top() + self.PAD))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        base = super().sizeHint(option, index)
        if index.data(HIT_ROLE) is None:
            return base
        line = option.fontMetrics.lineSpacing()
        return QSize(base.width(), line * self.LINES + 2 * self.PAD + 2)


def snippet_view(
    parent: QWidget, model: QAbstractItemModel, name: str, accessible: str, description: str
) -> QTreeView:
    """A list of search hits, each a wrapped snippet (``SnippetDelegate``): the search
    pane's and the shelf's. The delegate's laid-out snippets go when the model resets."""
    view = QTreeView(parent)
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setAccessibleDescription(description)
    view.setModel(model)
    delegate = SnippetDelegate(view)
    view.setItemDelegate(delegate)
    model.modelReset.connect(delegate.clear_cache)
    view.setHeaderHidden(True)
    view.setUniformRowHeights(False)
    view.setWordWrap(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


class GroupedHits(QAbstractItemModel):
    """Search hits under their groups (a report, a section), two levels: a group row's
    internal id is 0, a hit's is its group's row + 1. Subclasses give ``rowCount`` and
    ``data``; the search pane's and the shelf's results are such models."""

    def index(self, row: int, column: int, parent: _Index = _ROOT) -> QModelIndex:
        if column != 0 or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0)
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: _Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or not index.internalId():
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 1
