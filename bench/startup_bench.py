"""Start-up, responsiveness and memory of the reader window against a bare QTextBrowser.

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python bench/startup_bench.py [--runs 7] [--stall-runs 3] [FILE]

Every measurement runs in a fresh subprocess, the app and the baseline
interleaved, and the table reports medians:

- cold start: from just before the process is spawned to the end of the
  first complete paint of the report (the zero timer queued from the first
  paint of the text fires once the whole window's paint pass is over), at
  1280x800, through the same imports as the haizhu-reader command. Measured
  with a profile that has been used before (the parsed report is cached
  there), and with a new, empty profile (the very first start). Baseline: a
  bare QTextBrowser showing the file's raw text with setPlainText, the same
  size.
- stalls: the longest gap between ticks of a repeating 0 ms QTimer on the GUI
  thread, while opening the report in the running window (File > Open path:
  parse in a worker, typeset, first paint) and while scrolling end to end in
  steps of a mouse-wheel notch every 16 ms. Also, for the app, how long after
  the first paint the rest of the window (menu items, the panes behind the
  glossary, annotating) is made, and the longest stall meanwhile.
- peak RSS (ru_maxrss) of the process with the report open and laid out.
- CPU time (user + system) of the process up to the first paint: the same
  comparison, less disturbed by other processes on a shared machine; with
  --instructions also the instructions executed up to the first paint, counted
  by valgrind's callgrind (the same count run after run, whatever the load).

Not part of the test run: it prints figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "haizhu_reader" / "data" / "haizhu_2023_report.txt"
SIZE = (1280, 800)
SETTLE_MS = 400
WHEEL_STEP_LINES = 3
PYCACHE = str(Path(tempfile.gettempdir()) / "haizhu-bench-pycache")


# -- children ---------------------------------------------------------------------------
# Each child prints one JSON line: {"painted": epoch seconds of the first complete
# paint, "rss_kb": peak RSS, and for --stalls "open_ms"/"scroll_ms"}.


class _GapRecorder:
    """The longest interval between ticks of a repeating 0 ms timer."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.worst = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, now - self._last)
        self._last = now

    def reset(self) -> None:
        self.worst = 0.0
        self._last = time.perf_counter()


def _rss_kb() -> int:
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def _cpu_ms() -> float:
    """CPU time of this process so far (user + system), less sensitive to a busy machine."""
    return time.process_time() * 1000


def _scroll_end_to_end(bar: Any, step: int, done: Any) -> None:
    """Step a scroll bar to its end, one wheel notch per 16 ms, then call ``done``."""
    from PySide6.QtCore import QTimer

    timer = QTimer(bar)
    timer.setInterval(16)

    def step_once() -> None:
        if bar.value() >= bar.maximum():
            timer.stop()
            done()
            return
        bar.setValue(bar.value() + step)

    timer.timeout.connect(step_once)
    timer.start()


def _exit_now(result: dict[str, Any]) -> None:
    """--exit-at-paint: report and leave at once (instruction counts stop here)."""
    print(json.dumps(result), flush=True)
    os._exit(0)


def _child_app(file: str | None, stalls: bool, data_dir: str, exit_at_paint: bool) -> None:
    # The same imports and argument parsing as the haizhu-reader command.
    from haizhu_reader.app import build_parser
    from haizhu_reader.gui.launch import run_gui
    from haizhu_reader.gui.window.mainwindow import MainWindow
    from haizhu_reader.gui.window.menus import WindowMenus

    result: dict[str, Any] = {}
    args = build_parser().parse_args(["--data-dir", data_dir, *([file] if file else [])])

    def hook(window: MainWindow) -> None:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        window.resize(*SIZE)
        reader = window.reader
        app = QApplication.instance()
        assert app is not None

        def finish() -> None:
            result["rss_kb"] = _rss_kb()
            print(json.dumps(result), flush=True)
            window.close()

        def painted_at_start() -> None:
            result["painted"] = time.time()
            result["cpu_ms"] = _cpu_ms()
            if exit_at_paint:
                _exit_now(result)
            reader.first_painted.disconnect(on_first_paint)
            if not stalls:
                QTimer.singleShot(SETTLE_MS, finish)
                return
            gaps = _GapRecorder()
            painted = time.perf_counter()

            def check_complete() -> None:
                # The panes, menus and annotating made after the first paint.
                if window.is_complete():
                    result["complete_ms"] = (time.perf_counter() - painted) * 1000
                    result["complete_stall_ms"] = gaps.worst * 1000
                else:
                    QTimer.singleShot(1, check_complete)

            check_complete()

            def open_again() -> None:
                gaps.reset()
                reader.first_painted.connect(opened)
                if file is None:
                    window.part(WindowMenus).bundled_action.trigger()
                else:
                    window.open_file(Path(file))

            def opened() -> None:
                reader.first_painted.disconnect(opened)
                QTimer.singleShot(SETTLE_MS, scroll)

            def scroll() -> None:
                result["open_ms"] = gaps.worst * 1000
                gaps.reset()
                step = WHEEL_STEP_LINES * reader.fontMetrics().lineSpacing() * 17 // 10
                _scroll_end_to_end(reader.verticalScrollBar(), step, scrolled)

            def scrolled() -> None:
                result["scroll_ms"] = gaps.worst * 1000
                finish()

            QTimer.singleShot(SETTLE_MS, open_again)

        def on_first_paint() -> None:
            QTimer.singleShot(0, painted_at_start)

        reader.first_painted.connect(on_first_paint)

    run_gui(args, on_window=hook)


def _child_bare(file: str | None, stalls: bool, exit_at_paint: bool) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QTextBrowser

    path = Path(file) if file else BUNDLED
    app = QApplication(sys.argv[:1])
    browser = QTextBrowser()
    browser.setPlainText(path.read_bytes().decode("utf-8", errors="replace"))
    browser.resize(*SIZE)
    result: dict[str, Any] = {}

    class PaintWatch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.callback: Any = None

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.callback is not None:
                callback, self.callback = self.callback, None
                QTimer.singleShot(0, callback)
            return False

    watch = PaintWatch()
    browser.viewport().installEventFilter(watch)

    def finish() -> None:
        result["rss_kb"] = _rss_kb()
        print(json.dumps(result), flush=True)
        app.quit()

    def painted_at_start() -> None:
        result["painted"] = time.time()
        result["cpu_ms"] = _cpu_ms()
        if exit_at_paint:
            _exit_now(result)
        if not stalls:
            QTimer.singleShot(SETTLE_MS, finish)
            return
        gaps = _GapRecorder()

        def open_again() -> None:
            gaps.reset()
            watch.callback = opened
            browser.setPlainText(path.read_bytes().decode("utf-8", errors="replace"))

        def opened() -> None:
            QTimer.singleShot(SETTLE_MS, scroll)

        def scroll() -> None:
            result["open_ms"] = gaps.worst * 1000
            gaps.reset()
            step = WHEEL_STEP_LINES * browser.fontMetrics().lineSpacing()
            _scroll_end_to_end(browser.verticalScrollBar(), step, scrolled)

        def scrolled() -> None:
            result["scroll_ms"] = gaps.worst * 1000
            finish()

        QTimer.singleShot(SETTLE_MS, open_again)

    watch.callback = painted_at_start
    browser.show()
    app.exec()


# -- parent -----------------------------------------------------------------------------


def _child_env() -> dict[str, str]:
    """The children run as an installed app does: from compiled bytecode.

    Bytecode goes to a private cache (not __pycache__ in the tree), warmed by
    the first runs, whatever PYTHONDONTWRITEBYTECODE the caller has set.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    return env


def _run(kind: str, file: str | None, stalls: bool, profile: str = "") -> dict[str, float]:
    """One child run. ``profile``: the app's --data-dir; empty for a new, empty one."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", kind]
    if stalls:
        cmd.append("--stalls")
    cmd += ["--profile", profile or tempfile.mkdtemp(prefix="haizhu-bench-")]
    if file:
        cmd.append(file)
    start = time.time()
    done = subprocess.run(
        cmd, capture_output=True, text=True, check=False, cwd=ROOT, timeout=120, env=_child_env()
    )
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{kind} child failed ({done.returncode}):\n{done.stderr}")
    data: dict[str, float] = json.loads(lines[-1])
    data["start_ms"] = (data["painted"] - start) * 1000
    return data


def _instructions(kind: str, file: str | None, profile: str) -> float:
    """Instructions the process executes up to its first paint, in millions (callgrind)."""
    # Qt forks to look for dbus-launch; only the main process is counted.
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    cmd += ["--child-silent-after-fork=yes"]
    cmd += [sys.executable, str(Path(__file__).resolve()), "--child", kind, "--exit-at-paint"]
    cmd += ["--profile", profile, *([file] if file else [])]
    done = subprocess.run(
        cmd, capture_output=True, text=True, check=False, cwd=ROOT, timeout=600, env=_child_env()
    )
    m = re.search(r"Collected : (\d+)", done.stderr)
    if not m:
        raise SystemExit(f"valgrind run of {kind} failed:\n{done.stderr[-2000:]}")
    return int(m.group(1)) / 1e6


def _count_instructions(file: str | None, profile: str) -> tuple[float, float] | None:
    """(app, bare) instructions to the first paint, None without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    bare_profile = tempfile.mkdtemp(prefix="haizhu-bench-")
    return _instructions("app", file, profile), _instructions("bare", file, bare_profile)


def _median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("file", nargs="?", help="a report file (default: the bundled report)")
    p.add_argument("--runs", type=int, default=7, help="start-up repetitions of each")
    p.add_argument("--stall-runs", type=int, default=3, help="stall repetitions of each")
    p.add_argument("--child", choices=["app", "bare"], help=argparse.SUPPRESS)
    p.add_argument("--stalls", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--profile", help=argparse.SUPPRESS)
    p.add_argument("--exit-at-paint", action="store_true", help=argparse.SUPPRESS)
    p.add_argument(
        "--instructions",
        action="store_true",
        help="also count instructions to first paint under valgrind (deterministic, slow)",
    )
    args = p.parse_args()
    if args.child == "app":
        _child_app(args.file, args.stalls, args.profile, args.exit_at_paint)
        return 0
    if args.child == "bare":
        _child_bare(args.file, args.stalls, args.exit_at_paint)
        return 0

    platform = os.environ.get("QT_QPA_PLATFORM", "(default)")
    print(f"platform {platform}, {SIZE[0]}x{SIZE[1]}, file {args.file or BUNDLED.name}")
    start: dict[str, list[dict[str, float]]] = {"app": [], "bare": []}
    first: dict[str, list[dict[str, float]]] = {"app": [], "bare": []}
    stall: dict[str, list[dict[str, float]]] = {"app": [], "bare": []}
    # One profile for the app's usual starts, as a user has; the warm-up run
    # also fills the OS file cache and the .pyc files.
    profile = tempfile.mkdtemp(prefix="haizhu-bench-profile-")
    for _ in range(2):
        _run("app", args.file, False, profile)
        _run("bare", args.file, False)
    for _ in range(args.runs):
        for kind in ("app", "bare"):
            start[kind].append(_run(kind, args.file, False, profile))
            first[kind].append(_run(kind, args.file, False))
    # Counted before the stall runs, which leave the profile's reading place at the
    # end of the report (the next start would lay out the whole text to resume there).
    instructions = _count_instructions(args.file, profile) if args.instructions else None
    for _ in range(args.stall_runs):
        for kind in ("app", "bare"):
            stall[kind].append(_run(kind, args.file, True, profile))

    rows = [
        ("cold start to first paint (ms)", "start_ms", start, "<=1.5x (aim 1.2x)"),
        ("  same, first run: empty profile", "start_ms", first, "(parse not cached)"),
        ("  CPU time to first paint (ms)", "cpu_ms", start, "(less load-sensitive)"),
        ("peak RSS, report open (MB)", "rss_kb", start, "<=1.5x"),
        ("rest of the window made after (ms)", "complete_ms", stall, "(app only)"),
        ("  longest stall meanwhile (ms)", "complete_stall_ms", stall, "<50 ms"),
        ("longest stall opening (ms)", "open_ms", stall, "<50 ms"),
        ("longest stall scrolling (ms)", "scroll_ms", stall, "<50 ms"),
    ]
    print(f"{'':34}{'app':>10}{'bare':>10}{'ratio':>8}  target")
    for label, key, runs, target in rows:
        if key not in runs["bare"][0]:  # the bare browser has nothing to make later
            print(f"{label:34}{_median(runs['app'], key):10.1f}{'-':>10}{'':8}  {target}")
            continue
        app, bare = _median(runs["app"], key), _median(runs["bare"], key)
        if key == "rss_kb":
            app, bare = app / 1024, bare / 1024
        print(f"{label:34}{app:10.1f}{bare:10.1f}{app / bare:7.2f}x  {target}")
    if args.instructions:
        if instructions is None:
            print("instructions: valgrind not found")
        else:
            app_ir, bare_ir = instructions
            label = "  instructions to first paint (M)"
            ratio = app_ir / bare_ir
            print(f"{label:34}{app_ir:10.0f}{bare_ir:10.0f}{ratio:7.2f}x  (deterministic)")
    spread = sorted(round(r["start_ms"]) for r in start["app"])
    print(f"app start-up runs (ms): {spread}")
    print(f"bare start-up runs (ms): {sorted(round(r['start_ms']) for r in start['bare'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
