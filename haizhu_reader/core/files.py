"""Reading a user's file without hanging on it or reading it without end.

A report, an annotations import, a cached parse and a search index's files are
read through ``read_regular``: only a regular file is read, and never more than
the caller's limit plus one byte (so it can say "too big"). A FIFO would block
the open and the read until some writer came; ``/dev/zero`` never ends, and its
``st_size`` of 0 passed every size check before it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotRegularFileError(OSError):
    """The path is a folder, a pipe, a device or a socket, not a file to read."""

    def __init__(self, path: Path, mode: int) -> None:
        self.folder = stat.S_ISDIR(mode)
        what = "a folder" if self.folder else "a device, a pipe or a socket"
        super().__init__(f"{path} is {what}, not a regular file")
        self.path = path

    @property
    def what_zh(self) -> str:
        return "文件夹" if self.folder else "设备、管道或套接字"

    @property
    def what_en(self) -> str:
        return "a folder" if self.folder else "a device, a pipe or a socket"


def check_regular(path: Path) -> os.stat_result:
    """``path``'s status (following links); ``NotRegularFileError`` unless a regular file."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFileError(path, st.st_mode)
    return st


def read_regular(path: Path, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of the regular file ``path``, from its start.

    Raises ``NotRegularFileError`` for anything but a regular file (before opening
    it, and again on the open file, in case it was swapped meanwhile), and
    ``OSError`` as ``open`` does.
    """
    check_regular(path)
    # Non-blocking: should a FIFO appear at the path after the check, opening it
    # returns at once (and fstat refuses it) instead of waiting for a writer.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb", buffering=0) as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFileError(path, st.st_mode)
        want = limit + 1
        parts: list[bytes] = []
        got = 0
        while got < want:
            chunk = f.read(min(want - got, max(st.st_size + 1 - got, 1 << 16)))
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
    return parts[0] if len(parts) == 1 else b"".join(parts)
