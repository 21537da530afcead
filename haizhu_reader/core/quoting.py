"""A quotation from the report with its source, as a deputy pastes it into a speech or memo.

``quote_with_citation(report, section_id, text, paragraph_id)`` gives
“……”（《海珠区2023年政府工作报告》二、（三）第2段): the quoted words in Chinese
double quotes, then the report's title in 《》 and the place of the paragraph the
quote starts in — the same place and citation the annotation exports use
(``Placer.where``, ``anchoring.citation``), so a copied quote and an exported
note cite a passage alike. Pure Python: the GUI puts the result on the clipboard.

A selection often starts or ends inside a quotation of the report's own
(完成“10件惠民实事”，民生支出…): the quote mark left without its partner is
balanced, or dropped where it quotes nothing (``quotation``).
"""

from __future__ import annotations

import re

from haizhu_reader.core.annotations.anchoring import AnchorError, Placer, citation
from haizhu_reader.core.report import Report

# Inside “…” a quotation's own double quotes become single ones and its single
# ones double, as printed Chinese nests them: “……‘四上’企业……”.
_NESTED = str.maketrans({"“": "‘", "”": "’", "‘": "“", "’": "”"})
_PAIRS = {"“": "”", "‘": "’", "《": "》"}
_OPENERS = {close: open_ for open_, close in _PAIRS.items()}
_BREAKS = re.compile("[\u2028\u2029\r\n]+")


def balanced(text: str) -> str:
    """``text`` with every quote mark (“” ‘’ and 《》) paired.

    A closing mark whose opening one was left out of the selection gets it at
    the start, an opening one without its closing one gets it at the end, so
    the words keep their quotation; a lone mark at the very edge, quoting no
    words, is dropped instead.
    """
    marks = list(text)
    missing_open: list[str] = []  # openers to put before the text, innermost first
    stack: list[int] = []  # indexes of the opening marks not closed yet
    for i, c in enumerate(marks):
        if c in _PAIRS:
            stack.append(i)
        elif c in _OPENERS:
            if stack and marks[stack[-1]] == _OPENERS[c]:
                stack.pop()
            elif stack:  # crossed marks (“…‘…”): not ours to repair
                continue
            elif not "".join(marks[:i]).strip():
                marks[i] = ""  # at the start: it quotes nothing here
            else:
                missing_open.append(_OPENERS[c])
    missing_close = []
    for i in reversed(stack):
        if not "".join(marks[i + 1 :]).strip():
            marks[i] = ""  # at the end: it quotes nothing here
        else:
            missing_close.append(_PAIRS[marks[i]])
    return "".join(reversed(missing_open)) + "".join(marks) + "".join(missing_close)


def quotation(text: str) -> str:
    """The selected text as it goes between “”: line breaks kept, ends trimmed, quote
    marks balanced and nested."""
    lines = [line.strip() for line in _BREAKS.split(text)]
    return balanced("\n".join(line for line in lines if line)).translate(_NESTED)


def quote_with_citation(report: Report, section_id: str, text: str, paragraph_id: str = "") -> str:
    """“……”（《title》二、（三）第2段) for ``text`` that starts in paragraph ``paragraph_id``
    of ``section_id`` ("" when it starts in a heading: 二、（三）).

    A lead topic is cited by its section, the opening by its title (开篇) and
    an appendix by its title; an unknown section gives the title alone.
    """
    placer = Placer(report)
    place = placer.place_label(section_id) if section_id else ""
    if place and paragraph_id:
        try:
            placed = placer.place(placer.anchor_paragraph(paragraph_id))
        except AnchorError:
            placed = None  # not a paragraph of this report: the section alone
        if placed is not None:
            place = placer.where(placed)
    return f"“{quotation(text)}”（{citation(report, place)}）"
