"""The reading view on its own: typesetting, positions, marks, tooltips, highlights, copying."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QGuiApplication, QHelpEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from haizhu_reader.core.annotations.colours import Colour
from haizhu_reader.core.report import Appendix, GlossaryEntry, Report, Section
from haizhu_reader.gui.reader.typesetting import MEASURE_CHARS, Typography, glossary_href
from haizhu_reader.gui.reader.view import ReaderView, definition_tooltip


@pytest.fixture
def view(qtbot: QtBot, report: Report) -> Iterator[ReaderView]:
    v = ReaderView()
    qtbot.addWidget(v)
    v.resize(900, 700)
    v.set_report(report)
    with qtbot.waitExposed(v):
        v.show()
    yield v


def mark_point(view: ReaderView, pid: str, start: int, end: int) -> QPoint:
    """A viewport point over the middle of a span, scrolled into view first."""
    view.flash_span(pid, start, end)
    pos = view.document_position(pid, (start + end) // 2)
    assert pos is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    rect = view.cursorRect(cursor)
    return QPoint(rect.left() + 2, rect.center().y())


def test_paragraphs_keep_their_text_at_their_position(view: ReaderView, report: Report) -> None:
    doc = view.document()
    for p in report.all_paragraphs():
        pos = view.document_position(p.id)
        assert pos is not None
        cursor = QTextCursor(doc)
        cursor.setPosition(pos)
        cursor.setPosition(pos + len(p.text), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == p.text
        assert view.paragraph_at(pos + 3) == (p.id, 3)


def test_every_occurrence_is_marked(view: ReaderView, report: Report) -> None:
    doc = view.document()
    for i, entry in enumerate(report.glossary):
        for o in entry.occurrences:
            pos = view.document_position(o.paragraph, o.start)
            assert pos is not None
            cursor = QTextCursor(doc)
            cursor.setPosition(pos + 1)  # the format of the character before the cursor
            fmt = cursor.charFormat()
            assert fmt.anchorHref() == glossary_href(i)
            assert fmt.underlineStyle() == fmt.UnderlineStyle.DotLine


def test_lead_topics_are_bold(view: ReaderView, report: Report) -> None:
    p = next(p for _, p in report.body_paragraphs() if p.lead)
    pos = view.document_position(p.id, 1)
    assert pos is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos + 1)
    assert cursor.charFormat().font().bold()
    cursor.setPosition(pos + p.lead + 2)
    assert not cursor.charFormat().font().bold()


def test_text_column_is_at_most_the_measure_and_centred(qtbot: QtBot, view: ReaderView) -> None:
    view.resize(1600, 700)
    qtbot.waitUntil(lambda: view.viewport().width() > 1400)
    fmt = view.document().rootFrame().frameFormat()
    column = view.viewport().width() - fmt.leftMargin() - fmt.rightMargin()
    em = Typography.for_widget(view).em
    assert MEASURE_CHARS * em * 0.95 <= column <= MEASURE_CHARS * em * 1.05
    assert column == pytest.approx(view.typography().measure, abs=1)
    assert fmt.leftMargin() == pytest.approx(fmt.rightMargin())


def test_definition_tooltip_escapes_and_contains_the_definition() -> None:
    entry = GlossaryEntry(1, "A<b>&B", ["甲&乙"], "第一行<定义>\n第二行")
    tip = definition_tooltip(entry)
    assert "A&lt;b&gt;&amp;B" in tip
    assert "甲&amp;乙" in tip
    assert "第一行&lt;定义&gt;" in tip and "第二行" in tip
    assert "<b>A" in tip and "width=" in tip


def test_hovering_a_mark_shows_its_definition(view: ReaderView, report: Report) -> None:
    entry = report.glossary[0]
    o = entry.occurrences[0]
    point = mark_point(view, o.paragraph, o.start, o.end)
    assert view.tooltip_at(point) == definition_tooltip(entry)
    assert entry.definition.splitlines()[0][:10] in view.tooltip_at(point)
    help_event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QGuiApplication.sendEvent(view.viewport(), help_event)
    assert QToolTip.text() == view.reading_tooltip(definition_tooltip(entry))  # its size
    QToolTip.hideText()


def test_no_tooltip_off_the_marks(view: ReaderView, report: Report) -> None:
    p = report.sections[0].paragraphs[0]
    assert not any(o.paragraph == p.id for e in report.glossary for o in e.occurrences)
    assert view.tooltip_at(mark_point(view, p.id, 2, 3)) == ""


def test_plain_click_on_a_mark_activates_its_term(
    qtbot: QtBot, view: ReaderView, report: Report
) -> None:
    index = 3  # 算法, marked twelve times
    o = report.glossary[index].occurrences[0]
    point = mark_point(view, o.paragraph, o.start, o.end)
    with qtbot.waitSignal(view.term_activated, timeout=1000) as blocker:
        QTest.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
        )
    assert blocker.args == [index]


def test_dragging_across_a_mark_selects_without_activating(
    qtbot: QtBot, view: ReaderView, report: Report
) -> None:
    o = report.glossary[3].occurrences[0]
    start = mark_point(view, o.paragraph, o.start, o.end)
    end = start + QPoint(120, 0)
    with qtbot.assertNotEmitted(view.term_activated, wait=100):
        QTest.mousePress(
            view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start
        )
        QTest.mouseMove(view.viewport(), start + QPoint(40, 0))
        QTest.mouseMove(view.viewport(), end)
        QTest.mouseRelease(
            view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end
        )
    assert view.textCursor().hasSelection()


def test_copy_is_plain_text(view: ReaderView, report: Report) -> None:
    p = report.glossary[0].occurrences[0]
    pos = view.document_position(p.paragraph)
    assert pos is not None
    cursor = view.textCursor()
    cursor.setPosition(pos)
    cursor.setPosition(pos + 40, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.copy()
    mime = QGuiApplication.clipboard().mimeData()
    text = report.paragraph_index()[p.paragraph][1].text[:40]
    assert mime.text() == text
    assert not mime.hasHtml()
    assert view.selected_spans() == [(p.paragraph, 0, 40)]


def test_show_section_puts_the_heading_at_the_top(view: ReaderView, report: Report) -> None:
    targets: list[Section | Appendix] = [*list(report.walk())[1:-2], report.appendices[0]]
    for section in targets[::3]:
        view.show_section(section.id)
        assert view.section_at_top() == section.id
        pos = view.section_position(section.id)
        assert pos is not None
        cursor = QTextCursor(view.document())
        cursor.setPosition(pos)
        # The heading's first line (or the lead topic's paragraph) starts at the top.
        top = view.cursorRect(cursor).top()
        assert 0 <= top <= view.fontMetrics().height()


def test_reading_position_follows_scrolling(qtbot: QtBot, view: ReaderView, report: Report) -> None:
    target = list(report.walk())[8]
    view.show_section(target.id)
    bar = view.verticalScrollBar()
    with qtbot.waitSignal(view.reading_position_changed, timeout=1000) as blocker:
        bar.setValue(bar.value() + 3)
    assert blocker.args[0] == target.id
    assert 0 < blocker.args[1] < 1
    with qtbot.waitSignal(view.reading_position_changed, timeout=1000) as blocker:
        bar.setValue(bar.maximum())
    assert blocker.args[1] == 1.0


def test_flash_span_scrolls_there_and_highlights_briefly(
    qtbot: QtBot, view: ReaderView, report: Report
) -> None:
    o = report.glossary[3].occurrences[-1]
    view.flash_span(o.paragraph, o.start, o.end)
    pos = view.document_position(o.paragraph, o.start)
    assert pos is not None
    selections = view.extraSelections()
    assert [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections] == [
        (pos, pos + o.end - o.start)
    ]
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    assert 0 <= view.cursorRect(cursor).top() < view.viewport().height()
    qtbot.waitUntil(lambda: not view.extraSelections(), timeout=3000)


def test_highlight_layers_are_independent(view: ReaderView, report: Report) -> None:
    a, b = list(report.all_paragraphs())[2:4]
    view.set_highlights({a.id: [(0, 2), (5, 7)]}, layer="search")
    view.set_highlights({b.id: [(1, 3)]}, layer="find")
    assert len(view.extraSelections()) == 3
    view.set_highlights({}, layer="search")
    spans = [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.extraSelections()]
    base = view.document_position(b.id)
    assert base is not None
    assert spans == [(base + 1, base + 3)]
    view.set_highlights({"no-such-paragraph": [(0, 1)]}, layer="find")
    assert view.extraSelections() == []


def test_glossary_appendix_sets_each_term_in_bold(view: ReaderView, report: Report) -> None:
    appendix = next(a for a in report.appendices if a.title == report.glossary_title)
    first = appendix.paragraphs[0]  # 1. “四上企业:规模以上……
    pos = view.document_position(first.id)
    assert pos is not None
    start = first.text.index("四上企业")
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos + start + 1)
    assert cursor.charFormat().font().bold()
    cursor.setPosition(pos + len(first.text) - 1)
    assert not cursor.charFormat().font().bold()


def _background(view: ReaderView, a: int, b: int) -> str:
    """The colour the last selection drawn over exactly [a, b) paints behind the text."""
    found = [
        s.format.background().color().name()
        for s in view.extraSelections()
        if (s.cursor.selectionStart(), s.cursor.selectionEnd()) == (a, b)
    ]
    assert found, f"nothing drawn over {a}..{b}"
    return found[-1]


def _outline_pixels(view: ReaderView, a: int, b: int) -> int:
    """Pixels of the theme's outline colour around the line rectangle of [a, b)."""
    first, last = QTextCursor(view.document()), QTextCursor(view.document())
    first.setPosition(a)
    last.setPosition(b)
    rect = view.cursorRect(first).united(view.cursorRect(last)).adjusted(-4, -4, 4, 4)
    image = view.viewport().grab().toImage()
    outline = QColor(view.theme().find_outline).rgb()
    return sum(
        image.pixel(x, y) == outline
        for x in range(max(0, rect.left()), min(image.width(), rect.right() + 1))
        for y in range(max(0, rect.top()), min(image.height(), rect.bottom() + 1))
    )


def test_the_current_find_match_stands_out(view: ReaderView, report: Report) -> None:
    """3/15: the current match has a stronger colour and an outline; the other matches,
    the search hits and a yellow highlight are each drawn in a colour of their own."""
    p, q = list(report.all_paragraphs())[2:4]
    base, other = view.document_position(p.id), view.document_position(q.id)
    assert base is not None and other is not None
    view.set_highlights({p.id: [(0, 2), (5, 7)]}, layer="find")
    view.set_highlights({q.id: [(1, 3)]}, layer="search")
    view.show_current(p.id, 5, 7)
    assert view.current_match() == (p.id, 5, 7)
    theme = view.theme()
    assert _background(view, base, base + 2) == theme.find
    assert _background(view, base + 5, base + 7) == theme.find_current
    assert _background(view, other + 1, other + 3) == theme.search
    assert len({theme.find, theme.find_current, theme.search, theme.highlights[Colour.YELLOW]}) == 4
    assert _outline_pixels(view, base + 5, base + 7) > 20
    assert _outline_pixels(view, base, base + 2) == 0
    # The bar closed (or nothing matches): no current match, no outline.
    view.show_current("", 0, 0)
    assert view.current_match() is None
    assert _background(view, base + 5, base + 7) == theme.find
    assert _outline_pixels(view, base + 5, base + 7) == 0


def test_the_current_match_is_scrolled_into_view(view: ReaderView, report: Report) -> None:
    p = list(report.all_paragraphs())[-3]
    view.show_current(p.id, 4, 6)
    pos = view.document_position(p.id, 4)
    assert pos is not None
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos)
    assert view.viewport().rect().contains(view.cursorRect(cursor))


@pytest.mark.parametrize("jump", ["flash_span", "show_found", "show_current", "show_paragraph"])
def test_a_jump_names_the_section_jumped_to(
    qtbot: QtBot, view: ReaderView, report: Report, jump: str
) -> None:
    """A search hit, a glossary occurrence, an annotation, a find match: the section
    announced (to the contents tree and the status bar) is the one jumped to, though
    the end of the section before it may still fill the top of the view."""
    topic = next(s for s in report.walk() if s.title == "以更大力度开展招商引资")
    p = topic.paragraphs[0]
    view.show_section(report.sections[0].id)
    qtbot.wait(50)
    with qtbot.waitSignal(view.reading_position_changed, timeout=1000) as blocker:
        if jump == "show_found":
            view.show_found(p.id, [(40, 44)], "search")
        elif jump == "show_paragraph":
            view.show_paragraph(p.id)
        else:
            getattr(view, jump)(p.id, 40, 44)
    assert blocker.args[0] == topic.id
    assert view.section_at_top() == topic.id
    # Scrolling on from there, the position follows the scrolling again.
    bar = view.verticalScrollBar()
    with qtbot.waitSignal(view.reading_position_changed, timeout=1000) as blocker:
        bar.setValue(bar.maximum())
    assert blocker.args[0] != topic.id


def _wrapped_headings(view: ReaderView) -> list[tuple[str, list[float], list[str]]]:
    """(text, the width of each line, its lines) of every heading laid out on several lines."""
    doc = view.document()
    out = []
    block = doc.begin()
    while block.isValid():
        lines = block.layout()
        if block.blockFormat().headingLevel() and lines.lineCount() > 1:
            each = [lines.lineAt(i) for i in range(lines.lineCount())]
            text = block.text()
            out.append((
                text,
                [line.naturalTextWidth() for line in each],
                [text[line.textStart() : line.textStart() + line.textLength()] for line in each],
            ))  # fmt: skip
        block = block.next()
    return out


def test_a_heading_that_wraps_has_balanced_lines(
    qtbot: QtBot, view: ReaderView, report: Report
) -> None:
    """Zoomed, the title no longer leaves 告 alone on a line of its own: every heading
    that wraps has lines of about one length (the shortest at least half the longest)."""
    view.set_zoom(200)
    seen_title = False
    for width in range(520, 1100, 45):
        view.resize(width, 700)
        view.document().documentLayout().documentSize()  # laid out at the new width
        for text, widths, lines in _wrapped_headings(view):
            assert min(widths) >= 0.5 * max(widths), (width, text, widths)
            if text == report.title and len(lines) == 2:
                assert lines == ["海珠区2023年", "政府工作报告"]  # where the words part
                seen_title = True
    assert seen_title
