"""Starting background jobs safely from the GUI.

Two hazards of Python jobs on Qt's thread pool, handled here once:

* A job reports back through a ``QObject`` it holds (``job.signals``). If the
  pane that started it is deleted while it runs (a window closed), that object
  would go with it and the pool thread would emit on freed memory. ``start``
  keeps every job alive until it is done; finished jobs are dropped, on the
  GUI thread, at the next start.
* Python's cyclic garbage collector runs in whichever thread happens to
  allocate. A collection in a pool thread may free the last reference to a
  widget that sat in a reference cycle, and a widget destroyed off the GUI
  thread crashes the process. ``gc_paused`` keeps the collector off while a
  job allocates (index builds allocate a lot); it runs again, on the GUI
  thread, once no job is inside it.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

_running: list[QRunnable] = []
_lock = threading.Lock()
_paused = 0
_was_enabled = False


def start(job: QRunnable) -> None:
    """Run ``job`` on the global pool, holding it (and its signals) until it is done.

    ``job`` sets ``job.done = True`` as the last thing its ``run`` does.
    """
    _running[:] = [j for j in _running if not getattr(j, "done", False)]
    _running.append(job)
    QThreadPool.globalInstance().start(job)


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


class _WriteSignals(QObject):
    done = Signal(object, int)  # path, what the job counts (bytes, annotations…)
    failed = Signal(object, str, str)  # path, message in the interface language, detail


class WriteFileJob(QRunnable):
    """Makes a file's bytes and writes them whole or not at all, off the GUI thread.

    ``make()`` returns the bytes and the number ``signals.done`` reports with the
    path; an ``OSError`` from making or writing reaches ``signals.failed``.
    Start it with ``start``.
    """

    def __init__(self, path: Path, make: Callable[[], tuple[bytes, int]]) -> None:
        super().__init__()
        self.signals = _WriteSignals()
        self._path = path
        self._make = make
        self.done = False

    def run(self) -> None:
        try:
            with gc_paused():
                self._run()
        finally:
            self.done = True

    def _run(self) -> None:
        try:
            from haizhu_reader.core.files import write_atomically  # not at start-up

            data, count = self._make()
            write_atomically(self._path, data)
        except OSError as e:
            # translate() is thread-safe; the message is in the interface language.
            text = QCoreApplication.translate("jobs", "无法写入文件：%1（%2）")
            reason = e.strerror or str(e) or type(e).__name__
            self.signals.failed.emit(
                self._path, text.replace("%1", str(self._path)).replace("%2", reason), str(e)
            )
        else:
            self.signals.done.emit(self._path, count)
