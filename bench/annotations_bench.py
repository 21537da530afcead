"""What annotations cost the reader: first paint with 0 vs 2,000, and one action's stall.

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python bench/annotations_bench.py [runs] [rounds]

(Without a display it runs offscreen.) Each first-paint run is a fresh
subprocess (0 and 2,000 alternate, so drift hits both): the window is built,
the report opened (the 2,000 annotations loaded, placed and drawn with it) and
shown; the time runs to the end of the first complete paint of the window.

The stall runs keep a 1 ms timer ticking in a report that already has 2,000
annotations and, ``rounds`` times, create one annotation (a highlight through
its menu action), edit its note, delete it and undo the delete, reporting the
longest gap between ticks around each action (store write, dock, marks,
search notes, the 300 ms deferred notes refresh and the repaint all
included). One run has the annotations dock hidden behind another tab (it
lists nothing until shown), one has it on screen with all 2,000 listed, and
one has it on screen with the search pane set to look in notes (each change
of a note re-indexes them all in a worker); the figures are printed side by
side. Beside the wall-clock gaps (the bar) it
prints the GUI thread's own CPU time in its longest stretch between ticks:
other processes on a busy machine inflate the first, hardly the second (a
store write waiting for the disk counts in the first only).

Bars: the 2,000 add at most 200 ms to the first paint (medians); an action
stalls the GUI for under 50 ms, worst case, dock hidden or visible (on a busy
two-core machine the worst includes other processes' scheduling).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

N_ANNOTATIONS = 2000
PAINT_BAR_MS = 200.0
STALL_BAR_MS = 50.0


def seed(db: Path, n: int) -> None:
    """``n`` annotations spread over the report: highlights in every colour, notes, bookmarks."""
    from haizhu_reader.core.annotations.anchoring import Placer
    from haizhu_reader.core.annotations.store import AnnotationStore, Colour, Kind, new_annotation
    from haizhu_reader.core.parse import bundled_report

    report = bundled_report()
    placer = Placer(report)
    rng = random.Random(5)
    paragraphs = [p for _, p in report.body_paragraphs() if len(p.text) > 12]
    sections = [s.id for s in report.walk()]
    colours = list(Colour)
    with AnnotationStore.open(db) as store:
        anns = []
        for i in range(n):
            p = rng.choice(paragraphs)
            start = rng.randrange(0, len(p.text) - 8)
            end = min(len(p.text), start + rng.randrange(2, 30))
            r = i % 10
            if r < 6:
                a = new_annotation(Kind.HIGHLIGHT, placer.anchor_range(p.id, start, end),
                                   colours[i % len(colours)], "批注" * (i % 3))  # fmt: skip
            elif r == 6:
                a = new_annotation(Kind.UNDERLINE, placer.anchor_range(p.id, start, end))
            elif r == 7:
                a = new_annotation(Kind.NOTE, placer.anchor_paragraph(p.id), note=f"第{i}条笔记")
            elif r == 8:
                a = new_annotation(Kind.BOOKMARK, placer.anchor_paragraph(p.id))
            else:
                a = new_annotation(Kind.NOTE, placer.anchor_section(rng.choice(sections)),
                                   note=f"整节笔记{i}")  # fmt: skip
            anns.append(a)
        store.merge(report, anns)


def _child_first_paint(db: str) -> None:
    started = time.perf_counter()
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from haizhu_reader.core.parse import bundled_report
    from haizhu_reader.gui.window.mainwindow import MainWindow

    app = QApplication([])
    report = bundled_report()
    t0 = time.perf_counter()
    window = MainWindow(annotations_db=Path(db))
    window.resize(1280, 800)
    window.open_report(report)
    done: list[float] = []

    def painted() -> None:
        done.append(time.perf_counter())
        window.close()
        app.quit()

    window.reader.first_painted.connect(lambda: QTimer.singleShot(0, window, painted))
    window.show()
    app.exec()
    QThreadPool.globalInstance().waitForDone()
    marks = len(window.reader.annotation_selections())
    print(json.dumps({"ms": (done[0] - t0) * 1000, "import_ms": (t0 - started) * 1000,
                      "marks": marks}))  # fmt: skip


ACTIONS = ("create", "edit", "delete", "undo")


def _child_stall(db: str, rounds: int, dock: str) -> None:
    from PySide6.QtCore import QElapsedTimer, QThreadPool, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    from haizhu_reader.core.parse import bundled_report
    from haizhu_reader.gui.annotations.actions import ReaderAnnotator
    from haizhu_reader.gui.annotations.dialogs import NoteDialog
    from haizhu_reader.gui.annotations.pane import AnnotationsPane
    from haizhu_reader.gui.annotations.session import AnnotationSession
    from haizhu_reader.gui.search.pane import SearchPane
    from haizhu_reader.gui.window.mainwindow import MainWindow

    app = QApplication([])
    report = bundled_report()
    window = MainWindow(annotations_db=Path(db))
    window.resize(1280, 800)
    window.open_report(report)
    window.show()
    if dock != "hidden":
        window.dock("annotations").show()
        window.dock("annotations").raise_()
    if dock == "notes":  # search looks in the notes: each note change re-indexes them
        from haizhu_reader.core.search.searching import SearchScope

        window.part(SearchPane).set_scope(SearchScope.NOTES)
        window.part(SearchPane).set_query("核实")
    notes = iter(itertools.cycle(["改过的笔记", "再改一次：请核实数据"]))
    NoteDialog.ask = classmethod(lambda cls, *a, **k: next(notes))  # type: ignore[method-assign, assignment]
    session, annotator = window.part(AnnotationSession), window.part(ReaderAnnotator)
    pids = [p.id for _, p in report.body_paragraphs() if len(p.text) > 40]
    clock = QElapsedTimer()
    clock.start()
    ticks: list[tuple[int, int]] = []  # wall clock, GUI thread's CPU time (ns)
    ticker = QTimer()
    ticker.setInterval(1)
    ticker.timeout.connect(lambda: ticks.append((clock.nsecsElapsed(), time.thread_time_ns())))
    stalls: dict[str, list[float]] = {a: [] for a in ACTIONS}
    cpu: dict[str, list[float]] = {a: [] for a in ACTIONS}
    state: dict[str, object] = {"round": 0, "step": 0, "at": 0, "id": ""}

    def select_text(i: int) -> None:
        reader = window.reader
        pid = pids[(i * 7) % len(pids)]
        reader.show_paragraph(pid)
        pos = reader.document_position(pid, 3)
        assert pos is not None
        cursor = QTextCursor(reader.document())
        cursor.setPosition(pos)
        cursor.setPosition(pos + 6, QTextCursor.MoveMode.KeepAnchor)
        reader.setTextCursor(cursor)

    def act() -> None:
        i, step = int(str(state["round"])), int(str(state["step"]))
        action = ACTIONS[step]
        if action == "create":
            select_text(i)
            app.processEvents()  # the scroll's own repaint is not the create's
        state["at"] = len(ticks)
        ticks.append((clock.nsecsElapsed(), time.thread_time_ns()))
        if action == "create":
            before = {p.annotation.id for p in session.placed()}
            annotator.colour_actions[i % 5].trigger()
            state["id"] = next(
                p.annotation.id for p in session.placed() if p.annotation.id not in before
            )
        elif action == "edit":
            annotator.edit(str(state["id"]))
        elif action == "delete":
            annotator.delete(str(state["id"]))
        else:
            session.undo_stack.undo()
        QTimer.singleShot(500, measure)  # the deferred notes refresh included

    def measure() -> None:
        around = ticks[int(str(state["at"])) :]
        gaps = [(b[0] - a[0]) / 1e6 for a, b in itertools.pairwise(around)]
        work = [(b[1] - a[1]) / 1e6 for a, b in itertools.pairwise(around)]
        step = int(str(state["step"]))
        stalls[ACTIONS[step]].append(max(gaps) if gaps else 0.0)
        cpu[ACTIONS[step]].append(max(work) if work else 0.0)
        step += 1
        if step == len(ACTIONS):
            step = 0
            state["round"] = int(str(state["round"])) + 1
        state["step"] = step
        if int(str(state["round"])) < rounds:
            QTimer.singleShot(50, act)
        else:
            app.quit()

    ticker.start()
    QTimer.singleShot(1500, act)  # after the first paint and the index build settle
    app.exec()
    count = len(session.placed())
    listed = len(window.part(AnnotationsPane).shown_ids()) if dock != "hidden" else 0
    window.close()
    QThreadPool.globalInstance().waitForDone()
    print(json.dumps({"stalls": stalls, "cpu": cpu, "annotations": count, "listed": listed}))


def _run_child(*args: str) -> dict[str, object]:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)}: exit status {done.returncode}\n{done.stderr[-3000:]}")
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


Figures = dict[str, dict[str, dict[str, list[float]]]]  # dock -> stalls/cpu -> action -> ms


CASES = {"hidden": "hidden", "visible": "visible", "notes": "+notes"}


def _stall_rows(figures: Figures) -> list[tuple[str, list[str], str]]:
    rows = []
    specs: list[tuple[str, Callable[[list[float]], float], str, str]] = [
        ("GUI stall, median", statistics.median, "stalls", ""),
        ("GUI stall, worst", max, "stalls", f"< {STALL_BAR_MS:.0f}"),
        ("GUI thread CPU, worst stretch", max, "cpu", ""),
    ]
    for action in ACTIONS:
        for name, pick, measure, bar in specs:
            values = [f"{pick(figures[case][measure][action]):.1f}" for case in CASES]
            rows.append((f"{action}: {name} (ms)", values, bar))
    return rows


def main(runs: int, rounds: int) -> int:
    with tempfile.TemporaryDirectory(prefix="haizhu-bench-") as tmp:
        empty, full = Path(tmp) / "empty.sqlite3", Path(tmp) / "full.sqlite3"
        seed(empty, 0)
        seed(full, N_ANNOTATIONS)
        _run_child("--paint", str(empty))  # warm the disk cache
        zero: list[float] = []
        many: list[float] = []
        marks = 0
        for _ in range(runs):
            zero.append(float(str(_run_child("--paint", str(empty))["ms"])))
            r = _run_child("--paint", str(full))
            many.append(float(str(r["ms"])))
            marks = int(str(r["marks"]))
        figures: Figures = {}
        listed = 0
        for dock in CASES:
            copy = Path(tmp) / f"{dock}.sqlite3"  # each run starts from the same 2,000
            copy.write_bytes(full.read_bytes())
            result = _run_child("--stall", str(copy), str(rounds), dock)
            figures[dock] = {
                measure: {k: [float(x) for x in v] for k, v in result[measure].items()}  # type: ignore[attr-defined]
                for measure in ("stalls", "cpu")
            }
            if dock == "visible":
                listed = int(str(result["listed"]))

    z, m = statistics.median(zero), statistics.median(many)
    print(f"runs: {runs} per paint case, fresh subprocesses; {marks} ranges drawn with 2,000")
    print(f"{'measure':<52}{'value':>10}  bar")
    for name, value, bar in [
        ("first complete paint, 0 annotations (median ms)", f"{z:.0f}", ""),
        (f"first complete paint, {N_ANNOTATIONS} annotations (median ms)", f"{m:.0f}", ""),
        ("added by the annotations (ms)", f"{m - z:.0f}", f"≤ {PAINT_BAR_MS:.0f}"),
    ]:
        print(f"{name:<52}{value:>10}  {bar}")
    print()
    print(f"{rounds} rounds of create, edit, delete, undo with {N_ANNOTATIONS} present "
          f"({listed} listed in the visible dock at the end)")  # fmt: skip
    print("dock: hidden behind another tab | visible, 2,000 listed | +notes: visible, and")
    print("search set to look in notes (a note's change re-indexes them in a worker)")
    print(f"{'measure':<52}" + "".join(f"{c:>10}" for c in CASES.values()) + "  bar")
    for name, values, bar in _stall_rows(figures):
        print(f"{name:<52}" + "".join(f"{v:>10}" for v in values) + f"  {bar}")
    worst = max(max(v) for d in figures.values() for v in d["stalls"].values())
    ok = m - z <= PAINT_BAR_MS and worst < STALL_BAR_MS
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--paint":
        _child_first_paint(sys.argv[2])
    elif len(sys.argv) > 4 and sys.argv[1] == "--stall":
        _child_stall(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        args = [int(x) for x in sys.argv[1:3]]
        raise SystemExit(main(*(args + [5, 10][len(args) :])))
