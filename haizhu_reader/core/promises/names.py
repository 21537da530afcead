"""One statistic under its many names: the key two reports' indicators are paired by.

Reports name a statistic differently from year to year, and differently in the
plan and in the review: 地区生产总值 / GDP / 全市生产总值 / 经济总量; 社会消费品零售总额 /
社零 / 社会消费品零售额; 地方一般公共预算收入 / 一般公共预算收入 / 地方一般公共预算收入剔除
留抵退税因素后同口径; 城镇新增就业 / 城镇新增就业人数; 研发经费支出占地区生产总值比重 /
全社会研发投入占地区生产总值比重. ``key`` folds such names into one:

* the figures' own folding first (``canonical_indicator``: quotes, 规上 → 规模以上, the
  aliases of ``figures/table.py``);
* scope words in front (全市, 全年, 我市, 预计) and accounting notes (剔除…因素后, 同口径,
  可比口径, 同比) go;
* a rate word at the end names the same statistic's change (居民消费价格涨幅,
  地区生产总值增速, 单位地区生产总值能耗下降幅度): it goes too — whether a figure is a
  change or a level is its ``direction``, and pairing checks that separately;
* a few more names of one statistic (domain vocabulary, as in ``figures/table.py``).

Nothing else is folded: a name with a word more in front names a part of the whole
(城镇居民人均可支配收入 is not 居民人均可支配收入, 工业投资 not 固定资产投资), so two
names either share a key or are not paired at all. ``name_score`` says how sure a
pairing by name is: 1.0 for the same name, 0.9 for one folded into the other.
"""

from __future__ import annotations

import re
from functools import lru_cache

from haizhu_reader.core.figures.clause import HEADS, split_top_level
from haizhu_reader.core.figures.table import canonical_indicator

SAME_NAME = 1.0
_QUOTES = re.compile(r"[“”\"‘’\s]")
FOLDED_NAME = 0.9

_SCOPE = re.compile(
    r"^(?:全市|全区|全县|全省|全国|全年|今年|去年|上年|我市|我区|我省|本市|预计|其中)+"
)
# Verbs a plan puts before what it will do and a review before what was done (开展林分优化,
# 完成林分优化): the statistic is what follows.
_ACTION = re.compile(r"^(?:开展|实施|推进|推动|启动|组织|举办|落实|完成|实现|再)")
# A count's 数 (托位数 and 托位 are one statistic; 人数, 户数, 指数 … are names of their own).
_COUNT_END = re.compile(r"(?<=[^人户次指倍系分])(?:数量|总数|个数|数)$")
_NOTES = re.compile(
    r"(?:剔除|扣除|不含)[^，,、]{0,20}?(?:因素)?后|扣除价格因素(?:的)?(?:实际)?"
    r"|(?:按)?(?:同|可比)口径(?:计算)?|同比|比上年"
)
_TASK_END = re.compile(r"(?<=..)(?:指标|任务|目标)+$")  # 环境保护指标: 环境保护
_RATE_END = re.compile(
    r"(?:的)?(?:增长率|增长速度|增速|增幅|涨幅|降幅|下降幅度|下降率|增长|下降|上涨|提高|幅度)$"
)
# More names of one statistic (after the figures' aliases have been applied).
_ALIASES = {
    "社零": "社会消费品零售总额",
    "社会消费品零售额": "社会消费品零售总额",
    "社会消费品零售": "社会消费品零售总额",
    "城镇新增就业人数": "城镇新增就业",
    "新增城镇就业人数": "城镇新增就业",
    "新增就业": "城镇新增就业",
    "全体居民人均可支配收入": "居民人均可支配收入",
    "居民消费价格总水平": "居民消费价格",
    "单位GDP能耗": "单位地区生产总值能耗",
    "地区生产总值总量": "地区生产总值",
    "本外币存贷款余额": "金融机构本外币存贷款余额",
    # The budget revenue before its 2014 name (地方财政一般预算收入, 其中一般预算收入).
    "地方财政一般预算收入": "地方一般公共预算收入",
    "财政一般预算收入": "地方一般公共预算收入",
    "地方一般预算收入": "地方一般公共预算收入",
    "一般预算收入": "地方一般公共预算收入",
    "农民人均纯收入": "农村居民人均纯收入",
    "污染物排放量": "主要污染物排放量",
}
# 研发经费支出占地区生产总值比重, 全社会研发投入强度, R&D经费投入强度: one ratio.
_RD_SHARE = re.compile(
    r"^(?:全社会)?(?:研究与试验发展|研发|R&D|R＆D)(?:经费)?(?:支出|投入)?"
    r"(?:占(?:地区生产总值|GDP|生产总值)(?:的)?比重|强度)$"
)


@lru_cache(maxsize=8192)
def key(name: str) -> str:
    """The name two reports' indicators are paired by (see the module docstring)."""
    # 常住居民 is how the surveys have named 居民 since 2013: one statistic.
    s = canonical_indicator(name).replace("GDP", "地区生产总值").replace("常住居民", "居民")
    s = re.sub(r"^([一二三])产(?!业)", r"第\1产业", s)  # 一产增加值: 第一产业增加值
    previous = None
    while s != previous:
        previous = s
        s = _NOTES.sub("", s)
        s = _SCOPE.sub("", s)
        s = _ACTION.sub("", s) if len(s) > 4 else s
        s = _RATE_END.sub("", s)
        s = _TASK_END.sub("", s)
        s = _COUNT_END.sub("", s) if len(s) > 4 else s
        s = canonical_indicator(s)
        s = _ALIASES.get(s, s)
    if _RD_SHARE.match(s):
        return "研发经费投入强度"
    return s or canonical_indicator(name)


def display(name: str) -> str:
    """A name as a table shows it: as the report words it, without quote marks and
    accounting notes (地方一般公共预算收入剔除留抵退税因素后 -> 地方一般公共预算收入)."""
    plain = _QUOTES.sub("", name)
    return _NOTES.sub("", plain).strip("，,、 ") or plain


def name_score(a: str, b: str) -> float:
    """How sure a pairing of two indicators by name is: 1.0 the same name (quote marks
    aside), 0.9 one name folded into the other (``key``; an accounting note such as
    剔除留抵退税因素后 counts as folding), 0 not the same statistic."""
    if _QUOTES.sub("", a) == _QUOTES.sub("", b):
        return SAME_NAME
    return FOLDED_NAME if key(a) == key(b) else 0.0


def split_names(indicator: str, qualitative: bool) -> list[str]:
    """The statistics one target names: a 、-list is several (地区生产总值、固定资产投资增长
    5%左右; 城镇新增就业人数、单位地区生产总值能耗下降幅度完成省下达任务).

    A numeric target's list splits when each item ends like a statistic's name (值, 额,
    率, 投资 … as ``figures/table.py`` splits them); a qualitative one's always.
    """
    items = [x for x in split_top_level(indicator) if x]
    if len(items) < 2 or any(len(x) < 2 for x in items):
        # 城镇居民人均可支配收入和农民人均纯收入均增长12%: two statistics joined by 和
        pair = [x for x in re.split(r"[和与及]", indicator) if x]
        # … or two qualitative ones (节能减排和环境质量改善完成国家下达任务)
        if len(pair) == 2 and all(len(x) >= 4 and (qualitative or x.endswith(HEADS)) for x in pair):
            return pair
        return [indicator]
    if qualitative or all(x.endswith(HEADS) for x in items):
        return items
    return [indicator]


def similarity(a: str, b: str) -> float:
    """Dice coefficient of the keys' character pairs: how near two names are, for the
    confidence of "not reported" (a near name the pairing refused)."""
    ka, kb = key(a), key(b)
    if ka == kb:
        return 1.0
    pa = {ka[i : i + 2] for i in range(len(ka) - 1)}
    pb = {kb[i : i + 2] for i in range(len(kb) - 1)}
    if not pa or not pb:
        return 0.0
    return 2 * len(pa & pb) / (len(pa) + len(pb))
