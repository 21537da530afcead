"""The promises' headless commands: ``--promises [FILE]`` and ``--trend INDICATOR --place P``.

Both read the shelf in the data folder (``--data-dir``, else the profile's), print
JSON on stdout (``--json``; else one tab-separated line per item) and return the exit
status; bad input is one line on stderr and status 2, as for every command (``app``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from haizhu_reader.cli_output import fail, json_line
from haizhu_reader.core.library.store import LibraryStore
from haizhu_reader.core.report import Report
from haizhu_reader.library_cli import with_store

_VERDICT_ZH = {"met": "完成", "missed": "未完成", "unclear": "无法判断", "not_reported": "未报告"}


def promises(args: argparse.Namespace, report: Report) -> int:
    """``--promises [FILE] --json``: last year's targets beside this report's results.

    ``{"previous": {"title", "year", "content_hash"} | null, "promises": [...]}`` (README);
    ``previous`` is null (and ``promises`` empty) when the shelf holds no report of the
    same place for the year before; a report whose place or year cannot be told says so
    on stderr. Last year's report on the shelf whose file is gone or changed: exit 2.
    """
    from haizhu_reader.core.errors import ReportError
    from haizhu_reader.core.library.metadata import describe
    from haizhu_reader.core.library.store import load_entry
    from haizhu_reader.core.promises.pairing import promises as pair_promises
    from haizhu_reader.core.promises.shelf import meta_plan_year, previous_entry

    def work(store: LibraryStore) -> int:
        meta = describe(report)
        year = meta_plan_year(meta)
        if meta.place is None or year is None:
            print(
                "haizhu-reader: 读不出这份报告的地方或年份，无法查找去年的报告"
                "（the report's place or year is unknown: last year's report cannot be found）",
                file=sys.stderr,
            )
        entry = previous_entry(store, report, meta)
        if entry is None:
            _output(args, None, [])
            return 0
        try:
            previous = load_entry(entry)
        except ReportError as e:
            return fail(f"书架上去年的报告无法读取：{e.zh}（last year's report: {e.en}）")
        found = pair_promises(previous, report, year=year - 1 if year else None)
        m = entry.meta
        head = {"title": m.title, "year": m.year, "content_hash": entry.content_hash}
        _output(args, head, [p.to_json() for p in found])
        return 0

    return with_store(args, work)


def _output(args: argparse.Namespace, previous: dict[str, Any] | None, items: list[Any]) -> None:
    if args.json:
        json_line({"previous": previous, "promises": items})
        return
    if previous is None:
        sys.stdout.write("书架上没有去年的报告（last year's report is not on the shelf）\n")
        return
    sys.stdout.write(f"{previous['title']}\n")
    for p in items:
        result = p["result"]["text"] if p["result"] else ""
        cells = (p["indicator"], p["target"]["text"], result, _VERDICT_ZH[p["verdict"]])
        sys.stdout.write("\t".join(cells) + "\n")


def trend(args: argparse.Namespace, report: Report | None) -> int:
    """``--trend INDICATOR --place P --json``: the indicator's targets and results across
    the years of the place's reports on the shelf (README). Without ``--place``, the
    place of FILE. No report of the place, or none naming the indicator: exit 2."""
    from haizhu_reader.core.library.metadata import describe
    from haizhu_reader.core.promises.shelf import place_years
    from haizhu_reader.core.promises.trend import indicators
    from haizhu_reader.core.promises.trend import trend as make_trend

    place = args.place or (describe(report).place if report is not None else None)
    if not place:
        return fail("请用 --place 指定地方，如 --place 佛山市（--trend needs --place P）")
    indicator = args.trend.strip()
    if not indicator:
        return fail("--trend 需要一个指标名称，如 地区生产总值（--trend needs an indicator）")

    def work(store: LibraryStore) -> int:
        years, _, unread = place_years(store, place)
        for path in unread:
            print(f"haizhu-reader: 无法读取 {path}（cannot read {path}）", file=sys.stderr)
        if not years:
            return fail(f"书架上没有{place}的报告（no reports of {place} on the shelf）")
        found = make_trend(years, indicator)
        if not found.points:
            choices = "、".join(name for name, _ in indicators(years)[:12])
            return fail(
                f"书架上{place}的报告里没有指标“{indicator}”，可选：{choices}"
                f"（no indicator {indicator!r} in the reports of {place}）"
            )
        if args.json:
            json_line(found.to_json(place))
            return 0
        for p in found.points:
            cells = (
                str(p.year),
                p.target.text if p.target else "",
                p.result.text if p.result else "",
                _VERDICT_ZH[p.verdict] if p.verdict else "",
            )
            sys.stdout.write("\t".join(cells) + "\n")
        return 0

    return with_store(args, work)
