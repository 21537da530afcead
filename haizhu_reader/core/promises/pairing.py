"""Last year's promises beside this year's results: every target of report N−1, the result
report N gives for it in its review of year N−1, a verdict and how sure the pairing is.

The promises are the targets of report N−1 (``figures.extract``): the 主要预期目标 list
first, in its order, qualitative ones included, then every other numeric target of
its plan in reading order. A target that names several statistics (城镇新增就业人数、
单位地区生产总值能耗下降幅度完成省下达任务) is a promise for each. Multi-year targets
(年均增长, a five-year plan's) are not the year's promises and are left out.

The results are the results of report N's review of the year: the figures of its
parts that are not the plan, except those about a longer period — a paragraph opening
on 这五年, 过去五年, 十四五时期, a sentence naming another year (从2020年的…提升至2025年
的…), 年均 and 累计 figures. Where the review has no figure for a statistic but a
clause of words about it (居民消费价格保持总体稳定), that clause is the result, and the
verdict unclear.

Pairing is by name (``names.key``) and then by kind: a target takes the first result of
its statistic that is comparable (one base unit, a change for a change, a level for a
level: 增长6% with 增长2.1%, not with 12698.4亿元); if none is, the first result of its
statistic is shown beside it, unclear, never judged across units. ``confidence`` says
how sure the pairing is: the name score (1.0 same name, 0.9 folded names), halved
when the units differ, 0.8 of it for a result in words; for "not reported", how far
the nearest refused name was (1 − half its similarity, at most 0.9: a report may
always word a result in a way no name matches).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from haizhu_reader.core.figures.extract import Figure, extract
from haizhu_reader.core.figures.plan import blocks, main_list
from haizhu_reader.core.figures.scan import Bounds
from haizhu_reader.core.promises import names
from haizhu_reader.core.promises.verdict import (
    PARITY_WORD,
    Reason,
    Verdict,
    comparable,
    is_ceiling,
    is_change,
    judge,
    qualitative_goal,
)
from haizhu_reader.core.report import SECTION, Paragraph, Report, Section

UNITS_DIFFER = 0.5  # confidence factor of a pairing across units or kinds (never judged)
IN_WORDS = 0.8  # confidence factor of a result said in words only
NOT_REPORTED_MAX = 0.9

# A paragraph (its headline, its first sentence, or its section's title) about years.
_MULTI_YEAR = re.compile(
    r"[两二三四五六七八九十]年(?:来|间|以来)|五年(?!规划|计划|行动)|"
    r"十[一二三四五六七八九]五”?(?:时期|期间|以来)"
)
# A plan's title about a period (“十三五”目标任务, 今后五年奋斗目标) unless it names a year.
_PERIOD_TITLE = re.compile(_MULTI_YEAR.pattern + r"|十[一二三四五六七八九]五|远景|二〇三五")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)年")
_YEAR_IN = re.compile(r"(?:19|20)\d\d")
_CAPPED = re.compile(r"控制在[^，,；;。]{0,6}$")
_CLAUSE = re.compile(r"[^，,；;。！？!?：:]+")
_DIGIT = re.compile(r"[0-9０-９]")
_CUMULATIVE = re.compile(r"累计|总计|合计|共计")


@dataclass(frozen=True)
class Promise:
    """One target of report N−1 with what report N says of it.

    ``indicator`` names the statistic (one of a target's list); ``result`` is None when
    not reported, a figure with ``value`` None when said in words only.
    """

    indicator: str
    target: Figure
    result: Figure | None
    verdict: Verdict
    confidence: float
    reason: Reason
    qualifier: str | None  # the target's: its figure's, or 持平 for a qualitative 与上年持平

    def to_json(self) -> dict[str, Any]:
        """An item of ``--promises --json`` (README)."""
        t, r = self.target, self.result
        return {
            "indicator": self.indicator,
            "target": {
                "text": t.text,
                "value": t.value,
                "value_high": t.value_high,
                "unit": t.unit,
                "qualifier": self.qualifier,
                "paragraph": t.paragraph,
            },
            "result": None
            if r is None
            else {"text": r.text, "value": r.value, "unit": r.unit, "paragraph": r.paragraph},
            "verdict": self.verdict,
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True)
class Target:
    """A promise before it is paired: its statistic, the figure, and whether it is a ceiling."""

    indicator: str
    figure: Figure
    ceiling: bool


@dataclass(frozen=True)
class Result:
    """A result of the review: its statistic's name and the figure."""

    indicator: str
    figure: Figure


# -- the promises and the results -------------------------------------------------------------


def targets_of(report: Report, figures: Sequence[Figure] | None = None) -> list[Target]:
    """The promises of a report (see the module docstring), 主要预期目标 first."""
    found = extract(report) if figures is None else figures
    texts = {p.id: p.text for p in report.all_paragraphs()}
    periods = _period_paragraphs(report)
    main = [f for f in found if f.kind == "target" and f.main_target]
    rest = [f for f in found if f.kind == "target" and not f.main_target]
    out: list[Target] = []
    seen: set[tuple[str, str]] = set()
    for f in main + rest:
        if f.indicator is None or "年均" in f.text or f.paragraph in periods:
            continue
        text = texts.get(f.paragraph, "")
        before = text[max(0, f.start - 12) : f.start]
        if "年均" in before[-4:] or (f.main_target and _period_list(text)):
            continue
        capped = bool(_CAPPED.search(before))
        for name in names.split_names(f.indicator, f.value is None):
            shown = names.display(name)
            if (names.key(shown), f.text) in seen:
                continue
            seen.add((names.key(shown), f.text))
            out.append(Target(shown, f, is_ceiling(f, shown, capped)))
    return out


def _period_paragraphs(report: Report) -> set[str]:
    """Paragraphs about a period, not the year: under a title naming one and no year
    (今后五年奋斗目标和主要任务, “十五五”时期主要目标任务), or opening on one."""

    def rec(sections: list[Section], titled: bool) -> None:
        for s in sections:
            here = titled or bool(_PERIOD_TITLE.search(s.title) and not _YEAR_IN.search(s.title))
            for p in s.paragraphs:
                if here or _MULTI_YEAR.search(_first_sentence(p.text)):
                    out.add(p.id)
            rec(s.children, here)

    out: set[str] = set()
    rec(report.sections, False)
    return out


def _period_list(text: str) -> bool:
    """Whether a paragraph's 主要目标 list is a period's (“十五五”时期…的主要目标是：)."""
    listed = main_list(text)
    if listed is None:
        return False
    head = text[: listed[0]]
    cut = max(head.rfind(mark) for mark in "。；;！？")
    return bool(_MULTI_YEAR.search(head[cut + 1 :]))


def _first_sentence(text: str) -> str:
    return re.split(r"[。；;！!？?]", text, maxsplit=1)[0]


def plan_year(report: Report) -> int | None:
    """The year a report's plan is for, the year its review looks back on plus one: the
    year it was delivered in (the next, when delivered in November or December)."""
    if report.date and (m := re.match(r"((?:19|20)\d\d)-(\d\d)", report.date)):
        return int(m.group(1)) + (1 if int(m.group(2)) >= 11 else 0)
    found = _YEAR.findall(report.title) or re.findall(r"(?:19|20)\d\d", report.title)
    return int(found[0]) if found else None


def results_of(
    report: Report, figures: Sequence[Figure] | None = None, year: int | None = None
) -> list[Result]:
    """The results of a report's review of ``year`` (default: the year before its plan's),
    in reading order (see the module docstring)."""
    found = extract(report) if figures is None else figures
    if year is None:
        planned = plan_year(report)
        year = planned - 1 if planned is not None else None
    reviewed = _review_paragraphs(report)
    bounds: dict[str, Bounds] = {}
    out: list[Result] = []
    for f in found:
        p = reviewed.get(f.paragraph)
        if p is None or f.kind != "result" or f.indicator is None or f.value is None:
            continue
        if "年均" in f.text:
            continue
        b = bounds.get(p.id) or bounds.setdefault(p.id, Bounds(p.text, p.lead))
        s_start, s_end = b.sentence(f.start)
        sentence = p.text[s_start:s_end]
        if year is not None and any(int(y) != year for y in _YEAR.findall(sentence)):
            continue  # 从2020年的1.09万亿元提升至2025年的1.32万亿元
        if _CUMULATIVE.search(p.text, b.clause_start(s_start, f.start), f.start):
            continue
        for name in names.split_names(f.indicator, False):
            out.append(Result(names.display(name), f))
    return out


def _review_paragraphs(report: Report) -> dict[str, Paragraph]:
    """The paragraphs of the review of the year, by id (not the plan, not a period's)."""
    sections = {s.id: s for s in report.walk()}
    out: dict[str, Paragraph] = {}
    period = _period_paragraphs(report)  # “十二五”重大成就: five years' totals, not the year's
    for block in blocks(report):
        if block.plan or block.paragraph.id in period:
            continue
        p = block.paragraph
        section: Section | None = sections.get(block.section)
        title = section.title if section is not None and section.level >= SECTION else ""
        if _MULTI_YEAR.search(title) or _MULTI_YEAR.search(_first_sentence(p.text)):
            continue
        out[p.id] = p
    return out


# -- pairing -------------------------------------------------------------------------------


def pair(target: Target, results: Sequence[Result], words: WordsIndex | None = None) -> Promise:
    """The promise ``target`` beside the best result for its statistic (module docstring)."""
    f = target.figure
    goal = qualitative_goal(f)
    qualifier = f.qualifier or (PARITY_WORD if goal == "parity" else None)
    scored = [(names.name_score(target.indicator, r.indicator), r) for r in results]
    named = [(s, r) for s, r in scored if s > 0]
    if named:
        if f.value is None and goal is None:
            score, best = _preferred(named, f)
            return Promise(
                target.indicator, f, best.figure, "unclear", score, Reason.QUALITATIVE, qualifier
            )
        if goal is not None:
            usable = [(s, r) for s, r in named if is_change(r.figure)] or named
            score, best = usable[0]
        else:
            same = [(s, r) for s, r in named if comparable(f, r.figure)]
            score, best = same[0] if same else named[0]
            if not same:
                return Promise(
                    target.indicator,
                    f,
                    best.figure,
                    "unclear",
                    score * UNITS_DIFFER,
                    Reason.UNIT,
                    qualifier,
                )
        verdict, reason = judge(f, best.figure, target.ceiling)
        if reason is Reason.UNIT:
            score *= UNITS_DIFFER
        return Promise(target.indicator, f, best.figure, verdict, score, reason, qualifier)
    said = words.find(target.indicator) if words is not None else None
    if said is not None:
        score, clause = said
        return Promise(
            target.indicator, f, clause, "unclear", score * IN_WORDS, Reason.WORDS, qualifier
        )
    near = max((names.similarity(target.indicator, r.indicator) for r in results), default=0.0)
    confidence = min(NOT_REPORTED_MAX, 1 - near / 2)
    return Promise(target.indicator, f, None, "not_reported", confidence, Reason.ABSENT, qualifier)


def _preferred(named: list[tuple[float, Result]], target: Figure) -> tuple[float, Result]:
    """For a target without a number, a result of the kind its words speak of: a change
    for 增长…同步, else the first."""
    if re.search(r"增长|增速|涨幅|提高|下降", target.text):
        for s, r in named:
            if is_change(r.figure):
                return s, r
    return named[0]


def _name_at(clause: str, *spellings: str) -> tuple[int, int] | None:
    """Where a statistic's name starts and ends in a clause that opens on it (after a
    scope word), or on a 、-list of names it is one of (单位地区生产总值能耗、主要污染物排放量
    完成省下达的目标任务: said of both)."""
    for name in spellings:
        i = clause.find(name)
        if 0 <= i <= 3:
            return 0, i + len(name)
        if i > 3 and clause[i - 1] == "、" and _LIST_HEAD.fullmatch(clause[: i - 1]):
            return i, i + len(name)
    return None


# The names before a statistic's in a 、-list: words, no figure, no verb phrase between.
_LIST_HEAD = re.compile(r"[^，,；;。、\d]{2,20}(?:、[^，,；;。、\d]{2,20})*")


class WordsIndex:
    """The clauses of a review that speak of a statistic without a number
    (居民消费价格保持总体稳定): looked for only when no figure names it."""

    def __init__(self, report: Report) -> None:
        self._paragraphs = list(_review_paragraphs(report).values())
        self._sections = {
            p.id: sid for sid, p in ((s.id, p) for s in report.walk() for p in s.paragraphs)
        }

    def find(self, indicator: str) -> tuple[float, Figure] | None:
        """(name score, the clause as a figure without a value) of the first clause that
        opens on the statistic's name and holds no number; for energy use and emissions,
        else one that opens on 节能减排, the words that speak of both."""
        wanted = names.key(indicator)
        if len(wanted) < 4:  # 投资, 消费: too vague to find in words
            return None
        found = self._find(wanted, names.display(indicator), indicator)
        if found is None and _SAVING.search(wanted):
            found = self._find(_SAVING_WORDS, _SAVING_WORDS, _SAVING_WORDS, wanted)
            if found is not None:
                return found[0] * names.FOLDED_NAME, found[1]
        return found

    def _find(
        self, wanted: str, shown: str, indicator: str, named: str = ""
    ) -> tuple[float, Figure] | None:
        for p in self._paragraphs:
            if wanted not in p.text and shown not in p.text:
                continue
            for m in _CLAUSE.finditer(p.text):
                clause = m.group().strip()
                if _DIGIT.search(clause):
                    continue
                at = _name_at(clause, wanted, shown)
                if at is None or names.key(clause[at[0] : at[1]]) != names.key(wanted):
                    continue  # 工业投资占固定资产投资比重: another statistic
                start = m.start() + m.group().index(clause)
                score = names.name_score(indicator, clause[at[0] : at[1]])
                figure = Figure(
                    paragraph=p.id,
                    section=self._sections.get(p.id, ""),
                    start=start,
                    end=start + len(clause),
                    text=clause,
                    value=None,
                    unit="",
                    indicator=named or wanted,
                    kind="result",
                )
                return score or names.FOLDED_NAME, figure
        return None


# 节能减排完成省下达的目标任务: said of energy use and of emissions both.
_SAVING_WORDS = "节能减排"
_SAVING = re.compile(r"能耗|排放")


def promises(
    previous: Report,
    current: Report,
    previous_figures: Sequence[Figure] | None = None,
    current_figures: Sequence[Figure] | None = None,
    year: int | None = None,
) -> list[Promise]:
    """Every promise of ``previous`` (report N−1) with what ``current`` (report N) says;
    ``year``: N−1 (default: the year ``previous``'s plan is for)."""
    year = year if year is not None else plan_year(previous)
    results = results_of(current, current_figures, year)
    words = WordsIndex(current)
    return [pair(t, results, words) for t in targets_of(previous, previous_figures)]


def counts(found: Iterable[Promise]) -> dict[Verdict, int]:
    """How many promises of each verdict, every verdict named."""
    out: dict[Verdict, int] = {"met": 0, "missed": 0, "unclear": 0, "not_reported": 0}
    for p in found:
        out[p.verdict] += 1
    return out
