"""Scale corners: time and peak memory of the dump and the first search, before and after.

    .venv/bin/python bench/scale_bench.py [--skip-before]

Inputs, made afresh in a temporary folder:

- glossary: the bundled report with a 20,000-entry glossary (random CJK terms);
- words line: a report header, then one 19.5 MB line of ASCII words and punctuation;
- a line: a report header, then one 19.5 MB line of the letter a.

For each, in a process of its own (peak memory is that process's maximum RSS,
also given as a multiple of the file's size):

- dump: ``--dump-structure``. Before: the same with glossary linking that
  looked every term up in every paragraph and line cleaning through one
  ``re.sub`` (both kept here to compare);
- first search: ``--search`` on an empty data folder. Before: building the
  Whoosh index and searching it, as ``--search`` did (and as the window still
  does, in the background, while it searches by scanning).

Aim (issue 12, point 7): any file within the 20 MB limit parses in under 5 s
with under 10 times its size in memory. Not part of the test run: it prints figures.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from haizhu_reader.resources import bundled_report_bytes

_BEFORE_DUMP = """
import re, sys
from haizhu_reader.core import glossary, source
from haizhu_reader.core.text import fold, skeleton, strip_quotes

def find_spans(text, needles):
    skel, where = skeleton(text)
    found = []
    for needle in needles:
        key = "".join(fold(strip_quotes(needle)).split())
        if not key:
            continue
        pos = skel.find(key)
        while pos != -1:
            found.append((pos, pos + len(key), needle))
            pos = skel.find(key, pos + 1)
    found.sort(key=lambda m: (-(m[1] - m[0]), m[0]))
    taken = []
    for m in found:
        if all(m[1] <= t[0] or m[0] >= t[1] for t in taken):
            taken.append(m)
    taken.sort()
    return [(where[s], where[e - 1] + 1, n) for s, e, n in taken]

class Matcher:
    def __init__(self, needles):
        self.needles = list(needles)
    def spans(self, text):
        return find_spans(text, self.needles)

glossary.Matcher = Matcher
source._strip = lambda s: source._SPACES.sub(" ", s).strip()
from haizhu_reader.app import main
sys.exit(main(sys.argv[1:]))
"""

_BEFORE_SEARCH = """
import sys
from pathlib import Path
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.search.searching import ReportIndex
report = load_report(Path(sys.argv[1]))
index = ReportIndex.open_or_build(report, Path(sys.argv[2]))
index.search(sys.argv[3])
index.close()
"""


INPUTS = {"glossary": "glossary.txt", "words line": "words-line.txt", "a line": "a-line.txt"}


def make_inputs(folder: Path) -> None:
    """Write the inputs (in a process of its own: Linux counts a parent's peak memory
    at fork into its children's)."""
    rng = random.Random(1)
    base = bundled_report_bytes().decode("utf-8")
    head = base.partition("名词解释")[0]
    chars = [chr(c) for c in range(0x4E00, 0x9FA5)]
    terms: set[str] = set()
    while len(terms) < 20_000:
        terms.add("".join(rng.choice(chars) for _ in range(rng.randint(3, 6))))
    entries = [
        f"  {i + 1}. {t}:{''.join(rng.choice(chars) for _ in range(30))}。\n"
        for i, t in enumerate(sorted(terms))
    ]
    size = int(19.5 * 1024 * 1024)
    header = "海珠区2023年政府工作报告\n各位代表:\n"
    words = ["lorem", "ipsum", "dolor", "sit", "amet,", "2023.", "(1)"]
    line = " ".join(rng.choice(words) for _ in range(size // 6))[: size - 200]
    out = {name: folder / file for name, file in INPUTS.items()}
    out["glossary"].write_text(head + "名词解释\n\n" + "\n".join(entries), encoding="utf-8")
    out["words line"].write_text(header + line + "\n", encoding="utf-8")
    out["a line"].write_text(header + "a" * (size - 200) + "\n", encoding="utf-8")


def run(args: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS in MB of a process running ``args``."""
    t = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 2):
        raise SystemExit(f"{args} failed ({proc.returncode})")
    return seconds, usage.ru_maxrss / 1024  # KB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skip-before", action="store_true", help="after only (faster)")
    parser.add_argument("--make", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_inputs(Path(args.make))
        return
    py = sys.executable
    with tempfile.TemporaryDirectory(prefix="haizhu-scale-") as tmp:
        root = Path(tmp)
        subprocess.run([py, __file__, "--make", str(root)], check=True)
        inputs = {name: root / file for name, file in INPUTS.items()}
        print(f"{'input':<11} {'what':<13} {'before':>22} {'after':>22}")
        for name, path in inputs.items():
            mb = path.stat().st_size / 1024 / 1024
            query = "发展" if name == "glossary" else "lorem"
            cases = {
                "dump": (
                    [py, "-c", textwrap.dedent(_BEFORE_DUMP), "--dump-structure", str(path)],
                    [py, "-m", "haizhu_reader", "--dump-structure", str(path)],
                ),
                "first search": (
                    [
                        py,
                        "-c",
                        textwrap.dedent(_BEFORE_SEARCH),
                        str(path),
                        str(root / f"{name}-index"),
                        query,
                    ],
                    [
                        py,
                        "-m",
                        "haizhu_reader",
                        "--data-dir",
                        str(root / f"{name}-profile"),
                        "--search",
                        query,
                        "--json",
                        str(path),
                    ],
                ),
            }
            for what, (before, after) in cases.items():
                cells = []
                for command in (before, after):
                    if command is before and args.skip_before:
                        cells.append(f"{'-':>22}")
                        continue
                    seconds, peak = run(command)
                    cells.append(f"{seconds:6.1f} s {peak:6.0f} MB {peak / mb:4.1f}x")
                print(f"{name:<11} {what:<13} {cells[0]:>22} {cells[1]:>22}", flush=True)
        sizes = ", ".join(f"{n} {p.stat().st_size / 1e6:.1f} MB" for n, p in inputs.items())
        print(f"(file sizes: {sizes})")


if __name__ == "__main__":
    main()
