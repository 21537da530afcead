"""Search across the shelf: the search pane's query language over every report on it.

``search_shelf(store, text, where)`` finds every paragraph and heading, in every
report ``where`` admits (place, level, years), that the search pane would find
in that report: the same query language (``search.query``) and the same key
(width, case, punctuation and spaces ignored). The index (``fulltext``) answers
plain words exactly; quoted phrases and very long words are checked on the
text, as the pane checks them. Hits are grouped by report, newest first, and
in reading order within a report; the texts are read when a hit is shown
(``ShelfResults.hits``), so a common word over a thousand reports stays quick.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from haizhu_reader.core.library.fulltext import is_exact, match_expression
from haizhu_reader.core.library.store import LibraryEntry, LibraryStore
from haizhu_reader.core.search.key import KeyedText
from haizhu_reader.core.search.query import Query, parse_query

_CHECK_CHUNK = 2000


@dataclass(frozen=True)
class ShelfFilter:
    """Which reports a search looks in: a place, a level, a range of years (None: any)."""

    place: str | None = None
    level: str | None = None
    years: tuple[int, int] | None = None

    def admits(self, entry: LibraryEntry) -> bool:
        m = entry.meta
        if self.place is not None and m.place != self.place:
            return False
        if self.level is not None and m.level != self.level:
            return False
        if self.years is not None:
            first, last = self.years
            if m.year is None or not first <= m.year <= last:
                return False
        return True


def parse_years(text: str) -> tuple[int, int] | None:
    """``2019-2025`` (or 2019–2025, 2019～2025; ``2023``) -> (2019, 2025); None if not so."""
    parts = [p.strip() for p in text.replace("–", "-").replace("～", "-").split("-")]
    if not 1 <= len(parts) <= 2 or not all(p.isdigit() and len(p) == 4 for p in parts):
        return None
    first, last = int(parts[0]), int(parts[-1])
    return (first, last) if first <= last else None


class ShelfHit:
    """One text found: where it sits in which report, its text and the spans found in it."""

    __slots__ = ("_keyed", "_query", "_spans", "entry", "kind", "label", "section", "text", "unit")

    def __init__(
        self,
        entry: LibraryEntry,
        row: tuple[int, int, str, str, str, str, str],
        query: Query,
    ) -> None:
        _, _, self.kind, self.unit, self.section, self.label, self.text = row
        self.entry = entry
        self._query = query
        self._keyed: KeyedText | None = None
        self._spans: tuple[tuple[int, int], ...] | None = None

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Text offsets of every occurrence of the query's words (overlaps merged)."""
        if self._spans is None:
            self._keyed = self._keyed or KeyedText(self.text)
            self._spans = tuple(self._query.spans(self._keyed))
        return self._spans

    def to_json(self) -> dict[str, Any]:
        """A hit of ``--search … --library --json`` (``text`` for a heading, as the pane's)."""
        m = self.entry.meta
        out: dict[str, Any] = {
            "report": self.entry.content_hash,
            "title": m.title,
            "place": m.place,
            "year": m.year,
            "paragraph": self.unit,
            "section": self.section,
            "kind": self.kind,
            "spans": [[s, e] for s, e in self.spans],
        }
        if self.kind != "paragraph":
            out["text"] = self.text
        return out


@dataclass
class ReportHits:
    """The texts of one report that match, in reading order (their rows in the store)."""

    entry: LibraryEntry
    ids: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)


def _newest_first(entry: LibraryEntry) -> tuple[int, str, str]:
    m = entry.meta
    return (m.year or 0, m.date or "", m.title)


class ShelfResults:
    """Hits grouped by report, newest first."""

    def __init__(self, store: LibraryStore, query: Query, reports: list[ReportHits]) -> None:
        self._store = store
        self.query = query
        self.reports = reports

    @property
    def total(self) -> int:
        return sum(len(r) for r in self.reports)

    def hits(self, report: ReportHits, start: int = 0, count: int | None = None) -> list[ShelfHit]:
        """Hits ``start`` … of a report's, with their texts (read now)."""
        ids = report.ids[start : None if count is None else start + count]
        return [ShelfHit(report.entry, row, self.query) for row in self._store.units(ids)]

    def all_hits(self) -> Iterator[ShelfHit]:
        for report in self.reports:
            for start in range(0, len(report), _CHECK_CHUNK):
                yield from self.hits(report, start, _CHECK_CHUNK)


def search_shelf(
    store: LibraryStore,
    text: str,
    where: ShelfFilter | None = None,
    entries: Sequence[LibraryEntry] | None = None,
) -> ShelfResults:
    """Every text of the reports ``where`` admits that matches ``text`` (see the module).

    ``entries``: the shelf's entries if the caller has them (else read from the store).
    """
    query = parse_query(text)
    if query.empty:
        return ShelfResults(store, query, [])
    where = where or ShelfFilter()
    listed = entries if entries is not None else store.entries(check_files=False)
    admitted = {e.report_id: e for e in listed if where.admits(e)}
    if not admitted:
        return ShelfResults(store, query, [])
    found: dict[int, ReportHits] = {}
    # A filter that leaves some reports out is applied by SQLite, row by row in C.
    some = admitted if len(admitted) < len(listed) else None
    matched = store.match(match_expression(query), some)
    candidates = [(unit, report) for unit, report in matched if report in admitted]
    if not is_exact(query):
        candidates = _checked(store, query, candidates)
    for unit, report in candidates:
        hits = found.get(report)
        if hits is None:
            hits = found[report] = ReportHits(admitted[report])
        hits.ids.append(unit)
    reports = sorted(found.values(), key=lambda r: _newest_first(r.entry), reverse=True)
    return ShelfResults(store, query, reports)


def _checked(
    store: LibraryStore, query: Query, candidates: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The candidates whose text matches ``query`` itself (quoted phrases, long words)."""
    listed = list(candidates)
    report_of = dict(listed)
    kept: list[tuple[int, int]] = []
    for i in range(0, len(listed), _CHECK_CHUNK):
        rows = store.units(unit for unit, _ in listed[i : i + _CHECK_CHUNK])
        kept += [
            (row[0], report_of[row[0]])
            for row in rows
            if query.counts(KeyedText(row[6])) is not None
        ]
    return kept
