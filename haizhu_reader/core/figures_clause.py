"""Reading a figure's clause: what it measures (its indicator) and a direction stated away from it.

A figure's words are the text of its own clause before it (``gap``) and after it (``tail``),
at most ``WINDOW`` characters each: no indicator is longer, and a bounded look keeps the
work per figure constant however long a clause runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from haizhu_reader.core.figures_scan import (
    DOWN,
    RATES,
    SEPARATORS,
    UP,
    Bounds,
    Direction,
    Raw,
    alternation,
    words,
)

WINDOW = 100

# Words that open a clause without naming anything (stripped from an indicator's start) ...
_LEADING_RE = re.compile(
    alternation(
        words(
            "全年 全区 全市 全省 全县 今年 年末 年内 当年 其中 同时 此外 另外 我区 我市 我省 "
            "一年来 过去一年 累计 共计 合计 总计 力争 争取 确保 预计 全力 全面 加快 持续 积极 "
            "扎实 大力 稳步 有序 深入 着力 努力 进一步 并 还 均 分别 同比 带动 实现 完成 达到 主要"
        )
    )
)
_PERIOD_RE = re.compile(r"(?:近|过去|最近)?[一二三四五六七八九十两\d]+年(?:来|间|内)?")
# ... and verbs that state a level (stripped from an indicator's end, before the figure).
_TRAILING = re.compile(
    r"(?:(?:分别|均|都|全部)?(?:达到|达|为|是|约为|保持在|稳定在|控制在|增至|降至|突破|"
    r"(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小|精简|跃升|跃居)(?:到|至|为)?)"
    r"|由|从|的|分别|均|都|共|了|实现|累计|同比|比上年|较上年|接连)$"
)
# Words that end the name of a statistic: a 、-list of them is one indicator (GDP、投资增长5%).
HEADS = words(
    "值 额 量 率 数 比 比重 比例 投资 收入 支出 营收 消费 浓度 指数 价格 就业 规模 面积 里程 "
    "人口 强度 总产值 余额"
)
_FRAMED_RE = re.compile(rf"(?<=.)实现(?=[^、]*(?:{alternation(HEADS)})$)")
_NOT_EXAMPLE = "高中初平均同对相优头特上下次一二三"  # 高等, 平等, 同等: words, not "and so on"


def segments(text: str, raws: list[Raw], bounds: Bounds) -> Iterator[tuple[str, str, int]]:
    """For each figure: its clause text before and after it, and its sentence's start.

    Two figures in one clause split the text between them at the first separator (、和及与):
    地区生产总值2502.52亿元、同比增长1.4% gives the second figure nothing of its own. Without a
    separator both figures read it (84个重点项目完成投资200.3亿元; 从11.37万亿元提高到…).
    """
    for i, raw in enumerate(raws):
        s_start, s_end = bounds.sentence(raw.num)
        gap_from = bounds.clause_start(s_start, raw.start)
        if i and raws[i - 1].end > gap_from:
            between = text[raws[i - 1].end : raw.start]
            cut = top_level(between)
            gap_from = raws[i - 1].end + (cut + 1 if cut is not None else 0)
        tail_to = bounds.clause_end(raw.end, min(s_end, len(text)))
        if i + 1 < len(raws) and raws[i + 1].start < tail_to:
            between = text[raw.end : raws[i + 1].start]
            cut = top_level(between)
            tail_to = raw.end + (cut if cut is not None else len(between))
        gap_from = max(gap_from, raw.start - WINDOW)
        tail_to = min(tail_to, raw.end + WINDOW)
        yield text[gap_from : raw.start], text[raw.end : tail_to], s_start


def indicator(gap: str, tail: str, unit: str) -> tuple[str, Direction | None]:
    """What a figure measures, from its clause before (``gap``) and after it (``tail``).

    Also a direction that the words state away from the figure (增速达12.5%, 减少会议46.1%).
    """
    gap = re.sub(r"[(（]下同[)）]", "", gap).strip()
    shared = bool(re.search(r"(?:分别|均|都)[^、，,]{0,3}$", gap))  # 分别增至108个、60个
    gap = _strip_trailing(gap)
    direction: Direction | None = None
    if m := re.search(r"(?:增速|增幅|涨幅|降幅)$", gap):
        direction = "down" if m.group() == "降幅" else "up"
        gap = _strip_trailing(gap[: m.start()])
    if gap.endswith(tuple(SEPARATORS)):  # …重大产业项目和35个“攻城拔寨”项目: another item
        gap = ""
    gap = _strip_leading(_strip_examples(gap))
    if not shared:
        items = split_top_level(gap)
        if len(items) > 1 and not all(x.endswith(HEADS) for x in items):
            gap = _strip_leading(items[-1])  # 落实三级河湖长制、共巡河2万余次
    verb = re.match(r"(减少|压减|压缩|降低|增加(?!值)|提高|提升)(?!.*[到至])", gap)
    if verb and (verb.group(1) in DOWN or unit in RATES):  # 提升改造50个: no rise
        direction = "up" if verb.group(1) in UP else "down"
    gap = _FRAMED_RE.sub("", gap)  # 规模以上工业企业实现利税总额
    tail = _strip_trailing(re.sub(r"^\s*[（(][^）)]*[）)]", "", tail).strip())  # （间）
    if tail.startswith(tuple(SEPARATORS)):  # 城镇新增就业149.4万人、超额完成…
        tail = ""
    if tail.startswith("的"):
        if len(gap) > 1:  # 总投资549亿元的藏粤直流工程: the words before name the measure
            tail = ""
        else:  # 在49天的苦战鏖战中
            gap, tail = "", tail[1:]
    return (gap + tail).strip("，,、 "), direction


def _strip_trailing(s: str) -> str:
    while (m := _TRAILING.search(s)) and m.group():
        s = s[: m.start()]
    return s


def _strip_leading(s: str) -> str:
    while (m := _PERIOD_RE.match(s)) or (m := _LEADING_RE.match(s)):
        s = s[m.end() :]
    return s


def _strip_examples(s: str) -> str:
    """中交南方总部、腾讯广州总部等13个… : the examples before 等 are not the indicator."""
    for m in reversed(list(re.finditer("等", s))):
        nxt, prv = s[m.end() : m.end() + 1], s[m.start() - 1 : m.start()] if m.start() else ""
        if nxt not in tuple("级次额同于待") and prv not in tuple(_NOT_EXAMPLE):
            return s[m.end() :]
    return s


def top_level(s: str, chars: str = SEPARATORS, start: int = 0) -> int | None:
    """Offset of the first of ``chars`` outside brackets (县（市、区）国企), else None."""
    depth = 0
    for i in range(start, len(s)):
        ch = s[i]
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth = max(0, depth - 1)
        elif not depth and ch in chars:
            return i
    return None


def split_top_level(s: str) -> list[str]:
    """``s`` split at 、 outside brackets."""
    items = []
    start = 0
    while (cut := top_level(s, "、", start)) is not None:
        items.append(s[start:cut])
        start = cut + 1
    return [*items, s[start:]]
