"""The highlight colours: stable names, how they are painted, what they are called.

Apart from ``annotations.store`` (which re-exports them) so the colour themes can
use them without loading the annotation store at start-up.
"""

from __future__ import annotations

from enum import StrEnum


class Colour(StrEnum):
    """Highlight colours by stable name; ``COLOUR_HEX`` is how they are painted."""

    YELLOW = "yellow"
    GREEN = "green"
    BLUE = "blue"
    PINK = "pink"
    PURPLE = "purple"
    ORANGE = "orange"


COLOUR_HEX: dict[Colour, str] = {
    Colour.YELLOW: "#fff176",
    Colour.GREEN: "#a5d6a7",
    Colour.BLUE: "#90caf9",
    Colour.PINK: "#f48fb1",
    Colour.PURPLE: "#ce93d8",
    Colour.ORANGE: "#ffcc80",
}
COLOUR_NAMES_ZH: dict[Colour, str] = {
    Colour.YELLOW: "黄色",
    Colour.GREEN: "绿色",
    Colour.BLUE: "蓝色",
    Colour.PINK: "粉色",
    Colour.PURPLE: "紫色",
    Colour.ORANGE: "橙色",
}
# An underline without a colour of its own.
UNDERLINE_HEX = "#c0392b"
