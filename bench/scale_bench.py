"""Scale corners: time and peak memory of every headless command on huge inputs, before and after.

    .venv/bin/python bench/scale_bench.py [--before /work/main] [--only glossary,a-line]
                                          [--what dump,search,figures,index] [--timeout 120]

Inputs, made afresh in a temporary folder (each within the 20 MB limit):

- glossary: the bundled report with a 20,000-entry glossary (random CJK terms);
- glossary uses: 20,000 terms, each used 20 times in 6.6 MB of paragraphs (400,000 places);
- glossary overuse: one term used 3 million times in 19 MB (refused past 500,000 places);
- words line: a report header, then one 19.5 MB line of ASCII words and punctuation;
- a line: a report header, then one 19.5 MB line of the letter a;
- chinese line: a report header, then the bundled report's speech as one 19.5 MB line;
- short lines: a report header, then 200,000 short lines;
- headings: 50 parts of 99 sections of 10 bold lead topics each (about 50,000 headings);
- punctuation: a report header, then 19.5 MB of lines of digits and punctuation.

For each, in a process of its own, for each checkout (``--before``, another checkout's root
such as main's worktree; and this one): ``--dump-structure``; the first ``--search`` (on an
empty data folder: a scan); ``--figures --json``; and with ``--what index`` the window's
background index build (``ReportIndex.open_or_build``). Each cell is wall time, the
process's peak RSS, that as a multiple of the file's size, and in brackets the multiple
above the interpreter's baseline (the same command on the bundled report, about 20-30 MB).
A run over ``--timeout`` seconds is stopped and shown as ``>N s``; a refusal (exit 2) as
``refused``.

Aim (issue 12, point 7): any file within the 20 MB limit parses, searches and lists its
figures in under 5 s with under 10 times its size in memory. Not part of the test run: it
prints figures.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = int(19.5 * 1024 * 1024)
HEADER = "海珠区2023年政府工作报告\n各位代表：\n"

INPUTS = {
    "glossary": "glossary.txt",
    "glossary uses": "glossary-uses.txt",
    "glossary overuse": "glossary-overuse.txt",
    "words line": "words-line.txt",
    "a line": "a-line.txt",
    "chinese line": "chinese-line.txt",
    "short lines": "short-lines.txt",
    "headings": "headings.txt",
    "punctuation": "punctuation.txt",
}
QUERIES = {
    "glossary": "发展",
    "glossary uses": "发展",
    "glossary overuse": "发展",
    "words line": "lorem",
    "a line": "lorem",
    "chinese line": "发展",
    "short lines": "条",
    "headings": "要点",
    "punctuation": "2023",
}

_INDEX = """
import sys
from pathlib import Path
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.search.searching import ReportIndex
report = load_report(Path(sys.argv[1]))
index = ReportIndex.open_or_build(report, Path(sys.argv[2]))
index.search(sys.argv[3])
index.close()
"""


def _cn(n: int) -> str:
    """1..99 as a Chinese numeral (一, 十, 二十三)."""
    digits = "一二三四五六七八九"
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else digits[tens - 1] + "十")
    return head + (digits[ones - 1] if ones else "")


def make_inputs(folder: Path) -> None:
    """Write the inputs (in a process of its own: Linux counts a parent's peak memory
    at fork into its children's)."""
    sys.path.insert(0, str(ROOT))
    from haizhu_reader.core.parse import bundled_report
    from haizhu_reader.resources import bundled_report_bytes

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
    out = {name: folder / file for name, file in INPUTS.items()}
    out["glossary"].write_text(head + "名词解释\n\n" + "\n".join(entries), encoding="utf-8")

    # Paragraphs of 60 terms each: every term used 20 times (400,000 places).
    glossary_part = "名词解释\n\n" + "\n".join(entries)
    termlist = sorted(terms) * 20
    rng.shuffle(termlist)
    paragraphs = ["、".join(termlist[i : i + 60]) + "。" for i in range(0, len(termlist), 60)]
    out["glossary uses"].write_text(
        HEADER + "\n".join(paragraphs) + "\n" + glossary_part, encoding="utf-8"
    )
    # One term used all over 19 MB (3 million places): refused.
    overuse = "\n".join(["发展" * 100 + "。"] * (SIZE // 610))
    out["glossary overuse"].write_text(
        HEADER + overuse + "\n名词解释\n\n1. 发展：推动高质量发展。\n", encoding="utf-8"
    )

    words = ["lorem", "ipsum", "dolor", "sit", "amet,", "2023.", "(1)"]
    line = " ".join(rng.choice(words) for _ in range(SIZE // 6))[: SIZE - 200]
    out["words line"].write_text(HEADER + line + "\n", encoding="utf-8")
    out["a line"].write_text(HEADER + "a" * (SIZE - 200) + "\n", encoding="utf-8")

    body = "".join(p.text for _, p in bundled_report().body_paragraphs()).encode("utf-8")
    speech = (body * (SIZE // len(body) + 1))[: SIZE - 200].decode("utf-8", errors="ignore")
    out["chinese line"].write_text(HEADER + speech + "\n", encoding="utf-8")

    short = [f"第{k}条：{''.join(rng.choice(chars) for _ in range(6))}。" for k in range(200_000)]
    out["short lines"].write_text(HEADER + "\n".join(short) + "\n", encoding="utf-8")

    outline: list[str] = []
    for part in range(1, 51):
        outline.append(f"{_cn(part)}、第{part}部分的标题")
        for sec in range(1, 100):
            outline.append(f"（{_cn(sec)}）第{part}部分第{sec}节的标题")
            outline.extend(
                f"**要点{t}加快发展。**第{sec}节的第{t}个要点，推动高质量发展。" for t in range(10)
            )
    out["headings"].write_text(HEADER + "\n".join(outline) + "\n", encoding="utf-8")

    marks = "0123456789,.;:!?()%-—，。；：！？（）、“”《》…"
    lines: list[str] = []
    used = 0
    while used < SIZE - 200:
        ln = "".join(rng.choice(marks) for _ in range(rng.randint(20, 120)))
        lines.append(ln)
        used += len(ln.encode("utf-8")) + 1
    out["punctuation"].write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")


def run(root: Path, args: list[str], timeout: float) -> tuple[float | None, float, int]:
    """Seconds (None past the timeout), peak RSS in MB and exit status of one child."""
    env = {**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=root,
    )
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > timeout:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            return None, usage.ru_maxrss / 1024, -9
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode


def commands(what: str, path: Path | None, query: str, scratch: Path) -> list[str]:
    file = [str(path)] if path is not None else []
    if what == "dump":
        return ["-m", "haizhu_reader", "--dump-structure", *file]
    if what == "search":
        profile = tempfile.mkdtemp(prefix="profile-", dir=scratch)
        return ["-m", "haizhu_reader", "--data-dir", profile, "--search", query, "--json", *file]
    if what == "figures":
        return ["-m", "haizhu_reader", "--figures", "--json", *file]
    index = tempfile.mkdtemp(prefix="index-", dir=scratch)
    bundled = str(ROOT / "haizhu_reader" / "data" / "haizhu_2023_report.txt")
    return ["-c", _INDEX, *(file or [bundled]), index, query]


def cell(result: tuple[float | None, float, int], mb: float, base: float, timeout: float) -> str:
    seconds, peak, status = result
    if seconds is None:
        return f">{timeout:.0f} s {peak:5.0f} MB"
    if status == 2:
        return f"refused {seconds:5.1f} s"
    if status != 0:
        return f"exit {status}"
    return f"{seconds:5.1f} s {peak:5.0f} MB {peak / mb:4.1f}x ({(peak - base) / mb:4.1f}x)"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--before", type=Path, default=Path("/work/main"), help="a checkout")
    parser.add_argument("--only", help="inputs, comma-separated (a-line for 'a line')")
    parser.add_argument("--what", default="dump,search,figures", help="dump,search,figures,index")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per run")
    parser.add_argument("--make", metavar="DIR", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make_inputs(Path(args.make))
        return
    checkouts = [("after", ROOT)]
    before = args.before.resolve() if args.before else None
    if before is not None and (before / "haizhu_reader").is_dir() and before != ROOT:
        checkouts.insert(0, ("before", before))
    chosen = list(INPUTS)
    if args.only:
        wanted = {w.replace("-", " ") for w in args.only.split(",")}
        chosen = [n for n in INPUTS if n in wanted]
    whats = args.what.split(",")
    with tempfile.TemporaryDirectory(prefix="haizhu-scale-") as tmp:
        root = Path(tmp)
        subprocess.run([sys.executable, __file__, "--make", str(root)], check=True)
        base = {
            (name, w): run(where, commands(w, None, "发展", root), args.timeout)[1]
            for name, where in checkouts
            for w in whats
        }
        names = "".join(f"{name:>38}" for name, _ in checkouts)
        print(f"{'input':<14}{'what':<9}{names}")
        for name in chosen:
            path = root / INPUTS[name]
            mb = path.stat().st_size / 1024 / 1024
            for w in whats:
                cells = []
                for checkout, where in checkouts:
                    result = run(where, commands(w, path, QUERIES[name], root), args.timeout)
                    cells.append(f"{cell(result, mb, base[checkout, w], args.timeout):>38}")
                print(f"{name:<14}{w:<9}{''.join(cells)}", flush=True)
        sizes = ", ".join(f"{n} {(root / INPUTS[n]).stat().st_size / 1e6:.1f} MB" for n in chosen)
        bases = ", ".join(f"{c} {w} {mb:.0f} MB" for (c, w), mb in base.items())
        print(f"(file sizes: {sizes})\n(baselines, the bundled report: {bases})")


if __name__ == "__main__":
    main()
