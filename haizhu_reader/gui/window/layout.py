"""The window's geometry and dock layout: as the last run left them, or in proportion;
its central column and the order Tab goes through it."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from haizhu_reader.settings import Settings


def restore(window: QMainWindow, settings: Settings | None) -> bool:
    """Geometry and dock layout from the last run; whether a dock layout was restored."""
    if settings is None:
        return False
    geometry = settings.window_geometry()
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.window_state()
    return state is not None and window.restoreState(state)


def save(window: QMainWindow, settings: Settings | None) -> None:
    if settings is None:
        return
    settings.set_window_geometry(window.saveGeometry())
    settings.set_window_state(window.saveState())
    settings.sync()


FRAME = (8, 32)  # room left for the window's frame and title bar, before they are known


def fit_to_screen(window: QMainWindow) -> None:
    """The window (about to be shown) within its screen's free area: a 1280x800 window
    on a 1024x700 screen had its right dock and status bar off the screen."""
    free = window.screen().availableGeometry()
    width = min(window.width(), free.width() - FRAME[0])
    height = min(window.height(), free.height() - FRAME[1])
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
        window.move(free.topLeft())


def first_start(window: QMainWindow, left: QDockWidget, right: QDockWidget) -> None:
    """No layout saved yet: side panes in proportion to the window, the text gets the rest."""
    w = window.width()
    window.resizeDocks(
        [left, right],
        [max(200, min(280, w * 20 // 100)), max(220, min(320, w * 23 // 100))],
        Qt.Orientation.Horizontal,
    )


def central_column(window: QMainWindow, reader: QWidget) -> QVBoxLayout:
    """The window's middle: ``reader``, and below it what is added later (the find bar)."""
    central = QWidget(window)
    column = QVBoxLayout(central)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(reader, 1)
    window.setCentralWidget(central)
    return column


def tab_order(chain: Sequence[QWidget]) -> None:
    """Tab goes through ``chain`` in order and wraps around."""
    for a, b in itertools.pairwise([*chain, chain[0]]):
        QWidget.setTabOrder(a, b)
