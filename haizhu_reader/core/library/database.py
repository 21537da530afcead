"""The shelf's database file: schema migrations, opening, and what to do when it fails.

``connect(path)`` returns a connection ready for ``LibraryStore`` and the notices
the user should see. The file holds which reports are on the shelf and a
full-text index of their texts; every report can be added again from its file,
so a damaged file is moved aside (``<name>.corrupt-<UTC time>``) and a fresh
shelf started, with a notice saying so. A file from a newer app (``user_version``
above ours) raises ``LibraryError`` before anything is written to it. A folder
SQLite cannot write to gives a shelf in memory for this run, with a notice.

Schema changes are a list: ``MIGRATIONS[n]`` takes a database from version n to
n + 1, in one transaction with the ``PRAGMA user_version`` bump. Never edit a
released step; append one.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from haizhu_reader.core import sqlite_schema
from haizhu_reader.core.sqlite_schema import CORRUPT_CODES, error_code

MIGRATIONS: list[tuple[str, ...]] = [
    # 1: the shelf. A report is known by its content hash; ``path`` NULL is the bundled
    # report. ``units`` are its searchable texts in reading order (paragraphs and
    # headings, as the search pane's body scope), ``units_fts`` their search keys, one
    # token per character (see fulltext.py); its rowids are the units' ids.
    (
        """CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            path TEXT,
            title TEXT NOT NULL,
            place TEXT,
            level TEXT,
            year INTEGER,
            date TEXT,
            speaker TEXT,
            added TEXT NOT NULL
        )""",
        "CREATE INDEX reports_by_place ON reports (place, year)",
        """CREATE TABLE units (
            id INTEGER PRIMARY KEY,
            report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            kind TEXT NOT NULL,
            unit_id TEXT NOT NULL,
            section TEXT NOT NULL,
            label TEXT NOT NULL,
            text TEXT NOT NULL
        )""",
        "CREATE INDEX units_by_report ON units (report_id, ord)",
        "CREATE VIRTUAL TABLE units_fts USING fts5(chars, tokenize='ascii', content='')",
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)


class LibraryError(Exception):
    """The shelf cannot be used; the message is bilingual, like ``ReportError``."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh}（{en}）")
        self.zh = zh
        self.en = en


@dataclass(frozen=True)
class Notice:
    """Something the user should know about the shelf, in both languages."""

    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh}（{self.en}）"


@dataclass
class Opened:
    conn: sqlite3.Connection
    in_memory: bool
    notices: list[Notice] = field(default_factory=list)


class _CorruptError(Exception):
    pass


def migrate(conn: sqlite3.Connection, version: int) -> None:
    """Run ``MIGRATIONS[version:]``, each step in its own transaction."""
    sqlite_schema.migrate(conn, MIGRATIONS, version)


def _prepare(conn: sqlite3.Connection, path: Path | None) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        where = str(path) if path else ""
        raise LibraryError(
            f"书架数据来自更新版本的阅读器（格式 {version}），请升级阅读器；文件未改动：{where}",
            f"the shelf comes from a newer version of the reader (schema {version}, this one "
            f"knows {SCHEMA_VERSION}); upgrade to use it. The file was not changed: {where}",
        )
    if path is not None:
        if conn.execute("PRAGMA quick_check(1)").fetchall() != [("ok",)]:
            raise _CorruptError
        conn.execute("PRAGMA journal_mode = WAL")
    try:
        migrate(conn, version)
    except sqlite3.OperationalError as e:
        if "fts5" in str(e):
            raise LibraryError(
                "此系统的 SQLite 不含 FTS5 全文检索模块，书架不可用",
                "this system's SQLite has no FTS5 module: the shelf is unavailable",
            ) from e
        raise


def _open_file(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10.0, check_same_thread=False)
    try:
        _prepare(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def in_memory(notices: list[Notice] | None = None) -> Opened:
    """A shelf that lives as long as this run (tests, an unwritable data folder)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _prepare(conn, None)
    return Opened(conn, in_memory=True, notices=list(notices or []))


def connect(path: Path) -> Opened:
    """Open ``path`` for ``LibraryStore``; see the module docstring."""
    reason: Exception
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return Opened(_open_file(path), in_memory=False)
    except _CorruptError:
        return _replace_corrupt(path)
    except sqlite3.DatabaseError as e:
        if error_code(e) in CORRUPT_CODES:
            return _replace_corrupt(path)
        reason = e
    except OSError as e:
        reason = e
    return in_memory(
        [
            Notice(
                f"无法打开书架数据（{reason}），本次加入的报告不会保存：{path}",
                f"cannot open the shelf ({reason}); reports added now are not kept: {path}",
            )
        ]
    )


def _replace_corrupt(path: Path) -> Opened:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    try:
        path.replace(target)
        for suffix in ("-wal", "-shm"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.replace(target.with_name(target.name + suffix))
        conn = _open_file(path)
    except (OSError, sqlite3.Error, _CorruptError):
        return in_memory(
            [
                Notice(
                    f"书架数据已损坏，且无法移走：{path}",
                    f"the shelf's database is damaged and could not be moved aside: {path}",
                )
            ]
        )
    notice = Notice(
        f"书架数据已损坏，已移至 {target.name}；请重新加入报告",
        f"the shelf's database was damaged and was moved to {target.name}; add the reports again",
    )
    return Opened(conn, in_memory=False, notices=[notice])


def close_quietly(conn: sqlite3.Connection) -> None:
    with contextlib.suppress(sqlite3.Error):
        conn.close()
