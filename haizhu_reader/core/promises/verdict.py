"""Did a target come true? A verdict from the target's number, its qualifier and the result.

Verdicts: ``met``, ``missed``, ``unclear`` (the target has no number, the result is in
another unit or states another kind of number, or a range of results straddles the
target) and ``not_reported`` (report N gives nothing for the indicator).

Numbers are compared signed (下降3% is −3) in base units (1.27万亿元 is 12700亿元),
and only a change with a change (增长6%, 下降3%) or a level with a level (占比3%,
失业率3%以内). A target is a floor or a ceiling:

* 以上, 不低于, 余, 超 (strictly): a floor (the result must reach it);
* 以内, 低于 (strictly), and 控制在 before the number: a ceiling (the result must not pass
  it);
* no qualifier, 左右, 约, 近: a floor, except where less is better — prices (居民消费价格),
  unemployment, energy use, emissions, accidents, debt — and for a decline
  (下降3%: at least that much down), where it is a ceiling;
* a decline bounded 以内 (降幅控制在5%以内) bounds how far it may go down: a floor;
* a range (8.0%—8.5%): its lower end as a floor, its upper end as a ceiling;
* 持平 (与上年持平): a change of 0 with the tolerance of 左右; 正增长: a change above 0.

Tolerance: 左右, 约 and 近 allow ``RATE_TOLERANCE`` = ±0.5 percentage points on a rate
(% or 个百分点; 增长6%左右 is met by 5.5%) and ±5% of the target on an amount or a
count (``AMOUNT_TOLERANCE``; 10万人左右 is met by 9.5万人); 持平 allows the rate's
0.5 points. Every other bound is exact.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Literal

from haizhu_reader.core.figures.extract import Figure, base_value

Verdict = Literal["met", "missed", "unclear", "not_reported"]
VERDICTS: tuple[Verdict, ...] = ("met", "missed", "unclear", "not_reported")

RATE_TOLERANCE = 0.5  # percentage points, for 左右 / 约 / 近 and 持平 on a rate
AMOUNT_TOLERANCE = 0.05  # of the target, for 左右 / 约 / 近 on an amount or a count
RATE_UNITS = frozenset(("%", "个百分点", "百分点", "‰"))
_EPSILON = 1e-9

FLOOR_QUALIFIERS = frozenset(("以上", "不低于", "超", "余"))
CEILING_QUALIFIERS = frozenset(("以内", "低于"))
ABOUT_QUALIFIERS = frozenset(("左右", "约", "近"))

# Statistics of which less is better (domain vocabulary).
LESS_IS_BETTER = re.compile(
    r"价格|物价|CPI|失业率|能耗|排放|污染|浓度|PM2\.5|事故|死亡|亡人|发病率|负债率|不良贷款率|"
    r"碳强度|用水量|水耗|赤字"
)
PARITY_WORD = "持平"  # a target of 与上年持平: its qualifier, as the promises name it
PARITY = re.compile(PARITY_WORD)
POSITIVE_GROWTH = re.compile(r"正增长")


class Reason(StrEnum):
    """Why a verdict is what it is (the tab's tooltip, the exports' 说明)."""

    REACHED = "reached"  # met: the result reached the floor
    WITHIN = "within"  # met: the result stayed under the ceiling
    SHORT = "short"  # missed: the result fell short of the floor
    OVER = "over"  # missed: the result went past the ceiling
    QUALITATIVE = "qualitative"  # unclear: the target has no number
    WORDS = "words"  # unclear: the result is said in words only (保持总体稳定)
    UNIT = "unit"  # unclear: another unit, or a level for a change
    STRADDLES = "straddles"  # unclear: a range of results on both sides of the target
    ABSENT = "absent"  # not reported


# What each reason says, in the exports (the window translates its own).
REASON_ZH = {
    Reason.REACHED: "结果达到目标",
    Reason.WITHIN: "结果未超出目标上限",
    Reason.SHORT: "结果低于目标",
    Reason.OVER: "结果超出目标上限",
    Reason.QUALITATIVE: "定性目标，无法用数字判断",
    Reason.WORDS: "今年报告只有文字表述，没有可比的数字",
    Reason.UNIT: "单位或口径不同（如亿元与%，总量与增速），不能直接比较",
    Reason.STRADDLES: "结果是一个范围，跨过了目标",
    Reason.ABSENT: "今年报告未给出该指标的结果",
}
VERDICT_ZH = {"met": "完成", "missed": "未完成", "unclear": "无法判断", "not_reported": "未报告"}


def signed(value: float, figure: Figure) -> float:
    return -value if figure.direction == "down" else value


def is_change(figure: Figure) -> bool:
    return figure.direction is not None


def comparable(target: Figure, result: Figure) -> bool:
    """Whether two numbers can be compared: both numbers, in one base unit, both changes
    or both levels."""
    if target.value is None or result.value is None:
        return False
    if base_value(1.0, target.unit)[1] != base_value(1.0, result.unit)[1]:
        return False
    return is_change(target) == is_change(result)


def qualitative_goal(target: Figure) -> Literal["parity", "positive"] | None:
    """What a target without a number still says in numbers: 持平 (a change of 0,
    within the tolerance) or 正增长 (a change above 0); None for the others."""
    if target.value is not None:
        return None
    if PARITY.search(target.text):
        return "parity"
    if POSITIVE_GROWTH.search(target.text):
        return "positive"
    return None


def is_ceiling(target: Figure, indicator: str, said_capped: bool) -> bool:
    """Whether the target is a ceiling (see the module docstring); ``said_capped``: the
    report wrote 控制在 before it."""
    q = target.qualifier
    down = target.direction == "down"
    if q in FLOOR_QUALIFIERS:
        return down  # 下降3%以上: at least 3 down, a ceiling on the signed change
    if q in CEILING_QUALIFIERS or said_capped:
        return not down  # 降幅控制在5%以内: a floor on the signed change
    return down or bool(LESS_IS_BETTER.search(indicator))


def tolerance(target: Figure, threshold: float) -> float:
    """How far a 左右 / 约 / 近 target may be missed and still be met (base units)."""
    if target.unit in RATE_UNITS:
        return RATE_TOLERANCE
    return abs(threshold) * AMOUNT_TOLERANCE


def judge(target: Figure, result: Figure, ceiling: bool) -> tuple[Verdict, Reason]:
    """The verdict of a result on a target; ``ceiling`` from ``is_ceiling``.

    ``result`` must be ``comparable`` with ``target``, or ``target`` a 持平 / 正增长
    target and ``result`` a change in a rate unit; anything else is unclear.
    """
    goal = qualitative_goal(target)
    if goal is not None:
        if result.value is None or not is_change(result) or result.unit not in RATE_UNITS:
            return "unclear", Reason.UNIT
        threshold, slack = 0.0, (RATE_TOLERANCE if goal == "parity" else 0.0)
        low = high = signed(result.value, result)
        high = signed(result.value_high, result) if result.value_high is not None else low
        low, high = sorted((low, high))
        if ceiling:
            return _against_ceiling(low, high, threshold + slack)
        if goal == "positive":
            return _against_floor(low, high, threshold, strict=True)
        return _against_floor(low, high, threshold - slack)
    if target.value is None:
        return "unclear", Reason.QUALITATIVE
    if not comparable(target, result):
        return "unclear", Reason.UNIT
    assert result.value is not None  # comparable() says so
    t_low = signed(base_value(target.value, target.unit)[0], target)
    t_high = t_low
    if target.value_high is not None:
        t_high = signed(base_value(target.value_high, target.unit)[0], target)
    t_low, t_high = sorted((t_low, t_high))
    r_low = signed(base_value(result.value, result.unit)[0], result)
    r_high = r_low
    if result.value_high is not None:
        r_high = signed(base_value(result.value_high, result.unit)[0], result)
    r_low, r_high = sorted((r_low, r_high))
    about = target.qualifier in ABOUT_QUALIFIERS
    if ceiling:
        threshold = t_high
        if about:
            threshold += tolerance(target, threshold)
        return _against_ceiling(r_low, r_high, threshold, strict=target.qualifier == "低于")
    threshold = t_low
    if about:
        threshold -= tolerance(target, threshold)
    return _against_floor(r_low, r_high, threshold, strict=target.qualifier == "超")


def _against_floor(
    low: float, high: float, floor: float, strict: bool = False
) -> tuple[Verdict, Reason]:
    def reaches(x: float) -> bool:
        return x > floor + _EPSILON if strict else x >= floor - _EPSILON

    if reaches(low):
        return "met", Reason.REACHED
    if not reaches(high):
        return "missed", Reason.SHORT
    return "unclear", Reason.STRADDLES


def _against_ceiling(
    low: float, high: float, ceiling: float, strict: bool = False
) -> tuple[Verdict, Reason]:
    def within(x: float) -> bool:
        return x < ceiling - _EPSILON if strict else x <= ceiling + _EPSILON

    if within(high):
        return "met", Reason.WITHIN
    if not within(low):
        return "missed", Reason.OVER
    return "unclear", Reason.STRADDLES
