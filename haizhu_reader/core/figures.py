"""Key figures: every quantitative statement in a report's speech, linked to its sentence.

A *figure* is an Arabic-numeral quantity with a unit as printed (2502.52亿元, 1.4%, 225个,
72万平方米, 20.6公里, 100%), a bare 万/亿 count (突破500万), a fraction (近1/5, 7.95/10万), a
ratio (4.0∶37.7∶58.3), a range (4.5%—5%, one figure) or a streak (连续3年, 连续第5年).

Not figures, by decision:

* years, dates and anniversaries (2022年, 11月6日, 75周年); ordinals (第十七届, 第41次,
  10号线); names and formulas (5G, PM2.5, NO2, T3, 5.0改革, 世界500强, 5A级, 20万吨级,
  12英寸) and anything inside quotation marks (“1+6+N”, “10·22”, “全国50强”);
* category thresholds that name a class of things rather than measure one (10亿元以上重大产业
  项目, 60岁及以上人群, 0—6岁儿童), rank cut-offs (排名前1%学科), the speech's own framing
  (抓好以下14个方面的工作), and periods that are not streaks (近3年, 用13年时间);
* every quantity written in Chinese numerals (三大产业方向, 五个方面, 十件民生实事, 近五成):
  in these reports they are overwhelmingly names and list framing. ``5大`` likewise.

Normalisation: ``value`` is the number as printed, in the printed unit's scale; ``unit`` is the
printed multiplier and unit (亿元, 万人, 万平方米, 个百分点; ％ becomes %). So 2502.52亿元 is
(2502.52, "亿元") and 200多万人 is (200, "万人") with qualifier 余. A range keeps its lower bound in
``value`` and its upper bound in ``upper``; a fraction or ratio keeps its first term and puts the
rest in the unit (1/5 -> (1, "/5"), 2.50:1 -> (2.5, "∶1")). ``base_value`` converts to base units.

Fields, as the hand labels in ``tests/data/figures_labels.json`` also follow them:

* ``text`` spans the figure with its change verb (增长, 下降, 年均增长, 增速), its qualifiers and
  连续; verbs that state a level (达, 为, 提高到) stay outside.
* ``indicator`` is what the figure measures, read from its own clause: the clause with the figure
  cut out, without scope words (全年, 全区, 其中…), frame verbs (实现, 完成, 达到, 带动, 累计) and
  examples before 等. A figure with nothing of its own (地区生产总值2502.52亿元、增长1.4%)
  inherits the previous figure's indicator in the sentence.
* ``kind`` is ``target`` for every figure of the plan part(s) and after 力争/确保/目标/预期 in
  the sentence; otherwise ``result``.
* ``qualifier`` is one of 超 以上 余 左右 不低于 约 近 以内 (printed synonyms are folded:
  超过/突破 -> 超, 多 -> 余), else a rank stated with the figure (全市第一, 全市前列).
* ``direction`` is ``up``/``down`` when the figure is a change (增长1.4%, 下降11.8%, 提升1.3个
  百分点, 增速15%), ``None`` for a level.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from haizhu_reader.core.figures_clause import indicator, segments
from haizhu_reader.core.figures_scan import (
    DIGITS,
    MULTIPLIERS,
    RANK_RE,
    Bounds,
    Direction,
    Raw,
    only_separators,
    scan,
)
from haizhu_reader.core.report import PART, Paragraph, Report

Kind = Literal["result", "target"]

# Columns in the order a table shows them (the GUI model and the CSV use this order).
COLUMNS = ("text", "value", "unit", "indicator", "kind", "qualifier", "direction")

_TARGET_RE = re.compile(r"力争|确保|目标|预期(?!寿命)")
# 争取 and 计划 are left out: in a review they mean "secured" and name programmes.
_PLAN_RE = re.compile(r"安排|任务|目标|计划|打算")
_NOT_PLAN_RE = re.compile(r"回顾|完成情况|过去")


# -- the model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One quantitative statement: ``paragraph.text[start:end] == text``."""

    paragraph: str
    section: str  # id of the innermost section (for Report.place_label)
    start: int
    end: int
    text: str
    value: float
    unit: str
    indicator: str | None
    kind: Kind
    qualifier: str | None = None
    direction: Direction | None = None
    upper: float | None = None  # a range's upper bound (4.5%—5%)
    rank: str | None = None  # a rank stated with the figure (全市第一), also in qualifier

    def to_json(self) -> dict[str, Any]:
        """The ``--figures --json`` schema."""
        return {
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "unit": self.unit,
            "indicator": self.indicator,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "direction": self.direction,
        }


@dataclass(frozen=True)
class Comparison:
    """An indicator reported both as last year's result and as this year's target."""

    indicator: str
    results: tuple[Figure, ...]
    targets: tuple[Figure, ...]


def base_value(value: float, unit: str) -> tuple[float, str]:
    """``value unit`` in base units: (2502.52, "亿元") -> (250252000000.0, "元").

    Fractions and ratios become plain numbers ((1, "/5") -> (0.2, "")); 成 becomes %.
    """
    if unit.startswith(("/", "∶")):
        m = re.match(r"(\d+(?:\.\d+)?)(万亿|亿|万)?(?:∶|$)", unit[1:])
        if m and float(m.group(1)):
            return value / (float(m.group(1)) * MULTIPLIERS.get(m.group(2) or "", 1.0)), ""
        return value, unit
    if unit == "成":
        return value * 10, "%"
    for prefix, factor in MULTIPLIERS.items():  # 万亿 before 万
        if unit.startswith(prefix):
            return value * factor, unit[len(prefix) :]
    return value, unit


# -- extraction ----------------------------------------------------------------------------


def plan_parts(report: Report) -> set[str]:
    """Ids of the parts setting out the plan: titled 安排/任务/目标…, else the last part."""
    parts = [s for s in report.sections if s.level == PART and s.number]
    plan = {s.id for s in parts if _PLAN_RE.search(s.title) and not _NOT_PLAN_RE.search(s.title)}
    if not plan and parts:
        plan = {parts[-1].id}
    return plan


def extract(report: Report) -> list[Figure]:
    """Every figure in the speech, in reading order."""
    plan = plan_parts(report)
    part_of: dict[str, str] = {}
    for part in report.sections:
        stack = [part]
        while stack:
            s = stack.pop()
            part_of[s.id] = part.id
            stack.extend(s.children)
    figures: list[Figure] = []
    for section, paragraph in report.body_paragraphs():
        figures.extend(extract_paragraph(paragraph, section.id, part_of[section.id] in plan))
    return figures


def extract_paragraph(paragraph: Paragraph, section: str, plan: bool) -> list[Figure]:
    """The figures of one paragraph; ``plan`` when it belongs to the plan part."""
    text = paragraph.text.translate(DIGITS)  # same length: offsets stay valid
    bounds = Bounds(text, paragraph.lead)
    raws = scan(text, bounds)
    out: list[Figure] = []
    prev: tuple[Raw, Figure] | None = None
    cues: dict[int, int] = {}  # sentence start -> end of its first target word (or -1)
    for raw, (gap, tail, s_start) in zip(raws, segments(text, raws, bounds), strict=True):
        if raw.rank:
            tail = RANK_RE.sub("", tail, count=1)
        words, stated = indicator(gap, tail, raw.unit)
        name = words or None
        direction = raw.direction or stated
        if prev is not None and prev[1].start >= s_start:  # same sentence
            name = name or prev[1].indicator
            if (
                direction is None
                and raw.unit == prev[1].unit
                and only_separators(text[prev[0].end : raw.start])
            ):
                direction = prev[1].direction  # 分别增长3.6%、6%
        if s_start not in cues:  # looked for once per sentence, not once per figure
            cue = _TARGET_RE.search(text, s_start, bounds.sentence(s_start)[1])
            cues[s_start] = cue.end() if cue else -1
        target = plan or 0 <= cues[s_start] <= raw.start
        fig = Figure(
            paragraph=paragraph.id,
            section=section,
            start=raw.start,
            end=raw.end,
            text=paragraph.text[raw.start : raw.end],
            value=raw.value,
            unit=raw.unit,
            indicator=name,
            kind="target" if target else "result",
            qualifier=raw.qualifier or raw.rank,
            direction=direction,
            upper=raw.value_high,
            rank=raw.rank,
        )
        out.append(fig)
        prev = (raw, fig)
    for i, (fig, nxt) in enumerate(itertools.pairwise(out)):  # 3镇65村入选…: one predicate
        inherited = i > 0 and fig.indicator == out[i - 1].indicator
        if (
            nxt.start == fig.end
            and nxt.indicator
            and fig.indicator != nxt.indicator
            and (fig.indicator is None or inherited)
        ):
            out[i] = replace(fig, indicator=nxt.indicator)
    return out
