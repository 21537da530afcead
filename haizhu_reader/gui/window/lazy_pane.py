"""A dock's pane made when it is first needed, not while the window starts.

The panes tabbed behind the glossary (key figures, search, annotations) and
the find bar are not on screen at start-up, and together they cost the first
paint a good third of its time (their modules, the Qt classes and enums those
bring in, the widgets). MainWindow makes them right after the report's first
paint, one per turn of the event loop; a pane is made at once if it is wanted
sooner: its dock becomes visible (a layout saved with it in front), or the
window asks for it (a shortcut, a menu item, a test).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QWidget

P = TypeVar("P", bound=QObject, covariant=True)


class LazyPane(Generic[P]):
    """Makes a pane (or any part of the window) with ``make()`` on first ``get()``;
    ``dock`` (if any) then holds it, and ``ready(pane)`` (if given) is called once
    ``get()`` returns it, so that what ``ready`` sets off may ask for it again.

    A dock's pane is also made when the dock becomes visible, before it paints.
    """

    def __init__(
        self,
        make: Callable[[], P],
        dock: QDockWidget | None = None,
        ready: Callable[[P], None] | None = None,
    ) -> None:
        self._make = make
        self._dock = dock
        self._ready = ready
        self._pane: P | None = None
        if dock is not None:
            dock.visibilityChanged.connect(self._on_visible)

    def get(self) -> P:
        """The pane, made now if it has not been yet."""
        if self._pane is None:
            pane = self._make()
            self._pane = pane
            if self._dock is not None:
                assert isinstance(pane, QWidget), "a dock holds a widget"
                self._dock.setWidget(pane)
            if self._ready is not None:
                self._ready(pane)
        return self._pane

    def made(self) -> P | None:
        """The pane if it has been made, else None (nothing to update yet)."""
        return self._pane

    def _on_visible(self, visible: bool) -> None:
        if visible:
            self.get()
