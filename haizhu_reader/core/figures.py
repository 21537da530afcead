"""Key figures: every quantitative statement in a report's speech, linked to its sentence.

A *figure* is an Arabic-numeral quantity with a unit as printed (2502.52亿元, 1.4%, 225个,
72万平方米, 20.6公里, 100%), a bare 万/亿 count (突破500万), a fraction (近1/5, 7.95/10万), a
ratio (4.0∶37.7∶58.3), a range (4.5%—5%, one figure) or a streak (连续3年, 连续第5年).

Not figures, by decision:

* years, dates and anniversaries (2022年, 11月6日, 75周年); ordinals (第十七届, 第41次,
  10号线); names and formulas (5G, PM2.5, NO2, T3, 5.0改革, 世界500强, 5A级, 20万吨级,
  12英寸) and anything inside quotation marks (“1+6+N”, “10·22”, “全国50强”);
* category thresholds that name a class of things rather than measure one (10亿元以上重大产业
  项目, 60岁及以上人群, 0—6岁儿童), rank cut-offs (排名前1%学科), the speech's own framing
  (抓好以下14个方面的工作), and periods that are not streaks (近3年, 用13年时间);
* every quantity written in Chinese numerals (三大产业方向, 五个方面, 十件民生实事, 近五成):
  in these reports they are overwhelmingly names and list framing. ``5大`` likewise.

Normalisation: ``value`` is the number as printed, in the printed unit's scale; ``unit`` is the
printed multiplier and unit (亿元, 万人, 万平方米, 个百分点; ％ becomes %). So 2502.52亿元 is
(2502.52, "亿元") and 200多万人 is (200, "万人") with qualifier 余. A range keeps its lower bound in
``value`` and its upper bound in ``upper``; a fraction or ratio keeps its first term and puts the
rest in the unit (1/5 -> (1, "/5"), 2.50:1 -> (2.5, "∶1")). ``base_value`` converts to base units.

Fields, as the hand labels in ``tests/data/figures_labels.json`` also follow them:

* ``text`` spans the figure with its change verb (增长, 下降, 年均增长, 增速), its qualifiers and
  连续; verbs that state a level (达, 为, 提高到) stay outside.
* ``indicator`` is what the figure measures, read from its own clause: the clause with the figure
  cut out, without scope words (全年, 全区, 其中…), frame verbs (实现, 完成, 达到, 带动, 累计) and
  examples before 等. A figure with nothing of its own (地区生产总值2502.52亿元、增长1.4%)
  inherits the previous figure's indicator in the sentence.
* ``kind`` is ``target`` for every figure of the plan part(s) and after 力争/确保/目标/预期 in
  the sentence; otherwise ``result``.
* ``qualifier`` is one of 超 以上 余 左右 不低于 约 近 以内 (printed synonyms are folded:
  超过/突破 -> 超, 多 -> 余), else a rank stated with the figure (全市第一, 全市前列).
* ``direction`` is ``up``/``down`` when the figure is a change (增长1.4%, 下降11.8%, 提升1.3个
  百分点, 增速15%), ``None`` for a level.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from haizhu_reader.core.report import PART, Paragraph, Report

Kind = Literal["result", "target"]
Direction = Literal["up", "down"]

# Columns in the order a table shows them (the GUI model and the CSV use this order).
COLUMNS = ("text", "value", "unit", "indicator", "kind", "qualifier", "direction")


def _words(s: str) -> tuple[str, ...]:
    """A lexicon written as space-separated words (easier to read than a list of literals)."""
    return tuple(s.split())


# -- lexicons ------------------------------------------------------------------------

_MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "万": 1e4}
# Units that measure an amount: a threshold before a noun (10亿元以上项目) names a category.
_MEASURES = _words(
    "元 美元 港元 欧元 % ‰ 个百分点 百分点 成 倍 岁 亩 公顷 平方米 平方公里 公里 千米 米 延米 "
    "吨 千克 公斤 克 立方米 千瓦时 千瓦 兆瓦 标箱 天 小时 分钟 个月 年 微克/立方米"
)
# Classifiers that count things.
_COUNTS = _words(
    "个 家 项 件 宗 场 场次 次 人次 名 人 位 户 支 种 所 处 座 栋 幢 套 张 条 株 棵 批 批次 起 "
    "篇 部 台 辆 辆次 艘 架 架次 只 头 间 块 片 枚 对 队 班 列 趟 镇 村 轮 例 床 盏 份 本 册 "
    "门 类 层 款 家次 金 银 铜"
)
_UNITS = sorted({*_MEASURES, *_COUNTS}, key=len, reverse=True)
_PER = _words("立方米 平方米 日 天 年 小时 人 户")  # 万吨/日
_RATES = _words("% ‰ 个百分点 百分点 倍 成")

_QUAL_BEFORE = {
    "超过": "超", "超": "超", "逾": "超", "突破": "超", "近": "近", "接近": "近", "将近": "近",
    "约": "约", "大约": "约", "不低于": "不低于", "不少于": "不低于", "至少": "不低于",
    "不超过": "以内",
}  # fmt: skip
_QUAL_AFTER = {
    "及以上": "以上", "以上": "以上", "左右": "左右", "以内": "以内", "以下": "以内",
    "及以下": "以内", "多": "余", "余": "余",
}  # fmt: skip
_UP = _words("增长 增加 提高 提升 上升 上涨 增速 增幅 涨幅")
_DOWN = _words("下降 降低 减少 压减 压缩 缩减 下跌 降幅 回落 收窄")
# 提升18.4万人 improves something for people: these verbs state a change only of a rate.
_RATE_ONLY = _words("提高 提升 上升")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_NUM = re.compile(r"\d+(?:\.\d+)?")
_DIGITS = str.maketrans("０１２３４５６７８９．％：", "0123456789.%:")  # one char each
_DIR_RE = re.compile(rf"(?:年均)?(?P<dir>{_alternation(_UP + _DOWN)})了?$")
_QUAL_RE = re.compile(rf"(?:{_alternation(_QUAL_BEFORE)})$")
_AFTER_RE = re.compile(rf"(?:{_alternation(_QUAL_AFTER)})")
_RANK = (
    r"(?P<rank>(?:全|各|世界|中心城区|省会|同类|副省级)[\u4e00-\u9fff]{0,8}?"
    r"(?:第[一二三四五六七八九十\d]+|首位|前列|前[一二三四五六七八九十\d]+|榜首))(?![\d.%])"
)
_RANK_WHAT = r"(?:增速|增幅|降幅|数量|总量|规模|占比|总数)"
_RANK_VERB = r"(?:排名|位居|位列|稳居|跃居|居于|居|列)?"
_RANK_RE = re.compile(rf"[，,、]?{_RANK_WHAT}?{_RANK_VERB}{_RANK}")
# A rank in a clause of its own after the figure: 13家企业纳入未来独角兽,数量全市前三.
_LATE_RANK_RE = re.compile(rf"[，,、]{_RANK_WHAT}{_RANK_VERB}{_RANK}(?=[，,。；;]|$)")

_SENTENCE_END = "。！？；;!?"
_CLAUSE_END = _SENTENCE_END + "，,：:"
_SEPARATORS = "、和及与"
_QUOTES = {"“": "”", "「": "」", "《": "》", "‘": "’", "『": "』"}
# 争取 and 计划 are left out: in a review they mean "secured" and name programmes.
_TARGET_RE = re.compile(r"力争|确保|目标|预期(?!寿命)")
_PLAN_RE = re.compile(r"安排|任务|目标|计划|打算")
_NOT_PLAN_RE = re.compile(r"回顾|完成情况|过去")

# Words that open a clause without naming anything (stripped from an indicator's start) ...
_LEADING = sorted(
    _words(
        "全年 全区 全市 全省 全县 今年 年末 年内 当年 其中 同时 此外 另外 我区 我市 我省 一年来 "
        "过去一年 累计 共计 合计 总计 力争 争取 确保 预计 全力 全面 加快 持续 积极 扎实 大力 "
        "稳步 有序 深入 着力 努力 进一步 并 还 均 分别 同比 带动 实现 完成 达到 主要"
    ),
    key=len,
    reverse=True,
)
_PERIOD_RE = re.compile(r"(?:近|过去|最近)?[一二三四五六七八九十两\d]+年(?:来|间|内)?")
# ... and verbs that state a level (stripped from an indicator's end, before the figure).
_TRAILING = re.compile(
    r"(?:(?:分别|均|都|全部)?(?:达到|达|为|是|约为|保持在|稳定在|控制在|增至|降至|突破|"
    r"(?:提高|提升|增加|增长|上升|扩大|下降|降低|减少|缩小|精简|跃升|跃居)(?:到|至|为)?)"
    r"|由|从|的|分别|均|都|共|了|实现|累计|同比|比上年|较上年|接连)$"
)
# Words that end the name of a statistic: a 、-list of them is one indicator (GDP、投资增长5%).
_HEADS = _words(
    "值 额 量 率 数 比 比重 比例 投资 收入 支出 营收 消费 浓度 指数 价格 就业 规模 面积 里程 "
    "人口 强度 总产值 余额"
)
_FRAMED_RE = re.compile(rf"(?<=.)实现(?=[^、]*(?:{_alternation(_HEADS)})$)")
_NOT_EXAMPLE = "高中初平均同对相优头特上下次一二三"  # 高等, 平等, 同等: words, not "and so on"


# -- the model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One quantitative statement: ``paragraph.text[start:end] == text``."""

    paragraph: str
    section: str  # id of the innermost section (for Report.place_label)
    start: int
    end: int
    text: str
    value: float
    unit: str
    indicator: str | None
    kind: Kind
    qualifier: str | None = None
    direction: Direction | None = None
    upper: float | None = None  # a range's upper bound (4.5%—5%)
    rank: str | None = None  # a rank stated with the figure (全市第一), also in qualifier

    def to_json(self) -> dict[str, Any]:
        """The ``--figures --json`` schema."""
        return {
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "indicator": self.indicator,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "direction": self.direction,
        }


@dataclass(frozen=True)
class Comparison:
    """An indicator reported both as last year's result and as this year's target."""

    indicator: str
    results: tuple[Figure, ...]
    targets: tuple[Figure, ...]


def base_value(value: float, unit: str) -> tuple[float, str]:
    """``value unit`` in base units: (2502.52, "亿元") -> (250252000000.0, "元").

    Fractions and ratios become plain numbers ((1, "/5") -> (0.2, "")); 成 becomes %.
    """
    if unit.startswith(("/", "∶")):
        m = re.match(r"(\d+(?:\.\d+)?)(万亿|亿|万)?(?:∶|$)", unit[1:])
        if m and float(m.group(1)):
            return value / (float(m.group(1)) * _MULTIPLIERS.get(m.group(2) or "", 1.0)), ""
        return value, unit
    if unit == "成":
        return value * 10, "%"
    for prefix, factor in _MULTIPLIERS.items():  # 万亿 before 万
        if unit.startswith(prefix):
            return value * factor, unit[len(prefix) :]
    return value, unit


# -- extraction ----------------------------------------------------------------------------


def plan_parts(report: Report) -> set[str]:
    """Ids of the parts setting out the plan: titled 安排/任务/目标…, else the last part."""
    parts = [s for s in report.sections if s.level == PART and s.number]
    plan = {s.id for s in parts if _PLAN_RE.search(s.title) and not _NOT_PLAN_RE.search(s.title)}
    if not plan and parts:
        plan = {parts[-1].id}
    return plan


def extract(report: Report) -> list[Figure]:
    """Every figure in the speech, in reading order."""
    plan = plan_parts(report)
    part_of: dict[str, str] = {}
    for part in report.sections:
        stack = [part]
        while stack:
            s = stack.pop()
            part_of[s.id] = part.id
            stack.extend(s.children)
    figures: list[Figure] = []
    for section, paragraph in report.body_paragraphs():
        figures.extend(extract_paragraph(paragraph, section.id, part_of[section.id] in plan))
    return figures


@dataclass
class _Raw:
    """A figure found in the text, before its clause is read."""

    start: int  # of the whole printed figure (增长6%以上)
    num: int  # of its number
    end: int
    value: float
    unit: str
    qualifier: str | None
    direction: Direction | None
    rank: str | None
    upper: float | None = None


def extract_paragraph(paragraph: Paragraph, section: str, plan: bool) -> list[Figure]:
    """The figures of one paragraph; ``plan`` when it belongs to the plan part."""
    text = paragraph.text.translate(_DIGITS)  # same length: offsets stay valid
    raws = _scan(text)
    bounds = _sentences(text, paragraph.lead)
    out: list[Figure] = []
    prev: tuple[_Raw, Figure] | None = None
    for raw, (gap, tail, s_start) in zip(raws, _segments(text, raws, bounds), strict=True):
        if raw.rank:
            tail = _RANK_RE.sub("", tail, count=1)
        words, stated = _indicator(gap, tail, raw.unit)
        indicator = words or None
        direction = raw.direction or stated
        if prev is not None and prev[1].start >= s_start:  # same sentence
            indicator = indicator or prev[1].indicator
            if (
                direction is None
                and raw.unit == prev[1].unit
                and _only_separators(text[prev[0].end : raw.start])
            ):
                direction = prev[1].direction  # 分别增长3.6%、6%
        target = plan or _TARGET_RE.search(text[s_start : raw.start])
        fig = Figure(
            paragraph=paragraph.id,
            section=section,
            start=raw.start,
            end=raw.end,
            text=paragraph.text[raw.start : raw.end],
            value=raw.value,
            unit=raw.unit,
            indicator=indicator,
            kind="target" if target else "result",
            qualifier=raw.qualifier or raw.rank,
            direction=direction,
            upper=raw.upper,
            rank=raw.rank,
        )
        out.append(fig)
        prev = (raw, fig)
    for i, (fig, nxt) in enumerate(itertools.pairwise(out)):  # 3镇65村入选…: one predicate
        inherited = i > 0 and fig.indicator == out[i - 1].indicator
        if (
            nxt.start == fig.end
            and nxt.indicator
            and fig.indicator != nxt.indicator
            and (fig.indicator is None or inherited)
        ):
            out[i] = replace(fig, indicator=nxt.indicator)
    return out


def _scan(text: str) -> list[_Raw]:
    """The figures of ``text`` in order, before their clauses are read."""
    quoted = _quoted(text)
    raws: list[_Raw] = []
    pos = 0
    while m := _NUM.search(text, pos):
        raw = None if quoted[m.start()] else _parse(text, m)
        pos = raw.end if raw else m.end()
        if raw:
            raws.append(raw)
    for a, b in itertools.pairwise(raws):  # 1409万、1305万人次: borrow the shared unit
        if (
            a.unit in _MULTIPLIERS
            and b.unit.startswith(a.unit)
            and _only_separators(text[a.end : b.start])
        ):
            a.unit = b.unit
    return raws


def _parse(text: str, m: re.Match[str]) -> _Raw | None:
    """The figure at number ``m``, or None when the number is not a figure."""
    s, e = m.span()
    prev, after = text[s - 1 : s] if s else "", text[e : e + 1]
    if (prev.isascii() and prev.isalpha()) or "+" in (prev, after) or prev == "前":
        return None  # PM2.5, T3, 1+N, 排名前1%
    streak = text.endswith("连续", 0, s) or text.endswith("连续第", 0, s)
    if prev == "第" and not streak:
        return None  # an ordinal
    if re.fullmatch(r"(?:19|20|21)\d\d", m.group()) and re.match(
        r"年|[—\-~～至到](?:19|20|21)\d\d", text[e:]
    ):
        return None  # a year or a span of years
    value = float(m.group())
    if frac := re.match(r"/(\d+(?:\.\d+)?(?:万亿|亿|万)?)", text[e:]):
        return _finish(text, s, e + frac.end(), value, "/" + frac.group(1), None, streak)
    if ratio := re.match(r"(?:[∶:]\d+(?:\.\d+)?)+", text[e:]):
        return _finish(
            text, s, e + ratio.end(), value, ratio.group().replace(":", "∶"), None, False
        )
    unit, pos, qual = _unit(text, e)
    upper = None
    if rng := re.match(r"[—\-~～至到](\d+(?:\.\d+)?)", text[pos:]):
        unit2, pos2, _ = _unit(text, pos + rng.end())
        if unit2 and unit in ("", unit2):
            upper, unit, pos = float(rng.group(1)), unit2, pos2
    if not unit:
        return None
    if unit == "年" and not (streak or re.search(r"(?:延长|缩短)$", text[:s])):
        return None  # a period (近3年, 3年行动), not a quantity
    if text[pos : pos + 1] in ("级", "期", "号", "届", "代") or text.startswith("方面", pos):
        return None  # 20万吨级, 5个方面
    raw = _finish(text, s, pos, value, unit, qual, streak)
    if raw is not None:
        raw.upper = upper
    return raw


def _unit(text: str, pos: int) -> tuple[str, int, str | None]:
    """Multiplier and unit at ``pos``: 200多万人 -> ("万人", after, "余"); ("", pos, None)."""
    qual = None
    if text[pos : pos + 1] in ("多", "余"):
        qual, pos = "余", pos + 1
    mult = next((k for k in _MULTIPLIERS if text.startswith(k, pos)), "")
    pos += len(mult)
    if mult and text[pos : pos + 1] in ("多", "余"):
        qual, pos = "余", pos + 1
    unit = next((u for u in _UNITS if text.startswith(u, pos)), "")
    pos += len(unit)
    per = next((p for p in _PER if text.startswith("/" + p, pos)), "") if unit else ""
    if per:  # 万吨/日
        unit, pos = f"{unit}/{per}", pos + 1 + len(per)
    if not unit and not mult:
        return "", pos, None
    return mult + unit, pos, qual


def _finish(
    text: str, s: int, pos: int, value: float, unit: str, qual: str | None, streak: bool
) -> _Raw | None:
    """Attach qualifiers, direction and rank to the number at ``s``; drop categories."""
    base = unit.lstrip("万亿")
    if after := _AFTER_RE.match(text, pos):
        word = after.group()
        follows = text[after.end() : after.end() + 1]
        if word in ("以上", "及以上", "以下", "及以下") and base in _MEASURES and _is_cjk(follows):
            return None  # 10亿元以上重大产业项目, 60岁及以上人群: a category
        if word not in ("多", "余") or not _is_cjk(follows):
            qual, pos = _QUAL_AFTER[word], after.end()
    if base == "岁" and _is_cjk(text[pos : pos + 1]):
        return None  # 0—6岁儿童
    start = text.rfind("连续", 0, s) if streak else s
    if q := _QUAL_RE.search(text, 0, start):
        qual, start = _QUAL_BEFORE[q.group()], q.start()
    direction: Direction | None = None
    if d := _DIR_RE.search(text, 0, start):
        verb, rate = d.group("dir"), unit in _RATES
        if rate or (verb not in _RATE_ONLY and not (verb == "增长" and base in _COUNTS)):
            direction = "up" if verb in _UP else "down"
            start = d.start()
    return _Raw(start, s, pos, value, unit, qual, direction, _rank(text, pos))


def _rank(text: str, pos: int) -> str | None:
    """A rank stated right after a figure ending at ``pos``, or in a clause of its own."""
    if r := _RANK_RE.match(text, pos):
        return r.group("rank")
    late = _LATE_RANK_RE.search(text, pos, _first_of(text, _SENTENCE_END, pos, len(text)))
    if late and _NUM.search(text, pos, late.end()) is None:  # the nearest figure takes it
        return late.group("rank")
    return None


# -- reading the clause ------------------------------------------------------------------


def _segments(
    text: str, raws: list[_Raw], bounds: list[tuple[int, int]]
) -> Iterator[tuple[str, str, int]]:
    """For each figure: its clause text before and after it, and its sentence's start.

    Two figures in one clause split the text between them at the first separator (、和及与):
    地区生产总值2502.52亿元、同比增长1.4% gives the second figure nothing of its own. Without a
    separator both figures read it (84个重点项目完成投资200.3亿元; 从11.37万亿元提高到…).
    """
    for i, raw in enumerate(raws):
        s_start, s_end = next(b for b in bounds if b[0] <= raw.num < b[1])
        gap_from = _last_of(text, _CLAUSE_END, s_start, raw.start)
        if i and raws[i - 1].end > gap_from:
            cut = _top_level(text[raws[i - 1].end : raw.start])
            gap_from = raws[i - 1].end + (cut + 1 if cut is not None else 0)
        tail_to = _first_of(text, _CLAUSE_END, raw.end, min(s_end, len(text)))
        if i + 1 < len(raws) and raws[i + 1].start < tail_to:
            between = text[raw.end : raws[i + 1].start]
            cut = _top_level(between)
            tail_to = raw.end + (cut if cut is not None else len(between))
        yield text[gap_from : raw.start], text[raw.end : tail_to], s_start


def _indicator(gap: str, tail: str, unit: str) -> tuple[str, Direction | None]:
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
    if gap.endswith(tuple(_SEPARATORS)):  # …重大产业项目和35个“攻城拔寨”项目: another item
        gap = ""
    gap = _strip_leading(_strip_examples(gap))
    if not shared:
        items = _split_top_level(gap)
        if len(items) > 1 and not all(x.endswith(_HEADS) for x in items):
            gap = _strip_leading(items[-1])  # 落实三级河湖长制、共巡河2万余次
    verb = re.match(r"(减少|压减|压缩|降低|增加(?!值)|提高|提升)(?!.*[到至])", gap)
    if verb and (verb.group(1) in _DOWN or unit in _RATES):  # 提升改造50个: no rise
        direction = "up" if verb.group(1) in _UP else "down"
    gap = _FRAMED_RE.sub("", gap)  # 规模以上工业企业实现利税总额
    tail = _strip_trailing(re.sub(r"^\s*[（(][^）)]*[）)]", "", tail).strip())  # （间）
    if tail.startswith(tuple(_SEPARATORS)):  # 城镇新增就业149.4万人、超额完成…
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
    while True:
        if m := _PERIOD_RE.match(s):
            s = s[m.end() :]
        elif w := next((w for w in _LEADING if s.startswith(w)), None):
            s = s[len(w) :]
        else:
            return s


def _strip_examples(s: str) -> str:
    """中交南方总部、腾讯广州总部等13个… : the examples before 等 are not the indicator."""
    for m in reversed(list(re.finditer("等", s))):
        nxt, prv = s[m.end() : m.end() + 1], s[m.start() - 1 : m.start()] if m.start() else ""
        if nxt not in tuple("级次额同于待") and prv not in tuple(_NOT_EXAMPLE):
            return s[m.end() :]
    return s


def _top_level(s: str, chars: str = _SEPARATORS) -> int | None:
    """Offset of the first of ``chars`` outside brackets (县（市、区）国企), else None."""
    depth = 0
    for i, ch in enumerate(s):
        if ch in "(（[【":
            depth += 1
        elif ch in ")）]】":
            depth = max(0, depth - 1)
        elif not depth and ch in chars:
            return i
    return None


def _split_top_level(s: str) -> list[str]:
    items = []
    while (cut := _top_level(s, "、")) is not None:
        items.append(s[:cut])
        s = s[cut + 1 :]
    return [*items, s]


def _only_separators(s: str) -> bool:
    return all(ch in _SEPARATORS + "，, " for ch in s)


def _is_cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"


def _quoted(text: str) -> list[bool]:
    """For each offset, whether it lies inside quotation marks or book-title marks."""
    inside = [False] * (len(text) + 1)
    closer: str | None = None
    for i, ch in enumerate(text):
        if closer is None and ch in _QUOTES:
            closer = _QUOTES[ch]
        elif ch == closer:
            closer = None
        elif closer is not None:
            inside[i] = True
    return inside


def _sentences(text: str, lead: int) -> list[tuple[int, int]]:
    """Sentence spans; a lead-topic headline is a sentence of its own."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _SENTENCE_END or i + 1 == lead:
            bounds.append((start, i + 1))
            start = i + 1
    bounds.append((start, len(text) + 1))
    return bounds


def _last_of(text: str, chars: str, lo: int, hi: int) -> int:
    """Offset just after the last of ``chars`` in text[lo:hi], else ``lo``."""
    return max((i + 1 for i in range(lo, hi) if text[i] in chars), default=lo)


def _first_of(text: str, chars: str, lo: int, hi: int) -> int:
    """Offset of the first of ``chars`` in text[lo:hi], else ``hi``."""
    return next((i for i in range(lo, hi) if text[i] in chars), hi)


# -- results versus targets, CSV ------------------------------------------------------------

# Names the reports use for one statistic (domain vocabulary, not data of any report).
_ALIASES = {
    "GDP": "地区生产总值", "生产总值": "地区生产总值", "经济总量": "地区生产总值",
    "年度投资": "固定资产投资", "全年投资": "固定资产投资", "固定资产投资额": "固定资产投资",
    "社零总额": "社会消费品零售总额", "一般公共预算收入": "地方一般公共预算收入",
    "新增城镇就业": "城镇新增就业", "进出口总额": "商品进出口总值",
    "外贸进出口总值": "商品进出口总值", "货物进出口总额": "商品进出口总值",
    "进出口总值": "商品进出口总值", "居民消费价格涨幅": "居民消费价格", "CPI": "居民消费价格",
}  # fmt: skip


def canonical_indicator(name: str) -> str:
    """One name per statistic: 规上 -> 规模以上, 年度投资 -> 固定资产投资, quotes dropped."""
    name = re.sub(r"[“”\"‘’\s]", "", name).replace("规上", "规模以上")
    name = re.sub(r"[(（](?:GDP|下同)[)）]", "", name)
    return _ALIASES.get(name, name)


def _indicator_keys(indicator: str | None) -> list[str]:
    if not indicator:
        return []
    items = _split_top_level(indicator)
    if len(items) > 1 and all(x.endswith(_HEADS) for x in items):
        return [canonical_indicator(x) for x in items]
    return [canonical_indicator(indicator)]


def results_vs_targets(figures: Iterable[Figure]) -> list[Comparison]:
    """Indicators with both a result and a target, in order of first result.

    地区生产总值: 增长1.4% -> 增长7%. A shared list (地区生产总值、固定资产投资…增长5%左右)
    counts for each of its indicators.
    """
    results: dict[str, list[Figure]] = {}
    targets: dict[str, list[Figure]] = {}
    for f in figures:
        for key in _indicator_keys(f.indicator):
            (results if f.kind == "result" else targets).setdefault(key, []).append(f)
    return [
        Comparison(key, tuple(found), tuple(targets[key]))
        for key, found in results.items()
        if key in targets and len(key) >= 3  # 投资, 产值: too vague to pair
    ]


_CSV_HEADER = (
    "位置", "段落", "起", "止", "原文", "数值", "上限", "单位", "指标", "类型", "限定", "方向"
)  # fmt: skip
_KIND_LABEL = {"result": "结果", "target": "目标"}  # as the table says
_DIRECTION_LABEL = {"up": "增", "down": "降"}


def csv_rows(report: Report, figures: Iterable[Figure]) -> Iterator[list[str]]:
    """The header and one row per figure, as ``write_csv`` writes them."""
    yield list(_CSV_HEADER)
    for f in figures:
        yield [
            report.place_label(f.section),
            f.paragraph,
            str(f.start),
            str(f.end),
            f.text,
            _number(f.value),
            _number(f.upper) if f.upper is not None else "",  # a range's: 4.5—5
            f.unit,
            f.indicator or "",
            _KIND_LABEL[f.kind],
            f.qualifier or "",
            _DIRECTION_LABEL[f.direction] if f.direction else "",
        ]


def _number(value: float) -> str:
    return repr(value).removesuffix(".0")


def write_csv(report: Report, figures: Iterable[Figure], path: Path) -> None:
    """UTF-8 with a BOM and CRLF rows, so Excel and WPS open the Chinese text correctly.

    Written whole or not at all (``write_atomically``), like every export.
    """
    from haizhu_reader.core.files import write_atomically  # not at start-up

    buffer = io.StringIO()
    csv.writer(buffer).writerows(csv_rows(report, figures))
    write_atomically(path, buffer.getvalue().encode("utf-8-sig"))
