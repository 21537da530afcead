"""Scale corners (issue 12, point 7): work grows with the input, not with its square.

Times and memory are measured by ``bench/scale_bench.py``; these tests count the
work that used to be repeated, so they fail on the quadratic code without timing it.
"""

from __future__ import annotations

import json
import random
import tracemalloc
from pathlib import Path

import pytest

from haizhu_reader.app import main
from haizhu_reader.core import glossary
from haizhu_reader.core.report import GlossaryEntry, Paragraph, Report
from haizhu_reader.core.search import Hit, Order, ReportIndex, Scope, report_units
from haizhu_reader.core.search_store import DiskIndex
from haizhu_reader.core.source import clean
from haizhu_reader.core.text import fold
from haizhu_reader.paths import AppPaths


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


# -- the first search --------------------------------------------------------------


def _queries(report: Report) -> list[str]:
    rng = random.Random(4)
    texts = [u.text for u in report_units(report)]
    out = [e.term for e in report.glossary[:15]]
    for _ in range(60):
        t = rng.choice(texts)
        if len(t) > 8:
            i = rng.randrange(len(t) - 6)
            out.append(t[i : i + rng.randint(1, 6)])
    out += ['"高质量发展"', "发展 -经济", "海珠 OR 广州", "ＧＤＰ", "四上企业", "“四上”企业"]
    return out


def _seen(hits: list[Hit]) -> list[tuple[str, tuple[tuple[int, int], ...], float]]:
    return [(h.unit.id, h.spans, round(h.score, 9)) for h in hits]


def test_scanning_finds_exactly_what_the_index_finds(report: Report, tmp_path: Path) -> None:
    indexed = ReportIndex.open_or_build(report, tmp_path / "index")
    scanning = ReportIndex.scanning(report)
    try:
        for q in _queries(report):
            for scope in (Scope.BODY, Scope.GLOSSARY):
                for order in Order:
                    assert _seen(scanning.search(q, scope, order)) == _seen(
                        indexed.search(q, scope, order)
                    ), (q, scope, order)
        assert scanning.location is None and scanning.builds == 0
    finally:
        indexed.close()
        scanning.close()


def test_a_headless_search_builds_no_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Building a large report's index took minutes for what a scan does in milliseconds."""

    def no_build(self: object) -> Path:
        raise AssertionError("a one-off search must not build an index")

    monkeypatch.setattr(DiskIndex, "_build", no_build)
    data_dir = tmp_path / "profile"
    assert (
        main(["--search", "海珠", "--search", "“四上”企业", "--json", "--data-dir", str(data_dir)])
        == 0
    )
    first, second = (json.loads(x) for x in capsys.readouterr().out.splitlines())
    assert first["hits"] and second["hits"]
    assert not (data_dir / "cache" / "index").exists()


def test_a_headless_search_uses_the_cached_index(
    report: Report,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = AppPaths.under(tmp_path / "profile")
    ReportIndex.open_or_build(report, paths.index_dir).close()  # as the window leaves it
    used: list[bool] = []
    real = ReportIndex.open_cached

    def open_cached(report: Report, index_dir: Path) -> ReportIndex | None:
        found = real(report, index_dir)
        used.append(found is not None)
        return found

    monkeypatch.setattr(ReportIndex, "open_cached", staticmethod(open_cached))
    assert main(["--search", "海珠", "--json", "--data-dir", str(tmp_path / "profile")]) == 0
    assert json.loads(capsys.readouterr().out)["hits"] and used == [True]


def test_a_long_line_is_cleaned_in_linear_memory() -> None:
    """A 19.5 MB line of words took 13 times its size to clean (``re.sub`` keeps every
    piece of its result until it joins them); pieces now go through a chunk at a time."""
    line = "lorem  ipsum\u3000dolor, sit amet " * 200_000  # 6.4 MB, runs of spaces to fold
    tracemalloc.start()
    try:
        cleaned = clean(line)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    (only,) = cleaned.lines
    assert only.text.startswith("lorem ipsum dolor, sit amet lorem ipsum")
    assert peak < 4 * len(line)
