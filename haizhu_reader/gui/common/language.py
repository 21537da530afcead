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


class QtCatalogue(QTranslator):
    """Qt's own catalogue (``qtbase_*.qm``), also for strings Qt gave a mnemonic since.

    Qt 6.12 labels its file dialog ``&Look in:`` and ``Files of &type:`` (and its
    print dialog ``Page &Set:``), while the ``qtbase_zh_CN.qm`` PySide6 ships
    still has them as ``Look in:`` and ``Files of type:``: the Chinese dialogs
    were half English. A string with a mnemonic that the catalogue lacks is
    looked up without it, and the mnemonic is put back the Chinese way:
    ``查找范围(&L)：``.
    """

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        """The translation, or None when there is none: Qt then asks the next
        catalogue, and shows the source text if none has it. (An empty string from
        Python is not Qt's null string: it would be shown, as an empty label.)"""
        look_up = super().translate  # by another name: lupdate reads translate() calls
        found = look_up(context, source_text, disambiguation, n)
        if found:
            return found
        at = source_text.find("&")
        key = source_text[at + 1 : at + 2]
        if at < 0 or not key.isalnum():  # "&&" is a literal ampersand
            return None
        plain = source_text[:at] + source_text[at + 1 :]
        found = look_up(context, plain, disambiguation, n)
        return with_mnemonic(found, key) if found else None


def with_mnemonic(text: str, key: str) -> str:
    """``text`` with the mnemonic ``(&K)`` before its closing colon or ellipsis, as Qt's
    Chinese catalogue writes them (文件名称(&N)：); unchanged if it has one already."""
    if "&" in text:
        return text
    mark = f"(&{key.upper()})"
    for tail in ("：", ":", "…", "..."):
        if text.endswith(tail):
            return text[: -len(tail)] + mark + tail
    return text + mark


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install Qt's catalogue and, for English, the app's; returns what was installed.

    A missing catalogue is not fatal: the window then shows the Chinese source
    strings (a source checkout that was never built says so on stderr).
    """
    installed: list[QTranslator] = []
    qt = QtCatalogue(app)
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
