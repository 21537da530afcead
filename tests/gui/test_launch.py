"""Starting the GUI: which report the window opens with when no file is named."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from haizhu_reader.app import build_parser
from haizhu_reader.core.annotations.store import Kind
from haizhu_reader.core.report import Report
from haizhu_reader.gui import launch
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import Settings

DATA = Path(__file__).parents[1] / "data"
KUNMING = DATA / "06_kunming_city_2020.txt"


class Start:
    """One start of the app as ``haizhu-reader [FILE] --data-dir …``: what the window
    showed once painted (its report, the status bar's message, whether the message
    stood alone: the place label is hidden while it shows)."""

    def __init__(self, qtbot: QtBot, paths: AppPaths, *argv: str) -> None:
        self.report: Report | None = None
        self.message = ""
        self.place_shown = True

        def look(w: MainWindow) -> None:
            qtbot.addWidget(w)
            self.window = w

            def painted() -> None:
                self.report = w.report()
                self.message = w.statusBar().currentMessage()
                place = w.statusBar().findChild(QLabel)
                self.place_shown = place is not None and place.isVisible()
                w.close()

            w.reader.first_painted.connect(lambda: QTimer.singleShot(0, w, painted))

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
    assert not again.place_shown  # the note stands alone, not over the place


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


# -- 立即重启 after a language change ------------------------------------------------------


def test_the_restart_command_names_the_report_and_the_data_folder(tmp_path: Path) -> None:
    report = tmp_path / "昆明.txt"
    program, argv, env = launch.restart_command(report, tmp_path / "profile", frozen=False)
    assert program == sys.executable
    assert argv == ["-m", "haizhu_reader", str(report), "--data-dir", str(tmp_path / "profile")]
    assert "PYINSTALLER_RESET_ENVIRONMENT" not in env
    # A packaged build starts its own executable as a new instance of the app; the
    # bundled report is no file at all (a start without one reopens it).
    program, argv, env = launch.restart_command(None, None, frozen=True)
    assert (program, argv) == (sys.executable, [])
    assert env["PYINSTALLER_RESET_ENVIRONMENT"] == "1"


def test_restart_now_starts_again_on_the_same_report_and_place_in_the_new_language(
    qtbot: QtBot, app_paths: AppPaths, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The window closes as on quitting (place, layout and settings saved, the
    annotations already on disk), then the app starts again: here, in this process."""
    from haizhu_reader.gui.annotations.session import AnnotationSession
    from haizhu_reader.gui.comfort.language_menu import LanguageMenu, RestartQuestion

    kunming = tmp_path / "昆明.txt"
    shutil.copy(KUNMING, kunming)
    monkeypatch.setattr(RestartQuestion, "ask", classmethod(lambda cls, parent: True))
    started: list[tuple[str, list[str]]] = []

    def start_again(program: str, argv: list[str], env: dict[str, str]) -> bool:
        started.append((program, argv))
        return True

    monkeypatch.setattr(launch, "start_again", start_again)
    place: list[tuple[str, int] | None] = []

    def read_then_switch(w: MainWindow) -> None:
        qtbot.addWidget(w)

        def act() -> None:
            report = w.report()
            assert report is not None
            pid = [p.id for _, p in report.body_paragraphs()][30]
            w.reader.show_paragraph(pid)
            session = w.part(AnnotationSession)
            placer = session.placer
            assert placer is not None
            session.create(Kind.NOTE, placer.anchor_paragraph(pid), note="问：口径？")
            place.append(w.reader.reading_place())
            english = next(a for a in w.part(LanguageMenu).actions() if a.data() == "en")
            english.trigger()

        w.reader.first_painted.connect(lambda: QTimer.singleShot(0, w, act))

    args = build_parser().parse_args(
        [str(kunming), "--lang", "zh", "--data-dir", str(app_paths.data_dir.parent)]
    )
    assert launch.run_gui(args, on_window=read_then_switch) == 0
    assert len(started) == 1
    program, argv = started[0]
    assert program == sys.executable
    assert argv[-3:] == [str(kunming), "--data-dir", str(app_paths.data_dir.parent)]
    assert "--lang" not in argv  # the language chosen in the menu applies
    saved = Settings(app_paths.settings_file)
    assert saved.language() == "en"
    assert place and place[0] is not None
    kept = saved.reading_place(report_hash(kunming))
    assert kept is not None and (kept.target, kept.offset) == place[0]

    # The new start, as restarted: the same report, at the same place, in English,
    # with the note.
    seen: list[tuple[str, tuple[str, int] | None, str, list[str]]] = []

    def look(w: MainWindow) -> None:
        qtbot.addWidget(w)

        def act() -> None:
            notes = [n.text for n in w.part(AnnotationSession).note_texts()]
            file_menu = w.menuBar().actions()[0].text()
            seen.append((w.windowTitle(), w.reader.reading_place(), file_menu, notes))
            w.close()

        w.reader.first_painted.connect(lambda: QTimer.singleShot(0, w, act))

    assert launch.run_gui(build_parser().parse_args(argv[2:]), on_window=look) == 0
    title, where, file_menu, notes = seen[0]
    assert title.startswith("昆明") and title.endswith("Haizhu Reader")
    assert where == place[0] and file_menu == "&File"
    assert notes == ["问：口径？"]


def report_hash(path: Path) -> str:
    from haizhu_reader.core.parse import load_report

    return load_report(path).content_hash


def test_the_window_fits_its_screen(qtbot: QtBot, app_paths: AppPaths) -> None:
    """1280x800 on a 1024x700 screen left the right dock and the status bar off it."""
    first = Start(qtbot, app_paths)
    free = first.window.screen().availableGeometry()
    assert free.width() < 1280 or free.height() < 800  # the offscreen screen is small
    assert free.contains(first.window.frameGeometry())
