"""Start-up of the frozen one-folder app against the source run, side by side.

    python bench/frozen_start.py [--runs 7] [--app dist/haizhu-reader/haizhu-reader]

Runs each command alternately through the frozen app and through this Python
(``python -m haizhu_reader``), offscreen, each run with a fresh ``--data-dir``,
after one unmeasured warm-up of each (so both read from the page cache), and
prints the median wall time, the frozen/source ratio and the peak RSS (from
``wait4``'s rusage of each process) per command. Build the app first with
``packaging/build-linux.sh``. Linux only (wait4).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS: dict[str, list[str]] = {
    "--version": ["--version"],
    "--dump-structure": ["--dump-structure"],
    "--search (cold index)": ["--search", "营商环境", "--json"],
    "--screenshot": ["--screenshot", "{tmp}/shot.png"],
}


@dataclass
class Samples:
    wall: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)


def run_once(argv: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one run of ``argv``; fails loudly on error."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as tmp:
        args = [a.replace("{tmp}", tmp) for a in argv] + ["--data-dir", f"{tmp}/profile"]
        start = time.perf_counter()
        proc = subprocess.Popen(
            args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=tmp
        )
        _pid, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed ({proc.returncode}):\n{err}")
        return wall, usage.ru_maxrss


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="frozen vs source start-up")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--app", type=Path, default=ROOT / "dist" / "haizhu-reader" / "haizhu-reader")
    p.add_argument("--python", default=sys.executable, help="the source run's interpreter")
    args = p.parse_args(argv)
    if not args.app.exists():
        raise SystemExit(f"no frozen app at {args.app}: run packaging/build-linux.sh first")

    kinds = {
        "frozen": [str(args.app)],
        "source": [args.python, "-m", "haizhu_reader"],
    }
    results: dict[tuple[str, str], Samples] = {}
    for name, cmd in COMMANDS.items():
        for kind, prefix in kinds.items():
            run_once(prefix + cmd)  # warm-up
            results[(name, kind)] = Samples()
        for _ in range(args.runs):
            for kind, prefix in kinds.items():
                wall, rss = run_once(prefix + cmd)
                results[(name, kind)].wall.append(wall)
                results[(name, kind)].rss_kib.append(rss)

    print(f"median of {args.runs} runs each, alternating, offscreen ({os.cpu_count()} CPUs)")
    header = f"{'command':<24}{'frozen s':>10}{'source s':>10}{'ratio':>8}"
    print(header + f"{'frozen MiB':>12}{'source MiB':>12}")
    for name in COMMANDS:
        fz, src = results[(name, "frozen")], results[(name, "source")]
        f_wall, s_wall = statistics.median(fz.wall), statistics.median(src.wall)
        f_rss, s_rss = max(fz.rss_kib) / 1024, max(src.rss_kib) / 1024
        print(
            f"{name:<24}{f_wall:>10.3f}{s_wall:>10.3f}{f_wall / s_wall:>8.2f}"
            f"{f_rss:>12.1f}{s_rss:>12.1f}"
        )
    print("ratio = frozen / source wall time; MiB = peak RSS (max over the runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
