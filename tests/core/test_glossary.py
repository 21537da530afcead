"""Glossary linking is linear in the number of terms (issue 12, point 7).

Times are measured by ``bench/scale_bench.py``; these tests count the work that
used to be repeated, so they fail on the quadratic code without timing it.
"""

from __future__ import annotations

import random

import pytest

from haizhu_reader.core import glossary
from haizhu_reader.core.report import GlossaryEntry, Paragraph
from haizhu_reader.core.text import QUOTES, fold, strip_quotes


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


def test_a_term_at_the_end_of_a_paragraph_beside_a_longer_one() -> None:
    """A paragraph ending in 独角兽 while 独角兽企业 is a term too: the end of the text was
    taken for the longer term, whose span ran past it (an IndexError that stopped the parse)."""
    assert glossary.find_spans("培育独角兽", ["独角兽", "独角兽企业"]) == [(2, 5, "独角兽")]
    assert glossary.find_spans("“独角兽”", ["独角兽企业", "独角兽"]) == [(1, 4, "独角兽")]


def _leftmost_longest(text: str, needles: list[str]) -> list[tuple[int, int, str]]:
    """The rule, the slow way: every match of every needle in the text with its quote
    marks and spaces dropped, longest first, then leftmost, then in needle order."""
    kept = [i for i, c in enumerate(text) if c not in QUOTES and not c.isspace()]
    skel = "".join(fold(text[i]) for i in kept)
    found = []
    for order, needle in enumerate(needles):
        key = "".join(fold(strip_quotes(needle)).split())
        for start in range(len(skel) - len(key) + 1) if key else ():
            if skel.startswith(key, start):
                found.append((-len(key), start, order, needle))
    taken: list[tuple[int, int, str]] = []
    for length, start, _, needle in sorted(found):
        end = start - length
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, needle))
    return [(kept[s], kept[e - 1] + 1, n) for s, e, n in sorted(taken)]


def test_the_matcher_finds_what_the_rule_says() -> None:
    rng = random.Random(12)
    alphabet = [*"独角兽未来四上企业数字经济ＡＢab “”‘’\"'\u3000\t", "ﬁ", "Ⅲ"]
    for _ in range(2000):
        needles = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(0, 8))
        ]
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert glossary.find_spans(text, needles) == _leftmost_longest(text, needles), (
            needles,
            text,
        )
