"""How the parser reads a corpus of real reports: health-style checks, parse time, the slowest.

    .venv/bin/python bench/corpus_bench.py [DIR_OR_FILES...] [--verbose] [--repeat N]

Default corpus: ``../shared/corpus/reports`` (162 real reports, see its README). Each
report is parsed in this process (no interpreter start per file, unlike
``../shared/corpus/health.py``, which runs the reader once per report) and checked
the way that script checks a ``--dump-structure``:

- read:     parsed without an error;
- parts:    at least two parts besides the leading 开篇;
- opening:  the 开篇 holds at most 15 % of the body's characters;
- headings: no body paragraph is a short line (≤ 40) that starts like a numbered
            heading (一、 （一） 第一部分);
- glossary: where the file has a glossary heading in its last 40 %, the parse has
            entries and at least half of them are linked to the text.

It prints the share of healthy reports and of each check, what is left (each
unhealthy report with its failing checks), then the parse time in CPU seconds (the
machine may be shared): the whole corpus (best of ``--repeat`` runs), the median
report and the five slowest.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

from haizhu_reader.core.errors import ReportError
from haizhu_reader.core.parse import parse_report
from haizhu_reader.core.report import PART, Report

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent.parent / "shared" / "corpus" / "reports"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/reports")
HEADING = re.compile(
    r"^[\s*#]*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十]{1,3}部分)"
)
GLOSSARY_HEAD = re.compile(
    r"^[\s*#]*(?:附件[0-9０-９一二三]*[：:\s]*)?(?:《?政府工作报告》?)?(?:有关内容)?"
    r"(?:名词解释|名词注释|名词解读|名词说明|有关名词|注释)(?:和有关情况说明)?[\s*]*$"
)
CHECKS = ("read", "parts", "opening", "headings", "glossary")


def text_of(data: bytes) -> str:
    for enc in ("utf-8-sig", "gb18030", "utf-16"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def check(report: Report, data: bytes) -> dict[str, bool]:
    sections = list(report.walk())
    body = sum(len(p.text) for s in sections for p in s.paragraphs) or 1
    lead = [s for s in report.sections if s.level == PART and not s.number and s.title == "开篇"]
    parts = [s for s in report.sections if s.level == PART and s not in lead]
    opening = sum(len(p.text) for s in lead for p in s.paragraphs)
    missed = [
        p.text
        for s in sections
        for p in s.paragraphs
        if len(p.text) <= 40 and HEADING.match(unicodedata.normalize("NFKC", p.text))
    ]
    res = {"read": True, "parts": len(parts) >= 2, "opening": opening / body <= 0.15}
    res["headings"] = not missed
    lines = text_of(data).splitlines()
    tail = lines[int(len(lines) * 0.6) :]
    if any(GLOSSARY_HEAD.match(unicodedata.normalize("NFKC", ln).strip()) for ln in tail):
        g = report.glossary
        res["glossary"] = bool(g) and sum(1 for e in g if e.occurrences) >= len(g) / 2
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    files: list[Path] = []
    for p in a.paths or [CORPUS]:
        files += (
            sorted(x for x in p.iterdir() if x.suffix in (".md", ".txt")) if p.is_dir() else [p]
        )
    blobs = [(f, f.read_bytes()) for f in files]
    results: list[tuple[Path, dict[str, bool]]] = []
    seconds: dict[Path, float] = {}
    totals = []
    for run in range(max(1, a.repeat)):
        start_all = time.process_time()
        for f, data in blobs:
            t0 = time.process_time()
            try:
                report: Report | None = parse_report(data)
            except ReportError:
                report = None
            dt = time.process_time() - t0
            seconds[f] = min(dt, seconds.get(f, dt))
            if run == 0:
                results.append((f, check(report, data) if report else {"read": False}))
        totals.append(time.process_time() - start_all)
    healthy = [f for f, r in results if all(r.values())]
    share = {
        c: sum(1 for _, r in results if r.get(c)) / max(1, sum(1 for _, r in results if c in r))
        for c in CHECKS
    }
    n = len(results) or 1
    print(
        f"corpus health: {len(healthy)}/{len(results)} healthy ({len(healthy) / n:.0%}); "
        + " ".join(f"{c} {v:.0%}" for c, v in share.items())
    )
    left = [(f, [c for c in CHECKS if r.get(c) is False]) for f, r in results if f not in healthy]
    by_check = {c: sum(1 for _, bad in left if c in bad) for c in CHECKS}
    print("left: " + (", ".join(f"{c} {k}" for c, k in by_check.items() if k) or "nothing"))
    for f, bad in left:
        print(f"  {f.name}: {' '.join(bad)}")
    times = sorted(seconds.values())
    print(
        f"parse time (CPU): {min(totals):.2f} s for {len(blobs)} reports "
        f"(best of {len(totals)}); median {statistics.median(times) * 1000:.1f} ms"
    )
    for f in sorted(seconds, key=lambda f: -seconds[f])[:5]:
        print(f"  slowest: {f.name} {seconds[f] * 1000:.1f} ms ({f.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
