"""Search results: the model (hits grouped by part and section); ``common.snippets`` paints them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from haizhu_reader.core.report import SECTION, Report, heading_text
from haizhu_reader.core.search.searching import Hit
from haizhu_reader.core.search.snippets import snippet
from haizhu_reader.gui.common.snippets import HIT_ROLE as HIT_ROLE
from haizhu_reader.gui.common.snippets import MARK_COLOR as MARK_COLOR
from haizhu_reader.gui.common.snippets import RUNS_ROLE as RUNS_ROLE
from haizhu_reader.gui.common.snippets import GroupedHits
from haizhu_reader.gui.common.snippets import SnippetDelegate as SnippetDelegate

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class ResultModel(GroupedHits):
    """Hits as a tree: a row per group (part › section) with its hits below,
    or one flat list when ranked by relevance. Snippets are made on demand,
    so only the rows on screen cost anything."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[tuple[str, str], list[Hit]]] = []
        self._flat: list[Hit] | None = []
        self._runs: dict[int, list[tuple[str, bool]]] = {}

    def set_results(self, hits: list[Hit], labels: dict[str, tuple[str, str]] | None) -> None:
        """Show ``hits`` grouped under their part or section, or flat (``labels`` None).

        ``labels``: part/section/appendix id -> (label, tooltip).
        """
        self.beginResetModel()
        self._runs = {}
        if labels is None:
            self._flat, self._groups = hits, []
        else:
            self._flat, self._groups = None, []
            for h in hits:
                path = h.unit.path[:2]
                label = labels.get(path[-1], ("", "")) if path else ("", "")
                if not self._groups or self._groups[-1][0] != label:
                    self._groups.append((label, []))
                self._groups[-1][1].append(h)
        self.endResetModel()

    def hit_indexes(self) -> list[QModelIndex]:
        """Every hit row, top to bottom."""
        if self._flat is not None:
            return [self.index(r, 0) for r in range(len(self._flat))]
        out = []
        for g, (_, hits) in enumerate(self._groups):
            parent = self.index(g, 0)
            out += [self.index(r, 0, parent) for r in range(len(hits))]
        return out

    def _hit(self, index: _Index) -> Hit | None:
        if not index.isValid():
            return None
        if self._flat is not None:
            return self._flat[index.row()]
        group = index.internalId()
        return self._groups[group - 1][1][index.row()] if group else None

    # -- QAbstractItemModel ------------------------------------------------------

    def rowCount(self, parent: _Index = _ROOT) -> int:
        if not parent.isValid():
            return len(self._flat) if self._flat is not None else len(self._groups)
        if self._flat is None and not parent.internalId():
            return len(self._groups[parent.row()][1])
        return 0

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._hit(index) is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        hit = self._hit(index)
        if hit is None:
            label, tooltip = self._groups[index.row()][0]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return label
            return tooltip if role == Qt.ItemDataRole.ToolTipRole else None
        if role == HIT_ROLE:
            return hit
        if role == RUNS_ROLE:
            return self._snippet(hit)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return "".join(text for text, _ in self._snippet(hit))
        return None

    def _snippet(self, hit: Hit) -> list[tuple[str, bool]]:
        runs = self._runs.get(id(hit))
        if runs is None:
            runs = self._runs[id(hit)] = snippet(hit.unit.text, hit.spans)
        return runs


def group_labels(report: Report) -> dict[str, tuple[str, str]]:
    """Part, section and appendix id -> (label, tooltip) for result groups.

    The label cites the place as a deputy would, 一、（三）, then the title; the
    tooltip spells out the path. Lead topics are grouped under their section.
    """
    out: dict[str, tuple[str, str]] = {}
    for s in report.walk():
        if s.level > SECTION:
            continue
        path = report.section_path(s.id)
        numbers = report.place_label(s.id) if s.number else ""
        out[s.id] = (f"{numbers}{s.title}", " › ".join(heading_text(p) for p in path))
    for a in report.appendices:
        out[a.id] = (a.title, a.title)
    return out
