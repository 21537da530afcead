"""What each export quotes (issue 16): the whole paragraph of a paragraph note or bookmark,
the sentence(s) a note on a selection is about, what a highlight covers; and place labels
that name a lead topic."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from html.parser import HTMLParser

import docx
import docx.document
import pytest
from docx.oxml.ns import qn

from haizhu_reader.core.annotations.anchoring import Placer, citation
from haizhu_reader.core.annotations.export import render
from haizhu_reader.core.annotations.handout import items, sentences_around
from haizhu_reader.core.annotations.store import (
    Annotation,
    AnnotationStore,
    Colour,
    Kind,
    Placed,
    new_annotation,
)
from haizhu_reader.core.report import Report
from haizhu_reader.paths import AppPaths
from tests.helpers import CITED, highlight_on, paragraph_with, section_numbered

WHEN = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
SENTENCE = "工业增加值增长8.8%，增速排名全市第一。"
ASKED = "问：工业增加值8.8%的口径？"


def _paragraph_text(report: Report, needle: str) -> str:
    return next(p.text for p in report.all_paragraphs() if needle in p.text)


def _topic(report: Report, title: str) -> str:
    (sid,) = [s.id for s in report.walk() if s.title == title]
    return sid


def _load(report: Report, app_paths: AppPaths, made: list[Annotation]) -> tuple[
    list[Placed], list[Annotation]
]:  # fmt: skip
    with AnnotationStore.open(app_paths.annotations_db) as store:
        for a in made:
            store.add(report, a)
        return store.load(report)


def _shown(report: Report, loaded: tuple[list[Placed], list[Annotation]], fmt: str) -> str:
    """The export's text as its reader sees it (Markdown unescaped, HTML without tags)."""
    data = render(report, *loaded, fmt, WHEN)
    if fmt == "docx":
        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    text = data.decode("utf-8")
    if fmt == "md":
        return re.sub(r"\\(.)", r"\1", text)
    parser = _Text()
    parser.feed(text)
    return "".join(parser.text)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_paragraph_note_and_a_bookmark_quote_the_whole_paragraph(
    report: Report, app_paths: AppPaths, fmt: str
) -> None:
    placer = Placer(report)
    pid = paragraph_with(report, CITED)
    whole = _paragraph_text(report, CITED)
    assert len(whole) > 200  # far past the old 60-character excerpt
    made = [
        new_annotation(Kind.NOTE, placer.anchor_paragraph(pid), note="整段笔记"),
        new_annotation(Kind.BOOKMARK, placer.anchor_paragraph(pid)),
    ]
    shown = _shown(report, _load(report, app_paths, made), fmt)
    assert shown.count(whole) == 2
    assert "……" not in shown


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_note_on_a_selection_quotes_the_sentence_it_is_about(
    report: Report, app_paths: AppPaths, fmt: str
) -> None:
    note = highlight_on(report, "8.8%", note=ASKED, kind=Kind.NOTE)
    shown = _shown(report, _load(report, app_paths, [note]), fmt)
    assert SENTENCE in shown and ASKED in shown
    # The sentence, not the paragraph: the paragraph's other sentences stay out.
    assert "在全市率先实施工业回城" not in shown


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_highlight_quotes_what_it_covers(report: Report, app_paths: AppPaths, fmt: str) -> None:
    mark = highlight_on(report, "增速排名全市第一", colour=Colour.GREEN)
    shown = _shown(report, _load(report, app_paths, [mark]), fmt)
    assert "增速排名全市第一" in shown and "工业增加值增长" not in shown


def test_a_selection_note_keeps_the_noted_words_within_its_quote(report: Report) -> None:
    note = highlight_on(report, "8.8%", note=ASKED, kind=Kind.NOTE)
    at = Placer(report).place(note.anchor)
    assert at is not None
    [it] = items(report, [Placed(note, at)], [])
    assert it.quote == SENTENCE
    assert it.marked == "8.8%"
    assert it.quote[it.span[0] : it.span[1]] == "8.8%"  # type: ignore[index]


def test_a_note_across_sentences_quotes_each_of_them(report: Report) -> None:
    text = _paragraph_text(report, SENTENCE)
    start = text.index(SENTENCE) - 3  # 企业10家。|工业增加值增长8.8%
    end = text.index("8.8%") + 4
    s, e = sentences_around(text, start, end)
    assert text[s:e].endswith("企业10家。" + SENTENCE)
    assert text[s:e].count("。") == 2 and text[s - 1] == "。"


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("甲句。乙句有字。丙句。", 4, 5, "乙句有字。"),
        ("甲句。乙句有字。丙句。", 3, 4, "乙句有字。"),
        ("他说：“好。”又说了别的。", 4, 5, "他说：“好。”"),
        ("第一行\n第二行没有句号", 5, 6, "第二行没有句号"),
        ("没有句号的一段", 2, 3, "没有句号的一段"),
        ("问题？回答！结束。", 3, 4, "回答！"),
        ("  前面有空格。后句。", 3, 4, "前面有空格。"),
    ],
)
def test_sentences_around(text: str, start: int, end: int, expected: str) -> None:
    s, e = sentences_around(text, start, end)
    assert text[s:e] == expected


# -- place labels ------------------------------------------------------------------------


def test_a_note_on_a_lead_topic_is_named_by_the_topic(report: Report, app_paths: AppPaths) -> None:
    placer = Placer(report)
    topic = _topic(report, "数字经济蓬勃发展")
    made = [new_annotation(Kind.NOTE, placer.anchor_section(topic), note="主题笔记")]
    loaded = _load(report, app_paths, made)
    [it] = items(report, *loaded)
    assert it.label == "笔记 · 一、（二）数字经济蓬勃发展"
    assert it.citation == citation(report, "一、（二）数字经济蓬勃发展")
    assert "整节" not in it.label
    # The topic's own text is what the note is about: it is quoted.
    assert it.quote.startswith("数字经济蓬勃发展。") and it.quote == _paragraph_text(
        report, "数字经济蓬勃发展。"
    )
    for fmt in ("md", "html", "docx"):
        shown = _shown(report, loaded, fmt)
        assert "一、（二）数字经济蓬勃发展" in shown and "（二）（整节）" not in shown


def test_a_note_on_a_numbered_section_still_covers_the_section(report: Report) -> None:
    placer = Placer(report)
    section = section_numbered(report, "（三）强招商")
    a = new_annotation(Kind.NOTE, placer.anchor_section(section), note="整节笔记")
    at = placer.place(a.anchor)
    assert at is not None
    [it] = items(report, [Placed(a, at)], [])
    assert it.label == "笔记 · 二、（三）（整节）" and it.quote == ""
    assert placer.where(at) == "二、（三）"


# -- the Word handout ----------------------------------------------------------------------


def _handout(report: Report, app_paths: AppPaths) -> docx.document.Document:
    made = [
        highlight_on(report, "增速排名全市第一", colour=Colour.GREEN, note="亮点"),
        highlight_on(report, "国企改革落地见效", kind=Kind.UNDERLINE),
        highlight_on(report, "8.8%", note=ASKED, kind=Kind.NOTE),
    ]
    data = render(report, *_load(report, app_paths, made), "docx", WHEN)
    return docx.Document(io.BytesIO(data))


def test_the_word_handout_is_a4_with_gb_t_9704_margins(report: Report, app_paths: AppPaths) -> None:
    section = _handout(report, app_paths).sections[0]
    mm = {
        name: round(getattr(section, name).mm, 1)
        for name in ("page_width", "page_height", "top_margin", "bottom_margin",
                     "left_margin", "right_margin")
    }  # fmt: skip
    assert mm == {
        "page_width": 210, "page_height": 297, "top_margin": 37, "bottom_margin": 35,
        "left_margin": 28, "right_margin": 26,
    }  # fmt: skip
    # Page numbers — 1 —: a PAGE field in the odd and the even pages' footers.
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert 'w:instr=" PAGE "' in xml and "— " in footer.paragraphs[0].text


def _east_asian(element: object) -> str | None:
    fonts = element.find(qn("w:rPr") + "/" + qn("w:rFonts"))  # type: ignore[attr-defined]
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_the_word_handout_names_fangsong_and_heiti_with_fallbacks(
    report: Report, app_paths: AppPaths
) -> None:
    document = _handout(report, app_paths)
    assert _east_asian(document.styles["Normal"].element) == "仿宋"
    for name in ("Title", "Heading 1", "Heading 2"):
        assert _east_asian(document.styles[name].element) == "黑体"
    assert document.styles["Normal"].font.size.pt == 16  # 3号
    # No theme font overrides the names (the template's East Asian theme is Japanese).
    styles_xml = document.styles.element.xml
    for used in ("Normal", "Title", "Heading 1", "Heading 2", "Quote"):
        assert "eastAsiaTheme" not in document.styles[used].element.xml
    assert 'w:eastAsia="zh-CN"' in styles_xml.split("</w:docDefaults>")[0]
    for p in document.paragraphs:
        for r in p.runs:
            rpr = r._r.rPr
            fonts = rpr.rFonts if rpr is not None else None
            assert fonts is not None
            assert fonts.get(qn("w:eastAsia")) in {"仿宋", "黑体"}
            assert fonts.get(qn("w:hint")) == "eastAsia"  # Chinese quotes take it too
    table = next(
        part.blob.decode("utf-8")
        for part in document.part.package.iter_parts()
        if part.partname == "/word/fontTable.xml"
    )
    for name, alt in (("仿宋", "FangSong"), ("黑体", "SimHei")):
        entry = re.search(rf'<w:font w:name="{name}">(.*?)</w:font>', table, re.S)
        assert entry is not None, name
        assert f'w:altName w:val="{alt}"' in entry[1] and 'w:charset w:val="86"' in entry[1]


def test_the_word_handout_shows_quote_colour_note_citation_and_a_place_to_sign(
    report: Report, app_paths: AppPaths
) -> None:
    document = _handout(report, app_paths)
    paragraphs = document.paragraphs
    texts = [p.text for p in paragraphs]
    assert "笔记：亮点" in texts and f"笔记：{ASKED}" in texts
    assert any(t.startswith("出处：《海珠区2023年政府工作报告》一、（二）第3段") for t in texts)
    quotes = [p for p in paragraphs if p.style is not None and p.style.name == "Quote"]
    assert [q.text for q in quotes] == [SENTENCE, "增速排名全市第一", "国企改革落地见效"]
    green = [r._r.find(f"{qn('w:rPr')}/{qn('w:shd')}") for r in quotes[1].runs if r.text]
    assert [g.get(qn("w:fill")) for g in green if g is not None] == ["A5D6A7"]
    noted = [r for r in quotes[0].runs if r.text == "8.8%"]
    assert noted and str(noted[0].font.underline) == "WAVY (11)"
    assert quotes[2].runs[0].font.underline is True
    assert any(t.startswith("签名：") for t in texts) and any(t.startswith("日期：") for t in texts)
