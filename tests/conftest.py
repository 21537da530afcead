"""Shared fixtures. GUI tests run offscreen; every test gets its own data dir."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Before any Qt object exists: the PySide6 6.12.0 None-refcount guard (see
# haizhu_reader/gui/__init__.py), as the app applies it.
import haizhu_reader.gui  # noqa: F401
from haizhu_reader.core.parse import bundled_report
from haizhu_reader.core.report import Report
from haizhu_reader.paths import AppPaths

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from haizhu_reader.gui.window.mainwindow import MainWindow

# CI runs the property tests on a fixed set of examples (no flaky red builds);
# a developer's run explores new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

# As in the app (launch.collect_garbage_on_gui_thread): a worker thread must
# never run a cycle collection that frees Qt objects, so the collector runs
# only on the main thread, between tests.
gc.disable()


@pytest.fixture(autouse=True)
def _collect_on_main_thread() -> Iterator[None]:
    yield
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is not None:
        QThreadPool.globalInstance().waitForDone(10000)
    gc.collect()


DATA = Path(__file__).parent / "data"
_EXIT_STATUS = pytest.StashKey[int]()
SAMPLES = sorted(DATA.glob("0*.txt"))


@pytest.fixture(scope="session")
def report() -> Report:
    """The bundled report, parsed once per test session (treat as read-only)."""
    return bundled_report()


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path / "profile")


def open_as_a_user(qtbot: QtBot, window: MainWindow, report: Report) -> MainWindow:
    """``window`` at 1280x800 with ``report`` open and shown, as a user meets it:
    complete (its menus' items and the panes behind the glossary are made after
    the first paint)."""
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.open_report(report)
    with qtbot.waitExposed(window):
        window.show()
    qtbot.waitUntil(window.is_complete)
    return window


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """Error message boxes the code under test shows: (title, text, detail) each."""
    from haizhu_reader.gui.common.dialogs import Messages

    seen: list[tuple[str, ...]] = []

    def error(_parent: object, title: str, text: str, detail: str = "") -> None:
        seen.append((title, text, detail))

    monkeypatch.setattr(Messages, "error", error)
    return seen


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave without tearing down the interpreter once pytest has reported.

    After a session that created hundreds of widgets, PySide6 6.12 segfaults
    while Python destroys the remaining Qt wrappers at exit (seen as exit code
    139 after "N passed"). The results are already printed and every file is
    closed; skipping interpreter teardown keeps pytest's real exit status.
    """
    status = config.stash.get(_EXIT_STATUS, None)
    if status is None:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
