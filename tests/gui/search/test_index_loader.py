"""The window searches at once while a report's index is built (issue 12, point 7)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from haizhu_reader.core.report import Report
from haizhu_reader.core.search.searching import ReportIndex
from haizhu_reader.gui.search.index_loader import IndexLoader
from haizhu_reader.paths import AppPaths

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def test_a_scanning_index_comes_first_then_the_built_one(
    qtbot: QtBot, report: Report, app_paths: AppPaths
) -> None:
    loader = IndexLoader(app_paths.index_dir)
    ready: list[ReportIndex] = []
    loader.ready.connect(lambda _r, index: ready.append(index))
    loader.load(report)
    qtbot.waitUntil(lambda: len(ready) == 2, timeout=30_000)
    scanning, built = ready
    assert scanning.location is None and built.location is not None
    assert [h.unit.id for h in scanning.search("海珠")] == [h.unit.id for h in built.search("海珠")]
    assert loader.index() is built
    loader.close()
    # Next time the cached index opens at once: no scanning stand-in.
    again = IndexLoader(app_paths.index_dir)
    opened: list[ReportIndex] = []
    again.ready.connect(lambda _r, index: opened.append(index))
    again.load(report)
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    qtbot.wait(200)
    assert len(opened) == 1 and opened[0].location is not None and opened[0].builds == 0
    again.close()


def test_a_failed_build_leaves_search_working(
    qtbot: QtBot, report: Report, app_paths: AppPaths, break_index: Callable[..., None]
) -> None:
    break_index("open_or_build")  # the scanning stand-in still comes
    loader = IndexLoader(app_paths.index_dir)
    with qtbot.waitSignal(loader.failed, timeout=20_000):
        loader.load(report)
    index = loader.index()
    assert index is not None and index.search("海珠")
    loader.close()
