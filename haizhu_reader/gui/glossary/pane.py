"""The glossary pane: the report's terms, a filter, a definition and where each term occurs."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.report import Appendix, Report, Section
from haizhu_reader.core.text import escape_html
from haizhu_reader.gui.common.docking import bring_forward
from haizhu_reader.gui.common.filter_edit import FilterEdit
from haizhu_reader.gui.glossary.term_filter import (
    ENTRY_ROLE,
    GlossaryModel,
    TermFilter,
    glossary_keys,
    squash,
)

SPAN_ROLE = Qt.ItemDataRole.UserRole + 2
PLACE_ROLE = Qt.ItemDataRole.UserRole + 3
CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 4
CONTEXT_BEFORE, CONTEXT_AFTER = 24, 48  # characters around an occurrence

_Index = QModelIndex | QPersistentModelIndex


class _OccurrenceDelegate(QStyledItemDelegate):
    """Two lines per occurrence: its place, then the context with the term in bold."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        fm = QFontMetrics(option.font)
        return QSize(100, fm.height() * 2 + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        # The items have no display text: the base class draws only the
        # background, selection and focus, as the style wants them.
        super().paint(painter, option, index)
        opt = QStyleOptionViewItem(option)
        selected = self._view.selectionModel().isSelected(self._view.model().index(index.row(), 0))
        pal: QPalette = opt.palette
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = opt.rect.adjusted(6, 4, -6, -4)
        font = QFont(opt.font)
        fm = QFontMetrics(font)
        painter.save()
        muted = pal.color(role)
        if not selected:
            muted = pal.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        place = str(index.data(PLACE_ROLE) or "")
        top = QRect(rect.left(), rect.top(), rect.width(), fm.height())
        painter.drawText(
            top,
            Qt.AlignmentFlag.AlignLeft,
            fm.elidedText(place, Qt.TextElideMode.ElideRight, rect.width()),
        )
        before, term, after = index.data(CONTEXT_ROLE) or ("", "", "")
        bold = QFont(font)
        bold.setBold(True)
        bfm = QFontMetrics(bold)
        width = rect.width()
        term_w = min(bfm.horizontalAdvance(term), width)
        before = fm.elidedText(before, Qt.TextElideMode.ElideLeft, int((width - term_w) * 0.4))
        before_w = fm.horizontalAdvance(before)
        after = fm.elidedText(after, Qt.TextElideMode.ElideRight, width - term_w - before_w)
        y = rect.top() + fm.height() + fm.ascent() + 2
        x = rect.left()
        painter.setPen(pal.color(role))
        painter.drawText(x, y, before)
        x += before_w
        painter.setFont(bold)
        painter.drawText(x, y, bfm.elidedText(term, Qt.TextElideMode.ElideRight, term_w))
        x += term_w
        painter.setFont(font)
        painter.drawText(x, y, after)
        painter.restore()


def occurrence_place(report: Report, owner: Section | Appendix) -> str:
    """Where an occurrence is, as a deputy cites it, then the title of the section (or
    lead topic) it is in: 一、（二）　数字经济蓬勃发展, 一、　2019年工作回顾; the opening
    and an appendix by their titles (开篇, 名词解释)."""
    if isinstance(owner, Appendix):
        return owner.title
    label = report.place_label(owner.id)
    return owner.title if label in ("", owner.title) else f"{label}\u3000{owner.title}"


class GlossaryPane(QWidget):
    """Terms of the report's glossary, a filter, the selected term's definition and occurrences.

    Signals:
        occurrence_activated(str, int, int): the user chose an occurrence
            (paragraph id, start, end) to be shown in the text.
    """

    occurrence_activated = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._model = GlossaryModel(self)
        self._proxy = TermFilter(self)
        self._proxy.setSourceModel(self._model)
        self._generation = 0
        self._pinyin_pending = False  # pinyin keys are being made
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self._filter = FilterEdit(self)
        self._filter.setPlaceholderText(self.tr("筛选名词（可用拼音首字母，如 sqqy）"))
        self._filter.setAccessibleName(self.tr("筛选名词"))
        self._hint = QLabel(self)
        self._hint.setWordWrap(True)
        self._hint.hide()
        self._terms = QListView(self)
        self._terms.setModel(self._proxy)
        self._terms.setUniformItemSizes(True)
        self._terms.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._terms.setAccessibleName(self.tr("名词列表"))
        self._terms.setAccessibleDescription(
            self.tr("选中名词即显示释义；按回车转到其出现位置列表")
        )
        self._definition = QTextBrowser(self)
        self._definition.setOpenLinks(False)
        self._definition.setFrameShape(QFrame.Shape.NoFrame)
        self._definition.setAccessibleName(self.tr("名词释义"))
        self._count = QLabel(self)
        self._occurrences = QListWidget(self)
        self._occurrences.setItemDelegate(_OccurrenceDelegate(self._occurrences))
        self._occurrences.setAccessibleName(self.tr("出现位置"))
        self._occurrences.setAccessibleDescription(self.tr("按回车在正文中显示此处"))
        self._occurrences.setUniformItemSizes(True)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(4)
        top_layout.addWidget(self._filter)
        top_layout.addWidget(self._hint)
        top_layout.addWidget(self._terms)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.setSpacing(2)
        bottom_layout.addWidget(self._count)
        bottom_layout.addWidget(self._occurrences)
        self._splitter = QSplitter(Qt.Orientation.Vertical, self)
        self._splitter.setObjectName("glossary_splitter")
        self._splitter.setChildrenCollapsible(False)
        for w, stretch in ((top, 3), (self._definition, 2), (bottom, 3)):
            self._splitter.addWidget(w)
            self._splitter.setStretchFactor(self._splitter.indexOf(w), stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._splitter)

    def _connect(self) -> None:
        self._filter.textChanged.connect(self._on_filter_changed)
        self._filter.down_pressed.connect(self._on_filter_down)
        self._filter.returnPressed.connect(self._on_filter_down)
        self._terms.selectionModel().currentChanged.connect(self._on_current_changed)
        self._terms.activated.connect(self._on_term_activated)
        self._occurrences.itemActivated.connect(self._on_occurrence)
        self._occurrences.itemClicked.connect(self._on_occurrence)

    # -- public ---------------------------------------------------------------------

    @property
    def filter_edit(self) -> QLineEdit:
        return self._filter

    @property
    def term_view(self) -> QListView:
        return self._terms

    @property
    def occurrence_list(self) -> QListWidget:
        return self._occurrences

    def focus_chain(self) -> list[QWidget]:
        """The pane's focusable widgets in Tab order."""
        return [self._filter, self._terms, self._definition, self._occurrences]

    def take_focus(self) -> None:
        """Ctrl+3: the focus to the filter box."""
        self._filter.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def visible_terms(self) -> list[str]:
        """The terms the filter lets through, in order."""
        return [str(self._proxy.index(r, 0).data()) for r in range(self._proxy.rowCount())]

    def current_term(self) -> int:
        """Index into ``report.glossary`` of the selected term, -1 when none."""
        index = self._terms.currentIndex()
        value = index.data(ENTRY_ROLE) if index.isValid() else None
        return value if isinstance(value, int) else -1

    @Slot(object)
    def set_report(self, report: Report) -> None:
        self._report = report
        self._generation += 1
        self._pinyin_pending = False
        self._filter.clear()
        self._proxy.set_entries(report.glossary)
        self._model.set_entries(report.glossary)
        self._filter.setEnabled(bool(report.glossary))  # nothing to filter
        if report.glossary:
            self._terms.setCurrentIndex(self._proxy.index(0, 0))
        else:
            self._show_entry(-1)

    @Slot(int)
    def show_term(self, entry: int) -> None:
        """Select a term (clearing a filter that hides it) and show its definition, the
        pane's dock in front."""
        bring_forward(self)
        if self._report is None or not 0 <= entry < len(self._report.glossary):
            return
        index = self._proxy.mapFromSource(self._model.index(entry, 0))
        if not index.isValid():
            self._filter.clear()
            index = self._proxy.mapFromSource(self._model.index(entry, 0))
        self._terms.setCurrentIndex(index)
        self._terms.scrollTo(index)

    # -- details --------------------------------------------------------------------

    def _show_entry(self, entry: int) -> None:
        self._occurrences.clear()
        report = self._report
        if report is not None and not report.glossary:
            none = self.tr("这份报告没有名词解释。")
            why = self.tr(
                "报告附有“名词解释”（或名词注释、注释）时，其中的名词列在这里，并在正文中标出。"
            )
            self._definition.setHtml(f"<p>{escape_html(none)}</p><p>{escape_html(why)}</p>")
            self._count.setText("")
            return
        if report is None or entry < 0:
            self._definition.setHtml(
                "<p>" + escape_html(self.tr("选择一个名词查看释义")) + "</p>"  # theme colours
            )
            self._count.setText("")
            return
        e = report.glossary[entry]
        head = f"<h3 style='margin:0'>{escape_html(e.term)}</h3>"
        if e.aliases:
            separator = escape_html(self.tr("、", "between aliases"))
            also = escape_html(self.tr("又作：%1")).replace(
                "%1", separator.join(escape_html(a) for a in e.aliases)
            )
            head += f"<p style='margin:2px 0'><small>{also}</small></p>"  # theme colours
        body = "".join(
            f"<p style='margin-top:6px'>{escape_html(line.strip())}</p>"
            for line in e.definition.splitlines()
            if line.strip()
        )
        self._definition.setHtml(head + body)
        self._count.setText(self.tr("在正文中出现 %n 处", "", len(e.occurrences)))
        paragraphs = report.paragraph_index()
        for o in e.occurrences:
            found = paragraphs.get(o.paragraph)
            if found is None:
                continue
            owner, para = found
            place = occurrence_place(report, owner)
            text = para.text
            before = text[max(0, o.start - CONTEXT_BEFORE) : o.start]
            after = text[o.end : o.end + CONTEXT_AFTER]
            item = QListWidgetItem()
            item.setData(SPAN_ROLE, (o.paragraph, o.start, o.end))
            item.setData(PLACE_ROLE, place)
            item.setData(CONTEXT_ROLE, (before, text[o.start : o.end], after))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{place} {before}{e.term}{after}")
            item.setToolTip(text[max(0, o.start - 60) : o.end + 60])
            self._occurrences.addItem(item)

    # -- slots ----------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(ENTRY_ROLE) if current.isValid() else None
        self._show_entry(value if isinstance(value, int) else -1)

    @Slot(QModelIndex)
    def _on_term_activated(self, _index: QModelIndex) -> None:
        if self._occurrences.count():
            self._occurrences.setCurrentRow(0)
            self._occurrences.setFocus(Qt.FocusReason.TabFocusReason)

    @Slot(QListWidgetItem)
    def _on_occurrence(self, item: QListWidgetItem) -> None:
        span = item.data(SPAN_ROLE)
        if isinstance(span, (tuple, list)) and len(span) == 3:
            self.occurrence_activated.emit(str(span[0]), int(span[1]), int(span[2]))

    @Slot(str)
    def _on_filter_changed(self, text: str) -> None:
        key = squash(text)
        if key and key.isascii() and any(c.isalpha() for c in key):
            self._ensure_pinyin()
        self._proxy.set_query(text)
        self._update_hint()

    def _update_hint(self) -> None:
        if self._pinyin_pending:
            self._hint.setText(self.tr("正在准备拼音检索…"))
        elif self._filter.text() and self._proxy.rowCount() == 0:
            self._hint.setText(self.tr("没有匹配的名词"))
        else:
            self._hint.setText("")
        self._hint.setVisible(bool(self._hint.text()))

    def _ensure_pinyin(self) -> None:
        if self._report is None or self._pinyin_pending or self._proxy.has_pinyin:
            return
        from haizhu_reader.gui.common import jobs  # not at start-up

        job = jobs.Job(partial(glossary_keys, list(self._report.glossary)), key=self._generation)
        self._pinyin_pending = True
        job.signals.done.connect(self._on_pinyin_ready)
        jobs.start(job)

    @Slot(object, object)
    def _on_pinyin_ready(self, generation: int, keys: list[str]) -> None:
        if generation != self._generation:
            return
        self._pinyin_pending = False
        self._proxy.set_pinyin(keys)
        self._update_hint()

    @Slot()
    def _on_filter_down(self) -> None:
        if self._proxy.rowCount() == 0:
            return
        if not self._terms.currentIndex().isValid():
            self._terms.setCurrentIndex(self._proxy.index(0, 0))
        self._terms.setFocus(Qt.FocusReason.TabFocusReason)
