"""The one module that knows where files live.

User data (annotations) goes to the platform's app-data folder, the search index
to the cache folder, settings to the config folder. ``--data-dir DIR`` puts all
three under DIR (tests and smoke tests use it so the real profile is never
touched).

Portable mode, for running from a USB stick: when a file named ``portable``
sits beside the executable of a frozen (PyInstaller) build, all three go under
``data/`` in that folder instead of the user profile. This is the one case in
which anything is written beside the executable, and only because the user
asked for it by creating the file; ``--data-dir`` still wins. Nothing is ever
written inside the package.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "haizhu-reader"
ORG_NAME = "haizhu-reader"
PORTABLE_MARKER = "portable"
PORTABLE_DATA = "data"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    cache_dir: Path
    config_dir: Path

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything below one folder (``--data-dir``, tests)."""
        root = root.expanduser().resolve()
        return cls(data_dir=root / "data", cache_dir=root / "cache", config_dir=root / "config")

    @classmethod
    def standard(cls) -> AppPaths:
        """The platform's locations, from QStandardPaths.

        Imported lazily so headless commands that never need Qt paths (and the
        pure core) don't pay for loading QtCore.
        """
        from PySide6.QtCore import QCoreApplication, QStandardPaths

        if not QCoreApplication.applicationName():
            QCoreApplication.setApplicationName(APP_NAME)
            QCoreApplication.setOrganizationName(ORG_NAME)
        loc = QStandardPaths.StandardLocation

        def where(kind: QStandardPaths.StandardLocation) -> Path:
            return Path(QStandardPaths.writableLocation(kind))

        return cls(
            data_dir=where(loc.AppLocalDataLocation),
            cache_dir=where(loc.CacheLocation),
            config_dir=where(loc.AppConfigLocation),
        )

    @property
    def index_dir(self) -> Path:
        """Whoosh indexes, one folder per report content hash."""
        return self.cache_dir / "index"

    @property
    def annotations_db(self) -> Path:
        return self.data_dir / "annotations.sqlite3"

    @property
    def library_db(self) -> Path:
        """The shelf: which reports are on this PC, and the index of their texts."""
        return self.data_dir / "library.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.ini"

    @property
    def own_folders(self) -> tuple[Path, Path, Path]:
        """The reader's own folders: no export may be written inside them."""
        return (self.data_dir, self.cache_dir, self.config_dir)


def portable_root() -> Path | None:
    """``<exe dir>/data`` when a frozen build runs with a ``portable`` file beside it.

    Only a frozen build counts: in a source checkout the interpreter is some
    venv's python, and a stray file beside it must not move anyone's notes.
    """
    if not getattr(sys, "frozen", False) or not sys.executable:
        return None
    exe_dir = Path(sys.executable).resolve().parent
    if (exe_dir / PORTABLE_MARKER).is_file():
        return exe_dir / PORTABLE_DATA
    return None


def resolve(data_dir: str | None) -> AppPaths:
    """Paths for this run: ``--data-dir`` if given, else portable mode's, else the platform's."""
    if data_dir:
        return AppPaths.under(Path(data_dir))
    portable = portable_root()
    if portable is not None:
        return AppPaths.under(portable)
    return AppPaths.standard()
