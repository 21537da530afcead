"""Where an export may be written: never onto the reader's own files, never onto a device.

Every exporter asks ``check(path, own)`` before it writes, the headless commands
(annotations, screenshot) and the window's save dialogs (PDF, annotations,
figures CSV) alike. An export written onto the annotations database replaced it
with Markdown, and the next start moved it aside as damaged: nothing was saved.
So a target is refused when it

- lies inside one of the reader's own folders (data, cache, settings), or is one
  of the files of the annotations database in use (wherever it is, through any
  symbolic or hard link);
- exists and is not a regular file: a device (writing replaced ``/dev/null``), a
  pipe, a socket or a folder.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

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


def check(path: Path, own: OwnFiles) -> None:
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
