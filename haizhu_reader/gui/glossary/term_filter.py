"""The glossary pane's term list: a model of the entries and a filter that knows pinyin.

A query matches a term, its aliases and its definition (quote-, width- and
case-blind); an ASCII query also matches the pinyin of the term and aliases,
initials (``ssqy``) or full (``sishangqiye``). pypinyin is loaded on the first
ASCII query, in a worker thread: it costs ~0.3 s and ~50 MB, nothing a reader
who never types Latin letters should pay.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from haizhu_reader.core.report import GlossaryEntry
from haizhu_reader.core.text import fold, strip_quotes

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def squash(text: str) -> str:
    return fold(strip_quotes(text)).replace(" ", "")


def pinyin_keys(text: str) -> str:
    """ASCII keys for filtering a Chinese term: initials and full pinyin.

    ``pinyin_keys("四上企业") == "sqqy|sishangqiye"``. pypinyin loads large
    dictionaries (~0.3 s, ~50 MB), so it is imported here, on first use, in
    a worker thread.
    """
    from pypinyin import Style, lazy_pinyin

    clean = strip_quotes(text)
    initials = "".join(lazy_pinyin(clean, style=Style.FIRST_LETTER))
    full = "".join(lazy_pinyin(clean))
    return f"{fold(initials)}|{fold(full)}".replace(" ", "")


def entry_keys(entry: GlossaryEntry) -> str:
    """Pinyin keys of a term and its aliases, one string to search in."""
    return "|".join(pinyin_keys(name) for name in [entry.term, *entry.aliases])


def glossary_keys(entries: list[GlossaryEntry]) -> list[str]:
    """``entry_keys`` of every entry (a job's work: it loads pypinyin)."""
    return [entry_keys(e) for e in entries]


class GlossaryModel(QAbstractListModel):
    """The report's glossary entries, in the report's order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[GlossaryEntry] = []

    def set_entries(self, entries: list[GlossaryEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> GlossaryEntry:
        return self._entries[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        e = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return e.term
        if role == Qt.ItemDataRole.ToolTipRole:
            return e.definition if len(e.definition) <= 80 else e.definition[:80] + "…"
        if role == ENTRY_ROLE:
            return index.row()
        return None


def one_typo_match(query: str, initials: str) -> bool:
    """Whether ``query`` equals some stretch of ``initials`` but for one letter (ssqy ~ sqqy)."""
    n = len(query)
    return any(
        sum(a != b for a, b in zip(query, initials[i : i + n], strict=True)) <= 1
        for i in range(len(initials) - n + 1)
    )


class TermFilter(QSortFilterProxyModel):
    """Matches term, aliases and definition; ASCII queries also match pinyin keys.

    When an ASCII query of four or more letters matches nothing, one mistyped
    initial is forgiven (``sqqy`` still finds 四上企业, whose initials are ssqy).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = ""
        self._fuzzy = False
        self._text: list[str] = []
        self._pinyin: list[str] = []

    def set_entries(self, entries: list[GlossaryEntry]) -> None:
        self._text = [squash("|".join([e.term, *e.aliases, e.definition])) for e in entries]
        self._pinyin = []

    @property
    def has_pinyin(self) -> bool:
        return bool(self._pinyin)

    def set_pinyin(self, keys: list[str]) -> None:
        self.beginFilterChange()
        self._pinyin = keys
        self._fuzzy = self._needs_fuzzy()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_query(self, text: str) -> None:
        self.beginFilterChange()
        self._key = squash(text)
        self._fuzzy = self._needs_fuzzy()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def _exact(self, row: int) -> bool:
        if self._key in self._text[row]:
            return True
        return self._key.isascii() and bool(self._pinyin) and self._key in self._pinyin[row]

    def _needs_fuzzy(self) -> bool:
        key = self._key
        if not (self._pinyin and len(key) >= 4 and key.isascii() and key.isalpha()):
            return False
        return not any(self._exact(row) for row in range(len(self._text)))

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._key or self._exact(source_row):
            return True
        if self._fuzzy:
            initials = self._pinyin[source_row].split("|")[0::2]
            return any(one_typo_match(self._key, i) for i in initials)
        return False
