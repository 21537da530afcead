"""The figures pane: the report's key figures as a table, and results versus targets.

Extracting the figures of the bundled report takes about 30 ms (seconds for a
report near the size limit), so it runs on a pool thread, and only once asked
(``prepare()``: after the text's first paint, or when its dock is first shown):
start-up does not wait for it. The pane's widgets are built by ``ensure_ui()``
when the dock is first shown (or a widget is asked for), so a window that
starts with the pane tabbed away does not pay for them either.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.figures import extract as core
from haizhu_reader.core.figures.extract import Comparison, Figure, Kind
from haizhu_reader.core.figures.table import csv_bytes, results_vs_targets
from haizhu_reader.core.files import OwnFiles
from haizhu_reader.core.report import Report
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.dialogs import Messages, ask_save_path, refuse_target
from haizhu_reader.gui.common.docking import bring_forward
from haizhu_reader.gui.common.theme import Theme
from haizhu_reader.gui.figures.chart import ComparisonTable, ResultsChart, chart_rows
from haizhu_reader.gui.figures.model import FIGURE_ROLE, FiguresFilter, FiguresModel
from haizhu_reader.gui.figures.table import FiguresTable

if TYPE_CHECKING:
    # Imported when the dock is first shown: with the shelf's study (core.promises) it
    # made the pane, made just after the first paint, the longest stall of that time.
    from haizhu_reader.gui.figures.shelf_tabs import ShelfTabs


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


def _extract(report: Report) -> tuple[list[Figure], list[Comparison]]:
    """The figures and results versus targets (a second or so for 90,000 figures)."""
    found = core.extract(report)
    return found, results_vs_targets(found)


class FiguresPane(QWidget):
    """Key figures of the report (sortable, filterable, exportable) and results vs targets.

    Signals:
        figure_activated(str, int, int): the user chose a figure (paragraph id,
            start, end) to be shown in the text.
        figures_ready(object, object): the figures of a Report were extracted
            (the Report, a list of ``Figure``).
        exported(object, int): a CSV file was written (its Path, how many rows).
        entry_figure_requested(object, str, list): open a report of the shelf (its
            ``LibraryEntry``) at a paragraph, spans marked (去年承诺, 历年趋势).
        promises_exported(object, int): last year's promises were exported (Path, how many).
    """

    figure_activated = Signal(str, int, int)
    figures_ready = Signal(object, object)
    exported = Signal(object, int)
    entry_figure_requested = Signal(object, str, list)
    promises_exported = Signal(object, int)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        own: OwnFiles | None = None,
        library_db: Path | None = None,
    ) -> None:
        """No CSV is written onto ``own`` (the profile's folders and store);
        ``library_db``: the shelf the 去年承诺 and 历年趋势 tabs read (None: no shelf)."""
        super().__init__(parent)
        self._own = own if own is not None else OwnFiles()
        self._library_db = library_db
        self._shelf: ShelfTabs | None = None  # the shelf's tabs, made with the widgets
        self._theme: Theme | None = None
        self._report: Report | None = None
        self._figures: list[Figure] | None = None
        self._generation = 0
        self._pending: jobs.JobSignals | None = None
        self._export_to: Path | None = None  # chosen before the figures were ready
        self._compared_rows: list[Comparison] = []  # results versus targets, made by the job
        self._model = FiguresModel(self)
        self._proxy = FiguresFilter(self)
        self._proxy.setSourceModel(self._model)
        self._built = False
        self.setObjectName("figures_pane")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @Slot(bool)
    def set_shown(self, shown: bool) -> None:
        """On screen (its dock's tab in front): build the widgets and find the figures.

        The dock keeps the width the user gave it (a wider one would narrow the
        reading column for every pane and report): the table scrolls sideways.
        """
        if not shown:
            return
        self.ensure_ui()
        self.prepare()
        self.shelf_tabs.prepare_if_in_front()

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
        self._table = FiguresTable(self._proxy, table_page)
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

        # -- the results-versus-targets tab: every target above, the bars below
        chart_page = QWidget(self._tabs)
        self._compared = QLabel(chart_page)
        self._compared.setAccessibleName(self.tr("目标条数"))
        self._compared.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, chart_page)
        splitter.setChildrenCollapsible(False)
        self._comparisons = ComparisonTable(splitter)
        self._chart = ResultsChart()
        scroll = QScrollArea(splitter)
        scroll.setAccessibleName(self.tr("对比图区域"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._chart)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter.addWidget(self._comparisons)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        chart_layout = QVBoxLayout(chart_page)
        chart_layout.setContentsMargins(4, 4, 4, 4)
        chart_layout.addWidget(self._compared)
        chart_layout.addWidget(splitter, 1)
        self._tabs.addTab(chart_page, self.tr("结果与目标"))

        # -- last year's promises and the trend: the shelf's tabs
        from haizhu_reader.gui.figures.shelf_tabs import ShelfTabs

        self._shelf = ShelfTabs(self._library_db, self._own, self)
        self._shelf.add_to(self._tabs, self._theme, self._report)

        self._layout.addWidget(self._tabs)

    def _connect(self) -> None:
        self._filter.textChanged.connect(self._proxy.set_text)
        self._filter.textChanged.connect(self._update_count)
        self._kind.currentIndexChanged.connect(self._on_kind_changed)
        self._export.clicked.connect(self.export_csv)
        self._table.doubleClicked.connect(self._on_activated)
        self._table.activated_by_key.connect(self._on_activated)
        self._comparisons.figure_activated.connect(self.figure_activated)
        assert self._shelf is not None
        self._shelf.figure_activated.connect(self.figure_activated)
        self._shelf.entry_figure_requested.connect(self.entry_figure_requested)
        self._shelf.exported.connect(self.promises_exported)

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

    @property
    def compared_label(self) -> QLabel:
        self.ensure_ui()
        return self._compared

    def figures(self) -> list[Figure] | None:
        """The current report's figures, None until extracted."""
        return self._figures

    # -- the report ----------------------------------------------------------------

    @property
    def shelf_tabs(self) -> ShelfTabs:
        """The 去年承诺 and 历年趋势 tabs and their study of the report."""
        self.ensure_ui()
        assert self._shelf is not None
        return self._shelf

    @Slot(object)
    def set_theme(self, theme: Theme) -> None:
        """The theme's verdict colours for the shelf's tabs."""
        self._theme = theme
        if self._shelf is not None:
            self._shelf.set_theme(theme)

    @Slot(object)
    def set_report(self, report: Report) -> None:
        """Take a new report; its figures are extracted when ``prepare()`` is called."""
        self._report = report
        self._figures = None
        self._generation += 1
        self._pending = None
        self._export_to = None
        self._model.set_figures(None, [])
        if self._shelf is not None:
            self._shelf.set_report(report)
        self._refresh()

    @Slot()
    def prepare(self) -> None:
        """Start extracting the current report's figures, unless done or under way."""
        if self._report is None or self._figures is not None or self._pending is not None:
            return
        job = jobs.Job(partial(_extract, self._report), key=self._generation)
        self._pending = job.signals
        job.signals.done.connect(self._on_extracted)
        job.signals.failed.connect(self._on_extract_failed)
        self._refresh()
        jobs.start(job)

    @Slot(object, object)
    def _on_extracted(
        self, generation: int, extracted: tuple[list[Figure], list[Comparison]]
    ) -> None:
        if generation != self._generation or self._report is None:
            return  # a report that is no longer shown
        self._pending = None
        self._show_figures(self._report, *extracted)

    @Slot(object, object)
    def _on_extract_failed(self, generation: int, _error: Exception) -> None:
        self._on_extracted(generation, ([], []))  # a bug in the extractor must not leave it waiting

    def _show_figures(
        self, report: Report, found: list[Figure], compared: list[Comparison]
    ) -> None:
        self._figures = found
        self._compared_rows = compared
        self._model.set_figures(report, found)
        self._refresh()
        self.figures_ready.emit(report, found)
        if self._export_to is not None:
            self._write_csv(self._export_to)

    def _refresh(self) -> None:
        """Bring the comparison tab and the count up to date (once the widgets exist)."""
        if not self._built:
            return
        comparisons = self._compared_rows if self._figures is not None else []
        self._comparisons.set_comparisons(comparisons)
        paired = sum(1 for c in comparisons if c.results)
        self._chart.set_rows(chart_rows(comparisons), paired)
        self._compared.setText(
            self.tr("%1 项目标，其中 %2 项有上年结果（粗体为主要预期目标）")
            .replace("%1", str(len(comparisons)))
            .replace("%2", str(paired))
            if self._figures is not None
            else ""
        )
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
        the table is brought on screen first.

        Never extracts on the GUI thread: asked for before the worker finished, the export
        starts it (if need be) and writes once the figures are in. The file is made and
        written by a background job.
        """
        bring_forward(self)
        report = self._report
        if report is None:
            return
        name = self.tr("%1-数据表.csv").replace("%1", report.title or self.tr("报告"))
        path = ExportFiguresDialog.ask(self, Path.home() / name)
        if path is None or refuse_target(self, self.tr("无法导出数据表"), path, self._own):
            return
        if self._figures is None:
            self._export_to = path
            self.prepare()
            return
        self._write_csv(path)

    def _write_csv(self, path: Path) -> None:
        self._export_to = None
        report, shown = self._report, self.shown_figures()
        if report is None:
            return
        job = jobs.write_file(path, lambda: (csv_bytes(report, shown), len(shown)))
        job.signals.done.connect(self._on_exported)
        job.signals.failed.connect(self._on_export_failed)
        jobs.start(job)

    @Slot(object, object)
    def _on_exported(self, path: Path, rows: int) -> None:
        self.exported.emit(path, rows)

    @Slot(object, object)
    def _on_export_failed(self, path: Path, error: Exception) -> None:
        Messages.error(self, self.tr("无法导出数据表"), *jobs.write_error(path, error))

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
