"""Exports: every format cites, quotes and notes each item, and shows user markup literally."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.export import FORMATS, format_for, md_escape, render, visible
from haizhu_reader.core.annotations.handout import UNPLACED_GROUP, items
from haizhu_reader.core.annotations.store import Annotation, AnnotationStore, Kind, Placed
from haizhu_reader.core.report import Report
from haizhu_reader.paths import AppPaths
from tests.helpers import CITED, MARKUP_NOTES, QUOTE, edited_report, highlight_on, variety

WHEN = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
CITATION = "《海珠区2023年政府工作报告》二、（三）第2段"


@pytest.fixture
def loaded(report: Report, app_paths: AppPaths) -> tuple[list[Placed], list[Annotation]]:
    with AnnotationStore.open(app_paths.annotations_db) as store:
        for a in variety(report):
            store.add(report, a)
        return store.load(report)


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    return "\n".join(p.text for p in document.paragraphs)


def test_items_carry_citation_quote_and_note(
    report: Report, loaded: tuple[list[Placed], list[Annotation]]
) -> None:
    all_items = items(report, *loaded)
    first = next(it for it in all_items if it.quote == QUOTE)
    assert first.citation == CITATION
    assert first.label == "高亮（粉色） · 二、（三）第2段"
    assert first.group.startswith("二、（三）强招商")
    section_note = next(it for it in all_items if it.annotation.anchor.scope == "section")
    assert section_note.citation == "《海珠区2023年政府工作报告》二、（三）"  # just the place
    assert section_note.quote == "" and "（整节）" in section_note.label
    bookmark = next(it for it in all_items if it.annotation.kind is Kind.BOOKMARK)
    assert CITED in bookmark.quote and not bookmark.quote.endswith("……")  # the paragraph


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_has_title_citations_quotes_and_notes(
    report: Report, loaded: tuple[list[Placed], list[Annotation]], fmt: str
) -> None:
    data = render(report, *loaded, fmt, WHEN)
    if fmt == "docx":
        text = _docx_text(data)
    else:
        text = data.decode("utf-8")
        if fmt == "md":
            text = text.replace("\\", "")  # what a Markdown viewer shows
        if fmt == "html":
            text = _html_text(text)
    assert report.title in text
    assert CITATION in text
    assert QUOTE in text
    assert "整节笔记" in text and "整段笔记 😀" in text
    if fmt != "json":
        assert text.index("一、（三）") < text.index("二、（三）") < text.index("名词解释")


def test_unplaced_annotations_are_exported_last(report: Report, app_paths: AppPaths) -> None:
    edited = edited_report("营商环境日臻优化。", "")
    with AnnotationStore.open(app_paths.annotations_db) as store:
        for a in variety(report):
            store.add(report, a)
        store.carry_over(edited, report.content_hash)
        placed, unplaced = store.load(edited)
    assert [a.note for a in unplaced] == ["选中文字的笔记"]
    md = render(edited, placed, unplaced, "md", WHEN).decode()
    tail = md[md.index(UNPLACED_GROUP) :]
    assert "营商环境日臻优化" in tail and "选中文字的笔记" in tail and "未能定位" in tail
    assert "其中 1 条未能定位" in md


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _html_text(page: str) -> str:
    parser = _Tags()
    parser.feed(page)
    return "".join(parser.text)


def test_html_is_a_printable_handout_with_nothing_active(
    report: Report, loaded: tuple[list[Placed], list[Annotation]]
) -> None:
    page = render(report, *loaded, "html", WHEN).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page and "@page" in page and "@media print" in page
    parser = _Tags()
    parser.feed(page)
    assert parser.tags <= {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "p",
        "section", "h2", "article", "h3", "blockquote", "mark",
    }  # fmt: skip
    assert {name for name, _ in parser.attrs} <= {
        "lang",
        "charset",
        "http-equiv",
        "content",
        "class",
    }
    shown = "".join(parser.text)
    for note in MARKUP_NOTES:
        assert note in shown  # the browser shows the note's text, literally
    assert "2023-03-02" in shown and "2026-11-28" in shown


def test_markdown_escapes_everything_a_viewer_would_interpret(
    report: Report, loaded: tuple[list[Placed], list[Annotation]]
) -> None:
    md = render(report, *loaded, "md", WHEN).decode("utf-8")
    body = re.sub(r"(?m)^(> |#+ |- )", "", md)  # the export's own Markdown
    for special in "<>[]`*_&#":
        assert re.search(rf"(?<!\\){re.escape(special)}", body) is None, special
    assert r"\<img src=x onerror=alert(1)\>" in md
    assert r"\[链接\](javascript:alert(1))" in md
    assert "\n- 列表" not in md and "\n1. 编号" not in md and "\n> 引用" not in md


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("**粗**", r"\*\*粗\*\*"),
        ("- 项", r"\- 项"),
        ("12. 项", r"12\. 项"),
        ("    缩进", "\u00a0\u00a0\u00a0\u00a0缩进"),
        ("# 标题", r"\# 标题"),
        ("第一行\n第二行", "第一行\\\n第二行"),
        ("普通文字，2023年增长7%。", "普通文字，2023年增长7%。"),
    ],
)
def test_md_escape(text: str, escaped: str) -> None:
    assert md_escape(text) == escaped


def test_docx_opens_with_headings_quote_note_citation_and_chinese_fonts(
    report: Report, loaded: tuple[list[Placed], list[Annotation]]
) -> None:
    data = render(report, *loaded, "docx", WHEN)
    document = docx.Document(io.BytesIO(data))
    styles = [p.style.name if p.style else "" for p in document.paragraphs]
    assert styles[0] == "Title" and "Heading 1" in styles and "Heading 2" in styles
    assert "Quote" in styles
    texts = [p.text for p in document.paragraphs]
    assert f"出处：{CITATION}" in texts
    assert QUOTE in texts
    for note in MARKUP_NOTES:
        assert f"笔记：{note}" in texts  # Word shows it as text
    runs = [r for p in document.paragraphs for r in p.runs]
    fonts = [r._r.rPr.rFonts if r._r.rPr is not None else None for r in runs]
    assert runs and all(f is not None and f.get(qn("w:eastAsia")) for f in fonts)
    assert {f.get(qn("w:eastAsia")) for f in fonts if f is not None} == {"仿宋", "黑体"}
    multi = next(p for p in document.paragraphs if p.text.startswith("笔记：多行"))
    assert multi.text == "笔记：多行\n笔记\n\n第三行"  # line breaks, not lost lines


def test_docx_survives_control_characters(report: Report) -> None:
    a = highlight_on(report, QUOTE, note="响铃\x07和空字符\x00")
    from haizhu_reader.core.annotations.anchoring import Placer

    placement = Placer(report).place(a.anchor)
    assert placement is not None
    text = _docx_text(render(report, [Placed(a, placement)], [], "docx", WHEN))
    assert "响铃␇和空字符␀" in text  # shown as their pictures, as in Markdown and HTML


@pytest.mark.parametrize(
    ("name", "explicit", "fmt"),
    [
        ("a.md", None, "md"),
        ("a.HTML", None, "html"),
        ("a.htm", None, "html"),
        ("a.json", None, "json"),
        ("a.docx", None, "docx"),
        ("a.txt", None, "md"),
        ("a.md", "docx", "docx"),
    ],
)
def test_format_for(name: str, explicit: str | None, fmt: str) -> None:
    assert format_for(Path(name), explicit) == fmt


def test_empty_export(report: Report) -> None:
    assert "共 0 条批注" in render(report, [], [], "md", WHEN).decode()
    assert "共 0 条批注" in _docx_text(render(report, [], [], "docx", WHEN))


# -- what a reader of the export sees (issue 12, point 8) --------------------------------

HOSTILE = "前\x00中\x1b[31m红\x07\u202e倒过来\u202c\u2066隔离\u2069\x85后\r\n下一行\x7f"


def test_visible_shows_controls_and_bidi_overrides() -> None:
    shown = visible(HOSTILE)
    assert shown == "前␀中␛[31m红␇<U+202E>倒过来<U+202C><U+2066>隔离<U+2069><U+0085>后\n下一行␡"


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_exports_carry_no_raw_controls(report: Report, fmt: str) -> None:
    a = highlight_on(report, QUOTE, note=HOSTILE)
    placement = Placer(report).place(a.anchor)
    assert placement is not None
    data = render(report, [Placed(a, placement)], [], fmt)
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            text = z.read("word/document.xml").decode("utf-8")
    else:
        text = data.decode("utf-8")
    for raw in ("\x00", "\x1b", "\x07", "\u202e", "\u202c", "\u2066", "\x85", "\r", "\x7f"):
        assert raw not in text
    assert "␛" in text and "U+202E" in text


def test_json_keeps_the_note_as_typed(report: Report) -> None:
    a = highlight_on(report, QUOTE, note=HOSTILE)
    placement = Placer(report).place(a.anchor)
    assert placement is not None
    doc = render(report, [Placed(a, placement)], [], "json").decode("utf-8")
    assert json.dumps(HOSTILE, ensure_ascii=False) in doc  # escaped by JSON only


def test_the_windows_smoke_tests_annotations_are_written_whole(
    report: Report, tmp_path: Path
) -> None:
    """packaging/windows/smoke-test-wine.sh imports this file into the installed app."""
    import subprocess
    import sys

    out = tmp_path / "in.json"
    root = Path(__file__).parents[3]
    done = subprocess.run(
        [sys.executable, "-m", "tests.helpers.variety_export", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["total"] == len(variety(report)) > 0
    assert "-m tests.helpers.variety_export" in (
        root / "packaging/windows/smoke-test-wine.sh"
    ).read_text(encoding="utf-8")
