"""The open report's annotations: the store, what is placed where, and undo.

Every user action is one store call (one transaction, on disk when it returns)
wrapped in a ``QUndoCommand``: create = add / undo delete / redo restore;
edit = update(new) / undo update(old); delete = delete / undo restore. The
first action runs before the command is pushed, so a failed write (a
read-only folder, a full disk) leaves nothing on the stack and says why.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from haizhu_reader.core.anchoring import Anchor, Placer, Scope
from haizhu_reader.core.annotations import (
    COLOUR_HEX,
    COLOUR_NAMES_ZH,
    KIND_NAMES_ZH,
    Annotation,
    AnnotationStore,
    Colour,
    Kind,
    Placed,
    StoreError,
    new_annotation,
    note_documents,
)
from haizhu_reader.core.export import render, write_atomically
from haizhu_reader.core.report import Report
from haizhu_reader.core.search import NoteText
from haizhu_reader.gui import jobs
from haizhu_reader.gui.annotation_marks import NOTE_COLOUR, Mark, MarkStyle

UNDERLINE_COLOUR = "#c0392b"


def kind_label(a: Annotation) -> str:
    """高亮（黄色）, 下划线, 笔记, 书签."""
    name = KIND_NAMES_ZH[a.kind]
    return name + (f"（{COLOUR_NAMES_ZH[a.colour]}）" if a.colour else "")


def mark_for(p: Placed) -> Mark:
    """How the reading view shows one placed annotation."""
    a, at = p.annotation, p.placement
    target = at.section_id if at.scope is Scope.SECTION else at.paragraph_id
    style = {
        Kind.HIGHLIGHT: MarkStyle.HIGHLIGHT,
        Kind.UNDERLINE: MarkStyle.UNDERLINE,
        Kind.NOTE: MarkStyle.NOTE if at.scope is Scope.RANGE else MarkStyle.MARGIN,
        Kind.BOOKMARK: MarkStyle.MARGIN,
    }[a.kind]
    if a.kind is Kind.HIGHLIGHT:
        colour = COLOUR_HEX[a.colour or Colour.YELLOW]
    elif a.kind is Kind.UNDERLINE:
        colour = COLOUR_HEX[a.colour] if a.colour else UNDERLINE_COLOUR
    else:
        colour = NOTE_COLOUR.name()
    start, end = (at.start, at.end) if at.scope is Scope.RANGE else (0, 0)
    return Mark(
        a.id, target, start, end, style, colour, kind_label(a), a.note, a.kind is Kind.BOOKMARK
    )


class AnnotationSession(QObject):
    """The annotations of the open report, kept in step with the store.

    ``store`` is None when annotating is unavailable (a screenshot run without
    a data folder); then ``disabled_reason`` says so, as for a read-only store.

    Signals:
        changed(): the annotations changed (loaded, created, edited, deleted).
        failed(str, str): a write failed; Chinese and English messages.
    """

    changed = Signal()
    failed = Signal(str, str)

    def __init__(self, store: AnnotationStore | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._report: Report | None = None
        self._placer: Placer | None = None
        self._placed: list[Placed] = []
        self._keys: list[tuple[int, int]] = []
        self._unplaced: list[Annotation] = []
        self._marks: dict[tuple[str, str], Mark] = {}
        self.undo_stack = QUndoStack(self)

    # -- state -------------------------------------------------------------------------

    @property
    def store(self) -> AnnotationStore | None:
        return self._store

    def report(self) -> Report | None:
        return self._report

    def can_write(self) -> bool:
        return self._store is not None and not self._store.read_only

    def disabled_reason(self) -> str:
        """Why annotating is off, in plain words ('' when it is on)."""
        if self._store is None:
            return self.tr("此次运行未打开批注数据，不能添加批注")
        if self._store.read_only:
            notes = [n.zh for n in self._store.notices]
            return notes[0] if notes else self.tr("批注数据只读，不能添加或修改批注")
        return ""

    def placed(self) -> list[Placed]:
        return list(self._placed)

    def unplaced(self) -> list[Annotation]:
        return list(self._unplaced)

    def get(self, annotation_id: str) -> Placed | Annotation | None:
        """The placed annotation with this id, else the unplaced one, else None."""
        for p in self._placed:
            if p.annotation.id == annotation_id:
                return p
        return next((a for a in self._unplaced if a.id == annotation_id), None)

    def marks(self) -> list[Mark]:
        """The reading view's marks; each made once per annotation version."""
        cache = self._marks
        out = []
        for p in self._placed:
            key = (p.annotation.id, p.annotation.modified)
            m = cache.get(key)
            if m is None:
                m = cache[key] = mark_for(p)
            out.append(m)
        if len(cache) > len(out) * 2 + 64:  # drop the marks of deleted and edited ones
            live = {(p.annotation.id, p.annotation.modified) for p in self._placed}
            self._marks = {k: v for k, v in cache.items() if k in live}
        return out

    def note_texts(self) -> list[NoteText]:
        """Every note, for the search pane's 批注 scope."""
        return [
            NoteText(d.annotation_id, d.paragraph_id, d.text)
            for d in note_documents(self._placed, self._unplaced)
        ]

    @property
    def placer(self) -> Placer | None:
        return self._placer

    # -- loading -----------------------------------------------------------------------

    def set_report(self, report: Report) -> None:
        self._report = report
        self._placer = Placer(report)
        self._marks = {}
        self.undo_stack.clear()
        if self._store is None:
            self._placed, self._unplaced = [], []
        else:
            self._placed, self._unplaced = self._store.load(report)
        placer = self._placer
        self._keys = [placer.reading_order(p.placement) for p in self._placed]
        self.changed.emit()

    # -- the user's actions ------------------------------------------------------------

    def create(
        self, kind: Kind, anchor: Anchor, colour: Colour | None = None, note: str = ""
    ) -> Annotation | None:
        """Add an annotation (undoable); None when the store refused, after ``failed``."""
        a = new_annotation(kind, anchor, colour, note)
        if not self._run(lambda: self._do_add(a)):
            return None
        self.undo_stack.push(
            _Command(self, self.tr("添加%1").replace("%1", kind_label(a)), a, None)
        )
        return a

    def edit(self, old: Annotation, note: str, colour: Colour | None = None) -> bool:
        """Change an annotation's note (and colour, for a highlight); undoable."""
        new = replace(old, note=note, colour=colour if colour is not None else old.colour)
        saved: list[Annotation] = []
        if not self._run(lambda: saved.append(self._do_update(new))):
            return False
        self.undo_stack.push(_Command(self, self.tr("编辑批注"), saved[0], old))
        return True

    def remove(self, annotation_id: str) -> bool:
        """Delete an annotation (undoable)."""
        gone: list[Annotation] = []
        if not self._run(lambda: gone.append(self._do_delete(annotation_id))):
            return False
        self.undo_stack.push(_Command(self, self.tr("删除批注"), None, gone[0]))
        return True

    def import_merged(self) -> None:
        """Reload after an import (not undoable: the file can be imported again)."""
        if self._report is not None:
            self.set_report(self._report)

    def _run(self, action: object) -> bool:
        assert callable(action)
        try:
            action()
        except StoreError as e:
            self.failed.emit(e.zh, e.en)
            return False
        return True

    # -- primitives (the commands call these) --------------------------------------------

    def _store_or_fail(self) -> AnnotationStore:
        if self._store is None:
            raise StoreError(self.disabled_reason(), "annotations are not available")
        return self._store

    def _do_add(self, a: Annotation, restore: bool = False) -> Annotation:
        assert self._report is not None
        store = self._store_or_fail()
        a = store.restore(self._report, a) if restore else store.add(self._report, a)
        self._insert(a)
        return a

    def _do_update(self, a: Annotation) -> Annotation:
        saved = self._store_or_fail().update(a)
        self._drop(a.id)
        self._insert(saved)
        return saved

    def _do_delete(self, annotation_id: str) -> Annotation:
        gone = self._store_or_fail().delete(annotation_id)
        self._drop(annotation_id)
        return gone

    def _insert(self, a: Annotation) -> None:
        placer = self._placer
        assert placer is not None
        at = placer.place(a.anchor)
        if at is None:
            self._unplaced.append(a)
        else:
            key = placer.reading_order(at)
            i = bisect.bisect_right(self._keys, key)
            self._keys.insert(i, key)
            self._placed.insert(i, Placed(a, at))
        self.changed.emit()

    def _drop(self, annotation_id: str) -> None:
        for i, p in enumerate(self._placed):
            if p.annotation.id == annotation_id:
                del self._placed[i]
                del self._keys[i]
                break
        self._unplaced = [a for a in self._unplaced if a.id != annotation_id]
        self.changed.emit()


class _Command(QUndoCommand):
    """Create (new only), edit (new and old) or delete (old only), as one undoable step."""

    def __init__(
        self, session: AnnotationSession, text: str, new: Annotation | None, old: Annotation | None
    ) -> None:
        super().__init__(text)
        self._session = session
        self._new = new
        self._old = old
        self._done = True  # the action ran before the push

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        s, new, old = self._session, self._new, self._old
        if new is not None and old is None:
            ok = s._run(lambda: s._do_add(new, restore=True))
        elif new is not None:
            ok = s._run(lambda: s._do_update(new))
        else:
            assert old is not None
            ok = s._run(lambda: s._do_delete(old.id))
        self.setObsolete(not ok)

    def undo(self) -> None:
        s, new, old = self._session, self._new, self._old
        if new is not None and old is None:
            ok = s._run(lambda: s._do_delete(new.id))
        elif old is not None and new is not None:
            ok = s._run(lambda: s._do_update(old))
        else:
            assert old is not None
            ok = s._run(lambda: s._do_add(old, restore=True))
        self.setObsolete(not ok)


class _ExportSignals(QObject):
    done = Signal(object, int)  # path, count
    failed = Signal(object, str, str)  # path, Chinese, English


class ExportJob(QRunnable):
    """Renders and writes an export off the GUI thread (a Word file takes a while)."""

    def __init__(
        self,
        report: Report,
        placed: list[Placed],
        unplaced: list[Annotation],
        path: Path,
        fmt: str,
    ) -> None:
        super().__init__()
        self.signals = _ExportSignals()
        self._args = (report, placed, unplaced)
        self._path = path
        self._fmt = fmt
        self.done = False

    def run(self) -> None:
        try:
            with jobs.gc_paused():
                self._run()
        finally:
            self.done = True

    def _run(self) -> None:
        report, placed, unplaced = self._args
        try:
            write_atomically(self._path, render(report, placed, unplaced, self._fmt))
        except OSError as e:
            self.signals.failed.emit(
                self._path, f"无法写入文件：{self._path}（{e.strerror}）", str(e)
            )
        else:
            self.signals.done.emit(self._path, len(placed) + len(unplaced))
