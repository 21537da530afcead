"""The one background job: its answer, its failure, cancelling it, writing a file with it."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from haizhu_reader.gui.common import jobs


def test_the_result_comes_back_on_the_gui_thread_with_the_key(qtbot: QtBot) -> None:
    ran_in: list[threading.Thread] = []

    def work() -> int:
        ran_in.append(threading.current_thread())
        return 42

    job = jobs.Job(work, key=7)
    with qtbot.waitSignal(job.signals.done, timeout=10000) as done:
        jobs.start(job)
    assert done.args == [7, 42]
    assert ran_in and ran_in[0] is not threading.main_thread()


def test_an_exception_is_reported_not_lost(qtbot: QtBot) -> None:
    def work() -> None:
        raise ValueError("a bug")

    job = jobs.Job(work, key="k")
    with qtbot.waitSignal(job.signals.failed, timeout=10000) as failed:
        jobs.start(job)
    key, error = failed.args
    assert key == "k" and isinstance(error, ValueError) and str(error) == "a bug"


def test_a_job_cancelled_before_it_starts_does_and_says_nothing(qapp: QApplication) -> None:
    ran: list[int] = []
    answers: list[object] = []
    job = jobs.Job(lambda: ran.append(1))
    job.signals.done.connect(lambda *args: answers.append(args))
    job.signals.failed.connect(lambda *args: answers.append(args))
    job.cancel()
    jobs.start(job)
    assert QThreadPool.globalInstance().waitForDone(10000)
    qapp.processEvents()
    assert ran == [] and answers == [] and job.finished


def test_the_collector_is_paused_while_a_job_works(qtbot: QtBot) -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        job = jobs.Job(gc.isenabled)
        with qtbot.waitSignal(job.signals.done, timeout=10000) as done:
            jobs.start(job)
        assert done.args[1] is False
        assert gc.isenabled()  # as it was
    finally:
        if not was:
            gc.disable()


def test_write_file_writes_whole_and_counts(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    job = jobs.write_file(path, lambda: (b"hello", 3))
    with qtbot.waitSignal(job.signals.done, timeout=10000) as done:
        jobs.start(job)
    assert done.args == [path, 3] and path.read_bytes() == b"hello"


def test_a_file_not_written_says_where_and_why(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "no such folder" / "out.txt"
    job = jobs.write_file(path, lambda: (b"hello", 1))
    with qtbot.waitSignal(job.signals.failed, timeout=10000) as failed:
        jobs.start(job)
    where, error = failed.args
    assert where == path and isinstance(error, OSError)
    message, detail = jobs.write_error(path, error)
    assert error.strerror and str(path) in message and error.strerror in message
    assert detail == str(error)
    assert not path.parent.exists()
