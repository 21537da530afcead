"""Help › 关于: version, purpose, and licences that match what is really bundled."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from importlib import metadata, resources
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from haizhu_reader import __version__
from haizhu_reader import resources as app_resources
from haizhu_reader.gui.help.about_dialog import (
    AboutDialog,
    Component,
    components,
    installed_version,
)
from haizhu_reader.gui.window.mainwindow import MainWindow

ROOT = Path(__file__).resolve().parents[3]

# Each bundled distribution, the licence the dialog states, and what its own metadata
# says (License-Expression, else License, else the classifier).
BUNDLED = {
    "PySide6_Essentials": ("PySide6 / Shiboken6", "LGPL-3.0-only"),
    "shiboken6": ("PySide6 / Shiboken6", "LGPL-3.0-only"),
    "Whoosh-Reloaded": ("Whoosh (whoosh-reloaded)", "BSD-2-Clause"),
    "cached-property": ("cached-property", "BSD-3-Clause"),
    "pypinyin": ("pypinyin", "MIT"),
    "python-docx": ("python-docx", "MIT"),
    "lxml": ("lxml", "BSD-3-Clause"),
    "typing_extensions": ("typing_extensions", "PSF-2.0"),
}
# How the packages' free-text License fields name those licences.
SPDX = {
    "Two-clause BSD license": "BSD-2-Clause",
    "MIT": "MIT",
    "BSD-3-Clause": "BSD-3-Clause",
    "PSF-2.0": "PSF-2.0",
}


@pytest.fixture
def dialog(qtbot: QtBot) -> Iterator[AboutDialog]:
    d = AboutDialog()
    qtbot.addWidget(d)
    yield d


def _by_name() -> dict[str, Component]:
    return {c.name: c for c in components()}


def _runtime_requirements(dist: str, seen: set[str]) -> None:
    """``dist`` and everything it needs at run time, by normalised name."""
    key = re.sub(r"[-_.]+", "-", dist).lower()
    if key in seen:
        return
    seen.add(key)
    for requirement in metadata.requires(dist) or []:
        if ";" in requirement:  # an extra, or an old Python only
            continue
        name = re.split(r"[<>=!~ \[(]", requirement, maxsplit=1)[0]
        _runtime_requirements(name, seen)


def test_every_runtime_dependency_is_listed() -> None:
    """The dialog names every distribution the app pulls in (a new dependency fails here)."""
    seen: set[str] = set()
    _runtime_requirements("haizhu-reader", seen)
    seen.discard("haizhu-reader")
    listed = {re.sub(r"[-_.]+", "-", d).lower() for d in BUNDLED}
    assert seen == listed


@pytest.mark.parametrize("dist", sorted(BUNDLED))
def test_stated_licence_matches_the_package_metadata(dist: str) -> None:
    name, spdx = BUNDLED[dist]
    assert _by_name()[name].licence == spdx
    meta = metadata.metadata(dist)
    declared = (meta.get_all("License-Expression") or meta.get_all("License") or [""])[0]
    if dist in ("PySide6_Essentials", "shiboken6"):
        # Offered as LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only; the app takes the LGPL.
        assert spdx in declared.split(" OR ")
    elif declared == "BSD":  # which BSD: the third clause says
        third = "Neither the name" in app_resources.licence_text(_by_name()[name].texts[0])
        assert spdx == ("BSD-3-Clause" if third else "BSD-2-Clause")
    else:
        assert SPDX[declared] == spdx


@pytest.mark.parametrize(
    ("name", "dist", "shipped"),
    [
        ("Whoosh (whoosh-reloaded)", "Whoosh-Reloaded", "LICENSE.txt"),
        ("cached-property", "cached-property", "LICENSE"),
        ("pypinyin", "pypinyin", "LICENSE.txt"),
        ("python-docx", "python-docx", "LICENSE"),
        ("lxml", "lxml", "LICENSE.txt"),
        ("typing_extensions", "typing_extensions", "LICENSE"),
    ],
)
def test_shipped_licence_text_is_the_packages_own(name: str, dist: str, shipped: str) -> None:
    files = [f for f in metadata.files(dist) or [] if f.name == shipped and "dist-info" in str(f)]
    assert files, f"{dist} ships no {shipped}"
    own = files[0].read_text(encoding="utf-8")
    ours = app_resources.licence_text(_by_name()[name].texts[0])
    assert own.strip() in ours


def test_python_licence_is_the_interpreters() -> None:
    own = Path(sys.base_prefix, "lib", f"python{sys.version_info[0]}.{sys.version_info[1]}")
    licence = own / "LICENSE.txt"
    if not licence.is_file():
        pytest.skip("this Python does not install its LICENSE.txt")
    assert "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in app_resources.licence_text(
        "PSF-2.0.txt"
    )
    assert licence.read_text(encoding="utf-8") == app_resources.licence_text("PSF-2.0.txt")


def test_the_windows_installers_licence_is_named() -> None:
    """The installer is made with Inno Setup and speaks its user-contributed Chinese."""
    inno = _by_name()["Inno Setup（Windows 安装程序）"]
    assert inno.texts == ("InnoSetup.txt",) and "ChineseSimplified.isl" in inno.note
    text = app_resources.licence_text("InnoSetup.txt")
    assert text.startswith("Inno Setup License") and "Jordan Russell" in text


def test_full_gnu_texts_are_bundled() -> None:
    lgpl = app_resources.licence_text("LGPL-3.0.txt")
    gpl = app_resources.licence_text("GPL-3.0.txt")
    assert lgpl.lstrip().startswith("GNU LESSER GENERAL PUBLIC LICENSE")
    assert "Version 3, 29 June 2007" in lgpl and "Version 3, 29 June 2007" in gpl
    assert gpl.lstrip().startswith("GNU GENERAL PUBLIC LICENSE")
    assert "END OF TERMS AND CONDITIONS" in gpl and len(gpl) > 30000
    assert "Version 2.1, February 1999" in app_resources.licence_text("LGPL-2.1.txt")


def test_every_shipped_text_is_used_and_every_used_text_shipped() -> None:
    folder = resources.files("haizhu_reader").joinpath("data", "licenses")
    shipped = {p.name for p in folder.iterdir() if p.name.endswith(".txt")}
    used = {t for c in components() for t in c.texts}
    assert shipped == used


def test_the_licence_texts_are_package_data() -> None:
    """pyproject.toml puts data/licenses/ in the wheel (the PyInstaller spec collects it)."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"data/licenses/*"' in text


def test_versions_are_the_installed_ones() -> None:
    by_name = _by_name()
    assert by_name["海珠报告阅读器"].version == __version__
    assert by_name["pypinyin"].version == metadata.version("pypinyin")
    assert by_name["lxml"].version == metadata.version("lxml")
    assert installed_version("no-such-distribution", "no_such_module") == ""


def test_the_dialog_says_what_and_which_version(dialog: AboutDialog) -> None:
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert any(f"版本 {__version__}" in t and "离线阅读政府工作报告" in t for t in labels)
    assert "GPL-3.0-or-later" in dialog.licence_shown()
    assert "GNU GENERAL PUBLIC LICENSE" in dialog.licence_shown()


def test_qt_entry_says_how_to_get_the_source_and_replace_the_libraries(
    dialog: AboutDialog,
) -> None:
    row = next(i for i, c in enumerate(dialog.components()) if c.name == "Qt")
    dialog.select(row)
    shown = dialog.licence_shown()
    assert "LGPL-3.0" in shown
    assert "https://download.qt.io/" in shown and "code.qt.io" in shown
    assert "替换" in shown  # the libraries can be replaced
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in shown
    assert "GNU GENERAL PUBLIC LICENSE" in shown  # LGPL-3.0 is read with the GPL-3.0


def test_the_font_is_not_bundled(dialog: AboutDialog) -> None:
    row = next(i for i, c in enumerate(dialog.components()) if c.name == "中文字体")
    dialog.select(row)
    assert "不带字体" in dialog.licence_shown()
    assert not dialog.components()[row].texts


def test_help_about_opens_it(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    shown: list[QWidget | None] = []
    monkeypatch.setattr(AboutDialog, "show_about", classmethod(lambda cls, p: shown.append(p)))
    w = MainWindow()
    qtbot.addWidget(w)
    w.make_panes()  # as right after the first paint: the menus' items
    help_menu = w.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    about = next(a for a in help_menu.actions() if a.text() == "关于(&A)")
    about.trigger()
    assert shown == [w]
