"""Anchoring: placing annotations on the report, and again after its text changed."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haizhu_reader.core.annotations.anchoring import (
    CONTEXT,
    Anchor,
    AnchorError,
    Placer,
    Scope,
    citation,
)
from haizhu_reader.core.annotations.store import AnnotationStore, Kind, new_annotation
from haizhu_reader.core.punctuation import printed
from haizhu_reader.core.report import Report
from haizhu_reader.paths import AppPaths
from tests.helpers import (
    CITED,
    QUOTE,
    bundled_text,
    edited_report,
    highlight_on,
    paragraph_with,
)

INSERTED = "新插入的一段话，用来检验锚点。"
# Long enough not to read as a lead-topic headline.
NEW_PARAGRAPH = (
    "为检验批注锚点，这里新插入一段正文：加强招商队伍建设，完善考核激励机制，"
    "推动招商工作提质增效，确保各项任务落到实处。"
)


def test_anchor_records_position_and_quote(report: Report) -> None:
    a = highlight_on(report, QUOTE).anchor
    pid = paragraph_with(report, QUOTE)
    text = next(p.text for p in report.all_paragraphs() if p.id == pid)
    assert (a.scope, a.paragraph_id, a.exact) == (Scope.RANGE, pid, QUOTE)
    assert text[a.start : a.end] == QUOTE
    assert a.prefix == text[max(0, a.start - CONTEXT) : a.start] and len(a.prefix) <= CONTEXT
    assert a.suffix == text[a.end : a.end + CONTEXT] and len(a.suffix) == CONTEXT
    assert a.section_id == report.section_path(a.section_id)[-1].id
    with pytest.raises(AnchorError):
        Placer(report).anchor_range(pid, 5, len(text) + 1)
    with pytest.raises(AnchorError):
        Placer(report).anchor_paragraph("p-nowhere")


def test_citation_counts_paragraphs_in_the_numbered_section(report: Report) -> None:
    placer = Placer(report)
    place = placer.place(highlight_on(report, QUOTE).anchor)
    assert place is not None
    assert citation(report, placer.where(place)) == "《海珠区2023年政府工作报告》二、（三）第2段"
    first = placer.place(highlight_on(report, "着眼企业引得来").anchor)
    third = placer.place(highlight_on(report, "以更强担当培育支持企业").anchor)
    assert first and third
    assert (placer.where(first), placer.where(third)) == ("二、（三）第1段", "二、（三）第3段")
    opening = placer.place(highlight_on(report, "现在，我代表").anchor)
    assert opening and placer.where(opening) == "开篇第1段"
    glossary = report.appendices[0]
    gloss = placer.place(placer.anchor_paragraph(glossary.paragraphs[1].id))
    assert gloss and placer.where(gloss) == f"{glossary.title}第2段"
    section = placer.anchor_section(report.section_path(place.section_id)[1].id)
    at = placer.place(section)
    assert at and placer.where(at) == "二、（三）" and at.text.startswith("（三）强招商")


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_any_selection_is_placed_where_it_was_and_after_an_insertion(
    report: Report, data: st.DataObject
) -> None:
    paragraphs = list(report.all_paragraphs())
    p = data.draw(st.sampled_from(paragraphs))
    start = data.draw(st.integers(0, len(p.text) - 2))
    end = data.draw(st.integers(start + 2, min(len(p.text), start + 80)))
    anchor = Placer(report).anchor_range(p.id, start, end)
    same = Placer(report).place(anchor)
    assert same is not None and (same.paragraph_id, same.start, same.end) == (p.id, start, end)
    assert not same.moved
    # Text added at the paragraph's start: a new paragraph id, shifted offsets.
    edited = copy.deepcopy(report)
    target = next(q for q in edited.all_paragraphs() if q.id == p.id)
    target.text, target.id = INSERTED + target.text, "p-edited"
    moved = Placer(edited).place(anchor)
    assert moved is not None and moved.moved
    assert (moved.paragraph_id, moved.start) == ("p-edited", start + len(INSERTED))
    assert moved.text == anchor.exact


def test_stale_ids_fall_back_to_the_quote(report: Report, app_paths: AppPaths) -> None:
    """The same report text with ids that no longer match (a parser upgrade)."""
    a = highlight_on(report, QUOTE, note="笔记")
    stale = replace(a, anchor=replace(a.anchor, paragraph_id="p0000000000", start=0, end=6))
    with AnnotationStore.open(app_paths.annotations_db) as store:
        store.add(report, stale)
        ((placed,), unplaced) = store.load(report)
    assert unplaced == []
    assert placed.placement.paragraph_id == a.anchor.paragraph_id and placed.placement.moved
    assert (placed.placement.start, placed.placement.end) == (a.anchor.start, a.anchor.end)


def _marks(report: Report) -> dict[str, Anchor]:
    placer = Placer(report)
    cited = paragraph_with(report, CITED)
    return {
        "highlight": highlight_on(report, QUOTE).anchor,
        "bookmark": placer.anchor_paragraph(cited),
        "section": placer.anchor_section(
            report.section_path(placer.anchor_paragraph(cited).section_id)[1].id
        ),
    }


def test_a_paragraph_inserted_before(report: Report) -> None:
    marks = _marks(report)
    edited = edited_report(f"{CITED}。", f"{NEW_PARAGRAPH}\n\n  {CITED}。")
    assert paragraph_with(edited, NEW_PARAGRAPH[:10])
    placer = Placer(edited)
    for name, anchor in marks.items():
        at = placer.place(anchor)
        assert at is not None, name
        assert not at.moved, name  # the paragraph itself is unchanged: found by its ids
    at = placer.place(marks["highlight"])
    assert at and placer.where(at) == "二、（三）第3段"  # the citation follows the text


def test_a_word_changed_in_the_paragraph(report: Report) -> None:
    marks = _marks(report)
    edited = edited_report("领导干部亲自招", "领导同志亲自招")  # same paragraph, not the quote
    placer = Placer(edited)
    pid = paragraph_with(edited, "领导同志亲自招")
    assert pid != marks["highlight"].paragraph_id
    hl = placer.place(marks["highlight"])
    assert hl is not None and hl.moved and (hl.paragraph_id, hl.text) == (pid, QUOTE)
    assert placer.where(hl) == "二、（三）第2段"
    bm = placer.place(marks["bookmark"])
    assert bm is not None and bm.moved and bm.paragraph_id == pid
    assert placer.place(marks["section"]) is not None


def test_a_word_changed_elsewhere(report: Report) -> None:
    marks = _marks(report)
    edited = edited_report("盗窃案件破案率全市第一", "盗窃案件破案率全省第一")
    placer = Placer(edited)
    for anchor in marks.values():
        at = placer.place(anchor)
        assert at is not None and not at.moved


def test_the_paragraph_deleted(report: Report, app_paths: AppPaths) -> None:
    marks = _marks(report)
    text = next(p.text for p in report.all_paragraphs() if p.id == marks["bookmark"].paragraph_id)
    edited = edited_report(text, "")
    placer = Placer(edited)
    assert placer.place(marks["highlight"]) is None
    assert placer.place(marks["bookmark"]) is None
    assert placer.place(marks["section"]) is not None
    # Listed, never dropped: the store reports it unplaced with its quote and note.
    note = new_annotation(Kind.NOTE, marks["highlight"], note="删掉的段落上的笔记")
    with AnnotationStore.open(app_paths.annotations_db) as store:
        store.add(edited, note)
        placed, unplaced = store.load(edited)
    assert placed == [] and unplaced == [note]
    assert unplaced[0].anchor.exact == QUOTE


def test_ambiguous_quote_without_context_is_not_guessed(report: Report) -> None:
    """A short quote found in several places whose context no longer agrees stays unplaced."""
    a = highlight_on(report, QUOTE).anchor
    common = "工作"
    vague = replace(a, paragraph_id="p-gone", section_id="s-gone", exact=common,
                    prefix="□□□", suffix="■■■")  # fmt: skip
    assert Placer(report).place(vague) is None
    # The same quote with its real context is found.
    pid = paragraph_with(report, QUOTE)
    text = next(p.text for p in report.all_paragraphs() if p.id == pid)
    i = text.index(common)
    real = replace(
        vague, prefix=text[max(0, i - CONTEXT) : i], suffix=text[i + 2 : i + 2 + CONTEXT]
    )
    at = Placer(report).place(real)
    assert at is not None and (at.paragraph_id, at.start) == (pid, i)


def test_folded_quote_matches_other_widths(report: Report) -> None:
    a = highlight_on(report, "地区生产总值增长7%").anchor
    edited = edited_report("地区生产总值增长7%", "地区生产总值增长７％")
    at = Placer(edited).place(a)
    assert at is not None and at.text == "地区生产总值增长７％"


def test_annotations_saved_on_the_captured_punctuation_still_fit(report: Report) -> None:
    """Anchors saved while the text showed ASCII punctuation (现在,我代表) place as before."""
    placer = Placer(report)
    raw = {printed(line.strip()): line.strip() for line in bundled_text().splitlines()}
    opening = report.sections[0].paragraphs[0]
    old = raw[opening.text]  # the paragraph as captured, with its ASCII commas
    assert old != opening.text and old.startswith("现在,我代表")
    start, end = old.index("我代表"), old.index("请予审议") + 4
    assert "," in old[start:end]
    sid = report.sections[0].id
    exact, prefix, suffix = old[start:end], old[:start], old[end:]
    ranged = Anchor(Scope.RANGE, sid, opening.id, start, end, exact, prefix, suffix)
    at = placer.place(ranged)
    assert at is not None and (at.start, at.end, at.moved) == (start, end, False)
    assert at.text == opening.text[start:end] and "，" in at.text
    # Stale ids: the quote and its context find it by width-insensitive comparison.
    stale = replace(ranged, paragraph_id="p0000000000", section_id="s0000000000")
    again = placer.place(stale)
    assert again is not None and (again.paragraph_id, again.start, again.moved) == (
        opening.id,
        start,
        True,
    )
    whole = Anchor(Scope.PARAGRAPH, sid, opening.id, 0, len(old), old)
    assert (placed := placer.place(whole)) is not None and not placed.moved
    assert placed.text == opening.text
    section = next(s for s in report.walk() if s.heading.startswith("（三）强招商"))
    heading = section.heading.replace("（", "(").replace("）", ")").replace("，", ",")
    note = Anchor(Scope.SECTION, section.id, "", 0, len(heading), heading)
    on = placer.place(note)
    assert on is not None and (on.section_id, on.moved) == (section.id, False)
    elsewhere = replace(note, section_id="s0000000000")
    assert (found := placer.place(elsewhere)) is not None and found.section_id == section.id
