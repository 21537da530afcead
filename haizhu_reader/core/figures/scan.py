"""Finding the figures of a paragraph: numbers with their units, qualifiers, direction, rank.

The conventions are in ``extract.py``'s docstring. Every look here is anchored at a number
or bounded around it (a qualifier or verb before it is at most a few characters long, a
rank after it ends at the next number), and the paragraph's sentence ends, clause ends and
quotations are found once: a paragraph is scanned in time proportional to its length,
however long it is (a report captured as one 19 MB line).
"""

from __future__ import annotations

import itertools
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Direction = Literal["up", "down"]


def words(s: str) -> tuple[str, ...]:
    """A lexicon written as space-separated words (easier to read than a list of literals)."""
    return tuple(s.split())


def alternation(items: Iterable[str]) -> str:
    """A regex alternation trying longer words first."""
    return "|".join(re.escape(w) for w in sorted(items, key=len, reverse=True))


# -- lexicons ------------------------------------------------------------------------

MULTIPLIERS = {"万亿": 1e12, "亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4}
# Units that measure an amount: a threshold before a noun (10亿元以上项目) names a category.
MEASURES = words(
    "元 美元 港元 欧元 % ‰ 个百分点 百分点 成 倍 岁 亩 公顷 平方米 平方公里 平方千米 公里 千米 米 "
    "延米 海里 吨 吨标准煤 吨标煤 千克 公斤 克 斤 立方米 方 升 千瓦时 度 千瓦 兆瓦 标箱 天 小时 "
    "分钟 个月 年 微克/立方米"
)
# Classifiers that count things; each also takes 次 (万户次, 人次, 架次).
COUNTS = words(
    "个 家 项 件 宗 场 次 名 人 位 户 支 种 所 处 座 栋 幢 套 张 条 株 棵 批 起 篇 部 台 辆 "
    "艘 架 只 头 间 块 片 枚 对 副 队 班 列 趟 镇 村 轮 例 床 盏 份 本 册 门 类 层 款 金 银 铜 "
    "箱 车"
)
RATES = words("% ‰ 个百分点 百分点 倍 成")
_PER = words("立方米 平方米 日 天 年 小时 人 户 月")
# A capacity or a duration written straight before a noun names the thing (520万方原油商储库,
# 30万吨铝制品项目, 24小时书店, 15分钟健身圈); these may follow it without doing so. (Days
# are left out: 实现132天历史性突破 is a figure.)
_CAPACITIES = words("吨 方 立方米 千瓦 兆瓦 千瓦时 标箱 小时 分钟")
_NAME_FOLLOWERS = re.compile(r"[的和及与或、内后前]|以[上下内]|左右|之内|大关|规模|[多余]")
# 人民, 人口, 户籍: the unit's last character starts the counted noun (200多万人民群众).
_NOUN_AFTER_UNIT = {"人": "民口员才群士", "户": "籍", "家": "庭"}  # 万吨/日

_UNIT_RE = re.compile(alternation({*MEASURES, *COUNTS}))
_MULT_RE = re.compile(alternation(MULTIPLIERS))
_PER_RE = re.compile(r"/(?:" + alternation(_PER) + ")")

QUAL_BEFORE = {
    "超过": "超", "超": "超", "逾": "超", "突破": "超", "高于": "超", "近": "近", "接近": "近",
    "将近": "近", "约": "约", "大约": "约", "不低于": "不低于", "不少于": "不低于",
    "至少": "不低于", "不超过": "以内", "不高于": "以内", "低于": "低于", "不到": "低于",
    "不足": "低于",
}  # fmt: skip
QUAL_AFTER = {
    "及以上": "以上", "以上": "以上", "左右": "左右", "以内": "以内", "以下": "以内",
    "及以下": "以内", "多": "余", "余": "余",
}  # fmt: skip
UP = words("增长 增加 提高 提升 上升 上涨 增速 增幅 涨幅 微增 略增 扩大 延长")
DOWN = words(
    "下降 降低 减少 削减 压减 压缩 缩减 缩小 缩短 下跌 降幅 回落 收窄 微降 略降 下调 压降 降"
)
# 提升18.4万人饮水安全 improves something for people: a rise of the figure itself only when
# it is a rate, or when nothing is named after it (每人每月再提高6元。).
RATE_ONLY = words("提高 提升 上升 扩大 延长")

_QUAL_WINDOW = max(map(len, QUAL_BEFORE))
_QUAL_RE = re.compile(rf"(?:{alternation(QUAL_BEFORE)})$")
_DIR_RE = re.compile(rf"(?:年均)?(?P<dir>{alternation(UP + DOWN)})了?$")
_DIR_WINDOW = 2 + max(map(len, UP + DOWN)) + 1
_AFTER_RE = re.compile(alternation(QUAL_AFTER))

_RANK = (
    r"(?P<rank>(?:全|各|世界|中心城区|省会|同类|副省级)[\u4e00-\u9fff]{0,8}?"
    r"(?:第[一二三四五六七八九十\d]+|首位|前列|前茅|前[一二三四五六七八九十\d]+|榜首))(?![\d.%])"
)
_RANK_WHAT = r"(?:增速|增幅|降幅|数量|总量|规模|占比|总数)"
_RANK_VERB = r"(?:排名|位居|位列|稳居|跃居|居于|居|列)?"
RANK_RE = re.compile(rf"[，,、]?{_RANK_WHAT}?{_RANK_VERB}{_RANK}")
# A rank in a clause of its own after the figure: 13家企业纳入未来独角兽，数量全市前三.
_LATE_RANK_RE = re.compile(rf"[，,、]{_RANK_WHAT}{_RANK_VERB}{_RANK}(?=[，,。；;]|$)")

NUM = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?")
# Full-width digits and signs read as ASCII; one character each, so offsets stay valid.
DIGITS = str.maketrans("０１２３４５６７８９．％：－～", "0123456789.%:-~")
_YEAR_RE = re.compile(r"(?:19|20|21)\d\d")
_YEAR_AFTER = re.compile(r"年|(?:—{1,2}|[–\-~～至到])(?:19|20|21)\d\d")
_FRAC = re.compile(r"/(\d+(?:\.\d+)?(?:万亿|亿|万)?)")
_RATIO = re.compile(r"(?:[∶:]\d+(?:\.\d+)?)+")
_RANGE = re.compile(r"(?:—{1,2}|[–\-~～至到])(\d+(?:\.\d+)?)")
_NOT_AFTER = re.compile(r"[级期号届代]|方面")

SENTENCE_END = "。！？；;!?"
CLAUSE_END = SENTENCE_END + "，,：:"
_SENTENCE_RE = re.compile(f"[{re.escape(SENTENCE_END)}]")
_CLAUSE_RE = re.compile(f"[{re.escape(CLAUSE_END)}]")
SEPARATORS = "、和及与"
_QUOTES = {"“": "”", "「": "」", "《": "》", "‘": "’", "『": "』"}
_OPENERS = re.compile(f"[{''.join(_QUOTES)}]")


@dataclass
class Raw:
    """A figure found in the text, before its clause is read."""

    start: int  # of the whole printed figure (增长6%以上)
    num: int  # of its number
    end: int
    value: float
    unit: str
    qualifier: str | None
    direction: Direction | None
    rank: str | None
    value_high: float | None = None
    streak: bool = False
    noun_from: int = -1  # where the counted noun starts when the unit began it (人民), else end

    def __post_init__(self) -> None:
        if self.noun_from < 0:
            self.noun_from = self.end


class Bounds:
    """Sentence and clause ends of one text, found once, looked up by bisection."""

    def __init__(self, text: str, lead: int = 0) -> None:
        self.length = len(text)
        ends = array("q", (m.start() + 1 for m in _SENTENCE_RE.finditer(text)))  # compact
        if 0 < lead < len(text) and lead not in ends:  # a lead-topic headline is a sentence
            ends.insert(bisect_left(ends, lead), lead)
        self._sentence_ends = ends
        self._clause_marks = array("q", (m.start() for m in _CLAUSE_RE.finditer(text)))

    def sentence(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding offset ``pos``; end is after its mark."""
        i = bisect_right(self._sentence_ends, pos)
        start = self._sentence_ends[i - 1] if i else 0
        end = self._sentence_ends[i] if i < len(self._sentence_ends) else self.length + 1
        return start, end

    def clause_start(self, lo: int, hi: int) -> int:
        """Just after the last clause mark in [lo, hi), else ``lo``."""
        i = bisect_left(self._clause_marks, hi) - 1
        return self._clause_marks[i] + 1 if i >= 0 and self._clause_marks[i] >= lo else lo

    def clause_end(self, lo: int, hi: int) -> int:
        """The first clause mark in [lo, hi), else ``hi``."""
        marks = self._clause_marks
        i = bisect_left(marks, lo)
        return marks[i] if i < len(marks) and marks[i] < hi else hi


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation or book-title marks (an unclosed one runs to the end)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while m := _OPENERS.search(text, pos):
        close = text.find(_QUOTES[m.group()], m.end())
        end = len(text) if close < 0 else close
        spans.append((m.end(), end))
        pos = end + 1
    return spans


def scan(text: str, bounds: Bounds) -> list[Raw]:
    """The figures of ``text`` (digits already ASCII) in order, before their clauses are read."""
    quoted = quotations(text)
    q = 0
    raws: list[Raw] = []
    pos = 0
    while m := NUM.search(text, pos):
        while q < len(quoted) and quoted[q][1] <= m.start():
            q += 1
        if q < len(quoted) and quoted[q][0] <= m.start():
            pos = quoted[q][1]  # nothing inside quotation marks is a figure
            continue
        raw = _parse(text, m, bounds)
        pos = raw.end if raw else m.end()
        if raw:
            raws.append(raw)
    for a, b in itertools.pairwise(raws):  # 1409万、1305万人次: the shared unit
        if (
            a.unit in MULTIPLIERS
            and b.unit.startswith(a.unit)
            and only_separators(text[a.end : b.start])
        ):
            a.unit = b.unit
    return raws


def number_value(s: str) -> float:
    return float(s.replace(",", ""))


def _parse(text: str, m: re.Match[str], bounds: Bounds) -> Raw | None:
    """The figure at number ``m``, or None when the number is not a figure."""
    s, e = m.span()
    prev, after = text[s - 1 : s], text[e : e + 1]
    if (prev.isascii() and prev.isalpha()) or "+" in (prev, after) or prev in ("前", "."):
        return None  # PM2.5, T3, 1+N, 排名前1%, 2.5.1
    if after == "." or (after.isascii() and after.isalpha()):
        return None  # 5G, 4K, 1.2.3
    streak = text.endswith("连续", 0, s) or text.endswith("连续第", 0, s)
    if prev == "第" and not streak:
        return None  # an ordinal
    if _YEAR_RE.fullmatch(m.group()) and _YEAR_AFTER.match(text, e):
        return None  # a year or a span of years
    value = number_value(m.group())
    if frac := _FRAC.match(text, e):
        return _finish(text, s, frac.end(), value, "/" + frac.group(1), None, streak, bounds)
    if ratio := _RATIO.match(text, e):
        unit = ratio.group().replace(":", "∶")
        return _finish(text, s, ratio.end(), value, unit, None, False, bounds)
    unit, pos, qual = read_unit(text, e)
    high = None
    if rng := _RANGE.match(text, pos):
        unit2, pos2, _ = read_unit(text, rng.end())
        if unit2 and unit in ("", unit2):
            high, unit, pos = number_value(rng.group(1)), unit2, pos2
    if not unit:
        return _price_index(text, s, pos, value, bounds)
    base = base_unit(unit)
    if base == "年" and not (streak or "." in m.group() or text.endswith(("延长", "缩短"), 0, s)):
        return None  # a period (近3年, 3年行动), not a quantity (受教育年限11.3年)
    if _NOT_AFTER.match(text, pos):
        return None  # 20万吨级, 5个方面
    if base in _CAPACITIES and is_cjk(text[pos : pos + 1]) and not _NAME_FOLLOWERS.match(text, pos):
        return None  # 520万方原油商储库, 24小时书店: part of a name
    raw = _finish(text, s, pos, value, unit, qual, streak, bounds)
    if raw is not None:
        raw.value_high = high
        raw.streak = streak
        if text[pos : pos + 1] and text[pos] in _NOUN_AFTER_UNIT.get(unit[-1:], ""):
            raw.noun_from = pos - 1
    return raw


# A price index on last year's 100 (居民消费价格指数控制在103左右, 为105.1): a change in %.
_INDEX_BEFORE = re.compile(r"价格(?:总水平)?指数(?:控制在|保持在|稳定在|涨幅为|为|在|达到|达)?$")


def _price_index(text: str, s: int, pos: int, value: float, bounds: Bounds) -> Raw | None:
    """The number at ``s`` when it is a price index (last year = 100): the change it says,
    in percent, up or down; None for any other number without a unit."""
    if not 90 <= value <= 130 or not _INDEX_BEFORE.search(text, max(0, s - 12), s):
        return None
    raw = _finish(text, s, pos, round(value - 100, 6), "%", None, False, bounds)
    if raw is not None and raw.direction is None:
        raw.direction = "down" if value < 100 else "up"
    return raw


def read_unit(text: str, pos: int) -> tuple[str, int, str | None]:
    """Multiplier and unit at ``pos``: 200多万人 -> ("万人", after, "余"); ("", pos, None)."""
    qual = None
    if text[pos : pos + 1] in ("多", "余"):
        qual, pos = "余", pos + 1
    mult = ""
    if mm := _MULT_RE.match(text, pos):
        mult, pos = mm.group(), mm.end()
        if text[pos : pos + 1] in ("多", "余"):
            qual, pos = "余", pos + 1
    unit = ""
    if um := _UNIT_RE.match(text, pos):
        unit, pos = um.group(), um.end()
        if unit in COUNTS and text[pos : pos + 1] == "次" and unit != "次":
            unit, pos = unit + "次", pos + 1  # 万户次, 架次
        if pm := _PER_RE.match(text, pos):  # 万吨/日
            unit, pos = unit + pm.group(), pm.end()
    if not unit and not mult:
        return "", pos, None
    return mult + unit, pos, qual


def _finish(
    text: str,
    s: int,
    pos: int,
    value: float,
    unit: str,
    qual: str | None,
    streak: bool,
    bounds: Bounds,
) -> Raw | None:
    """Attach qualifiers, direction and rank to the number at ``s``; drop categories."""
    base = base_unit(unit)
    if after := _AFTER_RE.match(text, pos):
        word = after.group()
        follows = text[after.end() : after.end() + 1]
        stated = text[s - 1 : s] in ("达", "为", "到", "至") and follows == "的"  # 占比达80%以上的
        bound = word in ("以上", "及以上", "以下", "及以下")
        if bound and base in MEASURES and is_cjk(follows) and not stated:
            return None  # 10亿元以上重大产业项目, 60岁及以上人群: a category
        if word not in ("多", "余") or not is_cjk(follows):
            qual, pos = QUAL_AFTER[word], after.end()
    if base == "岁" and is_cjk(text[pos : pos + 1]):
        return None  # 0—6岁儿童
    start = s
    if streak:
        start = text.rfind("连续", max(0, s - 3), s)
    elif s and text[s - 1] in "-−" and not text[max(0, s - 2) : s - 1].isdigit():
        start, value = s - 1, -value  # 增长-1.5%; not a range's dash (4.5%-5%: after the unit)
    if q := _QUAL_RE.search(text, max(0, start - _QUAL_WINDOW), start):
        qual, start = QUAL_BEFORE[q.group()], q.start()
        if qual == "低于" and text[pos : pos + 1] == "的" and base in MEASURES:
            return None  # 年应纳税所得额不到100万元的部分: a category
    direction: Direction | None = None
    if d := _DIR_RE.search(text, max(0, start - _DIR_WINDOW), start):
        verb, rate = d.group("dir"), unit in RATES
        if verb in RATE_ONLY:
            stated = rate or not is_cjk(text[pos : pos + 1])
        else:
            stated = rate or not (verb == "增长" and is_count(base))
        if stated:
            direction = "up" if verb in UP else "down"
            start = d.start()
    return Raw(start, s, pos, value, unit, qual, direction, _rank(text, pos, bounds))


def _rank(text: str, pos: int, bounds: Bounds) -> str | None:
    """A rank stated right after a figure ending at ``pos``, or in a clause of its own.

    The late rank is looked for up to the next number only: the nearest figure takes it.
    """
    if r := RANK_RE.match(text, pos):
        return r.group("rank")
    mark = min(bounds.sentence(pos)[1] - 1, len(text))  # the sentence's closing mark
    nxt = NUM.search(text, pos, mark)
    limit = nxt.start() if nxt else mark
    late = _LATE_RANK_RE.search(text, pos, limit)
    if late and (late.end() < limit or limit == mark):  # not cut short by the next number
        return late.group("rank")
    return None


def base_unit(unit: str) -> str:
    """The unit without its multiplier: 万人次 -> 人次, 千米 -> 千米."""
    m = _MULT_RE.match(unit)
    return unit[m.end() :] if m and m.end() < len(unit) else unit


def is_count(unit: str) -> bool:
    """Whether a unit (without multiplier) counts things: 个, 人次, 户次."""
    return unit in COUNTS or unit.removesuffix("次") in COUNTS


def only_separators(s: str) -> bool:
    return all(ch in SEPARATORS + "，, " for ch in s)


def is_cjk(ch: str) -> bool:
    return bool(ch) and "\u4e00" <= ch <= "\u9fff"
