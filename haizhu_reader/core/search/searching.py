"""Full-text search of a report: everything Ctrl+F would find, from a Whoosh index.

What is searched (``report_units``), in reading order: every section heading
and paragraph of the speech, every appendix title and paragraph (scope
``body``); each glossary entry as a text of its own, term then definition
(scope ``glossary``); user notes (scope ``note``, see below).

How: the Whoosh index (``store``) holds character unigrams and bigrams
of each text's search key (``analysis``). A word of one character is a
unigram term, a longer word the phrase of its bigrams, so Whoosh returns the
texts whose key contains the word's key; every candidate is then checked on the
text itself (``query.Query.counts``), which also applies quoted phrases
and ``-`` exclusions, and scored by BM25 over its exact occurrences. Whoosh's QueryParser never
sees user input.

Notes: ``ReportIndex.set_notes(notes)`` indexes the user's notes in a small
in-memory index with the same schema (kind ``note``), replacing the previous
set; search them with ``scope=SearchScope.NOTES``. The annotations store is the truth
and notes change often, so they are never written into the cached index.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from haizhu_reader.core.report import PART, TOPIC, Report, Section
from haizhu_reader.core.search.key import IndexCorruptError, KeyedText, bigrams, search_key
from haizhu_reader.core.search.query import MAX_QUERY_CHARS, Query, Word, parse_query

if TYPE_CHECKING:
    from haizhu_reader.core.search.store import DiskIndex, Store

__all__ = [
    "Hit",
    "NoteText",
    "Order",
    "ReportIndex",
    "SearchError",
    "SearchScope",
    "Unit",
    "find_in_paragraphs",
    "hits_to_json",
    "report_units",
    "write_hits_json",
]

# A long word is looked up by the phrase of its first bigrams; the exact check
# on the text does the rest. Keeps a pasted paragraph from becoming a phrase
# query of hundreds of terms.
MAX_PHRASE_BIGRAMS = 24


class SearchScope(StrEnum):
    """Which texts a search looks in (not ``anchoring.Scope``, what an annotation covers)."""

    BODY = "body"
    GLOSSARY = "glossary"
    NOTES = "note"


class Order(StrEnum):
    READING = "reading"
    RELEVANCE = "relevance"


class SearchError(Exception):
    """Search is unavailable (the index could not be built even in memory)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One searchable text.

    ``kind``: ``paragraph`` (id is a paragraph id, spans index Paragraph.text),
    ``heading`` (a section or appendix id; the text is ``Section.heading`` or the
    appendix title), ``glossary`` (id is the term) or ``note`` (id is the note's).
    ``section`` is the innermost section or appendix (for a note: the paragraph
    it is attached to); ``path`` the section ids from the part down.
    """

    kind: str
    id: str
    section: str
    path: tuple[str, ...]
    text: str

    @property
    def scope(self) -> str:
        if self.kind == "glossary":
            return SearchScope.GLOSSARY.value
        if self.kind == "note":
            return SearchScope.NOTES.value
        return SearchScope.BODY.value


@dataclass(frozen=True, slots=True)
class NoteText:
    """A user note as search needs it."""

    id: str
    paragraph: str
    text: str


class Hit:
    """One matching text: its unit, relevance score, place in reading order and spans.

    ``spans`` (text offsets of every occurrence, overlaps merged) are found on
    first access: a search for a common character matches thousands of texts
    and a results list shows a few dozen.
    """

    __slots__ = ("_keyed", "_query", "_spans", "order", "score", "unit")

    def __init__(self, unit: Unit, order: int, score: float, keyed: KeyedText, query: Query):
        self.unit = unit
        self.order = order
        self.score = score
        self._keyed = keyed
        self._query = query
        self._spans: tuple[tuple[int, int], ...] | None = None

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        if self._spans is None:
            self._spans = tuple(self._query.spans(self._keyed))
        return self._spans

    def __repr__(self) -> str:
        return f"Hit({self.unit.kind} {self.unit.id}, score={self.score:.3f})"


def _shows_heading(section: Section, first: bool) -> bool:
    """Whether a section's heading is text of its own in the reading view.

    The report's unnumbered opening (开篇) has no printed heading; a lead
    topic's headline opens its first paragraph and is searched there.
    """
    if first and section.level == PART and not section.number:
        return False
    if section.level == TOPIC and section.paragraphs:
        return not search_key(section.paragraphs[0].text).startswith(search_key(section.title))
    return True


def _body_units(report: Report) -> Iterator[Unit]:
    first = report.sections[0] if report.sections else None

    def rec(sections: list[Section], trail: tuple[str, ...]) -> Iterator[Unit]:
        for s in sections:
            path = (*trail, s.id)
            if _shows_heading(s, s is first):
                yield Unit("heading", s.id, s.id, path, s.heading)
            for p in s.paragraphs:
                yield Unit("paragraph", p.id, s.id, path, p.text)
            yield from rec(s.children, path)

    yield from rec(report.sections, ())
    for a in report.appendices:
        yield Unit("heading", a.id, a.id, (a.id,), a.title)
        for p in a.paragraphs:
            yield Unit("paragraph", p.id, a.id, (a.id,), p.text)


def glossary_text(term: str, aliases: Sequence[str], definition: str) -> str:
    """A glossary entry as one text: term (aliases not already in it): definition."""
    extra = [a for a in aliases if search_key(a) not in search_key(term)]
    head = f"{term}（{'、'.join(extra)}）" if extra else term
    return f"{head}：{definition}" if definition else head


def report_units(report: Report) -> list[Unit]:
    """Every searchable text of the report, body first in reading order, then the glossary."""
    units = list(_body_units(report))
    units += [
        Unit("glossary", g.term, "", (), glossary_text(g.term, g.aliases, g.definition))
        for g in report.glossary
    ]
    return units


def find_in_paragraphs(report: Report, query: str) -> list[tuple[str, int, int]]:
    """Find in page: (id, start, end) of every occurrence in reading order.

    The whole query is one string (spaces and punctuation are transparent, as
    in search); ids are paragraph ids, or section/appendix ids for headings.
    """
    key = search_key(query[:MAX_QUERY_CHARS])
    if not key:
        return []
    out: list[tuple[str, int, int]] = []
    for u in _body_units(report):
        out.extend((u.id, s, e) for s, e in KeyedText(u.text).find_all(key))
    return out


def hits_to_json(query: str, hits: Iterable[Hit]) -> dict[str, Any]:
    """The ``--search --json`` line for one query.

    ``paragraph`` is the unit's id (a section id for a heading hit) and ``spans``
    index its text; ``kind`` says which; for kinds other than ``paragraph`` the
    text itself is included, since it is not a Paragraph.text.
    """
    out = []
    for h in hits:
        d: dict[str, Any] = {
            "paragraph": h.unit.id,
            "section": h.unit.section,
            "kind": h.unit.kind,
            "spans": [[s, e] for s, e in h.spans],
            "score": round(h.score, 6),
        }
        if h.unit.kind != "paragraph":
            d["text"] = h.unit.text
        out.append(d)
    return {"query": query, "hits": out}


_SPANS_AT_ONCE = 4096


def write_hits_json(query: str, hits: Sequence[Hit], write: Callable[[str], Any]) -> None:
    """The ``--search --json`` line: ``json.dumps(hits_to_json(query, hits))`` and a newline,
    written a hit (and a few thousand spans) at a time, not made whole first: a search
    that matched every paragraph of a huge report held its hits three times over.

    UTF-8, unless a text cannot be written so (a lone surrogate from undecodable argv
    bytes): then ASCII escapes throughout, as ``ensure_ascii`` writes them.
    """
    texts = [query, *(h.unit.text for h in hits if h.unit.kind != "paragraph")]
    ascii_only = not all(_encodable(t) for t in texts)

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=ascii_only)

    write('{"query": ' + dumps(query) + ', "hits": [')
    for k, h in enumerate(hits):
        u = h.unit
        head = f'"paragraph": {dumps(u.id)}, "section": {dumps(u.section)}, "kind": {dumps(u.kind)}'
        write((", {" if k else "{") + head + ', "spans": [')
        spans = h.spans
        for at in range(0, len(spans), _SPANS_AT_ONCE):
            block = ", ".join(f"[{s}, {e}]" for s, e in spans[at : at + _SPANS_AT_ONCE])
            write(", " + block if at else block)
        tail = f'], "score": {dumps(round(h.score, 6))}'
        if u.kind != "paragraph":
            tail += f', "text": {dumps(u.text)}'
        write(tail + "}")
    write("]}\n")


def _encodable(text: str) -> bool:
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _word_query(word: Word) -> Any:
    from whoosh import query as wq

    key = word.key
    if len(key) == 1:
        return wq.Term("uni", key)
    grams = bigrams(key[: MAX_PHRASE_BIGRAMS + 1])
    return wq.Term("bi", grams[0]) if len(grams) == 1 else wq.Phrase("bi", grams)


def whoosh_query(query: Query) -> Any:
    """The Whoosh query that finds every candidate for ``query`` (built, never parsed)."""
    from whoosh import query as wq

    groups = []
    for group in query.groups:
        words = [_word_query(w) for w in group]
        groups.append(words[0] if len(words) == 1 else wq.Or(words))
    return groups[0] if len(groups) == 1 else wq.And(groups)


# BM25 over exact occurrences: Whoosh's own scores count n-grams, not matches.
_K1, _B = 1.2, 0.75


class _Corpus:
    """A store with its units, their keyed texts and per-scope length statistics.

    Without a store every unit is a candidate: the exact check on each text is
    the whole search (a scan, linear in the report; see ``ReportIndex.scanning``).
    """

    def __init__(self, store: Store | None, units: Sequence[Unit]) -> None:
        self.store = store
        self.units = units
        self.keyed = [KeyedText(u.text) for u in units]
        self.scopes = [u.scope for u in units]
        sizes: dict[str, list[int]] = {}
        for u, k in zip(units, self.keyed, strict=True):
            sizes.setdefault(u.scope, []).append(len(k.key))
        self.stats = {scope: (len(v), max(1.0, sum(v) / len(v))) for scope, v in sizes.items()}

    def hits(self, query: Query, scope: str) -> list[Hit]:
        units, keyed, scopes = self.units, self.keyed, self.scopes
        found: list[tuple[int, list[int]]] = []
        store = self.store
        candidates = range(len(units)) if store is None else store.candidates(whoosh_query(query))
        for i in candidates:
            if scopes[i] != scope:
                continue
            counts = query.counts(keyed[i])
            if counts is not None:
                found.append((i, counts))
        if not found:
            return []
        n_docs, avg_len = self.stats[scope]
        nwords = len(found[0][1])
        idf = []
        for w in range(nwords):
            df = sum(1 for _, c in found if c[w])
            idf.append(math.log(1 + (n_docs - df + 0.5) / (df + 0.5)))
        hits = []
        for i, counts in found:
            norm = _K1 * (1 - _B + _B * len(keyed[i].key) / avg_len)
            score = sum(idf[w] * tf * (_K1 + 1) / (tf + norm) for w, tf in enumerate(counts) if tf)
            hits.append(Hit(units[i], i, score, keyed[i], query))
        return hits


class ReportIndex:
    """The search index of one report: open it with ``open_or_build``.

    Safe to search from several threads (each gets its own Whoosh searcher).
    An index that fails at search time is rebuilt once, transparently.
    """

    def __init__(
        self,
        units: Sequence[Unit],
        disk: DiskIndex | None,
        *,
        store: Store | None = None,
        scan: bool = False,
    ) -> None:
        """The units' index: ``store`` if given, else ``disk``'s (opened or built), else
        one in memory; ``scan``: none at all, every search reads every text."""
        self._disk = disk
        self._units = units
        if store is None and not scan:
            from haizhu_reader.core.search.store import memory_store

            store = disk.open() if disk else memory_store(units)
        self._body = _Corpus(store, units)
        self._notes: _Corpus | None = None
        self._lock = threading.Lock()

    @classmethod
    def open_or_build(
        cls, report: Report, index_dir: Path, *, procs: int | None = None
    ) -> ReportIndex:
        """Open the cached index for ``report``, building it if missing, stale or corrupt."""
        return cls.from_units(report_units(report), report.content_hash, index_dir, procs=procs)

    @classmethod
    def from_units(
        cls,
        units: Sequence[Unit],
        content_hash: str,
        index_dir: Path,
        *,
        procs: int | None = None,
    ) -> ReportIndex:
        """As ``open_or_build`` for any list of units (the benchmark's replicated corpus)."""
        from haizhu_reader.core.search.store import DiskIndex

        try:
            return cls(units, DiskIndex(units, content_hash, index_dir, procs))
        except IndexCorruptError as e:
            raise SearchError(f"搜索索引不可用：{e}") from e

    @classmethod
    def open_cached(cls, report: Report, index_dir: Path) -> ReportIndex | None:
        """The cached index for ``report`` if there is a valid one; never builds one."""
        from haizhu_reader.core.search.store import DiskIndex

        if not DiskIndex.may_hold(report.content_hash, index_dir):
            return None  # no index was built: not worth listing and digesting every text
        units = report_units(report)
        disk = DiskIndex(units, report.content_hash, index_dir)
        store = disk.try_open(disk.final)
        return cls(units, disk, store=store) if store is not None else None

    @classmethod
    def scanning(cls, report: Report) -> ReportIndex:
        """Search without an index: each search reads every text (tens of milliseconds
        for a 20 MB report), ready at once. A one-off search (``--search``) and the
        window, while an index is built, search this way: building the index of a
        large report takes far longer than one search."""
        return cls(report_units(report), None, scan=True)

    @classmethod
    def in_memory(cls, report: Report) -> ReportIndex:
        """An index that is never written to disk (screenshots, throwaway windows)."""
        try:
            return cls(report_units(report), None)
        except IndexCorruptError as e:
            raise SearchError(f"搜索索引不可用：{e}") from e

    @property
    def units(self) -> Sequence[Unit]:
        return self._units

    @property
    def builds(self) -> int:
        """How many times this object built the index on disk (0: opened the cache)."""
        return self._disk.builds if self._disk else 0

    @property
    def location(self) -> Path | None:
        """The index folder, or None when it lives in memory (or there is none)."""
        store = self._body.store
        return store.location if store is not None else None

    def search(
        self, text: str, scope: SearchScope = SearchScope.BODY, order: Order = Order.READING
    ) -> list[Hit]:
        """Every text in ``scope`` matching ``text`` (see ``query``)."""
        query = parse_query(text)
        if query.empty:
            return []
        if scope is SearchScope.NOTES:
            notes = self._notes
            hits = notes.hits(query, scope.value) if notes is not None else []
        else:
            corpus = self._body
            try:
                hits = corpus.hits(query, scope.value)
            except IndexCorruptError:
                hits = self._rebuilt(corpus).hits(query, scope.value)
        if order is Order.RELEVANCE:
            hits.sort(key=lambda h: (-h.score, h.order))
        else:
            hits.sort(key=lambda h: h.order)
        return hits

    def _rebuilt(self, broken: _Corpus) -> _Corpus:
        from haizhu_reader.core.search.store import memory_store

        with self._lock:
            if self._body is broken and broken.store is not None:
                try:
                    if self._disk is None:
                        broken.store.close()
                        store = memory_store(self._units)
                    else:
                        store = self._disk.rebuild(broken.store)
                except IndexCorruptError as e:
                    raise SearchError(f"搜索索引不可用：{e}") from e
                self._body = _Corpus(store, self._units)
            return self._body

    def set_notes(self, notes: Iterable[NoteText]) -> None:
        """Replace the searchable notes (call again whenever notes change)."""
        from haizhu_reader.core.search.store import memory_store

        paths = {u.id: u.path for u in self._units if u.kind == "paragraph"}
        units = [Unit("note", n.id, n.paragraph, paths.get(n.paragraph, ()), n.text) for n in notes]
        # The old in-memory index holds no files: another thread may still be
        # searching it, so it is left to the garbage collector.
        self._notes = _Corpus(memory_store(units), units)

    def close(self) -> None:
        """Release the searchers (after the last search, from any thread)."""
        for corpus in (self._body, self._notes):
            if corpus is not None and corpus.store is not None:
                corpus.store.close()
