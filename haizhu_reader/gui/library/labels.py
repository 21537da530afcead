"""The shelf's words: level names, a report as a row names it, the adding summary."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from haizhu_reader.core.library.adding import AddSummary
from haizhu_reader.core.library.store import LibraryEntry


def level_names() -> dict[str, str]:
    """Level -> its name in the interface language, in ``metadata.LEVELS`` order."""
    return {
        "national": QCoreApplication.translate("library", "全国"),
        "province": QCoreApplication.translate("library", "省级"),
        "prefecture": QCoreApplication.translate("library", "地区、州、盟"),
        "city": QCoreApplication.translate("library", "地级市"),
        "district": QCoreApplication.translate("library", "市辖区"),
        "county": QCoreApplication.translate("library", "县、县级市"),
    }


def unknown_place() -> str:
    return QCoreApplication.translate("library", "（未识别地方）")


def year_text(entry: LibraryEntry) -> str:
    return str(entry.meta.year) if entry.meta.year else ""


def file_text(entry: LibraryEntry) -> str:
    """The file column: its name, 随附 for the bundled report, and whether it is missing."""
    if entry.path is None:
        return QCoreApplication.translate("library", "随附报告")
    if entry.missing:
        return QCoreApplication.translate("library", "找不到文件：%1").replace(
            "%1", entry.path.name
        )
    return entry.path.name


def summary_text(summary: AddSummary) -> str:
    """已加入 3 份；已在书架 1 份；未能加入 2 份（已取消）."""
    parts = [
        QCoreApplication.translate("library", "已加入 %1 份").replace("%1", str(len(summary.added)))
    ]
    present = len(summary.present) + len(summary.relinked)
    if present:
        parts.append(
            QCoreApplication.translate("library", "已在书架 %1 份").replace("%1", str(present))
        )
    if summary.refused:
        parts.append(
            QCoreApplication.translate("library", "未能加入 %1 份").replace(
                "%1", str(len(summary.refused))
            )
        )
    text = QCoreApplication.translate("library", "；").join(parts)
    if summary.cancelled:
        text += QCoreApplication.translate("library", "（已取消，其余未加入）")
    return text
