"""The window's File › Open refuses what is not a regular file (issue 12, point 3)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from haizhu_reader.core.report import Report
from haizhu_reader.gui.mainwindow import MainWindow
from tests.conftest import open_as_a_user

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


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
