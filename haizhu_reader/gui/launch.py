"""Starting the GUI: QApplication, paths and settings, the first report, the window.

The first report is parsed before the window is built, so a file that cannot
be opened ends the program with a message on stderr and status 2 before any
window appears (there is nothing to show). Files opened later from the window
are read in the background and a failure is a message box.

The parsed first report is kept in the cache folder (a pickle keyed by the
file's bytes and the parser's code), so later starts skip the parse.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import pickle
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from haizhu_reader import __version__, resources
from haizhu_reader.core.errors import MAX_BYTES, ReportError
from haizhu_reader.core.files import read_regular
from haizhu_reader.core.report import Report
from haizhu_reader.paths import APP_NAME, ORG_NAME, AppPaths, resolve

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from haizhu_reader.gui.window.mainwindow import MainWindow
    from haizhu_reader.settings import Settings

EXIT_BAD_INPUT = 2
DEFAULT_SIZE = (1280, 800)
PROBLEM_MS = 30000  # how long the status bar says why the last report was not reopened
# A cached parse is a few times its report's size; one past this is not ours.
_MAX_CACHED_PARSE = 40 * MAX_BYTES


def parse_size(text: str) -> tuple[int, int] | None:
    """'1280x800' -> (1280, 800); None unless both sides are 200..10000."""
    m = re.fullmatch(r"\s*(\d{3,5})\s*[xX×*]\s*(\d{3,5})\s*", text or "")
    if not m:
        return None
    w, h = int(m.group(1)), int(m.group(2))
    return (w, h) if 200 <= w <= 10000 and 200 <= h <= 10000 else None


def _code_stamp() -> bytes:
    """What the parse depends on besides the file: the app version and the core's code."""
    stamp = [__version__]
    if getattr(sys, "frozen", False):  # a packaged build: its executable is its code
        code = [Path(sys.executable)]
    else:
        code = sorted((Path(__file__).resolve().parent.parent / "core").glob("*.py"))
    with contextlib.suppress(OSError):
        stamp += [f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in code]
    return "|".join(stamp).encode()


def _cache_key(data: bytes) -> str:
    """The cached parse's name: the code's checksum, then the file's length and checksums.

    Not hashlib: it loads OpenSSL, ~3 ms of every start. A cache needs no defence
    against crafted collisions, and two files of one length that agree by chance
    in both CRC-32 and Adler-32 are not a practical worry.
    """
    sums = f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"
    return f"{zlib.crc32(_code_stamp()):08x}-{len(data):x}-{sums}"


def _read_source(path: Path | None) -> bytes | None:
    """The bytes the report is parsed from, if they can be read cheaply (else no cache)."""
    if path is None:
        return resources.bundled_report_bytes()
    try:
        data = read_regular(path, MAX_BYTES)
    except OSError:  # not a regular file, or unreadable: the parse says why
        return None
    return data if len(data) <= MAX_BYTES else None


def open_first_report(path: Path | None, paths: AppPaths) -> Report:
    """The report to start with, from the parse cache or parsed (and then cached).

    Raises ``ReportError`` like ``load_report``.
    """
    data = _read_source(path)
    cache: Path | None = None
    if data is not None:
        key = _cache_key(data)
        cache = paths.cache_dir / "reports" / f"{key}.pickle"
        try:
            cached = pickle.loads(read_regular(cache, _MAX_CACHED_PARSE))
            if isinstance(cached, Report):
                return cached
        except Exception:  # a damaged pickle can raise almost anything
            pass  # no cache yet, one from another version, or damaged: parse
    # The parser (and its many regular expressions) is imported only on a miss.
    from haizhu_reader.core.parse import bundled_report, load_report

    report = load_report(path) if path else bundled_report()
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(cache)
        except OSError:
            pass  # a read-only cache folder only costs the next start a parse
    return report


class LastReportProblem(NamedTuple):
    """Why the report read last was not reopened: the bundled one is shown instead."""

    path: Path
    error: ReportError | None  # None: the file is gone


def open_start_report(
    file: Path | None, last: Path | None, paths: AppPaths
) -> tuple[Report, Path | None, LastReportProblem | None]:
    """The report a start opens and its path (None: the bundled one).

    ``file`` named on the command line: that one, or ``ReportError``. Else the
    report read last (``last``, None the bundled one); if it is gone or no longer
    opens, the bundled one and the problem (the window says so): the user named
    no file, so there is still something to show.
    """
    if file is not None or last is None:
        return open_first_report(file, paths), file, None
    try:
        there = last.is_file()
    except OSError:
        there = True  # opening it says why
    if not there:
        return open_first_report(None, paths), None, LastReportProblem(last, None)
    try:
        return open_first_report(last, paths), last, None
    except ReportError as e:
        return open_first_report(None, paths), None, LastReportProblem(last, e)


def _problem_text(problem: LastReportProblem) -> str:
    from PySide6.QtCore import QCoreApplication

    from haizhu_reader.gui.common.language import pick

    if problem.error is None:
        text = QCoreApplication.translate(
            "launch", "上次阅读的报告已找不到：%1。已打开随附的海珠区报告。"
        )
        return text.replace("%1", str(problem.path))
    text = QCoreApplication.translate(
        "launch", "上次阅读的报告无法打开：%1（%2）。已打开随附的海珠区报告。"
    )
    reason = pick(problem.error.zh, problem.error.en)
    return text.replace("%1", str(problem.path)).replace("%2", reason)


def _fail(message: str) -> int:
    print(f"haizhu-reader: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def run_gui(args: argparse.Namespace, on_window: Callable[[MainWindow], None] | None = None) -> int:
    """Open the reader window on ``args.file`` (or the bundled report) and run it.

    ``on_window`` is called with the window just before it is shown (the
    start-up benchmark hooks its timers there; a screenshot script arranges docks).
    """
    size = DEFAULT_SIZE
    if args.screenshot:
        parsed = parse_size(args.size or "")
        if parsed is None:
            return _fail(f"窗口尺寸应写作 宽x高，如 1280x800（bad --size: {args.size!r}）")
        size = parsed
    from haizhu_reader.settings import Settings

    paths = resolve(args.data_dir)
    if args.screenshot:
        target_problem = _screenshot_target_problem(Path(args.screenshot), paths)
        if target_problem:
            return _fail(target_problem)
    # A screenshot neither reads nor writes the profile's settings.
    settings = None if args.screenshot else Settings(paths.settings_file)
    last = settings.last_report() if settings is not None else None
    try:
        report, path, problem = open_start_report(
            Path(args.file) if args.file else None, last, paths
        )
    except ReportError as e:
        return _fail(str(e))

    # Widgets are imported only now, so a bad file fails before Qt loads its plugins.
    from PySide6.QtCore import QCoreApplication, QThreadPool
    from PySide6.QtWidgets import QApplication

    from haizhu_reader.gui.common import language
    from haizhu_reader.gui.window import layout
    from haizhu_reader.gui.window.mainwindow import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    translators = language.install(app, choose_language(args.lang, settings))
    app.setApplicationDisplayName(QCoreApplication.translate("launch", "海珠报告阅读器"))
    gc_was_enabled = gc.isenabled()
    gc_timer = collect_garbage_on_gui_thread(app)

    if args.screenshot:
        # A screenshot neither reads nor writes the profile's settings or index; it
        # shows the annotations of an existing data folder (and creates none).
        db = paths.annotations_db if paths.annotations_db.exists() else None
        shelf = paths.library_db if paths.library_db.exists() else None
        window = MainWindow(settings=None, annotations_db=db, library_db=shelf)
        if args.theme:
            window.view_options.set_theme(args.theme)
        window.open_report(report, path)
        if on_window is not None:
            on_window(window)
        code = _screenshot(app, window, Path(args.screenshot), size)
    else:
        from PySide6.QtCore import Qt, QTimer

        window = MainWindow(
            settings=settings,
            index_dir=paths.index_dir,
            annotations_db=paths.annotations_db,
            library_db=paths.library_db,
            own_folders=paths.own_folders,
        )
        window.open_report(report, path)
        window.restore_layout()
        layout.fit_to_screen(window)
        if on_window is not None:
            on_window(window)
        # What start-up made lives as long as the window: keep it out of later full
        # collections, which would otherwise stall the GUI thread for tens of
        # milliseconds walking it every time (undone below, for callers in tests).
        window.reader.first_painted.connect(gc.freeze, Qt.ConnectionType.SingleShotConnection)
        # What happened to the annotations file at start, if anything, once the report is
        # on screen (the file is opened by then, or at that moment).
        window.reader.first_painted.connect(
            lambda: QTimer.singleShot(0, window, window.show_store_notices),
            Qt.ConnectionType.SingleShotConnection,
        )
        # 立即重启 after a language change: closed as on quitting (the place, the layout
        # and the settings are saved; each annotation is on disk already), then started again.
        restart: list[bool] = []
        window.restart_requested.connect(lambda: restart.append(window.close()))
        window.show()
        if problem is not None:  # once shown: a message before that overlaps the place
            window.statusBar().showMessage(_problem_text(problem), PROBLEM_MS)
        code = app.exec()
        if any(restart):
            data_dir = Path(args.data_dir).absolute() if args.data_dir else None
            if not start_again(*restart_command(window.report_path(), data_dir)):
                code = _fail("无法重新启动本程序，请手动启动（cannot start the program again）")
    QThreadPool.globalInstance().waitForDone(5000)
    for translator in translators:  # as it was (tests run the GUI many times in one process)
        app.removeTranslator(translator)
    gc_timer.stop()
    gc.unfreeze()
    if gc_was_enabled:  # as it was
        gc.enable()
    return code


def restart_command(
    report: Path | None, data_dir: Path | None, *, frozen: bool | None = None
) -> tuple[str, list[str], dict[str, str]]:
    """How to start the app again on ``report`` (None: the bundled one) with the same
    data folder: (program, arguments, environment). Not ``--lang``: the language
    chosen in the menu is the one wanted now.

    A packaged build (``frozen``, by default as this process is) starts its own
    executable, as a new instance rather than a child of this one (PyInstaller's
    ``PYINSTALLER_RESET_ENVIRONMENT``); a source install runs ``python -m``.
    """
    if frozen is None:
        frozen = bool(getattr(sys, "frozen", False))
    argv = [] if frozen else ["-m", "haizhu_reader"]
    if report is not None:
        argv.append(str(report))
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    env = dict(os.environ)
    if frozen:
        env["PYINSTALLER_RESET_ENVIRONMENT"] = "1"
    return sys.executable, argv, env


def start_again(program: str, argv: list[str], env: dict[str, str]) -> bool:
    """Start ``program`` detached (it outlives this process); whether it started."""
    from PySide6.QtCore import QProcess, QProcessEnvironment

    environment = QProcessEnvironment()
    for key, value in env.items():
        environment.insert(key, value)
    process = QProcess()
    process.setProgram(program)
    process.setArguments(argv)
    process.setProcessEnvironment(environment)
    process.setWorkingDirectory(str(Path.cwd()))
    started, _pid = process.startDetached()
    return bool(started)


def collect_garbage_on_gui_thread(app: QCoreApplication) -> QTimer:
    """Run Python's cycle collector on the GUI thread only.

    Python collects reference cycles in whichever thread happens to allocate.
    A worker (parsing a file, loading pinyin, building the search index) that
    collects a cycle holding Qt objects destroys them off the GUI thread, and
    Qt crashes. So automatic collection is off and a timer on the GUI thread
    collects by the same thresholds (qutebrowser does the same).
    Returns the timer; stop it and ``gc.enable()`` to undo.
    """
    from PySide6.QtCore import QTimer

    def collect() -> None:
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [g for g in range(3) if counts[g] > thresholds[g]]
        if due:
            gc.collect(max(due))

    gc.disable()
    timer = QTimer(app)
    timer.setInterval(1000)
    timer.timeout.connect(collect)
    timer.start()
    return timer


def choose_language(lang: str | None, settings: Settings | None) -> str:
    """The interface language: ``--lang``, else the setting, else the system's."""
    from haizhu_reader.gui.common import language

    choice = lang or (settings.language() if settings else language.AUTO)
    return language.resolve(choice, language.system_languages())


def _screenshot_target_problem(out: Path, paths: AppPaths) -> str:
    """Why no screenshot can be written to ``out`` ("" when it can), found before any
    window exists: a failure inside the event loop would leave it running."""
    from haizhu_reader.core.files import OwnFiles, TargetError, check_target

    try:
        check_target(out, OwnFiles.of(paths.own_folders, None))
    except TargetError as e:
        return str(e)
    parent = out.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent  # the folders --screenshot will create
    if not parent.is_dir():
        return f"无法保存截图：{parent} 不是文件夹（cannot write {out}: {parent} is not a folder）"
    return ""


def _screenshot(app: QApplication, window: MainWindow, out: Path, size: tuple[int, int]) -> int:
    """Show the window, wait for the report's first complete paint, save a PNG.

    Whatever happens while saving, the window closes and the loop ends: an
    exception left inside a Qt slot would keep the process running.
    """
    from PySide6.QtCore import QTimer

    result: list[int] = []

    def save() -> None:
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            reason = "" if window.grab().save(str(out), "PNG") else "Qt could not save the PNG"
        except OSError as e:
            reason = e.strerror or str(e)
        except Exception as e:  # a bug must not leave the process running either
            reason = f"{type(e).__name__}: {e}"
        finally:
            # Closed inside the loop: closing the last window after exec() returned
            # would leave the application quitting, and every later event loop with it.
            window.close()
            app.quit()
        if reason:
            print(f"haizhu-reader: 无法保存截图（cannot write {out}: {reason}）", file=sys.stderr)
        result.append(EXIT_BAD_INPUT if reason else 0)

    # first_painted fires inside the viewport's paint; the zero timer runs
    # once the whole window's paint pass has finished.
    window.reader.first_painted.connect(lambda: QTimer.singleShot(0, window, save))
    window.resize(*size)
    # Closing the last window would also post a quit request; handled after exec()
    # returned (by the next processEvents of a caller in the same process), it
    # leaves every later event loop returning at once. save() quits by itself.
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    window.show()
    app.exec()
    app.setQuitOnLastWindowClosed(quit_on_close)
    if not result:
        print(
            f"haizhu-reader: 未能截图（the window closed before {out} was saved）", file=sys.stderr
        )
        return EXIT_BAD_INPUT
    return result[0]
