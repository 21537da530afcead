"""The shelf's filters: words, a place, a level, a range of years (the list's and the search's)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from haizhu_reader.core.library.store import LibraryEntry
from haizhu_reader.gui.common.filter_edit import FilterEdit
from haizhu_reader.gui.library.labels import level_names
from haizhu_reader.gui.library.shelf_model import ShelfView


class FilterBar(QWidget):
    """A row of filters; ``view()`` is what they admit.

    Signals:
        changed(): a filter changed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, text_box: bool = True) -> None:
        super().__init__(parent)
        self._setup_ui(text_box)
        self._connect()

    def _setup_ui(self, text_box: bool) -> None:
        self.text: FilterEdit | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if text_box:
            self.text = FilterEdit(self)
            self.text.setObjectName("shelf_filter")
            self.text.setAccessibleName(self.tr("筛选书架"))
            self.text.setPlaceholderText(self.tr("筛选：标题、地方、发言人、文件名"))
            layout.addWidget(self.text, 2)
        self.place = self._combo("place", self.tr("地方"))
        self.level = self._combo("level", self.tr("级别"))
        self.level.addItem(self.tr("所有级别"), None)
        for key, name in level_names().items():
            self.level.addItem(name, key)
        self.first_year = self._combo("first_year", self.tr("起始年份"))
        self.last_year = self._combo("last_year", self.tr("截止年份"))
        self.place.addItem(self.tr("所有地方"), None)
        self._years([])
        to = QLabel(self.tr("至"), self)
        layout.addWidget(self.place, 1)
        layout.addWidget(self.level, 1)
        layout.addWidget(self.first_year)
        layout.addWidget(to)
        layout.addWidget(self.last_year)

    def _combo(self, name: str, spoken: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(f"shelf_{name}")
        combo.setAccessibleName(spoken)
        combo.setToolTip(spoken)
        return combo

    def _connect(self) -> None:
        if self.text is not None:
            self.text.textChanged.connect(self.changed)
        for combo in (self.place, self.level, self.first_year, self.last_year):
            combo.currentIndexChanged.connect(self._on_changed)

    @Slot()
    def _on_changed(self) -> None:
        if not self.signalsBlocked():
            self.changed.emit()

    def _years(self, years: Sequence[int]) -> None:
        for combo, any_year in (
            (self.first_year, self.tr("不限")),
            (self.last_year, self.tr("不限")),
        ):
            kept = combo.currentData()
            combo.clear()
            combo.addItem(any_year, None)
            for y in years:
                combo.addItem(str(y), y)
            at = combo.findData(kept)
            combo.setCurrentIndex(at if at >= 0 else 0)

    def set_entries(self, entries: Sequence[LibraryEntry]) -> None:
        """The places and years to choose from: those on the shelf (choices kept)."""
        self.blockSignals(True)
        try:
            kept = self.place.currentData()
            self.place.clear()
            self.place.addItem(self.tr("所有地方"), None)
            for place in sorted({e.meta.place for e in entries if e.meta.place}):
                self.place.addItem(place, place)
            at = self.place.findData(kept)
            self.place.setCurrentIndex(at if at >= 0 else 0)
            self._years(sorted({e.meta.year for e in entries if e.meta.year}))
        finally:
            self.blockSignals(False)

    def view(self) -> ShelfView:
        first, last = self.first_year.currentData(), self.last_year.currentData()
        years = None
        if first is not None or last is not None:
            years = (first if first is not None else 0, last if last is not None else 9999)
        return ShelfView(
            text=self.text.text() if self.text is not None else "",
            place=self.place.currentData(),
            level=self.level.currentData(),
            years=years,
        )

    def focus_chain(self) -> list[QWidget]:
        boxes: list[QWidget] = [self.text] if self.text is not None else []
        return [*boxes, self.place, self.level, self.first_year, self.last_year]
