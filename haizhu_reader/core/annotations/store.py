"""Highlights, underlines, notes and bookmarks, kept in SQLite the moment the user acts.

There is no save step. Every user action is one call and one transaction; when
the call returns, the annotation is on disk (WAL with ``synchronous=FULL``: the
WAL is fsynced at every commit, so an acknowledged write survives a crash of the
app *and* a power cut; ``NORMAL`` would only survive the former). A user action
is rare, so one fsync each is cheap (an add takes about 0.5 ms on an SSD).
``tests/test_annotations_crash.py`` kills writers with SIGKILL to hold us to it.

Using the store (the GUI owns one per window, on the GUI thread)::

    store = AnnotationStore.open(paths.annotations_db)   # never raises for a damaged file
    for notice in store.notices: show(notice.zh)         # damaged file moved aside, read-only…
    placer = Placer(report)
    ann = store.add(report, new_annotation(Kind.HIGHLIGHT, placer.anchor_range(pid, 3, 9)))
    placed, unplaced = store.load(report)                # reading order; unplaced listed, not lost

Undo (a ``QUndoStack`` in the GUI) maps onto four calls: create = ``add`` /
undo ``delete`` / redo ``restore``; edit = ``update(new)`` / undo ``update(old)``;
delete = ``delete`` / undo ``restore``. ``delete`` leaves a tombstone (the row,
marked deleted) so ``restore`` brings back the same id, and an import of an
older copy from another PC does not resurrect what was deleted here.

Identity: annotations belong to a report by its ``content_hash`` (the title is
stored with it, to name the report and to find ``other_versions`` of it — the
same title with different text, whose annotations ``carry_over`` copies).

Failures the GUI shows: ``StoreError`` and subclasses carry ``zh`` and ``en``
texts. A damaged database is moved aside (``annotations.sqlite3.corrupt-
20261128T120000``), what can still be read is copied into a fresh one, and a
``Notice`` says so. A database SQLite cannot write (read-only folder, full
disk) opens read-only: reading works, every write raises ``ReadOnlyStoreError``.
A database from a newer app version raises ``NewerSchemaError`` and is not
touched. At open the full ``PRAGMA integrity_check`` runs, not ``quick_check``:
it also proves every index agrees with its table, and ``merge`` decides "new or
known?" through the primary-key index, so a stale index would duplicate or drop
imports. It costs about 5 ms for 2,000 annotations (``quick_check`` the same).

Notes are stored as the raw text the user typed; every exporter escapes them.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType

from haizhu_reader.core.annotations import database as annotations_db
from haizhu_reader.core.annotations.anchoring import Anchor, Placement, Placer, Scope
from haizhu_reader.core.annotations.colours import COLOUR_HEX as COLOUR_HEX
from haizhu_reader.core.annotations.colours import COLOUR_NAMES_ZH as COLOUR_NAMES_ZH
from haizhu_reader.core.annotations.colours import Colour as Colour

# The store's errors live with the file handling; the GUI imports them from here.
from haizhu_reader.core.annotations.database import GoneError as GoneError
from haizhu_reader.core.annotations.database import NewerSchemaError as NewerSchemaError
from haizhu_reader.core.annotations.database import Notice as Notice
from haizhu_reader.core.annotations.database import ReadOnlyStoreError as ReadOnlyStoreError
from haizhu_reader.core.annotations.database import StoreError as StoreError
from haizhu_reader.core.annotations.peek import LIVE_OF_REPORT
from haizhu_reader.core.report import Report


class Kind(StrEnum):
    HIGHLIGHT = "highlight"
    UNDERLINE = "underline"
    NOTE = "note"
    BOOKMARK = "bookmark"


KIND_NAMES_ZH: dict[Kind, str] = {
    Kind.HIGHLIGHT: "高亮",
    Kind.UNDERLINE: "下划线",
    Kind.NOTE: "笔记",
    Kind.BOOKMARK: "书签",
}
# Which scopes each kind may take.
KIND_SCOPES: dict[Kind, frozenset[Scope]] = {
    Kind.HIGHLIGHT: frozenset({Scope.RANGE}),
    Kind.UNDERLINE: frozenset({Scope.RANGE}),
    Kind.NOTE: frozenset(Scope),
    Kind.BOOKMARK: frozenset({Scope.PARAGRAPH}),
}
MAX_NOTE = 100_000


def utc_now() -> str:
    """UTC ISO 8601 with microseconds and ``Z``; sorts as text in time order."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass(frozen=True)
class Annotation:
    id: str
    kind: Kind
    anchor: Anchor
    colour: Colour | None = None
    note: str = ""
    created: str = ""
    modified: str = ""

    def __post_init__(self) -> None:
        if self.anchor.scope not in KIND_SCOPES[self.kind]:
            raise ValueError(f"a {self.kind} cannot have a {self.anchor.scope} anchor")
        if len(self.note) > MAX_NOTE:
            raise ValueError(f"note longer than {MAX_NOTE} characters")

    def reanchored(self, placer: Placer, placement: Placement) -> Annotation:
        """This annotation anchored afresh where ``placement`` found it."""
        if placement.scope is Scope.SECTION:
            anchor = placer.anchor_section(placement.section_id)
        elif placement.scope is Scope.PARAGRAPH:
            anchor = placer.anchor_paragraph(placement.paragraph_id)
        else:
            anchor = placer.anchor_range(placement.paragraph_id, placement.start, placement.end)
        return replace(self, anchor=anchor)


def _new_id() -> str:
    """A random (version 4) UUID. ``uuid`` is imported here: with ``platform``, which
    it imports, it would cost the window's start-up ~3 ms."""
    import uuid

    return str(uuid.uuid4())


def new_annotation(
    kind: Kind, anchor: Anchor, colour: Colour | None = None, note: str = ""
) -> Annotation:
    """A fresh annotation (uuid4 id, timestamps now); a highlight defaults to yellow."""
    if kind is Kind.HIGHLIGHT and colour is None:
        colour = Colour.YELLOW
    now = utc_now()
    return Annotation(_new_id(), kind, anchor, colour, note, now, now)


@dataclass(frozen=True)
class Placed:
    annotation: Annotation
    placement: Placement


@dataclass(frozen=True)
class NoteDocument:
    """A note for the search index's ``notes`` scope (paragraph ``""``: section or unplaced)."""

    annotation_id: str
    paragraph_id: str
    section_id: str
    text: str


@dataclass(frozen=True)
class ReportVersion:
    content_hash: str
    title: str
    count: int


@dataclass(frozen=True)
class MergeResult:
    added: int = 0
    updated: int = 0
    skipped: int = 0


_COLUMNS = (
    "id, kind, colour, scope, section_id, paragraph_id, start_offset, end_offset, "
    "exact, prefix, suffix, note, created, modified"
)
_MARKS = ", ".join("?" * 14)
_ASSIGN = ", ".join(f"{c.strip()} = ?" for c in _COLUMNS.split(",")[1:])


def _row(r: tuple[object, ...]) -> Annotation:
    (ident, kind, colour, scope, sid, pid, start, end, exact, prefix, suffix, note, c, m) = r
    anchor = Anchor(
        Scope(str(scope)), str(sid), str(pid), int(str(start)), int(str(end)),
        str(exact), str(prefix), str(suffix),
    )  # fmt: skip
    return Annotation(
        str(ident), Kind(str(kind)), anchor, Colour(str(colour)) if colour else None,
        str(note), str(c), str(m),
    )  # fmt: skip


def _values(a: Annotation) -> tuple[object, ...]:
    x = a.anchor
    return (
        a.id, a.kind.value, a.colour.value if a.colour else None, x.scope.value,
        x.section_id, x.paragraph_id, x.start, x.end, x.exact, x.prefix, x.suffix,
        a.note, a.created, a.modified,
    )  # fmt: skip


class AnnotationStore:
    """The annotations of every report, in one SQLite file. See the module docstring."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool) -> None:
        self._conn = conn
        self.path = path
        self.read_only = read_only
        self.notices: list[Notice] = []

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> AnnotationStore:
        """Open (creating and migrating) the store at ``path``; see the module docstring."""
        opened = annotations_db.connect(path)
        store = cls(opened.conn, path, opened.read_only)
        store.notices = opened.notices
        return store

    @classmethod
    def open_or_explain(cls, path: Path) -> AnnotationStore:
        """``open``, or, when the file cannot be used at all (a newer reader's, or one
        SQLite refuses), an empty read-only store whose notice says why: the window
        still opens for reading, and the file is left as it was."""
        try:
            return cls.open(path)
        except StoreError as e:
            opened = annotations_db.read_only_empty(annotations_db.Notice(e.zh, e.en))
            store = cls(opened.conn, path, read_only=True)
            store.notices = opened.notices
            return store

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(
        self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed (and fsynced) when the block ends, else rolled back.

        SQLite's errors leave as ``StoreError`` with words the user can act on.
        """
        if self.read_only:
            raise ReadOnlyStoreError(self.path)
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as e:
            raise annotations_db.write_error(self.path, e) from e

    def _report_id(self, conn: sqlite3.Connection, report: Report) -> int:
        conn.execute(
            "INSERT INTO reports (content_hash, title, first_seen) VALUES (?, ?, ?) "
            "ON CONFLICT (content_hash) DO UPDATE SET title = excluded.title "
            "WHERE title != excluded.title",
            (report.content_hash, report.title, utc_now()),
        )
        row = conn.execute(
            "SELECT id FROM reports WHERE content_hash = ?", (report.content_hash,)
        ).fetchone()
        return int(row[0])

    # -- the user's actions (one transaction each) ------------------------------------

    def add(self, report: Report, annotation: Annotation) -> Annotation:
        """Store a new annotation (``new_annotation``) for ``report``."""
        with self._write() as conn:
            rid = self._report_id(conn, report)
            try:
                conn.execute(
                    f"INSERT INTO annotations (report_id, {_COLUMNS}) VALUES (?, {_MARKS})",
                    (rid, *_values(annotation)),
                )
            except sqlite3.IntegrityError as e:
                raise ValueError(f"annotation {annotation.id} exists; restore() it") from e
        return annotation

    def update(self, annotation: Annotation) -> Annotation:
        """Save an edited annotation (same id); returns it with ``modified`` now."""
        changed = replace(annotation, modified=utc_now())
        with self._write() as conn:
            cur = conn.execute(
                f"UPDATE annotations SET {_ASSIGN} WHERE id = ? AND deleted IS NULL",
                (*_values(changed)[1:], changed.id),
            )
            if cur.rowcount != 1:
                raise GoneError(annotation.id)
        return changed

    def delete(self, annotation_id: str) -> Annotation:
        """Delete an annotation (leaving a tombstone); returns it, for undo."""
        with self._write() as conn:
            found = self._get(conn, annotation_id)
            if found is None:
                raise GoneError(annotation_id)
            conn.execute("UPDATE annotations SET deleted = ? WHERE id = ?", (utc_now(), found.id))
        return found

    def restore(self, report: Report, annotation: Annotation) -> Annotation:
        """Bring back a deleted annotation exactly as it was, same id (undo of delete)."""
        with self._write() as conn:
            rid = self._report_id(conn, report)
            conn.execute(
                f"INSERT OR REPLACE INTO annotations (report_id, {_COLUMNS}, deleted) "
                f"VALUES (?, {_MARKS}, NULL)",
                (rid, *_values(annotation)),
            )
        return annotation

    def merge(
        self,
        report: Report,
        annotations: Iterable[Annotation],
        undated: frozenset[str] = frozenset(),
    ) -> MergeResult:
        """Merge annotations from elsewhere (an import), all or nothing.

        A new id is added. A known id is replaced when the incoming copy was
        modified later than ours (live or deleted here), else skipped — so an
        import is idempotent and never undoes a later edit or deletion. The
        ``undated`` ids came without times of their own (stamped with the import
        time): a known one is skipped, as no later than ours.
        """
        added = updated = skipped = 0
        with self._write() as conn:
            rid = self._report_id(conn, report)
            for a in annotations:
                row = conn.execute(
                    "SELECT modified, deleted FROM annotations WHERE id = ?", (a.id,)
                ).fetchone()
                if row is not None and (
                    a.id in undated or a.modified <= max(str(row[0]), str(row[1] or ""))
                ):
                    skipped += 1
                    continue
                conn.execute(
                    f"INSERT OR REPLACE INTO annotations (report_id, {_COLUMNS}, deleted) "
                    f"VALUES (?, {_MARKS}, NULL)",
                    (rid, *_values(a)),
                )
                added, updated = (added + 1, updated) if row is None else (added, updated + 1)
        return MergeResult(added, updated, skipped)

    def carry_over(self, report: Report, from_hash: str) -> int:
        """Copy another version's annotations (``other_versions``) onto ``report``.

        Copies get new ids; those the quote finds are anchored afresh, the rest
        are copied as they are and show up as unplaced. Returns how many.
        """
        placer = Placer(report)
        copies = []
        for a in self._of(from_hash):
            placement = placer.place(a.anchor)
            if placement is not None:
                a = a.reanchored(placer, placement)
            copies.append(replace(a, id=_new_id(), modified=utc_now()))
        return self.merge(report, copies).added

    # -- reading ---------------------------------------------------------------------

    def get(self, annotation_id: str) -> Annotation | None:
        return self._get(self._conn, annotation_id)

    def _get(self, conn: sqlite3.Connection, annotation_id: str) -> Annotation | None:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM annotations WHERE id = ? AND deleted IS NULL",
            (annotation_id,),
        ).fetchone()
        return _row(row) if row else None

    def _of(self, content_hash: str) -> list[Annotation]:
        rows = self._conn.execute(
            f"SELECT {', '.join('a.' + c.strip() for c in _COLUMNS.split(','))} "
            f"{LIVE_OF_REPORT} ORDER BY a.created, a.id",
            (content_hash,),
        ).fetchall()
        return [_row(r) for r in rows]

    def annotations(self, report: Report) -> list[Annotation]:
        """The report's live annotations, oldest first, unplaced."""
        return self._of(report.content_hash)

    def load(self, report: Report) -> tuple[list[Placed], list[Annotation]]:
        """(placed in reading order, unplaced oldest first) for ``report``."""
        placer = Placer(report)
        placed: list[Placed] = []
        unplaced: list[Annotation] = []
        for a in self._of(report.content_hash):
            placement = placer.place(a.anchor)
            if placement is None:
                unplaced.append(a)
            else:
                placed.append(Placed(a, placement))
        placed.sort(key=lambda p: placer.reading_order(p.placement))
        return placed, unplaced

    def note_documents(self, report: Report) -> list[NoteDocument]:
        return note_documents(*self.load(report))

    def other_versions(self, report: Report) -> list[ReportVersion]:
        """Reports with the same title but other text that have live annotations."""
        rows = self._conn.execute(
            "SELECT r.content_hash, r.title, count(a.id) FROM reports r "
            "JOIN annotations a ON a.report_id = r.id AND a.deleted IS NULL "
            "WHERE r.title = ? AND r.content_hash != ? GROUP BY r.id ORDER BY max(a.modified)",
            (report.title, report.content_hash),
        ).fetchall()
        return [ReportVersion(str(h), str(t), int(n)) for h, t, n in rows]


def note_documents(placed: list[Placed], unplaced: list[Annotation]) -> list[NoteDocument]:
    """Every non-empty note as a search document (works on data: safe in a worker thread)."""
    docs = [
        NoteDocument(p.annotation.id, p.placement.paragraph_id, p.placement.section_id, note)
        for p in placed
        if (note := p.annotation.note).strip()
    ]
    docs += [
        NoteDocument(a.id, "", a.anchor.section_id, a.note) for a in unplaced if a.note.strip()
    ]
    return docs
