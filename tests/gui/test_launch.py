"""Starting the GUI: which report the window opens with when no file is named."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from haizhu_reader.app import build_parser
from haizhu_reader.core.report import Report
from haizhu_reader.gui import launch
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import Settings

DATA = Path(__file__).parents[1] / "data"
KUNMING = DATA / "06_kunming_city_2020.txt"


class Start:
    """One start of the app as ``haizhu-reader [FILE] --data-dir …``: what the window
    showed (its report, the status bar's message) just before it was shown."""

    def __init__(self, qtbot: QtBot, paths: AppPaths, *argv: str) -> None:
        self.report: Report | None = None
        self.message = ""

        def look(w: MainWindow) -> None:
            qtbot.addWidget(w)
            self.report = w.report()
            self.message = w.statusBar().currentMessage()
            self.window = w
            QTimer.singleShot(0, w, w.close)

        args = build_parser().parse_args([*argv, "--data-dir", str(paths.data_dir.parent)])
        self.code = launch.run_gui(args, on_window=look)

    def title(self) -> str:
        assert self.report is not None
        return self.report.title


def test_the_first_start_opens_the_bundled_report(
    qtbot: QtBot, app_paths: AppPaths, report: Report
) -> None:
    first = Start(qtbot, app_paths)
    assert first.code == 0 and first.title() == report.title
    assert first.message == ""


def test_a_start_without_a_file_reopens_the_report_read_last(
    qtbot: QtBot, app_paths: AppPaths, report: Report, tmp_path: Path
) -> None:
    kunming = tmp_path / "昆明.txt"
    shutil.copy(KUNMING, kunming)
    assert Start(qtbot, app_paths, str(kunming)).title().startswith("昆明")
    again = Start(qtbot, app_paths)
    assert again.code == 0 and again.title().startswith("昆明")
    assert again.message == ""
    assert again.window.windowTitle().startswith(again.title())
    # The bundled report read last (File › 打开随附的…) is the one reopened.
    again = Start(qtbot, app_paths, str(kunming))
    again.window.open_report(report, None)
    assert Settings(app_paths.settings_file).last_report() is None
    assert Start(qtbot, app_paths).title() == report.title


def test_a_last_report_that_is_gone_gives_the_bundled_one_and_says_so(
    qtbot: QtBot, app_paths: AppPaths, report: Report, tmp_path: Path
) -> None:
    kunming = tmp_path / "昆明.txt"
    shutil.copy(KUNMING, kunming)
    Start(qtbot, app_paths, str(kunming))
    kunming.unlink()
    again = Start(qtbot, app_paths)
    assert again.code == 0 and again.title() == report.title
    assert "找不到" in again.message and str(kunming) in again.message


def test_a_last_report_that_no_longer_opens_gives_the_bundled_one_and_says_why(
    qtbot: QtBot, app_paths: AppPaths, report: Report, tmp_path: Path
) -> None:
    """Not exit status 2: the user named no file, the window still has a report to show."""
    kunming = tmp_path / "昆明.txt"
    shutil.copy(KUNMING, kunming)
    Start(qtbot, app_paths, str(kunming))
    kunming.write_bytes(b"")
    again = Start(qtbot, app_paths)
    assert again.code == 0 and again.title() == report.title
    assert "无法打开" in again.message and str(kunming) in again.message
    assert "空" in again.message  # the reason, from the parser's message


def test_a_screenshot_without_a_file_shows_the_bundled_report(
    qtbot: QtBot, app_paths: AppPaths, report: Report, tmp_path: Path
) -> None:
    """A screenshot reads no settings: it is the same on every machine."""
    Start(qtbot, app_paths, str(KUNMING))
    seen: list[str] = []

    def look(w: MainWindow) -> None:
        qtbot.addWidget(w)
        seen.append(w.report().title if w.report() else "")  # type: ignore[union-attr]

    out = tmp_path / "shot.png"
    args = build_parser().parse_args(
        ["--screenshot", str(out), "--data-dir", str(app_paths.data_dir.parent)]
    )
    assert launch.run_gui(args, on_window=look) == 0
    assert seen == [report.title]
