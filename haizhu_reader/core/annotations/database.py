"""The annotations database file: schema migrations, opening, and what to do when it fails.

``connect(path)`` returns a connection ready for ``AnnotationStore`` and the
notices the user should see. It never damages a file it cannot handle:

- a file SQLite reports as corrupt (or whose ``PRAGMA integrity_check`` is not ok)
  is renamed ``<name>.corrupt-<UTC time>`` with its ``-wal``/``-shm``, every row
  that can still be read is copied into a fresh database (row by row, past
  damaged pages: ``salvage``), and a notice says how many were recovered and how
  many rows could not be read;
- a file from a newer app (``user_version`` above ours) raises ``NewerSchemaError``
  before anything is written to it;
- a file SQLite cannot write (read-only folder, a path under a file, a WAL it
  cannot create) is copied into memory and opened read-only: reading works,
  writes raise ``ReadOnlyStoreError``.

Schema changes are a list: ``MIGRATIONS[n]`` takes a database from version n to
n + 1, in one transaction with the ``PRAGMA user_version`` bump, so a migration
interrupted by a crash leaves the old version intact. Never edit a released step;
append one.
"""

from __future__ import annotations

import contextlib
import sqlite3
import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from haizhu_reader.core import sqlite_schema
from haizhu_reader.core.annotations.salvage import salvage
from haizhu_reader.core.sqlite_schema import CORRUPT_CODES, error_code

MIGRATIONS: list[tuple[str, ...]] = [
    # 1: the initial schema. A report is known by its content hash; its title names it.
    (
        """CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            first_seen TEXT NOT NULL
        )""",
        """CREATE TABLE annotations (
            id TEXT PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports (id),
            kind TEXT NOT NULL CHECK (kind IN ('highlight', 'underline', 'note', 'bookmark')),
            colour TEXT,
            scope TEXT NOT NULL CHECK (scope IN ('range', 'paragraph', 'section')),
            section_id TEXT NOT NULL,
            paragraph_id TEXT NOT NULL,
            start_offset INTEGER NOT NULL,
            end_offset INTEGER NOT NULL,
            exact TEXT NOT NULL,
            prefix TEXT NOT NULL,
            suffix TEXT NOT NULL,
            note TEXT NOT NULL,
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )""",
        "CREATE INDEX annotations_by_report ON annotations (report_id)",
    ),
    # 2: tombstones. A deleted annotation keeps its row (deleted = when), so undo
    # restores the same id and an import of an older copy does not resurrect it.
    ("ALTER TABLE annotations ADD COLUMN deleted TEXT",),
]
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class Notice:
    """Something the user should know about their annotations, in both languages."""

    zh: str
    en: str
    moved_to: Path | None = None

    def __str__(self) -> str:
        return f"{self.zh}（{self.en}）"


class StoreError(Exception):
    """An annotation store failure; the message is bilingual, like ``ReportError``."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh}（{en}）")
        self.zh = zh
        self.en = en


class ReadOnlyStoreError(StoreError):
    """Raised by every write to a store that opened read-only."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"批注无法保存：数据文件夹不可写（{path.parent}），现有批注只能查看",
            f"annotations cannot be saved: the data folder is not writable ({path.parent}); "
            "existing ones can only be viewed",
        )


class GoneError(StoreError, KeyError):
    """The annotation is no longer in the file (another window deleted it meanwhile)."""

    def __init__(self, annotation_id: str) -> None:
        super().__init__(
            "此批注已不在批注数据中（可能已在另一个窗口中删除）",
            "this annotation is no longer stored (deleted in another window?)",
        )
        self.annotation_id = annotation_id

    def __str__(self) -> str:  # KeyError's own would show the repr
        return Exception.__str__(self)


class NewerSchemaError(StoreError):
    def __init__(self, path: Path, version: int) -> None:
        super().__init__(
            f"批注数据库来自更新版本的阅读器（格式 {version}），"
            f"请升级阅读器后再打开；文件未改动：{path}",
            f"the annotations database comes from a newer version of the reader (schema "
            f"{version}, this one knows {SCHEMA_VERSION}); upgrade to open it. "
            f"The file was not changed: {path}",
        )


@dataclass
class Opened:
    conn: sqlite3.Connection
    read_only: bool
    notices: list[Notice] = field(default_factory=list)


class _CorruptError(Exception):
    pass


class _UnwritableError(Exception):
    pass


_UNWRITABLE_CODES = {
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_FULL,
}


def write_error(path: Path, e: sqlite3.OperationalError) -> StoreError:
    """The user's words for a failed write."""
    code = error_code(e)
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return ReadOnlyStoreError(path)
    if code == sqlite3.SQLITE_FULL:
        return StoreError("磁盘已满，批注未保存", "the disk is full; the annotation was not saved")
    if code == sqlite3.SQLITE_BUSY:
        return StoreError(
            "批注数据库正被另一个程序占用，批注未保存",
            "the annotations database is busy in another program; the annotation was not saved",
        )
    return StoreError(f"批注未保存：{e}", f"the annotation was not saved: {e}")


def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Run ``MIGRATIONS[version:]``, each step in its own transaction."""
    sqlite_schema.migrate(conn, MIGRATIONS, version)


def _check(conn: sqlite3.Connection, path: Path) -> int:
    """The file's schema version, after refusing a newer one and checking its structure."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(path, version)
    if conn.execute("PRAGMA integrity_check(1)").fetchall() != [("ok",)]:
        raise _CorruptError
    return version


def _open_rw(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    try:
        version = _check(conn, path)
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise _UnwritableError
        # Acknowledged means durable: see the docstring of annotations.py.
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, version)
    except BaseException:
        conn.close()
        raise
    return conn


def _refuse_special(path: Path) -> None:
    """``StoreError`` when something other than a file stands at ``path``.

    SQLite would take a folder for an unwritable database (the notice blamed
    permissions) and wait for ever on a FIFO.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return  # nothing there (a new store), or the open below says why
    if stat.S_ISREG(mode):
        return
    what_zh, what_en = (
        ("文件夹", "a folder") if stat.S_ISDIR(mode) else ("设备或管道", "a device or a pipe")
    )
    raise StoreError(
        f"批注数据库的位置上是一个{what_zh}，不是数据库文件：{path}；移走它后批注才能保存",
        f"the annotations database's place holds {what_en}, not a database file: {path}; "
        "move it away to save annotations",
    )


def connect(path: Path) -> Opened:
    """Open ``path`` for ``AnnotationStore``; see the module docstring.

    Raises ``StoreError`` for a folder, a FIFO or a device where the file should be.
    """
    _refuse_special(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return Opened(_open_rw(path), read_only=False)
    except _CorruptError:
        return _replace_corrupt(path)
    except (_UnwritableError, OSError):
        pass
    except sqlite3.DatabaseError as e:
        if error_code(e) in CORRUPT_CODES:
            return _replace_corrupt(path)
        if error_code(e) not in _UNWRITABLE_CODES:
            raise StoreError(f"无法打开批注数据库：{e}", f"cannot open the annotations: {e}") from e
    return _read_only(path, _read_only_notice(path))


def _read_only(path: Path | None, notice: Notice) -> Opened:
    """An in-memory copy of whatever can be read at ``path``; the store refuses writes."""
    mem = sqlite3.connect(":memory:", isolation_level=None)
    version = 0
    notices = [notice]
    if path is not None and path.exists():
        readable = False
        uri = path.resolve().as_uri()
        # mode=ro still needs the -shm of a WAL database; immutable=1 does not.
        for query in ("mode=ro", "immutable=1"):
            with contextlib.suppress(_CorruptError, sqlite3.Error):
                src = sqlite3.connect(f"{uri}?{query}", uri=True)
                try:
                    version = _check(src, path)
                    src.backup(mem)
                    readable = True
                    break
                finally:
                    src.close()
        if not readable:
            notices.append(
                Notice(
                    f"无法读取批注数据库：{path}",
                    f"the annotations database cannot be read: {path}",
                )
            )
    migrate(mem, version)
    return Opened(mem, read_only=True, notices=notices)


def read_only_empty(notice: Notice) -> Opened:
    """An empty store that refuses writes, with ``notice`` saying why."""
    return _read_only(None, notice)


def _read_only_notice(path: Path) -> Notice:
    e = ReadOnlyStoreError(path)
    return Notice(e.zh, e.en)


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
        n += 1
    path.replace(target)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.replace(target.with_name(target.name + suffix))
    return target


def _replace_corrupt(path: Path) -> Opened:
    try:
        moved = _move_aside(path)
        conn = _open_rw(path)
    except (OSError, sqlite3.Error, _CorruptError):
        damaged = Notice(
            f"批注数据库已损坏，且无法移走：{path}",
            f"the annotations database is damaged and could not be moved aside: {path}",
        )
        return _read_only(None, damaged)
    saved = salvage(moved, conn)
    lost_zh = f"，另有 {saved.unreadable} 行数据无法读取" if saved.unreadable else ""
    lost_en = f"; {saved.unreadable} rows could not be read" if saved.unreadable else ""
    notice = Notice(
        f"批注数据库已损坏，已移至 {moved.name}，找回 {saved.annotations} 条批注{lost_zh}，"
        "其余请从备份导入",
        f"the annotations database was damaged and was moved to {moved.name}; "
        f"{saved.annotations} annotations were recovered{lost_en}, import the rest from a backup",
        moved_to=moved,
    )
    return Opened(conn, read_only=False, notices=[notice])
