"""The figures as tables: results beside targets, place labels, and the CSV export.

Pure functions over ``Figure`` lists, shared by the figures pane and the headless commands.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from haizhu_reader.core.figures.clause import HEADS, split_top_level
from haizhu_reader.core.figures.extract import Comparison, Figure
from haizhu_reader.core.report import Report


def places(report: Report) -> dict[str, str]:
    """The place label of every section and appendix a figure can name (二、（三）, 附件1)."""
    labels = report.place_labels()
    for a in report.appendices:
        labels[a.id] = a.label or a.title
    return labels


_CLAUSE_MARK = re.compile(r"[，,。；;！!？?：:]")


def clause_around(text: str, start: int, end: int, width: int = 24) -> str:
    """The clause a figure stands in (在49天的苦战鏖战中), at most ``width`` characters
    either side of it: what a narrative figure is shown with instead of an indicator."""
    lo = max(0, start - width)
    marks = [m.end() for m in _CLAUSE_MARK.finditer(text, lo, start)]
    lo = marks[-1] if marks else lo
    after = _CLAUSE_MARK.search(text, end, min(len(text), end + width))
    return text[lo : after.start() if after else min(len(text), end + width)]


# Names the reports use for one statistic (domain vocabulary, not data of any report).
_ALIASES = {
    "GDP": "地区生产总值", "生产总值": "地区生产总值", "经济总量": "地区生产总值",
    "年度投资": "固定资产投资", "全年投资": "固定资产投资", "固定资产投资额": "固定资产投资",
    "社零总额": "社会消费品零售总额", "一般公共预算收入": "地方一般公共预算收入",
    "新增城镇就业": "城镇新增就业", "进出口总额": "商品进出口总值",
    "外贸进出口总值": "商品进出口总值", "货物进出口总额": "商品进出口总值",
    "进出口总值": "商品进出口总值", "居民消费价格涨幅": "居民消费价格", "CPI": "居民消费价格",
    "居民消费价格指数": "居民消费价格", "国内生产总值": "地区生产总值",
    "居民收入": "居民人均可支配收入", "全社会固定资产投资": "固定资产投资",
    "外贸进出口": "商品进出口总值", "外贸进出口总额": "商品进出口总值", "进出口": "商品进出口总值",
    "进出口量": "商品进出口总值",
}  # fmt: skip


def canonical_indicator(name: str) -> str:
    """One name per statistic: 规上 -> 规模以上, 年度投资 -> 固定资产投资, quotes dropped."""
    name = re.sub(r"[“”\"‘’\s]", "", name).replace("规上", "规模以上")
    name = re.sub(r"[(（](?:GDP|下同)[)）]", "", name)
    return _ALIASES.get(name, name)


def _indicator_keys(indicator: str | None) -> list[str]:
    if not indicator:
        return []
    items = split_top_level(indicator)
    if len(items) > 1 and all(x.endswith(HEADS) for x in items):
        return [canonical_indicator(x) for x in items]
    return [canonical_indicator(indicator)]


def results_vs_targets(figures: Iterable[Figure]) -> list[Comparison]:
    """Every target, beside last year's results for its indicator where the report gives any.

    The 主要预期目标 list comes first, in its order and with its qualitative targets
    (居民收入增长与经济增长基本同步), then the other targets in reading order; the targets of one
    indicator share a row (地区生产总值: 增长1.4% -> 增长7%). A shared list (地区生产总值、固定资产
    投资…增长5%左右) counts for each of its indicators. Narrative figures name no indicator and
    stay out.
    """
    results: dict[str, list[Figure]] = {}
    targets: dict[str, list[Figure]] = {}
    for f in figures:
        for key in _indicator_keys(f.indicator):
            (results if f.kind == "result" else targets).setdefault(key, []).append(f)
    main = [key for key, found in targets.items() if any(f.main_target for f in found)]
    main.sort(key=lambda key: min(f.start for f in targets[key] if f.main_target))
    rest = [key for key in targets if key not in main]
    return [
        Comparison(
            key,
            tuple(results.get(key, ())) if len(key) >= 3 else (),  # 投资, 产值: too vague
            tuple(targets[key]),
        )
        for key in main + rest
    ]


_CSV_HEADER = (
    "位置", "段落", "起", "止", "原文", "数值", "上限", "单位", "指标", "类型", "限定", "方向",
    "排名", "备注",
)  # fmt: skip
_KIND_LABEL = {"result": "结果", "target": "目标"}  # as the table says
_DIRECTION_LABEL = {"up": "增", "down": "降"}


def csv_rows(report: Report, figures: Iterable[Figure]) -> Iterator[list[str]]:
    """The header and one row per figure, as ``write_csv`` writes them.

    Text from the report is made safe for spreadsheets (``spreadsheet_safe``); the number
    columns hold numbers as numbers (-1.5 stays a negative number).
    """
    yield list(_CSV_HEADER)
    labels = places(report)
    for f in figures:
        text_cells = (
            labels.get(f.section, ""),
            f.paragraph,
            f.text,
            f.unit,
            f.indicator or "",
            f.qualifier or "",
            f.rank or "",
        )
        place, paragraph, text, unit, indicator, qualifier, rank = map(spreadsheet_safe, text_cells)
        yield [
            place,
            paragraph,
            str(f.start),
            str(f.end),
            text,
            _number(f.value),
            _number(f.value_high),  # a range's upper end: 4.5—5
            unit,
            indicator,
            _KIND_LABEL[f.kind],
            qualifier,
            _DIRECTION_LABEL[f.direction] if f.direction else "",
            rank,
            _note(f),
        ]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?%?")


def spreadsheet_safe(cell: str) -> str:
    """A text cell that Excel or WPS would not evaluate as a formula.

    A cell starting with ``= + - @``, a tab or a carriage return (``@SUM(1)投资``, ``-1+1``)
    gets a leading apostrophe, as OWASP's CSV-injection advice has it; a cell that is just a
    signed number (``-1.5``, ``-1.5%``) is a number to a spreadsheet, not a formula, and stays.
    """
    if cell.startswith(_FORMULA_START) and not (cell[0] in "+-" and _PLAIN_NUMBER.fullmatch(cell)):
        return "'" + cell
    return cell


def _note(f: Figure) -> str:
    """What the table's other columns do not say: 主要预期目标, 定性目标, 叙述."""
    notes = []
    if f.main_target:
        notes.append("主要预期目标")
    if f.value is None:
        notes.append("定性目标")
    if f.narrative:
        notes.append("叙述")
    return "、".join(notes)


def _number(value: float | None) -> str:
    return "" if value is None else repr(value).removesuffix(".0")


def csv_bytes(report: Report, figures: Iterable[Figure]) -> bytes:
    """The CSV file: UTF-8 with a BOM and CRLF rows, so Excel and WPS read the Chinese text."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(csv_rows(report, figures))
    return buffer.getvalue().encode("utf-8-sig")


def write_csv(report: Report, figures: Iterable[Figure], path: Path) -> None:
    """``csv_bytes`` written whole or not at all (``write_atomically``), like every export."""
    from haizhu_reader.core.files import write_atomically  # not at start-up

    write_atomically(path, csv_bytes(report, figures))
