"""Key figures at scale: ``--figures`` time and peak memory, before and after, in one run.

    .venv/bin/python bench/figures_scale.py [--before /work/main] [--timeout 120]
                                            [--sizes 200k,400k,1m,19m] [--no-glossary]

Inputs, made in a temporary folder:

* single-line reports: a title, 各位代表：, then the bundled report's paragraphs joined into
  one line (one paragraph) cut to 200 KB, 400 KB, 1 MB and 19 MB (the size limit is 20 MB);
* the bundled report with a 名词解释 of 20,000 entries, each with two figures.

The inputs are made by a child process, so that this one stays small: a child's peak RSS on
Linux counts what it inherited before exec. Each input runs in a fresh process per checkout
(this one, and ``--before``, another checkout's root, such as main's worktree): the whole
``--figures --json`` command (parse, extraction, JSON out; wall time and the process's peak
RSS), and extraction alone (parse first, then ``extract`` timed). A run over ``--timeout``
seconds is stopped and shown as ``>N s``. Not part of the test run: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = {"200k": 200_000, "400k": 400_000, "1m": 1_000_000, "19m": 19_000_000}

# Runs in the child: parse, then time extraction alone.
_EXTRACT = """
import sys, time
from pathlib import Path
from haizhu_reader.core.figures.extract import extract
from haizhu_reader.core.parse import load_report
report = load_report(Path(sys.argv[1]))
t = time.perf_counter()
found = extract(report)
print(f"{time.perf_counter() - t:.3f} {len(found)}")
"""


def _bundled_text() -> str:
    return (ROOT / "haizhu_reader" / "data" / "haizhu_2023_report.txt").read_text("utf-8")


def single_line_report(size: int) -> bytes:
    """A report whose whole speech is one line of about ``size`` bytes."""
    sys.path.insert(0, str(ROOT))
    from haizhu_reader.core.parse import bundled_report

    body = "".join(p.text for _, p in bundled_report().body_paragraphs()).encode("utf-8")
    line = (body * (size // len(body) + 1))[:size].decode("utf-8", errors="ignore")
    return f"海珠区2023年政府工作报告\n各位代表：\n{line}\n".encode()


def glossary_report(entries: int) -> bytes:
    """The bundled report with a glossary of ``entries`` entries."""
    text = _bundled_text()
    head = text[: text.index("名词解释") + len("名词解释")]
    items = "".join(
        f"\n\n  {k}. 术语{k}号:第{k}项名词的解释,涉及投资{k}亿元、增长{k % 10}.5%。"
        for k in range(1, entries + 1)
    )
    return (head + items + "\n").encode("utf-8")


def _run(root: Path, args: list[str], timeout: float) -> tuple[float | None, int, str]:
    """Wall seconds (None past the timeout), peak RSS in KB and stdout of one child."""
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(
            [sys.executable, *args], stdout=out, stderr=subprocess.DEVNULL, env=env, cwd=root
        )
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                return None, 0, ""
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - start
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    if proc.returncode != 0:
        return None, usage.ru_maxrss, f"exit {proc.returncode}"
    return elapsed, usage.ru_maxrss, text


def _seconds(value: float | None, timeout: float) -> str:
    return f">{timeout:.0f} s" if value is None else f"{value:.2f} s"


def measure(root: Path, path: Path, timeout: float) -> tuple[str, str, str, str]:
    """(command time, peak memory / file size, extraction time, figures) for one checkout."""
    size = path.stat().st_size
    wall, rss, _ = _run(root, ["-m", "haizhu_reader", "--figures", "--json", str(path)], timeout)
    memory = "-" if wall is None else f"{rss * 1024 / size:.1f}x ({rss // 1024} MB)"
    extract_wall, _, out = _run(root, ["-c", _EXTRACT, str(path)], timeout)
    if extract_wall is None or not out.strip() or out.startswith("exit"):
        return _seconds(wall, timeout), memory, _seconds(None, timeout), "-"
    seconds, count = out.split()
    return _seconds(wall, timeout), memory, f"{float(seconds):.2f} s", count


def make_inputs(folder: Path, sizes: list[str], glossary: bool) -> None:
    for name in sizes:
        (folder / f"single-{name}.txt").write_bytes(single_line_report(SIZES[name]))
    if glossary:
        (folder / "glossary-20000.txt").write_bytes(glossary_report(20_000))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--make", type=Path, help=argparse.SUPPRESS)  # the child that makes inputs
    p.add_argument("--before", type=Path, default=Path("/work/main"), help="a checkout's root")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    p.add_argument("--sizes", default=",".join(SIZES), help="of the single-line reports")
    p.add_argument("--no-glossary", action="store_true", help="skip the glossary case")
    args = p.parse_args(argv)
    sizes = args.sizes.split(",")
    if args.make:
        make_inputs(args.make, sizes, not args.no_glossary)
        return 0
    checkouts = [("after", ROOT)]
    if args.before and (args.before / "haizhu_reader").is_dir():
        checkouts.insert(0, ("before", args.before.resolve()))
    with tempfile.TemporaryDirectory(prefix="figures-scale-") as tmp:
        make = [sys.executable, __file__, "--make", tmp, "--sizes", args.sizes]
        subprocess.run([*make, *(["--no-glossary"] if args.no_glossary else [])], check=True)
        cases = [(f"single line {name}", Path(tmp) / f"single-{name}.txt") for name in sizes]
        if not args.no_glossary:
            cases.append(("glossary 20,000", Path(tmp) / "glossary-20000.txt"))
        header = f"{'input':<20}{'checkout':<9}{'--figures':>11}{'peak memory':>20}"
        print(f"{header}{'extract':>11}{'figures':>9}")
        for label, path in cases:
            for name, root in checkouts:
                wall, memory, extract, count = measure(root, path, args.timeout)
                print(f"{label:<20}{name:<9}{wall:>11}{memory:>20}{extract:>11}{count:>9}")
                sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
