"""A shelf of 1,000 reports: adding, index size, filtered queries — three engines side by side.

    .venv/bin/python bench/shelf_bench.py [--reports 1000] [--queries 500] [--seed 7]
                                          [--engines chars,trigram,whoosh] [--keep DIR]

The shelf: the development corpus (``../shared/corpus/reports``; the reports the
parser reads), replicated to ``--reports`` files with distinct content hashes
(each copy ends with a line of its own). Every engine adds the same folder the
way the app does (``adding.ShelfAdder``: parsed in spawned processes on every
core, each report written as it arrives), in a fresh process of its own so its
peak memory is its own:

- chars: the app's shelf (``library.store``): FTS5, one token per character of
  the search key, a word is the phrase of its characters;
- trigram: FTS5 with the trigram tokenizer over the same key; a word of fewer
  than three characters cannot be looked up in it and scans the keys the table
  stores (``instr``: SQLite 3.40's ``LIKE`` on such a table finds nothing for a
  pattern of under three characters);
- whoosh: the search pane's Whoosh schema (character unigrams, bigrams with
  positions; ``search.store``) over every text of the shelf, one writer for the
  batch; the texts in SQLite beside it.

Queries: ``--queries`` random substrings (1-6 characters) of the shelf's texts,
some full-width, upper-case or punctuated, some of two words, OR, or with an
excluded word; each with a filter drawn at random (none, a place, a level, a
range of years, a place and years), as the shelf pane sends them. Time = from
the query text to every hit identified, grouped by report; "+spans" also
reads each hit's text and finds its spans (what ``--search --library --json``
prints). Recall and precision are over (report, text) pairs against brute
force over every text of the admitted reports (``query.Query.counts``, the
search pane's own check). Peak memory is the adding process's (main) and its
largest worker's. Targets (issue 17): add 1,000 reports in under 3 minutes;
query p95 <= 100 ms; peak memory <= 400 MB. The GUI's longest stall while
adding is ``bench/shelf_gui_bench.py``'s.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from haizhu_reader.core.errors import ReportError
from haizhu_reader.core.library.adding import ShelfAdder
from haizhu_reader.core.library.fulltext import is_exact
from haizhu_reader.core.library.searching import ShelfFilter, search_shelf
from haizhu_reader.core.library.store import Added, LibraryEntry, LibraryStore, ReportRecord
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.search.key import KeyedText, search_key
from haizhu_reader.core.search.query import Query, Word, parse_query

# ../shared/corpus/reports beside the checkout (or beside the folder of worktrees).
_ROOT = Path(__file__).resolve().parents[1]
CORPUS = (
    next(
        (
            c
            for c in (_ROOT.parent / "shared", _ROOT.parent.parent / "shared")
            if (c / "corpus" / "reports").is_dir()
        ),
        _ROOT.parent / "shared",
    )
    / "corpus"
    / "reports"
)
ENGINES = ("chars", "trigram", "whoosh")
FULL_WIDTH = str.maketrans(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "０１２３４５６７８９ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ",
)
PUNCTUATION = "，。、“”《》·—：；（）"


# -- the shelf and the queries (in the parent) ---------------------------------------------


def make_shelf(folder: Path, n: int, corpus: Path) -> list[Path]:
    """``n`` report files: the corpus's reports the parser reads, copied round by round,
    each copy after the first with a line of its own (a distinct content hash)."""
    sources = []
    for path in sorted(corpus.glob("*.md")):
        try:
            load_report(path)
        except ReportError:
            continue
        sources.append(path)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        src = sources[i % len(sources)]
        copy = i // len(sources)
        dest = folder / f"{copy:03d}" / src.name
        dest.parent.mkdir(exist_ok=True)
        data = src.read_bytes()
        if copy:
            data += f"\n\n（本文件为第 {copy} 份副本。）\n".encode()
        dest.write_bytes(data)
        out.append(dest)
    return sources


def _plain(text: str) -> str:
    """A substring as one word of the query language (no spaces, quotes or leading -)."""
    text = "".join(c for c in text if not c.isspace() and c not in '"＂')
    return text.lstrip("-－")


def make_queries(sources: Sequence[Path], n: int, rng: random.Random) -> list[dict[str, Any]]:
    """``n`` queries (text and filter) over the shelf's texts and metadata."""
    from haizhu_reader.core.library.store import record_of

    records = [record_of(load_report(p), p) for p in sources]
    texts = [t.text for r in records for t in r.texts if t.text]
    metas = [r.meta for r in records]
    places = sorted({m.place for m in metas if m.place})
    years = sorted({m.year for m in metas if m.year})

    def word() -> str:
        while True:
            t = rng.choice(texts)
            size = rng.randint(1, 6)
            start = rng.randrange(max(1, len(t) - size + 1))
            q = _plain(t[start : start + size])
            if search_key(q):
                return q

    out: list[str] = []
    while len(out) < n:
        roll = rng.random()
        w = word()
        if roll < 0.06 and any(c.isascii() and c.isalnum() for c in w):
            out.append(w.translate(FULL_WIDTH) if rng.random() < 0.5 else w.swapcase())
        elif roll < 0.12 and len(w) > 1:
            cut = rng.randrange(1, len(w))
            out.append(w[:cut] + rng.choice(PUNCTUATION) + w[cut:])
        elif roll < 0.18:
            out.append(f"{w} {word()}")
        elif roll < 0.22:
            out.append(f"{w} OR {word()}")
        elif roll < 0.26:
            out.append(f"{w} -{word()}")
        elif roll < 0.28:
            out.append(f'"{w}"')
        else:
            out.append(w)

    def a_filter() -> dict[str, Any]:
        roll = rng.random()
        first = rng.choice(years)
        span = (first, min(years[-1], first + rng.randint(0, 6)))
        if roll < 0.2:
            return {}
        if roll < 0.5:
            return {"place": rng.choice(places)}
        if roll < 0.7:
            return {"level": rng.choice(["province", "city"])}
        if roll < 0.9:
            return {"years": span}
        return {"place": rng.choice(places), "years": span}

    return [{"text": q, "filter": a_filter()} for q in out]


# -- the engines (each in a process of its own) --------------------------------------------


class Units:
    """The shelf's texts in SQLite (the trigram and Whoosh peers keep them here)."""

    def __init__(self, db: Path) -> None:
        self.conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute(
            "CREATE TABLE reports (id INTEGER PRIMARY KEY, hash TEXT UNIQUE, place TEXT, "
            "level TEXT, year INTEGER)"
        )
        self.conn.execute(
            "CREATE TABLE units (id INTEGER PRIMARY KEY, report INTEGER, ord INTEGER, text TEXT)"
        )
        self.next_unit = 1

    def add(self, record: ReportRecord) -> tuple[int, list[tuple[int, str]]] | None:
        """The report's row and its (unit id, text) rows, or None if it is already here."""
        m = record.meta
        try:
            cur = self.conn.execute(
                "INSERT INTO reports (hash, place, level, year) VALUES (?, ?, ?, ?)",
                (record.content_hash, m.place, m.level, m.year),
            )
        except sqlite3.IntegrityError:
            return None
        rid = int(cur.lastrowid or 0)
        rows = [(self.next_unit + i, t.text) for i, t in enumerate(record.texts)]
        self.next_unit += len(rows)
        self.conn.executemany(
            "INSERT INTO units VALUES (?, ?, ?, ?)",
            [(uid, rid, i, text) for i, (uid, text) in enumerate(rows)],
        )
        return rid, rows

    def entries(self) -> dict[int, tuple[str, str | None, str | None, int | None]]:
        return {r[0]: r[1:] for r in self.conn.execute("SELECT * FROM reports")}

    def texts(self, ids: Sequence[int]) -> list[tuple[int, int, str]]:
        """(id, report, text) of units ``ids``."""
        out: list[tuple[int, int, str]] = []
        for i in range(0, len(ids), 500):
            chunk = list(ids[i : i + 500])
            out += self.conn.execute(
                f"SELECT id, report, text FROM units WHERE id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        return out

    def size(self, db: Path) -> int:
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return db.stat().st_size


class Peer:
    """An engine: ``add`` each report, ``search`` -> {report row: [unit ids]}."""

    name = ""

    def add(self, record: ReportRecord) -> Added:
        raise NotImplementedError

    def checkpoint(self) -> None:
        pass

    def finish(self) -> None:
        pass

    def search(self, text: str, where: ShelfFilter) -> tuple[Query, dict[int, list[int]]]:
        raise NotImplementedError

    def spans(self, query: Query, found: dict[int, list[int]]) -> int:
        """Read every hit's text and find its spans; the number of spans."""
        raise NotImplementedError

    def identities(self, found: dict[int, list[int]]) -> set[tuple[str, int]]:
        """(report hash, unit's place in reading order) of every hit."""
        raise NotImplementedError

    def all_texts(self) -> list[tuple[str, int, str, ShelfFilterKey]]:
        raise NotImplementedError

    def sizes(self) -> tuple[int, int]:
        """Bytes on disk: (index, texts and catalogue) — one figure when they share a file."""
        raise NotImplementedError


ShelfFilterKey = tuple[str | None, str | None, int | None]


def _admits(where: ShelfFilter, place: str | None, level: str | None, year: int | None) -> bool:
    if where.place is not None and place != where.place:
        return False
    if where.level is not None and level != where.level:
        return False
    return where.years is None or (year is not None and where.years[0] <= year <= where.years[1])


class CharsPeer(Peer):
    """The app's shelf."""

    name = "fts5 chars (app)"

    def __init__(self, folder: Path) -> None:
        self.db = folder / "chars.sqlite3"
        self.store = LibraryStore.open(self.db, bundled=False)
        self.entries: list[LibraryEntry] = []

    def add(self, record: ReportRecord) -> Added:
        return self.store.add(record)

    def checkpoint(self) -> None:
        self.store.checkpoint()

    def finish(self) -> None:
        self.entries = self.store.entries(check_files=False)
        self.by_id = {e.report_id: e for e in self.entries}

    def search(self, text: str, where: ShelfFilter) -> tuple[Query, dict[int, list[int]]]:
        results = search_shelf(self.store, text, where, self.entries)
        return results.query, {r.entry.report_id: r.ids for r in results.reports}

    def spans(self, query: Query, found: dict[int, list[int]]) -> int:
        rows = self.store.units(i for ids in found.values() for i in ids)
        return sum(len(query.spans(KeyedText(r[6]))) for r in rows)

    def identities(self, found: dict[int, list[int]]) -> set[tuple[str, int]]:
        out = set()
        for rid, ids in found.items():
            for row in self.store.units(ids):
                out.add((self.by_id[rid].content_hash, row[1]))
        return out

    def all_texts(self) -> list[tuple[str, int, str, ShelfFilterKey]]:
        out = []
        for e in self.entries:
            key = (e.meta.place, e.meta.level, e.meta.year)
            for i, (_, text) in enumerate(self.store.texts_of(e.report_id)):
                out.append((e.content_hash, i, text, key))
        return out

    def sizes(self) -> tuple[int, int]:
        return self.store.size(), 0


class _SeparatePeer(Peer):
    """A peer whose index is apart from the texts (kept in ``Units``)."""

    def __init__(self, folder: Path) -> None:
        self.units_db = folder / f"{self.name.split()[0]}-texts.sqlite3"
        self.units = Units(self.units_db)
        self.reports: dict[int, tuple[str, str | None, str | None, int | None]] = {}

    def finish(self) -> None:
        self.reports = self.units.entries()

    def _grouped(
        self,
        query: Query,
        candidates: set[int] | list[int],
        where: ShelfFilter,
        exclusions: bool,
    ) -> dict[int, list[int]]:
        """The candidates in reports ``where`` admits, checked on their texts unless the
        index answered exactly (``exclusions``: it left the excluded words out)."""
        rows = self.units.texts(sorted(candidates))
        found: dict[int, list[int]] = {}
        exact = is_exact(query) and (exclusions or not query.excluded)
        for uid, rid, text in rows:
            _, place, level, year = self.reports[rid]
            if not _admits(where, place, level, year):
                continue
            if not exact and query.counts(KeyedText(text)) is None:
                continue
            found.setdefault(rid, []).append(uid)
        return found

    def spans(self, query: Query, found: dict[int, list[int]]) -> int:
        rows = self.units.texts([i for ids in found.values() for i in ids])
        return sum(len(query.spans(KeyedText(r[2]))) for r in rows)

    def identities(self, found: dict[int, list[int]]) -> set[tuple[str, int]]:
        out = set()
        for rid, ids in found.items():
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                for (o,) in self.units.conn.execute(
                    f"SELECT ord FROM units WHERE id IN ({','.join('?' * len(chunk))})", chunk
                ):
                    out.add((self.reports[rid][0], o))
        return out

    def all_texts(self) -> list[tuple[str, int, str, ShelfFilterKey]]:
        return [
            (self.reports[rid][0], o, text, self.reports[rid][1:])
            for rid, o, text in self.units.conn.execute("SELECT report, ord, text FROM units")
        ]


class TrigramPeer(_SeparatePeer):
    name = "fts5 trigram"

    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.units.conn.execute(
            "CREATE VIRTUAL TABLE tri USING fts5(key, tokenize='trigram', detail='full')"
        )

    def add(self, record: ReportRecord) -> Added:
        self.units.conn.execute("BEGIN")
        added = self.units.add(record)
        if added is not None:
            self.units.conn.executemany(
                "INSERT INTO tri (rowid, key) VALUES (?, ?)",
                ((uid, search_key(text)) for uid, text in added[1]),
            )
        self.units.conn.execute("COMMIT")
        return Added.ADDED if added else Added.PRESENT

    def checkpoint(self) -> None:
        self.units.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def _word(self, word: Word) -> set[int]:
        key = word.key
        if len(key) >= 3:
            sql, arg = "SELECT rowid FROM tri WHERE tri MATCH ?", f'"{key.replace(chr(34), "")}"'
        else:  # too short for a trigram: a scan of the stored keys
            sql, arg = "SELECT rowid FROM tri WHERE instr(key, ?) > 0", key
        return {r[0] for r in self.units.conn.execute(sql, (arg,))}

    def search(self, text: str, where: ShelfFilter) -> tuple[Query, dict[int, list[int]]]:
        query = parse_query(text)
        if query.empty:
            return query, {}
        found: set[int] | None = None
        for group in query.groups:
            either: set[int] = set().union(*(self._word(w) for w in group))
            found = either if found is None else found & either
        for w in query.excluded:
            if w.exact is None:
                found = (found or set()) - self._word(w)
        return query, self._grouped(query, found or set(), where, exclusions=True)

    def sizes(self) -> tuple[int, int]:
        return self.units.size(self.units_db), 0


class WhooshPeer(_SeparatePeer):
    name = "whoosh"

    def __init__(self, folder: Path) -> None:
        from whoosh import fields
        from whoosh import index as whoosh_index

        from haizhu_reader.core.search.store import IndexCodec, schema

        super().__init__(folder)
        self.index_dir = folder / "whoosh"
        self.index_dir.mkdir()
        base = schema()
        base.add("unit", fields.NUMERIC(stored=True, bits=64))
        self.ix = whoosh_index.create_in(str(self.index_dir), base)
        self.writer = self.ix.writer(limitmb=256, codec=IndexCodec(compression=0))
        self.searcher: Any = None

    def add(self, record: ReportRecord) -> Added:
        self.units.conn.execute("BEGIN")
        added = self.units.add(record)
        self.units.conn.execute("COMMIT")
        if added is None:
            return Added.PRESENT
        for uid, text in added[1]:
            self.writer.add_document(
                id=str(uid), kind="body", section="", ord=uid, uni=text, bi=text, unit=uid
            )
        return Added.ADDED

    def checkpoint(self) -> None:
        import gc

        gc.disable()  # as search.store does for its builds
        try:
            self.writer.commit()
        finally:
            gc.enable()

    def finish(self) -> None:
        super().finish()
        self.searcher = self.ix.searcher()
        reader = self.searcher.reader()
        self.unit_of = list(reader.column_reader("ord"))

    def search(self, text: str, where: ShelfFilter) -> tuple[Query, dict[int, list[int]]]:
        from haizhu_reader.core.search.searching import whoosh_query

        query = parse_query(text)
        if query.empty:
            return query, {}
        docs = self.searcher.docs_for_query(whoosh_query(query))
        unit_of = self.unit_of
        # The pane's Whoosh query has no exclusions: the texts decide those.
        return query, self._grouped(query, [unit_of[d] for d in docs], where, exclusions=False)

    def sizes(self) -> tuple[int, int]:
        index = sum(f.stat().st_size for f in self.index_dir.iterdir() if f.is_file())
        return index, self.units.size(self.units_db)


PEERS: dict[str, Callable[[Path], Peer]] = {
    "chars": CharsPeer,
    "trigram": TrigramPeer,
    "whoosh": WhooshPeer,
}


def _filter(d: dict[str, Any]) -> ShelfFilter:
    years = d.get("years")
    return ShelfFilter(d.get("place"), d.get("level"), tuple(years) if years else None)


def _rss_mb(who: int) -> float:
    rss = resource.getrusage(who).ru_maxrss
    return rss / 1024 if sys.platform != "darwin" else rss / 1024 / 1024


def run_peer(engine: str, shelf: Path, work: Path, queries: list[dict[str, Any]]) -> dict[str, Any]:
    """Add the shelf, time the queries, then (outside the timing) score them."""
    peer = PEERS[engine](work)
    started, cpu = time.perf_counter(), time.process_time()
    summary = ShelfAdder(cast(LibraryStore, peer), [shelf]).run()
    add_s = time.perf_counter() - started
    peer.finish()
    add_cpu = time.process_time() - cpu
    times, with_spans, found = [], [], []
    for q in queries:
        where = _filter(q["filter"])
        t0 = time.perf_counter()
        query, hits = peer.search(q["text"], where)
        t1 = time.perf_counter()
        peer.spans(query, hits)
        t2 = time.perf_counter()
        times.append((t1 - t0) * 1000)
        with_spans.append((t2 - t0) * 1000)
        found.append(hits)
    result = {
        "engine": peer.name,
        "added": len(summary.added),
        "refused": len(summary.refused),
        "add_s": add_s,
        "add_cpu_main_s": add_cpu,
        "rss_main_mb": _rss_mb(resource.RUSAGE_SELF),
        "rss_worker_mb": _rss_mb(resource.RUSAGE_CHILDREN),
        "sizes": peer.sizes(),
        "times": times,
        "with_spans": with_spans,
    }
    result.update(score(peer, queries, found))
    return result


def score(peer: Peer, queries: list[dict[str, Any]], found: list[dict[int, list[int]]]) -> Any:
    """Recall and precision over (report, text) pairs, against brute force."""
    by_text: dict[str, list[tuple[str, int, ShelfFilterKey]]] = {}
    for h, o, text, key in peer.all_texts():
        by_text.setdefault(text, []).append((h, o, key))
    keyed = [(KeyedText(t), where) for t, where in by_text.items()]
    tp = fp = fn = 0
    for q, hits in zip(queries, found, strict=True):
        query = parse_query(q["text"])
        where = _filter(q["filter"])
        truth = set()
        if not query.empty:
            for k, places in keyed:
                if query.counts(k) is None:
                    continue
                truth |= {(h, o) for h, o, key in places if _admits(where, *key)}
        got = peer.identities(hits)
        tp, fp, fn = tp + len(got & truth), fp + len(got - truth), fn + len(truth - got)
    return {
        "recall": tp / (tp + fn) if tp + fn else 1.0,
        "precision": tp / (tp + fp) if tp + fp else 1.0,
        "pairs": tp + fn,
        "missed": fn,
        "extra": fp,
    }


# -- the table ------------------------------------------------------------------------------


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@dataclass
class Row:
    engine: str
    data: dict[str, Any]


def print_table(rows: list[Row], n_queries: int) -> None:
    head = (
        f"{'engine':<17} {'added':>5} {'add s':>6} {'main cpu s':>10} {'peak MB':>7} "
        f"{'worker MB':>9} {'index MB':>8} {'texts MB':>8} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'p95+spans':>9} {'max ms':>7} {'recall':>7} {'precision':>9}"
    )
    print(head)
    print("-" * len(head))
    for row in rows:
        d = row.data
        index, texts = d["sizes"]
        print(
            f"{d['engine']:<17} {d['added']:>5} {d['add_s']:>6.1f} {d['add_cpu_main_s']:>10.1f} "
            f"{d['rss_main_mb']:>7.0f} {d['rss_worker_mb']:>9.0f} {index / 1e6:>8.1f} "
            f"{(texts / 1e6 if texts else 0):>8.1f} {pct(d['times'], 50):>7.1f} "
            f"{pct(d['times'], 95):>7.1f} {pct(d['with_spans'], 95):>9.1f} "
            f"{max(d['times']):>7.0f} {d['recall']:>7.4f} {d['precision']:>9.4f}"
        )
    print(
        f"\n{n_queries} queries with filters; fts5 chars keeps texts and index in one file "
        "(index MB is the whole shelf); for the others texts MB is the SQLite file of texts."
    )


def targets(rows: list[Row], n_reports: int) -> None:
    print("\ntargets:")
    for row in rows:
        d = row.data
        checks = [
            (f"add {n_reports} in {d['add_s']:.0f} s", d["add_s"] < 180),
            (f"p95 {pct(d['times'], 95):.0f} ms", pct(d["times"], 95) <= 100),
            (f"peak {max(d['rss_main_mb'], d['rss_worker_mb']):.0f} MB",
             max(d["rss_main_mb"], d["rss_worker_mb"]) <= 400),
            (f"recall {d['recall']:.4f} precision {d['precision']:.4f} ({d['pairs']:,} pairs: "
             f"{d['missed']} missed, {d['extra']} extra)", d["missed"] == d["extra"] == 0),
        ]  # fmt: skip
        said = "; ".join(f"{text} {'ok' if ok else 'MISSED'}" for text, ok in checks)
        print(f"  {d['engine']:<17} {said}")


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it")
    ap.add_argument("--peer", help=argparse.SUPPRESS)  # internal: one engine's process
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer:
        queries = json.loads((args.work / "queries.json").read_text(encoding="utf-8"))
        out = run_peer(args.peer, args.work / "shelf", args.work / args.peer, queries)
        (args.work / f"{args.peer}.json").write_text(json.dumps(out), encoding="utf-8")
        return 0

    work = args.keep or Path(tempfile.mkdtemp(prefix="hz-shelf-bench-"))
    try:
        sources = make_shelf(work / "shelf", args.reports, args.corpus)
        rng = random.Random(args.seed)
        queries = make_queries(sources, args.queries, rng)
        (work / "queries.json").write_text(json.dumps(queries, ensure_ascii=False), "utf-8")
        print(
            f"{args.reports} reports ({len(sources)} distinct in the corpus, replicated), "
            f"{len(queries)} queries; CPUs: {os.cpu_count()}; Python {sys.version.split()[0]}; "
            f"SQLite {sqlite3.sqlite_version}\n",
            flush=True,
        )
        rows = []
        for engine in args.engines.split(","):
            (work / engine).mkdir(exist_ok=True)
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, __file__, "--peer", engine, "--work", str(work)], check=True
            )
            data = json.loads((work / f"{engine}.json").read_text(encoding="utf-8"))
            rows.append(Row(engine, data))
            took = time.perf_counter() - started
            print(f"  {engine} done in {took:.0f} s", file=sys.stderr, flush=True)
        print_table(rows, len(queries))
        targets(rows, args.reports)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
