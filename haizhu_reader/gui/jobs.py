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
from collections.abc import Iterator

from PySide6.QtCore import QRunnable, QThreadPool

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
