"""The promises exported: CSV for Excel and WPS (formula-safe), and the Word handout."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache

import docx

from haizhu_reader.core.official_docx import BODY_FONT, MARGINS_MM, PAGE_MM
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.promises.export import (
    CSV_HEADER,
    Citations,
    csv_bytes,
    explanation,
    summary,
    to_docx,
)
from haizhu_reader.core.promises.pairing import Promise, promises
from haizhu_reader.core.report import Report
from tests.conftest import DATA

WHEN = datetime(2024, 3, 1, 9, 30, tzinfo=UTC)


@cache
def pair() -> tuple[Report, Report, list[Promise]]:
    previous = load_report(DATA / "corpus" / "佛山市-2022.md")
    current = load_report(DATA / "corpus" / "佛山市-2023.md")
    return previous, current, promises(previous, current)


def rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM: Excel reads UTF-8
    assert b"\r\n" in data
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_csv_has_a_row_per_promise_with_citations() -> None:
    previous, current, found = pair()
    table = rows(csv_bytes(previous, current, found))
    assert table[0] == list(CSV_HEADER)
    assert len(table) == len(found) + 1
    gdp = table[1]
    assert gdp[0] == "地区生产总值" and gdp[1] == "是" and gdp[2] == "增长6%左右"
    assert gdp[3] == "6" and gdp[6] == "左右"
    assert gdp[7].startswith(f"《{previous.title}》") and gdp[7].endswith("段")
    assert gdp[8] == "增长2.1%" and gdp[9] == "2.1" and gdp[12] == "未完成"
    assert "±0.5个百分点" in gdp[14]


def test_csv_neutralises_formulas_in_report_text() -> None:
    previous, current, found = pair()
    hostile = replace(
        found[0], indicator="=HYPERLINK(1)", target=replace(found[0].target, text="@SUM(1)")
    )
    table = rows(csv_bytes(previous, current, [hostile]))
    assert table[1][0] == "'=HYPERLINK(1)" and table[1][2] == "'@SUM(1)"


def test_the_sentence_and_place_of_a_figure() -> None:
    _, current, found = pair()
    result = found[0].result
    assert result is not None
    q = Citations(current).quote(result)
    assert q.sentence[q.start : q.end] == result.text
    assert q.sentence[-1] in "。；" and q.sentence.startswith("全市地区生产总值达12698.4亿元")
    assert q.citation == f"《{current.title}》一、第1段"


def test_the_handout_is_a4_in_the_official_layout_with_every_promise() -> None:
    previous, current, found = pair()
    document = docx.Document(io.BytesIO(to_docx(previous, current, found, WHEN)))
    section = document.sections[0]
    width, height, top = section.page_width, section.page_height, section.top_margin
    assert width is not None and height is not None and top is not None
    assert (round(width.mm), round(height.mm)) == PAGE_MM
    assert round(top.mm) == MARGINS_MM["top"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert f"《{current.title}》去年承诺对照" in text
    assert summary(found) in text
    assert text.count("去年目标：") == len(found) + 1  # every promise, and the subtitle
    assert "全市地区生产总值达12698.4亿元、比上年增长2.1%" in text
    assert explanation(found[0]) in text
    assert "签名：" in text
    assert document.styles["Normal"].font.name == BODY_FONT


def test_the_explanation_names_the_tolerance() -> None:
    _, _, found = pair()
    assert explanation(found[0]) == "结果低于目标（左右按±0.5个百分点计）"
    not_reported = next(p for p in found if p.verdict == "not_reported")
    assert explanation(not_reported) == "今年报告未给出该指标的结果"
