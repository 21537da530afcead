"""What annotations are called in the interface, and the swatch that shows a colour.

Apart from the session and the actions so the 批注 pane and its model can name
and draw annotations without loading the annotate actions.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from haizhu_reader.core.annotations.store import Annotation, Colour, Kind


def kind_name(kind: Kind) -> str:
    """高亮, 下划线, 笔记 or 书签 in the interface language (exports keep the core's Chinese)."""
    return {
        Kind.HIGHLIGHT: QCoreApplication.translate("annotations", "高亮"),
        Kind.UNDERLINE: QCoreApplication.translate("annotations", "下划线"),
        Kind.NOTE: QCoreApplication.translate("annotations", "笔记"),
        Kind.BOOKMARK: QCoreApplication.translate("annotations", "书签"),
    }[kind]


def colour_name(colour: Colour) -> str:
    """黄色, 绿色, ... in the interface language."""
    return {
        Colour.YELLOW: QCoreApplication.translate("annotations", "黄色"),
        Colour.GREEN: QCoreApplication.translate("annotations", "绿色"),
        Colour.BLUE: QCoreApplication.translate("annotations", "蓝色"),
        Colour.PINK: QCoreApplication.translate("annotations", "粉色"),
        Colour.PURPLE: QCoreApplication.translate("annotations", "紫色"),
        Colour.ORANGE: QCoreApplication.translate("annotations", "橙色"),
    }[colour]


def kind_label(a: Annotation) -> str:
    """高亮（黄色）, 下划线, 笔记, 书签."""
    if not a.colour:
        return kind_name(a.kind)
    label = QCoreApplication.translate("annotations", "%1（%2）", "kind (colour)")
    return label.replace("%1", kind_name(a.kind)).replace("%2", colour_name(a.colour))


@lru_cache(maxsize=32)
def colour_icon(hex_colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(hex_colour))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#666666"))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)
