"""Glossary linking is linear in the number of terms (issue 12, point 7).

Times are measured by ``bench/scale_bench.py``; these tests count the work that
used to be repeated, so they fail on the quadratic code without timing it.
"""

from __future__ import annotations

import pytest

from haizhu_reader.core import glossary
from haizhu_reader.core.report import GlossaryEntry, Paragraph
from haizhu_reader.core.text import fold


def _terms(n: int) -> list[str]:
    # Distinct CJK terms of three characters.
    return [chr(0x4E00 + i // 400) + chr(0x5000 + i % 400) + "区" for i in range(n)]


def test_glossary_linking_folds_each_term_once(monkeypatch: pytest.MonkeyPatch) -> None:
    terms = _terms(2000)
    entries = [
        GlossaryEntry(number=i + 1, term=t, aliases=[], definition="释义。")
        for i, t in enumerate(terms)
    ]
    paragraphs = [
        Paragraph(id=f"p{i}", text=f"第{i}段提到{terms[i * 7]}和“{terms[i * 11]}”。")
        for i in range(150)
    ]
    calls = 0

    def counting_fold(text: str) -> str:
        nonlocal calls
        calls += 1
        return fold(text)

    monkeypatch.setattr("haizhu_reader.core.glossary.fold", counting_fold)
    glossary.link(entries, paragraphs)
    # Once per term, not once per term and paragraph (300,000 before).
    assert calls <= len(terms)
    by_term = {e.term: e for e in entries}
    for i, p in enumerate(paragraphs):
        assert [o.paragraph for o in by_term[terms[i * 7]].occurrences].count(p.id) >= 1
        assert [o.paragraph for o in by_term[terms[i * 11]].occurrences].count(p.id) >= 1


def test_matcher_is_leftmost_longest_and_quote_transparent() -> None:
    m = glossary.Matcher(["独角兽", "未来独角兽", "四上企业", "ＡＢ"])
    text = "培育未来独角兽和独角兽，“四上”企业，ab。"
    spans = m.spans(text)
    assert [(text[s:e], n) for s, e, n in spans] == [
        ("未来独角兽", "未来独角兽"),
        ("独角兽", "独角兽"),
        ("四上”企业", "四上企业"),
        ("ab", "ＡＢ"),
    ]
