"""Search results: the model (hits grouped by part and section) and the snippet painter."""

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
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from haizhu_reader.core.report import SECTION, Report, heading_text
from haizhu_reader.core.search.searching import Hit
from haizhu_reader.core.search.snippets import Runs, clip_snippet, snippet
from haizhu_reader.gui.common.theme import LIGHT

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
RUNS_ROLE = Qt.ItemDataRole.UserRole + 2
MARK_COLOR = LIGHT.search  # a hit's words, black on it in every theme: as in the text

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ResultModel(QAbstractItemModel):
    """Hits as a tree: a row per group (part › section) with its hits below,
    or one flat list when ranked by relevance. Snippets are made on demand,
    so only the rows on screen cost anything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[tuple[str, str], list[Hit]]] = []
        self._flat: list[Hit] | None = []
        self._runs: dict[int, list[tuple[str, bool]]] = {}

    def set_results(self, hits: list[Hit], labels: dict[str, tuple[str, str]] | None) -> None:
        """Show ``hits`` grouped under their part or section, or flat (``labels`` None).

        ``labels``: part/section/appendix id -> (label, tooltip).
        """
        self.beginResetModel()
        self._runs = {}
        if labels is None:
            self._flat, self._groups = hits, []
        else:
            self._flat, self._groups = None, []
            for h in hits:
                path = h.unit.path[:2]
                label = labels.get(path[-1], ("", "")) if path else ("", "")
                if not self._groups or self._groups[-1][0] != label:
                    self._groups.append((label, []))
                self._groups[-1][1].append(h)
        self.endResetModel()

    def hit_indexes(self) -> list[QModelIndex]:
        """Every hit row, top to bottom."""
        if self._flat is not None:
            return [self.index(r, 0) for r in range(len(self._flat))]
        out = []
        for g, (_, hits) in enumerate(self._groups):
            parent = self.index(g, 0)
            out += [self.index(r, 0, parent) for r in range(len(hits))]
        return out

    def _hit(self, index: _Index) -> Hit | None:
        if not index.isValid():
            return None
        if self._flat is not None:
            return self._flat[index.row()]
        group = index.internalId()
        return self._groups[group - 1][1][index.row()] if group else None

    # -- QAbstractItemModel ------------------------------------------------------

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

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._flat) if self._flat is not None else len(self._groups)
        if self._flat is None and not parent.internalId():
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 1

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._hit(index) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self._hit(index)
        if hit is None:
            label, tooltip = self._groups[index.row()][0]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return label
            return tooltip if role == Qt.ItemDataRole.ToolTipRole else None
        if role == HIT_ROLE:
            return hit
        if role == RUNS_ROLE:
            return self._snippet(hit)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "".join(text for text, _ in self._snippet(hit))
        return None

    def _snippet(self, hit: Hit) -> list[tuple[str, bool]]:
        runs = self._runs.get(id(hit))
        if runs is None:
            runs = self._runs[id(hit)] = snippet(hit.unit.text, hit.spans)
        return runs


def group_labels(report: Report) -> dict[str, tuple[str, str]]:
    """Part, section and appendix id -> (label, tooltip) for result groups.

    The label cites the place as a deputy would, 一、（三）, then the title; the
    tooltip spells out the path. Lead topics are grouped under their section.
    """
    out: dict[str, tuple[str, str]] = {}
    for s in report.walk():
        if s.level > SECTION:
            continue
        path = report.section_path(s.id)
        numbers = report.place_label(s.id) if s.number else ""
        out[s.id] = (f"{numbers}{s.title}", " › ".join(heading_text(p) for p in path))
    for a in report.appendices:
        out[a.id] = (a.title, a.title)
    return out


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
