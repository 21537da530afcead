"""Precision and recall of the key-figures extractor on the hand-labelled samples.

    python bench/figures_eval.py            # a table per label set
    python bench/figures_eval.py --json     # the numbers, for tests/core/test_figures.py
    python bench/figures_eval.py --misses   # every disagreement, to read

Two label sets: ``issue 8`` (tests/data/figures_labels.json: the bundled report, Guangzhou
2025, Kunming 2020) and ``issue 13`` (tests/data/figures/labels.json: four development-corpus
reports of different forms). Predictions are scored only in the labelled paragraphs (every
figure there is labelled). A prediction matches the label whose span it overlaps most (one to
one). Per field:

* value+unit: a match with the same value, range end (value_high) and unit (a qualitative
  target: no value); over all predictions / all labels.
* kind: a match with the same kind; over all predictions / all labels. "kind (plan)": the same
  over the labels of target kind (and predictions matched to them).
* indicator, qualifier, direction, rank: a match where both give the field and agree;
  precision over predictions that give it, recall over labels that give it.

Indicators are compared twice. *strict*: equal after dropping quotation marks and spaces
(punctuation width-folded: the parser prints a capture's (站) as （站）).
*lenient* (the one the test holds to): strict, or one contains the other and the shorter is at
least half as long — 工业载体建设 for 工业载体建设全面推进 — the usual partial-match rule for
phrases whose edges are a matter of convention.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from haizhu_reader.core.figures.extract import Figure, extract
from haizhu_reader.core.parse import bundled_report, load_report
from haizhu_reader.core.report import Report

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LABELS = DATA / "figures_labels.json"
SETS = {"issue 8": LABELS, "issue 13": DATA / "figures" / "labels.json"}
FIELDS = (
    "value+unit", "indicator", "indicator (strict)", "kind", "kind (targets)", "qualifier",
    "direction", "rank",
)  # fmt: skip


@dataclass
class Tally:
    correct: int = 0
    predicted: int = 0
    labelled: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0


def _norm(s: str) -> str:
    """Without quotation marks and spaces, punctuation width-folded: （站） is (站)."""
    return re.sub(r"[“”\"‘’\s]", "", unicodedata.normalize("NFKC", s))


def indicator_matches(predicted: str, label: str, *, strict: bool = False) -> bool:
    a, b = _norm(predicted), _norm(label)
    if a == b:
        return True
    if strict:
        return False
    short, long_ = sorted((a, b), key=len)
    return bool(short) and short in long_ and 2 * len(short) >= len(long_)


def _open(name: str, file: str | None) -> Report:
    return load_report(DATA / file) if file else bundled_report()


def _pair(preds: list[Figure], labels: list[dict[str, Any]]) -> list[tuple[Figure, dict[str, Any]]]:
    """One-to-one matches by largest span overlap."""
    candidates = []
    for i, p in enumerate(preds):
        for j, lab in enumerate(labels):
            overlap = min(p.end, lab["end"]) - max(p.start, lab["start"])
            if overlap > 0:
                candidates.append((overlap, i, j))
    used_p: set[int] = set()
    used_l: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_p and j not in used_l:
            used_p.add(i)
            used_l.add(j)
            pairs.append((preds[i], labels[j]))
    return pairs


def evaluate(path: Path = LABELS, only: str | None = None) -> tuple[dict[str, Tally], list[str]]:
    """Per-field tallies over the sample (or one report of it), and a line per disagreement."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    tallies = {f: Tally() for f in FIELDS}
    misses: list[str] = []
    for name, spec in doc["reports"].items():
        if only is not None and name != only:
            continue
        report = _open(name, spec["file"])
        figures = extract(report)
        for pid in spec["paragraphs"]:
            preds = [f for f in figures if f.paragraph == pid]
            labels = [x for x in doc["labels"] if x["report"] == name and x["paragraph"] == pid]
            _score(preds, labels, tallies, misses)
    return tallies, misses


def _score(
    preds: list[Figure], labels: list[dict[str, Any]], t: dict[str, Tally], misses: list[str]
) -> None:
    for field in ("value+unit", "kind"):
        t[field].predicted += len(preds)
        t[field].labelled += len(labels)
    t["kind (targets)"].labelled += sum(1 for x in labels if x["kind"] == "target")
    for field, attr in (
        ("indicator", "indicator"),
        ("indicator (strict)", "indicator"),
        ("qualifier", "qualifier"),
        ("direction", "direction"),
        ("rank", "rank"),
    ):
        t[field].predicted += sum(1 for p in preds if getattr(p, attr) is not None)
        t[field].labelled += sum(1 for x in labels if x[attr] is not None)
    pairs = _pair(preds, labels)
    matched = {id(p) for p, _ in pairs}
    matched_labels = {id(x) for _, x in pairs}
    for p in preds:
        if id(p) not in matched:
            misses.append(f"extra   {p.paragraph} {p.text!r} ({p.indicator})")
    for x in labels:
        if id(x) not in matched_labels:
            misses.append(f"missed  {x['paragraph']} {x['text']!r} ({x['indicator']})")
    for p, x in pairs:
        where = f"{p.paragraph} {x['text']!r}"
        got = (p.value, p.value_high, p.unit)
        want = (x["value"], x.get("value_high"), x["unit"])
        if _same(got[0], want[0]) and _same(got[1], want[1]) and got[2] == want[2]:
            t["value+unit"].correct += 1
        else:
            misses.append(f"value   {where}: {got} != {want}")
        if x["kind"] == "target":
            t["kind (targets)"].predicted += 1
        if p.kind == x["kind"]:
            t["kind"].correct += 1
            t["kind (targets)"].correct += x["kind"] == "target"
        else:
            misses.append(f"kind    {where}: {p.kind} != {x['kind']}")
        for field, strict in (("indicator", False), ("indicator (strict)", True)):
            if p.indicator and x["indicator"]:
                if indicator_matches(p.indicator, x["indicator"], strict=strict):
                    t[field].correct += 1
                elif not strict:
                    misses.append(f"indic.  {where}: {p.indicator} != {x['indicator']}")
        for field in ("qualifier", "direction", "rank"):
            said, meant = getattr(p, field), x.get(field)
            if said is not None and said == meant:
                t[field].correct += 1
            elif said != meant:
                misses.append(f"{field[:7]:7} {where}: {said} != {meant}")


def _same(a: float | None, b: float | None) -> bool:
    return a is None if b is None else a is not None and abs(a - b) < 1e-9


def table(tallies: dict[str, Tally]) -> str:
    lines = [f"{'field':<20}{'precision':>10}{'recall':>8}{'n(pred)':>9}{'n(label)':>9}"]
    for f in FIELDS:
        t = tallies[f]
        lines.append(f"{f:<20}{t.precision:>10.3f}{t.recall:>8.3f}{t.predicted:>9}{t.labelled:>9}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("--json", action="store_true", help="print the scores as JSON, per set")
    p.add_argument("--misses", action="store_true", help="also print every disagreement")
    p.add_argument("--set", choices=list(SETS), help="score one label set only")
    p.add_argument("--report", metavar="NAME", help="score one report of the set(s) only")
    p.add_argument("--per-report", action="store_true", help="also a table per report")
    args = p.parse_args(argv)
    sets = {args.set: SETS[args.set]} if args.set else SETS
    scores: dict[str, Any] = {}
    for name, path in sets.items():
        tallies, misses = evaluate(path, only=args.report)
        if args.json:
            scores[name] = {
                f: {"precision": t.precision, "recall": t.recall, "predicted": t.predicted,
                    "labelled": t.labelled}
                for f, t in tallies.items()
            }  # fmt: skip
            continue
        print(f"== {name} ({path.relative_to(ROOT)})")
        print(table(tallies))
        if args.per_report:
            for report in json.loads(path.read_text(encoding="utf-8"))["reports"]:
                print(f"\n{report}\n{table(evaluate(path, only=report)[0])}")
        if args.misses:
            print()
            print("\n".join(misses))
        print()
    if args.json:
        json.dump(scores, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
