"""Acknowledged means durable: SIGKILL a writer at random moments, lose nothing it reported."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

WRITER = Path(__file__).parents[2] / "helpers" / "annotation_writer.py"
RUNS = 120
EDITED = "改过的笔记"


def _run_and_kill(db: Path, rng: random.Random) -> list[tuple[str, str]]:
    """Start a writer, kill it at a random moment, return every line it acknowledged."""
    proc = subprocess.Popen(
        [sys.executable, WRITER, str(db), "100000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert proc.stdout is not None and proc.stderr is not None
    lines: list[str] = []
    if rng.random() < 0.2:
        # Sometimes while it starts, opens, recovers the previous crash's WAL.
        time.sleep(rng.uniform(0.0, 0.15))
    else:
        for _ in range(rng.randrange(1, 60)):
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
    proc.send_signal(signal.SIGKILL)
    # Read the rest through the same buffered stream: communicate() reads the raw
    # pipe and would skip what readline() already buffered, cutting a line in two.
    # The writer is dead, so reading stdout then stderr to the end cannot block.
    lines += proc.stdout.readlines()
    err = proc.stderr.read()
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode in (-signal.SIGKILL, 0), err
    assert not any(line.startswith("NOTICE") for line in lines), lines
    # A line is acknowledged once its newline is out (print writes it in one call).
    whole = [line.split() for line in lines if line.endswith("\n") and line.strip()]
    assert all(len(parts) == 2 for parts in whole), lines
    return [(op, ident) for op, ident in whole]


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_loses_no_acknowledged_write(tmp_path: Path) -> None:
    db = tmp_path / "data" / "annotations.sqlite3"
    rng = random.Random(int(os.environ.get("CRASH_SEED", "5")))
    added: set[str] = set()
    edited: set[str] = set()
    deleted: set[str] = set()
    started = time.monotonic()
    for run in range(RUNS):
        acked = _run_and_kill(db, rng)
        for op, ident in acked:
            {"A": added, "U": edited, "D": deleted}[op].add(ident)
        conn = sqlite3.connect(db)
        try:
            rows = {
                str(i): (str(note), d is not None)
                for i, note, d in conn.execute("SELECT id, note, deleted FROM annotations")
            }
            check = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
        assert check == [("ok",)], f"run {run}: {check}"
        missing = added - rows.keys()
        assert not missing, f"run {run}: acknowledged but lost: {sorted(missing)[:5]}"
        assert all(rows[i][0] == EDITED for i in edited), f"run {run}: an edit was lost"
        assert all(rows[i][1] for i in deleted), f"run {run}: a deletion was lost"
    assert len(added) > RUNS  # the writers got far enough to prove something
    assert time.monotonic() - started < 90
