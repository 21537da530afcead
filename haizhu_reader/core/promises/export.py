"""Last year's promises out: a CSV table for Excel and WPS, and a Word handout (A4).

Both cite where each figure stands as a deputy cites it, 《佛山市2023年政府工作报告》
二、（一）第3段, and quote the sentence it stands in. The CSV is the figures table's kind
(UTF-8 with a BOM, report text made safe from formula evaluation by the figures'
``spreadsheet_safe``, numbers as numbers); the handout is laid out as the annotations'
one (``official_docx``: GB/T 9704 A4, 仿宋 body, 黑体 headings, page numbers, a line to
sign), one item per promise: the target's sentence, the result's, the verdict and why.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from haizhu_reader.core.figures.extract import Figure
from haizhu_reader.core.figures.scan import Bounds
from haizhu_reader.core.figures.table import places, spreadsheet_safe
from haizhu_reader.core.official_docx import HEADING_FONT, Writer, new_document, shade, to_bytes
from haizhu_reader.core.promises.pairing import Promise, counts
from haizhu_reader.core.promises.verdict import (
    ABOUT_QUALIFIERS,
    AMOUNT_TOLERANCE,
    PARITY_WORD,
    RATE_TOLERANCE,
    RATE_UNITS,
    REASON_ZH,
    VERDICT_ZH,
)
from haizhu_reader.core.report import Report

# Shades of the verdict words in the handout: light enough for black text, and the word
# says it in black and white too.
VERDICT_SHADE = {"met": "#c8e6c9", "missed": "#f8bbd0", "unclear": "#fff59d", "not_reported": ""}


@dataclass(frozen=True)
class Quoted:
    """A figure's sentence and where the figure is in it, and its citation."""

    sentence: str
    start: int
    end: int
    citation: str


class Citations:
    """Where figures of one report stand: 《title》二、（一）第3段, and their sentences."""

    def __init__(self, report: Report) -> None:
        self._report = report
        self._texts: dict[str, tuple[str, int]] = {}
        labels = places(report)
        self._places: dict[str, str] = {}
        counted: dict[str, int] = {}
        for section, p in report.body_paragraphs():
            self._number(p.id, p.text, p.lead, labels.get(section.id, ""), counted)
        for a in report.appendices:
            for p in a.paragraphs:
                self._number(p.id, p.text, p.lead, labels.get(a.id, a.title), counted)

    def _number(self, pid: str, text: str, lead: int, label: str, counted: dict[str, int]) -> None:
        counted[label] = counted.get(label, 0) + 1
        self._places[pid] = f"{label}第{counted[label]}段"
        self._texts[pid] = (text, lead)

    def place(self, figure: Figure) -> str:
        """二、（一）第3段"""
        return self._places.get(figure.paragraph, "")

    def cite(self, figure: Figure) -> str:
        """《佛山市2023年政府工作报告》二、（一）第3段"""
        return f"《{self._report.title}》{self.place(figure)}"

    def quote(self, figure: Figure) -> Quoted:
        """The sentence the figure stands in (a qualitative one: its clause's sentence)."""
        text, lead = self._texts.get(figure.paragraph, ("", 0))
        if not text:
            return Quoted(figure.text, 0, len(figure.text), self.cite(figure))
        start, end = Bounds(text, lead).sentence(figure.start)
        sentence = text[start:end]
        trimmed = sentence.lstrip()
        start += len(sentence) - len(trimmed)
        return Quoted(trimmed.rstrip(), figure.start - start, figure.end - start, self.cite(figure))


def tolerance_note(promise: Promise) -> str:
    """The tolerance used, said where it applies (左右按±0.5个百分点计)."""
    t = promise.target
    if promise.qualifier == PARITY_WORD:
        return f"持平按±{RATE_TOLERANCE:g}个百分点计"
    if t.qualifier not in ABOUT_QUALIFIERS or t.value is None:
        return ""
    if t.unit in RATE_UNITS:
        return f"{t.qualifier}按±{RATE_TOLERANCE:g}个百分点计"
    return f"{t.qualifier}按目标的±{AMOUNT_TOLERANCE * 100:g}%计"


def explanation(promise: Promise) -> str:
    """Why the verdict: 结果低于目标（左右按±0.5个百分点计）."""
    note = tolerance_note(promise) if promise.verdict in ("met", "missed") else ""
    reason = REASON_ZH[promise.reason]
    return f"{reason}（{note}）" if note else reason


# -- CSV --------------------------------------------------------------------------------------

CSV_HEADER = (
    "指标", "主要预期目标", "去年目标", "目标数值", "目标上限", "目标单位", "限定", "目标出处",
    "今年结果", "结果数值", "结果单位", "结果出处", "判断", "把握", "说明",
)  # fmt: skip


def csv_rows(previous: Report, current: Report, found: Sequence[Promise]) -> list[list[str]]:
    """The header and a row per promise; report text made safe for spreadsheets."""
    before, now = Citations(previous), Citations(current)
    rows = [list(CSV_HEADER)]
    for p in found:
        t, r = p.target, p.result
        text = (
            p.indicator,
            t.text,
            t.unit,
            p.qualifier or "",
            before.cite(t),
            r.text if r else "",
            r.unit if r else "",
            now.cite(r) if r else "",
            explanation(p),
        )
        indicator, target, t_unit, qualifier, t_cite, result, r_unit, r_cite, why = map(
            spreadsheet_safe, text
        )
        rows.append(
            [
                indicator,
                "是" if t.main_target else "",
                target,
                _number(t.value),
                _number(t.value_high),
                t_unit,
                qualifier,
                t_cite,
                result,
                _number(r.value) if r else "",
                r_unit,
                r_cite,
                VERDICT_ZH[p.verdict],
                f"{p.confidence:.2f}",
                why,
            ]
        )
    return rows


def _number(value: float | None) -> str:
    return "" if value is None else repr(value).removesuffix(".0")


def csv_bytes(previous: Report, current: Report, found: Sequence[Promise]) -> bytes:
    """UTF-8 with a BOM and CRLF rows, so Excel and WPS read the Chinese text."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(csv_rows(previous, current, found))
    return buffer.getvalue().encode("utf-8-sig")


# -- the Word handout -------------------------------------------------------------------------


def handout_title(current: Report) -> str:
    return f"《{current.title}》去年承诺对照"


def summary(found: Sequence[Promise]) -> str:
    """共 12 项：完成 5 项，未完成 3 项，无法判断 2 项，未报告 2 项"""
    tally = counts(found)
    parts = "，".join(f"{VERDICT_ZH[v]} {n} 项" for v, n in tally.items())
    return f"共 {len(found)} 项：{parts}"


def to_docx(previous: Report, current: Report, found: Sequence[Promise], when: datetime) -> bytes:
    """The handout: a title, what is compared with what, then each promise (the
    主要预期目标 first, under headings), and a line to sign."""
    document = new_document(handout_title(current))
    writer = Writer(document)
    writer.para(handout_title(current), "Title")
    writer.para(f"去年目标：《{previous.title}》", "Subtitle")
    writer.para(f"今年结果：《{current.title}》对上一年的回顾", "Subtitle")
    writer.para(f"导出时间：{when.astimezone():%Y-%m-%d %H:%M}", "Subtitle")
    writer.para(summary(found), "Subtitle")
    before, now = Citations(previous), Citations(current)
    groups = (
        ("主要预期目标", [p for p in found if p.target.main_target]),
        ("其他目标", [p for p in found if not p.target.main_target]),
    )
    for title, members in groups:
        if not members:
            continue
        writer.para(title, "Heading 1")
        for p in members:
            _promise(writer, p, before, now)
    writer.signature()
    writer.finish()
    return to_bytes(document)


def _promise(writer: Writer, p: Promise, before: Citations, now: Citations) -> None:
    heading = writer.paragraph("Heading 2")
    writer.run(heading, f"{p.indicator}　", HEADING_FONT)
    verdict = writer.run(heading, VERDICT_ZH[p.verdict], HEADING_FONT)
    if VERDICT_SHADE[p.verdict]:
        for r in verdict:
            shade(r, VERDICT_SHADE[p.verdict])
    _quoted(writer, "去年目标：", before.quote(p.target))
    if p.result is not None:
        _quoted(writer, "今年结果：", now.quote(p.result))
    else:
        quote = writer.paragraph("Quote")
        writer.run(quote, "今年结果：", HEADING_FONT)
        writer.run(quote, "今年报告的回顾中没有这一指标的结果。")
    judged = f"{VERDICT_ZH[p.verdict]}。{explanation(p)}；把握 {p.confidence:.0%}。"
    writer.para(judged, lead="判断：")
    cited = before.cite(p.target) + (f"；{now.cite(p.result)}" if p.result else "")
    writer.small(writer.para(cited, lead="出处："))


def _quoted(writer: Writer, lead: str, q: Quoted) -> None:
    from docx.enum.text import WD_UNDERLINE  # python-docx: when asked

    p = writer.paragraph("Quote")
    writer.run(p, lead, HEADING_FONT)
    writer.run(p, q.sentence[: q.start])
    for r in writer.run(p, q.sentence[q.start : q.end]):
        r.font.underline = WD_UNDERLINE.SINGLE
        r.font.bold = True
    writer.run(p, q.sentence[q.end :])
