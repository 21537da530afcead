"""The status bar: where the reader is, and how far, without relaying itself out."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from haizhu_reader.core.report import Report
from haizhu_reader.gui.window.status_bar import StatusBar


def _labels(bar: StatusBar) -> dict[str, QLabel]:
    return {w.accessibleName(): w for w in bar.findChildren(QLabel) if w.accessibleName()}


def test_the_place_is_the_heading_path_and_progress_a_percentage(
    qtbot: QtBot, report: Report
) -> None:
    bar = StatusBar()
    qtbot.addWidget(bar)
    topic = next(s for s in report.walk() if s.title == "以更大力度开展招商引资")
    bar.show_position(topic.id, 0.42)  # no report yet: nothing to name
    assert _labels(bar)["当前位置"].text() == ""
    bar.set_report(report)
    bar.show_position(topic.id, 0.42)
    labels = _labels(bar)
    assert labels["当前位置"].text().startswith("二、2023年工作安排 › （三）")
    assert labels["当前位置"].text().endswith(" › 以更大力度开展招商引资")
    assert labels["阅读进度"].text() == "已读 42%"
    appendix = report.appendices[0]
    bar.show_position(appendix.id, 1.0)
    assert labels["当前位置"].text() == appendix.title


def test_the_progress_is_as_wide_as_100_percent_from_the_start(qtbot: QtBot) -> None:
    bar = StatusBar()
    qtbot.addWidget(bar)
    progress = _labels(bar)["阅读进度"]
    widest = progress.fontMetrics().horizontalAdvance("已读 100%")
    assert progress.minimumWidth() > widest


def test_a_long_place_is_elided_not_widening_the_window(qtbot: QtBot, report: Report) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget())
    bar = StatusBar(window)
    window.setStatusBar(bar)
    bar.set_report(report)
    topic = max((s for s in report.walk() if s.level == 3), key=lambda s: len(s.title))
    bar.show_position(topic.id, 0.5)
    window.resize(300, 200)
    with qtbot.waitExposed(window):
        window.show()
    place = _labels(bar)["当前位置"]
    assert place.fontMetrics().horizontalAdvance(place.text()) > 600
    assert window.minimumSizeHint().width() < 300 and window.width() == 300
