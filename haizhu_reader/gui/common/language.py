"""The interface language: Simplified Chinese (the source strings) or English.

UI strings are written in Chinese and go through ``self.tr()`` or
``QCoreApplication.translate()``. English comes from
``haizhu_reader/translations/haizhu_reader_en.qm``, which the build compiles from
the ``.ts`` beside it (``packaging/translations.py``); Qt's own strings (dialog
buttons, line-edit menus) come from Qt's ``qtbase_*.qm``.

The core stays Qt-free and carries both languages in its messages
(``ReportError.zh``/``.en``); ``pick`` and ``bilingual`` are the one place that
chooses between them, by the catalogue actually installed.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from haizhu_reader import resources

CHINESE = "zh_CN"
ENGLISH = "en"
AUTO = "auto"  # follow the system (Settings.language() holds one of these three)
CATALOGUE = "haizhu_reader_en.qm"


def resolve(choice: str, system: Sequence[str]) -> str:
    """CHINESE or ENGLISH for a setting or ``--lang`` value ("zh" is CHINESE).

    AUTO (or anything unknown) follows ``system``, the system's preferred UI
    languages (``QLocale.system().uiLanguages()``): English when the first is not
    Chinese. A locale that names no language (C/POSIX, as on servers and in CI)
    keeps the default, Chinese.
    """
    if choice in (CHINESE, "zh"):
        return CHINESE
    if choice == ENGLISH:
        return ENGLISH
    first = system[0].replace("-", "_").lower() if system else "c"
    if first in ("c", "posix") or first.startswith("zh"):
        return CHINESE
    return ENGLISH


def system_languages() -> list[str]:
    return QLocale.system().uiLanguages()


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's catalogue and, for English, the app's; returns what was installed.

    A missing catalogue is not fatal: the window then shows the Chinese source
    strings (a source checkout that was never built says so on stderr).
    """
    installed: list[QTranslator] = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    if language == ENGLISH:
        own = QTranslator(app)
        path = resources.file_path("translations", CATALOGUE)
        if path is not None and own.load(str(path)):
            installed.append(own)
        else:
            print(
                f"haizhu-reader: no English catalogue ({CATALOGUE} is built by "
                "`pip install -e .` or `python packaging/translations.py`); showing Chinese",
                file=sys.stderr,
            )
    for translator in installed:
        app.installTranslator(translator)
    return installed


def ui_language() -> str:
    """ENGLISH when the English catalogue is installed, else CHINESE."""
    code = QCoreApplication.translate(
        "language", "zh_CN", "the interface language's code: en in the English catalogue"
    )
    return ENGLISH if code == ENGLISH else CHINESE


def pick(zh: str, en: str) -> str:
    """The half of a bilingual core message in the interface language."""
    return en if ui_language() == ENGLISH else zh


def bilingual(zh: str, en: str) -> tuple[str, str]:
    """(text, detail) for a message box: the interface language first, the other below."""
    return (en, zh) if ui_language() == ENGLISH else (zh, en)
