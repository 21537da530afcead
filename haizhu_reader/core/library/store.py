"""The shelf: which reports are on this PC, what each is, and the index of their texts.

Kept in SQLite in the user data folder (``paths.AppPaths.library_db``), next to
the annotations; ``database`` opens it and migrates its schema. A report is known
by its content hash (the same report in two files, or twice, is one entry) and
described by ``metadata.describe``. Its file is not copied: a file that moved or
vanished is shown as ``missing`` (and found again when it is added from where it
is now); removing a report from the shelf never touches its file. The bundled
report is on the shelf from the start (removed, it stays removed).

Using the store::

    store = LibraryStore.open(paths.library_db)    # never raises for a damaged file
    for notice in store.notices: show(notice.zh)   # damaged file moved aside…
    store.add(record_of(report, path))             # usually from adding.py's workers
    store.entries()                                 # every report, missing or not
    store.find("佛山市", 2023)                       # the 佛山市 report delivered in 2023

One store may be used from several threads (calls take turns); another store on
the same file (a second window, the adding job) sees each change once committed.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Any

from haizhu_reader.core.library import database
from haizhu_reader.core.library.database import LibraryError as LibraryError
from haizhu_reader.core.library.database import Notice as Notice
from haizhu_reader.core.library.fulltext import text_chars
from haizhu_reader.core.library.metadata import ReportMeta, describe
from haizhu_reader.core.report import Report

# Bump when what is indexed for a text changes (the search key, the token spelling):
# the index is then rebuilt from the stored texts when the shelf is opened.
INDEX_VERSION = "1"
_ROWS_PER_STATEMENT = 500
_MAX_PARAMETERS = 30_000  # SQLite's limit is 32,766 since 3.32


@dataclass(frozen=True)
class LibraryEntry:
    """A report on the shelf.

    ``path`` is the file it was added from (None: the bundled report); ``missing``
    whether that file is gone (moved, renamed, deleted, a drive not attached);
    ``added`` when it was put on the shelf (UTC, ISO 8601).
    """

    content_hash: str
    path: Path | None
    meta: ReportMeta
    missing: bool
    added: str
    report_id: int = 0  # the row (the shelf's own key for the report)

    @property
    def bundled(self) -> bool:
        return self.path is None

    def to_json(self) -> dict[str, Any]:
        """An item of ``--library-list --json``."""
        return {
            "content_hash": self.content_hash,
            **self.meta.to_json(),
            "path": str(self.path) if self.path is not None else None,
            "bundled": self.bundled,
            "missing": self.missing,
            "added": self.added,
        }


@dataclass(frozen=True)
class TextRow:
    """One searchable text of a report, as the shelf keeps it.

    ``kind`` paragraph or heading; ``unit_id`` the paragraph's (or the section's,
    for a heading) id; ``section`` its innermost section or appendix; ``label``
    where it sits as a deputy cites it (二、（三）, or an appendix's title);
    ``chars`` the tokens indexed (``fulltext.text_chars(text)``).
    """

    kind: str
    unit_id: str
    section: str
    label: str
    text: str
    chars: str


@dataclass(frozen=True)
class ReportRecord:
    """What the shelf keeps of a parsed report: made in the adding processes."""

    content_hash: str
    path: Path | None
    meta: ReportMeta
    texts: tuple[TextRow, ...]


def record_of(report: Report, path: Path | None) -> ReportRecord:
    """``report`` (read from ``path``; None: the bundled one) as the shelf keeps it.

    The texts are the search pane's body scope: every heading and paragraph of
    the speech and its appendices, in reading order.
    """
    from haizhu_reader.core.search.searching import SearchScope, report_units

    appendix_titles = {a.id: a.title for a in report.appendices}
    labels: dict[str, str] = {}
    rows = []
    for unit in report_units(report):
        if unit.scope != SearchScope.BODY.value:
            continue
        label = labels.get(unit.section)
        if label is None:
            label = appendix_titles.get(unit.section) or report.place_label(unit.section)
            labels[unit.section] = label
        rows.append(
            TextRow(unit.kind, unit.id, unit.section, label, unit.text, text_chars(unit.text))
        )
    return ReportRecord(report.content_hash, path, describe(report), tuple(rows))


class Added(StrEnum):
    """What ``LibraryStore.add`` did."""

    ADDED = "added"
    PRESENT = "present"  # already on the shelf
    RELINKED = "relinked"  # on the shelf, its file missing: now found at the new path


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _is_missing(path: Path | None) -> bool:
    if path is None:
        return False
    try:
        return not path.is_file()
    except OSError:  # cannot tell (a folder on the way may not be entered): say present
        return False


_ENTRY_COLUMNS = "id, content_hash, path, title, place, level, year, date, speaker, added"


class LibraryStore:
    """The shelf's database (see the module docstring). Open it with ``open``."""

    def __init__(self, opened: database.Opened, location: Path | None) -> None:
        self._conn = opened.conn
        self._lock = threading.RLock()
        self.notices: list[Notice] = list(opened.notices)
        self.location = location
        self.in_memory = opened.in_memory
        self._reindex_if_stale()

    @classmethod
    def open(cls, path: Path, *, bundled: bool = True) -> LibraryStore:
        """The shelf kept at ``path`` (created if need be), with the bundled report on it
        unless it was removed (``bundled`` False: not added, for tests).

        Raises ``LibraryError`` only for a file from a newer version of the reader, or
        an SQLite without FTS5.
        """
        store = cls(database.connect(path), path)
        if bundled:
            store.ensure_bundled()
        return store

    @classmethod
    def in_memory_store(cls, *, bundled: bool = False) -> LibraryStore:
        """A shelf kept for this run only (tests, screenshots)."""
        store = cls(database.in_memory(), None)
        if bundled:
            store.ensure_bundled()
        return store

    def close(self) -> None:
        with self._lock:
            database.close_quietly(self._conn)

    def __enter__(self) -> LibraryStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- reading -----------------------------------------------------------------------

    def _entry(self, row: Sequence[Any], check_files: bool) -> LibraryEntry:
        rid, content_hash, path, title, place, level, year, date, speaker, added = row
        where = Path(path) if path is not None else None
        return LibraryEntry(
            content_hash=content_hash,
            path=where,
            meta=ReportMeta(title, place, level, year, date, speaker),
            missing=_is_missing(where) if check_files else False,
            added=added,
            report_id=rid,
        )

    def entries(self, *, check_files: bool = True) -> list[LibraryEntry]:
        """Every report on the shelf, by place, then newest first.

        ``check_files`` looks whether each file is still where it was (one stat per
        report; False: every entry says it is not missing).
        """
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM reports "
                "ORDER BY place IS NULL, place, year IS NULL, year DESC, date DESC, title"
            ).fetchall()
        return [self._entry(r, check_files) for r in rows]

    def entry(self, content_hash: str) -> LibraryEntry | None:
        with self._lock:
            row = self._conn.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM reports WHERE content_hash = ?", (content_hash,)
            ).fetchone()
        return self._entry(row, True) if row else None

    def find(self, place: str, year: int) -> LibraryEntry | None:
        """The report of ``place`` delivered in ``year``: one whose file is there if
        several are, then the latest delivered."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_ENTRY_COLUMNS} FROM reports WHERE place = ? AND year = ? "
                "ORDER BY date DESC, added DESC",
                (place, year),
            ).fetchall()
        found = [self._entry(r, True) for r in rows]
        return next((e for e in found if not e.missing), found[0] if found else None)

    def count(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT COUNT(*) FROM reports").fetchone()[0])

    # -- changing -------------------------------------------------------------------

    def add(self, record: ReportRecord) -> Added:
        """Put a report on the shelf with its texts, in one transaction."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                outcome = self._add(record)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        return outcome

    def _add(self, record: ReportRecord) -> Added:
        conn = self._conn
        found = conn.execute(
            "SELECT id, path FROM reports WHERE content_hash = ?", (record.content_hash,)
        ).fetchone()
        if found is not None:
            old = Path(found[1]) if found[1] is not None else None
            new = record.path
            if old is not None and new is not None and old != new and _is_missing(old):
                conn.execute("UPDATE reports SET path = ? WHERE id = ?", (str(new), found[0]))
                return Added.RELINKED
            return Added.PRESENT
        m = record.meta
        cur = conn.execute(
            "INSERT INTO reports (content_hash, path, title, place, level, year, date, speaker,"
            " added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                record.content_hash,
                str(record.path) if record.path is not None else None,
                m.title,
                m.place,
                m.level,
                m.year,
                m.date,
                m.speaker,
                _now(),
            ),
        )
        report_id = cur.lastrowid
        first = int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM units").fetchone()[0]) + 1
        rows = [
            (first + i, report_id, i, t.kind, t.unit_id, t.section, t.label, t.text)
            for i, t in enumerate(record.texts)
        ]
        conn.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.executemany(
            "INSERT INTO units_fts (rowid, chars) VALUES (?, ?)",
            ((first + i, t.chars) for i, t in enumerate(record.texts)),
        )
        return Added.ADDED

    def remove(self, content_hash: str) -> bool:
        """Take a report off the shelf (its file is not touched); False if it was not on it."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute(
                    "SELECT id FROM reports WHERE content_hash = ?", (content_hash,)
                ).fetchone()
                if row is not None:
                    units = conn.execute(
                        "SELECT id, text FROM units WHERE report_id = ?", (row[0],)
                    ).fetchall()
                    # A contentless index forgets a row given the tokens it was indexed with.
                    conn.executemany(
                        "INSERT INTO units_fts (units_fts, rowid, chars) VALUES ('delete', ?, ?)",
                        ((uid, text_chars(text)) for uid, text in units),
                    )
                    conn.execute("DELETE FROM units WHERE report_id = ?", (row[0],))
                    conn.execute("DELETE FROM reports WHERE id = ?", (row[0],))
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        return row is not None

    def ensure_bundled(self) -> None:
        """Put the bundled report on the shelf, once: a shelf it was removed from stays so."""
        with self._lock:
            if self._meta("bundled") is not None:
                return
        from haizhu_reader.core.parse import bundled_report

        self.add(record_of(bundled_report(), None))
        with self._lock:
            self._set_meta("bundled", "1")

    # -- the full-text index (searching.py asks) ---------------------------------------

    def match(
        self, expression: str, reports: Collection[int] | None = None
    ) -> list[tuple[int, int]]:
        """(unit id, report id) of every text FTS5 finds for ``expression``, in order;
        only in ``reports`` (report ids) if given."""
        sql = (
            "SELECT f.rowid, u.report_id FROM units_fts AS f JOIN units AS u ON u.id = f.rowid"
            " WHERE units_fts MATCH ?"
        )
        args: list[object] = [expression]
        if reports is not None:
            wanted = sorted(reports)[:_MAX_PARAMETERS]
            sql += f" AND u.report_id IN ({', '.join('?' * len(wanted))})"
            args += wanted
        with self._lock:
            return self._conn.execute(sql + " ORDER BY f.rowid", args).fetchall()

    def units(self, ids: Iterable[int]) -> list[tuple[int, int, str, str, str, str, str]]:
        """(id, ord, kind, unit id, section, label, text) of the units ``ids``, in id order."""
        wanted = list(ids)
        out: list[tuple[int, int, str, str, str, str, str]] = []
        with self._lock:
            for i in range(0, len(wanted), _ROWS_PER_STATEMENT):
                chunk = wanted[i : i + _ROWS_PER_STATEMENT]
                out += self._conn.execute(
                    "SELECT id, ord, kind, unit_id, section, label, text FROM units "
                    f"WHERE id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
        out.sort()
        return out

    def texts_of(self, report_id: int) -> list[tuple[int, str]]:
        """(unit id, text) of every text of a report, in reading order (the benchmark's truth)."""
        with self._lock:
            return self._conn.execute(
                "SELECT id, text FROM units WHERE report_id = ? ORDER BY ord", (report_id,)
            ).fetchall()

    def reindex(self) -> None:
        """Index every stored text afresh (the key or its spelling changed)."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute("INSERT INTO units_fts (units_fts) VALUES ('delete-all')")
                cur = conn.execute("SELECT id, text FROM units")
                while rows := cur.fetchmany(_ROWS_PER_STATEMENT):
                    conn.executemany(
                        "INSERT INTO units_fts (rowid, chars) VALUES (?, ?)",
                        ((uid, text_chars(text)) for uid, text in rows),
                    )
                self._set_meta("index", INDEX_VERSION)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _reindex_if_stale(self) -> None:
        if self._meta("index") == INDEX_VERSION:
            return
        if int(self._conn.execute("SELECT COUNT(*) FROM units").fetchone()[0]):
            self.reindex()
        else:
            self._set_meta("index", INDEX_VERSION)

    def size(self) -> int:
        """Bytes the shelf takes on disk (its file and write-ahead log)."""
        if self.location is None:
            return 0
        total = 0
        for suffix in ("", "-wal"):
            with contextlib.suppress(OSError):
                total += self.location.with_name(self.location.name + suffix).stat().st_size
        return total

    def checkpoint(self) -> None:
        """Fold the write-ahead log into the file (after a large batch of additions)."""
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _meta(self, key: str) -> str | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )


def load_entry(entry: LibraryEntry) -> Report:
    """The report an entry stands for, parsed from its file (the bundled one from the app).

    Raises ``ReportError`` when the file is gone or unreadable, or no longer holds
    the report that was put on the shelf (it was edited or replaced since).
    """
    from haizhu_reader.core.errors import ReportError
    from haizhu_reader.core.parse import bundled_report, load_report

    report = bundled_report() if entry.path is None else load_report(entry.path)
    if report.content_hash != entry.content_hash:
        raise ReportError(
            f"文件已不是加入书架时的报告（已被修改或替换）：{entry.path}",
            f"the file no longer holds the report put on the shelf (edited or replaced): "
            f"{entry.path}",
        )
    return report
