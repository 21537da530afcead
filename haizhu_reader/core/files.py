"""A user's files, handled safely: read without hanging, written whole, never onto our own.

- Reading: a report, an annotations import, a cached parse and a search index's
  files are read through ``read_regular``: only a regular file is read, and never
  more than the caller's limit plus one byte (so it can say "too big"). A FIFO
  would block the open and the read until some writer came; ``/dev/zero`` never
  ends, and its ``st_size`` of 0 passed every size check before it.
- Writing: every export and every CSV is written by ``write_atomically``, whole or
  not at all.
- Where: every exporter asks ``check_target(path, own)`` before it writes, the
  headless commands (annotations, screenshot) and the window's save dialogs (PDF,
  annotations, figures CSV) alike. An export written onto the annotations
  database replaced it with Markdown, and the next start moved it aside as
  damaged: nothing was saved. So a target is refused when it lies inside one of
  the reader's own folders (data, cache, settings), or is one of the files of the
  annotations database in use (wherever it is, through any symbolic or hard
  link); or exists and is not a regular file: a device (writing replaced
  ``/dev/null``), a pipe, a socket or a folder.
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

# -- reading ------------------------------------------------------------------------------


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


# -- writing ------------------------------------------------------------------------------


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


# -- where an export may be written ---------------------------------------------------

# The files SQLite keeps beside a database.
_STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")


class TargetError(Exception):
    """An export target that must not be written; the message is bilingual."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh}（{en}）")
        self.zh = zh
        self.en = en


class OwnFiles(NamedTuple):
    """The reader's own folders and the store files in use, which no export may replace."""

    folders: tuple[Path, ...] = ()
    files: tuple[Path, ...] = ()

    @classmethod
    def of(cls, folders: Iterable[Path], store: Path | None) -> OwnFiles:
        """``folders``, and the annotations database ``store`` with its companion files."""
        files = () if store is None else tuple(Path(f"{store}{s}") for s in _STORE_SUFFIXES)
        return cls(tuple(folders), files)


def _key(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def check_target(path: Path, own: OwnFiles) -> None:
    """Raise ``TargetError`` if an export must not be written to ``path``."""
    target = _key(path)
    try:
        st: os.stat_result | None = path.stat()
    except OSError:
        st = None  # nothing there yet (or unreachable: the write will say so)
    for f in own.files:
        same = target == _key(f)
        if not same and st is not None:
            try:
                same = path.samefile(f)
            except OSError:
                same = False
        if same:
            raise TargetError(
                f"不能导出到 {path}：这是正在使用的批注数据文件，导出会把批注全部覆盖；请另选位置",
                f"cannot export to {path}: it is the annotations database in use, and an "
                "export would overwrite every annotation; choose another place",
            )
    for folder in own.folders:
        if _inside(target, _key(folder)):
            raise TargetError(
                f"不能导出到 {path}：它在阅读器自己的数据文件夹（{folder}）中，"
                "导出可能覆盖批注等数据；请另选位置",
                f"cannot export to {path}: it is inside the reader's own data folder "
                f"({folder}), where an export could overwrite your annotations; "
                "choose another place",
            )
    if st is not None and not stat.S_ISREG(st.st_mode):
        what_zh, what_en = ("设备或管道", "a device or a pipe")
        if stat.S_ISDIR(st.st_mode):
            what_zh, what_en = ("文件夹", "a folder")
        raise TargetError(
            f"不能导出到 {path}：这是{what_zh}，不是普通文件",
            f"cannot export to {path}: it is {what_en}, not a regular file",
        )
