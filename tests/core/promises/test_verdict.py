"""Verdicts: floors and ceilings, qualifiers, tolerance, units, signs."""

from __future__ import annotations

import pytest

from haizhu_reader.core.figures.extract import Figure
from haizhu_reader.core.promises.verdict import (
    AMOUNT_TOLERANCE,
    RATE_TOLERANCE,
    Reason,
    Verdict,
    comparable,
    is_ceiling,
    judge,
)


def fig(
    value: float | None,
    unit: str = "%",
    direction: str | None = "up",
    qualifier: str | None = None,
    high: float | None = None,
    text: str = "",
) -> Figure:
    return Figure(
        paragraph="p",
        section="s",
        start=0,
        end=1,
        text=text or f"{value}{unit}",
        value=value,
        unit=unit,
        indicator="x",
        kind="target",
        qualifier=qualifier,
        direction=direction,  # type: ignore[arg-type]
        value_high=high,
    )


def verdict(
    target: Figure, result: Figure, indicator: str = "地区生产总值", capped: bool = False
) -> tuple[Verdict, Reason]:
    return judge(target, result, is_ceiling(target, indicator, capped))


def test_the_tolerance_of_about_is_half_a_percentage_point_on_rates() -> None:
    assert RATE_TOLERANCE == 0.5
    target = fig(6, qualifier="左右")  # 增长6%左右
    assert verdict(target, fig(5.5)) == ("met", Reason.REACHED)
    assert verdict(target, fig(5.49)) == ("missed", Reason.SHORT)
    assert verdict(target, fig(9)) == ("met", Reason.REACHED)  # more growth is better


def test_about_on_an_amount_allows_five_percent() -> None:
    assert AMOUNT_TOLERANCE == 0.05
    target = fig(10, "万人", None, "左右")
    assert verdict(target, fig(9.5, "万人", None))[0] == "met"
    assert verdict(target, fig(9.4, "万人", None))[0] == "missed"


def test_a_plain_target_is_a_floor_without_tolerance() -> None:
    target = fig(6)  # 增长6%
    assert verdict(target, fig(6))[0] == "met"
    assert verdict(target, fig(5.9))[0] == "missed"
    assert verdict(target, fig(2.1, direction="down"))[0] == "missed"  # 下降2.1%


@pytest.mark.parametrize("qualifier", ["以上", "不低于"])
def test_at_least(qualifier: str) -> None:
    target = fig(10, "万人", None, qualifier)
    assert verdict(target, fig(10, "万人", None))[0] == "met"
    assert verdict(target, fig(9.9, "万人", None))[0] == "missed"


def test_more_than_is_strict() -> None:
    target = fig(1000, "亿元", None, "超")  # 超1000亿元
    assert verdict(target, fig(1000, "亿元", None))[0] == "missed"
    assert verdict(target, fig(1001, "亿元", None))[0] == "met"


@pytest.mark.parametrize("qualifier", ["以内", "低于"])
def test_within_is_a_ceiling(qualifier: str) -> None:
    target = fig(3, direction=None, qualifier=qualifier)  # 城镇登记失业率3%以内
    assert verdict(target, fig(2.4, direction=None), "城镇登记失业率") == ("met", Reason.WITHIN)
    assert verdict(target, fig(3.2, direction=None), "城镇登记失业率") == ("missed", Reason.OVER)
    exact = ("met", Reason.WITHIN) if qualifier == "以内" else ("missed", Reason.OVER)
    assert verdict(target, fig(3, direction=None), "城镇登记失业率") == exact


def test_capped_about_is_a_ceiling_with_tolerance() -> None:
    """居民消费价格涨幅控制在3%左右: a price rise of 3.4% is within, 3.6% is over."""
    target = fig(3, qualifier="左右")
    assert verdict(target, fig(3.4), "居民消费价格", capped=True)[0] == "met"
    assert verdict(target, fig(3.6), "居民消费价格", capped=True)[0] == "missed"
    assert verdict(target, fig(0.1), "居民消费价格", capped=True)[0] == "met"


def test_less_is_better_makes_a_plain_target_a_ceiling() -> None:
    assert verdict(fig(5.5, direction=None), fig(5.3, direction=None), "城镇调查失业率")[0] == "met"
    assert verdict(fig(5.5, direction=None), fig(5.3, direction=None), "城镇化率")[0] == "missed"


def test_a_decline_target_needs_at_least_that_decline() -> None:
    target = fig(3, direction="down")  # 单位地区生产总值能耗下降3%
    assert verdict(target, fig(3.5, direction="down"), "单位地区生产总值能耗")[0] == "met"
    assert verdict(target, fig(2, direction="down"), "单位地区生产总值能耗")[0] == "missed"
    assert verdict(target, fig(1, direction="up"), "单位地区生产总值能耗")[0] == "missed"


def test_a_bounded_decline_is_a_floor() -> None:
    target = fig(5, direction="down", qualifier="以内")  # 降幅控制在5%以内
    assert verdict(target, fig(4, direction="down"), "进出口总额")[0] == "met"
    assert verdict(target, fig(6, direction="down"), "进出口总额")[0] == "missed"


def test_parity_is_met_by_growth_and_by_a_small_fall() -> None:
    target = fig(None, "", None, text="进出口总额与上年持平")
    assert verdict(target, fig(21), "进出口总额")[0] == "met"
    assert verdict(target, fig(0.3, direction="down"), "进出口总额")[0] == "met"
    assert verdict(target, fig(0.6, direction="down"), "进出口总额")[0] == "missed"
    assert verdict(target, fig(3000, "亿元", None), "进出口总额") == ("unclear", Reason.UNIT)


def test_positive_growth_needs_growth() -> None:
    target = fig(None, "", None, text="固定资产投资实现正增长")
    assert verdict(target, fig(0.1), "固定资产投资")[0] == "met"
    assert verdict(target, fig(0, direction="up"), "固定资产投资")[0] == "missed"


def test_ranges() -> None:
    assert verdict(fig(8, high=8.5), fig(8.2))[0] == "met"  # 8%—8.5%: from 8
    assert verdict(fig(6, qualifier="以上"), fig(8, high=8.5))[0] == "met"
    assert verdict(fig(8.3), fig(8, high=8.5)) == ("unclear", Reason.STRADDLES)
    assert verdict(fig(9), fig(8, high=8.5))[0] == "missed"


def test_other_units_and_kinds_are_never_judged() -> None:
    growth = fig(6)
    assert not comparable(growth, fig(12698.4, "亿元", None))  # a level for a change
    assert not comparable(growth, fig(3, direction=None))  # a share in % for a growth
    assert not comparable(fig(3, direction=None), fig(0.2, "个百分点", "up"))
    assert verdict(growth, fig(12698.4, "亿元", None)) == ("unclear", Reason.UNIT)


def test_multipliers_are_compared_in_base_units() -> None:
    target = fig(1.2, "万亿元", None, "以上")
    assert comparable(target, fig(12698.4, "亿元", None))
    assert verdict(target, fig(12698.4, "亿元", None))[0] == "met"
    assert verdict(target, fig(11000, "亿元", None))[0] == "missed"


def test_a_qualitative_target_is_unclear() -> None:
    target = fig(None, "", None, text="居民人均可支配收入增长与经济增长基本同步")
    assert verdict(target, fig(4), "居民人均可支配收入") == ("unclear", Reason.QUALITATIVE)
