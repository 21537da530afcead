"""Qt's own strings in the Chinese interface: file dialogs, message boxes, print dialogs."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QObject, Qt, QTranslator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from haizhu_reader.gui.common import language

SPEC = Path(__file__).parents[3] / "packaging" / "haizhu-reader.spec"
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[list[QTranslator]]:
    installed = language.install(qapp, language.CHINESE)
    yield installed
    for translator in installed:
        qapp.removeTranslator(translator)


def _texts(widget: QWidget) -> set[str]:
    """Every text the user can read in ``widget``: labels, buttons, actions, tips,
    combo entries and column headers."""
    out: set[str] = set()
    for obj in [widget, *widget.findChildren(QObject)]:
        for name in ("text", "toolTip", "windowTitle", "title", "placeholderText"):
            read = getattr(obj, name, None)
            if callable(read):
                try:
                    value = read()
                except TypeError:
                    continue
                if isinstance(value, str):
                    out.add(value)
        if isinstance(obj, QComboBox):
            out |= {obj.itemText(i) for i in range(obj.count())}
        if isinstance(obj, QAbstractItemView) and obj.model() is not None:
            model = obj.model()
            for column in range(model.columnCount()):
                header = model.headerData(column, Qt.Orientation.Horizontal)
                if isinstance(header, str):
                    out.add(header)
    return {t for t in out if t}


def _english(texts: set[str]) -> list[str]:
    """The texts in English (a folder's path is not a word to translate)."""
    words = (t for t in texts if not t.startswith(("/", str(Path.home()))))
    return sorted(t for t in words if ENGLISH_WORD.search(t) and not CJK.search(t))


def _file_dialog(mode: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(None, "报告", str(Path.home()), "报告文本 (*.txt)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    return dialog


_KEPT: list[object] = []  # a print dialog does not own its printer, nor a menu its edit


def _printer() -> QPrinter:
    _KEPT.append(QPrinter())
    return _KEPT[-1]  # type: ignore[return-value]


def _edit_menu() -> QWidget:
    edit = QLineEdit()
    _KEPT.append(edit)
    return edit.createStandardContextMenu()


def test_qts_chinese_catalogue_ships_with_pyside6() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_zh_CN.qm").is_file()


def test_the_frozen_build_keeps_qts_chinese_catalogue() -> None:
    """The spec drops Qt's other translations: qtbase_zh_CN.qm must stay in the bundle."""
    match = re.search(r'KEEP_TRANSLATIONS = re\.compile\(r"([^"]+)"\)', SPEC.read_text("utf-8"))
    assert match, "KEEP_TRANSLATIONS in the spec"
    assert re.match(match[1], "qtbase_zh_CN.qm")


@pytest.mark.parametrize(
    "make",
    [
        lambda: _file_dialog(QFileDialog.AcceptMode.AcceptOpen),
        lambda: _file_dialog(QFileDialog.AcceptMode.AcceptSave),
        lambda: QMessageBox(
            QMessageBox.Icon.Question,
            "批注",
            "？",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
            | QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Ok,
        ),
        lambda: QPrintDialog(_printer()),
        lambda: QPrintPreviewDialog(_printer()),
        lambda: _edit_menu(),
    ],
    ids=["open", "save", "message", "print", "preview", "edit-menu"],
)
def test_qts_dialogs_are_chinese_in_the_chinese_interface(
    qtbot: QtBot, chinese: list[QTranslator], make: Callable[[], QWidget]
) -> None:
    """Half English was `Look in:` and `Files of type:`: Qt 6.12 gave them mnemonics
    (`&Look in:`, `Files of &type:`) that the qtbase_zh_CN.qm it ships lacks."""
    widget = make()
    qtbot.addWidget(widget)
    widget.show()
    english = _english(_texts(widget))
    assert not english, english
    if isinstance(widget, QFileDialog):
        labels = {label.objectName(): label.text() for label in widget.findChildren(QLabel)}
        assert labels["lookInLabel"] == "查找范围(&L)："
        assert labels["fileTypeLabel"] == "文件类型(&T)："
    widget.hide()


def test_a_translation_found_without_its_mnemonic_gets_it_back(
    chinese: list[QTranslator],
) -> None:
    translate = QCoreApplication.translate
    assert translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert translate("QFileDialog", "File &name:") == "文件名称(&N)："  # the catalogue's own
    assert translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
    assert translate("QFileDialog", "No &such string at all") == "No &such string at all"
    assert translate("QFileDialog", "Look in:") == "查找范围："
    # What Qt's catalogue does not have is the source text, as without it.
    assert translate("launch", "海珠报告阅读器") == "海珠报告阅读器"
    assert translate("QFileDialog", "Tom && Jerry") == "Tom && Jerry"
