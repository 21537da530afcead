"""What a printout holds: the whole report or one section, and the notes printed with it.

The GUI typesets and paints the pages (``gui/printing/document.py``); these
decisions are plain data, tested without Qt:

* ``print_section``: "the current section" for a reading position. A lead
  topic is too small to print alone, so it prints its section (（三）), as it is
  cited; a part, a section, the opening or an appendix prints itself.
* ``following_id``: where that section's text ends in reading order — the
  first later section or appendix that is not inside it (None: the end).
* ``print_notes``: the user's notes, each after what it annotates (a range or
  paragraph note after its paragraph, a section note after the heading), in
  reading order. Empty notes (a plain highlight or bookmark) print nothing.
* ``print_highlights``: the highlights and underlines, where they are and how
  they look (the printout marks them; a note's words are printed with the note).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from haizhu_reader.core.annotations.anchoring import Scope
from haizhu_reader.core.annotations.colours import UNDERLINE_HEX
from haizhu_reader.core.annotations.store import COLOUR_HEX, Colour, Kind, Placed
from haizhu_reader.core.report import PART, SECTION, Report


@dataclass(frozen=True)
class PrintNote:
    """One note as printed; ``quote`` is the marked words of a range note, else ``""``."""

    quote: str
    note: str


def print_section(report: Report, section_id: str) -> str:
    """The section printed as "current" for a reading position ('' if unknown)."""
    path = report.section_path(section_id)
    if not path:
        return section_id if any(a.id == section_id for a in report.appendices) else ""
    return next((s.id for s in reversed(path) if s.level <= SECTION), path[0].id)


def following_id(report: Report, section_id: str) -> str | None:
    """The first section or appendix after ``section_id`` and everything inside it."""
    order = [(s.id, s.level) for s in report.walk()]
    order += [(a.id, PART) for a in report.appendices]  # appendices follow the speech
    at = next((i for i, (sid, _) in enumerate(order) if sid == section_id), None)
    if at is None:
        return None
    level = order[at][1]
    return next((sid for sid, lv in order[at + 1 :] if lv <= level), None)


def print_notes(placed: Iterable[Placed]) -> dict[str, list[PrintNote]]:
    """Non-empty notes keyed by the paragraph (or, for a section note, section) they follow."""
    out: dict[str, list[PrintNote]] = {}
    for p in placed:
        note, at = p.annotation.note, p.placement
        if not note.strip():
            continue
        key = at.section_id if at.scope is Scope.SECTION else at.paragraph_id
        quote = at.text if at.scope is Scope.RANGE else ""
        out.setdefault(key, []).append(PrintNote(quote, note))
    return out


@dataclass(frozen=True)
class PrintHighlight:
    """A highlight (``underline`` False: a tint) or an underline, ``text[start:end]`` of a
    paragraph, in its colour (``#rrggbb``)."""

    paragraph_id: str
    start: int
    end: int
    underline: bool
    colour: str


def print_highlights(placed: Iterable[Placed]) -> list[PrintHighlight]:
    """The highlights and underlines among ``placed``, in the order given."""
    out = []
    for p in placed:
        a, at = p.annotation, p.placement
        if a.kind not in (Kind.HIGHLIGHT, Kind.UNDERLINE) or at.scope is not Scope.RANGE:
            continue
        if a.kind is Kind.HIGHLIGHT:
            colour = COLOUR_HEX[a.colour or Colour.YELLOW]
        else:
            colour = COLOUR_HEX[a.colour] if a.colour else UNDERLINE_HEX
        out.append(
            PrintHighlight(at.paragraph_id, at.start, at.end, a.kind is Kind.UNDERLINE, colour)
        )
    return out
