"""The window's File › Open: what is not a regular file is refused, a damaged one
opens with a warning (issue 12, points 3 and 8)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from haizhu_reader.core.report import Report
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.resources import bundled_report_bytes
from tests.conftest import open_as_a_user

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


@pytest.fixture
def window(qtbot: QtBot, report: Report) -> Iterator[MainWindow]:
    w = open_as_a_user(qtbot, MainWindow(), report)
    yield w
    w.close()


def test_opening_a_device_is_a_message(
    qtbot: QtBot, window: MainWindow, report: Report, errors: list[tuple[str, ...]]
) -> None:
    # /dev/null, not a FIFO: should this regress, reading it ends at once (as empty).
    window.open_file(Path(os.devnull))
    qtbot.waitUntil(lambda: bool(errors), timeout=10000)
    [(title, text, detail)] = errors
    assert title == "无法打开报告"
    assert "不是普通文件" in text and "not a regular file" in detail
    assert window.report() is report


def test_a_damaged_file_opens_with_a_warning(
    qtbot: QtBot, window: MainWindow, report: Report, tmp_path: Path
) -> None:
    data = bytearray(bundled_report_bytes())
    at = len(data) // 2
    while data[at] < 0x80:
        at += 1
    data[at] = 0xFF  # one bad byte inside a character
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(bytes(data))
    window.open_file(damaged)
    qtbot.waitUntil(lambda: window.report() is not report, timeout=10000)
    opened = window.report()
    assert opened is not None and opened.damaged >= 1
    qtbot.waitUntil(lambda: "损坏" in window.statusBar().currentMessage(), timeout=5000)
    message = window.statusBar().currentMessage()
    assert "损坏" in message and str(opened.damaged) in message and "\ufffd" in message
    assert "\ufffd" in window.reader.toPlainText()
