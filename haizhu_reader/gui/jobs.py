"""Starting background jobs whose signals outlive the window that started them.

A ``QRunnable`` reports back through a ``QObject`` it holds (``job.signals``).
If the pane that started it is deleted while the job runs (a window closed,
a test's window collected), that object would go with it and the pool thread
would emit on freed memory. ``start`` keeps every job alive until it has
finished emitting; finished jobs are dropped, on the GUI thread, at the next
start.
"""

from __future__ import annotations

from PySide6.QtCore import QRunnable, QThreadPool

_running: list[QRunnable] = []


def start(job: QRunnable) -> None:
    """Run ``job`` on the global pool, holding it (and its signals) until it is done.

    ``job`` sets ``job.done = True`` as the last thing its ``run`` does.
    """
    _running[:] = [j for j in _running if not getattr(j, "done", False)]
    _running.append(job)
    QThreadPool.globalInstance().start(job)
