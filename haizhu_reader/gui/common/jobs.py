"""Work off the GUI thread: one job shape for every worker, started safely.

``Job(work, key)`` runs ``work()`` on Qt's global thread pool and reports back
on the GUI thread through ``job.signals``: ``done(key, result)`` with what
``work`` returned, or ``failed(key, error)`` with the exception it raised (a
bug must not leave a pane waiting forever). ``key`` says which request the
job answers (a generation, a path), so a receiver can drop an answer it no
longer wants; ``cancel()`` before the job starts makes it do and say nothing.
``write_file`` is the job that writes an export.

Two hazards of Python jobs on Qt's thread pool, handled here once:

* A job reports back through a ``QObject`` it holds (``job.signals``). If the
  pane that started it is deleted while it runs (a window closed), that object
  would go with it and the pool thread would emit on freed memory. ``start``
  keeps every job alive until it is done; finished jobs are dropped, on the
  GUI thread, at the next start.
* Python's cyclic garbage collector runs in whichever thread happens to
  allocate. A collection in a pool thread may free the last reference to a
  widget that sat in a reference cycle, and a widget destroyed off the GUI
  thread crashes the process. Every job runs with the collector paused
  (``gc_paused``; index builds allocate a lot); it runs again, on the GUI
  thread, once no job is inside it.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

_running: list[Job] = []
_lock = threading.Lock()
_paused = 0
_was_enabled = False


class JobSignals(QObject):
    done = Signal(object, object)  # the job's key, what its work returned
    failed = Signal(object, object)  # the job's key, the exception its work raised


class Job(QRunnable):
    """``work()`` on a pool thread, answered by ``signals.done`` or ``signals.failed``.

    Start it with ``start``. Receivers are slots of objects on the GUI thread, so
    the answer arrives there, queued.
    """

    def __init__(self, work: Callable[[], object], key: object = None) -> None:
        super().__init__()
        self.signals = JobSignals()
        self._work = work
        self._key = key
        self.finished = False  # set last, on the pool thread: ``start`` may drop it
        self._cancelled = False  # set on the GUI thread

    def cancel(self) -> None:
        """A job not yet started does nothing; one running reports as usual."""
        self._cancelled = True

    def run(self) -> None:
        try:
            if self._cancelled:
                return
            try:
                with gc_paused():
                    result = self._work()
            except Exception as e:
                self.signals.failed.emit(self._key, e)
            else:
                self.signals.done.emit(self._key, result)
        finally:
            self.finished = True


def start(job: Job, pool: QThreadPool | None = None) -> None:
    """Run ``job`` on ``pool`` (the global one by default), holding it (and its signals)
    until it is done. A job that runs for minutes (adding reports to the shelf) takes a
    pool of its own, so the global one's few threads stay free for the panes."""
    _running[:] = [j for j in _running if not j.finished]
    _running.append(job)
    (pool or QThreadPool.globalInstance()).start(job)


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while the block runs (in a pool thread).

    The collector's state is restored, not switched on: the app (and the test
    suite) keep automatic collection off and collect on the GUI thread, and a
    job must never turn it back on from a pool thread — the next allocation
    there would collect, and free widgets, off the GUI thread.
    """
    global _paused, _was_enabled
    with _lock:
        _paused += 1
        if _paused == 1:
            _was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()


def write_file(path: Path, make: Callable[[], tuple[bytes, int]]) -> Job:
    """A job that makes a file's bytes and writes them whole or not at all.

    ``make()`` returns the bytes and a number (bytes, annotations…) that
    ``done(path, number)`` reports; ``failed(path, error)`` says why not
    (``write_error`` words it).
    """

    def work() -> int:
        from haizhu_reader.core.files import write_atomically  # not at start-up

        data, count = make()
        write_atomically(path, data)
        return count

    return Job(work, key=path)


def write_error(path: Path, error: Exception) -> tuple[str, str]:
    """The message for a file not written, in the interface language, and its detail."""
    text = QCoreApplication.translate("jobs", "无法写入文件：%1（%2）")
    reason = (error.strerror if isinstance(error, OSError) else "") or str(error)
    reason = reason or type(error).__name__
    return text.replace("%1", str(path)).replace("%2", reason), str(error)
