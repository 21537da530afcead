"""Promises of report N−1 paired with report N's results: which targets, which results."""

from __future__ import annotations

import json
from functools import cache

from haizhu_reader.core.figures.extract import extract
from haizhu_reader.core.parse import load_report, parse_report
from haizhu_reader.core.promises.pairing import (
    UNITS_DIFFER,
    Promise,
    counts,
    plan_year,
    promises,
    results_of,
    targets_of,
)
from haizhu_reader.core.promises.verdict import Reason
from haizhu_reader.core.report import Report
from tests.conftest import DATA


def report(year: int, review: str, plan: str, month: int = 1) -> Report:
    """A small report of 海河市, delivered in ``year`` (and ``month``)."""
    text = f"""政府工作报告

——{year}年{month}月10日在海河市第一届人民代表大会第一次会议上

海河市市长　张三

各位代表：

现在，我代表市人民政府向大会报告工作，请予审议。

一、{year - 1 + (month >= 11)}年工作回顾

{review}

二、{year + (month >= 11)}年工作安排

{plan}
"""
    return parse_report(text.encode())


@cache
def foshan(year: int) -> Report:
    return load_report(DATA / "corpus" / f"佛山市-{year}.md")


def by_name(found: list[Promise]) -> dict[str, Promise]:
    return {p.indicator: p for p in found}


PLAN = "今年经济社会发展主要预期目标是：地区生产总值增长5%左右，社会消费品零售总额增长6%。"


def test_a_result_in_another_unit_is_shown_but_never_judged() -> None:
    previous = report(2023, "全市地区生产总值增长4%。", PLAN)
    current = report(2024, "全市地区生产总值增长4.6%，社会消费品零售总额3000亿元。", PLAN)
    found = by_name(promises(previous, current))
    retail = found["社会消费品零售总额"]
    assert retail.result is not None and retail.result.text == "3000亿元"
    assert (retail.verdict, retail.reason) == ("unclear", Reason.UNIT)
    assert retail.confidence == UNITS_DIFFER  # the same name, halved
    gdp = found["地区生产总值"]
    assert (gdp.result and gdp.result.text, gdp.verdict) == ("增长4.6%", "met")


def test_the_comparable_result_is_preferred_over_the_first() -> None:
    previous = report(2023, "全市地区生产总值增长4%。", PLAN)
    current = report(2024, "全市地区生产总值12698.4亿元、比上年增长2.1%。", PLAN)
    gdp = by_name(promises(previous, current))["地区生产总值"]
    assert gdp.result is not None and gdp.result.text == "增长2.1%"
    assert gdp.verdict == "missed"


def test_a_period_is_not_the_year() -> None:
    """Five-year totals, 年均 and other years' figures are not the result of the year."""
    previous = report(2023, "全市地区生产总值增长4%。", PLAN)
    current = report(
        2024,
        "这五年，地区生产总值增长30%，社会消费品零售总额增长40%。\n\n"
        "过去一年，地区生产总值从2019年的1万亿元提高到1.2万亿元，年均增长6%。",
        PLAN,
    )
    found = by_name(promises(previous, current))
    assert found["地区生产总值"].verdict == "not_reported"
    assert found["社会消费品零售总额"].result is None


def test_a_result_in_words_is_unclear() -> None:
    plan = "今年主要预期目标是：居民消费价格涨幅控制在3%左右。"
    previous = report(2023, "全市地区生产总值增长4%。", plan)
    current = report(2024, "居民消费价格保持总体稳定。", PLAN)
    cpi = promises(previous, current)[0]
    assert cpi.result is not None and cpi.result.text == "居民消费价格保持总体稳定"
    assert cpi.result.value is None
    assert (cpi.verdict, cpi.reason) == ("unclear", Reason.WORDS)
    text = {p.id: p.text for p in current.all_paragraphs()}[cpi.result.paragraph]
    assert text[cpi.result.start : cpi.result.end] == cpi.result.text


def test_words_about_another_statistic_are_not_a_result() -> None:
    previous = report(2023, "全市地区生产总值增长4%。", "今年主要预期目标是：固定资产投资增长5%。")
    current = report(2024, "工业投资占固定资产投资比重明显提高。", PLAN)
    assert promises(previous, current)[0].verdict == "not_reported"


def test_words_said_of_a_list_of_statistics_are_each_ones_result() -> None:
    plan = "今年主要预期目标是：单位地区生产总值能耗、主要污染物排放量下降幅度完成省下达任务。"
    previous = report(2023, "全市地区生产总值增长4%。", plan)
    current = report(2024, "单位地区生产总值能耗、主要污染物排放量完成省下达的目标任务。", PLAN)
    found = {p.indicator: p for p in promises(previous, current)}
    for name in ("单位地区生产总值能耗", "主要污染物排放量下降幅度"):
        said = found[name]
        assert said.result is not None and said.result.value is None, name
        assert (said.verdict, said.reason) == ("unclear", Reason.WORDS), name


def test_a_plans_resolve_and_a_bare_zai_are_not_part_of_the_name() -> None:
    plan = "今年主要预期目标是：进出口总额力争增长1%，城镇登记失业率控制在3.5%以内。"
    previous = report(2023, "全市地区生产总值增长4%。", plan)
    current = report(2024, "进出口总额4357.4亿元，增长6.1%；城镇登记失业率在3%以下。", PLAN)
    found = {p.indicator: p for p in promises(previous, current)}
    assert found["进出口总额"].verdict == "met"
    assert found["城镇登记失业率"].verdict == "met"


def test_a_footnote_mark_inside_the_lists_cue_still_makes_it_the_list() -> None:
    plan = "今年经济社会发展主要预期目 [1] 标是：地区生产总值增长5%左右。"
    previous = report(2023, "全市地区生产总值增长4%。", plan)
    current = report(2024, "全市地区生产总值增长5.2%。", PLAN)
    gdp = by_name(promises(previous, current))["地区生产总值"]
    assert gdp.target.main_target and gdp.verdict == "met"


def test_a_price_index_target_is_a_change_in_percent() -> None:
    plan = "今年主要预期目标是：居民消费价格指数控制在103左右。"
    previous = report(2023, "全市地区生产总值增长4%。", plan)
    current = report(2024, "居民消费价格上涨2%。", PLAN)
    cpi = promises(previous, current)[0]
    assert (cpi.target.value, cpi.target.unit, cpi.target.text) == (3, "%", "103左右")
    assert cpi.verdict == "met"


def test_one_character_items_share_the_last_ones_words() -> None:
    plan = "今年主要预期目标是：一、二、三产增加值分别增长3.5%左右、6%左右、5.5%左右。"
    previous = report(2023, "全市地区生产总值增长4%。", plan)
    current = report(2024, "第一产业增加值增长4%。", PLAN)
    found = by_name(promises(previous, current))
    assert {"一产增加值", "二产增加值", "三产增加值"} <= set(found)
    assert found["一产增加值"].verdict == "met"


def test_a_five_year_parts_totals_are_not_the_years_result() -> None:
    text = """政府工作报告

——2016年1月25日在海河市第一届人民代表大会第一次会议上

各位代表：

一、“十二五”重大成就

——人民生活明显改善。城镇新增就业716万人。

二、2015年工作回顾

全市地区生产总值增长8.3%。

三、2016年重点工作

今年主要预期目标是：地区生产总值增长8%。
"""
    previous = report(
        2015, "全市地区生产总值增长8.9%。", "今年主要预期目标是：城镇新增就业100万人以上。"
    )
    current = parse_report(text.encode())
    jobs = promises(previous, current)[0]
    assert jobs.verdict == "not_reported"


def test_energy_saving_words_are_said_of_energy_use_and_of_emissions() -> None:
    plan = "今年主要预期目标是：单位地区生产总值能耗降低3.8%，主要污染物排放量削减4%。"
    previous = report(2023, "全市地区生产总值增长4%。", plan)
    current = report(2024, "节能减排完成良好。", PLAN)
    found = by_name(promises(previous, current))
    for name in ("单位地区生产总值能耗", "主要污染物排放量"):
        assert found[name].verdict == "unclear", name
        said = found[name].result
        assert said is not None and said.text == "节能减排完成良好"


def test_the_plan_year_of_a_report_delivered_in_december() -> None:
    assert plan_year(report(2022, "", PLAN, month=12)) == 2023
    assert plan_year(report(2023, "", PLAN)) == 2023


def test_main_targets_come_first_then_the_plan_and_no_multi_year_targets() -> None:
    found = targets_of(foshan(2026))
    main = [t for t in found if t.figure.main_target]
    assert found[: len(main)] == main
    assert all("年均" not in t.figure.text for t in found)  # the 十五五 targets
    assert [t.indicator for t in main][:2] == ["地区生产总值", "规模以上工业增加值"]
    assert len(found) > len(main)  # the plan's numeric targets follow


def test_foshan_2023_against_2024() -> None:
    found = promises(foshan(2023), foshan(2024))
    main = by_name([p for p in found if p.target.main_target])
    assert main["地区生产总值"].verdict == "missed"  # 增长6% -> 增长5%
    assert main["规模以上工业增加值"].verdict == "met"  # 增长6.5% -> 增长6.6%
    assert main["居民人均可支配收入"].verdict == "not_reported"  # only 城乡 …分别达
    # a plan target with a result: 新建碧道170公里 -> 新建碧道183公里
    assert any(p.indicator == "新建碧道" and p.verdict == "met" for p in found)
    tally = counts(found)
    assert sum(tally.values()) == len(found) and set(tally) == {
        "met", "missed", "unclear", "not_reported"
    }  # fmt: skip


def test_the_json_shape() -> None:
    found = promises(foshan(2022), foshan(2023))
    item = found[0].to_json()
    assert set(item) == {"indicator", "target", "result", "verdict", "confidence"}
    assert set(item["target"]) == {"text", "value", "value_high", "unit", "qualifier", "paragraph"}
    assert set(item["result"]) == {"text", "value", "unit", "paragraph"}
    assert item["target"]["paragraph"] in {p.id for p in foshan(2022).all_paragraphs()}
    assert item["result"]["paragraph"] in {p.id for p in foshan(2023).all_paragraphs()}
    assert 0 <= item["confidence"] <= 1
    json.dumps(item, ensure_ascii=False)
    parity = next(p for p in promises(foshan(2021), foshan(2022)) if "持平" in p.target.text)
    assert parity.to_json()["target"]["qualifier"] == "持平"


def test_results_are_of_the_review_not_the_plan() -> None:
    current = foshan(2024)
    plan_paragraphs = {t.figure.paragraph for t in targets_of(current)}
    assert all(r.figure.paragraph not in plan_paragraphs for r in results_of(current))


def test_a_five_year_plans_targets_are_not_the_years() -> None:
    """佛山市 2022: 二、今后五年奋斗目标和主要任务 sets 1.5万亿元 for 2026; not a 2022 promise."""
    r = foshan(2022)
    period = next(s for s in r.sections if s.title == "今后五年奋斗目标和主要任务")
    inside = {p.id for s in r.walk() if r.section_path(s.id)[0] is period for p in s.paragraphs}
    assert any(f.paragraph in inside and f.kind == "target" for f in extract(r))
    assert not any(t.figure.paragraph in inside for t in targets_of(r))
