"""Annotating in the reading view: the actions, their shortcuts, the selection toolbar.

Shortcuts (none clash with the window's: Ctrl+1..3 panes, Ctrl+Shift+n docks,
Ctrl+F / Ctrl+Shift+F / F3 find, Ctrl+Z / Ctrl+Shift+Z undo):
Ctrl+Alt+1..6 highlight in a colour, Ctrl+Alt+U underline, Ctrl+Alt+N note on
the selection, Ctrl+Alt+P note on the paragraph, Ctrl+Alt+S note on the
section, Ctrl+D bookmark the paragraph. Paragraph and section actions need no
selection: they act on the paragraph at the text cursor (where the user last
clicked or right-clicked) if that is on screen, else on the one being read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from haizhu_reader.core.annotations.anchoring import AnchorError, Scope
from haizhu_reader.core.annotations.export import import_file, render
from haizhu_reader.core.annotations.store import (
    COLOUR_HEX,
    Annotation,
    Colour,
    Kind,
    Placed,
    StoreError,
)
from haizhu_reader.core.annotations.web_annotation import (
    AnnotationImportError,
    ForeignSourceError,
)
from haizhu_reader.core.files import OwnFiles
from haizhu_reader.gui.annotations.dialogs import (
    ExportAnnotationsDialog,
    ImportAnnotationsDialog,
    NoteDialog,
)
from haizhu_reader.gui.annotations.labels import colour_icon, colour_name, kind_label
from haizhu_reader.gui.annotations.session import AnnotationSession
from haizhu_reader.gui.common import jobs
from haizhu_reader.gui.common.dialogs import Messages, refuse_target
from haizhu_reader.gui.common.language import bilingual, pick
from haizhu_reader.gui.reader.selection_bar import SelectionBar
from haizhu_reader.gui.reader.view import ReaderView


class ReaderAnnotator(QObject):
    """Turns the annotate actions into store calls for what the reader has selected.

    Signals:
        exported(object): an export was written (its path).
    """

    exported = Signal(object)

    def __init__(
        self,
        reader: ReaderView,
        session: AnnotationSession,
        window: QMainWindow,
        own: OwnFiles | None = None,
    ) -> None:
        """No export is written onto ``own`` (the profile's folders and store)."""
        super().__init__(window)
        self._reader = reader
        self._session = session
        self._window = window
        self._own = own if own is not None else OwnFiles()
        self._setup_actions()
        self.selection_bar = SelectionBar(reader, [*self.colour_actions, self.underline_action,
                                                   self.note_selection_action])  # fmt: skip
        self._connect()
        reason = session.disabled_reason()
        self.set_enabled(not reason, reason)

    @property
    def session(self) -> AnnotationSession:
        return self._session

    def _action(self, text: str, key: str) -> QAction:
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._window.addAction(action)
        return action

    def _setup_actions(self) -> None:
        self.colour_actions: list[QAction] = []
        for i, colour in enumerate(Colour, start=1):
            action = self._action(
                self.tr("高亮：%1").replace("%1", colour_name(colour)), f"Ctrl+Alt+{i}"
            )
            action.setIcon(colour_icon(COLOUR_HEX[colour]))
            action.setData(colour.value)
            self.colour_actions.append(action)
        self.underline_action = self._action(self.tr("下划线(&U)"), "Ctrl+Alt+U")
        self.note_selection_action = self._action(self.tr("为所选文字添加笔记(&N)…"), "Ctrl+Alt+N")
        self.note_paragraph_action = self._action(self.tr("为本段添加笔记(&P)…"), "Ctrl+Alt+P")
        self.note_section_action = self._action(self.tr("为本节添加笔记(&S)…"), "Ctrl+Alt+S")
        self.bookmark_action = self._action(self.tr("为本段添加书签(&B)"), "Ctrl+D")
        self.selection_actions = [
            *self.colour_actions,
            self.underline_action,
            self.note_selection_action,
        ]
        self.all_actions = [
            *self.selection_actions,
            self.note_paragraph_action,
            self.note_section_action,
            self.bookmark_action,
        ]

    def _connect(self) -> None:
        for action in self.colour_actions:
            action.triggered.connect(self._on_colour)
        self.underline_action.triggered.connect(self.underline)
        self.note_selection_action.triggered.connect(self.note_selection)
        self.note_paragraph_action.triggered.connect(self.note_paragraph)
        self.note_section_action.triggered.connect(self.note_section)
        self.bookmark_action.triggered.connect(self.bookmark)
        self._session.failed.connect(self._on_failed)

    @Slot(str, str)
    def _on_failed(self, zh: str, en: str) -> None:
        Messages.error(self._window, self.tr("无法保存批注"), *bilingual(zh, en))

    # -- enabling ------------------------------------------------------------------------

    def set_enabled(self, enabled: bool, reason: str = "") -> None:
        """Annotating on or off (a read-only store); the reason shows as the actions' tip."""
        for action in self.all_actions:
            action.setEnabled(enabled)
            tip = action.text().replace("&", "").rstrip("…")
            action.setToolTip(
                tip if enabled else self.tr("%1：%2").replace("%1", tip).replace("%2", reason)
            )
            action.setStatusTip("" if enabled else reason)
        self.selection_bar.setEnabled(enabled)
        if not enabled:
            self.selection_bar.hide()

    # -- what the user points at --------------------------------------------------------

    def _cursor_on_screen(self) -> int | None:
        cursor = self._reader.textCursor()
        rect = self._reader.cursorRect(cursor)
        if self._reader.viewport().rect().intersects(rect):
            return cursor.position()
        return None

    def current_paragraph(self) -> str | None:
        """The paragraph at the text cursor if on screen, else the one being read."""
        pos = self._cursor_on_screen()
        hit = self._reader.paragraph_at(pos) if pos is not None else None
        if hit is None:
            top = self._reader.cursorForPosition(QPoint(self._reader.viewport().width() // 2, 30))
            hit = self._reader.paragraph_at(top.position())
            if hit is None:  # a heading at the top: the first paragraph below it
                for dy in range(30, self._reader.viewport().height(), 20):
                    c = self._reader.cursorForPosition(
                        QPoint(self._reader.viewport().width() // 2, dy)
                    )
                    hit = self._reader.paragraph_at(c.position())
                    if hit is not None:
                        break
        return hit[0] if hit else None

    def current_section(self) -> str:
        pos = self._cursor_on_screen()
        if pos is not None:
            return self._reader.section_of(pos)
        return self._reader.section_at_top()

    # -- actions -------------------------------------------------------------------------

    @Slot()
    def _on_colour(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.highlight(Colour(str(action.data())))

    def highlight(self, colour: Colour) -> None:
        self._mark_selection(Kind.HIGHLIGHT, colour)

    @Slot()
    def underline(self) -> None:
        self._mark_selection(Kind.UNDERLINE, None)

    def _mark_selection(self, kind: Kind, colour: Colour | None, note: str = "") -> bool:
        placer = self._session.placer
        spans = self._reader.selected_spans()
        if placer is None or not spans:
            self._window.statusBar().showMessage(self.tr("请先选中文字"), 3000)
            return False
        # One mark per paragraph the selection touches, undone (and redone) as one.
        stack = self._session.undo_stack
        stack.beginMacro(self.tr("标注所选文字"))
        try:
            for pid, start, end in spans:
                if end <= start:
                    continue
                try:
                    anchor = placer.anchor_range(pid, start, end)
                except AnchorError:
                    continue
                if self._session.create(kind, anchor, colour, note) is None:
                    return False
        finally:
            stack.endMacro()
        self.selection_bar.hide()
        return True

    @Slot()
    def note_selection(self) -> None:
        spans = self._reader.selected_spans()
        if not spans:
            self._window.statusBar().showMessage(self.tr("请先选中文字"), 3000)
            return
        quote = "".join(self._reader.textCursor().selectedText().splitlines())
        note = NoteDialog.ask(
            self._window, self.tr("添加笔记"), self.tr("所选文字：%1").replace("%1", quote[:80])
        )
        if note is not None:
            self._mark_selection(Kind.NOTE, None, note)

    @Slot()
    def note_paragraph(self) -> None:
        placer = self._session.placer
        pid = self.current_paragraph()
        if placer is None or pid is None:
            return
        anchor = placer.anchor_paragraph(pid)
        excerpt = anchor.exact[:60] + ("……" if len(anchor.exact) > 60 else "")
        note = NoteDialog.ask(
            self._window, self.tr("为本段添加笔记"), self.tr("段落：%1").replace("%1", excerpt)
        )
        if note is not None:
            self._session.create(Kind.NOTE, anchor, None, note)

    @Slot()
    def note_section(self) -> None:
        placer = self._session.placer
        sid = self.current_section()
        if placer is None or not sid:
            return
        try:
            anchor = placer.anchor_section(sid)
        except AnchorError:
            return
        note = NoteDialog.ask(
            self._window,
            self.tr("为本节添加笔记"),
            self.tr("章节：%1").replace("%1", anchor.exact or placer.place_label(sid)),
        )
        if note is not None:
            self._session.create(Kind.NOTE, anchor, None, note)

    @Slot()
    def bookmark(self) -> None:
        placer = self._session.placer
        pid = self.current_paragraph()
        if placer is None or pid is None:
            return
        # Ctrl+D on a bookmarked paragraph takes the bookmark away (undoably), as in
        # browsers and readers; it used to add a second one.
        there = self._session.bookmark_on(pid)
        if there is not None:
            self._session.remove(there)
            self._window.statusBar().showMessage(self.tr("已取消本段书签"), 3000)
            return
        self._session.create(Kind.BOOKMARK, placer.anchor_paragraph(pid))

    # -- editing from the dock -------------------------------------------------------------

    @Slot(str)
    def edit(self, annotation_id: str) -> None:
        """Edit an annotation's note in the note dialog."""
        found = self._session.get(annotation_id)
        if found is None:
            return
        a = found if isinstance(found, Annotation) else found.annotation
        note = NoteDialog.ask(
            self._window,
            self.tr("编辑笔记"),
            self.tr("%1：%2").replace("%1", kind_label(a)).replace("%2", a.anchor.exact[:60]),
            a.note,
        )
        if note is not None and note != a.note:
            self._session.edit(a, note)

    @Slot(str)
    def delete(self, annotation_id: str) -> None:
        """Delete an annotation (Ctrl+Z brings it back)."""
        if self._session.remove(annotation_id):
            self._window.statusBar().showMessage(self.tr("已删除批注（Ctrl+Z 撤销）"), 5000)

    # -- going to one ----------------------------------------------------------------------

    def go_to(self, annotation_id: str) -> bool:
        """Scroll the reader to an annotation; False (and a word in the status bar) when it
        has nowhere to go: deleted since it was listed, or its text changed."""
        found = self._session.get(annotation_id)
        if found is None:  # deleted since it was listed (a search hit not yet refreshed)
            self._window.statusBar().showMessage(self.tr("此批注已删除"), 5000)
            return False
        if not isinstance(found, Placed):
            self._window.statusBar().showMessage(self.tr("原文已改动，此批注未能定位"), 5000)
            return False
        at = found.placement
        if at.scope is Scope.SECTION:
            self._reader.show_section(at.section_id)
        elif at.scope is Scope.PARAGRAPH:
            self._reader.show_paragraph(at.paragraph_id)
        else:
            self._reader.flash_span(at.paragraph_id, at.start, at.end)
        return True

    # -- files -----------------------------------------------------------------------------

    @Slot()
    def export_dialog(self) -> None:
        """File › 导出批注…: render and write in a worker; the window says when it is done."""
        report = self._session.report()
        if report is None:
            return
        name = self.tr("%1-批注.md").replace("%1", report.title or self.tr("批注"))
        start = Path.home() / name
        chosen = ExportAnnotationsDialog.ask(self._window, start)
        if chosen is None:
            return
        path, fmt = chosen
        if refuse_target(self._window, self.tr("无法导出批注"), path, self._own):
            return
        placed, unplaced = self._session.placed(), self._session.unplaced()
        job = jobs.write_file(
            path, lambda: (render(report, placed, unplaced, fmt), len(placed) + len(unplaced))
        )
        job.signals.done.connect(self._on_exported)
        job.signals.failed.connect(self._on_export_failed)
        self._window.statusBar().showMessage(self.tr("正在导出批注…"))
        jobs.start(job)

    @Slot(object, object)
    def _on_exported(self, path: Path, count: int) -> None:
        self._window.statusBar().showMessage(
            self.tr("已导出 %1 条批注到 %2").replace("%1", str(count)).replace("%2", str(path)),
            8000,
        )
        self.exported.emit(path)

    @Slot(object, object)
    def _on_export_failed(self, path: Path, error: Exception) -> None:
        self._window.statusBar().clearMessage()
        Messages.error(self._window, self.tr("无法导出批注"), *jobs.write_error(path, error))

    @Slot()
    def import_dialog(self) -> None:
        """File › 导入批注…: a W3C Web Annotation file (ours, or another tool's), merged all or
        nothing; one about another source only when the user says so."""
        report, store = self._session.report(), self._session.store
        if report is None or store is None:
            return
        if not self._session.can_write():
            Messages.error(self._window, self.tr("无法导入批注"), self._session.disabled_reason())
            return
        path = ImportAnnotationsDialog.ask(self._window, Path.home())
        if path is None:
            return
        try:
            try:
                result = import_file(store, report, path)
            except ForeignSourceError as e:
                why = pick(e.zh, e.en)
                if not ImportAnnotationsDialog.confirm_foreign(self._window, report.title, why):
                    return
                result = import_file(store, report, path, into_this_report=True)
        except (AnnotationImportError, StoreError) as e:
            Messages.error(self._window, self.tr("无法导入批注"), *bilingual(e.zh, e.en))
            return
        self._session.import_merged()
        self._window.statusBar().showMessage(
            self.tr("已导入：新增 %1 条，更新 %2 条，跳过 %3 条；%4 条已按原文定位")
            .replace("%1", str(result.added))
            .replace("%2", str(result.updated))
            .replace("%3", str(result.skipped))
            .replace("%4", str(result.placed)),
            8000,
        )
        if result.unplaced:
            ImportAnnotationsDialog.show_unplaced(self._window, result.unplaced)
