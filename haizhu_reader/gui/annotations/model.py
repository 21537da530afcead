"""The annotations dock's tree, kept in step one annotation at a time.

A report may carry thousands of annotations. Listing them all again after each
create, edit or delete stalled the window for a fifth of a second, so a change
moves its own row only: a binary search finds its place among its group's rows
(reading order, or newest first), and a group's header comes and goes with its
first and last row. A new filter or grouping lists afresh.

An edit replaces the row rather than changing its text: the rows differ in
height, and a changed row far below the view makes QTreeView measure every
row down to it (some 50 ms for 2,000), where a removed and inserted one costs
a relayout that measures only the rows on screen.
"""

from __future__ import annotations

import html
import itertools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.handout import Item, items
from haizhu_reader.core.annotations.store import COLOUR_HEX, Annotation, Placed
from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.labels import colour_icon
from haizhu_reader.gui.reader.marks import TOOLTIP_WIDTH

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_EXCERPT = 40
_TOOLTIP_QUOTE = 200  # a paragraph is quoted whole in the exports, not in a tooltip
_GROUP_CHARS = 16

# Where a row goes: (0, or newest first; unplaced last; paragraph; offset; created; id).
Key = tuple[float, int, int, int, str, str]


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit] + "……"


def item_tooltip(it: Item) -> str:
    """Label, quote (the words a note was made on in bold) and note, every part escaped."""
    parts = [f"<b>{html.escape(it.label)}</b>"]
    if it.quote:
        s, e = it.span or (0, 0)
        quote = (
            html.escape(_clip(it.quote[:s][::-1], _TOOLTIP_QUOTE)[::-1])
            + (f"<b>{html.escape(it.quote[s:e])}</b>" if e else "")
            + html.escape(_clip(it.quote[e:], _TOOLTIP_QUOTE))
        )
        parts.append(f"<p>“{quote}”</p>")
    for line in it.annotation.note.splitlines():
        if line.strip():
            parts.append(f"<p>{html.escape(line)}</p>")
    return (
        f"<table width='{TOOLTIP_WIDTH}' cellspacing='0' cellpadding='2'>"
        f"<tr><td>{''.join(parts)}</td></tr></table>"
    )


def _when(stamp: str) -> tuple[float, str]:
    """Newest first as a number (an unreadable stamp last), and the local day."""
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
        # Near year 1 or 9999 (an imported file may say so) the local day overflows.
        return -when.timestamp(), when.astimezone().strftime("%Y-%m-%d")
    except (ValueError, OverflowError, OSError):
        return math.inf, stamp[:10]


def _header(title: str) -> QStandardItem:
    # Section titles run long; the whole title is in the tooltip.
    short = title if len(title) <= _GROUP_CHARS else title[: _GROUP_CHARS - 1] + "…"
    header = QStandardItem(short)
    header.setEditable(False)
    header.setSelectable(False)
    header.setAccessibleText(title)
    header.setToolTip(html.escape(title))
    return header


def _row(it: Item) -> QStandardItem:
    """Plain text: label, quote and note, a line each; the tooltip escaped."""
    a = it.annotation
    lines = [it.label]
    if it.marked:  # what the annotation was made on, not the sentence around it
        lines.append(f"“{_clip(it.marked, _EXCERPT)}”")
    if a.note.strip():
        note = " ".join(a.note.split())
        lines.append("✎ " + (note if len(note) <= _EXCERPT * 2 else note[: _EXCERPT * 2] + "……"))
    row = QStandardItem("\n".join(lines))
    row.setEditable(False)
    row.setData(a.id, ID_ROLE)
    row.setToolTip(item_tooltip(it))
    row.setAccessibleText(" ".join(lines))
    if a.colour is not None:
        row.setIcon(colour_icon(COLOUR_HEX[a.colour]))
    return row


@dataclass(frozen=True)
class _Entry:
    item: Item
    order: Key  # reading order, unplaced last
    newest: Key  # newest first, then reading order
    day: str  # the local day it was made: its group by date


@dataclass
class _Group:
    title: str
    header: QStandardItem
    keys: list[Key] = field(default_factory=list)  # its rows', top to bottom


class AnnotationsModel(QStandardItemModel):
    """A header row per group (a section, or a day), and under it a row per annotation.

    ``set_source`` gives all the annotations and ``reset`` lists them;
    ``update`` then changes one, with the filter and grouping of the last reset.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None
        self._placer: Placer | None = None
        self._source: dict[str, Placed | Annotation] = {}
        self._entries: dict[str, _Entry] | None = None  # None: not listed since set_source
        self._groups: list[_Group] = []
        self._accepts: Callable[[Item], bool] = lambda _it: True
        self._by_date = False

    def set_source(
        self, report: Report | None, placed: Sequence[Placed], unplaced: Sequence[Annotation]
    ) -> None:
        """All the annotations, listed at the next ``reset`` (not before: it takes a while)."""
        if report is not self._report:
            self._report, self._placer = report, None
        self._source = {p.annotation.id: p for p in placed}
        self._source.update((a.id, a) for a in unplaced)
        self._entries = None

    def is_listed(self) -> bool:
        """Whether the rows show the annotations last given (else ``reset`` lists them)."""
        return self._entries is not None

    def total(self) -> int:
        return len(self._source)

    def listed(self) -> int:
        """How many annotations have a row (the others are filtered out)."""
        return sum(len(g.keys) for g in self._groups)

    def index_of(self, annotation_id: str) -> QModelIndex:
        """The row of an annotation (invalid when it has none)."""
        entry = (self._entries or {}).get(annotation_id)
        at = self._locate(entry) if entry is not None else None
        if at is None:
            return QModelIndex()
        return self.index(at[1], 0, self.index(at[0], 0))

    # -- listing -----------------------------------------------------------------------

    def reset(self, accepts: Callable[[Item], bool], by_date: bool) -> None:
        """List afresh the annotations ``accepts`` lets through, by section or by day."""
        self._accepts, self._by_date = accepts, by_date
        if self._entries is None:
            self._entries = {key: self._entry(x) for key, x in self._source.items()}
        shown = sorted((e for e in self._entries.values() if accepts(e.item)), key=self._key)
        groups: dict[str, _Group] = {}
        for e in shown:
            title = self._title(e)
            group = groups.get(title)
            if group is None:
                group = groups[title] = _Group(title, _header(title))
            group.keys.append(self._key(e))
            group.header.appendRow(_row(e.item))
        self.clear()
        self.setColumnCount(1)  # before the rows: inserting them may not add a column too
        self._groups = list(groups.values())
        self.invisibleRootItem().appendRows([g.header for g in self._groups])

    def update(self, annotation_id: str, found: Placed | Annotation | None) -> None:
        """One annotation added, edited or deleted (``found`` None): its row alone moves."""
        if found is None:
            self._source.pop(annotation_id, None)
        else:
            self._source[annotation_id] = found
        if self._entries is None:
            return  # listed in full at the next reset
        old = self._entries.pop(annotation_id, None)
        at = self._locate(old) if old is not None else None
        if at is not None:
            self._take(*at)
        if found is not None:
            new = self._entries[annotation_id] = self._entry(found)
            if self._accepts(new.item):
                self._put(new)
        firsts = [g.keys[0] for g in self._groups]
        if any(a > b for a, b in itertools.pairwise(firsts)):  # a title in two places
            self.reset(self._accepts, self._by_date)

    def _entry(self, found: Placed | Annotation) -> _Entry:
        report = self._report
        assert report is not None
        if self._placer is None:
            self._placer = Placer(report)
        placer = self._placer
        if isinstance(found, Placed):
            [it] = items(report, [found], [], placer)
            paragraph, offset = placer.reading_order(found.placement)
            unplaced = 0
        else:
            [it] = items(report, [], [found], placer)
            paragraph, offset, unplaced = 0, 0, 1
        a = it.annotation
        newest, day = _when(a.created)
        order: Key = (0.0, unplaced, paragraph, offset, a.created, a.id)
        return _Entry(it, order, (newest, *order[1:]), day)

    def _key(self, e: _Entry) -> Key:
        return e.newest if self._by_date else e.order

    def _title(self, e: _Entry) -> str:
        return e.day if self._by_date else e.item.group

    def _group_at(self, title: str) -> int | None:
        return next((i for i, g in enumerate(self._groups) if g.title == title), None)

    def _locate(self, e: _Entry) -> tuple[int, int] | None:
        """(group, row) of an annotation's row; None when it has none."""
        group = self._group_at(self._title(e))
        if group is None:
            return None
        key, keys = self._key(e), self._groups[group].keys
        row = bisect_left(keys, key)
        return (group, row) if row < len(keys) and keys[row] == key else None

    def _take(self, group: int, row: int) -> None:
        g = self._groups[group]
        del g.keys[row]
        if g.keys:
            g.header.removeRow(row)
        else:
            del self._groups[group]
            self.removeRow(group)

    def _put(self, e: _Entry) -> None:
        key, title = self._key(e), self._title(e)
        group = self._group_at(title)
        if group is None:
            g = _Group(title, _header(title), [key])
            g.header.appendRow(_row(e.item))
            group = bisect_right([x.keys[0] for x in self._groups], key)
            self._groups.insert(group, g)
            self.insertRow(group, [g.header])
        else:
            g = self._groups[group]
            row = bisect_left(g.keys, key)
            g.keys.insert(row, key)
            g.header.insertRow(row, [_row(e.item)])
