"""One indicator across a place's years: targets from report Y, results from report Y+1."""

from __future__ import annotations

from functools import cache

from haizhu_reader.core.parse import load_report
from haizhu_reader.core.promises.trend import Year, indicators, read_year, trend
from tests.conftest import DATA

YEARS = range(2021, 2027)


@cache
def foshan() -> list[Year]:
    found = [read_year(load_report(DATA / "corpus" / f"佛山市-{y}.md")) for y in YEARS]
    return [y for y in found if y is not None]


def test_gdp_growth_across_the_years() -> None:
    t = trend(foshan(), "地区生产总值增长")
    assert t.indicator == "地区生产总值"
    assert t.measure is not None and (t.measure.unit, t.measure.change) == ("%", True)
    by_year = {p.year: p for p in t.points}
    assert sorted(by_year) == [2020, *YEARS]
    assert by_year[2022].target is not None and by_year[2022].target.text == "增长6%左右"
    assert by_year[2022].result is not None and by_year[2022].result.text == "增长2.1%"
    assert by_year[2022].verdict == "missed"
    assert by_year[2021].verdict == "met"  # 增长6%以上 -> 增长8%—8.5%
    # 2020: no 主要预期目标 in the 2020 report on the shelf, its result in the 2021 one
    assert by_year[2020].target is None and by_year[2020].result is not None
    # 2026: no 2027 report yet
    assert by_year[2026].target is not None and by_year[2026].verdict is None
    assert t.measure.value(by_year[2022].result) == 2.1


def test_a_level_indicator_keeps_its_unit() -> None:
    t = trend(foshan(), "城镇登记失业率")
    assert t.measure is not None and not t.measure.change
    point = next(p for p in t.points if p.year == 2021)
    assert point.result is not None and point.result.text == "2.4%" and point.verdict == "met"


def test_names_of_one_statistic_share_a_trend() -> None:
    """进出口总额 is asked for; 外贸进出口总值 would be the same statistic."""
    assert trend(foshan(), "进出口总额").points == trend(foshan(), "外贸进出口总值").points


def test_an_unknown_indicator_has_no_points() -> None:
    t = trend(foshan(), "月球车产量")
    assert t.points == () and t.measure is None


def test_the_indicators_to_choose_from() -> None:
    names = [name for name, _ in indicators(foshan())]
    assert names[0] == "地区生产总值"
    assert "社会消费品零售总额" in names
    counts = dict(indicators(foshan()))
    assert counts["地区生产总值"] == len(YEARS)


def test_the_json_shape() -> None:
    data = trend(foshan(), "地区生产总值增长").to_json("佛山市")
    assert set(data) == {"indicator", "place", "unit", "change", "points"}
    point = next(p for p in data["points"] if p["year"] == 2023)
    assert set(point) == {"year", "target", "result", "verdict"}
    assert point["target"]["report"] == load_report(DATA / "corpus" / "佛山市-2023.md").content_hash
    assert point["result"]["report"] == load_report(DATA / "corpus" / "佛山市-2024.md").content_hash
