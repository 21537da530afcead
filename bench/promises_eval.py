"""Last year's promises against this year's results, scored against the hand labels.

    python bench/promises_eval.py            # a table per year pair, and the totals
    python bench/promises_eval.py --json     # the numbers, for tests/core/promises/test_labels.py
    python bench/promises_eval.py --misses   # every disagreement, to read

Two label sets hold every 主要预期目标 item of their year pairs, read from both reports:
tests/data/promises/foshan_labels.json, nine 佛山市 pairs (2016→2017 … 2019→2020,
2021→2022 … 2025→2026), and tests/data/promises/places_labels.json, one pair each of five
other places and levels (四川省, 无锡市, 河南省, 贵州省, 陕西省). A label is matched to the
reader's promise of the same statistic (``names.key``) among the 主要预期目标 promises.

* pairing: the promise's result is the labelled one (the same text, in the paragraph of
  report N that holds the label's quote, at the quote's place), or both are none;
* verdict: the same verdict;
* target: the promise's target text is the labelled one.

Each over the union of labels and 主要预期目标 promises: a promise with no label and a
label with no promise both count as wrong. Also printed: how long pairing a year pair
takes (parsing and extracting both reports, then pairing), the median of 5 runs, and for
the trend: reading every 佛山市 report in tests/data/corpus (what the 历年趋势 tab's job does
once per run) and drawing one indicator's trend from them (what choosing an indicator does
on the GUI thread).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from haizhu_reader.core.figures.extract import extract
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.promises import names
from haizhu_reader.core.promises.pairing import Promise, promises
from haizhu_reader.core.promises.trend import read_year, trend
from haizhu_reader.core.report import Report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# The label sets: one place's series (the rules were written with it), and five other
# places labelled without having seen the reader's output.
LABEL_SETS = {
    "佛山市": DATA / "promises" / "foshan_labels.json",
    "other places": DATA / "promises" / "places_labels.json",
}
CORPUS = DATA / "corpus"
MEASURES = ("pairing", "verdict", "target")


@dataclass
class Score:
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MEASURES, 0))
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for m in MEASURES:
            self.correct[m] += other.correct[m]
        self.total += other.total
        self.misses += other.misses

    def ratio(self, measure: str) -> float:
        return self.correct[measure] / self.total if self.total else 1.0


def _paragraph_of(report: Report, quote: str) -> tuple[str, int] | None:
    """(paragraph id, offset) of the one paragraph that holds ``quote``."""
    for p in report.all_paragraphs():
        at = p.text.find(quote)
        if at >= 0:
            return p.id, at
    return None


def _result_matches(label: dict[str, Any], promise: Promise, current: Report) -> bool:
    result = promise.result
    if label["result"] is None or result is None:
        return label["result"] is None and result is None
    where = _paragraph_of(current, label["result_quote"])
    if where is None or result.text != label["result"] or result.paragraph != where[0]:
        return False
    return where[1] <= result.start < where[1] + len(label["result_quote"])


def score_pair(pair: dict[str, Any], found: list[Promise], current: Report) -> Score:
    score = Score()
    main = [p for p in found if p.target.main_target]
    by_key: dict[str, list[Promise]] = {}
    for p in main:
        by_key.setdefault(names.key(p.indicator), []).append(p)
    used: set[int] = set()
    name = f"{pair['previous']} → {pair['current']}"
    for label in pair["items"]:
        score.total += 1
        candidates = [p for p in by_key.get(names.key(label["indicator"]), []) if id(p) not in used]
        if not candidates:
            score.misses.append(f"{name}: no promise for {label['indicator']}")
            continue
        promise = candidates[0]
        used.add(id(promise))
        checks = {
            "pairing": _result_matches(label, promise, current),
            "verdict": promise.verdict == label["verdict"],
            "target": promise.target.text == label["target"],
        }
        for measure, ok in checks.items():
            score.correct[measure] += ok
            if not ok:
                got = promise.result.text if promise.result else None
                score.misses.append(
                    f"{name}: {label['indicator']} {measure}: labelled "
                    f"{label['target']!r} -> {label['result']!r} {label['verdict']}, "
                    f"got {promise.target.text!r} -> {got!r} {promise.verdict}"
                )
    for p in main:
        if id(p) not in used:
            score.total += 1
            score.misses.append(f"{name}: unlabelled promise {p.indicator} {p.target.text!r}")
    return score


def evaluate(repeat: int = 5) -> dict[str, Any]:
    sets = {name: _evaluate_set(path, repeat) for name, path in LABEL_SETS.items()}
    names_of = sorted(CORPUS.glob("佛山市-*.md"))
    reads, draws = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        years = [y for y in (read_year(load_report(p)) for p in names_of) if y is not None]
        t1 = time.perf_counter()
        trend(years, "地区生产总值增长")
        reads.append(t1 - t0)
        draws.append(time.perf_counter() - t1)
    return {
        "trend": {
            "reports": len(names_of),
            "read_seconds": statistics.median(reads),
            "trend_seconds": statistics.median(draws),
        },
        "sets": sets,
    }


def _evaluate_set(path: Path, repeat: int) -> dict[str, Any]:
    pairs = json.loads(path.read_text(encoding="utf-8"))["pairs"]
    total = Score()
    rows = []
    for pair in pairs:
        timings = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            previous = load_report(CORPUS / pair["previous"])
            current = load_report(CORPUS / pair["current"])
            found = promises(previous, current, extract(previous), extract(current))
            timings.append(time.perf_counter() - t0)
        score = score_pair(pair, found, current)
        total.add(score)
        rows.append(
            {
                "pair": f"{pair['previous']} → {pair['current']}",
                "labels": len(pair["items"]),
                "promises": len(found),
                **{m: score.ratio(m) for m in MEASURES},
                "seconds": statistics.median(timings),
            }
        )
    return {
        "pairs": rows,
        "total": {"labels": total.total, **{m: total.ratio(m) for m in MEASURES}},
        "misses": total.misses,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the numbers as JSON")
    ap.add_argument("--misses", action="store_true", help="print every disagreement")
    ap.add_argument("--repeat", type=int, default=5, help="timing runs per pair (median)")
    args = ap.parse_args()
    result = evaluate(max(1, args.repeat))
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
        return 0
    heads = ("labels", "all", "pairing", "verdict", "target", "ms")
    widths = (6, 5, 8, 8, 7, 6)
    print(f"{'pair':34} " + " ".join(f"{h:>{w}}" for h, w in zip(heads, widths, strict=True)))
    for name, scored in result["sets"].items():
        for r in scored["pairs"]:
            print(
                f"{r['pair']:34} {r['labels']:6d} {r['promises']:5d} {r['pairing']:8.3f} "
                f"{r['verdict']:8.3f} {r['target']:7.3f} {r['seconds'] * 1000:6.0f}"
            )
        t = scored["total"]
        print(
            f"{'all pairs, ' + name:34} {t['labels']:6d} {'':5} {t['pairing']:8.3f} "
            f"{t['verdict']:8.3f} {t['target']:7.3f}"
        )
    print("(all: every promise of the pair, the plan's numeric targets too; ms: parse, "
          "extract and pair both reports, median)")  # fmt: skip
    tr = result["trend"]
    print(
        f"trend: reading {tr['reports']} 佛山市 reports {tr['read_seconds'] * 1000:.0f} ms, "
        f"one indicator's trend from them {tr['trend_seconds'] * 1000:.1f} ms (medians)"
    )
    if args.misses:
        misses = [m for scored in result["sets"].values() for m in scored["misses"]]
        print("\n".join(misses) or "no disagreements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
