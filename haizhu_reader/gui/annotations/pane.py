"""The annotations dock: every highlight, note and bookmark of the open report.

Grouped by section in reading order (or by day, newest first), filtered by
colour, kind and text; annotations the text no longer holds are listed last
under their own group with quote and note, never dropped. Items show plain
text; tooltips escape what the user typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.annotations.handout import Item
from haizhu_reader.core.annotations.store import (
    COLOUR_HEX,
    Annotation,
    Colour,
    Kind,
    Placed,
)
from haizhu_reader.core.report import Report
from haizhu_reader.core.text import fold
from haizhu_reader.gui.annotations.labels import colour_icon, colour_name, kind_name
from haizhu_reader.gui.annotations.model import ID_ROLE, AnnotationsModel

if TYPE_CHECKING:
    from haizhu_reader.gui.annotations.session import AnnotationSession

__all__ = ["ID_ROLE", "AnnotationsPane"]


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
        self._shown = False
        self._setup_ui()
        self._connect()

    def _setup_ui(self) -> None:
        self.setObjectName("annotations_pane")
        self._notice = QLabel(self)
        self._notice.setObjectName("annotations_notice")
        self._notice.setAccessibleName(self.tr("批注提示"))
        self._notice.setWordWrap(True)
        self._notice.setStyleSheet("QLabel { font-weight: bold; }")  # colour: the theme's
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
            self.kind_box.addItem(kind_name(kind), kind.value)
        self.colour_box = QComboBox(self)
        self.colour_box.setObjectName("annotations_colour")
        self.colour_box.setAccessibleName(self.tr("按颜色筛选"))
        self.colour_box.addItem(self.tr("全部颜色"), "")
        for colour in Colour:
            self.colour_box.addItem(
                colour_icon(COLOUR_HEX[colour]), colour_name(colour), colour.value
            )
        self.by_date = QCheckBox(self.tr("按日期"), self)
        self.by_date.setObjectName("annotations_by_date")
        self.by_date.setAccessibleName(self.tr("按日期分组"))
        self.model = AnnotationsModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("annotations_view")
        self.view.setAccessibleName(self.tr("批注列表"))
        self.view.setAccessibleDescription(self.tr("按回车在正文中转到所选批注"))
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        # One line each for label, quote and note, elided: wrapped rows keep the
        # heights of the width they were first laid out at.
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.viewport().installEventFilter(self)  # the column fits it: see eventFilter
        self.view.setUniformRowHeights(False)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.edit_button = QPushButton(self.tr("编辑笔记(&N)…"), self)
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
        self.model.rowsInserted.connect(self._on_rows_inserted)
        self.edit_button.clicked.connect(self._on_edit)
        self.delete_button.clicked.connect(self._on_delete)

    # -- public ----------------------------------------------------------------------

    def take_focus(self) -> None:
        """Ctrl+6: the focus to the filter box."""
        self.focus_chain()[0].setFocus(Qt.FocusReason.ShortcutFocusReason)

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

    def follow(self, session: AnnotationSession) -> None:
        """List ``session``'s annotations from now on (and say why, if annotating is off)."""
        self._session = session
        self.set_notice(session.disabled_reason())
        session.changed.connect(self._on_session_changed)
        session.updated.connect(self._on_session_updated)
        self._on_session_changed()

    @Slot()
    def _on_session_changed(self) -> None:
        s = self._session
        self.set_annotations(s.report(), s.placed(), s.unplaced())

    @Slot(str)
    def _on_session_updated(self, annotation_id: str) -> None:
        self.update_annotation(annotation_id, self._session.get(annotation_id))

    def set_notice(self, text: str) -> None:
        """A standing explanation (annotating is off, and why); '' hides it."""
        self._notice.setText(text)
        self._notice.setVisible(bool(text))

    def set_annotations(
        self, report: Report | None, placed: Sequence[Placed], unplaced: Sequence[Annotation]
    ) -> None:
        """Show these annotations; listed when the pane is first shown (not at start-up)."""
        self.model.set_source(report, placed, unplaced)
        if self._shown:
            self._refresh()

    def update_annotation(self, annotation_id: str, found: Placed | Annotation | None) -> None:
        """One annotation added, edited or deleted (``found`` None): only its row changes.

        The filters still apply; the selection and the row at the top stay.
        """
        if not self.model.is_listed():
            self.model.update(annotation_id, found)  # listed in full when shown
            return
        current = self.current_id()
        top = self.view.indexAt(QPoint(0, 0))
        anchor, y = QPersistentModelIndex(top), self.view.visualRect(top).top()
        self.model.update(annotation_id, found)
        # An edited row moves; a relisting model forgets the selection: select again.
        still_there = current != annotation_id or found is not None
        if current is not None and still_there and self.current_id() != current:
            self.select(current)
        self._update_buttons()
        if anchor.isValid() and self.view.visualRect(anchor).top() != y:
            self.view.scrollTo(anchor, QAbstractItemView.ScrollHint.PositionAtTop)
        self._show_count()

    def _refresh(self) -> None:
        if not self.model.is_listed():
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The one column is as wide as the list. (A hidden header is sent no resize
        # events, so a Stretch column kept the width of the first layout: in a dock
        # narrowed since, rows ran past the edge unelided.)
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            assert isinstance(event, QResizeEvent)
            self.view.setColumnWidth(0, event.size().width())
        return super().eventFilter(watched, event)

    def current_id(self) -> str | None:
        value = self.view.currentIndex().data(ID_ROLE)
        return str(value) if value else None

    def select(self, annotation_id: str) -> None:
        self._refresh()
        index = self.model.index_of(annotation_id)
        if index.isValid():
            self.view.setCurrentIndex(index)

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
        self.model.reset(self._accepts, self.by_date.isChecked())
        self._show_count()
        if current:
            self.select(current)
        self._update_buttons()

    def _show_count(self) -> None:
        self._count.setText(
            self.tr("%1 / %2 条")
            .replace("%1", str(self.model.listed()))
            .replace("%2", str(self.model.total()))
        )

    # -- slots -----------------------------------------------------------------------

    @Slot()
    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    @Slot(QModelIndex, int, int)
    def _on_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        if not parent.isValid():  # new groups open
            for row in range(first, last + 1):
                self.view.expand(self.model.index(row, 0))

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
