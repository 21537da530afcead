"""Start-up: what the first paint needs is made before it, the rest right after it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.peek import has_annotations
from haizhu_reader.core.annotations.store import AnnotationStore, Kind, new_annotation
from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.pane import AnnotationsPane
from haizhu_reader.gui.annotations.session import AnnotationSession
from haizhu_reader.gui.figures.pane import FiguresPane
from haizhu_reader.gui.search.find_bar import FindBar
from haizhu_reader.gui.search.pane import SearchPane
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.paths import AppPaths


@pytest.fixture(autouse=True)
def _pool_idle_after(qapp: QApplication) -> Iterator[None]:
    """Background jobs (figures, pinyin) end with the test that started them."""
    assert QThreadPool.globalInstance().waitForDone(60000)
    yield
    assert QThreadPool.globalInstance().waitForDone(30000)


def _highlight_first_paragraph(db: Path, report: Report) -> str:
    """A highlight on the first words of the report's first paragraph (on screen at start)."""
    pid = next(p.id for _, p in report.body_paragraphs())
    anchor = Placer(report).anchor_range(pid, 0, 6)
    db.parent.mkdir(parents=True, exist_ok=True)
    with AnnotationStore.open(db) as store:
        return store.add(report, new_annotation(Kind.HIGHLIGHT, anchor)).id


def _menus(window: MainWindow) -> list[QMenu]:
    menus = [a.menu() for a in window.menuBar().actions()]
    return [m for m in menus if isinstance(m, QMenu)]


class _FirstPaint:
    """What the window had made when the report was first painted."""

    def __init__(self, window: MainWindow) -> None:
        self.complete: bool | None = None
        self.highlights = -1
        self.docks_with_panes: list[str] = []
        self.menus: list[tuple[str, int]] = []
        self._window = window
        window.reader.first_painted.connect(self._seen)

    def _seen(self) -> None:
        if self.complete is None:
            w = self._window
            self.complete = w.is_complete()
            self.highlights = len(w.reader.annotation_selections())
            docks = (w.dock("figures"), w.dock("search"), w.dock("annotations"))
            self.docks_with_panes = [d.objectName() for d in docks if d.widget() is not None]
            self.menus = [(m.title(), len(m.actions())) for m in _menus(w)]


def _show(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitExposed(window):
        window.show()


def test_panes_behind_the_glossary_are_made_after_the_first_paint(
    qtbot: QtBot, report: Report, app_paths: AppPaths
) -> None:
    w = MainWindow(annotations_db=app_paths.annotations_db)
    w.open_report(report)
    seen = _FirstPaint(w)
    _show(qtbot, w)
    qtbot.waitUntil(lambda: seen.complete is not None)
    assert seen.complete is False and seen.docks_with_panes == []
    # The menu bar is there in full (nothing moves when the items come); only the Go
    # menu, which lists the report's parts, has its items already.
    titles = ["文件(&F)", "编辑(&E)", "视图(&V)", "转到(&G)", "帮助(&H)"]
    assert [title for title, _ in seen.menus] == titles
    assert [n > 0 for _, n in seen.menus] == [False, False, False, True, False]
    qtbot.waitUntil(w.is_complete)
    assert all(m.actions() for m in _menus(w))
    assert w.dock("figures").widget() is w.part(FiguresPane)
    assert w.dock("search").widget() is w.part(SearchPane)
    assert w.dock("annotations").widget() is w.part(AnnotationsPane)
    # Made late, they still show the report opened before them.
    qtbot.waitUntil(lambda: w.part(FiguresPane).figures() is not None)
    assert w.part(AnnotationSession).report() is report
    assert w.part(AnnotationsPane).shown_ids() == []
    # The annotations file is opened (and made) after the first paint too.
    assert app_paths.annotations_db.exists()
    w.close()


def test_annotations_are_drawn_on_the_first_paint(
    qtbot: QtBot, report: Report, app_paths: AppPaths
) -> None:
    _highlight_first_paragraph(app_paths.annotations_db, report)
    w = MainWindow(annotations_db=app_paths.annotations_db)
    w.open_report(report)
    seen = _FirstPaint(w)
    _show(qtbot, w)
    qtbot.waitUntil(lambda: seen.complete is not None)
    assert seen.highlights == 1  # the session was made before the paint
    assert seen.docks_with_panes == []
    w.close()


def test_a_dock_in_front_at_start_has_its_pane_before_it_paints(
    qtbot: QtBot, report: Report, app_paths: AppPaths
) -> None:
    w = MainWindow(annotations_db=app_paths.annotations_db)
    w.open_report(report)
    w.dock("search").raise_()  # as a saved layout with search in front restores it
    seen = _FirstPaint(w)
    _show(qtbot, w)
    qtbot.waitUntil(lambda: seen.complete is not None)
    assert seen.docks_with_panes == ["search_dock"]
    qtbot.waitUntil(w.part(SearchPane).is_ready, timeout=20000)  # and it prepares its index
    w.close()


def test_find_bar_is_made_when_asked_for(qtbot: QtBot, report: Report) -> None:
    w = MainWindow()
    w.open_report(report)
    _show(qtbot, w)
    qtbot.waitUntil(w.is_complete)  # the Edit menu's items are made after the first paint
    action = next(a for a in w.findChildren(QAction) if a.text().startswith("页内查找"))
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    action.trigger()  # the bar is made now (it is not among the panes made after the paint)
    bar = w.part(FindBar)
    assert bar.isVisible()
    bar.set_text("海珠")
    qtbot.waitUntil(lambda: len(bar.matches()) > 0)
    w.close()


def test_has_annotations_looks_without_opening_the_store(
    report: Report, app_paths: AppPaths, tmp_path: Path
) -> None:
    db = app_paths.annotations_db
    assert not has_annotations(db, report.content_hash)  # no file
    annotation_id = _highlight_first_paragraph(db, report)
    assert has_annotations(db, report.content_hash)
    assert not has_annotations(db, "another report")
    with AnnotationStore.open(db) as store:
        store.delete(annotation_id)
    assert not has_annotations(db, report.content_hash)  # a tombstone is not drawn
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database" * 100)
    assert has_annotations(damaged, report.content_hash)  # in doubt: let the store decide
    assert damaged.read_bytes() == b"not a database" * 100


_FIRST_PAINT_PROBE = """
import json, sys
from haizhu_reader.app import build_parser
from haizhu_reader.gui.launch import run_gui

seen = {}

def hook(window):
    from PySide6.QtCore import QTimer

    def at_paint():
        if not seen:
            seen["modules"] = sorted(sys.modules)
            seen["complete"] = window.is_complete()
            QTimer.singleShot(0, window.close)

    window.reader.first_painted.connect(at_paint)

run_gui(build_parser().parse_args(["--data-dir", sys.argv[1]]), on_window=hook)
print(json.dumps(seen))
"""

# Loaded after the first paint (or never, when not used): whole feature folders (search,
# annotating, key figures, printing, help); of the folders the first paint uses, what it
# does not (the annotation store, the parser: the first report comes from the parse
# cache, read through core/files.py); and what those bring in.
LATER = [
    "haizhu_reader.core.search",
    "haizhu_reader.gui.search",
    "haizhu_reader.gui.annotations",
    "haizhu_reader.gui.figures",
    "haizhu_reader.gui.printing",
    "haizhu_reader.gui.help",
    "haizhu_reader.gui.library",
    "haizhu_reader.core.library",
    "haizhu_reader.core.annotations.anchoring",
    "haizhu_reader.core.annotations.database",
    "haizhu_reader.core.annotations.export",
    "haizhu_reader.core.annotations.handout",
    "haizhu_reader.core.annotations.word",
    "haizhu_reader.core.annotations.store",
    "haizhu_reader.core.annotations.web_annotation",
    "haizhu_reader.core.figures",
    "haizhu_reader.core.parse",
    "haizhu_reader.core.printing",
    "haizhu_reader.core.quoting",
    "haizhu_reader.core.source",
    "haizhu_reader.gui.comfort.font_dialog",
    "haizhu_reader.gui.comfort.full_screen",
    "haizhu_reader.gui.comfort.language_menu",
    "haizhu_reader.gui.common.jobs",
    "haizhu_reader.gui.reader.marks",
    "haizhu_reader.gui.window.report_loading",
    "PySide6.QtPrintSupport",
    "whoosh",
    "hashlib",
    "html",
    "uuid",
]


def test_the_first_paint_loads_only_what_it_shows(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def first_paint() -> dict[str, object]:
        done = subprocess.run(
            [sys.executable, "-c", _FIRST_PAINT_PROBE, str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
        return result

    first_paint()  # the first start parses the report and caches the parse
    seen = first_paint()
    assert seen["complete"] is False
    modules = seen["modules"]
    assert isinstance(modules, list)
    assert "haizhu_reader.gui.reader.view" in modules
    assert [m for m in LATER if m in modules] == []
