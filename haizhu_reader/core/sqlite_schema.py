"""What the reader's two SQLite files (the annotations, the shelf) share: running their
schema migrations (``PRAGMA user_version``) and telling a damaged file from other errors."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

# The result codes of a file that is not a (sound) database.
CORRUPT_CODES = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


def error_code(e: sqlite3.Error) -> int:
    """SQLite's primary result code for ``e`` (0 when unknown)."""
    return int(getattr(e, "sqlite_errorcode", 0)) & 0xFF


def migrate(conn: sqlite3.Connection, migrations: Sequence[Sequence[str]], version: int) -> None:
    """Run ``migrations[version:]``, each step in its own transaction that also sets
    ``user_version`` to the step's number: a step that fails leaves the file as it was."""
    for n in range(version, len(migrations)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in migrations[n]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {n + 1}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
