"""Reading a figure's clause: what it measures (its indicator) and a direction stated away from it.

A figure's words are the text of its own clause before it (``gap``) and after it (``tail``),
at most ``WINDOW`` characters each: no indicator is longer, and a bounded look keeps the
work per figure constant however long a clause runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from haizhu_reader.core.figures.scan import (
    DOWN,
    QUAL_BEFORE,
    RATES,
    SEPARATORS,
    UP,
    Bounds,
    Direction,
    Raw,
    alternation,
    base_unit,
    words,
)

WINDOW = 100

# Words that open a clause without naming anything (stripped from an indicator's start) ...
_LEADING_RE = re.compile(
    alternation(
        words(
            "全年 全区 全市 全省 全县 今年 年末 年内 当年 其中 同时 此外 另外 我区 我市 我省 "
            "一年来 过去一年 累计 共计 合计 总计 力争 争取 确保 预计 全力 全面 加快 持续 积极 "
            "扎实 大力 稳步 有序 深入 着力 努力 进一步 并 还 均 分别 同比 带动 实现 完成 达到 共"
        )
    )
    + "|主要(?!污染物)"  # 主要污染物 is the statistic's own name
)
_PERIOD_RE = re.compile(r"(?:近|过去|最近)?[一二三四五六七八九十两\d]+年(?:来|间|内)?")
# ... and verbs that state a level (stripped from an indicator's end, before the figure).
_TRAILING = re.compile(
    r"(?:(?:分别|均|都|全部)?(?:达到|达|为|是|约为|保持在|稳定在|控制在|增至|降至|突破|"
    r"(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|削减|缩小|精简|跃升|跃居)(?:到|至|为)?)"
    r"|[\u4e00-\u9fff](?<!截)[到至]|扩围至|由|从|的|分别|均|都|共|了|再|实现|累计|同比|比上年|较上年|"
    r"接连|拟按|按|(?:按)?(?:同|可比)口径|扣除[^，,]{0,12}?后|"
    # a plan's resolve, and a bare 在 after a name (进出口总额力争增长1%, 失业率在3%以下)
    r"力争|争取|确保|努力|(?<=[率额值量数])在|(?<=[率额值量数耗])较)$"
)
# Marks and words that are never part of a name: footnote marks (［30］), years (2023年).
_NOISE = re.compile(r"［\d+］|\[\d+\]|(?:19|20)\d\d年")
# 特困人员基本生活标准不低于当地最低生活保障标准的1.6倍: the bound names the qualifier.
_BOUND = re.compile(r"(?P<what>.+?)(?P<bound>不低于|不少于|不高于|不超过|低于|高于)[^，,]+的$")
# Words that end the name of a statistic: a 、-list of them is one indicator (GDP、投资增长5%).
HEADS = words(
    "值 额 量 率 数 比 比重 比例 投资 收入 支出 营收 消费 浓度 指数 价格 就业 规模 面积 里程 "
    "人口 强度 总产值 余额"
)
_FRAMED_RE = re.compile(rf"(?<=.)实现(?=[^、]*(?:{alternation(HEADS)})$)")
_NOT_EXAMPLE = "高中初平均同对相优头特上下次一二三"  # 高等, 平等, 同等: words, not "and so on"


@dataclass(frozen=True)
class Segment:
    """A figure's clause: its words before and after it, its sentence, and a topic clause."""

    gap: str
    tail: str
    sentence_start: int
    topic: str  # the clause before, when it has no figure and this clause names nothing


def segments(text: str, raws: list[Raw], bounds: Bounds) -> Iterator[Segment]:
    """For each figure: its clause text before and after it, and its sentence's start.

    Two figures in one clause split the text between them at the first separator (、和及与):
    地区生产总值2502.52亿元、同比增长1.4% gives the second figure nothing of its own. Without a
    separator both figures read it (84个重点项目完成投资200.3亿元; 从11.37万亿元提高到…).
    """
    for i, raw in enumerate(raws):
        s_start, s_end = bounds.sentence(raw.num)
        gap_from = bounds.clause_start(s_start, raw.start)
        topic = ""
        if i and raws[i - 1].end > gap_from:
            between = text[raws[i - 1].end : raw.start]
            cut = top_level(between)
            gap_from = raws[i - 1].end + (cut + 1 if cut is not None else 0)
        elif gap_from > s_start:  # 城乡低保对象最低生活保障人均补差水平，分别从每月554元…
            topic_from = max(bounds.clause_start(s_start, gap_from - 1), gap_from - 1 - WINDOW)
            if not i or raws[i - 1].end <= topic_from:
                topic = text[topic_from : gap_from - 1]
        tail_to = bounds.clause_end(raw.end, min(s_end, len(text)))
        if i + 1 < len(raws) and raws[i + 1].start < tail_to:
            between = text[raw.end : raws[i + 1].start]
            cut = top_level(between)
            tail_to = raw.end + (cut if cut is not None else len(between))
        gap_from = max(gap_from, raw.start - WINDOW)
        tail_to = min(tail_to, raw.end + WINDOW)
        yield Segment(text[gap_from : raw.start], text[raw.noun_from : tail_to], s_start, topic)


@dataclass(frozen=True)
class Naming:
    """What a figure's clause says of it."""

    words: str  # what it measures, as the clause names it ("" when it names nothing)
    direction: Direction | None  # a direction stated away from the figure (增速达12.5%)
    qualifier: str | None  # a bound stated away from the figure (不低于…标准的1.6倍)
    respectively: bool  # 分别: the figures that follow in the clause take the words in turn
    narrative: bool  # the clause tells a story around the figure rather than naming a measure


# Words a figure's clause ends on when it is a scene, not a measure (在49天的苦战鏖战中).
_SCENE_END = re.compile(r"(?<![高初集])中$|(?:期间|之际|以来|之中|当中|之下|之时)$")
# A count of people or visits after a verb names nothing counted: 转运近80万人 -> 转运人数.
_COUNTED = {"人": "人数", "名": "人数", "人次": "人次", "次": "次数", "户": "户数", "户次": "户次"}
_NOUN_END = "人员群众口才象生工民户体者师士童老儿业家"
_PER_PHRASE = re.compile(r"(?:每(?:[人户生家]|千人|万人|年|月|天|日))+$")


def indicator(gap: str, tail: str, raw: Raw) -> Naming:
    """What a figure measures, from its clause before (``gap``) and after it (``tail``)."""
    unit = raw.unit
    gap = _NOISE.sub("", re.sub(r"[(（]下同[)）]", "", gap)).strip()
    qualifier = None
    if bound := _BOUND.fullmatch(gap):
        gap, qualifier = bound.group("what"), QUAL_BEFORE[bound.group("bound")]
    shared = re.search(r"(?:分别|均|都)[^、，,]{0,3}$", gap)  # 分别增至108个、60个
    respectively = bool(shared and shared.group().startswith("分别"))
    gap = _PER_PHRASE.sub("", _strip_trailing(gap))
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
    tail = re.sub(r"^\s*[（(][^）)]*[）)]", "", _NOISE.sub("", tail)).strip()  # （间）
    tail = _strip_trailing(_PER_PHRASE.sub("", _strip_trailing(tail)))  # 提升至每人
    if tail.startswith(tuple(SEPARATORS)):  # 城镇新增就业149.4万人、超额完成…
        tail = ""
    if tail.startswith("的"):
        if len(gap) > 1:  # 总投资549亿元的藏粤直流工程: the words before name the measure
            tail = ""
        else:  # 在49天的苦战鏖战中
            gap, tail = "", tail[1:]
    words = (gap + tail).strip("，,、 ")
    base = base_unit(unit)
    if raw.streak and raw.rank and not tail:  # 新增入库率连续3年全市第一: what lasted
        words += raw.rank
    elif not tail and gap and base in _COUNTED and not gap.endswith((*HEADS, *_NOUN_END)):
        words += _COUNTED[base]  # 有序疏解、转运近80万人: 转运人数
    return Naming(words, direction, qualifier, respectively, bool(_SCENE_END.search(words)))


def topic_words(topic: str) -> str:
    """A topic clause's words as an indicator (城乡低保对象最低生活保障人均补差水平)."""
    return _strip_leading(_strip_examples(_strip_trailing(topic.strip()))).strip("，,、 ")


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
            if _ONLY_HEAD.fullmatch(s[m.end() :]):  # 均衡性转移支付、…奖补资金等增幅均超过10%
                return s[: m.start()] + s[m.end() :]
            return s[m.end() :]
    return s


_ONLY_HEAD = re.compile(r"(?:增幅|增速|涨幅|降幅|规模|总量|数量)(?:均|都)?|均|都")


def top_level(s: str, chars: str = SEPARATORS, start: int = 0) -> int | None:
    """Offset of the first of ``chars`` outside brackets (县（市、区）国企), else None."""
    depth = 0
    for i in range(start, len(s)):
        ch = s[i]
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth = max(0, depth - 1)
        elif not depth and ch in chars and not (ch == "、" and _joins_levels(s, i, start)):
            return i
    return None


_LEVELS = "省市区县镇乡村"


def _joins_levels(s: str, i: int, start: int) -> bool:
    """Whether the 、 at ``i`` joins two levels into one modifier (546个省、市重点项目: the
    projects of both levels), not two items of a list: a level word on each side, and
    before the first nothing that could make it a place's name (广东省、市…)."""
    if not (start < i < len(s) - 1 and s[i - 1] in _LEVELS and s[i + 1] in _LEVELS):
        return False
    before = s[i - 2] if i - 2 >= start else ""
    return not before or not "\u4e00" <= before <= "\u9fff" or before in "个项家座所批"


def split_top_level(s: str) -> list[str]:
    """``s`` split at 、 outside brackets."""
    items = []
    start = 0
    while (cut := top_level(s, "、", start)) is not None:
        items.append(s[start:cut])
        start = cut + 1
    return [*items, s[start:]]


# -- 分别: one clause, several measures ------------------------------------------------------

# Heads a list of measures shares (机场旅客、货邮吞吐量: 机场旅客吞吐量 and 货邮吞吐量).
_SHARED_HEADS = sorted(
    {*HEADS, *words("吞吐量 平均浓度 标准 水平 起数 人数 排放 排放量 能耗 居民人均可支配收入")},
    key=len,
    reverse=True,
)
# Words that name two measures in one (城乡居民人均可支配收入: 城镇…, 农村…).
_PAIRED = {"城乡": ("城镇", "农村"), "存贷款": ("存款", "贷款"), "进出口": ("进口", "出口")}


def respective_names(subject: str, count: int) -> list[str] | None:
    """Names for ``count`` figures said of ``subject`` 分别, in turn; None when it names one.

    城乡居民人均可支配收入分别增长3.6%、6%: 城镇居民人均可支配收入, 农村居民人均可支配收入.
    A count that is a multiple of the names takes them in turn again (分别从554元、251元提高到
    609元、276元).
    """
    for separators in ("、", "、和与及"):
        items = [x for x in _split(subject, separators) if x]
        if len(items) > 1 and count % len(items) == 0:
            last = items[-1]
            if len(last) > 1 and all(len(x) == 1 for x in items[:-1]):
                # 一、二、三产增加值: each one character before the last's own first one
                return [x + last[1:] for x in items[:-1]] + [last]
            head = next((h for h in _SHARED_HEADS if items[-1].endswith(h)), "")
            if head and len(items[-1]) > len(head):
                items = [x if x.endswith(tuple(_SHARED_HEADS)) else x + head for x in items]
            return items
    for word, parts in _PAIRED.items():
        if word in subject and count % len(parts) == 0:
            return [subject.replace(word, part, 1) for part in parts]
    return None


def _split(s: str, separators: str) -> list[str]:
    items = []
    start = 0
    while (cut := top_level(s, separators, start)) is not None:
        items.append(s[start:cut])
        start = cut + 1
    return [*items, s[start:]]


# -- qualitative targets ----------------------------------------------------------------------

# What a target says without a number (居民收入增长与经济增长基本同步, 国际收支基本平衡).
_QUALITATIVE = re.compile(
    r"(?:增长|增速)?(?:与|和|同)(?:国民)?经济(?:增长|发展)?[^，,；;。]{0,10}?"
    r"(?:同步|一致|相适应|相协调|相匹配)(?:增长)?"
    r"|与[^，,；;。\d]{1,6}?(?:基本)?持平|(?:可比|基本)*持平"
    r"|(?:保持|实现)?正增长"
    r"|(?:增长|增速|涨幅)?(?:略高于|高于|快于|低于|不低于|不高于)[^，,；;。\d]{1,12}"
    r"|(?:确保|全面)?完成[^，,；;。\d]{0,24}?(?:任务|目标|指标|计划)"
    r"|控制在[^，,；;。\d]{0,16}(?:范围内|以内|目标内)"
    r"|(?:保持|实现)?(?:基本|总体)?(?:平衡|稳定)"
    r"|(?:稳步|稳定|持续|继续|进一步|明显|逐步)(?:增长|提高|提升|改善|下降|减少|缩小|好转)"
    r"|稳中(?:向好|提质|有进|有升)|量稳质升|提质(?:提效|增效)|只增不减"
)
_ITEM_END = re.compile(r"[，,；;。]")
_SCOPE = re.compile(r"^(?:今年|全年|全市|全省|全区|全县|全国|我市|我省|我区)+")
_NOT_SUBJECT = re.compile(
    r"(?:在|尽|为了?|要|按|确定|同时|主要是|主要考虑|力争|努力|争取|上述|以上|这|实现)"
)
_ASSIGNED = re.compile(r"(?:国家和省|国家|省上|省政府|自治区|省|市)?(?:下达|确定)?的?")


def qualitative_targets(
    text: str, lo: int, hi: int, taken: list[tuple[int, int]]
) -> Iterator[tuple[int, int, str]]:
    """The targets without a number in text[lo:hi]: (start, end, indicator) of each.

    ``taken`` (sorted spans of the figures found there) rules out the items that hold a
    figure. Items are the list's pieces between ，；。; one is a target when it names a
    measure and says what becomes of it (居民收入 + 增长与经济增长基本同步).
    """
    t = 0
    a = lo
    while a < hi:
        m = _ITEM_END.search(text, a, hi)
        b = m.start() if m else hi
        start, end = a, b
        while start < end and text[start].isspace():
            start += 1
        while t < len(taken) and taken[t][1] <= start:
            t += 1
        holds_figure = t < len(taken) and taken[t][0] < end
        short = 0 < end - start <= WINDOW  # a target's wording is a phrase, not a page
        if short and not holds_figure and (name := _qualitative(text[start:end])):
            yield start, end, name
        a = b + 1


def _qualitative(item: str) -> str | None:
    m = _QUALITATIVE.search(item)
    if m is None or _NOT_SUBJECT.match(item):
        return None
    subject = _SCOPE.sub("", item[: m.start()]).strip("，,、 ")
    if not subject and m.group().lstrip("确保全面").startswith("完成"):
        obj = re.sub(r"^(?:确保|全面)?完成", "", m.group())
        obj = re.sub(r"(?:目标任务|任务|目标|指标|计划)$", "", obj)
        assigned = _ASSIGNED.match(obj)  # matches at least ""
        subject = obj[assigned.end() :] if assigned else obj
    return subject if len(subject) >= 2 else None
