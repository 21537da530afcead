"""Colour themes: light, sepia and dark, and following the system's choice.

A theme is plain data (hex colours). The application palette made from it
colours every dock, list, tooltip and bar, since they are ordinary Qt widgets;
the reading view takes the document's own colours and its marks from the
same theme. ``text_pairs``/``mark_pairs`` list every colour pair the app
draws, so a test can hold each to the WCAG contrast it needs.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from haizhu_reader.core.annotations.colours import COLOUR_HEX, Colour

# Colours the annotation session hands the reader for marks without a colour
# (annotations/session.py's UNDERLINE_COLOUR, reader/marks.py's NOTE_COLOUR).
PLAIN_UNDERLINE_HEX = "#c0392b"
NOTE_HEX = "#3d7bd9"


class ThemeName(StrEnum):
    SYSTEM = "system"  # light or dark, as the operating system is set
    LIGHT = "light"
    SEPIA = "sepia"
    DARK = "dark"


class Theme(NamedTuple):
    """Every colour the reader draws with, as ``#rrggbb``.

    A NamedTuple rather than a frozen dataclass, like the other small immutable
    records loaded at start-up: defining it costs ~0.1 ms instead of ~1.5 ms.
    """

    name: ThemeName
    dark: bool
    page: str  # the reading view and list backgrounds (Base)
    window: str  # docks, bars, buttons around the page (Window)
    alternate: str  # alternate rows of lists
    button: str
    text: str
    muted: str  # secondary text: the meeting line, hints, placeholders
    accent: str  # the report's title
    link: str
    term: str  # the dotted underline of a glossary term
    selection: str
    selected_text: str
    find: str  # find-in-page and search hits
    flash: str  # the span just jumped to
    figure: str  # the faint tint of a key figure
    tooltip: str
    tooltip_text: str
    highlights: dict[Colour, str]  # annotation highlight backgrounds, text stays ``text``
    inks: dict[Colour, str]  # an underline in an annotation colour
    underline: str  # an underline without a colour
    note: str  # a note's underline and margin mark
    bookmark: str  # a bookmark's margin ribbon
    glyph: str  # the lines drawn on a margin mark

    def highlight_colour(self, hex_colour: str) -> QColor:
        """The background of a highlight whose core colour is ``hex_colour``."""
        colour = _BY_HEX.get(hex_colour.lower())
        return QColor(self.highlights[colour] if colour else hex_colour)

    def line_colour(self, hex_colour: str) -> QColor:
        """The line of an underline (or a note's) whose core colour is ``hex_colour``."""
        key = hex_colour.lower()
        if key == PLAIN_UNDERLINE_HEX:
            return QColor(self.underline)
        if key == NOTE_HEX:
            return QColor(self.note)
        colour = _BY_HEX.get(key)
        return QColor(self.inks[colour] if colour else hex_colour)

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """(what, text colour, background) for every kind of text the app draws."""
        t = self
        pairs = [
            ("text on page", t.text, t.page),
            ("text on window", t.text, t.window),
            ("text on alternate rows", t.text, t.alternate),
            ("text on button", t.text, t.button),
            ("muted on page", t.muted, t.page),
            ("muted on window", t.muted, t.window),
            ("title on page", t.accent, t.page),
            ("link on page", t.link, t.page),
            ("link on window", t.link, t.window),
            ("selected text", t.selected_text, t.selection),
            ("find hit", t.text, t.find),
            ("flash", t.text, t.flash),
            ("key figure", t.text, t.figure),
            ("tooltip", t.tooltip_text, t.tooltip),
        ]
        pairs += [(f"highlight {c.value}", t.text, bg) for c, bg in t.highlights.items()]
        return pairs

    def mark_pairs(self) -> list[tuple[str, str, str]]:
        """(what, line colour, background) for lines and shapes that carry meaning.

        WCAG 1.4.11 asks 3:1 of such graphical objects; a glossary term's
        dotted underline must also show on a highlight drawn over it.
        """
        t = self
        pairs = [
            ("glossary underline", t.term, t.page),
            ("plain underline", t.underline, t.page),
            ("note mark", t.note, t.page),
            ("bookmark", t.bookmark, t.page),
        ]
        pairs += [(f"underline {c.value}", ink, t.page) for c, ink in t.inks.items()]
        pairs += [
            (f"glossary underline on {c.value}", t.term, bg) for c, bg in t.highlights.items()
        ]
        return pairs


_BY_HEX = {hex_colour.lower(): colour for colour, hex_colour in COLOUR_HEX.items()}


def _colours(*hexes: str) -> dict[Colour, str]:
    """Yellow, green, blue, pink, purple, orange (the order of ``Colour``)."""
    return dict(zip(Colour, hexes, strict=True))


LIGHT = Theme(
    name=ThemeName.LIGHT,
    dark=False,
    page="#ffffff",
    window="#efefef",
    alternate="#f5f5f5",
    button="#e6e6e6",
    text="#1f1f1f",
    muted="#5f6368",
    accent="#9b1b1b",
    link="#1a5fb4",
    term="#8a5a22",
    selection="#3465a4",
    selected_text="#ffffff",
    find="#fff0a8",
    flash="#ffc94d",
    figure="#eaf0f8",
    tooltip="#fffbe6",
    tooltip_text="#1f1f1f",
    highlights=_colours("#fff59d", "#c8e6c9", "#bbdefb", "#f8bbd0", "#e1bee7", "#ffe0b2"),
    inks=_colours("#a67c00", "#2e7d32", "#1565c0", "#c2185b", "#7b1fa2", "#d84315"),
    underline=PLAIN_UNDERLINE_HEX,
    note=NOTE_HEX,
    bookmark="#d94c3d",
    glyph="#ffffff",
)

SEPIA = Theme(
    name=ThemeName.SEPIA,
    dark=False,
    page="#f5edda",
    window="#e8dec6",
    alternate="#efe5cf",
    button="#ddd1b5",
    text="#3b2f20",
    muted="#6b5a45",
    accent="#8b1a1a",
    link="#1d4f91",
    term="#8a6230",
    selection="#7a5230",
    selected_text="#ffffff",
    find="#f3dc7a",
    flash="#e9b949",
    figure="#e6dcc8",
    tooltip="#fbf6ea",
    tooltip_text="#3b2f20",
    highlights=_colours("#f7e58c", "#d3e3b6", "#cddcec", "#f0c9d0", "#e0cfe6", "#f4d2a6"),
    inks=_colours("#8f6b00", "#2e6b2f", "#1f5aa0", "#ad1f55", "#6f2a8f", "#b84a12"),
    underline="#b03a2e",
    note="#2f6bc2",
    bookmark="#c0392b",
    glyph="#ffffff",
)

DARK = Theme(
    name=ThemeName.DARK,
    dark=True,
    page="#1e1f22",
    window="#2b2d30",
    alternate="#26282b",
    button="#3a3d41",
    text="#e3e3e3",
    muted="#a3a8ae",
    accent="#f28b82",
    link="#8ab4f8",
    term="#c9a66b",
    selection="#3d5a80",
    selected_text="#ffffff",
    find="#5b5120",
    flash="#7a5c00",
    figure="#2a3646",
    tooltip="#3a3d41",
    tooltip_text="#e8e8e8",
    highlights=_colours("#5c5020", "#2f4f33", "#264463", "#5a2c3f", "#47305a", "#5e3d1c"),
    inks=_colours("#e0c04a", "#7cc47f", "#6fa8f0", "#f48fb1", "#c99be0", "#f0a050"),
    underline="#f07060",
    note="#5b9bf0",
    bookmark="#f06a5a",
    glyph="#1e1f22",
)

THEMES: dict[ThemeName, Theme] = {t.name: t for t in (LIGHT, SEPIA, DARK)}


def resolve(name: ThemeName) -> Theme:
    """The theme to draw with: ``SYSTEM`` is dark when the system says so, else light."""
    if name is ThemeName.SYSTEM:
        scheme = QGuiApplication.styleHints().colorScheme()
        return DARK if scheme == Qt.ColorScheme.Dark else LIGHT
    return THEMES[name]


def palette_for(theme: Theme) -> QPalette:
    """The application palette of a theme: every role Fusion and our panes read."""
    role = QPalette.ColorRole
    pal = QPalette(QColor(theme.button), QColor(theme.window))  # derives the bevel shades
    for r, hex_colour in (
        (role.Window, theme.window),
        (role.WindowText, theme.text),
        (role.Base, theme.page),
        (role.AlternateBase, theme.alternate),
        (role.Text, theme.text),
        (role.Button, theme.button),
        (role.ButtonText, theme.text),
        (role.BrightText, theme.page),
        (role.PlaceholderText, theme.muted),
        (role.ToolTipBase, theme.tooltip),
        (role.ToolTipText, theme.tooltip_text),
        (role.Highlight, theme.selection),
        (role.HighlightedText, theme.selected_text),
        (role.Link, theme.link),
        (role.LinkVisited, theme.link),
        (role.Accent, theme.selection),
    ):
        pal.setColor(r, QColor(hex_colour))
    # Disabled text: between text and background, as every platform style does.
    disabled = QPalette.ColorGroup.Disabled
    for r, background in (
        (role.WindowText, theme.window),
        (role.Text, theme.page),
        (role.ButtonText, theme.button),
    ):
        pal.setColor(disabled, r, _mix(theme.muted, background))
    pal.setColor(disabled, role.Highlight, QColor(theme.muted))
    return pal


def _mix(a: str, b: str) -> QColor:
    ca, cb = QColor(a), QColor(b)
    return QColor(
        (ca.red() + cb.red()) // 2, (ca.green() + cb.green()) // 2, (ca.blue() + cb.blue()) // 2
    )


# -- contrast (WCAG 2.x) -----------------------------------------------------------------


def relative_luminance(hex_colour: str) -> float:
    """WCAG relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21 (4.5 is the minimum for body text)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
