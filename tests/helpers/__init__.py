"""Builders shared by the annotation and export tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from haizhu_reader import resources
from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.store import Annotation, Colour, Kind, new_annotation
from haizhu_reader.core.parse import parse_report
from haizhu_reader.core.punctuation import printed
from haizhu_reader.core.report import Report

# 二、（三）第2段 of the bundled report: the lead topic 以更大力度开展招商引资.
CITED = "以更大力度开展招商引资"
QUOTE = "“一把手”工程"
MARKUP_NOTES = (
    "<img src=x onerror=alert(1)>",
    '<a href="file:///etc/passwd">点我</a>',
    "<script>alert('x')</script>",
    "[链接](javascript:alert(1)) **粗** _斜_ `代码` # 标题\n- 列表\n1. 编号\n> 引用 &amp; &lt;",
)


def bundled_text() -> str:
    return resources.bundled_report_bytes().decode("utf-8")


def edited_report(old: str, new: str) -> Report:
    """The bundled report with one text replacement (which must apply exactly once).

    ``old`` may be the text as the capture has it or as the report shows it (printed
    punctuation, ，for ,): one character for one, so it is replaced at the same place.
    """
    text = bundled_text()
    shown = text if text.count(old) == 1 else printed(text)
    assert shown.count(old) == 1, old
    at = shown.index(old)
    return parse_report((text[:at] + new + text[at + len(old) :]).encode("utf-8"))


def paragraph_with(report: Report, needle: str) -> str:
    (pid,) = [p.id for p in report.all_paragraphs() if needle in p.text]
    return pid


def section_numbered(report: Report, heading_start: str) -> str:
    (sid,) = [s.id for s in report.walk() if s.heading.startswith(heading_start)]
    return sid


def highlight_on(
    report: Report,
    quote: str,
    note: str = "",
    colour: Colour | None = None,
    kind: Kind = Kind.HIGHLIGHT,
) -> Annotation:
    """An annotation on the only occurrence of ``quote`` in the report."""
    pid = paragraph_with(report, quote)
    text = next(p.text for p in report.all_paragraphs() if p.id == pid)
    start = text.index(quote)
    anchor = Placer(report).anchor_range(pid, start, start + len(quote))
    return new_annotation(kind, anchor, colour, note)


def variety(report: Report) -> list[Annotation]:
    """One of every kind, colour and scope, with awkward notes."""
    placer = Placer(report)
    cited = paragraph_with(report, CITED)
    out = [highlight_on(report, QUOTE, note="多行\n笔记\n\n第三行", colour=Colour.PINK)]
    out += [
        highlight_on(report, q, note=n, colour=c)
        for q, n, c in zip(
            ["数字经济蓬勃发展", "都市工业初见成效", "商贸消费提质扩容", "创新动能加速释放"],
            MARKUP_NOTES,
            [Colour.YELLOW, Colour.GREEN, Colour.BLUE, Colour.PURPLE],
            strict=True,
        )
    ]
    out.append(highlight_on(report, "国企改革落地见效", kind=Kind.UNDERLINE))
    out.append(highlight_on(report, "营商环境日臻优化", note="选中文字的笔记", kind=Kind.NOTE))
    out.append(new_annotation(Kind.BOOKMARK, placer.anchor_paragraph(cited)))
    out.append(new_annotation(Kind.NOTE, placer.anchor_paragraph(cited), note="整段笔记 😀"))
    section = section_numbered(report, "（三）强招商")
    out.append(new_annotation(Kind.NOTE, placer.anchor_section(section), note="整节笔记"))
    glossary = report.appendices[0].paragraphs[0].id
    out.append(new_annotation(Kind.BOOKMARK, placer.anchor_paragraph(glossary)))
    return out


def table_dump(db: Path) -> list[tuple[object, ...]]:
    """Every row of every table, to prove that something changed nothing."""
    conn = sqlite3.connect(db)
    try:
        rows: list[tuple[object, ...]] = [(int(conn.execute("PRAGMA user_version").fetchone()[0]),)]
        for table in ("reports", "annotations"):
            rows += conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
        return rows
    finally:
        conn.close()
