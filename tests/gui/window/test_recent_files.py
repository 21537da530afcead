"""File › 最近打开: what gets added, the order, the limit, missing files, clearing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from haizhu_reader.core.report import Report
from haizhu_reader.gui.common.dialogs import Messages, OpenReportDialog
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.gui.window.recent_files import RecentFilesMenu, entry_text, pushed
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import MAX_RECENT, Settings

DATA = Path(__file__).parents[2] / "data"
SAMPLE = DATA / "08_guangzhou_city_2025.txt"
OTHER = DATA / "06_kunming_city_2020.txt"


@pytest.fixture(autouse=True)
def _pool_idle_after(qapp: QApplication) -> Iterator[None]:
    yield
    assert QThreadPool.globalInstance().waitForDone(30000)


@pytest.fixture
def settings(app_paths: AppPaths) -> Settings:
    return Settings(app_paths.settings_file)


@pytest.fixture
def window(qtbot: QtBot, settings: Settings, report: Report) -> Iterator[MainWindow]:
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.open_report(report)
    w.make_panes()  # as right after the first paint: the File menu's items
    yield w
    w.close()


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def __call__(self, _parent: QWidget | None, *texts: str) -> None:
        self.calls.append(texts)


@pytest.fixture
def information(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(Messages, "information", recorder)
    return recorder


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recorder = Recorder()
    monkeypatch.setattr(Messages, "error", recorder)
    return recorder


def _menu(window: MainWindow) -> RecentFilesMenu:
    menu = window.findChild(RecentFilesMenu, "recent_files_menu")
    assert isinstance(menu, RecentFilesMenu)
    return menu


def _loaded(qtbot: QtBot, window: MainWindow, path: Path) -> None:
    qtbot.waitUntil(lambda: not window.is_loading() and window.report() is not None)
    qtbot.waitUntil(lambda: window.report() is not None and _menu(window).paths()[:1] == [path])


# -- the list -----------------------------------------------------------------------------


def test_pushed_moves_to_front_without_duplicates_and_caps() -> None:
    paths = [Path(f"/r/{i}.txt") for i in range(MAX_RECENT)]
    assert pushed(paths, Path("/r/3.txt"))[:2] == [Path("/r/3.txt"), Path("/r/0.txt")]
    assert len(pushed(paths, Path("/r/3.txt"))) == MAX_RECENT
    grown = pushed(paths, Path("/r/new.txt"))
    assert grown[0] == Path("/r/new.txt") and len(grown) == MAX_RECENT
    assert Path(f"/r/{MAX_RECENT - 1}.txt") not in grown


def test_settings_keep_the_list_across_runs(app_paths: AppPaths) -> None:
    first = Settings(app_paths.settings_file)
    assert first.recent_files() == []
    first.set_recent_files([Path("/a/甲.txt"), Path("/b/乙.md")])
    first.sync()
    assert Settings(app_paths.settings_file).recent_files() == [Path("/a/甲.txt"), Path("/b/乙.md")]
    first.set_recent_files([Path("/c.txt")])  # shorter: nothing stale is left behind
    first.sync()
    assert Settings(app_paths.settings_file).recent_files() == [Path("/c.txt")]
    first.set_recent_files([Path(f"/{i}.txt") for i in range(MAX_RECENT + 5)])
    assert len(first.recent_files()) == MAX_RECENT


def test_entry_text_numbers_and_escapes() -> None:
    assert entry_text(1, Path("/home/u/a&b.txt")) == "&1 a&&b.txt  (/home/u)"
    assert entry_text(10, Path("/x/y.txt")).startswith("1&0 y.txt")
    long = entry_text(2, Path("/" + "很长的文件夹名" * 20) / "r.txt")
    assert "…" in long and len(long) < 80


# -- what gets added ----------------------------------------------------------------------


def test_opening_a_file_adds_it_first(window: MainWindow, report: Report, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    window.open_report(report, a)
    window.open_report(report, b)
    window.open_report(report, a)
    assert _menu(window).paths() == [a, b]
    texts = [action.text() for action in _menu(window).entries()]
    assert texts == [entry_text(1, a, report.title), entry_text(2, b, report.title)]
    assert [action.toolTip() for action in _menu(window).entries()] == [str(a), str(b)]


def test_entries_are_named_by_their_reports_title_as_the_shelf_names_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    """A title block that says only 2020年政府工作报告 is named with its place."""
    from haizhu_reader.core.parse import parse_report

    text = (DATA / "corpus" / "佛山市-2018.md").read_text(encoding="utf-8")
    report = parse_report(text.replace("2018年佛山市政府工作报告", "2018年政府工作报告").encode())
    assert report.title == "2018年政府工作报告"  # the report's own title: which place's?
    path = tmp_path / "2018.md"
    window.open_report(report, path)
    menu = _menu(window)
    qtbot.waitUntil(lambda: menu.entries()[0].text() == "&1 2018年佛山市政府工作报告")
    assert Settings(menu._settings.path).recent_entries() == [  # type: ignore[union-attr]
        (path, "2018年佛山市政府工作报告")
    ]


def test_entry_text_with_a_title() -> None:
    assert (
        entry_text(3, Path("/x/2023.md"), "佛山市2023年政府工作报告")
        == "&3 佛山市2023年政府工作报告"
    )
    assert entry_text(1, Path("/x/a.md"), "A&B") == "&1 A&&B"


def test_the_bundled_report_is_not_added(window: MainWindow, report: Report) -> None:
    window.open_report(report)  # as File › 打开随附的海珠区报告 and a start without FILE do
    assert _menu(window).paths() == []
    assert not _menu(window).entries()


def test_open_dialog_adds_the_file(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(OpenReportDialog, "ask", classmethod(lambda cls, parent, start: SAMPLE))
    window.part(WindowMenus).open_action.trigger()
    _loaded(qtbot, window, SAMPLE)
    assert _menu(window).paths() == [SAMPLE]


def test_drag_and_drop_adds_the_file(qtbot: QtBot, window: MainWindow) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(SAMPLE))])
    event = QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    _loaded(qtbot, window, SAMPLE)
    assert _menu(window).paths() == [SAMPLE]


def test_command_line_file_is_added(qtbot: QtBot, app_paths: AppPaths) -> None:
    """``haizhu-reader FILE`` puts FILE in the list (the window is closed at once)."""
    from PySide6.QtCore import QTimer

    from haizhu_reader.app import build_parser
    from haizhu_reader.gui import launch

    def close_soon(w: MainWindow) -> None:
        qtbot.addWidget(w)  # torn down by pytest-qt like the other windows
        QTimer.singleShot(0, w, w.close)

    args = build_parser().parse_args([str(SAMPLE), "--data-dir", str(app_paths.data_dir.parent)])
    assert launch.run_gui(args, on_window=close_soon) == 0
    assert Settings(app_paths.settings_file).recent_files() == [SAMPLE]


def test_a_file_that_fails_to_open_is_not_added(
    qtbot: QtBot, window: MainWindow, errors: Recorder, tmp_path: Path
) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    window.open_file(bad)
    qtbot.waitUntil(lambda: bool(errors.calls))
    assert _menu(window).paths() == []


# -- choosing, missing files, clearing ----------------------------------------------------


def test_choosing_an_entry_opens_it(qtbot: QtBot, window: MainWindow, report: Report) -> None:
    window.open_report(report, OTHER)
    window.open_report(report, SAMPLE)
    menu = _menu(window)
    menu.aboutToShow.emit()
    menu.entries()[1].trigger()
    _loaded(qtbot, window, OTHER)
    assert window.report() is not None and "昆明" in window.report().title  # type: ignore[union-attr]
    assert menu.paths() == [OTHER, SAMPLE]


def test_a_missing_file_is_removed_with_a_message(
    qtbot: QtBot, window: MainWindow, report: Report, information: Recorder, tmp_path: Path
) -> None:
    gone = tmp_path / "gone.txt"
    shutil.copy(SAMPLE, gone)
    window.open_report(report, SAMPLE)
    window.open_report(report, gone)
    gone.unlink()
    menu = _menu(window)
    menu.aboutToShow.emit()
    menu.entries()[0].trigger()
    assert len(information.calls) == 1 and str(gone) in information.calls[0][1]
    assert menu.paths() == [SAMPLE]
    assert [a.text() for a in menu.entries()] == [entry_text(1, SAMPLE, report.title)]
    assert window.report() is report  # nothing else was opened


def test_clear_list(window: MainWindow, report: Report, settings: Settings) -> None:
    window.open_report(report, SAMPLE)
    menu = _menu(window)
    clear = next(a for a in menu.actions() if a.text() == "清除列表(&C)")
    assert clear.isEnabled()
    clear.trigger()
    assert menu.paths() == [] and settings.recent_files() == []
    assert not menu.entries() and not clear.isEnabled()


def test_without_settings_the_menu_is_disabled(qtbot: QtBot, report: Report) -> None:
    w = MainWindow(None)  # a --screenshot run
    qtbot.addWidget(w)
    w.open_report(report, SAMPLE)
    assert not _menu(w).isEnabled() and _menu(w).paths() == []


def test_the_list_is_in_the_file_menu(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    assert _menu(window).menuAction() in file_menu.actions()
    assert _menu(window).title() == "最近打开(&T)"


def test_an_entry_behind_a_locked_folder_is_opened_to_say_why(
    qtbot: QtBot,
    window: MainWindow,
    report: Report,
    information: Recorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """is_file() raises PermissionError there: the opening says why, the entry stays."""
    window.open_report(report, OTHER)
    original = Path.is_file

    def locked(self: Path) -> bool:
        if self == OTHER:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "is_file", locked)
    menu = _menu(window)
    menu.aboutToShow.emit()
    with qtbot.waitSignal(menu.file_chosen) as chosen:
        menu.entries()[0].trigger()
    assert chosen.args == [OTHER] and information.calls == []
    assert menu.paths() == [OTHER]
