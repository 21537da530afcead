"""A part of the window made when it is first needed, not while the window starts.

The panes tabbed behind the glossary (key figures, search, annotations) and
the find bar are not on screen at start-up, and together they cost the first
paint a good third of its time (their modules, the Qt classes and enums those
bring in, the widgets). MainWindow makes them right after the report's first
paint, one per turn of the event loop; a pane is made at once if it is wanted
sooner: its dock becomes visible (a layout saved with it in front, see
``docks``), or the window asks for it (a shortcut, a menu item, a test).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Slot

P = TypeVar("P", covariant=True)
T = TypeVar("T")


class LazyPane(Generic[P]):
    """Makes a pane (or any part of the window) with ``make()`` on first ``get()``;
    ``ready(pane)`` (if given) and then each ``when_made`` callback are called once
    ``get()`` has it, so that what they set off may ask for it again."""

    def __init__(self, make: Callable[[], P], ready: Callable[[P], None] | None = None) -> None:
        self._make = make
        self._pane: P | None = None
        self._ready: list[Callable[[P], None]] = [ready] if ready is not None else []

    @staticmethod
    def of(pane: T) -> LazyPane[T]:
        """A pane made already (made before the first paint), held the same way."""
        lazy = LazyPane(lambda: pane)
        lazy.get()
        return lazy

    def when_made(self, callback: Callable[[P], None]) -> None:
        """Call ``callback(pane)`` once the pane is made (now, if it is)."""
        if self._pane is not None:
            callback(self._pane)
        else:
            self._ready.append(callback)

    def get(self) -> P:
        """The pane, made now if it has not been yet."""
        if self._pane is None:
            pane = self._make()
            self._pane = pane
            for ready in self._ready:
                ready(pane)
            self._ready = []
        return self._pane

    def made(self) -> P | None:
        """The pane if it has been made, else None (nothing to update yet)."""
        return self._pane


class AfterFirstPaint(QObject):
    """Makes ``parts`` right after the report's first paint, in order, one per event-loop
    turn (so that no turn stalls the window long), or all at once when wanted sooner."""

    def __init__(self, parts: Sequence[LazyPane[object]], parent: QObject) -> None:
        super().__init__(parent)
        self._parts = list(parts)

    @Slot()
    def start(self) -> None:
        """The report is on screen: from the next turn of the event loop but one, so that
        whatever the paint itself queued (the rest of the window's paint pass) runs first."""
        if not self.is_complete():
            QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self._make_next))

    def is_complete(self) -> bool:
        return all(part.made() is not None for part in self._parts)

    def make_all(self) -> None:
        for part in self._parts:
            part.get()

    @Slot()
    def _make_next(self) -> None:
        for part in self._parts:
            if part.made() is None:
                part.get()
                QTimer.singleShot(0, self, self._make_next)
                return
