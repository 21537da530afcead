"""The main window: builds the docks and panes and wires them together in one place."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QKeySequence,
    QPainter,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from haizhu_reader.core.annotations_peek import has_annotations
from haizhu_reader.core.report import Report
from haizhu_reader.gui.dialogs import Messages, OpenReportDialog
from haizhu_reader.gui.glossary_pane import GlossaryPane
from haizhu_reader.gui.language import bilingual, system_languages, ui_language
from haizhu_reader.gui.language import resolve as resolve_language
from haizhu_reader.gui.lazy_pane import LazyPane
from haizhu_reader.gui.navigation import Navigation, focus_in_dock
from haizhu_reader.gui.reader_view import ReaderView
from haizhu_reader.gui.reading_places import ReadingPlaces
from haizhu_reader.gui.recent_files import RecentFilesMenu
from haizhu_reader.gui.report_document import heading_text
from haizhu_reader.gui.section_tree import SectionTree
from haizhu_reader.gui.view_options import ViewOptions
from haizhu_reader.gui.window_menus import WindowMenus
from haizhu_reader.settings import Settings

if TYPE_CHECKING:
    # Only annotations: PySide6 makes a class when it is first imported, and these
    # events do not come before the first paint.
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    # Not imported at start-up: these panes are made after the first paint (see lazy_pane).
    from haizhu_reader.core.annotations import AnnotationStore
    from haizhu_reader.core.figures import Figure
    from haizhu_reader.gui.annotation_actions import ReaderAnnotator
    from haizhu_reader.gui.annotation_session import AnnotationSession
    from haizhu_reader.gui.annotations_pane import AnnotationsPane
    from haizhu_reader.gui.figures_pane import FiguresPane
    from haizhu_reader.gui.find_bar import FindBar
    from haizhu_reader.gui.full_screen import FullScreenReading
    from haizhu_reader.gui.printing import ReportPrinter
    from haizhu_reader.gui.report_loader import LoadSignals
    from haizhu_reader.gui.search_pane import SearchPane
    from haizhu_reader.gui.search_worker import IndexLoader


class _ElidedLabel(QLabel):
    """A status-bar label that elides instead of widening the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideMiddle, rect.width()
        )
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text
        )


class MainWindow(QMainWindow):
    """The reader window: table of contents | report | glossary.

    Signals:
        report_opened(object): a ``Report`` was opened; every pane shows it.
    """

    report_opened = Signal(object)

    def __init__(
        self,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        index_dir: Path | None = None,
        annotations_db: Path | None = None,
    ) -> None:
        """``index_dir`` None: an in-memory search index; ``annotations_db`` None: no
        annotating (a screenshot of a profile that has none)."""
        super().__init__(parent)
        self._settings = settings
        self._index_dir = index_dir
        self._annotations_db = annotations_db
        self._store: AnnotationStore | None = None  # opened with the annotation session
        self._report: Report | None = None
        self._path: Path | None = None
        self._loading: LoadSignals | None = None
        self._layout_restored = False
        self._setup_ui()
        self._connect_signals()

    # -- building ---------------------------------------------------------------------

    def _setup_ui(self) -> None:
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("海珠报告阅读器"))
        self.setAcceptDrops(True)
        self._view_options = ViewOptions(self._settings, self)  # the theme, before any widget
        self._reader = ReaderView(self)
        self._places = ReadingPlaces(self._reader, self._settings, self)
        central = QWidget(self)
        self._column = QVBoxLayout(central)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addWidget(self._reader, 1)
        self._find_bar = LazyPane(self._make_find_bar)  # below the text, on Ctrl+F
        self.setCentralWidget(central)
        self.resize(1280, 800)
        self._setup_menu_bar()
        self._tree = SectionTree(self)
        self._tree_dock = self._add_dock(
            self._tree, self.tr("目录"), "sections_dock", Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self._glossary = GlossaryPane(self)
        self._glossary_dock = self._add_dock(
            self._glossary,
            self.tr("名词解释"),
            "glossary_dock",
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        # Key figures (issue #8), search (#4) and annotations (#5) share the glossary's
        # place, behind it: their panes are made after the first paint (lazy_pane).
        self._figures_dock = self._add_dock(
            None, self.tr("数据"), "figures_dock", Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._figures_widened = False
        self._search_dock = self._add_dock(
            None, self.tr("搜索"), "search_dock", Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._search_report: Report | None = None  # what the search pane was given
        self._index_loader: IndexLoader | None = None  # made with the search pane
        self._annotations_dock = self._add_dock(
            None, self.tr("批注"), "annotations_dock", Qt.DockWidgetArea.RightDockWidgetArea
        )
        for dock in (self._figures_dock, self._search_dock, self._annotations_dock):
            self.tabifyDockWidget(self._glossary_dock, dock)
        self._glossary_dock.raise_()
        # Annotations are drawn on the first paint: the session is made before it when
        # the report has any (_on_report_for_annotations), else after it.
        self._session = LazyPane(self._make_session, ready=self._on_session_made)
        self._figures = LazyPane(self._make_figures_pane, self._figures_dock)
        self._search = LazyPane(self._make_search_pane, self._search_dock)
        self._annotations = LazyPane(self._make_annotations_pane, self._annotations_dock)
        self._menus = LazyPane(self._make_menus)
        self._annotator = LazyPane(self._make_annotator)
        self._later = [
            self._session,
            self._menus,
            self._annotator,
            self._figures,
            self._search,
            self._annotations,
        ]
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(300)
        self._place = _ElidedLabel(self)
        self._place.setAccessibleName(self.tr("当前位置"))
        self._progress = QLabel(self)
        self._progress.setAccessibleName(self.tr("阅读进度"))
        # Wide enough for 100% from the start: no status-bar relayout while scrolling.
        self._progress.setMinimumWidth(
            self._progress.fontMetrics().horizontalAdvance(self.tr("已读 %1%").replace("%1", "100"))
            + 8
        )
        self.statusBar().addWidget(self._place, 1)
        self.statusBar().addPermanentWidget(self._progress)
        self._update_tab_order()

    def _update_tab_order(self) -> None:
        """Tab goes left to right through the window (the panes made so far) and wraps around."""
        chain = [*self._tree.focus_chain(), self._reader, *self._glossary.focus_chain()]
        for pane in (self._search.made(), self._annotations.made()):
            if pane is not None:
                chain += pane.focus_chain()
        for a, b in itertools.pairwise([*chain, chain[0]]):
            QWidget.setTabOrder(a, b)

    def _add_dock(
        self, pane: QWidget | None, title: str, name: str, area: Qt.DockWidgetArea
    ) -> QDockWidget:
        """A dock for ``pane`` (None: set later); its toggle (Ctrl+Shift+1, 2, ...) goes
        to the View menu with the other items (_make_menus)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState()/restoreState() key
        dock.setAccessibleName(title)
        if pane is not None:
            dock.setWidget(pane)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        self._docks.append(dock)
        toggle = dock.toggleViewAction()
        toggle.setText(self.tr("显示%1").replace("%1", title))
        toggle.setShortcut(QKeySequence(f"Ctrl+Shift+{len(self._docks)}"))
        keys = toggle.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        dock.setAccessibleDescription(
            self.tr("%1窗格，按 %2 显示或隐藏").replace("%1", title).replace("%2", keys)
        )
        return dock

    def _setup_menu_bar(self) -> None:
        """The menu bar's titles; the items are made after the first paint (_make_menus)."""
        self._navigation = Navigation(self._reader, self)  # the Go menu (issue #6)
        self._menu = WindowMenus(self, self._navigation.menu)
        self._recent_menu = RecentFilesMenu(self._settings, self)  # issue #6; in the File menu
        self._printer: ReportPrinter | None = None  # made on first use (issue #6)
        self._docks: list[QDockWidget] = []  # their toggles go to the View menu

    def _make_menus(self) -> WindowMenus:
        """The menus' items and their shortcuts (the annotate actions are the annotator's),
        and full-screen reading (View › 全屏阅读, F11)."""
        from haizhu_reader.gui.full_screen import FullScreenReading

        self._full_screen = FullScreenReading(self, self._reader)
        m = self._menu
        m.make_items(self._recent_menu, self._docks, self._view_options, self._settings)
        m.export_figures_action.setEnabled(self._report is not None)
        m.copy_cited_action.setEnabled(self._reader.textCursor().hasSelection())
        self._setup_undo_actions(self._session.get())
        self._connect_menus()
        self._full_screen.menus_changed()  # their shortcuts work in full-screen reading too
        return m

    def _setup_undo_actions(self, session: AnnotationSession) -> None:
        """Undo/Redo of annotating at the top of the Edit menu; the import is off if it is."""
        stack = session.undo_stack
        self._undo_action = stack.createUndoAction(self, self.tr("撤销"))
        self._undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self._redo_action = stack.createRedoAction(self, self.tr("重做"))
        self._redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        edit = self._menu.edit
        edit.insertActions(edit.actions()[0], [self._undo_action, self._redo_action])
        edit.insertSeparator(edit.actions()[2])
        reason = session.disabled_reason()
        self._menu.import_annotations_action.setEnabled(not reason)
        if reason:
            self._menu.import_annotations_action.setToolTip(reason)

    # -- panes made after the first paint (see lazy_pane) -----------------------------

    def _make_session(self) -> AnnotationSession:
        """The annotation store and session (its undo actions are in the Edit menu)."""
        from haizhu_reader.core.annotations import AnnotationStore
        from haizhu_reader.gui.annotation_session import AnnotationSession

        db = self._annotations_db
        self._store = AnnotationStore.open_or_explain(db) if db is not None else None
        session = AnnotationSession(self._store, self)
        self._connect_session(session)
        return session

    def _on_session_made(self, session: AnnotationSession) -> None:
        if self._report is not None:
            session.set_report(self._report)  # its marks go to the reader, its list to the dock

    def _make_annotator(self) -> ReaderAnnotator:
        """The annotate actions: in the Edit menu, the reader's context menu, the selection bar."""
        from haizhu_reader.gui.annotation_actions import ReaderAnnotator

        self._menus.get()  # the Edit menu it adds to, and the action it puts first
        session = self._session.get()
        a = ReaderAnnotator(self._reader, session, self)
        highlight = self._menu.edit.addMenu(self.tr("高亮(&H)"))
        highlight.addActions(a.colour_actions)
        self._menu.edit.addActions([a.underline_action, a.note_selection_action,
                                    a.note_paragraph_action, a.note_section_action,
                                    a.bookmark_action])  # fmt: skip
        self._reader.set_context_actions([self._menu.copy_cited_action, *a.all_actions])
        reason = session.disabled_reason()
        a.set_enabled(not reason, reason)
        return a

    def _make_figures_pane(self) -> FiguresPane:
        from haizhu_reader.gui.figures_pane import FiguresPane

        pane = FiguresPane(self)
        self._connect_figures(pane)
        if self._report is not None:
            pane.set_report(self._report)
            pane.prepare()  # made after the first paint: its figures are found now
        return pane

    def _make_search_pane(self) -> SearchPane:
        from haizhu_reader.gui.search_pane import SearchPane
        from haizhu_reader.gui.search_worker import IndexLoader

        self._index_loader = IndexLoader(self._index_dir, self)
        pane = SearchPane(self._index_loader, self)
        self._connect_search(pane)
        self._update_tab_order()
        return pane

    def _make_annotations_pane(self) -> AnnotationsPane:
        from haizhu_reader.gui.annotations_pane import AnnotationsPane

        pane = AnnotationsPane(self)
        s = self._session.get()
        pane.set_notice(s.disabled_reason())
        self._connect_annotations(pane)
        pane.set_annotations(s.report(), s.placed(), s.unplaced())
        pane.set_shown(not self._annotations_dock.visibleRegion().isEmpty())
        self._update_tab_order()
        return pane

    def _make_find_bar(self) -> FindBar:
        from haizhu_reader.gui.find_bar import FindBar

        bar = FindBar(self)
        bar.hide()
        self._column.addWidget(bar)
        self._connect_find_bar(bar)
        if self._report is not None:
            bar.set_report(self._report)
        return bar

    @Slot()
    def _make_next_pane(self) -> None:
        """After the first paint: make the next pane not made yet, one per event-loop turn."""
        for lazy in self._later:
            if lazy.made() is None:
                lazy.get()
                QTimer.singleShot(0, self, self._make_next_pane)
                return

    def is_complete(self) -> bool:
        """Whether every part made after the first paint has been made."""
        return all(lazy.made() is not None for lazy in self._later)

    def make_panes(self) -> None:
        """Make every pane now (they are otherwise made just after the first paint)."""
        for lazy in self._later:
            lazy.get()
        self._find_bar.get()

    # -- the one place that wires panes together --------------------------------------

    def _connect_signals(self) -> None:
        # -- a report is opened: every pane shows it
        self.report_opened.connect(self._reader.set_report)
        self.report_opened.connect(self._places.show_report)  # after the reader has it
        self.report_opened.connect(self._tree.set_report)
        self.report_opened.connect(self._glossary.set_report)

        # -- table of contents <-> reading view
        self._tree.section_activated.connect(self._reader.show_section)
        self._reader.reading_position_changed.connect(self._tree.set_current_section)

        # -- glossary <-> reading view
        self._reader.term_activated.connect(self._show_term)
        self._glossary.occurrence_activated.connect(self._reader.flash_span)

        # -- the panes behind the glossary, made after the first paint
        self._reader.first_painted.connect(self._on_first_paint)

        # -- key figures (issue #8): the pane is wired when made (_connect_figures)
        self.report_opened.connect(self._on_report_for_figures)
        self._figures_dock.visibilityChanged.connect(self._on_figures_dock_visible)

        # -- search (issue #4) <-> reading view; the pane is wired when made (_connect_search)
        # The index is built once the text is on screen: the build holds the GIL.
        self._reader.first_painted.connect(self._on_first_paint_for_search)
        self._search_dock.visibilityChanged.connect(self._on_search_dock_visible)

        # -- annotations (issue #5): session -> reader, dock, search notes; the session
        # is wired when made (_connect_session)
        self.report_opened.connect(self._on_report_for_annotations)
        self._notes_timer.timeout.connect(self._on_notes_due)

        # -- reading comfort (issue #6): font, spacing, theme, place; the menu items are
        # wired when made (_connect_menus)
        v = self._view_options
        v.font_family_changed.connect(self._reader.set_font_family)
        v.line_height_changed.connect(self._reader.set_line_height)
        v.theme_changed.connect(self._reader.set_theme)
        self._reader.reading_position_changed.connect(self._places.note_position)
        self._reader.zoom_changed.connect(self._places.note_zoom)
        v.announce()  # the reader starts in the saved look

        # -- status bar
        self._reader.reading_position_changed.connect(self._on_reading_position)

        # -- keyboard, recent files (issue #6)
        self.report_opened.connect(self._navigation.set_report)
        self._navigation.section_requested.connect(self._reader.show_section)
        self._recent_menu.file_chosen.connect(self.open_file)

    def _connect_menus(self) -> None:
        # -- File
        self._menu.open_action.triggered.connect(self.open_file_dialog)
        self._menu.bundled_action.triggered.connect(self.open_bundled)
        self._menu.export_figures_action.triggered.connect(self._on_export_figures)
        self._menu.export_annotations_action.triggered.connect(self._on_export_annotations)
        self._menu.import_annotations_action.triggered.connect(self._on_import_annotations)
        self._menu.print_action.triggered.connect(self._on_print)
        self._menu.print_preview_action.triggered.connect(self._on_print_preview)
        self._menu.export_pdf_action.triggered.connect(self._on_export_pdf)
        self._menu.quit_action.triggered.connect(self.close)

        # -- Edit: quoting (issue #6), finding and searching (issue #4)
        self._reader.copyAvailable.connect(self._menu.copy_cited_action.setEnabled)
        self._menu.copy_cited_action.triggered.connect(self._on_copy_cited)
        self._menu.find_action.triggered.connect(self._on_find_action)
        self._menu.search_action.triggered.connect(self._on_search_action)

        # -- View: panes, text size, full screen, language
        self._menu.focus_tree.triggered.connect(self._on_focus_tree)
        self._menu.focus_reader.triggered.connect(self._on_focus_reader)
        self._menu.focus_glossary.triggered.connect(self._on_focus_glossary)
        self._menu.focus_figures.triggered.connect(self._on_focus_figures)
        self._menu.focus_search.triggered.connect(self._on_search_action)
        self._menu.focus_annotations.triggered.connect(self._on_focus_annotations)
        v = self._view_options
        v.zoom_in_action.triggered.connect(self._reader.zoom_in)
        v.zoom_out_action.triggered.connect(self._reader.zoom_out)
        v.zoom_reset_action.triggered.connect(self._reader.reset_zoom)
        v.full_screen_action.toggled.connect(self._full_screen.set_active)
        self._full_screen.active_changed.connect(v.full_screen_action.setChecked)
        self.report_opened.connect(self._full_screen.menus_changed)  # after the Go menu's
        self._menu.language_menu.language_chosen.connect(self._on_language_chosen)

        # -- Help
        self._menu.shortcuts_action.triggered.connect(self._on_shortcuts)
        self._menu.about_action.triggered.connect(self._on_about)

    def _connect_session(self, session: AnnotationSession) -> None:
        self.report_opened.connect(session.set_report)
        session.changed.connect(self._on_annotations_changed)
        session.updated.connect(self._on_annotation_updated)
        session.notes_changed.connect(self._on_notes_changed)
        session.failed.connect(self._on_annotation_failed)

    def _connect_figures(self, pane: FiguresPane) -> None:
        self.report_opened.connect(pane.set_report)
        self._reader.first_painted.connect(pane.prepare)  # extract after the first paint
        pane.figures_ready.connect(self._on_figures_ready)
        pane.figure_activated.connect(self._show_figure)
        pane.exported.connect(self._on_figures_exported)

    def _connect_search(self, pane: SearchPane) -> None:
        pane.result_activated.connect(self._show_search_result)
        pane.section_activated.connect(self._reader.show_section)
        pane.term_activated.connect(self._show_term)
        pane.note_activated.connect(self._show_annotation)
        pane.cleared.connect(self._on_search_cleared)

    def _connect_annotations(self, pane: AnnotationsPane) -> None:
        pane.annotation_activated.connect(self._show_annotation)
        pane.edit_requested.connect(self._on_edit_annotation)
        pane.delete_requested.connect(self._on_delete_annotation)
        self._annotations_dock.visibilityChanged.connect(pane.set_shown)

    def _connect_find_bar(self, bar: FindBar) -> None:
        self.report_opened.connect(bar.set_report)
        bar.highlights_changed.connect(self._on_find_highlights)
        bar.current_changed.connect(self._reader.flash_span)
        bar.closed.connect(self._on_focus_reader)

    # -- accessors (tests); a pane not made yet is made when asked for --------------

    @property
    def reader(self) -> ReaderView:
        return self._reader

    @property
    def menus(self) -> WindowMenus:
        """The menu bar's menus and the window's actions in them (made if not yet)."""
        return self._menus.get()

    @property
    def section_tree(self) -> SectionTree:
        return self._tree

    @property
    def glossary_pane(self) -> GlossaryPane:
        return self._glossary

    @property
    def search_pane(self) -> SearchPane:
        return self._search.get()

    @property
    def search_dock(self) -> QDockWidget:
        return self._search_dock

    @property
    def find_bar(self) -> FindBar:
        return self._find_bar.get()

    @property
    def annotations_pane(self) -> AnnotationsPane:
        return self._annotations.get()

    @property
    def annotations_dock(self) -> QDockWidget:
        return self._annotations_dock

    @property
    def annotation_session(self) -> AnnotationSession:
        return self._session.get()

    @property
    def annotator(self) -> ReaderAnnotator:
        return self._annotator.get()

    @property
    def sections_dock(self) -> QDockWidget:
        return self._tree_dock

    @property
    def glossary_dock(self) -> QDockWidget:
        return self._glossary_dock

    @property
    def figures_pane(self) -> FiguresPane:
        return self._figures.get()

    @property
    def figures_dock(self) -> QDockWidget:
        return self._figures_dock

    @property
    def view_options(self) -> ViewOptions:
        return self._view_options

    @property
    def full_screen(self) -> FullScreenReading:
        self._menus.get()  # made with the View menu's F11
        return self._full_screen

    def report(self) -> Report | None:
        return self._report

    def is_loading(self) -> bool:
        return self._loading is not None

    # -- opening reports (public slots) ------------------------------------------------

    @Slot(object)
    def open_report(self, report: Report, path: Path | None = None) -> None:
        """Show a parsed report in every pane."""
        self._report = report
        self._path = path
        self.setWindowTitle(self.tr("%1 — 海珠报告阅读器").replace("%1", report.title))
        self.report_opened.emit(report)
        if path is not None:  # opened by dialog, drop or command line; not the bundled one
            self._recent_menu.add(path)

    @Slot()
    def open_file_dialog(self) -> None:
        start = self._settings.open_dir() if self._settings else None
        path = OpenReportDialog.ask(self, start)
        if path is not None:
            self.open_file(path)

    @Slot()
    def open_bundled(self) -> None:
        self._start_load(None)

    @Slot(object)
    def open_file(self, path: Path) -> None:
        """Open a report file; it is read and parsed in the background.

        A file that cannot be opened leaves the current report in place and
        says why in a message box.
        """
        if self._settings is not None:
            self._settings.set_open_dir(path.parent)
        self._start_load(path)

    def _start_load(self, path: Path | None) -> None:
        from haizhu_reader.gui.report_loader import LoadJob

        job = LoadJob(path)
        self._loading = job.signals
        job.signals.loaded.connect(self._on_loaded)
        job.signals.failed.connect(self._on_load_failed)
        self.statusBar().showMessage(
            self.tr("正在打开 %1…").replace("%1", path.name if path else "")
        )
        from haizhu_reader.gui import jobs  # not at start-up

        jobs.start(job)

    @Slot(object, object)
    def _on_loaded(self, path: Path | None, report: Report) -> None:
        self._loading = None
        self.statusBar().clearMessage()
        self.open_report(report, path)

    @Slot(object, str, str)
    def _on_load_failed(self, path: Path | None, zh: str, en: str) -> None:
        self._loading = None
        self.statusBar().clearMessage()
        Messages.error(self, self.tr("无法打开报告"), *bilingual(zh, en))

    # -- slots ----------------------------------------------------------------------------

    @Slot(int)
    def _show_term(self, entry: int) -> None:
        self._glossary_dock.show()
        self._glossary_dock.raise_()
        self._glossary.show_term(entry)

    # -- search (issue #4)

    @Slot(str, list)
    def _show_search_result(self, pid: str, spans: list[tuple[int, int]]) -> None:
        self._reader.set_highlights({pid: spans}, "search")
        if spans:
            self._reader.flash_span(pid, *spans[0])
        else:
            self._reader.show_paragraph(pid)

    @Slot()
    def _on_first_paint(self) -> None:
        """The report is on screen: make the panes behind the glossary, one at a time.

        From the next turn of the event loop but one, so that whatever the paint
        itself queued (the rest of the window's paint pass) runs first.
        """
        if not self.is_complete():
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._make_next_pane))

    @Slot()
    def _on_find_action(self) -> None:
        self._find_bar.get().open_bar()

    @Slot()
    def _on_first_paint_for_search(self) -> None:
        if not self._search_dock.visibleRegion().isEmpty():  # not behind another tab
            self._prepare_search()

    @Slot(bool)
    def _on_search_dock_visible(self, visible: bool) -> None:
        if visible:
            self._prepare_search()

    def _prepare_search(self) -> None:
        """Hand the search pane the open report once search is wanted.

        Its index (Whoosh and the index files, ~20 MB and a few hundred ms of
        a core) is prepared the first time the search dock shows, not at every
        start: many sessions only read. The pane says it is preparing meanwhile.
        """
        if self._report is not None and self._search_report is not self._report:
            self._search_report = self._report
            search = self._search.get()
            search.set_report(self._report)
            self._notes_timer.stop()  # a pending push would index the same notes again
            search.set_notes(self._session.get().note_texts())  # this report's, at once

    @Slot()
    def _on_search_cleared(self) -> None:
        self._reader.set_highlights({}, "search")

    @Slot(dict)
    def _on_find_highlights(self, spans: dict[str, list[tuple[int, int]]]) -> None:
        self._reader.set_highlights(spans, "find")

    @Slot()
    def _on_search_action(self) -> None:
        self._search_dock.show()
        self._search_dock.raise_()
        self._prepare_search()
        self._search.get().focus_query()

    # -- annotations (issue #5)

    @Slot(object)
    def _on_report_for_annotations(self, report: Report) -> None:
        """Make the session now, before the first paint, if the report has annotations
        to draw (a quick look at the file); else it is made after the first paint."""
        db = self._annotations_db
        made = self._session.made() is not None
        if not made and db is not None and has_annotations(db, report.content_hash):
            self._session.get()

    @Slot()
    def _on_annotations_changed(self) -> None:
        s = self._session.get()
        self._reader.set_annotations(s.marks())
        pane = self._annotations.made()
        if pane is not None:  # else it lists them when it is made
            pane.set_annotations(s.report(), s.placed(), s.unplaced())

    @Slot(str)
    def _on_annotation_updated(self, annotation_id: str) -> None:
        """One annotation changed: the reader and the dock redo that one, not all."""
        s = self._session.get()
        self._reader.update_annotation(annotation_id, s.mark(annotation_id))
        pane = self._annotations.made()
        if pane is not None:
            pane.update_annotation(annotation_id, s.get(annotation_id))

    @Slot()
    def _on_notes_changed(self) -> None:
        self._notes_timer.start()  # a burst of changes re-indexes the notes once

    @Slot()
    def _on_notes_due(self) -> None:
        search = self._search.made()
        if search is not None:  # else it is given the notes with the report
            search.set_notes(self._session.get().note_texts())

    @Slot(str, str)
    def _on_annotation_failed(self, zh: str, en: str) -> None:
        Messages.error(self, self.tr("无法保存批注"), *bilingual(zh, en))

    @Slot(str)
    def _on_edit_annotation(self, annotation_id: str) -> None:
        self._annotator.get().edit(annotation_id)

    @Slot(str)
    def _on_delete_annotation(self, annotation_id: str) -> None:
        self._annotator.get().delete(annotation_id)

    @Slot()
    def _on_export_annotations(self) -> None:
        self._annotator.get().export_dialog()

    @Slot()
    def _on_import_annotations(self) -> None:
        self._annotator.get().import_dialog()

    @Slot(str)
    def _show_annotation(self, annotation_id: str) -> None:
        """Scroll to an annotation (an unplaced one has nowhere to go)."""
        from haizhu_reader.core.anchoring import Scope
        from haizhu_reader.core.annotations import Placed

        found = self._session.get().get(annotation_id)
        if found is None:  # deleted since it was listed (a search hit not yet refreshed)
            self.statusBar().showMessage(self.tr("此批注已删除"), 5000)
            return
        if not isinstance(found, Placed):
            self.statusBar().showMessage(self.tr("原文已改动，此批注未能定位"), 5000)
            return
        at = found.placement
        if at.scope is Scope.SECTION:
            self._reader.show_section(at.section_id)
        elif at.scope is Scope.PARAGRAPH:
            self._reader.show_paragraph(at.paragraph_id)
        else:
            self._reader.flash_span(at.paragraph_id, at.start, at.end)
        self._annotations.get().select(annotation_id)

    def show_store_notices(self) -> None:
        """Say once, in plain words, what happened to the annotations file at start
        (the file is opened now if it has not been yet)."""
        self._session.get()
        if self._store is not None and self._store.notices:
            from haizhu_reader.gui.annotation_dialogs import AnnotationMessages

            AnnotationMessages.warning(
                self,
                self.tr("批注数据"),
                *bilingual(
                    "\n\n".join(n.zh for n in self._store.notices),
                    "\n\n".join(n.en for n in self._store.notices),
                ),
            )

    # -- key figures (issue #8)

    @Slot(str, int, int)
    def _show_figure(self, pid: str, start: int, end: int) -> None:
        """Scroll to a figure, flash it, and keep it highlighted until the next one."""
        self._reader.set_highlights({pid: [(start, end)]}, "figures")
        self._reader.flash_span(pid, start, end)

    @Slot(object, object)
    def _on_figures_ready(self, report: Report, figures: list[Figure]) -> None:
        from haizhu_reader.gui.figures_model import figure_marks

        if report is self._report:
            self._reader.set_figure_marks(figure_marks(figures))

    @Slot(object, int)
    def _on_figures_exported(self, path: Path, count: int) -> None:
        self.statusBar().showMessage(
            self.tr("已导出 %1 条数据到 %2").replace("%1", str(count)).replace("%2", str(path)),
            8000,
        )

    @Slot(object)
    def _on_report_for_figures(self, _report: Report) -> None:
        if self._menus.made() is not None:  # else it is made enabled
            self._menu.export_figures_action.setEnabled(True)

    @Slot()
    def _on_export_figures(self) -> None:
        self._figures_dock.show()
        self._figures_dock.raise_()
        self._figures.get().export_csv()

    @Slot()
    def _on_focus_figures(self) -> None:
        self._figures_dock.show()
        self._figures_dock.raise_()
        self._figures.get().filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(bool)
    def _on_figures_dock_visible(self, visible: bool) -> None:
        """Build the pane when first shown; the first time, make room for its six columns."""
        if not visible:
            return
        pane = self._figures.get()
        pane.ensure_ui()
        pane.prepare()
        if self._figures_widened or self._figures_dock.isFloating():
            return
        self._figures_widened = True
        wanted = min(460, self.width() * 36 // 100)
        if self._figures_dock.width() < wanted:
            self.resizeDocks([self._figures_dock], [wanted], Qt.Orientation.Horizontal)

    @Slot(str, float)
    def _on_reading_position(self, section_id: str, progress: float) -> None:
        report = self._report
        if report is None:
            return
        path = report.section_path(section_id)
        if path:
            place = " › ".join(heading_text(s) for s in path)
        else:
            place = next((a.title for a in report.appendices if a.id == section_id), "")
        self._place.setText(place)
        self._place.update()
        self._progress.setText(self.tr("已读 %1%").replace("%1", str(round(progress * 100))))

    @Slot()
    def _on_focus_tree(self) -> None:
        self._tree_dock.show()
        self._tree_dock.raise_()
        self._tree.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _on_focus_reader(self) -> None:
        self._reader.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _on_focus_glossary(self) -> None:
        self._glossary_dock.show()
        self._glossary_dock.raise_()
        self._glossary.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(str)
    def _on_language_chosen(self, choice: str) -> None:
        """Store the interface language; it applies from the next start."""
        if self._settings is None:
            return
        self._settings.set_language(choice)
        self._settings.sync()
        if resolve_language(choice, system_languages()) != ui_language():
            Messages.information(
                self,
                self.tr("界面语言"),
                self.tr("界面语言将在下次启动本程序时更改。"),
            )

    # -- printing and quoting (issue #6)

    @property
    def _printing(self) -> ReportPrinter:
        """The printer, made on first use: Qt's print support is not loaded at start-up."""
        if self._printer is None:
            from haizhu_reader.gui.printing import ReportPrinter

            reader = self._reader
            self._printer = ReportPrinter(self, lambda: reader.typography().font.family())
        return self._printer

    @Slot()
    def _on_print(self) -> None:
        at = self._reader.section_at_top()
        self._printing.print_report(self._report, at, self._session.get().placed())

    @Slot()
    def _on_print_preview(self) -> None:
        at = self._reader.section_at_top()
        self._printing.preview(self._report, at, self._session.get().placed())

    @Slot()
    def _on_export_pdf(self) -> None:
        at = self._reader.section_at_top()
        self._printing.export_pdf(self._report, at, self._session.get().placed())

    @Slot()
    def _on_copy_cited(self) -> None:
        from haizhu_reader.gui.copy_citation import copy_with_citation

        if copy_with_citation(self._reader):
            self.statusBar().showMessage(self.tr("已复制所选文字及出处"), 3000)

    @Slot()
    def _on_about(self) -> None:
        from haizhu_reader.gui.about_dialog import AboutDialog  # not at start-up

        AboutDialog.show_about(self)

    @Slot()
    def _on_shortcuts(self) -> None:
        from haizhu_reader.gui.shortcuts_dialog import ShortcutsDialog  # not at start-up

        ShortcutsDialog.open_for(self)

    @Slot()
    def _on_focus_annotations(self) -> None:
        focus_in_dock(self._annotations_dock, self._annotations.get().focus_chain()[0])

    # -- window state ---------------------------------------------------------------------

    def restore_layout(self) -> None:
        """Window geometry and dock layout from the last run, if there was one."""
        if self._settings is None:
            return
        geometry = self._settings.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self._settings.window_state()
        if state is not None:
            self._layout_restored = self.restoreState(state)

    def save_layout(self) -> None:
        if self._settings is None:
            return
        self._settings.set_window_geometry(self.saveGeometry())
        self._settings.set_window_state(self.saveState())
        self._settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        if not self._layout_restored:
            # First start: side panes in proportion to the window, the text gets the rest.
            self._layout_restored = True
            w = self.width()
            self.resizeDocks(
                [self._tree_dock, self._glossary_dock],
                [max(200, min(280, w * 20 // 100)), max(220, min(320, w * 23 // 100))],
                Qt.Orientation.Horizontal,
            )
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._menus.made() is not None:
            self._full_screen.leave()  # the layout saved is the one with docks
        self._places.save()
        self.save_layout()
        if self._index_loader is not None:
            self._index_loader.close()
        super().closeEvent(event)

    # -- drag and drop a report file -------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = event.mimeData().urls()
        if len(urls) == 1 and urls[0].isLocalFile():
            event.acceptProposedAction()
            self.open_file(Path(urls[0].toLocalFile()))
