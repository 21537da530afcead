"""Key figures: every quantitative statement in a report, linked to its sentence.

A *figure* is an Arabic-numeral quantity with a unit as printed (2502.52亿元, 1.4%, 225个,
72万平方米, 20.6公里, 100%, 1.3万亿斤, 5万户次), a bare 万/亿 count (突破500万), a fraction (近1/5,
7.95/10万), a ratio (4.0∶37.7∶58.3), a range (4.5%—5%, 2-3家: one figure) or a streak (连续3年).
The targets of a 主要预期目标 list that have no number are figures too, *qualitative* ones
(居民收入增长与经济增长基本同步: no value, the wording kept).

Not figures, by decision:

* years, dates and anniversaries (2022年, 11月6日, 75周年); ordinals (第十七届, 第41次,
  10号线); names and formulas (5G, PM2.5, NO2, T3, 5.0改革, 世界500强, 5A级, 20万吨级,
  12英寸, 24小时书店, 520万方原油商储库, 30万吨铝制品项目: a capacity or duration written
  straight before a noun names the thing) and anything inside quotation marks (“1+6+N”,
  “10·22”, “全国50强”);
* category thresholds that name a class of things rather than measure one (10亿元以上重大产业
  项目, 60岁及以上人群, 0—6岁儿童), rank cut-offs (排名前1%学科), the speech's own framing
  (抓好以下14个方面的工作), and periods that are not streaks (近3年, 用13年时间);
* every quantity written in Chinese numerals (三大产业方向, 五个方面, 十件民生实事, 近五成):
  in these reports they are overwhelmingly names and list framing. ``5大`` likewise.

Normalisation: ``value`` is the number as printed, in the printed unit's scale; ``unit`` is
the printed multiplier and unit (亿元, 万人, 万平方米, 个百分点, 万户次; ％ becomes %). So
2502.52亿元 is (2502.52, "亿元") and 200多万人 is (200, "万人") with qualifier 余. A range
keeps both ends: its lower in ``value``, its upper in ``value_high`` (2-3家: 2, 3, 家). A
fraction or ratio keeps its first term and puts the rest in the unit (1/5 -> (1, "/5"),
2.50:1 -> (2.5, "∶1")); a sign is kept (增长-1.5%: -1.5). ``base_value`` converts to base units.

Fields, as the hand labels in ``tests/data/figures_labels.json`` and
``tests/data/figures/labels.json`` also follow them:

* ``text`` spans the figure with its change verb (增长, 下降, 年均增长, 增速, 缩短), its qualifiers
  and 连续; verbs that state a level (达, 为, 提高到) stay outside. A qualitative target's text is
  its wording.
* ``indicator`` names what the figure measures, read from its own clause: the clause with the
  figure cut out, without scope words (全年, 全区, 其中…), frame verbs (实现, 完成, 达到, 带动,
  累计) and examples before 等. A figure with nothing of its own (地区生产总值2502.52亿元、增长1.4%)
  inherits the previous figure's indicator in the sentence; one whose clause names nothing but
  the clause before it takes that (城乡低保对象…补差水平，分别从每月554元…). A count of people
  or visits after a bare verb names the count (转运近80万人: 转运人数); a streak with a rank names
  what lasted (新增入库率连续3年全市第一: 新增入库率全市第一). Figures said 分别 of a list of
  measures are named apart (城乡居民人均可支配收入分别增长3.6%、6%: 城镇…, 农村…). Where the
  clause names no measure, only a scene (在49天的苦战鏖战中), the indicator is None: the figure
  is *narrative*, listed in the table but kept out of results versus targets.
* ``kind`` is ``target`` for every figure of a part about the coming year's work and of a plan
  appendix (``plan``: 民生实事), of a 主要预期目标 list, and after 力争/确保/预期目标/
  目标是 in its sentence unless the part's title says it is a review; otherwise ``result``.
  ``main_target`` marks the 主要预期目标 list's targets.
* ``qualifier`` is one of 超 以上 余 左右 不低于 约 近 以内 低于 (printed synonyms are folded:
  超过/突破/高于 -> 超, 多 -> 余, 不超过/不高于 -> 以内, 不到/不足 -> 低于).
* ``rank`` is a rank stated with the figure (居全省第一, 全市前列, 居世界主要经济体前列): a rank,
  never a qualifier.
* ``direction`` is ``up``/``down`` when the figure is a change (增长1.4%, 下降11.8%, 提升1.3个
  百分点, 增速15%, 缩短1小时, 微降0.2%, 再提高6元。), ``None`` for a level.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from haizhu_reader.core.figures.clause import (
    Naming,
    indicator,
    qualitative_targets,
    respective_names,
    segments,
    topic_words,
)
from haizhu_reader.core.figures.plan import TARGET_CUE, blocks, main_list
from haizhu_reader.core.figures.scan import (
    DIGITS,
    MULTIPLIERS,
    RANK_RE,
    Bounds,
    Direction,
    Raw,
    only_separators,
    scan,
)
from haizhu_reader.core.report import Paragraph, Report

Kind = Literal["result", "target"]

# Columns in the order a table shows them (the GUI model and the CSV use this order).
COLUMNS = ("text", "value", "unit", "indicator", "kind", "qualifier", "direction")


# -- the model ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One quantitative statement: ``paragraph.text[start:end] == text``."""

    paragraph: str
    section: str  # id of the innermost section, or of the appendix (for place labels)
    start: int
    end: int
    text: str
    value: float | None  # None: a qualitative target (居民收入增长与经济增长基本同步)
    unit: str
    indicator: str | None  # None: narrative, no measure named (在49天的苦战鏖战中)
    kind: Kind
    qualifier: str | None = None
    direction: Direction | None = None
    value_high: float | None = None  # a range's upper end (4.5%—5%)
    rank: str | None = None  # a rank stated with the figure (全市第一)
    main_target: bool = False  # one of the 主要预期目标 list

    @property
    def narrative(self) -> bool:
        """The figure's clause tells a story around it rather than naming what it measures."""
        return self.indicator is None

    def to_json(self) -> dict[str, Any]:
        """The ``--figures --json`` schema (README)."""
        return {
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "value_high": self.value_high,
            "unit": self.unit,
            "indicator": self.indicator,
            "kind": self.kind,
            "qualifier": self.qualifier,
            "direction": self.direction,
            "rank": self.rank,
            "narrative": self.narrative,
            "main_target": self.main_target,
        }


@dataclass(frozen=True)
class Comparison:
    """A target (or several of one indicator) beside last year's results, if the report has any."""

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


def extract(report: Report) -> list[Figure]:
    """Every figure of the speech and of its appendices (not the glossary), in reading order."""
    figures: list[Figure] = []
    for block in blocks(report):
        figures.extend(extract_paragraph(block.paragraph, block.section, block.plan, block.cues))
    return figures


def extract_paragraph(
    paragraph: Paragraph, section: str, plan: bool, cues: bool = True
) -> list[Figure]:
    """The figures of one paragraph; ``plan`` when it is about the coming year's work.

    ``cues``: whether a sentence's own target words (力争, 确保, 目标是) make its figures
    targets (not in a part titled a review: ``plan.Block``).
    """
    text = paragraph.text.translate(DIGITS)  # same length: offsets stay valid
    bounds = Bounds(text, paragraph.lead)
    raws = scan(text, bounds)
    listed = main_list(text)
    out: list[Figure] = []
    namings: list[Naming] = []
    prev: tuple[Raw, Figure] | None = None
    said: dict[int, int] = {}  # sentence start -> end of its first target word (or -1)
    for raw, seg in zip(raws, segments(text, raws, bounds), strict=True):
        tail = RANK_RE.sub("", seg.tail, count=1) if raw.rank else seg.tail
        naming = indicator(seg.gap, tail, raw)
        name = None if naming.narrative else naming.words or topic_words(seg.topic) or None
        direction = raw.direction or naming.direction
        s_start = seg.sentence_start
        if prev is not None and prev[1].start >= s_start:  # same sentence
            if name is None and not naming.narrative:
                name = prev[1].indicator
            if (
                direction is None
                and raw.unit == prev[1].unit
                and only_separators(text[prev[0].end : raw.start])
            ):
                direction = prev[1].direction  # 分别增长3.6%、6%
        if s_start not in said:  # looked for once per sentence, not once per figure
            cue = TARGET_CUE.search(text, s_start, bounds.sentence(s_start)[1]) if cues else None
            said[s_start] = cue.end() if cue else -1
        main = listed is not None and listed[0] <= raw.start < listed[1]
        target = plan or main or 0 <= said[s_start] <= raw.start
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
            qualifier=raw.qualifier or naming.qualifier,
            direction=direction,
            value_high=raw.value_high,
            rank=raw.rank,
            main_target=main,
        )
        out.append(fig)
        namings.append(naming)
        prev = (raw, fig)
    _one_predicate(out)
    _respectively(out, namings, bounds)
    if listed is not None:
        out = _with_qualitative(out, paragraph, section, listed)
    return out


def _one_predicate(out: list[Figure]) -> None:
    """3镇65村入选…: figures side by side share the predicate after the last."""
    for i, (fig, nxt) in enumerate(itertools.pairwise(out)):
        inherited = i > 0 and fig.indicator == out[i - 1].indicator
        if (
            nxt.start == fig.end
            and nxt.indicator
            and fig.indicator != nxt.indicator
            and (fig.indicator is None or inherited)
        ):
            out[i] = replace(fig, indicator=nxt.indicator)


def _respectively(out: list[Figure], namings: list[Naming], bounds: Bounds) -> None:
    """Figures said 分别 of a list of measures take its names in turn (城镇…, 农村…)."""
    i = 0
    while i < len(out):
        subject = out[i].indicator
        if not namings[i].respectively or subject is None:
            i += 1
            continue
        sentence = bounds.sentence(out[i].start)
        j = i + 1
        while (
            j < len(out)
            and out[j].start < sentence[1]
            and out[j].indicator == subject
            and not namings[j].respectively
        ):
            j += 1
        names = respective_names(subject, j - i)
        if names:
            for k in range(i, j):
                out[k] = replace(out[k], indicator=names[(k - i) % len(names)])
        last = out[j - 1].qualifier  # 分别控制在5.5%和3.5%以内: the bound is said once, for all
        if last and all(f.qualifier is None for f in out[i : j - 1]):
            out[i : j - 1] = [replace(f, qualifier=last) for f in out[i : j - 1]]
        i = j


def _with_qualitative(
    out: list[Figure], paragraph: Paragraph, section: str, listed: tuple[int, int]
) -> list[Figure]:
    """The figures with the 主要预期目标 list's targets that have no number, in text order."""
    taken = [(f.start, f.end) for f in out if listed[0] <= f.start < listed[1]]
    found = [
        Figure(
            paragraph=paragraph.id,
            section=section,
            start=start,
            end=end,
            text=paragraph.text[start:end],
            value=None,
            unit="",
            indicator=name,
            kind="target",
            main_target=True,
        )
        for start, end, name in qualitative_targets(paragraph.text, *listed, taken)
    ]
    return sorted([*out, *found], key=lambda f: f.start) if found else out
