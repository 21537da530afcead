"""Bringing a pane's dock to the front: the one place that does ``show(); raise_()``."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QWidget


def bring_forward(pane: QWidget) -> None:
    """Show the dock holding ``pane`` (a closed one too) with its tab in front; a pane
    not in a dock (a test's) is left alone."""
    dock = pane.parentWidget()
    if isinstance(dock, QDockWidget):
        dock.show()
        dock.raise_()
