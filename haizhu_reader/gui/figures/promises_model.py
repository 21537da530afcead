"""The 去年承诺 table: an item model over ``core.promises.pairing.Promise``.

One row per promise: 指标 | 去年目标 | 今年结果 | 判断 | 把握. The verdict cell is
shaded in the theme's colour for its verdict (``Theme.verdicts``) and its tooltip says
why; the 主要预期目标's indicators are bold. What a verdict and a reason say in the
window's language is here (``verdict_label``, ``reason_text``), so the table, the
detail view and the trend read the same words.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from haizhu_reader.core.promises.pairing import Promise
from haizhu_reader.core.promises.verdict import (
    ABOUT_QUALIFIERS,
    AMOUNT_TOLERANCE,
    PARITY_WORD,
    RATE_TOLERANCE,
    RATE_UNITS,
    Reason,
    Verdict,
)
from haizhu_reader.gui.common.theme import LIGHT, Theme

PROMISE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Promise of a row
INDICATOR, TARGET, RESULT, VERDICT, CONFIDENCE = range(5)
_COLUMNS = 5

_Index = QModelIndex | QPersistentModelIndex


def headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("promises", "指标"),
        QCoreApplication.translate("promises", "去年目标"),
        QCoreApplication.translate("promises", "今年结果"),
        QCoreApplication.translate("promises", "判断"),
        QCoreApplication.translate("promises", "把握"),
    )


def verdict_label(verdict: Verdict | None) -> str:
    """完成, 未完成, 无法判断, 未报告; 待报告 for a year whose next report is not there."""
    labels = {
        "met": QCoreApplication.translate("promises", "完成"),
        "missed": QCoreApplication.translate("promises", "未完成"),
        "unclear": QCoreApplication.translate("promises", "无法判断"),
        "not_reported": QCoreApplication.translate("promises", "未报告"),
    }
    return labels[verdict] if verdict else QCoreApplication.translate("promises", "待报告")


def reason_text(promise: Promise) -> str:
    """Why the verdict, with the tolerance where one was used."""
    texts = {
        Reason.REACHED: QCoreApplication.translate("promises", "结果达到目标"),
        Reason.WITHIN: QCoreApplication.translate("promises", "结果未超出目标上限"),
        Reason.SHORT: QCoreApplication.translate("promises", "结果低于目标"),
        Reason.OVER: QCoreApplication.translate("promises", "结果超出目标上限"),
        Reason.QUALITATIVE: QCoreApplication.translate("promises", "定性目标，无法用数字判断"),
        Reason.WORDS: QCoreApplication.translate(
            "promises", "今年报告只有文字表述，没有可比的数字"
        ),
        Reason.UNIT: QCoreApplication.translate(
            "promises", "单位或口径不同（如亿元与%，总量与增速），不能直接比较"
        ),
        Reason.STRADDLES: QCoreApplication.translate("promises", "结果是一个范围，跨过了目标"),
        Reason.ABSENT: QCoreApplication.translate("promises", "今年报告未给出该指标的结果"),
    }
    text = texts[promise.reason]
    note = tolerance_text(promise) if promise.verdict in ("met", "missed") else ""
    return (
        QCoreApplication.translate("promises", "%1（%2）").replace("%1", text).replace("%2", note)
        if note
        else text
    )


def tolerance_text(promise: Promise) -> str:
    """左右按±0.5个百分点计, 左右按目标的±5%计, 持平按±0.5个百分点计; "" for none."""
    t = promise.target
    points = f"{RATE_TOLERANCE:g}"
    if promise.qualifier == PARITY_WORD:
        return QCoreApplication.translate("promises", "持平按±%1个百分点计").replace("%1", points)
    if t.qualifier not in ABOUT_QUALIFIERS or t.value is None:
        return ""
    if t.unit in RATE_UNITS:
        text = QCoreApplication.translate("promises", "%1按±%2个百分点计")
        return text.replace("%1", t.qualifier or "").replace("%2", points)
    text = QCoreApplication.translate("promises", "%1按目标的±%2%计")
    return text.replace("%1", t.qualifier or "").replace("%2", f"{AMOUNT_TOLERANCE * 100:g}")


class PromisesModel(QAbstractTableModel):
    """The promises shown: all, or the 主要预期目标 only, or of one verdict."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Promise] = []
        self._rows: list[Promise] = []
        self._main_only = True
        self._verdict: Verdict | None = None
        self._theme = LIGHT

    # -- what is shown ---------------------------------------------------------------

    def set_promises(self, promises: Sequence[Promise]) -> None:
        self._all = list(promises)
        self._refilter()

    def set_main_only(self, main_only: bool) -> None:
        self._main_only = main_only
        self._refilter()

    def set_verdict(self, verdict: Verdict | None) -> None:
        self._verdict = verdict
        self._refilter()

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        if self._rows:
            self.dataChanged.emit(
                self.index(0, VERDICT),
                self.index(len(self._rows) - 1, VERDICT),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole],
            )

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = [
            p
            for p in self._all
            if (p.target.main_target or not self._main_only)
            and (self._verdict is None or p.verdict == self._verdict)
        ]
        self.endResetModel()

    def promises(self) -> list[Promise]:
        """The rows, in order."""
        return list(self._rows)

    def all_promises(self) -> list[Promise]:
        return list(self._all)

    def promise(self, row: int) -> Promise | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # -- the model ---------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section] if 0 <= section < _COLUMNS else None
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p, col = self._rows[index.row()], index.column()
        if role == PROMISE_ROLE:
            return p
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(p, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(p, col)
        if role == Qt.ItemDataRole.BackgroundRole and col == VERDICT:
            return QBrush(QColor(self._theme.verdicts[p.verdict]))
        if role == Qt.ItemDataRole.ForegroundRole and col == VERDICT:
            return QBrush(QColor(self._theme.text))  # legible on the shade in every theme
        if role == Qt.ItemDataRole.FontRole and col == INDICATOR and p.target.main_target:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, p: Promise, col: int) -> str:
        if col == INDICATOR:
            return p.indicator
        if col == TARGET:
            return p.target.text
        if col == RESULT:
            return p.result.text if p.result is not None else "—"
        if col == VERDICT:
            return verdict_label(p.verdict)
        return f"{p.confidence:.0%}"

    def _tooltip(self, p: Promise, col: int) -> str:
        if col == VERDICT:
            return reason_text(p)
        if col == CONFIDENCE:
            return QCoreApplication.translate(
                "promises", "配对的把握：名称相同为100%，同一指标的不同叫法为90%，单位不同减半"
            )
        if col == INDICATOR and p.target.main_target:
            return QCoreApplication.translate("promises", "%1（主要预期目标）").replace(
                "%1", p.indicator
            )
        return self._text(p, col)
