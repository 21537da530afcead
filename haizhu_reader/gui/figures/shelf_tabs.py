"""The 数据 dock's tabs that read the shelf: 去年承诺 and 历年趋势, fed by one background job.

For the report being read, the job (``core.promises.shelf.study``) opens the shelf,
finds last year's report of the same place, reads it, pairs its targets with this
report's results, and reads every report of the place for the trend (each once per
run: ``_cache``). It starts when one of the two tabs is first shown for the report,
never at start-up. A figure asked for in another report of the shelf (last year's
target, a trend year's result) is passed on with its shelf entry for the window to
open that report there.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QTabWidget

from haizhu_reader.core.files import OwnFiles
from haizhu_reader.core.promises.shelf import Problem, Study
from haizhu_reader.core.promises.trend import Year
from haizhu_reader.core.report import Report
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.language import pick
from haizhu_reader.gui.common.theme import Theme
from haizhu_reader.gui.figures.promises_tab import PromisesTab
from haizhu_reader.gui.figures.trend_view import TrendView


def _study(library_db: Path, report: Report, cache: dict[str, Year]) -> Study:
    """The job's work: the shelf opened, looked at, closed."""
    from haizhu_reader.core.library.store import LibraryStore
    from haizhu_reader.core.promises.shelf import study

    with LibraryStore.open(library_db) as store:
        return study(store, report, cache)


class ShelfTabs(QObject):
    """The 去年承诺 tab and the 历年趋势 tab of one pane (see the module docstring).

    Signals:
        figure_activated(str, int, int): show a figure of the report being read.
        entry_figure_requested(object, str, list): open a report of the shelf (its
            ``LibraryEntry``) at a paragraph with spans marked.
        studied(object): the study of the report being read is in (a ``Study``).
        exported(object, int): the promises were exported (the Path, how many).
    """

    figure_activated = Signal(str, int, int)
    entry_figure_requested = Signal(object, str, list)
    studied = Signal(object)
    exported = Signal(object, int)

    def __init__(
        self, library_db: Path | None, own: OwnFiles, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._library_db = library_db
        self._report: Report | None = None
        self._study: Study | None = None
        self._generation = 0
        self._pending = False
        self._cache: dict[str, Year] = {}
        self._tabs: QTabWidget | None = None
        self.promises_tab = PromisesTab(own=own)
        self.trend_view = TrendView()
        self._connect()

    def _connect(self) -> None:
        self.promises_tab.figure_activated.connect(self.figure_activated)
        self.promises_tab.previous_figure_requested.connect(self._on_previous_figure)
        self.promises_tab.exported.connect(self.exported)
        self.trend_view.figure_requested.connect(self._on_report_figure)

    def add_to(self, tabs: QTabWidget, theme: Theme | None, report: Report | None) -> None:
        """Put both tabs in the pane's ``tabs``; each reads the shelf when brought in front."""
        self._tabs = tabs
        promises, trend = tab_titles()
        tabs.addTab(self.promises_tab, promises)
        tabs.addTab(self.trend_view, trend)
        tabs.currentChanged.connect(self.prepare_if_in_front)
        if theme is not None:
            self.set_theme(theme)
        if report is not None:
            self.set_report(report)

    @Slot()
    def prepare_if_in_front(self) -> None:
        """``prepare`` when one of the two tabs is the pane's tab in front."""
        if self._tabs is not None and self._tabs.currentWidget() in (
            self.promises_tab,
            self.trend_view,
        ):
            self.prepare()

    def study(self) -> Study | None:
        """The study of the report being read, None until the job is done."""
        return self._study

    def is_busy(self) -> bool:
        return self._pending

    @Slot(object)
    def set_theme(self, theme: Theme) -> None:
        self.promises_tab.set_theme(theme)
        self.trend_view.set_theme(theme)

    @Slot(object)
    def set_report(self, report: Report) -> None:
        """A new report: its study is made when a tab is next shown (``prepare``)."""
        self._report, self._study = report, None
        self._generation += 1
        self._pending = False
        waiting = self.tr("打开“去年承诺”或“历年趋势”时查找书架上的报告…")
        self.promises_tab.show_message(waiting)
        self.trend_view.show_message(waiting)

    @Slot()
    def prepare(self) -> None:
        """Start the study of the report being read, unless done or under way."""
        report = self._report
        if report is None or self._study is not None or self._pending:
            return
        if self._library_db is None:
            text = self.tr("书架未启用：这次运行没有书架。")
            self.promises_tab.show_message(text)
            self.trend_view.show_message(text)
            return
        self._pending = True
        looking = self.tr("正在查找书架上的报告…")
        self.promises_tab.show_message(looking)
        self.trend_view.show_message(looking)
        job = jobs.Job(partial(_study, self._library_db, report, self._cache), self._generation)
        job.signals.done.connect(self._on_studied)
        job.signals.failed.connect(self._on_failed)
        jobs.start(job)

    @Slot(object, object)
    def _on_studied(self, generation: int, found: Study) -> None:
        if generation != self._generation or self._report is None:
            return  # a report no longer shown
        self._pending = False
        self._study = found
        self._show(self._report, found)
        self.studied.emit(found)

    @Slot(object, object)
    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._pending = False
        text = self.tr("无法读取书架：%1").replace("%1", str(error) or type(error).__name__)
        self.promises_tab.show_message(text)
        self.trend_view.show_message(text)

    def _show(self, report: Report, s: Study) -> None:
        place, year = s.meta.place, s.year
        if s.problem is Problem.NO_PLACE:
            self.promises_tab.show_message(
                self.tr("读不出这份报告是哪个地方哪一年的，无法在书架上查找去年的报告。")
            )
        elif s.problem is Problem.NOT_ON_SHELF:
            self.promises_tab.show_message(
                self.tr(
                    "书架上没有%1%2年的报告。把去年的报告加入书架（文件 › 书架…），"
                    "这里就会列出去年的目标和今年的结果。"
                )
                .replace("%1", place or "")
                .replace("%2", str((year or 1) - 1))
            )
        elif s.problem is Problem.UNREADABLE:
            self.promises_tab.show_message(
                self.tr("书架上去年的报告无法读取：%1").replace("%1", pick(*s.detail))
            )
        elif s.previous_report is not None:
            self.promises_tab.show_promises(s.previous_report, report, s.promises)
        if place is None or not s.years:
            self.trend_view.show_message(self.tr("读不出这份报告是哪个地方的，无法列出历年趋势。"))
            return
        main = next((p.indicator for p in s.promises if p.target.main_target), None)
        self.trend_view.show_years(place, s.years, preferred=main)

    # -- figures in other reports --------------------------------------------------------

    @Slot(str, int, int)
    def _on_previous_figure(self, paragraph: str, start: int, end: int) -> None:
        s = self._study
        if s is not None and s.previous is not None:
            self.entry_figure_requested.emit(s.previous, paragraph, [(start, end)])

    @Slot(str, str, int, int)
    def _on_report_figure(self, content_hash: str, paragraph: str, start: int, end: int) -> None:
        report, s = self._report, self._study
        if report is not None and content_hash == report.content_hash:
            self.figure_activated.emit(paragraph, start, end)
        elif s is not None and content_hash in s.entries:
            self.entry_figure_requested.emit(s.entries[content_hash], paragraph, [(start, end)])


def tab_titles() -> tuple[str, str]:
    return (
        QCoreApplication.translate("ShelfTabs", "去年承诺"),
        QCoreApplication.translate("ShelfTabs", "历年趋势"),
    )
