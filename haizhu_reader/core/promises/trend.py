"""One indicator across the years of a place's reports: each year's target and its result.

The target of year Y is in report Y's plan (the 主要预期目标 first); its result is in
report Y+1's review of Y, paired and judged as ``pairing`` pairs last year's promises.
A year with a report of Y+1 but none of Y still has its result; a year whose report
Y+1 is not on the shelf has its target only (no verdict yet).

An indicator is charted in one *measure*: one base unit, and a change (增长6%) or a
level (3%以内). Asked for 地区生产总值增长 (a rate word at the end), it is the change;
else the measure most of its targets are stated in. A year's target in another measure
is still listed (the table shows it), never drawn on the same axis.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from haizhu_reader.core.figures.extract import Figure, base_value, extract
from haizhu_reader.core.promises import names
from haizhu_reader.core.promises.pairing import (
    Result,
    Target,
    WordsIndex,
    pair,
    plan_year,
    results_of,
    targets_of,
)
from haizhu_reader.core.promises.verdict import Verdict, is_change, signed
from haizhu_reader.core.report import Report

_RATE_WORDS = ("增长", "增速", "增幅", "涨幅", "降幅", "下降", "增长率")


@dataclass(frozen=True)
class Measure:
    """What a trend is drawn in: a base unit's printed unit, and change or level."""

    unit: str
    change: bool

    def holds(self, figure: Figure) -> bool:
        return (
            figure.value is not None
            and base_value(1.0, figure.unit)[1] == base_value(1.0, self.unit)[1]
            and is_change(figure) == self.change
        )

    def value(self, figure: Figure, high: bool = False) -> float | None:
        """The figure's number in this measure's unit, signed (下降3% is −3)."""
        value = figure.value_high if high and figure.value_high is not None else figure.value
        if value is None or not self.holds(figure):
            return None
        scale = base_value(1.0, self.unit)[0]
        return signed(base_value(value, figure.unit)[0] / scale, figure)


@dataclass(frozen=True)
class TrendPoint:
    """A year: its target (from report Y), its result (from report Y+1), the verdict.

    ``verdict`` is None while report Y+1 is not on the shelf, or when the year has no
    target; ``target_report`` and ``result_report`` are the reports' content hashes.
    """

    year: int
    target: Figure | None
    target_report: str | None
    result: Figure | None
    result_report: str | None
    verdict: Verdict | None
    qualifier: str | None = None

    def to_json(self) -> dict[str, Any]:
        t, r = self.target, self.result
        return {
            "year": self.year,
            "target": None
            if t is None
            else {
                "text": t.text,
                "value": t.value,
                "value_high": t.value_high,
                "unit": t.unit,
                "qualifier": self.qualifier,
                "paragraph": t.paragraph,
                "report": self.target_report,
            },
            "result": None
            if r is None
            else {
                "text": r.text,
                "value": r.value,
                "unit": r.unit,
                "paragraph": r.paragraph,
                "report": self.result_report,
            },
            "verdict": self.verdict,
        }


@dataclass(frozen=True)
class Trend:
    indicator: str
    measure: Measure | None  # None: no year states it in numbers
    points: tuple[TrendPoint, ...]

    def to_json(self, place: str) -> dict[str, Any]:
        """``--trend --json`` (README)."""
        return {
            "indicator": self.indicator,
            "place": place,
            "unit": self.measure.unit if self.measure else None,
            "change": self.measure.change if self.measure else None,
            "points": [p.to_json() for p in self.points],
        }


@dataclass(frozen=True)
class Year:
    """A report of the series, read once: its plan year, targets and review results."""

    year: int
    content_hash: str
    targets: tuple[Target, ...]
    results: tuple[Result, ...]
    words: WordsIndex


def read_year(report: Report, figures: Sequence[Figure] | None = None) -> Year | None:
    """What a trend needs of a report; None when its year cannot be told."""
    year = plan_year(report)
    if year is None:
        return None
    found = extract(report) if figures is None else figures
    return Year(
        year,
        report.content_hash,
        tuple(targets_of(report, found)),
        tuple(results_of(report, found, year - 1)),
        WordsIndex(report),
    )


def series(years: Sequence[Year]) -> dict[int, Year]:
    """One report per year (the first given wins), by year."""
    out: dict[int, Year] = {}
    for y in years:
        out.setdefault(y.year, y)
    return dict(sorted(out.items()))


def indicators(years: Sequence[Year]) -> list[tuple[str, int]]:
    """The indicators of the series' 主要预期目标, as (name, how many years name it), the
    most named first (then in their first report's order): a trend view's choices."""
    counted: Counter[str] = Counter()
    shown: dict[str, str] = {}
    order: dict[str, int] = {}
    for y in series(years).values():
        keys = {names.key(t.indicator) for t in y.targets if t.figure.main_target}
        for t in y.targets:
            k = names.key(t.indicator)
            if t.figure.main_target and k in keys:
                shown.setdefault(k, t.indicator)
                order.setdefault(k, len(order))
                keys.discard(k)
                counted[k] += 1
    ranked = sorted(counted, key=lambda k: (-counted[k], order[k]))
    return [(shown[k], counted[k]) for k in ranked]


def trend(years: Sequence[Year], indicator: str) -> Trend:
    """The targets and results of ``indicator`` across ``years`` (see the module docstring)."""
    by_year = series(years)
    wanted = names.key(indicator)
    targets = {
        y: [t for t in ys.targets if names.key(t.indicator) == wanted] for y, ys in by_year.items()
    }
    measure = _measure(indicator, [t.figure for found in targets.values() for t in found])
    shown = next((t.indicator for found in targets.values() for t in found), indicator)
    years_wanted = sorted({*by_year, *(y - 1 for y in by_year)})
    points = []
    for year in years_wanted:
        report, after = by_year.get(year), by_year.get(year + 1)
        candidates = targets.get(year, [])
        chosen = _choose(candidates, measure)
        results = [r for r in after.results if names.key(r.indicator) == wanted] if after else []
        if chosen is not None and report is not None:
            if after is None:
                points.append(
                    TrendPoint(year, chosen.figure, report.content_hash, None, None, None)
                )
                continue
            promise = pair(chosen, results, after.words)
            points.append(
                TrendPoint(
                    year,
                    chosen.figure,
                    report.content_hash,
                    promise.result,
                    after.content_hash if promise.result is not None else None,
                    promise.verdict,
                    promise.qualifier,
                )
            )
            continue
        result = next((r.figure for r in results if measure and measure.holds(r.figure)), None)
        result = result or (results[0].figure if results else None)
        if result is not None and after is not None:
            points.append(TrendPoint(year, None, None, result, after.content_hash, None))
    if not any(p.target or p.result for p in points):
        points = []
    return Trend(shown, measure, tuple(points))


def _measure(indicator: str, targets: Sequence[Figure]) -> Measure | None:
    numeric = [f for f in targets if f.value is not None]
    if indicator.endswith(_RATE_WORDS):
        numeric = [f for f in numeric if is_change(f)] or numeric
    if not numeric:
        return None

    def kind(f: Figure) -> tuple[str, bool]:
        return base_value(1.0, f.unit)[1], is_change(f)

    commonest = Counter(kind(f) for f in numeric).most_common(1)[0][0]
    unit = next(f.unit for f in numeric if kind(f) == commonest)
    return Measure(unit, commonest[1])


def _choose(candidates: Sequence[Target], measure: Measure | None) -> Target | None:
    """A year's target: the 主要预期目标's first, in the measure if one is."""
    ranked = sorted(candidates, key=lambda t: not t.figure.main_target)
    if measure is not None:
        for t in ranked:
            if measure.holds(t.figure):
                return t
    return ranked[0] if ranked else None
