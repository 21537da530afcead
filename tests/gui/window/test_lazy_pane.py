"""Parts made when first needed, and the ones made right after the first paint, in order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from haizhu_reader.gui.window.lazy_pane import AfterFirstPaint, LazyPane


def _parts(order: list[int], count: int) -> list[LazyPane[int]]:
    """Parts that note the order they are made in."""

    def maker(n: int) -> Callable[[], int]:
        def make() -> int:
            order.append(n)
            return n

        return make

    return [LazyPane(maker(n)) for n in range(count)]


def test_a_part_is_made_once_on_first_get_and_then_announced() -> None:
    made: list[int] = []
    seen: list[str] = []
    lazy = LazyPane(lambda: f"part{len(made)}", ready=lambda p: seen.append(f"ready {p}"))
    lazy.when_made(lambda p: seen.append(f"then {p}"))
    assert lazy.made() is None
    assert lazy.get() == "part0"
    made.append(1)
    assert lazy.get() == "part0"  # made once
    assert seen == ["ready part0", "then part0"]
    lazy.when_made(lambda p: seen.append(f"late {p}"))  # made already: at once
    assert seen[-1] == "late part0"
    ready = LazyPane.of("made")
    assert ready.made() == "made"


def test_after_the_first_paint_the_parts_are_made_in_order(qtbot: QtBot) -> None:
    order: list[int] = []
    parts = _parts(order, 3)
    owner = QObject()
    later = AfterFirstPaint(parts, owner)
    assert not later.is_complete()
    later.start()
    assert order == []  # not inside the paint that started it
    qtbot.waitUntil(later.is_complete)
    assert order == [0, 1, 2]


def test_a_part_wanted_sooner_is_made_at_once_and_not_again(qtbot: QtBot) -> None:
    order: list[int] = []
    parts = _parts(order, 3)
    owner = QObject()
    later = AfterFirstPaint(parts, owner)
    parts[2].get()
    later.start()
    qtbot.waitUntil(later.is_complete)
    assert order == [2, 0, 1]
    later.make_all()
    assert order == [2, 0, 1]
