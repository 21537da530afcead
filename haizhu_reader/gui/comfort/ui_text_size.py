"""The interface's text size (View › 界面文字大小): the application's fonts, scaled.

Menus, docks, lists, tables, the status bar, dialogs and tooltips use the
application font (and, on some platforms, fonts of their own per widget class:
Windows gives menus, the status bar, message boxes and tooltips theirs), so
scaling those from the system's sizes reaches every widget that has no font of
its own; the reading view has one, and keeps its size.

Qt's Fusion style (Linux's) sizes a menu item for a fixed check column and its
text at the font's requested size, but draws the column in proportion to the
item's height and the text at the size the font matched: at a larger text size
the longest item of a menu was elided (跟随系…S)). ``_roomy_menus`` gives menu
items that room: measured, it grows by about 1.25 pixels for each pixel an item
is taller than at the standard size (none at 100%).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QToolTip

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QProxyStyle, QStyleOption, QWidget

# Widget classes the platform may give a font of their own (Qt's per-class fonts).
_CLASS_FONTS = (
    "QMenu", "QMenuBar", "QMessageBox", "QLabel", "QTipLabel", "QStatusBar",
    "QDockWidgetTitle", "QPushButton", "QCheckBox", "QRadioButton", "QToolButton",
    "QAbstractItemView", "QListView", "QHeaderView", "QTabBar", "QComboMenuItem",
    "QComboLineEdit", "QGroupBox",
)  # fmt: skip
_system_fonts: dict[str, QFont] = {}  # "" the default, as the platform gave them
_applied = [100]  # the size applied now, in percent

_MENU_ITEM_HEIGHT = 23  # pixels: a menu item up to this tall has the room it needs
_ROOM_PER_PIXEL = 1.25  # and one taller needs this much more width per pixel
_ROOMY = "roomy_menus"  # the object name of the style that gives them the room


def _roomy_menus() -> QProxyStyle:
    """The style as it is (Fusion), with menu items as wide as Fusion draws them.

    Made when first wanted: importing ``QStyle`` (and its many enums) costs start-up
    ~15 ms, and at the standard size the style is left alone.
    """
    from PySide6.QtWidgets import QProxyStyle, QStyle

    class RoomyMenus(QProxyStyle):
        def sizeFromContents(
            self,
            type: QStyle.ContentsType,
            option: QStyleOption,
            size: QSize,
            widget: QWidget | None = None,
            /,
        ) -> QSize:
            found = super().sizeFromContents(type, option, size, widget)  # type: ignore[arg-type]  # None is allowed (QStyle's stub says so)
            if type == QStyle.ContentsType.CT_MenuItem:
                taller = found.height() - _MENU_ITEM_HEIGHT
                found.setWidth(found.width() + max(0, math.ceil(taller * _ROOM_PER_PIXEL)))
            return found

    style = RoomyMenus("fusion")
    style.setObjectName(_ROOMY)
    return style


def _scaled(font: QFont, percent: int) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(round(font.pointSizeF() * percent / 100, 1))
    else:
        scaled.setPixelSize(round(font.pixelSize() * percent / 100))
    return scaled


def applied() -> int:
    """The interface's text size now, in percent."""
    return _applied[0]


def apply_ui_text_size(percent: int) -> None:
    """The interface's text at ``percent`` of the system's size, in every widget that
    does not have a font of its own (the reading view has)."""
    if not _system_fonts:  # the first time: the fonts as the platform set them
        _system_fonts[""] = QFont(QApplication.font())
        for name in _CLASS_FONTS:
            font = QApplication.font(name)  # type: ignore[call-overload]  # a str (the stubs say bytes)
            if font != _system_fonts[""]:
                _system_fonts[name] = QFont(font)
    if percent == _applied[0]:
        return
    _applied[0] = percent
    style = QApplication.style()
    if percent != 100 and style.name() == "fusion" and style.objectName() != _ROOMY:
        QApplication.setStyle(_roomy_menus())
    QApplication.setFont(_scaled(_system_fonts[""], percent))
    for name, font in _system_fonts.items():
        if name:
            QApplication.setFont(_scaled(font, percent), name)  # type: ignore[arg-type]
    QToolTip.setFont(_scaled(_system_fonts.get("QTipLabel", _system_fonts[""]), percent))
