"""Search: recall and precision against brute force, query and build times, two peers.

    .venv/bin/python bench/search_bench.py [--sizes 1,10,100] [--queries 1000] [--seed 7]
                                           [--no-gui] [--no-single-process]

Queries (at least ``--queries`` of them): every glossary term and alias; random
1-6 character substrings of the report's searchable texts; full-width,
upper-case and punctuated variants of some. The truth for a query is brute
force: the texts whose search key (``search_analysis.search_key``: width- and
case-folded, punctuation and spaces dropped) contains the query's key.

The corpus is the bundled report's searchable texts (paragraphs, headings,
appendix, glossary entries) at 1x, 10x and 100x (replicas with distinct ids).
At each size, on the same texts and queries:

- whoosh: ``ReportIndex`` (this app). Build = write, install and open the
  index in a fresh folder. Query = ``index.search(q)`` (scope body, reading
  order); "+spans" also finds every hit's spans (what ``--search --json`` does).
- python scan: ``key in text_key`` over precomputed keys (build = the keys).
- sqlite fts5: the keys in an in-memory FTS5 table with the trigram tokenizer
  (queries shorter than 3 characters fall back to instr(), which scans).

Recall and precision are over (query, text) pairs, both scopes. With the GUI
(offscreen), the search pane measures typing to results painted at 1x: from
the query box receiving the text to the end of a synchronous repaint of the
pane showing the results. Not part of the test run: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from haizhu_reader.core.parse import bundled_report
from haizhu_reader.core.report import Report
from haizhu_reader.core.search.analysis import KeyedText, search_key
from haizhu_reader.core.search.searching import Order, ReportIndex, SearchScope, Unit, report_units
from haizhu_reader.core.search.store import default_procs

FULL_WIDTH = str.maketrans(
    "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "０１２３４５６７８９ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
    "ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ",
)
PUNCTUATION = "，。、“”《》·—：；（）"


# -- queries and truth -------------------------------------------------------------


def _plain(text: str) -> str:
    """A substring as one word of the query language (no spaces, quotes or leading -)."""
    text = "".join(c for c in text if not c.isspace() and c not in '"＂')
    return text.lstrip("-－")


def make_queries(report: Report, units: Sequence[Unit], n: int, rng: random.Random) -> list[str]:
    queries: list[str] = []
    for g in report.glossary:
        queries += [g.term, *g.aliases]
    body = [u for u in units if u.text]
    substrings: list[str] = []
    while len(substrings) < max(n - len(queries), 0):
        u = rng.choice(body)
        length = rng.randint(1, 6)
        start = rng.randrange(max(1, len(u.text) - length + 1))
        q = _plain(u.text[start : start + length])
        if search_key(q):
            substrings.append(q)
    queries += substrings
    # Variants of some: full width (of those with Latin letters or digits), case,
    # punctuation inside or around.
    ascii_ones = [q for q in substrings if any(c.isascii() and c.isalnum() for c in q)]
    for q in rng.sample(ascii_ones, min(60, len(ascii_ones))):
        queries.append(q.translate(FULL_WIDTH))
        queries.append(q.swapcase())
    for q in rng.sample(substrings, min(120, len(substrings))):
        if len(q) > 1:
            cut = rng.randrange(1, len(q))
            queries.append(q[:cut] + rng.choice(PUNCTUATION) + q[cut:])
        queries.append(f"“{q}”")
    return queries


@dataclass(frozen=True)
class Truth:
    """The expected texts of each query at one size: the 1x truth's replicas.

    Made on demand: at 100x the sets hold millions of ints, and kept alive
    they slow every garbage-collection pass of whatever is being timed.
    """

    at_1x: list[set[int]]
    n: int
    size: int

    def __getitem__(self, j: int) -> set[int]:
        return {k * self.n + i for k in range(self.size) for i in self.at_1x[j]}


def truth_at_1x(units: Sequence[Unit], queries: Sequence[str]) -> list[set[int]]:
    keys = [search_key(u.text) for u in units]
    out = []
    for q in queries:
        k = search_key(q)
        out.append({i for i, t in enumerate(keys) if k in t})
    return out


# -- engines -------------------------------------------------------------------------


@dataclass
class Run:
    engine: str
    build_s: float
    build_cpu_s: float
    times_ms: list[float]
    spans_ms: list[float]
    tp: int
    fp: int
    fn: int
    note: str = ""

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0


def _cpu() -> float:
    """CPU seconds of this process and its finished children (parallel build workers)."""
    if sys.platform == "win32":
        return time.process_time()
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def _score(got: set[int], want: set[int], run: Run) -> None:
    run.tp += len(got & want)
    run.fp += len(got - want)
    run.fn += len(want - got)


def bench_whoosh(
    units: Sequence[Unit], queries: Sequence[str], truth: Truth, procs: int | None
) -> Run:
    """Build, then time ``queries`` (none: a build-only row)."""
    folder = Path(tempfile.mkdtemp(prefix="hz-bench-"))
    try:
        started, cpu = time.perf_counter(), _cpu()
        index = ReportIndex.from_units(units, f"bench{len(units)}", folder, procs=procs)
        build, build_cpu = time.perf_counter() - started, _cpu() - cpu
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
        used = procs or default_procs(units)
        name = "whoosh" if procs is None else f"whoosh {used}p"
        run = Run(name, build, build_cpu, [], [], 0, 0, 0, f"{used} proc, {size / 1e6:.1f} MB")
        for j, q in enumerate(queries):
            t0 = time.perf_counter()
            hits = index.search(q, SearchScope.BODY, Order.READING)
            t1 = time.perf_counter()
            for h in hits:
                _ = h.spans
            t2 = time.perf_counter()
            run.times_ms.append((t1 - t0) * 1000)
            run.spans_ms.append((t2 - t0) * 1000)
            got = {h.order for h in hits} | {h.order for h in index.search(q, SearchScope.GLOSSARY)}
            _score(got, truth[j], run)
        index.close()
        return run
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _peer(
    name: str,
    build: Callable[[], Callable[[str], list[int]]],
    units: Sequence[Unit],
    queries: Sequence[str],
    truth: Truth,
) -> Run:
    started, cpu = time.perf_counter(), _cpu()
    find = build()
    keyed = [KeyedText(u.text) for u in units]  # for spans, as the app needs them
    run = Run(name, time.perf_counter() - started, _cpu() - cpu, [], [], 0, 0, 0)
    for j, q in enumerate(queries):
        t0 = time.perf_counter()
        k = search_key(q)
        found = find(k) if k else []
        t1 = time.perf_counter()
        for i in found:
            keyed[i].find_all(k)
        t2 = time.perf_counter()
        run.times_ms.append((t1 - t0) * 1000)
        run.spans_ms.append((t2 - t0) * 1000)
        _score(set(found), truth[j], run)
    return run


def bench_scan(units: Sequence[Unit], queries: Sequence[str], truth: Truth) -> Run:
    def build() -> Callable[[str], list[int]]:
        keys = [search_key(u.text) for u in units]
        return lambda k: [i for i, t in enumerate(keys) if k in t]

    return _peer("python scan", build, units, queries, truth)


def bench_fts5(units: Sequence[Unit], queries: Sequence[str], truth: Truth) -> Run:
    db = sqlite3.connect(":memory:")

    def build() -> Callable[[str], list[int]]:
        db.execute("CREATE VIRTUAL TABLE t USING fts5(key, tokenize='trigram')")
        db.executemany(
            "INSERT INTO t(rowid, key) VALUES (?, ?)",
            ((i, search_key(u.text)) for i, u in enumerate(units)),
        )
        db.commit()

        def find(k: str) -> list[int]:
            if len(k) >= 3:
                sql, arg = "SELECT rowid FROM t WHERE t MATCH ?", '"' + k.replace('"', '""') + '"'
            else:
                sql, arg = "SELECT rowid FROM t WHERE instr(key, ?) > 0", k
            return [row[0] for row in db.execute(sql, (arg,))]

        return find

    try:
        return _peer("sqlite fts5", build, units, queries, truth)
    finally:
        db.close()


# -- typing to results painted (the pane, offscreen) --------------------------------


def bench_gui(report: Report, queries: Sequence[str], folder: Path) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QLineEdit

    from haizhu_reader.gui.search.index_loader import IndexLoader
    from haizhu_reader.gui.search.pane import SearchPane

    app = QApplication.instance() or QApplication([])
    loader = IndexLoader(folder)
    pane = SearchPane(loader)
    pane.resize(380, 760)
    pane.show()
    pane.set_report(report)
    deadline = time.perf_counter() + 60
    while not pane.is_ready() and time.perf_counter() < deadline:
        app.processEvents()
    edit = pane.findChild(QLineEdit, "search_query")
    assert edit is not None and pane.is_ready()
    shown: list[int] = []
    pane.results_shown.connect(shown.append)
    latencies: list[float] = []
    for q in queries:
        pane.set_query("")
        app.processEvents()
        shown.clear()
        t0 = time.perf_counter()
        edit.setText(q)  # what an input-method commit does to the box
        while not shown:
            app.processEvents()
        pane.repaint()  # paints the pane and the visible results, synchronously
        latencies.append((time.perf_counter() - t0) * 1000)
    loader.close()
    pane.close()
    return latencies


# -- the table -------------------------------------------------------------------------


def print_table(rows: list[tuple[str, int, int, Run]]) -> None:
    head = (
        f"{'size':>5} {'texts':>6} {'chars':>9}  {'engine':<12} {'build s':>8} {'cpu s':>6} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'p95+spans':>9} {'max ms':>7} {'recall':>7} "
        f"{'precision':>9} {'build ×':>8} {'p95 ×':>7}  note"
    )
    print(head)
    print("-" * len(head))
    ours = {size: run for size, _, _, run in rows if run.engine == "whoosh"}
    for size, n, chars, run in rows:
        base = ours[size]
        p95 = pct(run.times_ms, 95)
        build_x = run.build_s / base.build_s if base.build_s else float("nan")
        p95_x = p95 / pct(base.times_ms, 95) if run.times_ms else float("nan")
        timed = bool(run.times_ms)
        print(
            f"{size:>5} {n:>6} {chars:>9,}  {run.engine:<12} {run.build_s:>8.3f} "
            f"{run.build_cpu_s:>6.2f} "
            + (
                f"{pct(run.times_ms, 50):>7.2f} {p95:>7.2f} {pct(run.spans_ms, 95):>9.2f} "
                f"{max(run.times_ms):>7.1f} {run.recall:>7.4f} {run.precision:>9.4f} "
                if timed
                else f"{'':>7} {'':>7} {'':>9} {'':>7} {'':>7} {'':>9} "
            )
            + f"{build_x:>8.2f} "
            + (f"{p95_x:>7.2f}" if timed else f"{'':>7}")
            + f"  {run.note}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,10,100")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-gui", action="store_true", help="skip the pane latency")
    ap.add_argument(
        "--no-single-process", action="store_true", help="skip the 1-process build at 100x"
    )
    args = ap.parse_args()
    rng = random.Random(args.seed)
    report = bundled_report()
    base = report_units(report)
    queries = make_queries(report, base, args.queries, rng)
    truth1 = truth_at_1x(base, queries)
    terms = sum(1 + len(g.aliases) for g in report.glossary)
    n = len(base)
    print(
        f"{len(queries)} queries ({terms} glossary terms and aliases, random substrings, "
        f"variants); {n} texts at 1x; CPUs: {os.cpu_count()}; Python {sys.version.split()[0]}; "
        f"SQLite {sqlite3.sqlite_version}\n"
    )
    rows: list[tuple[str, int, int, Run]] = []
    for size in (int(s) for s in args.sizes.split(",")):
        units = [replace(u, id=f"{u.id}~{k}" if k else u.id) for k in range(size) for u in base]
        truth = Truth(truth1, n, size)
        chars = sum(len(u.text) for u in units)
        label = f"{size}×"
        rows.append((label, len(units), chars, bench_whoosh(units, queries, truth, None)))
        if size >= 100 and not args.no_single_process and default_procs(units) > 1:
            rows.append((label, len(units), chars, bench_whoosh(units, [], truth, 1)))
        rows.append((label, len(units), chars, bench_scan(units, queries, truth)))
        rows.append((label, len(units), chars, bench_fts5(units, queries, truth)))
        print(f"  {label} done", file=sys.stderr)
    print_table(rows)

    print("\ntargets:")
    for label, limit_q, limit_b in (("1×", 5.0, 1.5), ("100×", 100.0, 30.0)):
        ours = next((r for s, _, _, r in rows if s == label and r.engine == "whoosh"), None)
        if ours is None:
            continue
        p95 = pct(ours.times_ms, 95)
        ok_q = "ok" if p95 <= limit_q else "MISSED"
        ok_b = "ok" if ours.build_s <= limit_b else "MISSED"
        print(
            f"  {label}: query p95 {p95:.2f} ms (≤ {limit_q:g}) {ok_q}; "
            f"build {ours.build_s:.2f} s (≤ {limit_b:g}) {ok_b}; "
            f"recall {ours.recall:.4f} precision {ours.precision:.4f}"
        )
    if not args.no_gui:
        folder = Path(tempfile.mkdtemp(prefix="hz-bench-gui-"))
        try:
            sample = rng.sample(queries, min(300, len(queries)))
            lat = bench_gui(report, sample, folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        ok = "ok" if pct(lat, 95) < 50 else "MISSED"
        print(
            f"  pane, typing to results painted at 1× ({len(lat)} queries, offscreen): "
            f"p50 {pct(lat, 50):.1f} ms, p95 {pct(lat, 95):.1f} ms, max {max(lat):.1f} ms "
            f"(< 50) {ok}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
