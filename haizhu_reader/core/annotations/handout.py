"""What a handout lists for each annotation: its place, its citation and what it quotes.

Every export (Markdown, HTML, Word) and the 批注 dock show the same ``Item``s,
in reading order, grouped by numbered section, those the report no longer
contains last under 未能定位. An item quotes what a deputy needs to read the
note without the report at hand:

* a highlight or underline: exactly what it covers;
* a note on a selection: the sentence(s) the selection stands in (``span``
  marks the selected words inside the quote);
* a bookmark or a note on a paragraph: the whole paragraph;
* a note on a lead topic: the topic's text (a topic is a paragraph or two);
  a note on a larger section: nothing (its label says 整节).

A lead topic is named by its headline (一、（二）数字经济蓬勃发展, see
``Placer.where``), not as the whole section it stands in.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from haizhu_reader.core.annotations.anchoring import Placement, Placer, Scope, citation
from haizhu_reader.core.annotations.store import (
    COLOUR_NAMES_ZH,
    KIND_NAMES_ZH,
    Annotation,
    Kind,
    Placed,
)
from haizhu_reader.core.report import Report, group_title

UNPLACED_GROUP = "未能定位的批注"
UNPLACED_WHERE = "（原文已改动，未能定位）"
WHOLE_SECTION = "（整节）"

# A sentence runs to its end mark and the closing quotes or brackets after it,
# or to a line break, or to the end of the text.
_SENTENCE = re.compile(r"[^。！？!?\n\u2028\u2029]*(?:[。！？!?]+[”’」』）)》〕】\"']*)?")


@dataclass(frozen=True)
class Item:
    """One annotation as every format shows it.

    ``quote`` is what the export quotes; ``span`` (start, end) marks, inside it,
    the words a note on a selection was made on, when the quote is wider.
    """

    annotation: Annotation
    group: str  # 二、（三）强招商、稳企业…  or UNPLACED_GROUP
    label: str  # 高亮（黄色） · 二、（三）第2段
    quote: str  # see the module's docstring; "" for a note on a whole section
    citation: str  # 《…》二、（三）第2段
    span: tuple[int, int] | None = None

    @property
    def marked(self) -> str:
        """The words the annotation was made on (the whole quote, unless ``span``)."""
        return self.quote[self.span[0] : self.span[1]] if self.span else self.quote


def sentences_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the whole sentences ``text[start:end]`` stands in, without the
    spaces around them."""
    end = max(end, start + 1)
    first = last = None
    pos = 0
    while pos < len(text):
        m = _SENTENCE.match(text, pos)
        stop = m.end() if m and m.end() > pos else pos + 1  # a line break on its own
        if first is None and stop > start:
            first = pos
        if pos >= end:
            break
        last = pos = stop
    s, e = first or 0, last if last is not None else len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def items(
    report: Report,
    placed: Sequence[Placed],
    unplaced: Sequence[Annotation],
    placer: Placer | None = None,
) -> list[Item]:
    """What to export, in reading order, unplaced last (``placer``: the report's, if made)."""
    placer = placer or Placer(report)
    out = [_item(report, placer, p.annotation, p.placement) for p in placed]
    return out + [_item(report, placer, a, None) for a in unplaced]


def _item(report: Report, placer: Placer, a: Annotation, at: Placement | None) -> Item:
    name = KIND_NAMES_ZH[a.kind] + (f"（{COLOUR_NAMES_ZH[a.colour]}）" if a.colour else "")
    if at is None:
        return Item(a, UNPLACED_GROUP, name, a.anchor.exact, citation(report, UNPLACED_WHERE))
    where = placer.where(at)
    label = f"{name} · {where}"
    span = None
    if at.scope is Scope.SECTION:
        topic = placer.topic(at.section_id)
        if topic is None:
            label, quote = label + WHOLE_SECTION, ""
        else:
            quote = "\n".join(p.text for p in topic.paragraphs)
    elif at.scope is Scope.PARAGRAPH or a.kind is not Kind.NOTE:
        quote = at.text  # the paragraph, or what a highlight covers
    else:
        text = placer.paragraph_text(at.paragraph_id)
        s, e = sentences_around(text, at.start, at.end)
        quote = text[s:e]
        if (s, e) != (at.start, at.end):
            span = (at.start - s, at.end - s)
    return Item(a, group_title(report, at.section_id), label, quote, citation(report, where), span)


# -- what a reader of the export sees --------------------------------------------------

# Bidirectional controls (LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM ALM): an
# override in a note would make the text around it read backwards, and hide what
# it says. They are shown as escapes instead.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_VISIBLE = {c: f"<U+{ord(c):04X}>" for c in _BIDI}
# C0 controls (NUL, ESC, ...) as their Control Pictures (␀, ␛); DEL as ␡; C1 as escapes.
_VISIBLE |= {chr(c): chr(0x2400 + c) for c in range(32) if chr(c) not in "\t\n\r"}
_VISIBLE |= {"\x7f": "\u2421", "\r": ""}
_VISIBLE |= {chr(c): f"<U+{c:04X}>" for c in range(0x80, 0xA0)}
_VISIBLE_TABLE = str.maketrans(_VISIBLE)


def visible(text: str) -> str:
    """User text as a reader of a Markdown, HTML or Word export may see it safely:
    control characters (NUL, ESC...) as their pictures (␀ ␛), bidirectional
    overrides as ``<U+202E>``, carriage returns dropped. JSON keeps the text as is."""
    return text.translate(_VISIBLE_TABLE)


def grouped(all_items: list[Item]) -> list[tuple[str, list[Item]]]:
    """Consecutive items of one group together, in order."""
    groups: list[tuple[str, list[Item]]] = []
    for it in all_items:
        if not groups or groups[-1][0] != it.group:
            groups.append((it.group, []))
        groups[-1][1].append(it)
    return groups


def meta_lines(report: Report, count: int, unplaced: int, when: datetime) -> list[str]:
    """报告日期, 导出时间, and how many annotations (and how many not placed)."""
    lines = [f"报告日期：{report.date}"] if report.date else []
    lines.append(f"导出时间：{when.astimezone():%Y-%m-%d %H:%M}")
    lines.append(f"共 {count} 条批注" + (f"，其中 {unplaced} 条未能定位" if unplaced else ""))
    return lines
