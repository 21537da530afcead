"""Key figures (issue 8): extraction, accuracy on the hand labels, CLI, CSV, results vs targets."""

from __future__ import annotations

import csv
import functools
import json
import re
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haizhu_reader.app import main
from haizhu_reader.core.figures import clause as figures_clause
from haizhu_reader.core.figures import extract as figures_module
from haizhu_reader.core.figures import scan as figures_scan
from haizhu_reader.core.figures.extract import (
    COLUMNS,
    Figure,
    base_value,
    extract,
    extract_paragraph,
)
from haizhu_reader.core.figures.plan import blocks
from haizhu_reader.core.figures.table import (
    canonical_indicator,
    csv_rows,
    places,
    results_vs_targets,
    spreadsheet_safe,
    write_csv,
)
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Paragraph, Report, Section
from tests.conftest import DATA, SAMPLES

ROOT = Path(__file__).resolve().parents[2]
LABELS = DATA / "figures_labels.json"
LABELS_13 = DATA / "figures" / "labels.json"
CORPUS = DATA / "figures"  # byte-for-byte copies of development-corpus reports (README.md)


def one(text: str, *, plan: bool = False) -> list[Figure]:
    return extract_paragraph(Paragraph("p", text), "s", plan)


def find(figures: list[Figure], text: str) -> Figure:
    return next(f for f in figures if f.text == text)


# -- accuracy on the labelled sample ---------------------------------------------


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, dict[str, float]]]:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "figures_eval.py"), "--json"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )
    data: dict[str, dict[str, dict[str, float]]] = json.loads(run.stdout)
    return data


@pytest.mark.parametrize(
    ("label_set", "field", "precision", "recall"),
    [
        # Issue 8's sample (measured 1.000/1.000, 0.987/0.987, 1.000/1.000): not lower.
        ("issue 8", "value+unit", 0.98, 0.98),
        ("issue 8", "indicator", 0.95, 0.95),
        ("issue 8", "kind", 0.98, 0.98),
        # Issue 13's four unseen-form reports: kind at least 0.95, plan figures included.
        ("issue 13", "kind", 0.95, 0.95),
        ("issue 13", "kind (targets)", 0.95, 0.95),
        ("issue 13", "value+unit", 0.95, 0.95),
        ("issue 13", "indicator", 0.85, 0.85),
    ],
)
def test_accuracy_targets(
    scores: dict[str, dict[str, dict[str, float]]],
    label_set: str,
    field: str,
    precision: float,
    recall: float,
) -> None:
    got = scores[label_set][field]
    assert got["precision"] >= precision, got
    assert got["recall"] >= recall, got


def test_labels_cover_both_parts_and_a_second_report(report: Report) -> None:
    doc = json.loads(LABELS.read_text(encoding="utf-8"))
    labels = doc["labels"]
    bundled = [x for x in labels if x["report"] == "bundled"]
    assert len(labels) >= 80
    assert {x["kind"] for x in bundled} == {"result", "target"}
    assert any(sum(1 for x in labels if x["report"] == name) >= 25 for name in doc["reports"] if
               name != "bundled")  # fmt: skip
    check_label_offsets(doc, report)


def test_issue_13_labels_span_four_reports_both_kinds_and_the_plan_forms(report: Report) -> None:
    doc = json.loads(LABELS_13.read_text(encoding="utf-8"))
    labels = doc["labels"]
    assert len(labels) >= 150 and len(doc["reports"]) == 4
    for name in doc["reports"]:
        mine = [x for x in labels if x["report"] == name]
        assert len(mine) >= 25 and {x["kind"] for x in mine} == {"result", "target"}, name
    assert any(x["value"] is None for x in labels)  # qualitative targets of a 主要预期目标 list
    check_label_offsets(doc, report)


def check_label_offsets(doc: dict[str, Any], report: Report) -> None:
    for name, spec in doc["reports"].items():
        source = report if spec["file"] is None else load_report(DATA / spec["file"])
        index = source.paragraph_index()
        for x in (x for x in doc["labels"] if x["report"] == name):
            assert x["paragraph"] in spec["paragraphs"]
            assert index[x["paragraph"]][1].text[x["start"] : x["end"]] == x["text"], x


# -- the issue's examples ----------------------------------------------------------


def test_bundled_headline_figures(report: Report) -> None:
    figures = extract(report)
    gdp = find(figures, "2502.52亿元")
    assert (gdp.value, gdp.unit, gdp.indicator, gdp.kind) == (
        2502.52,
        "亿元",
        "地区生产总值",
        "result",
    )
    growth = find(figures, "增长1.4%")
    assert (growth.value, growth.unit, growth.direction) == (1.4, "%", "up")
    assert growth.indicator == "地区生产总值"
    fai = find(figures, "增长14.8%")
    assert (fai.indicator, fai.qualifier, fai.rank) == ("固定资产投资", None, "全市第一")
    assert find(figures, "225个").kind == "target"
    for text, unit in [("72万平方米", "万平方米"), ("20.6公里", "公里"), ("连续3年", "年")]:
        assert find(figures, text).unit == unit
    assert find(figures, "2.21万人").indicator == "新增城镇就业"


def test_two_levels_joined_by_a_pause_mark_are_one_modifier() -> None:
    # Read as 84个重点项目完成投资200.3亿元 is: both figures read the clause whole.
    figures = one("546个省、市重点项目完成投资超1600亿元；广东省、广州市重点项目120个。")
    assert find(figures, "546个").indicator == "省、市重点项目完成投资"  # was 省
    assert find(figures, "超1600亿元").indicator == "省、市重点项目完成投资"  # was 市重点…
    assert find(figures, "120个").indicator == "广州市重点项目"  # two places: a list


def test_plan_target_with_qualifier(report: Report) -> None:
    f = find(extract(report), "增长6%以上")
    assert (f.value, f.unit, f.qualifier, f.direction, f.kind) == (6, "%", "以上", "up", "target")
    assert f.indicator == "社会消费品零售总额"
    assert report.section_path(f.section)[0].title == "2023年工作安排"


@pytest.mark.parametrize("path", [None, *SAMPLES], ids=lambda p: p.name if p else "bundled")
def test_offsets_slice_to_the_printed_text(report: Report, path: Path | None) -> None:
    source = report if path is None else load_report(path)
    index = source.paragraph_index()
    figures = extract(source)
    assert figures
    for f in figures:
        assert index[f.paragraph][1].text[f.start : f.end] == f.text
        assert f.kind in ("result", "target")
        assert f.direction in (None, "up", "down")


@pytest.mark.parametrize(
    "text",
    [
        "2022年是党的二十大召开之年。",
        "在第十七届人民代表大会第三次会议上,第47届世界技能大赛,第41次南极考察。",
        "2023年3月2日召开,11月6日至10日举行。",
        "建设5G基站,瞄准未来网络(6G)产业,推动PM2.5、PM10、NO2全面达标。",
        "推动营商环境5.0改革,加强数字政府2.0建设,白云机场T3航站楼封顶。",
        "建设“1+6+N”现代化产业体系,“10·22”疫情,入选“全国50强”,“6+4”城市性质。",
        "地铁10号线开通,世界500强企业落户,创建国家5A级旅游景区,20万吨级航道工程。",
        "圆满完成十件民生实事,聚焦三大产业方向,从五个方面纠建并举,5大都市工业产业园建成。",
        "重点抓好以下14个方面的工作。",
        "60岁及以上人群接种,优化10亿元以上重大产业项目服务,0—6岁儿童。",
        "编制国土空间规划(2018—2035年),新中国成立75周年,近3年年均增速快于全省。",
        "ESI全球排名前1%学科,12345政府热线。",
    ],
)
def test_not_figures(text: str) -> None:
    assert [f.text for f in one(text)] == []


def test_chinese_numeral_quantities_are_not_counted() -> None:
    assert [f.text for f in one("占全国近五成,连续三年保持两位数增长,超百亿美元。")] == []


@pytest.mark.parametrize(
    ("text", "printed", "value", "unit", "qualifier"),
    [
        ("全区200多万人民群众", "200多万人", 200, "万人", "余"),
        ("共巡河2万余次", "2万余次", 2, "万次", "余"),
        ("累计救助181.75万人次", "181.75万人次", 181.75, "万人次", None),
        ("实际利用外资10.2亿美元", "10.2亿美元", 10.2, "亿美元", None),
        ("个人养老金开户人数突破500万", "突破500万", 500, "万", "超"),
        ("广州选手获金牌数占全国近1/5", "近1/5", 1, "/5", "近"),
        ("孕产妇死亡率控制在7.95/10万", "7.95/10万", 7.95, "/10万", None),
        ("三次产业比重为4.0∶37.7∶58.3", "4.0∶37.7∶58.3", 4.0, "∶37.7∶58.3", None),
        ("城乡居民收入比从2.50:1缩小至2.27:1", "2.50:1", 2.5, "∶1", None),
        ("PM2.5年平均浓度保持在20微克/立方米左右", "20微克/立方米左右", 20, "微克/立方米", "左右"),
        ("年均增长26.4％", "年均增长26.4％", 26.4, "%", None),
        ("不低于4亿元的前期工作经费", "不低于4亿元", 4, "亿元", "不低于"),
        ("城镇登记失业率控制在4%以内", "4%以内", 4, "%", "以内"),
        ("新增普通高中学位20万个以上", "20万个以上", 20, "万个", "以上"),
    ],
)
def test_value_unit_qualifier(
    text: str, printed: str, value: float, unit: str, qualifier: str | None
) -> None:
    f = find(one(text), printed)
    assert (f.value, f.unit, f.qualifier) == (value, unit, qualifier)


def test_range_is_one_figure() -> None:
    (f,) = one("地区生产总值增长4.5%—5%,在实际工作中全力争取更好结果。", plan=True)
    assert (f.text, f.value, f.value_high, f.unit, f.direction) == (
        "增长4.5%—5%",
        4.5,
        5,
        "%",
        "up",
    )


def test_streak_and_rank() -> None:
    figures = one("新增入库率连续3年全市第一。食品安全工作连续5年获评优秀。")
    assert [(f.text, f.value, f.unit, f.qualifier, f.rank) for f in figures] == [
        ("连续3年", 3, "年", None, "全市第一"),
        ("连续5年", 5, "年", None, None),
    ]
    assert [f.indicator for f in figures] == ["新增入库率全市第一", "食品安全工作获评优秀"]
    late = one("13家企业纳入未来独角兽,数量全市前三;9家企业入选百强。")
    assert [f.rank for f in late] == ["全市前三", None]


def test_shared_verbs_and_units() -> None:
    figures = one("城乡居民人均可支配收入分别增长3.6%、6%,下降了10.7%。")
    assert [f.direction for f in figures] == ["up", "up", "down"]
    assert figures[1].indicator == "城乡居民人均可支配收入"
    pair = one("地铁线网单日最高客运量分别达1409万、1305万人次。")
    assert [f.unit for f in pair] == ["万人次", "万人次"]


def test_levels_have_no_direction() -> None:
    figures = one(
        "地区生产总值从11.37万亿元提高到14.58万亿元,提升1.3个百分点,改善提升18.4万人饮水安全。"
    )
    assert [f.direction for f in figures] == [None, None, "up", None]
    assert figures[1].indicator == "地区生产总值"


def test_target_words_outside_the_plan() -> None:
    figures = one("力争全年引入都市工业企业10家,新增优质载体10万平方米以上。人均预期寿命80岁以上。")
    assert [f.kind for f in figures] == ["target", "target", "result"]


# -- plan part, normalisation -----------------------------------------------------


def plan_titles(report: Report) -> list[str]:
    """Titles of the parts whose paragraphs are all the plan."""
    plan = {b.paragraph.id for b in blocks(report) if b.plan}
    return [
        s.title
        for s in report.sections
        if s.paragraphs
        and all(p.id in plan for _, p in Report(title="", sections=[s]).body_paragraphs())
    ]


def test_plan_parts(report: Report) -> None:
    assert plan_titles(report) == ["2023年工作安排"]
    guangdong = load_report(DATA / "01_guangdong_prov_2026.txt")
    assert plan_titles(guangdong) == ["“十五五”时期的主要目标和重点任务", "2026年工作安排"]


@pytest.mark.parametrize(
    ("value", "unit", "base"),
    [
        (2502.52, "亿元", (250252000000.0, "元")),
        (3.1, "万亿元", (3.1e12, "元")),
        (2.21, "万人", (22100.0, "人")),
        (1.4, "%", (1.4, "%")),
        (1, "/5", (0.2, "")),
        (2.5, "∶1", (2.5, "")),
        (9, "成", (90, "%")),
    ],
)
def test_base_value(value: float, unit: str, base: tuple[float, str]) -> None:
    got = base_value(value, unit)
    assert got[1] == base[1] and got[0] == pytest.approx(base[0])


def test_canonical_indicator() -> None:
    assert canonical_indicator("年度投资") == "固定资产投资"
    assert canonical_indicator("规上工业增加值") == "规模以上工业增加值"
    assert canonical_indicator("新增城镇就业") == canonical_indicator("城镇新增就业")


# -- results versus targets, CLI, CSV -----------------------------------------------


def test_results_vs_targets(report: Report) -> None:
    pairs = {c.indicator: c for c in results_vs_targets(extract(report))}
    gdp = pairs["地区生产总值"]
    assert [f.text for f in gdp.results] == ["2502.52亿元", "增长1.4%"]
    assert [f.text for f in gdp.targets] == ["增长7%"]
    fai = pairs["固定资产投资"]
    assert [f.text for f in fai.results] == ["478.02亿元", "增长14.8%"]
    assert [f.text for f in fai.targets] == ["535亿元", "增长12%"]
    assert all(f.kind == "result" for c in pairs.values() for f in c.results)
    assert all(f.kind == "target" for c in pairs.values() for f in c.targets)


def test_shared_target_counts_for_each_indicator() -> None:
    guangzhou = load_report(DATA / "08_guangzhou_city_2025.txt")
    pairs = {c.indicator: c for c in results_vs_targets(extract(guangzhou))}
    for name in ("地区生产总值", "固定资产投资", "社会消费品零售总额"):
        assert "增长5%左右" in [f.text for f in pairs[name].targets]


def test_cli_json(report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--figures", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    figures = data["figures"]
    keys = {"paragraph", "start", "end", "text", "value", "value_high", "unit", "indicator",
            "kind", "qualifier", "direction", "rank", "narrative", "main_target"}  # fmt: skip
    assert all(set(f) == keys for f in figures)
    assert set(COLUMNS) <= keys
    index = report.paragraph_index()
    assert all(index[f["paragraph"]][1].text[f["start"] : f["end"]] == f["text"] for f in figures)
    six = next(f for f in figures if f["text"] == "增长6%以上")
    assert six | {"paragraph": None, "start": 0, "end": 0} == {
        "paragraph": None, "start": 0, "end": 0, "text": "增长6%以上", "value": 6.0,
        "value_high": None, "unit": "%", "indicator": "社会消费品零售总额", "kind": "target",
        "qualifier": "以上", "direction": "up", "rank": None, "narrative": False,
        "main_target": True,
    }  # fmt: skip


def test_cli_file_and_plain(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--figures", "--json", str(DATA / "08_guangzhou_city_2025.txt")]) == 0
    texts = [f["text"] for f in json.loads(capsys.readouterr().out)["figures"]]
    assert "3.1万亿元" in texts and "增长5%左右" in texts
    assert main(["--figures"]) == 0
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert len(first) == 4


def test_csv_has_bom_and_reads_back(report: Report, tmp_path: Path) -> None:
    figures = extract(report)
    path = tmp_path / "figures.csv"
    write_csv(report, figures, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == list(csv_rows(report, figures))
    assert len(rows) == len(figures) + 1
    row = next(r for r in rows if r[4] == "2502.52亿元")
    assert row[0] == "一、（一）"
    assert row[5:10] == ["2502.52", "", "亿元", "地区生产总值", "结果"]
    # A range keeps its upper bound (the table shows 4.5—5).
    other = load_report(DATA / "01_guangdong_prov_2026.txt")
    ranged = [f for f in extract(other) if f.value_high is not None]
    assert ranged
    out = list(csv_rows(other, ranged))
    assert all(r[6] and float(r[6]) > float(r[5]) for r in out[1:])


# -- robustness ------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    [
        *"0123456789.%％万亿元个年第连续增长下降超以上左右近约、，。：:/∶—“”（）的等和",
        *("个百分点", "平方米", "人次", "地区生产总值", "力争", "全市第一", "PM", "5G"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_any_text_gives_valid_spans(text: str) -> None:
    for f in one(text):
        assert text[f.start : f.end] == f.text
        assert f.start < f.end and (f.value is None or f.value >= 0)


# -- scale (issue 12, points 4 and 7) ----------------------------------------------------


class _CountingPattern:
    """A compiled pattern that adds up how many characters its searches cover."""

    def __init__(self, pattern: re.Pattern[str], tally: list[int]) -> None:
        self._pattern = pattern
        self._tally = tally

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        m = self._pattern.search(string, pos, endpos)
        self._tally[0] += (m.end() if m else min(endpos, len(string))) - pos
        return m

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        self._tally[0] += len(string)
        return self._pattern.finditer(string, *args)

    def sub(self, repl: str, string: str, count: int = 0) -> str:
        self._tally[0] += len(string)
        return self._pattern.sub(repl, string, count)

    def __getattr__(self, name: str) -> object:  # match, fullmatch, pattern …: as they are
        return getattr(self._pattern, name)


def single_line(report: Report, size: int) -> str:
    body = "".join(p.text for _, p in report.body_paragraphs())
    return (body * (size // len(body) + 1))[:size]


def test_extraction_searches_each_character_a_bounded_number_of_times(
    report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Searches anchored at a paragraph's start for every number made a 1 MB line take a
    minute: every regex search in the extractor is now bounded around its figure."""
    tally = [0]
    for module in (figures_module, figures_scan, figures_clause):
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, _CountingPattern(value, tally))
    text = single_line(report, 100_000)
    found = one(text)
    assert len(found) > 500
    assert tally[0] < 20 * len(text), tally[0] / len(text)


def test_a_report_near_the_size_limit_finishes(report: Report, tmp_path: Path) -> None:
    """A guard, not a timing: quadratic extraction took over a minute at 1 MB; 4 MB would
    take a quarter of an hour. Linear, it takes a second or two."""
    path = tmp_path / "one-line.txt"
    path.write_text(f"海珠区2023年政府工作报告\n各位代表：\n{single_line(report, 1_400_000)}\n")
    run = subprocess.run(
        [sys.executable, "-m", "haizhu_reader", "--figures", "--json", str(path)],
        capture_output=True,
        timeout=120,
        check=True,
    )
    assert len(json.loads(run.stdout)["figures"]) > 10_000


def test_csv_labels_places_in_one_walk(report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    """One label lookup per figure walked the whole tree each time (quadratic in a report
    with thousands of sections and figures)."""
    figures = extract(report)
    calls = [0]
    section_path = Report.section_path

    def counted(self: Report, section_id: str) -> list[Section]:
        calls[0] += 1
        return section_path(self, section_id)

    monkeypatch.setattr(Report, "section_path", counted)
    rows = list(csv_rows(report, figures))
    assert len(rows) == len(figures) + 1
    assert calls[0] == 0
    assert rows[1][0] == report.place_label(figures[0].section)


# -- CSV formula injection (issue 12, point 6) --------------------------------------------


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("@SUM(1)投资", "'@SUM(1)投资"),
        ("-1+1", "'-1+1"),
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+86电话", "'+86电话"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-1.5", "-1.5"),
        ("-1.5%", "-1.5%"),
        ("+3", "+3"),
        ("地区生产总值", "地区生产总值"),
        ("", ""),
    ],
)
def test_spreadsheet_safe(cell: str, safe: str) -> None:
    assert spreadsheet_safe(cell) == safe


def test_csv_neutralises_report_text_and_keeps_numbers_numeric(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(
        "某区2023年政府工作报告\n各位代表：\n一、2022年工作回顾\n"
        "@SUM(1)投资增长5%。-1+1项目完成投资12亿元。地区生产总值增长-1.5%。\n",
        encoding="utf-8",
    )
    report = load_report(source)
    figures = extract(report)
    path = tmp_path / "figures.csv"
    write_csv(report, figures, path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    indicators = {r[8] for r in rows}
    assert {"'-1+1项目完成投资", "'@SUM（1）投资"} <= indicators  # （1）: printed punctuation
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r[8:9] + r[4:5])
    negative = next(r for r in rows if r[4] == "增长-1.5%")
    assert negative[5] == "-1.5"  # a number, not neutralised


# -- issue 13: reports of other forms ---------------------------------------------------


@functools.cache
def corpus(name: str) -> Report:
    """A development-corpus report copied into tests/data/figures (see its README)."""
    return load_report(CORPUS / name)


@functools.cache
def corpus_figures(name: str) -> tuple[Figure, ...]:
    return tuple(extract(corpus(name)))


def in_paragraph(figures: Iterable[Figure], pid: str) -> list[Figure]:
    return [f for f in figures if f.paragraph == pid]


def two_part_report(title: str, number: str | None) -> Report:
    """A review part, then a part titled ``title`` about the coming year."""
    review = Section("r", 1, "一、" if number else None, "2023年工作回顾")
    review.paragraphs = [Paragraph("p1", "地区生产总值增长5.2%，新建学校12所。")]
    plan = Section("t", 1, number, title)
    plan.paragraphs = [Paragraph("p2", "新建学校3所，城镇新增就业2万人，地区生产总值增长5%左右。")]
    return Report(
        title="某市2024年政府工作报告", sections=[Section("o", 1, None, "开篇"), review, plan]
    )


@pytest.mark.parametrize("number", ["二、", None], ids=["numbered", "unnumbered"])
@pytest.mark.parametrize(
    "title",
    [
        "2024年工作安排",
        "2024年主要工作",
        "2024年重点工作",
        "2024年政府工作任务",
        "2024年经济社会发展总体要求和政策取向",
        "2024年目标任务",
        "今年主要目标和重点工作",
    ],
)
def test_every_figure_of_a_part_about_the_coming_year_is_a_target(
    title: str, number: str | None
) -> None:
    kinds = {(f.paragraph, f.text): f.kind for f in extract(two_part_report(title, number))}
    assert kinds == {
        ("p1", "增长5.2%"): "result",
        ("p1", "12所"): "result",
        ("p2", "3所"): "target",
        ("p2", "2万人"): "target",
        ("p2", "增长5%左右"): "target",
    }


def test_the_plan_is_found_in_corpus_reports_of_other_forms() -> None:
    council = corpus_figures("state_council_2021.md")  # 三、2021年重点工作; a part of both
    plan = next(s for s in corpus("state_council_2021.md").sections if s.title == "2021年重点工作")
    plan_ids = {p.id for _, p in Report(title="", sections=[plan]).body_paragraphs()}
    assert {f.kind for f in council if f.paragraph in plan_ids} == {"target"}
    assert {f.kind for f in in_paragraph(council, "p302df14e56")} == {"result"}  # 十三五 review
    assert {f.kind for f in in_paragraph(council, "p16056a5456")} == {"target"}  # 十四五 plan
    foshan = corpus_figures("foshan_2018.md")  # parts left as the paragraphs 2018年工作安排…
    assert {f.kind for f in in_paragraph(foshan, "pc8f88342b3")} == {"result"}
    for pid in ("p1e278cbcf8", "p8e42df8980", "pb507734fa5"):
        assert {f.kind for f in in_paragraph(foshan, pid)} == {"target"}, pid
    xinjiang = corpus("xinjiang_2024.md")  # 二、2024年主要工作
    main_work = next(s for s in xinjiang.sections if s.title == "2024年主要工作")
    main_ids = {p.id for _, p in Report(title="", sections=[main_work]).body_paragraphs()}
    kinds = {f.kind for f in corpus_figures("xinjiang_2024.md") if f.paragraph in main_ids}
    assert kinds == {"target"}


def test_target_words_in_a_part_titled_a_review_make_no_targets() -> None:
    review = Section("r", 1, "一、", "2023年工作回顾")
    review.paragraphs = [
        Paragraph(
            "p", "地区生产总值增长6.4%，高于预期目标0.4个百分点。确保经济平稳运行，投资增长5%。"
        )
    ]
    report = Report(title="某省2024年政府工作报告", sections=[review])
    assert {f.kind for f in extract(report)} == {"result"}


def test_the_main_targets_list_is_all_targets_across_semicolons_and_commas() -> None:
    foshan = in_paragraph(corpus_figures("foshan_2016.md"), "p672af4f443")
    assert len(foshan) >= 10 and all(f.kind == "target" and f.main_target for f in foshan)
    # The list goes on after its first 。 (…完成省定目标，细颗粒物（PM2.5）浓度下降4%。…)
    baoding = in_paragraph(corpus_figures("baoding_2014.md"), "p00b66c6856")
    assert [f.text for f in baoding][-5:] == ["下降4%", "增长10%", "3.8%左右", "4.5%以内", "7.8％"]
    assert all(f.kind == "target" and f.main_target for f in baoding)
    # Wherever the list stands, its figures are targets.
    review = Section("r", 1, "一、", "过去一年工作回顾")
    review.paragraphs = [
        Paragraph(
            "p", "今年的主要预期目标是：地区生产总值增长5%左右；城镇新增就业2万人，投资增长3%。"
        )
    ]
    listed = extract(Report(title="t", sections=[review]))
    assert [(f.kind, f.main_target) for f in listed] == [("target", True)] * 3


def test_qualitative_targets_of_the_list_are_listed_with_their_wording(report: Report) -> None:
    bundled = in_paragraph(extract(report), "pff4ed9c8d7")
    qualitative = [(f.text, f.indicator) for f in bundled if f.value is None]
    assert qualitative == [
        ("地方一般公共预算收入可比持平", "地方一般公共预算收入"),
        ("城镇居民收入增长与经济增长基本同步", "城镇居民收入"),
    ]
    council = in_paragraph(corpus_figures("state_council_2021.md"), "pab32b28875")
    assert [f.text for f in council if f.value is None] == [
        "进出口量稳质升",
        "国际收支基本平衡",
        "居民收入稳步增长",
        "生态环境质量进一步改善",
        "主要污染物排放量继续下降",
    ]
    assert all(f.kind == "target" and f.main_target for f in council)
    assert all(f.unit == "" and f.indicator for f in council if f.value is None)
    # What the list says of itself is no target.
    guangdong = one("主要预期目标是：地区生产总值增长5%左右，在实际工作中全力争取更好结果。")
    assert [f.text for f in guangdong] == ["增长5%左右"]


def test_the_livelihood_appendix_is_the_plan_and_appendices_are_scanned() -> None:
    report = corpus("guangdong_2020.md")
    figures = corpus_figures("guangdong_2020.md")
    livelihood = next(a for a in report.appendices if "民生实事" in a.title)
    listed = [f for f in figures if f.section == livelihood.id]
    assert len(listed) > 30 and {f.kind for f in listed} == {"target"}
    glossary = next(a for a in report.appendices if a.title == report.glossary_title)
    assert not [f for f in figures if f.section == glossary.id]  # the glossary is not scanned
    assert places(report)[livelihood.id] == "附件1"
    tieling = corpus("tieling_2023.md")
    appendix_ids = {a.id for a in tieling.appendices}
    assert {f.kind for f in corpus_figures("tieling_2023.md") if f.section in appendix_ids} == {
        "target"
    }


def test_results_beside_each_target_and_empty_where_the_report_gives_none() -> None:
    comparisons = results_vs_targets(corpus_figures("guangdong_2020.md"))
    rows = {c.indicator: c for c in comparisons}
    gdp = rows["地区生产总值"]
    assert [f.text for f in gdp.results] == ["10.77万亿元", "增长6.2%"]
    assert [f.text for f in gdp.targets] == ["增长6%左右"]
    income = rows["居民人均可支配收入"]  # 居民收入增长与经济增长基本同步: a qualitative target
    assert [f.text for f in income.targets] == ["居民收入增长与经济增长基本同步"]
    assert [f.text for f in income.results] == ["3.9万元", "增长8.9%"]
    assert rows["主要污染物排放量"].results == ()
    # The 主要预期目标 come first, in their order; every other target follows.
    listed = [c for c in comparisons if any(f.main_target for f in c.targets)]
    assert comparisons[: len(listed)] == listed and listed[0].indicator == "地区生产总值"
    targets = [f for f in corpus_figures("guangdong_2020.md") if f.kind == "target"]
    shown = {id(f) for c in comparisons for f in c.targets}
    assert all(id(f) in shown for f in targets if not f.narrative)


def test_ranges_keep_both_ends(capsys: pytest.CaptureFixture[str]) -> None:
    foshan = {f.text: f for f in corpus_figures("foshan_2016.md")}
    assert (foshan["增长8.0%-8.5%"].value, foshan["增长8.0%-8.5%"].value_high) == (8.0, 8.5)
    seven = foshan["增长7.0-7.5%"]
    assert (seven.value, seven.value_high, seven.unit) == (7.0, 7.5, "%")
    shaoguan = next(f for f in corpus_figures("shaoguan_2023.md") if f.text == "1—2个")
    assert (shaoguan.value, shaoguan.value_high, shaoguan.unit) == (1, 2, "个")
    assert main(["--figures", "--json", str(CORPUS / "foshan_2016.md")]) == 0
    data = json.loads(capsys.readouterr().out)["figures"]
    assert next(f for f in data if f["text"] == "增长8.0%-8.5%")["value_high"] == 8.5


@pytest.mark.parametrize(
    ("name", "printed", "unit"),
    [
        ("state_council_2021.md", "1.3万亿斤以上", "万亿斤"),
        ("shaoguan_2023.md", "13.25万户次", "万户次"),
        ("tieling_2023.md", "近80亿斤", "亿斤"),
        ("tieling_2023.md", "40副", "副"),
    ],
)
def test_units_are_never_cut(name: str, printed: str, unit: str) -> None:
    assert find(list(corpus_figures(name)), printed).unit == unit


def test_a_rank_is_a_rank_not_a_qualifier() -> None:
    for name, printed, rank in [
        ("guangdong_2020.md", "9495公里", "全国第一"),
        ("baoding_2014.md", "增长30.6%", "世界首位"),
        ("shaoguan_2023.md", "5个", "全省第一"),  # 发展基地5个、数量居全省第一
    ]:
        found = list(corpus_figures(name))
        if name == "shaoguan_2023.md":
            found = in_paragraph(found, "pfc253f8ccd")
        f = find(found, printed)
        assert (f.rank, f.qualifier) == (rank, None), name
    (f,) = one("货物贸易总额达41.8万亿元，居世界主要经济体前列。")
    assert (f.rank, f.qualifier) == ("世界主要经济体前列", None)


def test_change_words_give_direction_or_qualifier() -> None:
    cases = [
        ("xiamen_2014.md", "缩短1小时", "down", None),
        ("xinjiang_2024.md", "缩短90%", "down", None),
        ("hubei_2005.md", "涨幅低于4%", "up", "低于"),
        ("tieling_2023.md", "提高6元", "up", None),
        ("state_council_2021.md", "降10%", "down", None),
        ("state_council_2021.md", "不到70万亿元", None, "低于"),
    ]
    for name, printed, direction, qualifier in cases:
        f = find(list(corpus_figures(name)), printed)
        assert (f.direction, f.qualifier) == (direction, qualifier), printed
    (slight,) = one("工业用电量微降0.2%。")
    assert (slight.text, slight.direction) == ("微降0.2%", "down")


def test_digits_inside_names_are_not_figures() -> None:
    tieling = [f.text for f in corpus_figures("tieling_2023.md") if f.paragraph == "p2c5b43afc9"]
    assert not {"60万千瓦", "1万吨", "10万吨", "2万吨"} & set(tieling)
    shaoguan = [f.text for f in corpus_figures("shaoguan_2023.md")]
    assert "1小时" not in shaoguan  # 融入大湾区城市1小时生活圈
    assert [f.text for f in one("建设24小时书店，推进520万方原油商储库建设。")] == []
    assert [f.text for f in one("新增日供水能力2万方，车程缩短1小时。")] == ["2万方", "缩短1小时"]


def test_indicators_name_what_is_measured_never_narrative(report: Report) -> None:
    figures = {f.text: f for f in extract(report) if f.paragraph == "p1335095c1c"}
    scene = figures["49天"]  # 在49天的苦战鏖战中
    assert scene.indicator is None and scene.narrative
    assert figures["近80万人"].indicator == "转运人数"  # 有序疏解、转运近80万人
    assert figures["200多万人"].indicator.startswith("人民群众")  # type: ignore[union-attr]
    streak = next(
        f for f in extract(report) if f.text == "连续3年" and f.paragraph == "pdbc0ed542d"
    )
    assert streak.indicator == "新增入库率全市第一"
    assert scene not in [f for c in results_vs_targets(extract(report)) for f in c.results]


def test_figures_of_one_clause_that_measure_different_things_are_named_apart(
    report: Report,
) -> None:
    guangdong = {f.text: f.indicator for f in corpus_figures("guangdong_2020.md")}
    assert guangdong["增长11.7%"] == "金融机构本外币存款余额"
    assert guangdong["15.7%"] == "金融机构本外币贷款余额"
    allowances = in_paragraph(corpus_figures("guangdong_2020.md"), "p9716ed14fb")
    assert [f.indicator for f in allowances[:4]] == [
        "城镇低保对象最低生活保障人均补差水平",
        "农村低保对象最低生活保障人均补差水平",
    ] * 2
    bundled = [f.indicator for f in extract(report) if f.paragraph == "p4d7a7df5aa"]
    assert {"PM2.5平均浓度", "PM10平均浓度"} <= set(bundled)
    guangzhou = {
        f.text: f.indicator for f in extract(load_report(DATA / "08_guangzhou_city_2025.txt"))
    }
    assert (guangzhou["增长3.6%"], guangzhou["6%"]) == (
        "城镇居民人均可支配收入",
        "农村居民人均可支配收入",
    )


@pytest.mark.parametrize("date", ["2021-02-27", "2020-12-28", None])
def test_a_long_range_year_does_not_turn_this_years_plan_into_a_review(date: str | None) -> None:
    """雅安市2021: 2035年远景目标 in a part title made 2021年重点工作安排 look past. The plan's
    year is the year of delivery (the next, for a report delivered in December), else the
    year after the review's."""
    parts = []
    titles = ["2020年工作回顾", "“十四五”规划和2035年远景目标考虑", "2021年重点工作安排"]
    for i, title in enumerate(titles):
        part = Section(f"s{i}", 1, None, title)
        part.paragraphs = [Paragraph(f"p{i}", f"新建学校{i + 2}所。")]
        parts.append(part)
    report = Report(title="雅安市2021年政府工作报告", date=date, sections=parts)
    assert [f.kind for f in extract(report)] == ["result", "target", "target"]


def test_a_plan_heading_the_structure_put_one_level_too_low_still_starts_the_plan() -> None:
    """四川省2023: 今后五年发展主要目标和重点任务 came out as a lead topic under the review."""
    review = Section("r", 1, None, "过去五年和2022年工作回顾")
    done = Section("t1", 3, None, "民生和社会事业取得长足进步")
    done.paragraphs = [Paragraph("p1", "城镇新增就业累计超过500万人。")]
    coming = Section("t2", 3, None, "今后五年发展主要目标和重点任务")
    coming.paragraphs = [Paragraph("p2", "城镇新增就业450万人以上。")]
    review.children = [done, coming]
    report = Report(title="四川省2023年政府工作报告", sections=[review])
    assert [f.kind for f in extract(report)] == ["result", "target"]
