"""Key figures (issue 8): extraction, accuracy on the hand labels, CLI, CSV, results vs targets."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haizhu_reader.app import main
from haizhu_reader.core import figures as figures_module
from haizhu_reader.core import figures_clause, figures_scan
from haizhu_reader.core.figures import (
    COLUMNS,
    Figure,
    base_value,
    extract,
    extract_paragraph,
    plan_parts,
)
from haizhu_reader.core.figures_table import (
    canonical_indicator,
    csv_rows,
    results_vs_targets,
    spreadsheet_safe,
    write_csv,
)
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Paragraph, Report, Section
from tests.conftest import DATA, SAMPLES

ROOT = Path(__file__).resolve().parent.parent
LABELS = DATA / "figures_labels.json"


def one(text: str, *, plan: bool = False) -> list[Figure]:
    return extract_paragraph(Paragraph("p", text), "s", plan)


def find(figures: list[Figure], text: str) -> Figure:
    return next(f for f in figures if f.text == text)


# -- accuracy on the labelled sample ---------------------------------------------


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, float]]:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "figures_eval.py"), "--json"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )
    data: dict[str, dict[str, float]] = json.loads(run.stdout)
    return data


@pytest.mark.parametrize(
    ("field", "precision", "recall"),
    [("value+unit", 0.95, 0.9), ("indicator", 0.85, 0.85), ("kind", 0.85, 0.85)],
)
def test_accuracy_targets(
    scores: dict[str, dict[str, float]], field: str, precision: float, recall: float
) -> None:
    assert scores[field]["precision"] >= precision, scores[field]
    assert scores[field]["recall"] >= recall, scores[field]


def test_labels_cover_both_parts_and_a_second_report(report: Report) -> None:
    doc = json.loads(LABELS.read_text(encoding="utf-8"))
    labels = doc["labels"]
    bundled = [x for x in labels if x["report"] == "bundled"]
    assert len(labels) >= 80
    assert {x["kind"] for x in bundled} == {"result", "target"}
    assert any(sum(1 for x in labels if x["report"] == name) >= 25 for name in doc["reports"] if
               name != "bundled")  # fmt: skip
    for name, spec in doc["reports"].items():
        source = report if spec["file"] is None else load_report(DATA / spec["file"])
        index = source.paragraph_index()
        for x in (x for x in labels if x["report"] == name):
            assert x["paragraph"] in spec["paragraphs"]
            assert index[x["paragraph"]][1].text[x["start"] : x["end"]] == x["text"], x


# -- the examples ----------------------------------------------------------


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
    assert (fai.indicator, fai.qualifier, fai.rank) == ("固定资产投资", "全市第一", "全市第一")
    assert find(figures, "225个").kind == "target"
    for text, unit in [("72万平方米", "万平方米"), ("20.6公里", "公里"), ("连续3年", "年")]:
        assert find(figures, text).unit == unit
    assert find(figures, "2.21万人").indicator == "新增城镇就业"


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
    assert (f.text, f.value, f.upper, f.unit, f.direction) == ("增长4.5%—5%", 4.5, 5, "%", "up")


def test_streak_and_rank() -> None:
    figures = one("新增入库率连续3年全市第一。食品安全工作连续5年获评优秀。")
    assert [(f.text, f.value, f.unit, f.qualifier) for f in figures] == [
        ("连续3年", 3, "年", "全市第一"),
        ("连续5年", 5, "年", None),
    ]
    late = one("13家企业纳入未来独角兽,数量全市前三;9家企业入选百强。")
    assert [f.qualifier for f in late] == ["全市前三", None]


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


def test_plan_parts(report: Report) -> None:
    assert [s.title for s in report.sections if s.id in plan_parts(report)] == ["2023年工作安排"]
    guangdong = load_report(DATA / "01_guangdong_prov_2026.txt")
    titles = [s.title for s in guangdong.sections if s.id in plan_parts(guangdong)]
    assert titles == ["“十五五”时期的主要目标和重点任务", "2026年工作安排"]


def test_last_part_is_the_plan_when_no_title_says_so() -> None:
    opening = Section("o", 1, None, "开篇")
    parts = [opening, Section("a", 1, "一、", "过去一年"), Section("b", 1, "二、", "今年")]
    assert plan_parts(Report(title="t", sections=parts)) == {"b"}
    assert plan_parts(Report(title="t", sections=[opening])) == set()


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
    keys = {"paragraph", "start", "end", "text", "value", "unit", "indicator", "kind",
            "qualifier", "direction"}  # fmt: skip
    assert all(set(f) == keys for f in figures)
    assert set(COLUMNS) <= keys
    index = report.paragraph_index()
    assert all(index[f["paragraph"]][1].text[f["start"] : f["end"]] == f["text"] for f in figures)
    six = next(f for f in figures if f["text"] == "增长6%以上")
    assert six | {"paragraph": None, "start": 0, "end": 0} == {
        "paragraph": None, "start": 0, "end": 0, "text": "增长6%以上", "value": 6.0, "unit": "%",
        "indicator": "社会消费品零售总额", "kind": "target", "qualifier": "以上", "direction": "up",
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
    ranged = [f for f in extract(other) if f.upper is not None]
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
        assert f.start < f.end and f.value >= 0


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
    assert "'@SUM(1)投资" in indicators and "'-1+1项目完成投资" in indicators
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r[8:9] + r[4:5])
    negative = next(r for r in rows if r[4] == "增长-1.5%")
    assert negative[5] == "-1.5"  # a number, not neutralised
