"""Writing a file whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from haizhu_reader.core import files
from haizhu_reader.core.files import write_atomically


def test_an_export_gets_the_permissions_a_plain_write_would(tmp_path: Path) -> None:
    """mkstemp's 0600 made every export private; a replaced file keeps its mode."""
    mask = os.umask(0o022)
    files._umask.cache_clear()
    try:
        fresh = tmp_path / "handout.html"
        write_atomically(fresh, b"<p>1</p>")
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644
        shared = tmp_path / "shared.md"
        shared.write_bytes(b"old")
        shared.chmod(0o664)
        write_atomically(shared, b"new")
        assert stat.S_IMODE(shared.stat().st_mode) == 0o664 and shared.read_bytes() == b"new"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.html", "shared.md"]
    finally:
        os.umask(mask)
        files._umask.cache_clear()
