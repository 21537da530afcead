"""Recovery from a damaged annotations store: rows recovered before and after, side by side.

    .venv/bin/python bench/salvage_bench.py [--count 2000] [--seed 5]

Builds a store of ``--count`` annotations of the bundled report (notes of varied
length), damages copies of it in several ways (4 KB overwritten in the middle,
as the hostile-input probe did; 4 KB at three and at four places; the file cut
at 60 %) and prints, for each:

- readable: what a brute-force reader gets from the damaged file, reading every
  rowid one by one and skipping what fails (the most any recovery through SQLite
  can hope for; a cut file's header is first fitted to its length, as recovery does);
- before: the recovery this app had (``SELECT *`` per table, stopping at the first
  damaged page);
- after: ``annotations_db.salvage`` now, and the number of rows it says it could
  not read.

Not part of the test run: it prints figures (``tests/core/annotations/test_salvage.py``
holds the bar, after >= 99 % of readable).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from haizhu_reader.core.annotations import database as annotations_db
from haizhu_reader.core.annotations import salvage as annotations_salvage
from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.store import AnnotationStore, Kind, new_annotation
from haizhu_reader.core.parse import bundled_report


def build(db: Path, count: int, seed: int) -> None:
    report = bundled_report()
    placer = Placer(report)
    pids = [p.id for _, p in report.body_paragraphs()]
    rng = random.Random(seed)
    anns = [
        new_annotation(
            Kind.NOTE,
            placer.anchor_paragraph(pids[i % len(pids)]),
            note="笔记" * rng.randint(1, 60),
        )
        for i in range(count)
    ]
    with AnnotationStore.open(db) as store:
        store.merge(report, anns)


def damage(src: Path, dst: Path, how: str, seed: int) -> None:
    data = bytearray(src.read_bytes())
    rng = random.Random(seed)
    places = {"middle": [0.5], "three": [0.3, 0.55, 0.8], "four": [0.15, 0.45, 0.65, 0.85]}
    if how == "cut":
        data = data[: int(len(data) * 0.6)]
    for fraction in places.get(how, []):
        at = int(len(data) * fraction)
        data[at : at + 4096] = rng.randbytes(4096)
    dst.write_bytes(bytes(data))


def readable(db: Path, count: int) -> int:
    conn = sqlite3.connect(db)
    n = 0
    for rowid in range(1, 2 * count):
        try:
            row = conn.execute("SELECT 1 FROM annotations WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            continue
        n += row is not None
    conn.close()
    return n


def before(src: sqlite3.Connection, into: sqlite3.Connection) -> int:
    """The recovery of the app before this change, kept here to compare."""
    saved = 0
    into.execute("BEGIN IMMEDIATE")
    for table in ("reports", "annotations"):
        ours = {str(r[1]) for r in into.execute(f"PRAGMA table_info({table})")}
        try:
            cur = src.execute(f"SELECT * FROM {table}")
            names = [str(d[0]) for d in cur.description]
            keep = [i for i, n in enumerate(names) if n in ours]
            insert = (
                f"INSERT OR IGNORE INTO {table} ({', '.join(names[i] for i in keep)}) "
                f"VALUES ({', '.join('?' * len(keep))})"
            )
            while (row := cur.fetchone()) is not None:
                with contextlib.suppress(sqlite3.IntegrityError, sqlite3.InterfaceError):
                    n = into.execute(insert, [row[i] for i in keep]).rowcount
                    saved += n if table == "annotations" else 0
        except sqlite3.DatabaseError:
            continue
    into.execute("COMMIT")
    return saved


def fresh(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None)
    annotations_db.migrate(conn, 0)
    return conn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="haizhu-salvage-bench-") as tmp:
        root = Path(tmp)
        good = root / "good.sqlite3"
        build(good, args.count, args.seed)
        print(f"store: {args.count} annotations, {good.stat().st_size / 1e6:.1f} MB")
        heads = ("readable", "before", "after", "said lost", "after ms")
        print(f"{'damage':<8} " + " ".join(f"{h:>9}" for h in heads))
        for how in ("middle", "three", "four", "cut"):
            bad = root / f"{how}.sqlite3"
            damage(good, bad, how, args.seed)
            fitted = root / f"{how}-fitted.sqlite3"
            shutil.copyfile(bad, fitted)
            annotations_salvage._fit_header(fitted)  # as recovery does, for a cut file
            truth = readable(fitted, args.count)
            old_into = fresh(root / f"{how}-before.sqlite3")
            with contextlib.closing(sqlite3.connect(bad, isolation_level=None)) as src:
                try:
                    old = before(src, old_into)
                except sqlite3.DatabaseError:
                    old = 0
            new_into = fresh(root / f"{how}-after.sqlite3")
            copy = root / f"{how}-copy.sqlite3"
            shutil.copyfile(bad, copy)
            t = time.perf_counter()
            new = annotations_salvage.salvage(copy, new_into)
            ms = (time.perf_counter() - t) * 1000
            figures = (truth, old, new.annotations, new.unreadable, round(ms))
            print(f"{how:<8} " + " ".join(f"{f:>9}" for f in figures))


if __name__ == "__main__":
    main()
