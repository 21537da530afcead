"""The window's save dialogs refuse the reader's own files (issue 12, point 1)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QThreadPool

from haizhu_reader.core.annotations.store import AnnotationStore
from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.dialogs import ExportAnnotationsDialog
from haizhu_reader.gui.figures.pane import ExportFiguresDialog, FiguresPane
from haizhu_reader.gui.printing.printer import PrintDialogs, PrintOptions, PrintOptionsDialog
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.gui.window.menus import WindowMenus
from haizhu_reader.paths import AppPaths
from tests.conftest import open_as_a_user
from tests.helpers import variety

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


@pytest.fixture
def window(qtbot: QtBot, app_paths: AppPaths, report: Report) -> Iterator[MainWindow]:
    with AnnotationStore.open(app_paths.annotations_db) as store:
        for a in variety(report):
            store.add(report, a)
    w = MainWindow(annotations_db=app_paths.annotations_db, own_folders=app_paths.own_folders)
    yield open_as_a_user(qtbot, w, report)
    w.close()
    QThreadPool.globalInstance().waitForDone(30000)


def _targets(paths: AppPaths, tmp_path: Path) -> list[Path]:
    link = tmp_path / "notes-link.md"
    link.symlink_to(paths.annotations_db)
    fifo = tmp_path / "pipe.out"
    os.mkfifo(fifo)
    return [paths.annotations_db, paths.data_dir / "x.out", paths.cache_dir / "x.out", link, fifo]


def _intact(paths: AppPaths, report: Report) -> None:
    assert paths.annotations_db.read_bytes().startswith(b"SQLite format 3\0")
    with AnnotationStore.open(paths.annotations_db) as store:
        assert not store.notices
        assert len(store.annotations(report)) == len(variety(report))
    assert not (paths.data_dir / "x.out").exists() and not (paths.cache_dir / "x.out").exists()


def _export_annotations(window: MainWindow, monkeypatch: pytest.MonkeyPatch, to: Path) -> None:
    monkeypatch.setattr(ExportAnnotationsDialog, "ask", classmethod(lambda cls, *a: (to, "md")))
    window.part(WindowMenus).export_annotations_action.trigger()


def _export_pdf(window: MainWindow, monkeypatch: pytest.MonkeyPatch, to: Path) -> None:
    options = PrintOptions(False, False)
    monkeypatch.setattr(PrintOptionsDialog, "ask", classmethod(lambda cls, *a: options))
    monkeypatch.setattr(PrintDialogs, "pdf_path", classmethod(lambda cls, *a: to))
    window.part(WindowMenus).export_pdf_action.trigger()


def _export_csv(window: MainWindow, monkeypatch: pytest.MonkeyPatch, to: Path) -> None:
    monkeypatch.setattr(ExportFiguresDialog, "ask", classmethod(lambda cls, *a: to))
    window.part(FiguresPane).export_csv()


@pytest.mark.parametrize(
    ("export", "title"),
    [(_export_annotations, "无法导出批注"), (_export_pdf, "无法导出 PDF"),
     (_export_csv, "无法导出数据表")],
    ids=["annotations", "pdf", "csv"],
)  # fmt: skip
def test_an_export_refuses_the_readers_own_files(
    qtbot: QtBot,
    window: MainWindow,
    app_paths: AppPaths,
    report: Report,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[tuple[str, ...]],
    export: Callable[[MainWindow, pytest.MonkeyPatch, Path], None],
    title: str,
) -> None:
    for target in _targets(app_paths, tmp_path):
        export(window, monkeypatch, target)
        QThreadPool.globalInstance().waitForDone(30000)
    assert [e[0] for e in errors] == [title] * 5
    assert all("不能导出到" in text and "cannot export" in detail for _, text, detail in errors)
    _intact(app_paths, report)
    # An ordinary place still works.
    out = tmp_path / "ordinary.out"
    export(window, monkeypatch, out)
    # The CSV waits for the figures when they are still being found: their job's answer
    # (queued to this thread) starts the write, so events are processed while waiting.
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=30000)
    assert QThreadPool.globalInstance().waitForDone(30000)
    assert len(errors) == 5
