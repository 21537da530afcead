"""Recovering what can still be read from a damaged annotations database.

``database`` moves a damaged file aside and calls ``salvage`` to copy
every readable row into the fresh one. A damaged page ends a plain scan with an
error (recovery used to stop there: 956 of 2,000 annotations with 4 KB overwritten
in the middle), so each table is read past its damaged pages, row by row.
``bench/salvage_bench.py`` prints what comes back, before and after.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import NamedTuple

from haizhu_reader.core.annotations.colours import Colour

_COLOURS = frozenset(c.value for c in Colour)


class Salvaged(NamedTuple):
    annotations: int  # annotations copied into the fresh store
    unreadable: int  # rows known to exist that could not be read (any table)


def salvage(damaged: Path, into: sqlite3.Connection) -> Salvaged:
    """Copy every row that can still be read from ``damaged`` into ``into``.

    Works on a scratch copy (with its WAL, whose commits may be the newest) whose
    header is made to agree with the file's length: SQLite refuses every query
    on a truncated file otherwise, though most of its pages are intact.
    """
    with tempfile.TemporaryDirectory(prefix="haizhu-salvage-") as tmp:
        copy = Path(tmp) / "salvage.sqlite3"
        try:
            shutil.copyfile(damaged, copy)
            wal = damaged.with_name(damaged.name + "-wal")
            if wal.is_file():
                shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
            _fit_header(copy)
            src = sqlite3.connect(copy, isolation_level=None)
        except (OSError, sqlite3.Error):
            return Salvaged(0, 0)
        try:
            return _copy_rows(src, into)
        finally:
            src.close()


def _fit_header(db: Path) -> None:
    """Set the header's page count to the pages the file really holds."""
    with db.open("r+b") as f:
        header = f.read(100)
        if len(header) < 100 or not header.startswith(b"SQLite format 3\0"):
            return
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        if page_size < 512 or page_size & (page_size - 1):
            return
        pages = f.seek(0, os.SEEK_END) // page_size
        f.truncate(pages * page_size)
        f.seek(28)
        f.write(pages.to_bytes(4, "big"))


# Past the last row found, rowids are tried until this many in a row hold nothing
# (or fail): a damaged last page of the table hides how far it went.
_PROBE_PAST_END = 256


def _readable_rows(
    src: sqlite3.Connection, table: str
) -> tuple[dict[int, tuple[object, ...]], int]:
    """Every row of ``table`` that can be read, by rowid; and how many rows could not be.

    A damaged page ends a scan with an error, and a plain ``SELECT *`` gave up
    on everything after it. So the table is scanned from both ends, the rowids
    in between are read one by one (each lookup reaches only its own page), and
    the table's indexes, which list every rowid on pages of their own, say which
    rows exist but cannot be read.
    """
    rows: dict[int, tuple[object, ...]] = {}
    for order in ("ASC", "DESC"):
        try:
            for rowid, *values in src.execute(
                f"SELECT rowid, * FROM {table} ORDER BY rowid {order}"
            ):
                rows[int(rowid)] = tuple(values)
        except sqlite3.DatabaseError:
            pass  # a damaged page: the lookups below go on past it
    listed: set[int] = set()
    indexes = src.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", (table,)
    ).fetchall()
    for (index,) in indexes:
        try:
            for (rowid,) in src.execute(f'SELECT rowid FROM {table} INDEXED BY "{index}"'):
                listed.add(int(rowid))
        except sqlite3.DatabaseError:
            pass  # what was listed before the damage still counts
    failed: set[int] = set()

    def lookup(rowid: int) -> bool | None:
        """True: read; False: no such row; None: its page cannot be read."""
        try:
            found = src.execute(
                f"SELECT rowid, * FROM {table} WHERE rowid = ?", (rowid,)
            ).fetchone()
        except sqlite3.DatabaseError:
            failed.add(rowid)
            return None
        if found is None:
            return False
        rows[rowid] = tuple(found[1:])
        return True

    # Rowids count up from 1 as rows are added; a garbage rowid from a damaged page
    # must not send the lookups to 2**63.
    known = set(rows) | listed
    last = min(max(known, default=0), 2 * len(known) + 10_000)
    for rowid in sorted((set(range(1, last + 1)) | listed) - set(rows)):
        lookup(rowid)
    rowid, empty = last, 0
    while empty < _PROBE_PAST_END:
        rowid += 1
        empty = 0 if lookup(rowid) else empty + 1
    # Rows that an index lists or that sit among failing lookups before the last row
    # read; a failing tail past the last row read is not counted (nothing says it existed).
    end = max(rows, default=0)
    lost = {r for r in failed if r in listed or r < end} - set(rows)
    return rows, len(lost | (listed - set(rows)))


def _valid(table: str, names: list[str], row: tuple[object, ...]) -> bool:
    """Whether a row read from a damaged file holds what the store can load."""
    if table != "annotations":
        return True
    colour = row[names.index("colour")] if "colour" in names else None
    offsets = [row[names.index(n)] for n in ("start_offset", "end_offset") if n in names]
    return (colour is None or colour in _COLOURS) and all(isinstance(o, int) for o in offsets)


def _copy_rows(src: sqlite3.Connection, into: sqlite3.Connection) -> Salvaged:
    saved = unreadable = 0
    into.execute("BEGIN IMMEDIATE")
    try:
        for table in ("reports", "annotations"):
            ours = {str(r[1]) for r in into.execute(f"PRAGMA table_info({table})")}
            try:
                names = [str(r[1]) for r in src.execute(f"PRAGMA table_info({table})")]
                rows, lost = _readable_rows(src, table)
            except sqlite3.DatabaseError:
                continue  # the schema itself is unreadable
            unreadable += lost
            keep = [i for i, n in enumerate(names) if n in ours]
            insert = (
                f"INSERT OR IGNORE INTO {table} ({', '.join(names[i] for i in keep)}) "
                f"VALUES ({', '.join('?' * len(keep))})"
            )
            for _, row in sorted(rows.items()):
                if len(row) != len(names) or not _valid(table, names, row):
                    unreadable += 1
                    continue
                with contextlib.suppress(sqlite3.IntegrityError, sqlite3.InterfaceError):
                    n = into.execute(insert, [row[i] for i in keep]).rowcount
                    saved += n if table == "annotations" else 0
    except BaseException:
        into.execute("ROLLBACK")
        raise
    into.execute("COMMIT")
    return Salvaged(saved, unreadable)
