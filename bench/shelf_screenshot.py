"""Put the development corpus on a shelf, then save pictures of the 书架 window.

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python bench/shelf_screenshot.py docs/shelf.png [1280x800] [QUERY] [--corpus DIR]

The shelf is made in a fresh data folder with ``--library-add`` (the corpus in
``../shared/corpus/reports``); the window is shown at the size given, on its
报告 tab, or with QUERY searched across the shelf on its 搜索 tab (the first
reports open with their first hits).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import tempfile
from pathlib import Path

from shelf_bench import CORPUS

from haizhu_reader.app import main as app_main
from haizhu_reader.gui.launch import parse_size


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("size", nargs="?", default="1280x800")
    ap.add_argument("query", nargs="?", default="")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    size = parse_size(args.size)
    if size is None:
        ap.error(f"bad size {args.size!r}")
    data = Path(tempfile.mkdtemp(prefix="haizhu-shelf-shot-"))
    with contextlib.redirect_stdout(io.StringIO()):  # its JSON summary
        added = app_main(["--library-add", str(args.corpus), "--data-dir", str(data)])
    if added != 0:
        return 1

    import os

    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from haizhu_reader.gui.window.mainwindow import MainWindow
    from haizhu_reader.paths import AppPaths

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    paths = AppPaths.under(data)
    window = MainWindow(library_db=paths.library_db)
    from haizhu_reader.core.parse import bundled_report

    window.open_report(bundled_report())
    shelf = window.shelf()
    shelf.resize(*size)
    shelf.show_shelf("search" if args.query else "reports")

    def ready() -> bool:
        tab = shelf.search_tab()
        searched = not args.query or (not tab.is_searching() and tab.results() is not None)
        return shelf.store() is not None and not shelf.is_busy() and searched

    started = False
    while not ready():
        app.processEvents()
        if shelf.store() is not None and not shelf.is_busy() and args.query and not started:
            shelf.search_tab().set_query(args.query)
            started = True
    for _ in range(20):
        app.processEvents()
    done: list[bool] = []

    def save() -> None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        done.append(shelf.grab().save(str(args.out), "PNG"))
        app.quit()

    QTimer.singleShot(300, save)
    app.exec()
    shelf.shutdown()
    QThreadPool.globalInstance().waitForDone(10000)
    print(args.out if done and done[0] else "not saved")
    return 0 if done and done[0] else 1


if __name__ == "__main__":
    raise SystemExit(main())
