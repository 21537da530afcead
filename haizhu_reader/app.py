"""Entry point: argv -> a headless command, or QApplication -> MainWindow.

Headless commands (``--dump-structure``, ``--search``) never import Qt widgets,
so they start fast and run on machines without a display.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from haizhu_reader import __version__
from haizhu_reader.core.parse import ReportError, bundled_report, load_report
from haizhu_reader.core.report import Report
from haizhu_reader.paths import resolve

EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="haizhu-reader",
        description="海珠报告阅读器 — an offline reader for Chinese government work reports.",
    )
    p.add_argument("file", nargs="?", metavar="FILE", help="a report file (default: bundled)")
    p.add_argument("--version", action="version", version=f"haizhu-reader {__version__}")
    p.add_argument(
        "--dump-structure", action="store_true", help="print the parsed structure as JSON and exit"
    )
    p.add_argument(
        "--search",
        action="append",
        metavar="QUERY",
        help="search the report (repeatable); prints one JSON line per query",
    )
    p.add_argument("--json", action="store_true", help="JSON output for --search")
    p.add_argument("--screenshot", metavar="PATH", help="open the window, save a PNG, exit")
    p.add_argument("--size", metavar="WxH", default="1280x800", help="window size for --screenshot")
    p.add_argument("--data-dir", metavar="DIR", help="keep all user data, cache and settings here")
    return p


def _fail(message: str) -> int:
    print(f"haizhu-reader: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def _open(file: str | None) -> Report:
    return load_report(Path(file)) if file else bundled_report()


def _dump_structure(report: Report) -> int:
    json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _search(report: Report, queries: list[str], data_dir: str | None) -> int:
    from haizhu_reader.core.search import ReportIndex, SearchError, hits_to_json

    paths = resolve(data_dir)
    try:
        index = ReportIndex.open_or_build(report, paths.index_dir)
    except SearchError as e:
        return _fail(str(e))
    for q in queries:
        sys.stdout.write(json.dumps(hits_to_json(q, index.search(q)), ensure_ascii=False))
        sys.stdout.write("\n")
    sys.stdout.flush()
    return 0


def _headless(args: argparse.Namespace) -> int:
    # JSON goes out as UTF-8 whatever the console's locale (Windows, LANG=C).
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.encoding.lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        report = _open(args.file)
    except ReportError as e:
        return _fail(str(e))
    try:
        if args.dump_structure:
            return _dump_structure(report)
        return _search(report, args.search, args.data_dir)
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.dump_structure or args.search:
        return _headless(args)

    from haizhu_reader.gui.launch import run_gui

    return run_gui(args)
