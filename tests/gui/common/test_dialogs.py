"""File dialogs start in the folder the same kind of dialog was last used in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.dialogs import ExportAnnotationsDialog, ImportAnnotationsDialog
from haizhu_reader.gui.common.dialogs import OpenReportDialog
from haizhu_reader.gui.figures.pane import ExportFiguresDialog
from haizhu_reader.gui.printing.printer import PrintDialogs
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.paths import AppPaths
from haizhu_reader.settings import Settings


class User:
    """Answers the next file dialog as a user would: notes the folder and the name it
    opened with, then chooses ``choose`` (or cancels)."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.opened_in: list[Path] = []
        self.name: list[str] = []
        self.sizes: list[tuple[int, int, int]] = []  # width, height, a line of its text

    def answer(self, choose: Path | None, ask: Callable[[], object]) -> object:
        def act() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, QFileDialog), dialog
            self.opened_in.append(Path(dialog.directory().absolutePath()))
            self.sizes.append((dialog.width(), dialog.height(), dialog.fontMetrics().height()))
            edit = dialog.findChild(QLineEdit, "fileNameEdit")
            self.name.append(edit.text() if edit is not None else "")
            if choose is None:
                dialog.reject()
                return
            dialog.selectFile(str(choose))
            dialog.accept()

        QTimer.singleShot(0, act)
        return ask()


def _window(qtbot: QtBot, app_paths: AppPaths, report: Report) -> MainWindow:
    w = MainWindow(Settings(app_paths.settings_file))
    qtbot.addWidget(w)
    w.open_report(report)
    return w


def test_each_kind_of_dialog_starts_where_it_was_last_used(
    qtbot: QtBot, app_paths: AppPaths, report: Report, tmp_path: Path
) -> None:
    usb, desk = tmp_path / "U盘", tmp_path / "桌面"
    usb.mkdir()
    desk.mkdir()
    w = _window(qtbot, app_paths, report)
    user = User(qtbot)
    home = Path.home()

    csv = user.answer(usb / "表.csv", lambda: ExportFiguresDialog.ask(w, home / "数据表.csv"))
    assert csv == usb / "表.csv" and user.opened_in[-1] == home
    pdf = user.answer(desk / "报告.pdf", lambda: PrintDialogs.pdf_path(w, home / "报告.pdf"))
    assert pdf == desk / "报告.pdf"
    # Each kind opens where it saved last, with the suggested name.
    user.answer(None, lambda: ExportFiguresDialog.ask(w, home / "数据表.csv"))
    assert user.opened_in[-1] == usb and user.name[-1] == "数据表.csv"
    user.answer(None, lambda: PrintDialogs.pdf_path(w, home / "报告.pdf"))
    assert user.opened_in[-1] == desk
    # Annotations: exporting and importing are kinds of their own.
    user.answer(None, lambda: ExportAnnotationsDialog.ask(w, home / "批注.md"))
    assert user.opened_in[-1] == home
    (usb / "批注.json").write_text("{}", encoding="utf-8")
    user.answer(usb / "批注.json", lambda: ImportAnnotationsDialog.ask(w, home))
    (desk / "报告.txt").write_text("报告", encoding="utf-8")
    user.answer(desk / "报告.txt", lambda: OpenReportDialog.ask(w, None))
    w.close()

    # The next run remembers them.
    again = _window(qtbot, app_paths, report)
    user.answer(None, lambda: ExportFiguresDialog.ask(again, home / "数据表.csv"))
    assert user.opened_in[-1] == usb
    user.answer(None, lambda: ImportAnnotationsDialog.ask(again, home))
    assert user.opened_in[-1] == usb
    user.answer(None, lambda: OpenReportDialog.ask(again, None))
    assert user.opened_in[-1] == desk
    # A folder that is gone: the dialog opens where it would have the first time.
    usb.joinpath("表.csv").unlink(missing_ok=True)
    usb.joinpath("批注.json").unlink()
    usb.rmdir()
    user.answer(None, lambda: ExportFiguresDialog.ask(again, home / "数据表.csv"))
    assert user.opened_in[-1] == home and user.name[-1] == "数据表.csv"


def test_the_open_dialog_starts_in_the_folder_of_a_report_opened_any_way(
    qtbot: QtBot, app_paths: AppPaths, report: Report, tmp_path: Path
) -> None:
    """A report opened from 最近打开 or dropped on the window counts too."""
    folder = tmp_path / "报告"
    folder.mkdir()
    sample = Path(__file__).parents[2] / "data" / "06_kunming_city_2020.txt"
    copy = folder / sample.name
    copy.write_bytes(sample.read_bytes())
    w = _window(qtbot, app_paths, report)
    w.open_file(copy)
    qtbot.waitUntil(lambda: not w.is_loading(), timeout=20000)
    w.make_panes()
    user = User(qtbot)
    user.answer(None, w.part(WindowMenus).open_action.trigger)
    assert user.opened_in[-1] == folder


def test_a_file_dialog_grows_with_the_interface_text(
    qtbot: QtBot, app_paths: AppPaths, report: Report
) -> None:
    """At a large interface text size its columns were crowded (8…B, pl…nt)."""
    from haizhu_reader.gui.comfort.ui_text_size import apply_ui_text_size

    w = _window(qtbot, app_paths, report)
    user = User(qtbot)
    try:
        for size in (100, 150):
            apply_ui_text_size(size)
            user.answer(None, lambda: OpenReportDialog.ask(w, None))
    finally:
        apply_ui_text_size(100)
    screen = w.screen().availableGeometry()
    for width, height, line in user.sizes:
        assert width >= min(40 * line, screen.width() * 9 // 10)
        assert height >= min(24 * line, screen.height() * 9 // 10)
    assert user.sizes[1][0] > user.sizes[0][0]
