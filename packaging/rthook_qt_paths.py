"""PyInstaller runtime hook: point Qt at the bundle's plugins, without loading Qt.

Replaces PyInstaller's own PySide6 hook, which imports PySide6.QtCore at start-up
(to register an embedded qt.conf) and so made every headless command
(--dump-structure, --search) load Qt and ICU (~35 MB) it does not use. The
PySide6 wheels' Qt is relocatable: it finds its prefix (plugins, translations)
from libQt6Core's own location, which the one-folder layout keeps.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _qt_paths() -> None:
    base = Path(getattr(sys, "_MEIPASS", ""))
    qt = base / "PySide6" if sys.platform == "win32" else base / "PySide6" / "Qt"
    os.environ["QT_PLUGIN_PATH"] = str(qt / "plugins")


_qt_paths()
