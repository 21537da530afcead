"""The annotations dock kept in step one annotation at a time (issue #5: no full relisting).

Each change is checked twice: against what the user should see (order, groups,
filters, selection, the row at the top) and against a dock that lists the same
annotations afresh, which an incremental update must match exactly.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel
from pytestqt.qtbot import QtBot

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.handout import UNPLACED_GROUP
from haizhu_reader.core.annotations.store import (
    Annotation,
    AnnotationStore,
    Colour,
    Kind,
    Placed,
    new_annotation,
)
from haizhu_reader.core.report import Report
from haizhu_reader.gui.annotations.actions import ReaderAnnotator
from haizhu_reader.gui.annotations.dialogs import NoteDialog
from haizhu_reader.gui.annotations.model import ID_ROLE
from haizhu_reader.gui.annotations.pane import AnnotationsPane
from haizhu_reader.gui.annotations.session import AnnotationSession
from haizhu_reader.gui.window.mainwindow import MainWindow
from haizhu_reader.paths import AppPaths

Found = Placed | Annotation
Listing = list[tuple[str, list[tuple[str, str, str]]]]


@pytest.fixture(autouse=True)
def _pool_idle_after(qapp: QApplication) -> Iterator[None]:
    assert QThreadPool.globalInstance().waitForDone(60000)
    yield
    assert QThreadPool.globalInstance().waitForDone(30000)


@pytest.fixture
def placer(report: Report) -> Placer:
    return Placer(report)


def _pids(report: Report) -> list[str]:
    return [p.id for _, p in report.body_paragraphs()]


def _highlight(
    report: Report,
    placer: Placer,
    n: int,
    start: int,
    colour: Colour = Colour.YELLOW,
    note: str = "",
    created: str = "",
) -> Placed:
    """A highlight of paragraph ``n`` (body order) from ``start``, four characters long."""
    a = new_annotation(
        Kind.HIGHLIGHT, placer.anchor_range(_pids(report)[n], start, start + 4), colour, note
    )
    if created:
        a = replace(a, created=created, modified=created)
    at = placer.place(a.anchor)
    assert at is not None
    return Placed(a, at)


def _unplaced(report: Report, placer: Placer, note: str) -> Annotation:
    """An annotation the text no longer holds (the dock lists what it is given as such)."""
    return new_annotation(Kind.NOTE, placer.anchor_paragraph(_pids(report)[0]), note=note)


def _pane(qtbot: QtBot, shown: bool = True) -> AnnotationsPane:
    pane = AnnotationsPane()
    qtbot.addWidget(pane)
    pane.resize(360, 320)
    if shown:
        with qtbot.waitExposed(pane):
            pane.show()
        pane.set_shown(True)
    return pane


def _give(pane: AnnotationsPane, report: Report, data: dict[str, Found]) -> None:
    placed = [x for x in data.values() if isinstance(x, Placed)]
    pane.set_annotations(report, placed, [x for x in data.values() if not isinstance(x, Placed)])


def _listing(pane: AnnotationsPane) -> Listing:
    """Every group's full title and its rows' ids, texts and tooltips, top to bottom."""
    m = pane.model
    out = []
    for g in range(m.rowCount()):
        header = m.index(g, 0)
        rows = []
        for r in range(m.rowCount(header)):
            i = m.index(r, 0, header)
            rows.append(
                (str(i.data(ID_ROLE)), str(i.data()), str(i.data(Qt.ItemDataRole.ToolTipRole)))
            )
        out.append((str(header.data(Qt.ItemDataRole.AccessibleTextRole)), rows))
    return out


def _fresh_listing(
    qtbot: QtBot, like: AnnotationsPane, report: Report, data: dict[str, Found]
) -> Listing:
    """What a dock with the same filters shows when it lists ``data`` afresh."""
    fresh = _pane(qtbot, shown=False)
    fresh.kind_box.setCurrentIndex(like.kind_box.currentIndex())
    fresh.colour_box.setCurrentIndex(like.colour_box.currentIndex())
    fresh.filter_edit.setText(like.filter_edit.text())
    fresh.by_date.setChecked(like.by_date.isChecked())
    _give(fresh, report, data)
    fresh.set_shown(True)
    return _listing(fresh)


def _all_open(pane: AnnotationsPane) -> bool:
    m = pane.model
    return all(pane.view.isExpanded(m.index(g, 0)) for g in range(m.rowCount()))


def _count(pane: AnnotationsPane) -> str:
    [label] = [w for w in pane.findChildren(QLabel) if w.accessibleName() == "批注数"]
    return label.text()


def _top(pane: AnnotationsPane) -> tuple[Any, Any]:
    """The row at the top of the list: an annotation's id, or a group's title."""
    i = pane.view.indexAt(QPoint(0, 0))
    return i.data(ID_ROLE), i.data(Qt.ItemDataRole.AccessibleTextRole)


def _put(pane: AnnotationsPane, data: dict[str, Found], x: Found) -> str:
    ident = x.annotation.id if isinstance(x, Placed) else x.id
    data[ident] = x
    pane.update_annotation(ident, x)
    return ident


def _edited(x: Found, **changes: Any) -> Found:
    if isinstance(x, Placed):
        return Placed(replace(x.annotation, **changes), x.placement)
    return replace(x, **changes)


# -- order and groups ------------------------------------------------------------------------


def test_an_added_annotation_goes_into_its_group_in_reading_order(
    qtbot: QtBot, report: Report, placer: Placer, qtmodeltester: Any
) -> None:
    a = _highlight(report, placer, 6, 0)  # 一、（二）
    b = _highlight(report, placer, 7, 10)  # 一、（二）
    c = _highlight(report, placer, 29, 0)  # 二、（一）
    data: dict[str, Found] = {x.annotation.id: x for x in (a, b, c)}
    pane = _pane(qtbot)
    _give(pane, report, data)
    ids = [a.annotation.id, b.annotation.id, c.annotation.id]
    assert pane.shown_ids() == ids
    assert _all_open(pane)
    qtmodeltester.check(pane.model)  # and it watches every change below

    with qtbot.assertNotEmitted(pane.model.modelReset):
        d = _put(pane, data, _highlight(report, placer, 7, 2))  # before b, same group
        assert pane.shown_ids() == [ids[0], d, ids[1], ids[2]]
        assert len(pane.group_titles()) == 2
        e = _put(pane, data, _highlight(report, placer, 14, 0))  # 一、（四）: a new group
        assert pane.shown_ids() == [ids[0], d, ids[1], e, ids[2]]
        titles = pane.group_titles()
        assert len(titles) == 3 and titles[1].startswith("一、（四）")
        u = _put(pane, data, _unplaced(report, placer, "原文已改"))
        assert pane.group_titles()[-1] == UNPLACED_GROUP
        s = new_annotation(Kind.NOTE, placer.anchor_section(a.placement.section_id), note="整节")
        at = placer.place(s.anchor)
        assert at is not None
        s_id = _put(pane, data, Placed(s, at))  # a section note opens its group
        assert pane.shown_ids() == [s_id, ids[0], d, ids[1], e, ids[2], u]
    assert _all_open(pane)  # new groups open like the others
    assert _count(pane) == "7 / 7 条"
    assert _listing(pane) == _fresh_listing(qtbot, pane, report, data)


def test_deleting_removes_the_row_and_an_emptied_group(
    qtbot: QtBot, report: Report, placer: Placer, qtmodeltester: Any
) -> None:
    xs = [_highlight(report, placer, n, 0) for n in (6, 7, 14, 29)]
    data: dict[str, Found] = {x.annotation.id: x for x in xs}
    pane = _pane(qtbot)
    _give(pane, report, data)
    qtmodeltester.check(pane.model)
    ids = [x.annotation.id for x in xs]
    with qtbot.assertNotEmitted(pane.model.modelReset):
        del data[ids[2]]
        pane.update_annotation(ids[2], None)  # the only one of 一、（四）
        assert pane.shown_ids() == [ids[0], ids[1], ids[3]]
        assert len(pane.group_titles()) == 2
        del data[ids[0]]
        pane.update_annotation(ids[0], None)
        pane.update_annotation("no-such-id", None)
    assert pane.shown_ids() == [ids[1], ids[3]]
    assert _count(pane) == "2 / 2 条"
    assert _listing(pane) == _fresh_listing(qtbot, pane, report, data)


def test_by_date_a_new_annotation_opens_the_list(
    qtbot: QtBot, report: Report, placer: Placer
) -> None:
    old = _highlight(report, placer, 6, 0, created="2023-01-05T08:00:00Z")
    older = _highlight(report, placer, 2, 0, created="2022-12-01T08:00:00Z")
    data: dict[str, Found] = {x.annotation.id: x for x in (old, older)}
    pane = _pane(qtbot)
    pane.by_date.setChecked(True)
    _give(pane, report, data)
    assert pane.shown_ids() == [old.annotation.id, older.annotation.id]
    with qtbot.assertNotEmitted(pane.model.modelReset):
        new = _put(pane, data, _highlight(report, placer, 40, 0))  # made now
        later = _highlight(report, placer, 1, 0, created="2023-01-05T09:00:00Z")
        same_day = _put(pane, data, later)
    assert pane.shown_ids() == [new, same_day, old.annotation.id, older.annotation.id]
    assert len(pane.group_titles()) == 3
    assert _listing(pane) == _fresh_listing(qtbot, pane, report, data)


def test_a_group_whose_members_are_far_apart_moves_as_a_fresh_listing_would(
    qtbot: QtBot, report: Report, placer: Placer
) -> None:
    """An unreadable stamp sorts last yet joins the day its first ten characters name."""
    day = _highlight(report, placer, 6, 0, created="2023-01-05T08:00:00Z")
    older = _highlight(report, placer, 2, 0, created="2022-12-01T08:00:00Z")
    odd = _highlight(report, placer, 3, 0, created="2023-01-05 午后")
    data: dict[str, Found] = {x.annotation.id: x for x in (day, older, odd)}
    pane = _pane(qtbot)
    pane.by_date.setChecked(True)
    _give(pane, report, data)
    assert [t[:10] for t in pane.group_titles()] == ["2023-01-05", "2022-12-01"]
    del data[day.annotation.id]
    pane.update_annotation(day.annotation.id, None)  # the day's group now sorts last
    assert [t[:10] for t in pane.group_titles()] == ["2022-12-01", "2023-01-05"]
    assert _listing(pane) == _fresh_listing(qtbot, pane, report, data)


# -- filters, selection, scrolling ------------------------------------------------------------


def test_filters_apply_to_added_and_edited_annotations(
    qtbot: QtBot, report: Report, placer: Placer
) -> None:
    green = _highlight(report, placer, 6, 0, Colour.GREEN)
    data: dict[str, Found] = {green.annotation.id: green}
    pane = _pane(qtbot)
    _give(pane, report, data)
    pane.colour_box.setCurrentIndex(pane.colour_box.findData(Colour.GREEN.value))
    with qtbot.assertNotEmitted(pane.model.modelReset):
        pink = _put(pane, data, _highlight(report, placer, 7, 0, Colour.PINK))
        assert pane.shown_ids() == [green.annotation.id]
        assert _count(pane) == "1 / 2 条"
        green2 = _put(pane, data, _highlight(report, placer, 3, 0, Colour.GREEN))
        assert pane.shown_ids() == [green2, green.annotation.id]
        _put(pane, data, _edited(data[pink], colour=Colour.GREEN))  # now it passes
        assert pane.shown_ids() == [green2, green.annotation.id, pink]
        _put(pane, data, _edited(data[green2], colour=Colour.BLUE))  # now it does not
        assert pane.shown_ids() == [green.annotation.id, pink]
    assert _listing(pane) == _fresh_listing(qtbot, pane, report, data)

    pane.colour_box.setCurrentIndex(0)
    pane.filter_edit.setText("核实")
    assert pane.shown_ids() == []
    with qtbot.assertNotEmitted(pane.model.modelReset):
        _put(pane, data, _edited(data[pink], note="请核实数据"))
        assert pane.shown_ids() == [pink]
        _put(pane, data, _edited(data[pink], note="已核对"))
        assert pane.shown_ids() == []
        noted = _put(pane, data, _unplaced(report, placer, "待核实"))
        assert pane.shown_ids() == [noted]
    assert _count(pane) == "1 / 4 条"
    assert _listing(pane) == _fresh_listing(qtbot, pane, report, data)


def test_edits_elsewhere_keep_the_selection_and_the_row_at_the_top(
    qtbot: QtBot, report: Report, placer: Placer
) -> None:
    xs = [_highlight(report, placer, n, k * 5) for n in range(1, 60, 2) for k in range(4)]
    data: dict[str, Found] = {x.annotation.id: x for x in xs}
    pane = _pane(qtbot)
    _give(pane, report, data)
    view = pane.view
    middle = pane.model.index_of(xs[60].annotation.id)
    view.scrollTo(middle, QAbstractItemView.ScrollHint.PositionAtTop)
    top = _top(pane)
    assert top[0] == xs[60].annotation.id
    pane.select(xs[62].annotation.id)

    changes: list[tuple[str, Found | None]] = [
        ("", _highlight(report, placer, 1, 1)),  # far above the view
        ("", _highlight(report, placer, 31, 1)),  # in the view, below the top
        ("", _edited(data[xs[3].annotation.id], note="上面改了")),
        ("", _edited(data[xs[62].annotation.id], note="选中的这条")),
        (xs[5].annotation.id, None),  # a deletion above the view
    ]
    with qtbot.assertNotEmitted(pane.model.modelReset):
        for gone, x in changes:
            if x is None:
                del data[gone]
                pane.update_annotation(gone, None)
            else:
                _put(pane, data, x)
            assert _top(pane) == top
    assert pane.current_id() == xs[62].annotation.id
    assert "选中的这条" in str(view.currentIndex().data())
    assert pane.edit_button.isEnabled()
    assert _listing(pane) == _fresh_listing(qtbot, pane, report, data)


def test_a_hidden_dock_lists_its_updates_when_shown(
    qtbot: QtBot, report: Report, placer: Placer
) -> None:
    a, b = _highlight(report, placer, 6, 0), _highlight(report, placer, 29, 0)
    data: dict[str, Found] = {a.annotation.id: a, b.annotation.id: b}
    pane = _pane(qtbot, shown=False)
    _give(pane, report, data)
    c = _put(pane, data, _highlight(report, placer, 14, 0))
    del data[a.annotation.id]
    pane.update_annotation(a.annotation.id, None)
    assert pane.model.rowCount() == 0  # nothing listed while hidden
    pane.set_shown(True)
    assert pane.shown_ids() == [c, b.annotation.id]
    pane.set_shown(False)
    with qtbot.assertNotEmitted(pane.model.modelReset):
        d = _put(pane, data, _highlight(report, placer, 2, 0))
        pane.set_shown(True)  # already listed: nothing to redo
    assert pane.shown_ids() == [d, c, b.annotation.id]


def test_random_changes_match_a_fresh_listing(
    qtbot: QtBot, report: Report, placer: Placer, qtmodeltester: Any
) -> None:
    rng = random.Random(5)
    n_pids = len(_pids(report))

    def some(note: str = "") -> Placed:
        n, start, colour = rng.randrange(n_pids), rng.randrange(8), rng.choice(list(Colour))
        return _highlight(report, placer, n, start, colour, note)

    data: dict[str, Found] = {}
    for _ in range(30):
        x = some()
        data[x.annotation.id] = x
    pane = _pane(qtbot)
    _give(pane, report, data)
    qtmodeltester.check(pane.model)
    for step in range(60):
        op = rng.random()
        if op < 0.35 or not data:
            x = some(rng.choice(["", "请核实", "数据"]))
            _put(pane, data, x if rng.random() < 0.9 else x.annotation)  # a few unplaced
        elif op < 0.6:
            ident = rng.choice(sorted(data))
            _put(pane, data, _edited(data[ident], note=rng.choice(["", "已核实", "改过"])))
        elif op < 0.85:
            ident = rng.choice(sorted(data))
            del data[ident]
            pane.update_annotation(ident, None)
        elif op < 0.9:
            pane.by_date.setChecked(not pane.by_date.isChecked())
        elif op < 0.95:
            pane.colour_box.setCurrentIndex(rng.randrange(pane.colour_box.count()))
        else:
            pane.filter_edit.setText(rng.choice(["", "核实", "改"]))
        assert _listing(pane) == _fresh_listing(qtbot, pane, report, data), step


# -- the window: undo and redo, the reader and search notes in step -------------------------------


def _reader_state(w: MainWindow) -> tuple[list[tuple[int, int, str]], list[list[str]]]:
    sels = [
        (s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.background().color().name())
        for s in w.reader.annotation_selections()
    ]
    return sels, [[m.id for m in marks] for _, marks in w.reader.margin_marks()]


def test_undo_and_redo_keep_the_dock_and_the_reader_in_step(
    qtbot: QtBot,
    app_paths: AppPaths,
    report: Report,
    placer: Placer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    seeded = [_highlight(report, placer, n, 0, note="原有") for n in (1, 2, 3, 5)]
    with AnnotationStore.open(app_paths.annotations_db) as store:
        for x in seeded:
            store.add(report, x.annotation)
    w = MainWindow(annotations_db=app_paths.annotations_db)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.open_report(report)
    with qtbot.waitExposed(w):
        w.show()
    w.dock("annotations").show()
    w.dock("annotations").raise_()
    qtbot.waitUntil(lambda: len(w.part(AnnotationsPane).shown_ids()) == 4)
    session, pane = w.part(AnnotationSession), w.part(AnnotationsPane)
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, *a, **k: "改过的笔记"))
    notes: list[int] = []
    session.notes_changed.connect(lambda: notes.append(1))

    def check() -> None:
        data: dict[str, Found] = {p.annotation.id: p for p in session.placed()}
        data.update((a.id, a) for a in session.unplaced())
        assert _listing(pane) == _fresh_listing(qtbot, pane, report, data)
        drawn = _reader_state(w)
        w.reader.set_annotations(session.marks())  # drawn afresh
        assert _reader_state(w) == drawn

    pid = _pids(report)[2]
    w.reader.show_paragraph(pid)
    pos = w.reader.document_position(pid, 6)
    assert pos is not None
    cursor = QTextCursor(w.reader.document())
    cursor.setPosition(pos)
    cursor.setPosition(pos + 6, QTextCursor.MoveMode.KeepAnchor)
    w.reader.setTextCursor(cursor)
    with qtbot.assertNotEmitted(session.changed), qtbot.assertNotEmitted(pane.model.modelReset):
        w.part(ReaderAnnotator).colour_actions[1].trigger()
        [new] = {p.annotation.id for p in session.placed()} - {x.annotation.id for x in seeded}
        assert pane.shown_ids()[2] == new  # after the one at offset 0 of the same paragraph
        assert notes == []  # a highlight without a note: search has nothing to redo
        check()
        w.part(ReaderAnnotator).edit(new)
        assert notes == [1]
        check()
        w.part(ReaderAnnotator).delete(new)
        assert new not in pane.shown_ids()
        check()
        for _ in range(3):
            session.undo_stack.undo()
            check()
        assert new not in pane.shown_ids()
        for _ in range(3):
            session.undo_stack.redo()
            check()
        assert new not in pane.shown_ids()
        session.undo_stack.undo()
        assert pane.shown_ids()[2] == new
        assert "改过的笔记" in str(pane.model.index_of(new).data())
        check()
    w.close()


def _on_screen_as_drawn_afresh(w: MainWindow) -> bool:
    """Whether the reader on screen (repainted piecemeal) matches a complete new paint."""
    vp = w.reader.viewport()
    at = vp.mapTo(w, vp.rect().topLeft())
    shown = w.screen().grabWindow(w.winId(), at.x(), at.y(), vp.width(), vp.height()).toImage()
    return shown == vp.grab().toImage().convertToFormat(shown.format())


def test_a_change_repaints_the_lines_it_is_on(
    qtbot: QtBot, app_paths: AppPaths, report: Report, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only those lines are repainted (a whole view is slow), yet nothing is left stale."""
    app_paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    w = MainWindow(annotations_db=app_paths.annotations_db)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.open_report(report)
    with qtbot.waitExposed(w):
        w.show()
    qtbot.waitUntil(lambda: w.reader.first_painted is not None and w.reader.progress() >= 0)
    monkeypatch.setattr(NoteDialog, "ask", classmethod(lambda cls, *a, **k: "旁注"))
    pid = _pids(report)[3]
    w.reader.show_paragraph(pid)
    pos = w.reader.document_position(pid, 1)
    assert pos is not None
    cursor = QTextCursor(w.reader.document())
    cursor.setPosition(pos)
    w.reader.setTextCursor(cursor)
    qtbot.waitUntil(lambda: _on_screen_as_drawn_afresh(w))
    stack = w.part(AnnotationSession).undo_stack
    steps = [
        w.part(ReaderAnnotator).bookmark_action.trigger,  # a ribbon in the margin
        w.part(ReaderAnnotator).note_paragraph_action.trigger,  # a square above it
        stack.undo,  # the square goes
        stack.undo,  # the ribbon goes
        stack.redo,
    ]
    for step in steps:
        step()
        # The repaint comes on a later turn of the event loop (a fixed 50 ms wait was
        # sometimes too short on a busy machine); stale lines would never match.
        qtbot.waitUntil(lambda: _on_screen_as_drawn_afresh(w), timeout=5000)
    w.close()


@pytest.mark.parametrize("stamp", ["9999-12-31T23:00:00Z", "0001-01-01T00:00:00Z", "下午"])
def test_a_stamp_at_the_ends_of_time_is_listed(
    qtbot: QtBot, report: Report, placer: Placer, stamp: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An imported file may carry any date: near year 1 or 9999 the local day overflows
    in a time zone east or west of UTC (an OverflowError emptied the dock)."""
    for zone in ("Asia/Shanghai", "America/Los_Angeles"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        odd = _highlight(report, placer, 3, 0, created=stamp)
        normal = _highlight(report, placer, 5, 0, created="2023-01-05T08:00:00Z")
        pane = _pane(qtbot)
        pane.by_date.setChecked(True)
        _give(pane, report, {x.annotation.id: x for x in (odd, normal)})
        assert set(pane.shown_ids()) == {normal.annotation.id, odd.annotation.id}
        assert len(pane.group_titles()) == 2
    monkeypatch.delenv("TZ")
    time.tzset()


def test_a_relisting_update_keeps_the_selection_and_its_buttons(
    qtbot: QtBot, report: Report, placer: Placer
) -> None:
    """By date, an unreadable stamp makes an update list afresh: the row selected stays."""
    first = _highlight(report, placer, 6, 0, created="2023-01-05T08:00:00Z")
    chosen = _highlight(report, placer, 2, 0, created="2022-12-01T08:00:00Z")
    odd = _highlight(report, placer, 4, 0, created="2023-01-05 午后")
    data: dict[str, Found] = {x.annotation.id: x for x in (first, chosen, odd)}
    pane = _pane(qtbot)
    pane.by_date.setChecked(True)
    _give(pane, report, data)
    pane.select(chosen.annotation.id)
    assert pane.current_id() == chosen.annotation.id
    del data[first.annotation.id]
    pane.update_annotation(first.annotation.id, None)
    assert pane.current_id() == chosen.annotation.id
    assert pane.edit_button.isEnabled() and pane.delete_button.isEnabled()
    assert _listing(pane) == _fresh_listing(qtbot, pane, report, data)


def test_rows_fit_a_narrowed_dock(qtbot: QtBot, report: Report, placer: Placer) -> None:
    """The list's one column follows its width: a dock narrowed after the first layout
    left the column wider, and rows ran past the edge without an ellipsis."""
    pane = _pane(qtbot)
    pane.resize(420, 320)
    x = _highlight(report, placer, 1, 0, note="一条相当长的笔记，用来检查行宽是否随窗格变化。" * 2)
    _give(pane, report, {x.annotation.id: x})
    qtbot.waitUntil(lambda: pane.view.columnWidth(0) == pane.view.viewport().width())
    pane.resize(240, 320)
    qtbot.waitUntil(lambda: pane.view.viewport().width() < 240)
    assert pane.view.columnWidth(0) == pane.view.viewport().width()
