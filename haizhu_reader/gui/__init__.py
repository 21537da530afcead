"""The Qt shell: the main window, its panes and the launcher.

Importing this package applies one work-around before any widget exists (see
``_guard_none_refcount``) and switches off Python's automatic cycle collector:
in the GUI process it runs from a timer on the GUI thread instead (see
``launch.collect_garbage_on_gui_thread`` for why). Switching it off this early
also spares start-up ~50 ms of collection passes while PySide6 creates its
types and enums, hundreds of thousands of objects none of which is garbage.
"""

from __future__ import annotations

import gc
import sys

gc.disable()


def _guard_none_refcount() -> bool:
    """Keep PySide6 from freeing ``None`` on Python 3.11.

    PySide6-Essentials 6.12.0 (the abi3 wheel) returns ``None`` from every
    void C++ wrapper (``widget.resize()``, ``cursor.insertText()``...) without
    taking a reference, and mishandles ``True``/``False`` somewhere similar.
    Python 3.12+ makes these singletons immortal, so nothing happens there; on
    3.11 each call drops a reference count by one and after a few thousand
    calls the interpreter aborts ("none_dealloc: deallocating None",
    "bool_dealloc"). We detect the leak with a probe and, only if it is there,
    give the three singletons the effectively infinite count that 3.12 gives
    them. Returns whether the guard was applied.
    """
    if sys.version_info >= (3, 12):
        return False
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    if sys.getrefcount(None) >= before:
        return False
    import ctypes

    # ob_refcnt is the first field of every object in release builds of CPython.
    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        refcount.value += 1 << 48
    return True


NONE_GUARDED = _guard_none_refcount()
