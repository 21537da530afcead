"""Putting files on the shelf: parsed in background processes, refused one by one.

``files_to_add(paths)`` expands folders (recursively, report files only: .txt,
.md, .markdown) and keeps files named on their own whatever their ending (the
parser decides). ``ShelfAdder`` parses them in a pool of processes (all cores:
a parse is pure Python and holds the GIL), each worker reading one file and
returning what the shelf keeps of it (``store.ReportRecord``: its description,
texts and index tokens) or why it is refused; the caller's thread writes each
report to the store as it arrives, one transaction each. The workers run at a
lower priority than the reader itself, so its window stays responsive. A bad file is refused
with its reason and the rest go on. ``cancel()`` stops the batch: the reports
already written stay on the shelf, the rest are left out.

The workers are started with ``spawn`` on every platform: forking a process that
runs Qt threads is unsafe, and a frozen build can only spawn (``app.main`` calls
``multiprocessing.freeze_support()`` first thing, for PyInstaller). The worker's
entry, ``read_record``, is a plain function of this module, which imports no Qt.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from haizhu_reader.core.library.store import Added, LibraryStore, ReportRecord

REPORT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
# Files handed to the workers ahead of the results read back: keeps every core
# busy without holding a thousand parsed reports in memory at once.
_AHEAD_PER_WORKER = 4


@dataclass(frozen=True)
class Refused:
    """A file not put on the shelf, and why (in both languages)."""

    path: Path
    zh: str
    en: str

    def __str__(self) -> str:
        return f"{self.zh}（{self.en}）"

    def to_json(self) -> dict[str, str]:
        return {"path": str(self.path), "reason": str(self)}


@dataclass
class AddSummary:
    """What a batch did: every file is in exactly one list (unless cancelled)."""

    added: list[Path] = field(default_factory=list)
    present: list[Path] = field(default_factory=list)  # already on the shelf
    relinked: list[Path] = field(default_factory=list)  # on it, its file found here again
    refused: list[Refused] = field(default_factory=list)
    cancelled: bool = False
    total: int = 0

    @property
    def done(self) -> int:
        return len(self.added) + len(self.present) + len(self.relinked) + len(self.refused)

    def to_json(self) -> dict[str, Any]:
        """The ``--library-add`` summary."""
        return {
            "added": [str(p) for p in self.added],
            "already_there": [str(p) for p in self.present + self.relinked],
            "refused": [r.to_json() for r in self.refused],
            "cancelled": self.cancelled,
        }


def files_to_add(paths: Iterable[Path]) -> tuple[list[Path], list[Refused]]:
    """The files ``paths`` stand for (folders walked, report files only), and the paths
    that are none (missing, unreadable folders)."""
    files: list[Path] = []
    refused: list[Refused] = []
    seen: set[str] = set()

    def take(p: Path) -> None:
        p = p.absolute()  # the shelf finds it again from any working folder
        key = os.path.normcase(p)
        if key not in seen:
            seen.add(key)
            files.append(p)

    for path in paths:
        try:
            is_dir, is_file = path.is_dir(), path.is_file()
        except OSError as e:
            refused.append(Refused(path, f"无法读取：{e.strerror}", f"cannot read: {e.strerror}"))
            continue
        if is_file:
            take(path)
        elif is_dir:
            errors: list[OSError] = []
            for folder, dirs, names in os.walk(path, onerror=errors.append):
                dirs.sort()
                for name in sorted(names):
                    if Path(name).suffix.lower() in REPORT_SUFFIXES and not name.startswith("."):
                        take(Path(folder) / name)
            for err in errors:
                where = Path(err.filename) if err.filename else path
                reason = err.strerror
                zh, en = f"无法打开文件夹：{reason}", f"cannot open: {reason}"
                refused.append(Refused(where, zh, en))
        else:
            refused.append(Refused(path, "找不到文件或文件夹", "no such file or folder"))
    return files, refused


def read_record(path: str) -> ReportRecord | Refused:
    """A worker's work: the file at ``path`` as the shelf keeps it, or why not.

    Runs in a spawned process; takes and returns only picklable values.
    """
    from haizhu_reader.core.errors import ReportError
    from haizhu_reader.core.library.store import record_of
    from haizhu_reader.core.parse import load_report

    where = Path(path)
    try:
        return record_of(load_report(where), where)
    except ReportError as e:
        return Refused(where, e.zh, e.en)
    except Exception as e:  # a parser bug: this file is refused, the batch goes on
        error = ReportError.unexpected(e)
        return Refused(where, error.zh, error.en)


def lower_priority() -> None:
    """A worker's first act: yield the CPU to the reader's own process (its window must
    not stall while every core parses). Below normal on Windows, nice 10 elsewhere."""
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = 0x4000
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(10)
    except (OSError, AttributeError):
        pass  # not allowed, or no such call: parse at the normal priority


def worker_count() -> int:
    """Every core (at least one)."""
    return max(1, os.cpu_count() or 1)


Progress = Callable[[AddSummary, Path | None], None]


class ShelfAdder:
    """Adds files to ``store`` (see the module docstring); ``run`` blocks until done.

    ``progress(summary, path)`` is called (on the calling thread) after each file
    with the summary so far and the file just handled (None once at the start).
    ``cancel()`` may be called from any thread.
    """

    def __init__(
        self,
        store: LibraryStore,
        paths: Iterable[Path],
        *,
        progress: Progress | None = None,
        workers: int | None = None,
    ) -> None:
        self._store = store
        self._paths = list(paths)
        self._progress = progress
        self._workers = workers or worker_count()
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def run(self) -> AddSummary:
        files, refused = files_to_add(self._paths)
        summary = AddSummary(refused=list(refused), total=len(files) + len(refused))
        self._tell(summary, None)
        if files and not self.cancelled:
            self._parse_all(files, summary)
        summary.cancelled = self.cancelled
        if summary.added:
            self._store.checkpoint()
        return summary

    def _tell(self, summary: AddSummary, path: Path | None) -> None:
        if self._progress is not None:
            self._progress(summary, path)

    def _parse_all(self, files: list[Path], summary: AddSummary) -> None:
        workers = min(self._workers, len(files))
        context = multiprocessing.get_context("spawn")
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=context, initializer=lower_priority
        )
        pending: dict[Future[ReportRecord | Refused], Path] = {}
        queue = iter(files)
        try:
            while not self._cancelled.is_set():
                while len(pending) < workers * _AHEAD_PER_WORKER:
                    path = next(queue, None)
                    if path is None:
                        break
                    pending[pool.submit(read_record, str(path))] = path
                if not pending:
                    break
                finished, _ = wait(list(pending), timeout=0.2, return_when=FIRST_COMPLETED)
                for future in finished:
                    path = pending.pop(future)
                    if self._cancelled.is_set():
                        break
                    self._take(path, future, summary)
                    self._tell(summary, path)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _take(
        self, path: Path, future: Future[ReportRecord | Refused], summary: AddSummary
    ) -> None:
        try:
            result = future.result()
        except Exception as e:  # the worker died (out of memory, killed)
            summary.refused.append(
                Refused(path, f"解析进程出错：{e!r}", f"the parsing process failed: {e!r}")
            )
            return
        if isinstance(result, Refused):
            summary.refused.append(result)
            return
        outcome = self._store.add(result)
        {
            Added.ADDED: summary.added,
            Added.PRESENT: summary.present,
            Added.RELINKED: summary.relinked,
        }[outcome].append(path)
