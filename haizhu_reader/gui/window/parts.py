"""How the window's parts that start-up does not show are made (see ``lazy_pane``).

Each function makes one part from what it is given, importing the part's module only
then (start-up does not pay for modules it does not show), and connects nothing:
MainWindow wires each part as it is made (its ``_connect_*`` methods, given to
``LazyPane`` as ``ready``), so its ``_connect_signals`` and those stay the only
places where parts meet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

    from haizhu_reader.core.files import OwnFiles
    from haizhu_reader.core.report import Report
    from haizhu_reader.gui.annotations.actions import ReaderAnnotator
    from haizhu_reader.gui.annotations.pane import AnnotationsPane
    from haizhu_reader.gui.annotations.session import AnnotationSession
    from haizhu_reader.gui.common.theme import Theme
    from haizhu_reader.gui.figures.pane import FiguresPane
    from haizhu_reader.gui.library.window import ShelfWindow
    from haizhu_reader.gui.printing.printer import ReportPrinter
    from haizhu_reader.gui.reader.view import ReaderView
    from haizhu_reader.gui.search.find_bar import FindBar
    from haizhu_reader.gui.search.pane import SearchPane
    from haizhu_reader.gui.window.report_loading import ReportLoader
    from haizhu_reader.gui.window.shelf_opening import ShelfOpening
    from haizhu_reader.settings import Settings


def session(window: QWidget, db: Path | None) -> AnnotationSession:
    """The annotation store and session (``db`` None: no annotating)."""
    from haizhu_reader.gui.annotations.session import AnnotationSession

    return AnnotationSession.open(db, window)


def annotator(
    window: QMainWindow, reader: ReaderView, session: AnnotationSession, own: OwnFiles
) -> ReaderAnnotator:
    """The annotate actions (the Edit menu, the reader's context menu, the selection bar)."""
    from haizhu_reader.gui.annotations.actions import ReaderAnnotator

    return ReaderAnnotator(reader, session, window, own)


def figures_pane(
    window: QWidget, own: OwnFiles, library_db: Path | None, theme: Theme
) -> FiguresPane:
    from haizhu_reader.gui.figures.pane import FiguresPane

    pane = FiguresPane(window, own=own, library_db=library_db)
    pane.set_theme(theme)
    return pane


def search_pane(window: QWidget, index_dir: Path | None) -> SearchPane:
    """The search pane and the loader of its index (``index_dir`` None: in memory)."""
    from haizhu_reader.gui.search.index_loader import IndexLoader
    from haizhu_reader.gui.search.pane import SearchPane

    return SearchPane(IndexLoader(index_dir, window), window)


def annotations_pane(window: QWidget, session: AnnotationSession) -> AnnotationsPane:
    from haizhu_reader.gui.annotations.pane import AnnotationsPane

    pane = AnnotationsPane(window)
    pane.follow(session)
    return pane


def find_bar(window: QWidget, column: QVBoxLayout) -> FindBar:
    """The find bar, hidden, below the reading view."""
    from haizhu_reader.gui.search.find_bar import FindBar

    bar = FindBar(window)
    bar.hide()
    column.addWidget(bar)
    return bar


def loader(window: QMainWindow, settings: Settings | None) -> ReportLoader:
    from haizhu_reader.gui.window.report_loading import ReportLoader

    return ReportLoader(window, settings)


def printer(window: QMainWindow, reader: ReaderView, own: OwnFiles) -> ReportPrinter:
    """Printing and PDF (Qt's print support is not loaded before)."""
    from haizhu_reader.gui.printing.printer import ReportPrinter

    return ReportPrinter(window, lambda: reader.typography().font.family(), own)


def shelf(window: QWidget, library_db: Path | None) -> ShelfWindow:
    """The 书架 window (``library_db`` None: a shelf kept in memory for this run)."""
    from haizhu_reader.gui.library.window import ShelfWindow

    return ShelfWindow(library_db, window)


def shelf_opening(
    window: QMainWindow,
    reader: ReaderView,
    current: Callable[[], Report | None],
    open_file: Callable[[Path], None],
    open_bundled: Callable[[], None],
) -> ShelfOpening:
    """What opens another report of the shelf, at a hit or a figure: one for the 书架
    window and the 数据 dock's 去年承诺 and 历年趋势 tabs."""
    from haizhu_reader.gui.window.shelf_opening import ShelfOpening

    return ShelfOpening(window, reader, current, open_file, open_bundled)
