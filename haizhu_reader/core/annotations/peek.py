"""Whether a report has annotations, by a quick read-only look at the file.

The window draws annotations on its first paint, so it opens the store before
then if the report has any. Most starts find none, and this look (``sqlite3``
only, a millisecond) spares them loading the store, its checks and the
anchoring code before the report is on screen.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

# The live annotations of the report whose content hash is the one parameter
# (the store reads them through the same clause).
LIVE_OF_REPORT = (
    "FROM annotations a JOIN reports r ON r.id = a.report_id "
    "WHERE r.content_hash = ? AND a.deleted IS NULL"
)


def has_annotations(db: Path, content_hash: str) -> bool:
    """False only when ``db`` surely holds none for the report: there is no such
    file, or a read-only query finds none. Any doubt (an error, a damaged or
    newer file) is True: the store then opens the file and deals with it."""
    if not db.exists():
        return False
    if not db.is_file():
        return True  # a folder or a FIFO (which SQLite would wait on): the store says so
    try:
        uri = f"{db.resolve().as_uri()}?mode=ro"  # percent-encoded: any name is safe
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
            row = conn.execute(f"SELECT EXISTS (SELECT 1 {LIVE_OF_REPORT})", (content_hash,))
            return bool(row.fetchone()[0])
    except (sqlite3.Error, OSError, ValueError):
        return True
