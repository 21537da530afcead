"""Pairing names: one statistic under its many names, and never a part for the whole."""

from __future__ import annotations

import pytest

from haizhu_reader.core.promises.names import (
    FOLDED_NAME,
    SAME_NAME,
    display,
    key,
    name_score,
    split_names,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("地区生产总值", "GDP"),
        ("地区生产总值", "全市生产总值"),
        ("地区生产总值", "经济总量"),
        ("地区生产总值", "地区生产总值增速"),
        ("社会消费品零售总额", "社零"),
        ("社会消费品零售总额", "社会消费品零售额"),
        ("规模以上工业增加值", "规上工业增加值"),
        ("地方一般公共预算收入", "一般公共预算收入"),
        ("地方一般公共预算收入", "地方一般公共预算收入剔除留抵退税因素后"),
        ("进出口总额", "外贸进出口总值"),
        ("城镇新增就业", "城镇新增就业人数"),
        ("居民消费价格", "居民消费价格涨幅"),
        ("居民消费价格", "CPI"),
        ("研发经费支出占地区生产总值比重", "全社会研发经费投入占地区生产总值比重"),
        ("研发经费支出占地区生产总值比重", "全社会研发投入强度"),
        ("林分优化", "开展林分优化"),
        ("每千人口拥有3岁以下婴幼儿托位数", "每千人口拥有3岁以下婴幼儿托位"),
        # older names and wordings met on other places' reports
        ("地方一般公共预算收入", "地方财政一般预算收入"),
        ("地方一般公共预算收入", "其中一般预算收入"),
        ("城镇居民人均可支配收入", "城镇常住居民人均可支配收入"),
        ("居民人均可支配收入", "居民人均可支配收入扣除价格因素实际"),
        ("第一产业增加值", "一产增加值"),
        ("主要污染物排放量", "污染物排放量"),
        ("农村居民人均纯收入", "农民人均纯收入"),
        ("环境保护", "环境保护指标"),
    ],
)
def test_one_statistic(a: str, b: str) -> None:
    assert key(a) == key(b)
    assert name_score(a, b) == FOLDED_NAME


@pytest.mark.parametrize(
    ("whole", "part"),
    [
        ("居民人均可支配收入", "城镇居民人均可支配收入"),
        ("居民人均可支配收入", "城乡居民人均可支配收入"),
        ("固定资产投资", "工业投资"),
        ("固定资产投资", "工业投资占固定资产投资比重"),
        ("进出口总额", "出口总额"),
        ("地区生产总值", "单位地区生产总值能耗"),
        ("城镇登记失业率", "城镇调查失业率"),
        ("城镇新增就业", "失业人员再就业"),
    ],
)
def test_a_part_is_not_the_whole(whole: str, part: str) -> None:
    assert key(whole) != key(part)
    assert name_score(whole, part) == 0


def test_the_same_name_scores_highest() -> None:
    assert name_score("地区生产总值", "“地区生产总值”") == SAME_NAME


def test_display_keeps_the_reports_words() -> None:
    assert display("进出口总额") == "进出口总额"  # not the figures' canonical 商品进出口总值
    assert display("地方一般公共预算收入剔除留抵退税因素后同口径") == "地方一般公共预算收入"


def test_lists_split_into_their_statistics() -> None:
    assert split_names("城镇新增就业人数、单位地区生产总值能耗下降幅度", True) == [
        "城镇新增就业人数",
        "单位地区生产总值能耗下降幅度",
    ]
    assert split_names("地区生产总值、固定资产投资", False) == ["地区生产总值", "固定资产投资"]
    assert split_names("学校、幼儿园建设", False) == ["学校、幼儿园建设"]


def test_two_statistics_joined_by_he_are_two() -> None:
    assert split_names("城镇居民人均可支配收入和农民人均纯收入", False) == [
        "城镇居民人均可支配收入",
        "农民人均纯收入",
    ]
    assert split_names("节能减排和环境质量改善", True) == ["节能减排", "环境质量改善"]
    assert split_names("改革和发展", True) == ["改革和发展"]  # words too short to be two
