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
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from haizhu_reader.core.annotations.anchoring import Anchor, Placer, Scope
from haizhu_reader.core.annotations.colours import UNDERLINE_HEX
from haizhu_reader.core.annotations.store import (
    COLOUR_HEX,
    Annotation,
    AnnotationStore,
    Colour,
    GoneError,
    Kind,
    Placed,
    StoreError,
    new_annotation,
    note_documents,
)
from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.labels import kind_label
from haizhu_reader.gui.common.language import pick
from haizhu_reader.gui.reader.marks import NOTE_COLOUR, Mark, MarkStyle

if TYPE_CHECKING:
    from haizhu_reader.core.search.searching import NoteText

UNDERLINE_COLOUR = UNDERLINE_HEX


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
        changed(): all the annotations changed (a report loaded, an import merged).
        updated(str): one annotation was added, edited, deleted or brought back by
            undo/redo (its id; ``get`` says what it is now, None when gone). Views
            update that one only: with thousands, redoing them all stalls the GUI.
        notes_changed(): the notes ``note_texts`` lists changed (after ``changed``
            or an ``updated`` that added, edited or removed a note).
        failed(str, str): a write failed; Chinese and English messages.
    """

    changed = Signal()
    updated = Signal(str)
    notes_changed = Signal()
    failed = Signal(str, str)

    def __init__(self, store: AnnotationStore | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._report: Report | None = None
        self._placer: Placer | None = None
        self._placed: list[Placed] = []
        self._keys: list[tuple[int, int]] = []
        self._unplaced: list[Annotation] = []
        self._by_id: dict[str, Placed | Annotation] = {}
        self._marks: dict[tuple[str, str], Mark] = {}
        self.undo_stack = QUndoStack(self)

    @classmethod
    def open(cls, db: Path | None, parent: QObject | None = None) -> AnnotationSession:
        """A session on the store in ``db``, opened (or explained: see ``AnnotationStore.
        open_or_explain``); None: no store, annotating off."""
        return cls(AnnotationStore.open_or_explain(db) if db is not None else None, parent)

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
            notes = [pick(n.zh, n.en) for n in self._store.notices]
            return notes[0] if notes else self.tr("批注数据只读，不能添加或修改批注")
        return ""

    def placed(self) -> list[Placed]:
        return list(self._placed)

    def unplaced(self) -> list[Annotation]:
        return list(self._unplaced)

    def get(self, annotation_id: str) -> Placed | Annotation | None:
        """The placed annotation with this id, else the unplaced one, else None."""
        return self._by_id.get(annotation_id)

    def mark(self, annotation_id: str) -> Mark | None:
        """The reading view's mark for one annotation (None: gone, or not placed)."""
        p = self._by_id.get(annotation_id)
        if not isinstance(p, Placed):
            return None
        key = (p.annotation.id, p.annotation.modified)
        m = self._marks.get(key)
        if m is None:
            m = self._marks[key] = mark_for(p)
        return m

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

    def bookmark_on(self, paragraph_id: str) -> str | None:
        """The id of the bookmark on this paragraph, if it has one."""
        for p in self._placed:
            if p.annotation.kind is Kind.BOOKMARK and p.placement.paragraph_id == paragraph_id:
                return p.annotation.id
        return None

    def note_texts(self) -> list[NoteText]:
        """Every note, for the search pane's 批注 scope (a few ms for thousands: asked
        only after ``notes_changed``, once per burst)."""
        from haizhu_reader.core.search.searching import NoteText  # search is not loaded at start-up

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
        self._by_id = {p.annotation.id: p for p in self._placed}
        self._by_id.update((a.id, a) for a in self._unplaced)
        self.changed.emit()
        self.notes_changed.emit()

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
            if isinstance(e, GoneError):  # list what the file holds now
                QTimer.singleShot(0, self, self.import_merged)
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
        self._announce(a.id, "", a.note)
        return a

    def _do_update(self, a: Annotation) -> Annotation:
        saved = self._store_or_fail().update(a)
        old = self._drop(a.id)
        self._insert(saved)
        self._announce(a.id, old.note if old else "", saved.note)
        return saved

    def _do_delete(self, annotation_id: str) -> Annotation:
        gone = self._store_or_fail().delete(annotation_id)
        old = self._drop(annotation_id)
        self._announce(annotation_id, old.note if old else gone.note, "")
        return gone

    def _announce(self, annotation_id: str, old_note: str, new_note: str) -> None:
        self.updated.emit(annotation_id)
        if old_note.strip() or new_note.strip():
            self.notes_changed.emit()

    def _insert(self, a: Annotation) -> None:
        """Add to the lists in reading order (binary search: no pass over the others)."""
        placer = self._placer
        assert placer is not None
        at = placer.place(a.anchor)
        if at is None:
            self._unplaced.append(a)
            self._by_id[a.id] = a
        else:
            key = placer.reading_order(at)
            i = bisect.bisect_right(self._keys, key)
            self._keys.insert(i, key)
            self._placed.insert(i, p := Placed(a, at))
            self._by_id[a.id] = p

    def _drop(self, annotation_id: str) -> Annotation | None:
        """Remove from the lists; the annotation as it was (None: not listed)."""
        found = self._by_id.pop(annotation_id, None)
        if isinstance(found, Placed):
            assert self._placer is not None
            key = self._placer.reading_order(found.placement)
            i = bisect.bisect_left(self._keys, key)
            while self._placed[i].annotation.id != annotation_id:  # equal keys: a few
                i += 1
            del self._placed[i]
            del self._keys[i]
            self._marks.pop((annotation_id, found.annotation.modified), None)
            return found.annotation
        if found is not None:
            self._unplaced.remove(found)
        return found


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
