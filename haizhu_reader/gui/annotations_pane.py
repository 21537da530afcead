"""The annotations dock: every highlight, note and bookmark of the open report.

Grouped by section in reading order (or by day, newest first), filtered by
colour, kind and text; annotations the text no longer holds are listed last
under their own group with quote and note, never dropped. Items show plain
text; tooltips escape what the user typed.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.annotations import (
    COLOUR_HEX,
    COLOUR_NAMES_ZH,
    KIND_NAMES_ZH,
    Annotation,
    Colour,
    Kind,
    Placed,
)
from haizhu_reader.core.export import UNPLACED_GROUP, Item, items
from haizhu_reader.core.report import Report
from haizhu_reader.core.text import fold
from haizhu_reader.gui.annotation_actions import colour_icon
from haizhu_reader.gui.annotation_marks import TOOLTIP_WIDTH

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_EXCERPT = 40
_GROUP_CHARS = 16


def item_tooltip(it: Item) -> str:
    """Label, quote and note, every part escaped."""
    parts = [f"<b>{html.escape(it.label)}</b>"]
    if it.quote:
        parts.append(f"<p>“{html.escape(it.quote)}”</p>")
    for line in it.annotation.note.splitlines():
        if line.strip():
            parts.append(f"<p>{html.escape(line)}</p>")
    return (
        f"<table width='{TOOLTIP_WIDTH}' cellspacing='0' cellpadding='2'>"
        f"<tr><td>{''.join(parts)}</td></tr></table>"
    )


def _local_day(stamp: str) -> str:
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:10]
    return when.astimezone().strftime("%Y-%m-%d")


class AnnotationsPane(QWidget):
    """List, filter, edit and delete the open report's annotations.

    Signals:
        annotation_activated(str): the user opened an annotation (its id).
        edit_requested(str): edit this annotation's note.
        delete_requested(str): delete this annotation.
    """

    annotation_activated = Signal(str)
    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._items: list[Item] = []
        self._source: tuple[Report | None, list[Placed], list[Annotation]] = (None, [], [])
        self._stale = False
        self._shown = False
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self.setObjectName("annotations_pane")
        self._notice = QLabel(self)
        self._notice.setObjectName("annotations_notice")
        self._notice.setAccessibleName(self.tr("批注提示"))
        self._notice.setWordWrap(True)
        self._notice.setStyleSheet("QLabel { color: #9b1b1b; }")
        self._notice.hide()
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("annotations_filter")
        self.filter_edit.setAccessibleName(self.tr("筛选批注文字"))
        self.filter_edit.setPlaceholderText(self.tr("筛选批注"))
        self.filter_edit.setClearButtonEnabled(True)
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("annotations_kind")
        self.kind_box.setAccessibleName(self.tr("按类型筛选"))
        self.kind_box.addItem(self.tr("全部类型"), "")
        for kind in Kind:
            self.kind_box.addItem(KIND_NAMES_ZH[kind], kind.value)
        self.colour_box = QComboBox(self)
        self.colour_box.setObjectName("annotations_colour")
        self.colour_box.setAccessibleName(self.tr("按颜色筛选"))
        self.colour_box.addItem(self.tr("全部颜色"), "")
        for colour in Colour:
            self.colour_box.addItem(
                colour_icon(COLOUR_HEX[colour]), COLOUR_NAMES_ZH[colour], colour.value
            )
        self.by_date = QCheckBox(self.tr("按日期"), self)
        self.by_date.setObjectName("annotations_by_date")
        self.by_date.setAccessibleName(self.tr("按日期分组"))
        self.model = QStandardItemModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("annotations_view")
        self.view.setAccessibleName(self.tr("批注列表"))
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        # One line each for label, quote and note, elided: wrapped rows keep the
        # heights of the width they were first laid out at.
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setUniformRowHeights(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.edit_button = QPushButton(self.tr("编辑笔记(&E)…"), self)
        self.edit_button.setObjectName("annotations_edit")
        self.edit_button.setAccessibleName(self.tr("编辑笔记"))
        self.delete_button = QPushButton(self.tr("删除(&D)"), self)
        self.delete_button.setObjectName("annotations_delete")
        self.delete_button.setAccessibleName(self.tr("删除批注"))
        self._count = QLabel(self)
        self._count.setAccessibleName(self.tr("批注数"))

        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.kind_box, 1)
        filters.addWidget(self.colour_box, 1)
        filters.addWidget(self.by_date)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self._count, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._notice)
        layout.addWidget(self.filter_edit)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self._rebuild)
        self.kind_box.currentIndexChanged.connect(self._rebuild)
        self.colour_box.currentIndexChanged.connect(self._rebuild)
        self.by_date.toggled.connect(self._rebuild)
        self.view.activated.connect(self._on_activated)
        self.view.doubleClicked.connect(self._on_activated)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button.clicked.connect(self._on_delete)

    # -- public ----------------------------------------------------------------------

    def focus_chain(self) -> list[QWidget]:
        return [
            self.filter_edit,
            self.kind_box,
            self.colour_box,
            self.by_date,
            self.view,
            self.edit_button,
            self.delete_button,
        ]

    def set_notice(self, text: str) -> None:
        """A standing explanation (annotating is off, and why); '' hides it."""
        self._notice.setText(text)
        self._notice.setVisible(bool(text))

    def set_annotations(
        self, report: Report | None, placed: Sequence[Placed], unplaced: Sequence[Annotation]
    ) -> None:
        """Show these annotations; listed when the pane is first shown (not at start-up)."""
        self._report = report
        self._source = (report, list(placed), list(unplaced))
        self._stale = True
        if self._shown:
            self._refresh()

    def _refresh(self) -> None:
        if not self._stale:
            return
        self._stale = False
        report, placed, unplaced = self._source
        self._items = items(report, placed, unplaced) if report else []
        self._rebuild()

    @Slot(bool)
    def set_shown(self, shown: bool) -> None:
        """Whether the pane is on screen (its dock's tab is current): it lists only then."""
        self._shown = shown
        if shown:
            self._refresh()

    def shown_ids(self) -> list[str]:
        """Ids of the annotations listed, top to bottom (after filtering)."""
        self._refresh()
        out = []
        for g in range(self.model.rowCount()):
            group = self.model.item(g)
            out += [str(group.child(r).data(ID_ROLE)) for r in range(group.rowCount())]
        return out

    def group_titles(self) -> list[str]:
        self._refresh()
        return [self.model.item(g).accessibleText() for g in range(self.model.rowCount())]

    def current_id(self) -> str | None:
        value = self.view.currentIndex().data(ID_ROLE)
        return str(value) if value else None

    def select(self, annotation_id: str) -> None:
        self._refresh()
        for g in range(self.model.rowCount()):
            group = self.model.item(g)
            for r in range(group.rowCount()):
                if group.child(r).data(ID_ROLE) == annotation_id:
                    self.view.setCurrentIndex(group.child(r).index())
                    return

    # -- building --------------------------------------------------------------------

    def _accepts(self, it: Item) -> bool:
        a = it.annotation
        kind = self.kind_box.currentData()
        if kind and a.kind.value != kind:
            return False
        colour = self.colour_box.currentData()
        if colour and (a.colour is None or a.colour.value != colour):
            return False
        text = fold(self.filter_edit.text().strip())
        return not text or text in fold(f"{it.quote}\n{a.note}\n{it.label}")

    @Slot()
    def _rebuild(self) -> None:
        current = self.current_id()
        shown = [it for it in self._items if self._accepts(it)]
        groups: dict[str, list[Item]] = {}
        if self.by_date.isChecked():
            ordered = sorted(shown, key=lambda it: it.annotation.created, reverse=True)
            for it in ordered:
                groups.setdefault(_local_day(it.annotation.created), []).append(it)
        else:
            for it in shown:
                groups.setdefault(it.group, []).append(it)
            if UNPLACED_GROUP in groups:  # always last
                groups[UNPLACED_GROUP] = groups.pop(UNPLACED_GROUP)
        self.model.clear()
        root = self.model.invisibleRootItem()
        for title, members in groups.items():
            # Section titles run long; the whole title is in the tooltip.
            short = title if len(title) <= _GROUP_CHARS else title[: _GROUP_CHARS - 1] + "…"
            group = QStandardItem(short)
            group.setEditable(False)
            group.setSelectable(False)
            group.setAccessibleText(title)
            group.setToolTip(html.escape(title))
            for it in members:
                group.appendRow(self._row(it))
            root.appendRow(group)
        self.view.expandAll()
        self._count.setText(
            self.tr("%1 / %2 条")
            .replace("%1", str(len(shown)))
            .replace("%2", str(len(self._items)))
        )
        if current:
            self.select(current)
        self._update_buttons()

    def _row(self, it: Item) -> QStandardItem:
        a = it.annotation
        lines = [it.label]
        if it.quote:
            quote = it.quote if len(it.quote) <= _EXCERPT else it.quote[:_EXCERPT] + "……"
            lines.append(f"“{quote}”")
        if a.note.strip():
            note = " ".join(a.note.split())
            lines.append(
                "✎ " + (note if len(note) <= _EXCERPT * 2 else note[: _EXCERPT * 2] + "……")
            )
        row = QStandardItem("\n".join(lines))
        row.setEditable(False)
        row.setData(a.id, ID_ROLE)
        row.setToolTip(item_tooltip(it))
        row.setAccessibleText(" ".join(lines))
        if a.colour is not None:
            row.setIcon(colour_icon(COLOUR_HEX[a.colour]))
        return row

    # -- slots -----------------------------------------------------------------------

    @Slot()
    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        value = index.data(ID_ROLE)
        if value:
            self.annotation_activated.emit(str(value))

    @Slot()
    def _on_edit(self) -> None:
        ident = self.current_id()
        if ident:
            self.edit_requested.emit(ident)

    @Slot()
    def _on_delete(self) -> None:
        ident = self.current_id()
        if ident:
            self.delete_requested.emit(ident)
