"""Writing a file whole or not at all: every export and every CSV goes through here."""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (a failed export never leaves half a file).

    The file gets the permissions a plain write would give it: those of the file
    it replaces, else the umask's (mkstemp's own 0600 would hide a handout from
    the colleagues it was exported for).
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):  # e.g. a file system without permissions
            Path(tmp).chmod(mode)
        Path(tmp).replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink()
        raise


@functools.cache
def _umask() -> int:
    """The process's umask (reading it means setting it; put straight back; once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
