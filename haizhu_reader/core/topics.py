"""Lead topics: the third level of a report, a headline that opens a paragraph.

Printed reports set the headline in bold (书写不凡抗疫答卷。坚持人民至上…). Web
captures lose the bold, so a headline is recognised by shape and by parallel
structure with its siblings: a short first sentence in several paragraphs of
one section. Some captures also lost the headline's full stop
(多措并举提振消费市场把扩大和恢复消费…); those are split where the running
text starts with a verb, and only beside siblings that are headlines too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from statistics import median

from haizhu_reader.core.report import PART, SECTION, TOPIC, Paragraph, Section

MAX_HEADLINE = 28
# Words that open the running text after a headline whose 。 was lost.
OPENERS = (
    "全面加强",
    "加强",
    "强化",
    "全面",
    "立足",
    "坚持",
    "推进",
    "推动",
    "聚焦",
    "围绕",
    "实施",
    "深化",
    "加快",
    "完善",
    "持续",
    "着力",
    "积极",
    "大力",
    "落实",
    "发挥",
    "建立",
    "健全",
    "统筹",
    "按照",
    "深入",
    "依托",
    "针对",
    "构建",
    "抓好",
    "做好",
    "鼓励",
    "把",
)
DANGLING = "和与及并的"
_NOT_HEADLINE = re.compile(r"^(?:各位代表|各位委员|同时|此外|目前|今年|过去|我们|这一年|一年来|——)")
_ORDINAL = re.compile(r"^([一二三四五六七八九十]+是)")

MakeSection = Callable[..., Section]


def _embedded(text: str) -> int:
    """Length of a headline sentence (with its 。) opening ``text``, or 0."""
    m = re.search(r"。", text)
    if not m or m.start() > MAX_HEADLINE or m.start() < 3:
        return 0
    head = text[: m.start()]
    if re.search(r"[:：;；！？!?]", head) or len(re.findall(r"[,，]", head)) > 2:
        return 0
    if head.count("“") != head.count("”"):
        return 0
    return m.end()


def _runon_splits(text: str) -> list[int]:
    """Where a headline that lost its 。 could end (the running text opens with a verb)."""
    first = re.split(r"[,，。；;：:]", text, maxsplit=1)[0]
    if "。" in text[:MAX_HEADLINE] or len(first) < 10:
        return []
    # A headline never ends on a conjunction or particle: 统筹扩大内需和|深化供给侧…
    # is one clause of an intro, not 统筹扩大内需和 over its text.
    return [
        k
        for k in range(4, min(15, len(first) - 3))
        if first.startswith(OPENERS, k) and first[k - 1] not in DANGLING
    ]


def find_topics(section: Section, make_section: MakeSection) -> None:
    """Move paragraphs of ``section`` that open with a headline into TOPIC children.

    Not for the report's opening, which holds no topics.
    """
    # A part without sections (an unnumbered one too; the caller leaves out the opening).
    eligible = section.level == SECTION or (section.level == PART and not section.children)
    if not eligible or section.children:
        return
    paras = section.paragraphs
    kinds: list[tuple[str, int]] = []  # (kind, headline length incl. 。)
    for p in paras:
        t = p.text
        if p.lead < 0 or _NOT_HEADLINE.match(t):
            kinds.append(("", 0))
        elif p.lead > 0:
            lead = p.lead + (1 if t[p.lead : p.lead + 1] == "。" else 0)
            kinds.append(("standalone" if lead >= len(t) else "bold", lead))
        elif (n := _embedded(t)) and n >= len(t):
            kinds.append(("standalone", n) if n <= MAX_HEADLINE + 2 else ("", 0))
        elif n:
            kinds.append(("embedded", n))
        else:
            kinds.append(("runon", 0) if _runon_splits(t) else ("", 0))

    # A lone short line followed straight by headlined paragraphs is the section's
    # intro sentence (以南沙重大战略性平台为牵引。), not a headline without text.
    if sum(1 for k, _ in kinds if k == "standalone") < 2:
        for i, (k, _) in enumerate(kinds):
            nxt = kinds[i + 1][0] if i + 1 < len(kinds) else "end"
            if k == "standalone" and nxt in ("embedded", "bold", "runon", "end"):
                kinds[i] = ("", 0)

    # Explicit bold wins; then headlines on lines of their own (一是…。), whose
    # running text follows in the next paragraphs; then headlines that open
    # their paragraph, which must be the rule in the section, not an accident.
    if any(k == "bold" for k, _ in kinds):
        kinds = [(k, n) if k in ("bold", "standalone") else ("", 0) for k, n in kinds]
    elif sum(1 for k, _ in kinds if k == "standalone") >= 2:
        kinds = [(k, n) if k == "standalone" else ("", 0) for k, n in kinds]
    else:
        candidates = sum(1 for k, _ in kinds if k)
        considered = sum(1 for p in paras if p.lead >= 0)
        if candidates < 2 or candidates < 0.6 * considered:
            return
    normal = [n for k, n in kinds if k in ("embedded", "standalone", "bold")]
    target = median(normal) - 1 if normal else None

    topics: list[Section] = []
    keep: list[Paragraph] = []
    for p, (kind, n) in zip(paras, kinds, strict=True):
        if kind == "runon":
            splits = _runon_splits(p.text)
            n = min(splits, key=lambda k: abs(k - target)) if target is not None else splits[0]
        if not kind:
            (topics[-1].paragraphs if topics else keep).append(p)
            continue
        head = p.text[:n].rstrip("。")
        number = None
        if m := _ORDINAL.match(head):
            number, head = m.group(1), head[m.end() :]
        topic = make_section(TOPIC, number, head, section.id)
        # A headline on a line of its own is the heading, not a paragraph.
        if kind != "standalone":
            p.lead = n
            topic.paragraphs.append(p)
        topics.append(topic)
    section.paragraphs = keep
    section.children = topics
