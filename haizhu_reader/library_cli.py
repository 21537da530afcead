"""The shelf's headless commands: ``--library-add``, ``--library-list``, ``--search … --library``.

Each opens the shelf in the data folder (``--data-dir``, else the profile's),
prints JSON on stdout and returns the exit status; bad input is one line on
stderr and status 2, as for every command (``app``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from haizhu_reader.cli_output import fail, json_line
from haizhu_reader.core.library.store import LibraryError, LibraryStore
from haizhu_reader.paths import resolve


def with_store(args: argparse.Namespace, work: Callable[[LibraryStore], int]) -> int:
    """``work(store)`` on the shelf of ``--data-dir`` (its notices on stderr), or ``fail``."""
    try:
        store = LibraryStore.open(resolve(args.data_dir).library_db)
    except LibraryError as e:
        return fail(str(e))
    with store:
        for notice in store.notices:
            print(f"haizhu-reader: {notice}", file=sys.stderr)
        code = work(store)
    sys.stdout.flush()
    return code


def add(args: argparse.Namespace) -> int:
    """``--library-add PATH…``: files and folders (recursively) onto the shelf.

    Prints ``{"added": [...], "already_there": [...], "refused": [{"path", "reason"}],
    "cancelled": false}``; refused files do not fail the command.
    """
    from haizhu_reader.core.library.adding import ShelfAdder

    paths = [Path(p) for p in args.library_add]

    def work(store: LibraryStore) -> int:
        json_line(ShelfAdder(store, paths).run().to_json())
        return 0

    return with_store(args, work)


def list_reports(args: argparse.Namespace) -> int:
    """``--library-list``: every report on the shelf (``--json``: a JSON list)."""

    def work(store: LibraryStore) -> int:
        entries = store.entries()
        if args.json:
            json_line([e.to_json() for e in entries])
        else:
            for e in entries:
                m = e.meta
                cells = (m.place or "", str(m.year or ""), m.title, str(e.path or ""))
                flag = "\t(找不到文件 missing)" if e.missing else ""
                sys.stdout.write("\t".join(cells) + flag + "\n")
        return 0

    return with_store(args, work)


def search(args: argparse.Namespace) -> int:
    """``--search Q --library [--place P] [--level L] [--years 2019-2025] --json``: one line
    per query, ``{"query", "hits": [{"report", "title", "place", "year", "paragraph",
    "section", "kind", "spans"}]}``, hits grouped by report, newest first."""
    from haizhu_reader.core.library.searching import ShelfFilter, parse_years, search_shelf

    years = None
    if args.years is not None:
        years = parse_years(args.years)
        if years is None:
            return fail(f"年份范围应写作 2019-2025（bad --years: {args.years!r}）")
    where = ShelfFilter(place=args.place, level=args.level, years=years)

    def work(store: LibraryStore) -> int:
        entries = store.entries(check_files=False)
        for q in args.search:
            results = search_shelf(store, q, where, entries)
            json_line({"query": q, "hits": [h.to_json() for h in results.all_hits()]})
        return 0

    return with_store(args, work)
