"""Which paragraphs are about the coming year's work, and where the 主要预期目标 list is.

Every figure of a part about the coming year's work is a target, whatever the part is
called (2023年工作安排, 主要工作, 重点工作, 政府工作任务, 政策取向, 目标任务 …). A part's title
decides when it can: words of a review (回顾, 过去, 完成情况) or of a plan (安排, 任务, 目标,
政策取向 …), and the years it names against the plan's year — the year the report was
delivered in (or the next, in its last two months). So ``2020年政府工作`` is a review in a
report delivered in 2021, ``2021年政府工作重点`` its plan, and a 2035年远景目标 does not make
2021 the past. A part whose title says neither (a slogan, 全面加强政府自身建设) is a plan after
a plan part, and otherwise reads as one by its wording: a plan's sentences say 要, 将, 力争,
确保 and set figures 以上 or 左右; a review's say 了, 同比, 比上年 and 增长3.2%. A part that names
both (“十三五”时期发展成就和“十四五”时期主要目标任务) is a review until a paragraph opens on the
coming period.

A heading that the structure did not recognise, left as a short paragraph of its own
(``2018年工作安排``), switches its part from there on, so a report parsed without its parts
still has its plan found. Appendices are read by their titles the same way: a 民生实事 list is
the plan, a 完成情况 the review; the glossary is not scanned.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from haizhu_reader.core.report import PART, Paragraph, Report, Section

Scope = Literal["review", "plan", "mixed"]

_REVIEW = re.compile(r"回顾|过去|完成情况|总结|成就|取得的成绩")
_PLAN = re.compile(
    r"安排|任务|主要工作|重点工作|工作重点|政策取向|目标|计划|打算|要求|部署|思路|建议|展望|今后|"
    r"未来|今年|民生实事|拟实施"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?=\s*年)")
_HEADING_PUNCTUATION = re.compile(r"[。；;！!？?，,：:]")
_PERIOD = re.compile(r"工作|今年|去年|过去|今后|十[一二三四五六七八九十]五”?时期")
# The wording of a plan and of a review (see the module docstring).
_FUTURE = re.compile(r"要|将|力争|确保|争取|以上|左右")
_PAST = re.compile(r"了|同比|比上年|较上年|增长\d|下降\d|达到\d|达\d")
# A sentence that sets targets wherever it stands (力争全年引入企业10家).
TARGET_CUE = re.compile(r"力争|确保(?!了)|预期目标|目标(?:是|为|：|:)")
# A footnote's mark, which a capture may put inside a word (主要预期目 [1] 标是).
_MARK = r"(?:\s*(?:\[\d+\]|［\d+］)\s*)?"


def _spelled(*words: str) -> str:
    """``words`` as alternatives, each allowing a footnote's mark between its characters."""
    return "|".join(_MARK.join(word) for word in words)


# The list of the year's main targets: 主要预期目标是：…
_MAIN_CUE = re.compile(
    rf"(?:{_spelled('主要预期目标', '主要目标', '预期目标', '发展目标', '奋斗目标')})"
    rf"{_MARK}(?:\*\*)?(?:建议)?(?:是|为|如下)?(?:\*\*)?[：:]"
    rf"|(?:{_spelled('主要预期目标')}){_MARK}(?:\*\*)?(?:是|为)"
)
# Sentences after the list that explain it rather than continue it.
_NOT_LIST = re.compile(
    r"^(?:上述|以上|这些|这一|实现|确定|为此|为了?实现|同时|综合|既|主要|围绕|做好|我们|要|重点|"
    r"今年|经济增速|提出|考虑|在实际工作中)"
)


@dataclass(frozen=True)
class Block:
    """A paragraph to scan, the section (or appendix) it belongs to, and its scope.

    ``plan``: about the coming year's work (all its figures are targets). ``cues``: the
    scope was guessed, not read from a title or heading, so a sentence's own words (力争,
    确保, 目标是) may still make its figures targets; in a part titled a review they mean
    nothing of the kind (比预期目标低1.8个百分点, 确保经济平稳运行, 全力争取国债).
    """

    section: str
    paragraph: Paragraph
    plan: bool
    cues: bool = True


def blocks(report: Report) -> Iterator[Block]:
    """Every paragraph to scan for figures, in reading order, with whether it is the plan."""
    parts = report.sections
    year = _plan_year(report)
    plan_seen = False
    for part in parts:
        opening = part is report.opening
        titled = None if opening else _title_scope(part.title, year)
        scope = titled or ("plan" if plan_seen else _by_wording(_part_text(part)))
        if opening:
            scope = "review"
        for block in _part_blocks(part, scope, year, titled is not None):
            plan_seen = plan_seen or block.plan  # a plan heading inside a part counts too
            yield block
    for appendix in report.appendices:
        if report.glossary_title is not None and appendix.title == report.glossary_title:
            continue
        titled = _title_scope(appendix.title, year)
        scope = titled or _by_wording(_text(appendix.paragraphs))
        for p in appendix.paragraphs:
            yield Block(appendix.id, p, scope == "plan", titled is None)


def _part_blocks(part: Section, scope: Scope, year: int | None, titled: bool) -> Iterator[Block]:
    current: Scope = "review" if scope == "mixed" else scope
    coming = _coming(part.title, year) if scope == "mixed" else None
    entered = part
    for section, paragraph in _paragraphs(part):
        if section is not entered:  # a heading the structure put one level too low counts
            entered = section
            if scope == "mixed" and section.level == PART + 1:
                current = _title_scope(section.title, year) or current
            elif _is_heading(section.title) and (heading := _title_scope(section.title, year)):
                current, titled = heading, True
        if _is_heading(paragraph.text) and (heading := _title_scope(paragraph.text, year)):
            current, titled = heading, True
        elif coming and current == "review" and _opens_on(coming, paragraph.text):
            current = "plan"
        yield Block(section.id, paragraph, current == "plan", not titled)


def _coming(title: str, year: int | None) -> re.Pattern[str]:
    """What a paragraph of a mixed part opens with when the plan begins: the coming period
    its title names (十四五, 2021年), or words of the future."""
    names = [
        re.escape(name)
        for piece in _PIECES.split(title)
        if _piece_scope(piece, year) == "plan"
        for name in _FIVE_YEARS.findall(piece) + _YEAR.findall(piece)
    ]
    return re.compile("|".join([*names, "今后", "未来", "展望"]))


_FIVE_YEARS = re.compile(r"十[一二三四五六七八九十]五")


def _paragraphs(part: Section) -> Iterator[tuple[Section, Paragraph]]:
    def rec(s: Section) -> Iterator[tuple[Section, Paragraph]]:
        for p in s.paragraphs:
            yield s, p
        for c in s.children:
            yield from rec(c)

    return rec(part)


def _title_scope(title: str, plan_year: int | None) -> Scope | None:
    """review, plan or mixed by a title's words and years; None when it says neither.

    A title joining two periods is read piece by piece (2017年和过去五年工作回顾: review;
    “十三五”时期发展成就和“十四五”时期主要目标任务: mixed).
    """
    scopes = {_piece_scope(piece, plan_year) for piece in _PIECES.split(title)} - {None}
    if len(scopes) > 1:
        return "mixed"
    return scopes.pop() if scopes else None


_PIECES = re.compile(r"[和及与、]")


def _piece_scope(piece: str, plan_year: int | None) -> Scope | None:
    if _REVIEW.search(piece):
        return "review"
    years = [int(y) for y in _YEAR.findall(piece)]
    if years and plan_year is not None:
        return "plan" if max(years) >= plan_year else "review"
    return "plan" if _PLAN.search(piece) else None


def _plan_year(report: Report) -> int | None:
    """The year the plan is for: the year the report was delivered in (its date; the next
    one when delivered in November or December), else the year after the latest a review
    title names, else the latest any title names."""
    if report.date and (delivered := re.match(r"((?:19|20)\d\d)-(\d\d)", report.date)):
        year, month = int(delivered.group(1)), int(delivered.group(2))
        return year + 1 if month >= 11 else year  # 2022-12-30: the 2023 plan
    titles = [s.title for s in report.sections]
    titles += [p.text for _, p in report.body_paragraphs() if _is_heading(p.text)]
    reviewed = [int(y) for t in titles if _REVIEW.search(t) for y in _YEAR.findall(t)]
    if reviewed:
        return max(reviewed) + 1
    years = [int(y) for t in titles for y in _YEAR.findall(t)]
    if years:
        return max(years)
    found = _YEAR.findall(report.title)
    return int(found[0]) if found else None


def _is_heading(text: str) -> bool:
    """A part heading left as a paragraph: short, no sentence punctuation, naming a year's
    or a period's work (2018年工作安排, 本届政府和2021年工作回顾), not a topic's headline."""
    return (
        2 <= len(text) <= 30
        and not _HEADING_PUNCTUATION.search(text)
        and bool(_YEAR.search(text) or _PERIOD.search(text))
    )


def _opens_on(coming: re.Pattern[str], text: str) -> bool:
    first = re.split(r"[。；;]", text, maxsplit=1)[0]
    return bool(coming.search(first)) and not _REVIEW.search(first)


def _by_wording(text: str) -> Scope:
    future, past = len(_FUTURE.findall(text)), len(_PAST.findall(text))
    return "plan" if future > past else "review"


def _part_text(part: Section) -> str:
    return _text(p for _, p in _paragraphs(part))


def _text(paragraphs: Sequence[Paragraph] | Iterator[Paragraph]) -> str:
    return "".join(p.text for p in paragraphs)


def main_list(text: str) -> tuple[int, int] | None:
    """Where a paragraph's 主要预期目标 list runs: from after its cue to its last target.

    The list runs to the end of the sentence with the cue and on through the sentences
    after it that continue it (保定's 。单位生产总值能耗…完成省定目标), not those explaining it
    (上述目标的确定…, 重点抓好以下7个方面工作：).
    """
    cue = _MAIN_CUE.search(text)
    if cue is None:
        return None
    end = _sentence_end(text, cue.end())
    while end < len(text):
        nxt = _sentence_end(text, end)
        sentence = text[end:nxt].strip()
        if not sentence or _NOT_LIST.match(sentence) or sentence.endswith(("：", ":")):
            break
        end = nxt
    return cue.end(), end


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_MARK.search(text, pos)
    return m.end() if m else len(text)


_SENTENCE_MARK = re.compile(r"[。！？!?]")
