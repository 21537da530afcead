"""The row below the shelf window's tabs while reports are being added.

What is being done (looking for files, the file being read), a count of the files done
out of those found, and a button that stops adding; the reports added so far stay.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget


class AddingProgress(QWidget):
    """Hidden until ``start()``; ``finish()`` hides it again.

    Signals:
        cancel_requested(): 取消 was pressed.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui()
        self._cancel.clicked.connect(self.cancel_requested)

    def _setup_ui(self) -> None:
        self._label = QLabel(self)
        self._label.setObjectName("shelf_progress_label")
        self._bar = QProgressBar(self)
        self._bar.setObjectName("shelf_progress")
        self._bar.setAccessibleName(self.tr("加入书架的进度"))
        self._bar.setTextVisible(True)
        self._bar.setFormat("%v / %m")
        self._cancel = QPushButton(self.tr("取消(&C)"), self)
        self._cancel.setObjectName("shelf_cancel")
        self._cancel.setAccessibleName(self.tr("取消"))
        self._cancel.setToolTip(self.tr("停止加入：已加入的报告保留在书架上"))
        row = QHBoxLayout(self)
        row.addWidget(self._label, 2)
        row.addWidget(self._bar, 3)
        row.addWidget(self._cancel)
        self.hide()

    def start(self) -> None:
        """Adding begins: busy until the files are counted."""
        self._bar.setRange(0, 0)
        self._label.setText(self.tr("正在查找报告文件…"))
        self._cancel.setEnabled(True)
        self.show()

    @Slot(int, int, str)
    def show_progress(self, done: int, total: int, name: str) -> None:
        self._bar.setRange(0, max(total, 1))
        self._bar.setValue(done)
        text = self.tr("正在加入书架：%1 / %2").replace("%1", str(done)).replace("%2", str(total))
        self._label.setText(f"{text}  {name}" if name else text)

    def cancelling(self) -> None:
        self._label.setText(self.tr("正在取消…"))

    def finish(self) -> None:
        self.hide()
