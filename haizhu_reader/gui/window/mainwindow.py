"""The main window: it builds the window's parts and wires them together, nothing else.

Building: the reading view in the middle, the docks from a table (``docks``),
the menus (``menus``), the status bar (``status_bar``); what the first paint
does not show is made right after it (``lazy_pane``). Wiring:
``_connect_signals`` and the ``_connect_*`` methods below it, one per part made
later, are the only places where parts are connected; panes announce intent
and never know each other. What a part does lives in the part: a pane reacts
to being shown itself, report files are loaded by ``report_loading``.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from haizhu_reader.core.annotations.peek import has_annotations
from haizhu_reader.core.files import OwnFiles
from haizhu_reader.core.report import Report
from haizhu_reader.gui.comfort.reading_places import ReadingPlaces
from haizhu_reader.gui.comfort.view_options import ViewOptions
from haizhu_reader.gui.common.dialogs import DialogFolders
from haizhu_reader.gui.contents.navigation import Navigation
from haizhu_reader.gui.contents.section_tree import SectionTree
from haizhu_reader.gui.glossary.pane import GlossaryPane
from haizhu_reader.gui.reader.view import ReaderView
from haizhu_reader.gui.window import layout, parts
from haizhu_reader.gui.window.docks import DockRow, Docks
from haizhu_reader.gui.window.lazy_pane import AfterFirstPaint, LazyPane
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.gui.window.recent_files import RecentFilesMenu, dropped_file
from haizhu_reader.gui.window.status_bar import StatusBar
from haizhu_reader.settings import Settings

Q = TypeVar("Q", bound=QObject)

if TYPE_CHECKING:
    # Only annotations: PySide6 makes a class when it is first imported, and these
    # events do not come before the first paint.
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent

    # Not imported at start-up: these parts are made after the first paint (lazy_pane).
    from haizhu_reader.core.figures.extract import Figure
    from haizhu_reader.gui.annotations.actions import ReaderAnnotator
    from haizhu_reader.gui.annotations.pane import AnnotationsPane
    from haizhu_reader.gui.annotations.session import AnnotationSession
    from haizhu_reader.gui.figures.pane import FiguresPane
    from haizhu_reader.gui.library.window import ShelfWindow
    from haizhu_reader.gui.search.find_bar import FindBar
    from haizhu_reader.gui.search.pane import SearchPane
    from haizhu_reader.gui.window.report_loading import ReportLoader
    from haizhu_reader.gui.window.shelf_opening import ShelfOpening


class MainWindow(QMainWindow):
    """The reader window: table of contents | report | glossary and the panes behind it.

    Signals:
        report_opened(object): a ``Report`` was opened; every pane shows it.
        restart_requested(): 立即重启 after a language change (``launch`` restarts).
    """

    report_opened = Signal(object)
    restart_requested = Signal()

    def __init__(
        self,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        index_dir: Path | None = None,
        annotations_db: Path | None = None,
        library_db: Path | None = None,
        own_folders: tuple[Path, ...] = (),
    ) -> None:
        """``index_dir`` None: an in-memory search index; ``annotations_db`` None: no
        annotating (a screenshot of a profile that has none); ``library_db`` None: a shelf
        kept in memory for this run."""
        super().__init__(parent)
        self._settings = settings
        self._index_dir = index_dir
        self._annotations_db = annotations_db
        self._library_db = library_db
        self._own = OwnFiles.of(own_folders, annotations_db)  # no export is written there
        self._report: Report | None = None
        self._path: Path | None = None  # the report's file; None: the bundled report
        self._layout_restored = False
        self._setup_ui()
        self._connect_signals()

    # -- building ---------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("海珠报告阅读器"))
        self.setAcceptDrops(True)
        self.setAttribute(Qt.WidgetAttribute.WA_AlwaysShowToolTips)  # a term, a note: on hover
        self._view_options = ViewOptions(self._settings, self)  # the theme, before any widget
        DialogFolders(self._settings, self)  # where each kind of file dialog opens
        self._reader = ReaderView(self)
        self._places = ReadingPlaces(self._reader, self._settings, self)
        self._column = layout.central_column(self, self._reader)
        self._find_bar = LazyPane(
            lambda: parts.find_bar(self, self._column), self._connect_find_bar
        )
        self.resize(1280, 800)
        # The menu bar's titles; the items are made after the first paint (_make_menus).
        self._navigation = Navigation(self._reader, self)  # the Go menu
        self._menu = WindowMenus(self, self._navigation.menu)
        self._recent_menu = RecentFilesMenu(self._settings, self)  # in the File menu
        self._tree = SectionTree(self)
        self._glossary = GlossaryPane(self)
        # Key figures, search and annotations, behind the glossary: made after the first paint.
        own, theme = self._own, self._view_options.theme
        self._figures = LazyPane(
            lambda: parts.figures_pane(self, own, self._library_db, theme()), self._connect_figures
        )
        self._search = LazyPane(
            lambda: parts.search_pane(self, self._index_dir), self._connect_search
        )
        self._annotations = LazyPane(
            lambda: parts.annotations_pane(self, self._session.get()), self._connect_annotations
        )
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self._docks = Docks(self, [  # their toggles are Ctrl+Shift+1, 2, … in this order
            DockRow("sections", self.tr("目录"), left, LazyPane.of(self._tree)),
            DockRow("glossary", self.tr("名词解释"), right, LazyPane.of(self._glossary)),
            DockRow("figures", self.tr("数据"), right, self._figures),
            DockRow("search", self.tr("搜索"), right, self._search),
            DockRow("annotations", self.tr("批注"), right, self._annotations),
        ])  # fmt: skip
        self._docks.tabify("glossary", ["figures", "search", "annotations"])
        # Annotations are drawn on the first paint: the session is made before it when
        # the report has any (_on_report_for_annotations), else after it.
        self._session = LazyPane(
            lambda: parts.session(self, self._annotations_db), self._connect_session
        )
        self._menus = LazyPane(self._make_menus)
        self._annotator = LazyPane(
            lambda: parts.annotator(self, self._reader, self._session.get(), own),
            self._connect_annotator,
        )
        self._loader = LazyPane(lambda: parts.loader(self, self._settings), self._connect_loader)
        self._printer = LazyPane(lambda: parts.printer(self, self._reader, own))
        self._shelf = LazyPane(lambda: parts.shelf(self, self._library_db), self._connect_shelf)
        self._opening = LazyPane(self._make_opening, self._connect_opening)  # a hit, a figure
        later = [self._session, self._menus, self._annotator, *self._docks.panes()]
        self._later = AfterFirstPaint(later, self)  # made after the first paint, in this order
        self._status = StatusBar(self)
        self.setStatusBar(self._status)
        self._update_tab_order()

    def _update_tab_order(self) -> None:
        """Tab goes left to right through the window (the panes made so far) and wraps around."""
        chain = [*self._tree.focus_chain(), self._reader, *self._glossary.focus_chain()]
        for pane in (self._search.made(), self._annotations.made()):
            if pane is not None:
                chain += pane.focus_chain()
        layout.tab_order(chain)

    # -- parts made after the first paint (see lazy_pane) -----------------------------

    def _make_menus(self) -> WindowMenus:
        """The menus' items and shortcuts (annotating's are the annotator's), full screen (F11)."""
        from haizhu_reader.gui.comfort.full_screen import FullScreenReading

        self._full_screen = FullScreenReading(self, self._reader)
        m = self._menu
        m.make_items(self._recent_menu, self._docks.all(), self._view_options, self._settings)
        m.export_figures_action.setEnabled(self._report is not None)
        m.copy_cited_action.setEnabled(self._reader.textCursor().hasSelection())
        self._connect_menus()
        self._full_screen.menus_changed()  # their shortcuts work in full-screen reading too
        return m

    def _make_opening(self) -> ShelfOpening:
        """What opens another report of the shelf at a hit or a figure (书架, 数据 dock)."""
        return parts.shelf_opening(self, self._reader, self.report, self.open_file, self._bundled)

    def is_complete(self) -> bool:
        """Whether every part made after the first paint has been made."""
        return self._later.is_complete()

    def make_panes(self) -> None:
        """Make every part now (they are otherwise made just after the first paint)."""
        self._later.make_all()
        self._find_bar.get()

    # -- the one place that wires the parts together --------------------------------

    def _connect_signals(self) -> None:
        # -- a report is opened: every part shows it
        self.report_opened.connect(self._status.set_report)  # before the reader's position
        self.report_opened.connect(self._reader.set_report)
        self.report_opened.connect(self._places.show_report)  # after the reader has it
        self.report_opened.connect(self._tree.set_report)
        self.report_opened.connect(self._glossary.set_report)
        self.report_opened.connect(self._navigation.set_report)

        # -- the parts made after the first paint
        self._reader.first_painted.connect(self._later.start)

        # -- table of contents, Go menu <-> reading view
        self._tree.section_activated.connect(self._reader.show_section)
        self._reader.reading_position_changed.connect(self._tree.set_current_section)
        self._navigation.section_requested.connect(self._reader.show_section)

        # -- glossary <-> reading view
        self._reader.term_activated.connect(self._glossary.show_term)
        self._glossary.occurrence_activated.connect(self._reader.flash_span)

        # -- annotations: the session is wired when made (_connect_session)
        self.report_opened.connect(self._on_report_for_annotations)

        # -- reading comfort: font, spacing, theme, figure tints, place (menus: _connect_menus)
        v = self._view_options
        v.font_family_changed.connect(self._reader.set_font_family)
        v.line_height_changed.connect(self._reader.set_line_height)
        v.theme_changed.connect(self._reader.set_theme)
        v.figure_tints_changed.connect(self._reader.set_figure_tints)
        v.caret_browsing_changed.connect(self._reader.set_caret_browsing)
        self.dock("figures").visibilityChanged.connect(self._reader.set_figures_in_front)
        self._reader.reading_position_changed.connect(self._places.note_position)
        self._reader.zoom_changed.connect(self._places.note_zoom)
        v.announce()  # the reader starts in the saved look

        # -- status bar, recent files
        self._reader.reading_position_changed.connect(self._status.show_position)
        self._recent_menu.file_chosen.connect(self.open_file)

    def _connect_menus(self) -> None:
        m = self._menu
        # -- File
        m.open_action.triggered.connect(lambda: self._loader.get().open_file_dialog())
        m.bundled_action.triggered.connect(self._bundled)
        m.export_figures_action.triggered.connect(lambda: self._figures.get().export_csv())
        self.report_opened.connect(lambda: m.export_figures_action.setEnabled(True))
        a = self._annotator  # made after the menus: reached when an item is chosen
        m.export_annotations_action.triggered.connect(lambda: a.get().export_dialog())
        m.import_annotations_action.triggered.connect(lambda: a.get().import_dialog())
        m.print_action.triggered.connect(lambda: self._print("print"))
        m.print_preview_action.triggered.connect(lambda: self._print("preview"))
        m.export_pdf_action.triggered.connect(lambda: self._print("pdf"))
        m.quit_action.triggered.connect(self.close)

        # -- Edit: quoting, finding and searching
        self._reader.copyAvailable.connect(m.copy_cited_action.setEnabled)
        m.copy_cited_action.triggered.connect(self._on_copy_cited)
        m.find_action.triggered.connect(lambda: self._find_bar.get().open_bar())
        m.search_action.triggered.connect(lambda: self.focus("search"))
        m.shelf_action.triggered.connect(lambda: self._shelf.get().show_shelf())
        m.shelf_search_action.triggered.connect(lambda: self._shelf.get().show_shelf("search"))

        # -- View: the focus to a pane (Ctrl+1…6), text size, full screen
        for key, action in m.focus_actions.items():
            action.triggered.connect(lambda _checked=False, key=key: self.focus(key))
        v = self._view_options
        v.zoom_in_action.triggered.connect(self._reader.zoom_in)
        v.zoom_out_action.triggered.connect(self._reader.zoom_out)
        v.zoom_reset_action.triggered.connect(self._reader.reset_zoom)
        v.full_screen_action.toggled.connect(self._full_screen.set_active)
        self._full_screen.active_changed.connect(v.full_screen_action.setChecked)
        m.language_menu.restart_requested.connect(self.restart_requested)
        self.report_opened.connect(self._full_screen.menus_changed)  # after the Go menu's

    def _connect_session(self, session: AnnotationSession) -> None:
        self.report_opened.connect(session.set_report)
        reader = self._reader
        session.changed.connect(lambda: reader.set_annotations(session.marks()))
        session.updated.connect(lambda id_: reader.update_annotation(id_, session.mark(id_)))
        session.notes_changed.connect(self._on_notes_changed)
        if self._report is not None:
            session.set_report(self._report)  # its marks go to the reader, its list to the dock

    def _connect_annotator(self, annotator: ReaderAnnotator) -> None:
        menus = self._menus.get()  # the Edit menu it adds to, and the action it puts first
        menus.add_annotating(annotator)
        self._reader.set_context_actions([menus.copy_cited_action, *annotator.all_actions])

    def _connect_figures(self, pane: FiguresPane) -> None:
        self.report_opened.connect(pane.set_report)
        self._reader.first_painted.connect(pane.prepare)  # extract after the first paint
        pane.figures_ready.connect(self._on_figures_ready)
        show = partial(self._reader.show_found, layer="figures")
        pane.figure_activated.connect(lambda pid, start, end: show(pid, [(start, end)]))
        pane.exported.connect(self._status.show_figures_exported)
        # 去年承诺 and 历年趋势: verdicts in the theme's colours, other reports of the shelf
        self._view_options.theme_changed.connect(pane.set_theme)
        pane.entry_figure_requested.connect(lambda *hit: self._opening.get().open_hit(*hit))
        pane.promises_exported.connect(self._status.show_promises_exported)
        if self._report is not None:
            pane.set_report(self._report)
            pane.prepare()  # made after the first paint: its figures are found now

    def _connect_search(self, pane: SearchPane) -> None:
        self.report_opened.connect(pane.offer_report)
        # The index is built once the text is on screen: the build holds the GIL.
        self._reader.first_painted.connect(pane.prepare_if_shown)
        pane.notes_wanted.connect(self._on_search_wants_notes)
        pane.result_activated.connect(partial(self._reader.show_found, layer="search"))
        pane.section_activated.connect(self._reader.show_section)
        pane.term_activated.connect(self._glossary.show_term)
        pane.note_activated.connect(self._show_annotation)
        pane.cleared.connect(partial(self._reader.set_highlights, {}, "search"))
        if self._report is not None:
            pane.offer_report(self._report)
        self._update_tab_order()

    def _connect_annotations(self, pane: AnnotationsPane) -> None:
        pane.annotation_activated.connect(self._show_annotation)
        a = self._annotator  # made after the menus: reached when asked for
        pane.edit_requested.connect(lambda annotation_id: a.get().edit(annotation_id))
        pane.delete_requested.connect(lambda annotation_id: a.get().delete(annotation_id))
        self._update_tab_order()

    def _connect_shelf(self, shelf: ShelfWindow) -> None:
        shelf.report_requested.connect(lambda entry: self._opening.get().open_entry(entry))
        shelf.hit_requested.connect(lambda *hit: self._opening.get().open_hit(*hit))

    def _connect_opening(self, opening: ShelfOpening) -> None:
        self.report_opened.connect(opening.report_opened)  # the hit it was opened for

    def _connect_loader(self, loader: ReportLoader) -> None:
        loader.loaded.connect(self.open_report)

    def _connect_find_bar(self, bar: FindBar) -> None:
        self.report_opened.connect(bar.set_report)
        bar.highlights_changed.connect(partial(self._reader.set_highlights, layer="find"))
        bar.current_changed.connect(self._reader.show_current)
        bar.closed.connect(lambda: self.focus("reader"))
        if self._report is not None:
            bar.set_report(self._report)

    # -- what the connections call ----------------------------------------------------

    @Slot()
    def _on_search_wants_notes(self) -> None:
        self._search.get().set_notes(self._session.get().note_texts())

    @Slot(object)
    def _on_report_for_annotations(self, report: Report) -> None:
        """Make the session now, before the first paint, if the report has annotations
        to draw (a quick look at the file); else it is made after the first paint."""
        db = self._annotations_db
        made = self._session.made() is not None
        if not made and db is not None and has_annotations(db, report.content_hash):
            self._session.get()

    @Slot()
    def _on_notes_changed(self) -> None:
        search = self._search.made()
        if search is not None:  # else it asks for them when it takes a report
            search.refresh_notes_later()

    @Slot(str)
    def _show_annotation(self, annotation_id: str) -> None:
        if self._annotator.get().go_to(annotation_id):
            self._annotations.get().select(annotation_id)

    def show_store_notices(self) -> None:
        """Say once what happened to the annotations file at start (opened now if not yet)."""
        from haizhu_reader.gui.annotations.dialogs import show_store_notices

        show_store_notices(self, self._session.get().store)

    @Slot(object, object)
    def _on_figures_ready(self, report: Report, figures: list[Figure]) -> None:
        from haizhu_reader.gui.figures.model import figure_marks

        if report is self._report:
            self._reader.set_figure_marks(figure_marks(figures))

    def _print(self, what: str) -> None:
        """File › 打印…, 打印预览…, 导出 PDF…: the report, from the section at the top."""
        printer = self._printer.get()
        act = {"print": printer.print_report, "preview": printer.preview, "pdf": printer.export_pdf}
        act[what](self._report, self._reader.section_at_top(), self._session.get().placed())

    @Slot()
    def _on_copy_cited(self) -> None:
        from haizhu_reader.gui.printing.copy_citation import copy_with_citation

        if copy_with_citation(self._reader):
            self.statusBar().showMessage(self.tr("已复制所选文字及出处"), 3000)

    # -- public: focus, the parts (tests reach them here), opening reports ------------

    def focus(self, key: str) -> None:
        """Ctrl+1…6: the focus to a pane (a dock's key, or "reader"), its dock in front."""
        if key == "reader":
            self._reader.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self._docks.focus(key)

    def shelf(self) -> ShelfWindow:
        """The 书架 window (made now if it has not been)."""
        return self._shelf.get()

    def dock(self, key: str) -> QDockWidget:
        """The dock of "sections", "glossary", "figures", "search" or "annotations"."""
        return self._docks.dock(key)

    @property
    def reader(self) -> ReaderView:
        return self._reader

    def part(self, kind: type[Q]) -> Q:
        """The window's one part of type ``kind`` (a pane, the menus, the session…), for
        tests and scripts; the parts made after the first paint are made now if need be."""
        found = self.findChild(kind)
        if found is None:
            self.make_panes()
            found = self.findChild(kind)
        if found is None:
            raise LookupError(f"the window has no {kind.__name__}")
        return found

    @property
    def view_options(self) -> ViewOptions:
        return self._view_options

    def report(self) -> Report | None:
        return self._report

    def report_path(self) -> Path | None:
        """The open report's file (None: the bundled report)."""
        return self._path

    def is_loading(self) -> bool:
        loader = self._loader.made()
        return loader is not None and loader.is_loading()

    @Slot(object, object)
    def open_report(self, report: Report, path: Path | None = None) -> None:
        """Show a parsed report in every pane."""
        self._report, self._path = report, path
        self.setWindowTitle(self.tr("%1 — 海珠报告阅读器").replace("%1", report.title))
        self.report_opened.emit(report)
        self._recent_menu.opened(path, report)  # the recent files, and what a start reopens

    def _bundled(self) -> None:
        self._loader.get().open_bundled()

    @Slot(object)
    def open_file(self, path: Path) -> None:
        """Open a report file; it is read and parsed in the background."""
        self._loader.get().open_file(path)

    # -- window state ---------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Window geometry and dock layout from the last run, if there was one."""
        self._layout_restored = layout.restore(self, self._settings)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._layout_restored:
            self._layout_restored = True
            layout.first_start(self, self.dock("sections"), self.dock("glossary"))
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._menus.made() is not None:
            self._full_screen.leave()  # the layout saved is the one with docks
        self._places.save()
        layout.save(self, self._settings)
        search = self._search.made()
        if search is not None:
            search.close_index()
        shelf = self._shelf.made()
        if shelf is not None:
            shelf.shutdown()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if (path := dropped_file(event)) is not None:
            event.acceptProposedAction()
            self.open_file(path)
