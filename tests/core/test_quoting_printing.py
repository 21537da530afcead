"""Quotes with citations and what a printout holds: pure decisions, no Qt."""

from __future__ import annotations

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.store import Kind, Placed, new_annotation
from haizhu_reader.core.printing import PrintNote, following_id, print_notes, print_section
from haizhu_reader.core.quoting import quotation, quote_with_citation
from haizhu_reader.core.report import PART, SECTION, TOPIC, Report
from tests.helpers import CITED, highlight_on, paragraph_with, section_numbered

TITLE = "《海珠区2023年政府工作报告》"


def _container(report: Report, pid: str) -> str:
    return Placer(report).anchor_paragraph(pid).section_id


# -- copy with citation --------------------------------------------------------------


def test_a_quote_cites_the_title_and_the_place_of_its_section(report: Report) -> None:
    pid = paragraph_with(report, CITED)  # 二、（三）, in a lead topic
    section = _container(report, pid)
    assert report.section_path(section)[-1].level == TOPIC
    assert quote_with_citation(report, section, "  开展招商引资\n") == (
        f"“开展招商引资”（{TITLE}二、（三））"
    )
    part = section_numbered(report, "二、")
    assert quote_with_citation(report, part, "字") == f"“字”（{TITLE}二、）"


def test_the_opening_and_an_appendix_are_cited_by_title(report: Report) -> None:
    opening = report.sections[0]
    assert opening.number is None
    assert quote_with_citation(report, opening.id, "现在") == f"“现在”（{TITLE}开篇）"
    glossary = report.appendices[0]
    assert quote_with_citation(report, glossary.id, "四上") == f"“四上”（{TITLE}名词解释）"


def test_an_unknown_place_cites_the_report_alone(report: Report) -> None:
    assert quote_with_citation(report, "", "字") == f"“字”（{TITLE}）"
    assert quote_with_citation(report, "s-nowhere", "字") == f"“字”（{TITLE}）"


def test_a_quote_cites_its_paragraph_as_the_exports_do(report: Report) -> None:
    pid = paragraph_with(report, CITED)
    section = _container(report, pid)
    assert quote_with_citation(report, section, "开展招商引资", pid) == (
        f"“开展招商引资”（{TITLE}二、（三）第2段）"
    )
    # The same place an exported highlight on those words cites.
    placer = Placer(report)
    placed = placer.place(highlight_on(report, CITED).anchor)
    assert placed is not None
    assert quote_with_citation(report, section, CITED, pid).endswith(
        f"（{TITLE}{placer.where(placed)}）"
    )
    # In an appendix, by its title; an unknown paragraph: the section alone.
    entry = report.appendices[0].paragraphs[2]
    cited = quote_with_citation(report, report.appendices[0].id, "字", entry.id)
    assert cited == f"“字”（{TITLE}名词解释第3段）"
    assert quote_with_citation(report, section, "字", "p-nowhere") == f"“字”（{TITLE}二、（三））"


def test_a_quote_from_inside_a_quotation_is_balanced() -> None:
    """Kunming's 完成“10件惠民实事”，民生支出占…, selected from inside the quotation: the
    quote mark left alone is balanced where words follow it, dropped where none do."""
    assert quotation("民实事”，民生支出") == "‘民实事’，民生支出"
    assert quotation("完成“10件惠民") == "完成‘10件惠民’"
    assert quotation("”，民生支出") == "，民生支出"
    assert quotation("完成“10件") == "完成‘10件’"
    assert quotation("惠民实事”") == "‘惠民实事’"
    assert quotation("完成“") == "完成"
    assert quotation("“两个确立”") == "‘两个确立’"
    # Nested both ways: the report's “‘…’” becomes ‘“…”’ inside our “”.
    assert quotation("提出“推进‘四上’企业”建设") == "提出‘推进“四上”企业’建设"
    assert quotation("‘四上’企业”建设") == "‘“四上”企业’建设"
    assert quotation("的意见》等文件") == "《的意见》等文件"
    assert quotation("《关于") == "《关于》"
    for selected in ("民实事”，民生支出", "“推进‘四上", "企业’”建设", "”，", "“‘"):
        out = quotation(selected)
        assert out.count("‘") == out.count("’") and out.count("“") == out.count("”"), out


def test_quotation_nests_quotes_and_keeps_paragraph_breaks() -> None:
    assert quotation("新增“四上”企业466家") == "新增‘四上’企业466家"
    assert (
        quotation("第一段。\u2029\u2029 第二段。\u2028第三行\r\n") == "第一段。\n第二段。\n第三行"
    )
    assert quotation("<b>&amp;</b>") == "<b>&amp;</b>"  # plain text stays as typed


# -- printing -------------------------------------------------------------------------


def test_the_current_section_is_the_numbered_section_not_a_topic(report: Report) -> None:
    for s in report.walk():
        chosen = report.section_path(print_section(report, s.id))[-1]
        if s.level == TOPIC:
            assert chosen.level == SECTION and s in chosen.children
        else:
            assert chosen is s
    glossary = report.appendices[0].id
    assert print_section(report, glossary) == glossary
    assert print_section(report, "unknown") == ""


def test_a_section_runs_to_the_next_one_not_inside_it(report: Report) -> None:
    parts = [s for s in report.sections if s.level == PART]
    assert following_id(report, parts[1].id) == parts[2].id
    first, second = parts[1].children[:2]
    assert following_id(report, first.id) == second.id
    last_section = parts[-1].children[-1] if parts[-1].children else parts[-1]
    assert following_id(report, last_section.id) == report.appendices[0].id
    assert following_id(report, report.appendices[-1].id) is None
    assert following_id(report, "unknown") is None


def test_notes_follow_what_they_annotate_in_reading_order(report: Report) -> None:
    placer = Placer(report)
    pid = paragraph_with(report, CITED)
    ranged = highlight_on(report, "“一把手”工程", note="<script>x</script>")
    plain = highlight_on(report, CITED)  # no note: prints nothing
    para = new_annotation(Kind.NOTE, placer.anchor_paragraph(pid), note="本段")
    section = report.section_path(_container(report, pid))[-2].id  # 二、（三）
    whole = new_annotation(Kind.NOTE, placer.anchor_section(section), note="本节")
    placed = []
    for a in (whole, ranged, para, plain):
        at = placer.place(a.anchor)
        assert at is not None
        placed.append(Placed(a, at))
    notes = print_notes(placed)
    assert list(notes) == [section, pid]
    assert notes[section] == [PrintNote("", "本节")]
    assert notes[pid] == [PrintNote("“一把手”工程", "<script>x</script>"), PrintNote("", "本段")]
