"""A quotation from the report with its source, as a deputy pastes it into a speech or memo.

``quote_with_citation(report, section_id, text)`` gives
“……”（《海珠区2023年政府工作报告》二、（三）): the quoted words in Chinese double
quotes, then the report's title in 《》 and the place of the section the quote
starts in — the same place label and citation the annotation exports use
(``Placer.place_label``, ``anchoring.citation``), so a copied quote and an
exported note cite a passage alike. Pure Python: the GUI puts the result on
the clipboard.
"""

from __future__ import annotations

import re

from haizhu_reader.core.annotations.anchoring import Placer, citation
from haizhu_reader.core.report import Report

# Inside “…” a quotation's own double quotes become single ones, as printed
# Chinese nests them: “……‘四上’企业……”.
_NESTED = str.maketrans({"“": "‘", "”": "’"})
_BREAKS = re.compile("[\u2028\u2029\r\n]+")


def quotation(text: str) -> str:
    """The selected text as it goes between “”: line breaks kept, ends trimmed, quotes nested."""
    lines = [line.strip() for line in _BREAKS.split(text)]
    return "\n".join(line for line in lines if line).translate(_NESTED)


def quote_with_citation(report: Report, section_id: str, text: str) -> str:
    """“……”（《title》二、（三）) for ``text`` that starts in ``section_id``.

    A lead topic is cited by its section, the opening by its title (开篇) and
    an appendix by its title; an unknown section gives the title alone.
    """
    place = Placer(report).place_label(section_id) if section_id else ""
    return f"“{quotation(text)}”（{citation(report, place)}）"
