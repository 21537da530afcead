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
from typing import NoReturn

from haizhu_reader import __version__
from haizhu_reader.cli_output import EXIT_BAD_INPUT, fail
from haizhu_reader.core.errors import ReportError
from haizhu_reader.core.report import Report
from haizhu_reader.paths import resolve


class _Parser(argparse.ArgumentParser):
    """argparse, whose usage errors are one line on stderr like every other failure."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_BAD_INPUT, f"haizhu-reader: 命令行有误：{message}（bad arguments; see --help）\n"
        )


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
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
    p.add_argument(
        "--theme",
        choices=["system", "light", "sepia", "dark"],
        help="colour theme for --screenshot (default: follow the system)",
    )
    p.add_argument("--data-dir", metavar="DIR", help="keep all user data, cache and settings here")
    p.add_argument(
        "--lang",
        choices=["zh", "en"],
        help="interface language for this run (default: the setting, else the system's)",
    )
    p.add_argument(
        "--export-annotations", metavar="PATH", help="export the report's annotations and exit"
    )
    p.add_argument(
        "--format",
        choices=["md", "html", "json", "docx"],
        help="format for --export-annotations (default: from PATH's extension, else md)",
    )
    p.add_argument(
        "--import-annotations",
        metavar="PATH",
        help="merge W3C Web Annotations (this reader's JSON export, or another tool's) and exit",
    )
    p.add_argument(
        "--into-this-report",
        action="store_true",
        help="with --import-annotations: import annotations whose target names another source",
    )
    p.add_argument(
        "--figures", action="store_true", help="print the report's key figures (use with --json)"
    )
    # -- the shelf (library_cli)
    p.add_argument(
        "--library-add", nargs="+", metavar="PATH", help="put report files or folders on the shelf"
    )
    p.add_argument(
        "--library-list", action="store_true", help="list the reports on the shelf (with --json)"
    )
    p.add_argument("--library", action="store_true", help="--search every report on the shelf")
    p.add_argument(
        "--place", metavar="P", help="a place (佛山市): --library searches it only; --trend's place"
    )
    p.add_argument(
        "--level",
        choices=["national", "province", "prefecture", "city", "district", "county"],
        help="--library search: reports of this level only",
    )
    p.add_argument("--years", metavar="Y1-Y2", help="--library search: reports of these years")
    # -- last year's promises (promises_cli)
    p.add_argument(
        "--promises",
        action="store_true",
        help="last year's targets (its report on the shelf) beside the report's results",
    )
    p.add_argument(
        "--trend",
        metavar="INDICATOR",
        help="an indicator's targets and results across the place's reports on the shelf",
    )
    return p


def _open(file: str | None) -> Report:
    # The parser is imported here, not at the top: the GUI starts from a cached parse.
    from haizhu_reader.core.parse import bundled_report, load_report

    return load_report(Path(file)) if file else bundled_report()


def _dump_structure(report: Report) -> int:
    from haizhu_reader.core.json_writer import write_json

    # Written as it is made: a huge report's tree and text were several times the file.
    write_json(report.json_stream(), sys.stdout.write)
    sys.stdout.write("\n")
    return 0


def _search(report: Report, queries: list[str], data_dir: str | None) -> int:
    from haizhu_reader.core.search.searching import ReportIndex, SearchError, write_hits_json

    paths = resolve(data_dir)
    try:
        # The window's cached index if there is one; else a scan, as fast as one
        # search can be (building the index of a large report takes far longer).
        index = ReportIndex.open_cached(report, paths.index_dir) or ReportIndex.scanning(report)
    except SearchError as e:
        return fail(str(e))
    try:
        for q in queries:
            write_hits_json(q, index.search(q), sys.stdout.write)
        sys.stdout.flush()
    finally:
        index.close()
    return 0


def _figures(report: Report, args: argparse.Namespace) -> int:
    """--figures: the report's quantitative statements as JSON (--json) or one per line."""
    from haizhu_reader.core.figures.extract import extract

    figures = extract(report)
    if args.json:
        # In chunks: json.dump's many small writes take seconds for a report near the size
        # limit, and one json.dumps of it all holds the whole output in memory at once.
        sys.stdout.write('{"figures": [')
        for i in range(0, len(figures), 1000):
            items = (json.dumps(f.to_json(), ensure_ascii=False) for f in figures[i : i + 1000])
            sys.stdout.write((", " if i else "") + ", ".join(items))
        sys.stdout.write("]}\n")
    else:
        from haizhu_reader.core.figures.table import places

        labels = places(report)  # one walk, not one per figure
        for f in figures:
            cells = (labels.get(f.section, ""), f.text, f.indicator or "", f.kind)
            sys.stdout.write("\t".join(cells) + "\n")
    sys.stdout.flush()
    return 0


def _annotations(report: Report, args: argparse.Namespace) -> int:
    """--import-annotations PATH and/or --export-annotations PATH for ``report``.

    Import runs first, so both together carry annotations from one PC's export
    into a handout. Each step prints one JSON line on stdout.
    """
    from haizhu_reader.core.annotations.export import export_file, format_for, import_file
    from haizhu_reader.core.annotations.store import AnnotationStore, ReadOnlyStoreError, StoreError
    from haizhu_reader.core.annotations.web_annotation import (
        AnnotationImportError,
        ForeignSourceError,
    )
    from haizhu_reader.core.files import OwnFiles, TargetError, check_target

    paths = resolve(args.data_dir)
    if args.export_annotations:
        # Before the store is opened: the target may be the store itself.
        own = OwnFiles.of(paths.own_folders, paths.annotations_db)
        try:
            check_target(Path(args.export_annotations), own)
        except TargetError as e:
            return fail(str(e))
    try:
        store = AnnotationStore.open(paths.annotations_db)
    except StoreError as e:
        return fail(str(e))
    with store:
        # stderr gets one line: the notices together, or the refused import instead.
        notices = "；".join(str(n) for n in store.notices)
        if args.import_annotations and store.read_only:
            return fail(notices or str(ReadOnlyStoreError(paths.annotations_db)))
        if notices:
            print(f"haizhu-reader: {notices}", file=sys.stderr)
        if args.import_annotations:
            path = Path(args.import_annotations)
            try:
                result = import_file(store, report, path, args.into_this_report)
            except ForeignSourceError as e:
                return fail(
                    f"{e.zh}；确认导入到这份报告请加 --into-this-report"
                    f"（{e.en}; add --into-this-report to import them into this report）"
                )
            except (AnnotationImportError, StoreError) as e:
                return fail(str(e))
            summary = {
                "imported": args.import_annotations,
                "added": result.added,
                "updated": result.updated,
                "skipped": result.skipped,
                "placed": result.placed,
                "unplaced": [{"quote": a.anchor.exact, "note": a.note} for a in result.unplaced],
            }
            print(json.dumps(summary, ensure_ascii=False), flush=True)
        if args.export_annotations:
            path = Path(args.export_annotations)
            fmt = format_for(path, args.format)
            try:
                count = export_file(store, report, path, fmt)
            except OSError as e:
                reason = e.strerror or str(e)
                return fail(f"无法写入导出文件：{path}（cannot write {path}: {reason}）")
            summary = {"exported": str(path), "format": fmt, "count": count}
            print(json.dumps(summary, ensure_ascii=False), flush=True)
    return 0


def _headless(args: argparse.Namespace) -> int:
    # JSON goes out as UTF-8 whatever the console's locale (Windows, LANG=C).
    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.encoding.lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        report = _open(args.file)
    except ReportError as e:
        return fail(str(e))
    if report.damaged:
        n = report.damaged
        print(
            f"haizhu-reader: 注意：文件有 {n} 处损坏的字节，已读作 U+FFFD（�）"
            f"（warning: {n} damaged byte sequences in the file were read as U+FFFD）",
            file=sys.stderr,
        )
    try:
        if args.dump_structure:
            return _dump_structure(report)
        if args.figures:
            return _figures(report, args)
        if args.export_annotations or args.import_annotations:
            return _annotations(report, args)
        return _search(report, args.search, args.data_dir)
    except BrokenPipeError:
        # The reader of our output went away (| head): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _library(args: argparse.Namespace) -> int:
    """The shelf's commands (``library_cli``); JSON out as UTF-8, as ``_headless``."""
    from haizhu_reader import library_cli

    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.encoding.lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")
    if args.file and (args.library or args.library_list):
        return fail(f"书架命令不读单个报告文件：{args.file}（FILE is not used with the shelf）")
    try:
        if args.library_add:
            return library_cli.add(args)
        if args.library_list:
            return library_cli.list_reports(args)
        return library_cli.search(args)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _promises(args: argparse.Namespace) -> int:
    """--promises and --trend (``promises_cli``); JSON out as UTF-8, as ``_headless``."""
    from haizhu_reader import promises_cli

    if isinstance(sys.stdout, io.TextIOWrapper) and sys.stdout.encoding.lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")
    report = None
    if args.promises or args.file:
        try:
            report = _open(args.file)
        except ReportError as e:
            return fail(str(e))
    try:
        if args.promises:
            assert report is not None
            return promises_cli.promises(args, report)
        return promises_cli.trend(args, report)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


# Options whose value is free text: a query (-海珠 excludes 海珠) or a path may start
# with "-", which argparse would take for an option.
_FREE_VALUES = (
    "--search", "--export-annotations", "--import-annotations", "--screenshot", "--trend",
)  # fmt: skip


def attach_values(argv: Sequence[str]) -> list[str]:
    """``--search -海珠`` as ``--search=-海珠``: the word after such an option is its value."""
    out: list[str] = []
    rest = iter(argv)
    for arg in rest:
        if arg == "--":
            out += [arg, *rest]
            break
        value = next(rest, None) if arg in _FREE_VALUES else None
        out.append(arg if value is None else f"{arg}={value}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A process the shelf's adding spawned runs its work here and exits (PyInstaller).
        import multiprocessing

        multiprocessing.freeze_support()
    args = build_parser().parse_args(attach_values(sys.argv[1:] if argv is None else argv))
    if args.library_add or args.library_list or (args.search and args.library):
        return _library(args)
    if args.promises or args.trend is not None:
        return _promises(args)
    headless = (args.dump_structure, args.search, args.figures)
    if any(headless) or args.export_annotations or args.import_annotations:
        return _headless(args)

    from haizhu_reader.gui.launch import run_gui

    return run_gui(args)
