"""The 去年承诺 tab of the 数据 dock: last year's promises beside this year's results.

A summary line, filters (the 主要预期目标 or every target; one verdict), the table
(``PromisesModel``), and below it both sentences of the row chosen — last year's
target and this year's result, each with its place and a link to it — so the
sentences of both reports are one click away. Exports: CSV (Excel, WPS) and the Word
handout, written by a background job. Where there is nothing to compare (no shelf,
last year's report not on it, a report whose place or year is unknown) the tab says so
and how to change it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.files import OwnFiles
from haizhu_reader.core.promises.export import Citations, csv_bytes, to_docx
from haizhu_reader.core.promises.pairing import Promise, counts
from haizhu_reader.core.report import Report
from haizhu_reader.core.text import escape_html
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.dialogs import Messages, ask_save_path, refuse_target
from haizhu_reader.gui.common.theme import Theme
from haizhu_reader.gui.figures.promises_model import (
    CONFIDENCE,
    INDICATOR,
    PROMISE_ROLE,
    RESULT,
    TARGET,
    VERDICT,
    PromisesModel,
    reason_text,
    verdict_label,
)


class ExportPromisesDialog:
    """The file chooser for exporting the promises (CSV or Word)."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path, word: bool) -> Path | None:
        if word:
            kinds = [(QCoreApplication.translate("promises", "Word 文档 (*.docx)"), "docx")]
        else:
            kinds = [(QCoreApplication.translate("promises", "CSV 表格 (*.csv)"), "csv")]
        kinds.append((QCoreApplication.translate("promises", "所有文件 (*)"), ""))
        title = QCoreApplication.translate("promises", "导出去年承诺对照")
        chosen = ask_save_path(parent, title, suggested, kinds)
        return chosen[0] if chosen else None


def share_width(table: QTableView, columns: Sequence[int]) -> None:
    """``columns`` share what the table's other columns leave, none under about five
    characters: in a narrow dock the table scrolls sideways instead."""
    header = table.horizontalHeader()
    fixed = sum(header.sectionSize(c) for c in range(header.count()) if c not in columns)
    least = table.fontMetrics().height() * 5  # about five Chinese characters (one em each)
    share = max(least, (table.viewport().width() - fixed) // max(1, len(columns)))
    for col in columns:
        header.resizeSection(col, share)


class PromisesTable(QTableView):
    """The promises; Enter shows the row's result in the text, as a double-click does.

    Signals:
        activated_by_key(QModelIndex): Enter on the current row.
    """

    activated_by_key = Signal(QModelIndex)

    def __init__(self, model: PromisesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promises_table")
        self.setAccessibleName(self.tr("去年承诺对照表"))
        self.setAccessibleDescription(self.tr("按回车在正文中显示今年的结果"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        fm = self.fontMetrics()
        titles = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(5)]
        for col, sample in ((VERDICT, verdict_label("unclear")), (CONFIDENCE, "100%")):
            width = max(fm.horizontalAdvance(sample), fm.horizontalAdvance(titles[col])) + 18
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(col, width)
        for col in (INDICATOR, TARGET, RESULT):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The answer beside the indicator: in the narrow dock of a 1024-pixel screen the
        # table scrolls sideways, and the verdict must not be what scrolls away (the
        # model's order, and so the exports', stays 指标 去年目标 今年结果 判断 把握).
        header.moveSection(header.visualIndex(VERDICT), header.visualIndex(INDICATOR) + 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        share_width(self, (INDICATOR, TARGET, RESULT))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_by_key.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class PromisesTab(QWidget):
    """Last year's promises against this year's results (see the module docstring).

    Signals:
        figure_activated(str, int, int): show a result of the current report in the text
            (paragraph id, start, end).
        previous_figure_requested(str, int, int): show a target in last year's report
            (paragraph id, start, end): the window opens that report there.
        exported(object, int): a file was written (its Path, how many promises).
    """

    figure_activated = Signal(str, int, int)
    previous_figure_requested = Signal(str, int, int)
    exported = Signal(object, int)

    def __init__(self, parent: QWidget | None = None, *, own: OwnFiles | None = None) -> None:
        super().__init__(parent)
        self._own = own if own is not None else OwnFiles()
        self._previous: Report | None = None
        self._current: Report | None = None
        self._citations: tuple[Citations, Citations] | None = None
        self._model = PromisesModel(self)
        self._setup_ui()
        self._connect()
        self.show_message(self.tr("正在查找去年的报告…"))

    def _setup_ui(self) -> None:
        self.setObjectName("promises_tab")
        self._status = QLabel(self)
        self._status.setWordWrap(True)
        self._status.setAccessibleName(self.tr("去年承诺概况"))
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._scope = QComboBox(self)
        self._scope.setAccessibleName(self.tr("目标范围"))
        # Narrow enough for a narrow dock: the combos shrink, the exports share one button.
        self._scope.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._scope.setMinimumContentsLength(4)
        self._scope.addItem(self.tr("主要预期目标"), True)
        self._scope.addItem(self.tr("全部目标"), False)
        self._verdict = QComboBox(self)
        self._verdict.setAccessibleName(self.tr("判断"))
        self._verdict.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self._verdict.setMinimumContentsLength(4)
        self._verdict.addItem(self.tr("全部判断"), None)
        for v in ("met", "missed", "unclear", "not_reported"):
            self._verdict.addItem(verdict_label(v), v)
        self._export_button = QPushButton(self.tr("导出…"), self)
        self._export_button.setAccessibleName(self.tr("导出去年承诺对照"))
        menu = QMenu(self._export_button)
        self.csv_action = menu.addAction(self.tr("CSV 表格（Excel、WPS）…"))
        self.csv_action.setToolTip(self.tr("导出为 CSV 表格（UTF-8），Excel 和 WPS 可以打开"))
        self.word_action = menu.addAction(self.tr("Word 文档（A4，公文格式）…"))
        self.word_action.setToolTip(self.tr("导出为 A4 的 Word 材料（公文格式），可打印"))
        self._export_button.setMenu(menu)
        self._table = PromisesTable(self._model, self)
        self._detail = QTextBrowser(self)
        self._detail.setObjectName("promise_detail")
        self._detail.setAccessibleName(self.tr("去年目标和今年结果的原文"))
        self._detail.setOpenLinks(False)
        self._detail.setPlaceholderText(self.tr("选中一行，这里显示去年目标和今年结果的原句"))

        # The summary and the export above, the filters below: a narrow dock holds both.
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self._status, 1)
        top.addWidget(self._export_button, 0, Qt.AlignmentFlag.AlignTop)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self._scope, 1)
        bar.addWidget(self._verdict, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._table)
        splitter.addWidget(self._detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self._scope.currentIndexChanged.connect(self._on_filter_changed)
        self._verdict.currentIndexChanged.connect(self._on_filter_changed)
        self._table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self._table.doubleClicked.connect(self._on_activated)
        self._table.activated_by_key.connect(self._on_activated)
        self._detail.anchorClicked.connect(self._on_link)
        self.csv_action.triggered.connect(self.export_csv)
        self.word_action.triggered.connect(self.export_word)

    # -- handles for the pane and tests ---------------------------------------------

    @property
    def model(self) -> PromisesModel:
        return self._model

    @property
    def table(self) -> PromisesTable:
        return self._table

    @property
    def detail(self) -> QTextBrowser:
        return self._detail

    @property
    def status_label(self) -> QLabel:
        return self._status

    @property
    def scope_combo(self) -> QComboBox:
        return self._scope

    @property
    def verdict_combo(self) -> QComboBox:
        return self._verdict

    def focus_chain(self) -> list[QWidget]:
        return [self._scope, self._verdict, self._export_button, self._table, self._detail]

    @Slot(object)
    def set_theme(self, theme: Theme) -> None:
        self._model.set_theme(theme)

    # -- what is shown -----------------------------------------------------------------

    def show_message(self, text: str) -> None:
        """Nothing to compare: say why (and what to do)."""
        self._previous = self._current = None
        self._citations = None
        self._model.set_promises([])
        self._detail.clear()
        self._status.setText(text)
        self._export_button.setEnabled(False)

    def show_promises(self, previous: Report, current: Report, found: Sequence[Promise]) -> None:
        """The promises of ``previous`` (report N−1) against ``current`` (report N)."""
        self._previous, self._current = previous, current
        self._citations = (Citations(previous), Citations(current))
        self._model.set_promises(found)
        self._detail.clear()
        self._export_button.setEnabled(bool(found))
        self._status.setText(self._summary(previous, found))
        if self._model.rowCount():
            self._table.selectRow(0)

    def _summary(self, previous: Report, found: Sequence[Promise]) -> str:
        main = sum(1 for p in found if p.target.main_target)
        tally = counts(p for p in found if p.target.main_target)
        text = self.tr(
            "对照《%1》的目标：主要预期目标 %2 项（完成 %3，未完成 %4，无法判断 %5，未报告 %6），"
            "其他目标 %7 项"
        )
        for i, value in enumerate(
            (previous.title, main, tally["met"], tally["missed"], tally["unclear"],
             tally["not_reported"], len(found) - main), start=1
        ):  # fmt: skip
            text = text.replace(f"%{i}", str(value))
        return text

    # -- the detail: both sentences ----------------------------------------------------

    def detail_html(self, p: Promise) -> str:
        """Last year's target sentence and this year's result sentence, their places and
        links, and the verdict with why."""
        assert self._citations is not None
        before, now = self._citations
        look = self.tr("在去年的报告中查看")
        parts = [self._quoted(self.tr("去年目标"), before, p, "target", look)]
        if p.result is not None:
            show = self.tr("在正文中显示")
            parts.append(self._quoted(self.tr("今年结果"), now, p, "result", show))
        else:
            head, text = self.tr("今年结果："), self.tr("今年报告的回顾中没有这一指标的结果。")
            parts.append(f"<p><b>{escape_html(head)}</b>{escape_html(text)}</p>")
        verdict = self.tr("%1。%2；把握 %3。").replace("%1", verdict_label(p.verdict))
        verdict = verdict.replace("%2", reason_text(p)).replace("%3", f"{p.confidence:.0%}")
        head = self.tr("判断：")
        parts.append(f"<p><b>{escape_html(head)}</b>{escape_html(verdict)}</p>")
        return "".join(parts)

    def _quoted(self, title: str, cites: Citations, p: Promise, which: str, link: str) -> str:
        figure = p.target if which == "target" else p.result
        assert figure is not None
        q = cites.quote(figure)
        sentence = (
            escape_html(q.sentence[: q.start])
            + "<b><u>" + escape_html(q.sentence[q.start : q.end]) + "</u></b>"
            + escape_html(q.sentence[q.end :])
        )  # fmt: skip
        where = self.tr("（%1）").replace("%1", q.citation)
        return (
            f"<p><b>{escape_html(title)}</b>{escape_html(where)}"
            f' <a href="#{which}">{escape_html(link)}</a><br>{sentence}</p>'
        )

    def current_promise(self) -> Promise | None:
        index = self._table.currentIndex()
        p = index.siblingAtColumn(0).data(PROMISE_ROLE) if index.isValid() else None
        return p if isinstance(p, Promise) else None

    @Slot(QModelIndex, QModelIndex)
    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        p = current.siblingAtColumn(0).data(PROMISE_ROLE) if current.isValid() else None
        if isinstance(p, Promise) and self._citations is not None:
            self._detail.setHtml(self.detail_html(p))
        else:
            self._detail.clear()

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex) -> None:
        p = index.siblingAtColumn(0).data(PROMISE_ROLE)
        if not isinstance(p, Promise):
            return
        if p.result is not None:
            self.figure_activated.emit(p.result.paragraph, p.result.start, p.result.end)
        else:
            t = p.target
            self.previous_figure_requested.emit(t.paragraph, t.start, t.end)

    @Slot(QUrl)
    def _on_link(self, url: QUrl) -> None:
        p = self.current_promise()
        if p is None:
            return
        if url.fragment() == "result" and p.result is not None:
            self.figure_activated.emit(p.result.paragraph, p.result.start, p.result.end)
        elif url.fragment() == "target":
            t = p.target
            self.previous_figure_requested.emit(t.paragraph, t.start, t.end)

    @Slot(int)
    def _on_filter_changed(self, _index: int) -> None:
        self._model.set_main_only(bool(self._scope.currentData()))
        self._model.set_verdict(self._verdict.currentData())
        if self._model.rowCount():
            self._table.selectRow(0)
        else:
            self._detail.clear()

    # -- export ----------------------------------------------------------------------

    @Slot()
    def export_csv(self) -> None:
        """The rows shown, as a CSV file the user chooses (UTF-8 with a BOM)."""
        self._export(word=False)

    @Slot()
    def export_word(self) -> None:
        """The rows shown, as the Word handout (A4)."""
        self._export(word=True)

    def _export(self, word: bool) -> None:
        previous, current = self._previous, self._current
        if previous is None or current is None:
            return
        name = self.tr("%1-去年承诺对照").replace("%1", current.title or self.tr("报告"))
        suggested = Path.home() / f"{name}.{'docx' if word else 'csv'}"
        path = ExportPromisesDialog.ask(self, suggested, word)
        title = self.tr("无法导出去年承诺对照")
        if path is None or refuse_target(self, title, path, self._own):
            return
        shown = self._model.promises()
        when = datetime.now(UTC)
        make: Callable[[], tuple[bytes, int]]
        if word:
            make = lambda: (to_docx(previous, current, shown, when), len(shown))  # noqa: E731
        else:
            make = lambda: (csv_bytes(previous, current, shown), len(shown))  # noqa: E731
        job = jobs.write_file(path, make)
        job.signals.done.connect(self._on_exported)
        job.signals.failed.connect(self._on_export_failed)
        jobs.start(job)

    @Slot(object, object)
    def _on_exported(self, path: Path, rows: int) -> None:
        self.exported.emit(path, rows)

    @Slot(object, object)
    def _on_export_failed(self, path: Path, error: Exception) -> None:
        Messages.error(self, self.tr("无法导出去年承诺对照"), *jobs.write_error(path, error))
