"""The figures pane: the report's key figures as a table, and results versus targets.

Extracting the figures of the bundled report takes about 30 ms, so it runs on a
pool thread, and only once asked (``prepare()``: after the text's first paint,
or when its dock is first shown): start-up does not wait for it. The pane's
widgets are built by ``ensure_ui()`` when the dock is first shown (or a
widget is asked for), so a window that starts with the pane tabbed away does
not pay for them either.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core import figures as core
from haizhu_reader.core.figures import Figure, Kind
from haizhu_reader.core.files import OwnFiles
from haizhu_reader.core.report import Report
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.dialogs import Messages, ask_save_path, refuse_target
from haizhu_reader.gui.common.docking import bring_forward
from haizhu_reader.gui.figures.chart import ComparisonTable, ResultsChart, chart_rows
from haizhu_reader.gui.figures.model import (
    COLUMN_SAMPLES,
    FIGURE_ROLE,
    INDICATOR,
    KIND,
    PLACE,
    FiguresFilter,
    FiguresModel,
    headers,
    kind_label,
)


class ExportFiguresDialog:
    """The file chooser for exporting the figures table."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """The chosen CSV path, or None when the user cancels."""
        chosen = ask_save_path(
            parent,
            QCoreApplication.translate("figures_pane", "导出数据表"),
            suggested,
            [
                (QCoreApplication.translate("figures_pane", "CSV 表格 (*.csv)"), "csv"),
                (QCoreApplication.translate("figures_pane", "所有文件 (*)"), ""),
            ],
        )
        return chosen[0] if chosen else None


class _FiguresTable(QTableView):
    """Enter activates the current row, as a double-click does.

    The indicator column takes the width the others leave, but never less than
    about five characters: in a narrow dock the table scrolls sideways instead.
    """

    activated_by_key = Signal(QModelIndex)

    def fit_indicator(self) -> None:
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(header.count()) if c != INDICATOR)
        least = self.fontMetrics().horizontalAdvance("中") * 5
        header.resizeSection(INDICATOR, max(least, self.viewport().width() - others))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_indicator()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class FiguresPane(QWidget):
    """Key figures of the report (sortable, filterable, exportable) and results vs targets.

    Signals:
        figure_activated(str, int, int): the user chose a figure (paragraph id,
            start, end) to be shown in the text.
        figures_ready(object, object): the figures of a Report were extracted
            (the Report, a list of ``Figure``).
    """

    figure_activated = Signal(str, int, int)
    figures_ready = Signal(object, object)

    def __init__(self, parent: QWidget | None = None, *, own: OwnFiles | None = None) -> None:
        """No CSV is written onto ``own`` (the profile's folders and store)."""
        super().__init__(parent)
        self._own = own if own is not None else OwnFiles()
        self._report: Report | None = None
        self._figures: list[Figure] | None = None
        self._generation = 0
        self._pending: jobs.JobSignals | None = None
        self._model = FiguresModel(self)
        self._proxy = FiguresFilter(self)
        self._proxy.setSourceModel(self._model)
        self._built = False
        self._widened = False
        self.setObjectName("figures_pane")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @Slot(bool)
    def set_shown(self, shown: bool) -> None:
        """On screen (its dock's tab in front): build the widgets and find the figures;
        the first time, make room for the six columns."""
        if not shown:
            return
        self.ensure_ui()
        self.prepare()
        self._widen_dock_once()

    def _widen_dock_once(self) -> None:
        dock, window = self.parentWidget(), self.window()
        if self._widened or not isinstance(dock, QDockWidget) or dock.isFloating():
            return
        if not isinstance(window, QMainWindow):
            return
        self._widened = True
        wanted = min(460, window.width() * 36 // 100)
        if dock.width() < wanted:
            window.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)

    def take_focus(self) -> None:
        """Ctrl+4: the focus to the filter box."""
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def ensure_ui(self) -> None:
        """Build the widgets, if not yet done (when the dock is first shown).

        Not from showEvent: Qt shows a dock that is tabbed away too.
        """
        if not self._built:
            self._built = True
            self._setup_ui()
            self._connect()
            self._refresh()
            self._tabs.show()  # at once: a visible parent shows new children a tick later

    def _setup_ui(self) -> None:
        self._tabs = QTabWidget(self)
        self._tabs.setAccessibleName(self.tr("数据视图"))
        self._tabs.setDocumentMode(True)

        # -- the table tab
        table_page = QWidget(self._tabs)
        self._filter = QLineEdit(table_page)
        self._filter.setPlaceholderText(self.tr("筛选指标、原文或位置"))
        self._filter.setAccessibleName(self.tr("筛选数据"))
        self._filter.setClearButtonEnabled(True)
        self._kind = QComboBox(table_page)
        self._kind.setAccessibleName(self.tr("数据类型"))
        self._kind.addItem(self.tr("全部"), None)
        self._kind.addItem(self.tr("结果"), "result")
        self._kind.addItem(self.tr("目标"), "target")
        self._export = QPushButton(self.tr("导出…"), table_page)
        self._export.setAccessibleName(self.tr("导出数据表为CSV"))
        self._export.setToolTip(self.tr("把表中显示的数据导出为 CSV 文件（UTF-8）"))
        self._table = _FiguresTable(table_page)
        self._table.setObjectName("figures_table")
        self._table.setAccessibleName(self.tr("数据表"))
        self._table.setAccessibleDescription(self.tr("按回车在正文中显示所选数据"))
        self._table.setModel(self._proxy)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setAlternatingRowColors(True)
        self._table.setWordWrap(False)
        # Always on: fit_indicator() follows the table's size, not the viewport's.
        self._table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._table.verticalHeader().hide()
        self._table.verticalHeader().setDefaultSectionSize(self._table.fontMetrics().height() + 8)
        # Widths from the font, once: ResizeToContents would ask the model for every
        # cell on every layout (40 000 calls, a third of a second, on first show).
        header = self._table.horizontalHeader()
        header.setMinimumSectionSize(24)
        fm = self._table.fontMetrics()
        titles, head_fm = headers(), header.fontMetrics()
        kinds = (kind_label("result"), kind_label("target"))  # their length varies by language
        for col, sample in COLUMN_SAMPLES.items():
            cells = [sample, *kinds] if col == KIND else [sample]
            width = max(fm.horizontalAdvance(text) for text in cells) + 12
            header.resizeSection(col, max(width, head_fm.horizontalAdvance(titles[col]) + 16))
        header.setStretchLastSection(False)
        header.setSortIndicator(PLACE, Qt.SortOrder.AscendingOrder)  # reading order
        self._table.setSortingEnabled(True)
        self._count = QLabel(table_page)
        self._count.setAccessibleName(self.tr("数据条数"))

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self._filter, 1)
        bar.addWidget(self._kind)
        bar.addWidget(self._export)
        page = QVBoxLayout(table_page)
        page.setContentsMargins(4, 4, 4, 4)
        page.addLayout(bar)
        page.addWidget(self._table, 1)
        page.addWidget(self._count)
        self._tabs.addTab(table_page, self.tr("数据表"))

        # -- the results-versus-targets tab
        chart_page = QWidget(self._tabs)
        self._comparisons = ComparisonTable(chart_page)
        self._chart = ResultsChart()
        scroll = QScrollArea(chart_page)
        scroll.setAccessibleName(self.tr("对比图区域"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._chart)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.setContentsMargins(4, 4, 4, 4)
        chart_layout.addWidget(self._comparisons)
        chart_layout.addWidget(scroll, 1)
        self._tabs.addTab(chart_page, self.tr("结果与目标"))

        self._layout.addWidget(self._tabs)

    def _connect(self) -> None:
        self._filter.textChanged.connect(self._proxy.set_text)
        self._filter.textChanged.connect(self._update_count)
        self._kind.currentIndexChanged.connect(self._on_kind_changed)
        self._export.clicked.connect(self.export_csv)
        self._table.doubleClicked.connect(self._on_activated)
        self._table.activated_by_key.connect(self._on_activated)

    # -- handles for MainWindow and tests ------------------------------------------

    @property
    def model(self) -> FiguresModel:
        return self._model

    @property
    def proxy(self) -> FiguresFilter:
        return self._proxy

    @property
    def table(self) -> QTableView:
        self.ensure_ui()
        return self._table

    @property
    def filter_edit(self) -> QLineEdit:
        self.ensure_ui()
        return self._filter

    @property
    def kind_combo(self) -> QComboBox:
        self.ensure_ui()
        return self._kind

    @property
    def tabs(self) -> QTabWidget:
        self.ensure_ui()
        return self._tabs

    @property
    def chart(self) -> ResultsChart:
        self.ensure_ui()
        return self._chart

    @property
    def comparison_table(self) -> ComparisonTable:
        self.ensure_ui()
        return self._comparisons

    def focus_chain(self) -> list[QWidget]:
        self.ensure_ui()
        return [self._tabs, self._filter, self._kind, self._export, self._table]

    def figures(self) -> list[Figure] | None:
        """The current report's figures, None until extracted."""
        return self._figures

    # -- the report ----------------------------------------------------------------

    @Slot(object)
    def set_report(self, report: Report) -> None:
        """Take a new report; its figures are extracted when ``prepare()`` is called."""
        self._report = report
        self._figures = None
        self._generation += 1
        self._pending = None
        self._model.set_figures(None, [])
        self._refresh()

    @Slot()
    def prepare(self) -> None:
        """Start extracting the current report's figures, unless done or under way."""
        if self._report is None or self._figures is not None or self._pending is not None:
            return
        job = jobs.Job(partial(core.extract, self._report), key=self._generation)
        self._pending = job.signals
        job.signals.done.connect(self._on_extracted)
        job.signals.failed.connect(self._on_extract_failed)
        self._refresh()
        jobs.start(job)

    @Slot(object, object)
    def _on_extracted(self, generation: int, found: list[Figure]) -> None:
        if generation != self._generation or self._report is None:
            return  # a report that is no longer shown
        self._pending = None
        self._show_figures(self._report, found)

    @Slot(object, object)
    def _on_extract_failed(self, generation: int, _error: Exception) -> None:
        self._on_extracted(generation, [])  # a bug in the extractor must not leave it waiting

    def _show_figures(self, report: Report, found: list[Figure]) -> None:
        self._figures = found
        self._model.set_figures(report, found)
        self._refresh()
        self.figures_ready.emit(report, found)

    def _refresh(self) -> None:
        """Bring the comparison tab and the count up to date (once the widgets exist)."""
        if not self._built:
            return
        comparisons = core.results_vs_targets(self._figures or [])
        self._comparisons.set_comparisons(comparisons)
        self._chart.set_rows(chart_rows(comparisons), len(comparisons))
        self._update_count()

    # -- export --------------------------------------------------------------------

    def shown_figures(self) -> list[Figure]:
        """The figures the table shows, filtered and in its order."""
        rows = range(self._proxy.rowCount())
        found = (self._proxy.index(r, 0).data(FIGURE_ROLE) for r in rows)
        return [f for f in found if isinstance(f, Figure)]

    @Slot()
    def export_csv(self) -> None:
        """Write the rows the table shows to a CSV file the user chooses (UTF-8 with BOM);
        the table is brought on screen first."""
        bring_forward(self)
        report = self._report
        if report is None:
            return
        if self._figures is None:
            # Asked for before the worker finished: 30 ms on the GUI thread, at the user's
            # request, is better than an export that silently waits.
            self._generation += 1
            self._pending = None
            self._show_figures(report, core.extract(report))
        name = self.tr("%1-数据表.csv").replace("%1", report.title or self.tr("报告"))
        suggested = Path.home() / name
        path = ExportFiguresDialog.ask(self, suggested)
        if path is None or refuse_target(self, self.tr("无法导出数据表"), path, self._own):
            return
        try:
            core.write_csv(report, self.shown_figures(), path)
        except OSError as e:
            Messages.error(self, self.tr("无法导出数据表"), str(path), str(e))

    # -- slots ---------------------------------------------------------------------

    @Slot(int)
    def _on_kind_changed(self, index: int) -> None:
        kind: Kind | None = self._kind.itemData(index)
        self._proxy.set_kind(kind)
        self._update_count()

    @Slot()
    def _update_count(self) -> None:
        if self._figures is None:
            self._count.setText(self.tr("正在提取数据…") if self._pending else "")
            return
        shown, total = self._proxy.rowCount(), self._model.rowCount()
        text = self.tr("共 %1 条").replace("%1", str(total))
        if shown != total:
            text = (
                self.tr("显示 %1 条，共 %2 条").replace("%1", str(shown)).replace("%2", str(total))
            )
        self._count.setText(text)

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        f = index.siblingAtColumn(0).data(FIGURE_ROLE)
        if isinstance(f, Figure):
            self.figure_activated.emit(f.paragraph, f.start, f.end)
