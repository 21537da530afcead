"""Colour themes: light, sepia and dark, and following the system's choice.

A theme is plain data (hex colours). The application palette made from it
colours every dock, list, tooltip and bar, since they are ordinary Qt widgets;
the reading view takes the document's own colours and its marks from the
same theme. ``text_pairs``/``mark_pairs`` list every colour pair the app
draws, so a test can hold each to the WCAG contrast it needs, and
``found_colours``/``backgrounds`` what must look different from what
(``colour_difference``): a find match is not a search hit nor a yellow highlight.
"""

from __future__ import annotations

import math
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
    find: str  # find-in-page matches
    find_current: str  # the current find match (3/15): a stronger colour…
    find_outline: str  # …and an outline around it
    search: str  # full-text search hits in the text
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
    verdicts: dict[str, str]  # last year's promises: met, missed, unclear, not_reported

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
            ("current find match", t.text, t.find_current),
            ("search hit", t.text, t.search),
            ("flash", t.text, t.flash),
            ("key figure", t.text, t.figure),
            ("tooltip", t.tooltip_text, t.tooltip),
        ]
        pairs += [(f"highlight {c.value}", t.text, bg) for c, bg in t.highlights.items()]
        pairs += [(f"verdict {v}", t.text, bg) for v, bg in t.verdicts.items()]
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
            ("current find match outline", t.find_outline, t.page),
        ]
        pairs += [(f"underline {c.value}", ink, t.page) for c, ink in t.inks.items()]
        pairs += [
            (f"glossary underline on {c.value}", t.term, bg) for c, bg in t.highlights.items()
        ]
        return pairs

    def found_colours(self) -> dict[str, str]:
        """What find in page and search draw, each of which must stand apart from the
        others and from every colour in ``backgrounds`` (see ``colour_difference``)."""
        return {"find match": self.find, "current find match": self.find_current,
                "search hit": self.search}  # fmt: skip

    def backgrounds(self) -> dict[str, str]:
        """The other backgrounds text is drawn on: page, highlights, flash, key figures."""
        out = {f"highlight {c.value}": bg for c, bg in self.highlights.items()}
        return {**out, "page": self.page, "flash": self.flash, "key figure": self.figure}


_BY_HEX = {hex_colour.lower(): colour for colour, hex_colour in COLOUR_HEX.items()}


def _colours(*hexes: str) -> dict[Colour, str]:
    """Yellow, green, blue, pink, purple, orange (the order of ``Colour``)."""
    return dict(zip(Colour, hexes, strict=True))


def _verdicts(met: str, missed: str, unclear: str, not_reported: str) -> dict[str, str]:
    """The backgrounds of the verdicts of last year's promises (green, red, yellow, grey)."""
    return {"met": met, "missed": missed, "unclear": unclear, "not_reported": not_reported}


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
    find="#ffb898",
    find_current="#ff9632",
    find_outline="#b34700",
    search="#9decf0",
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
    verdicts=_verdicts("#c8e6c9", "#f8c4c4", "#fff0b3", "#e3e3e3"),
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
    find="#f0a888",
    find_current="#e8883c",
    find_outline="#8f3a00",
    search="#9ad8d8",
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
    verdicts=_verdicts("#d3e3b6", "#efc3bb", "#f3e2a4", "#ddd3bd"),
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
    find="#733428",
    find_current="#9a4a10",
    find_outline="#ffb366",
    search="#1d5c60",
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
    verdicts=_verdicts("#2d5234", "#6a2f33", "#5c5020", "#3a3d41"),
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


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    value = hex_colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def colour_difference(a: str, b: str) -> float:
    """How different two colours look: CIEDE2000 ΔE of two sRGB colours.

    About 1 is the smallest difference one notices side by side; 10 or more
    tells two marks apart at a glance. Contrast ratios cannot say this: two
    yellows of the same lightness have a ratio near 1 and so do yellow and cyan.
    """
    return delta_e_2000(_lab(a), _lab(b))


def delta_e_2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference of two L*a*b* colours (Sharma, Wu and Dalal, 2005)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean**7 / (c_mean**7 + 25**7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360 if c1 else 0.0
    h2 = math.degrees(math.atan2(b2, a2)) % 360 if c2 else 0.0
    dh = 0.0
    if c1 * c2:
        dh = h2 - h1
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    d_l, d_c = l2 - l1, c2 - c1
    d_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))
    l_mean, c_mean = (l1 + l2) / 2, (c1 + c2) / 2
    if not c1 * c2:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + (360 if h1 + h2 < 360 else -360)) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    rotation = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_mean**7 / (c_mean**7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean
    s_h = 1 + 0.015 * c_mean * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    return math.sqrt(
        (d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h)
    )
