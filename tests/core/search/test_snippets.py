"""Search snippets: every hit marked exactly, cut at a clause boundary with …, never mid-clause."""

from __future__ import annotations

from haizhu_reader.core.report import Report
from haizhu_reader.core.search.key import KeyedText, search_key
from haizhu_reader.core.search.snippets import CLAUSE_MARKS, Runs, clip_snippet, snippet

TEXT = (
    "着力补短板、强弱项、抢进度、抓落实，以最大努力争取最好结果。"
    "实现地区生产总值2502.52亿元、同比增长1.4%。"
    "固定资产投资478.02亿元、增长14.8%，增速全市第一。"
    "60个市“攻城拔寨”项目超额完成年度投资计划。"
)


def _text(runs: Runs) -> str:
    return "".join(t for t, _ in runs)


def _ends_at_a_clause(shown: str, text: str) -> bool:
    """``shown`` ends with "…" where ``text`` has a clause mark (kept, or left out for the …)."""
    if not shown.endswith("…"):
        return text.endswith(shown.lstrip("…"))
    body = shown.lstrip("…")[:-1]
    at = text.index(body) + len(body)
    return body[-1] in CLAUSE_MARKS or text[at] in CLAUSE_MARKS


def _forced(runs: Runs) -> bool:
    """Cut mid-clause because no clause ends between the first hit and the cut."""
    first = next(i for i, (_, marked) in enumerate(runs) if marked)
    after = "".join(t for t, _ in runs[first + 1 :]).rstrip("…")
    return not any(c in CLAUSE_MARKS for c in after)


def test_snippet_marks_every_span_exactly() -> None:
    text = "甲" * 30 + "四上企业" + "乙" * 100 + "四上企业" + "丙"
    runs = snippet(text, [(30, 34), (134, 138)])
    assert [t for t, marked in runs if marked] == ["四上企业", "四上企业"]
    assert runs[0] == ("…", False)
    assert snippet("短四上", [(1, 3)]) == [("短", False), ("四上", True)]
    long_span = snippet("x" * 200, [(10, 150)], width=40)
    assert all(set(t) <= {"x", "…"} for t, _ in long_span)


def test_a_snippet_starts_with_the_clause_of_its_hit_and_ends_at_a_clause() -> None:
    start = TEXT.index("生产总值")
    runs = snippet(TEXT, [(start, start + 4)], width=30)
    assert _text(runs) == "…实现地区生产总值2502.52亿元、同比增长1.4%。…"
    assert ("生产总值", True) in runs


def test_a_clause_mark_at_the_cut_gives_way_to_the_ellipsis() -> None:
    start = TEXT.index("固定资产")
    runs = snippet(TEXT, [(start, start + 4)], width=24)
    assert _text(runs) == "…固定资产投资478.02亿元、增长14.8%…"


def test_a_clause_longer_than_the_window_is_cut_where_it_must() -> None:
    text = "甲" * 10 + "，" + "乙" * 80 + "四上" + "丙" * 80
    runs = snippet(text, [(91, 93)], width=40, context=14)
    shown = _text(runs)
    assert ("四上", True) in runs and shown.startswith("…") and shown.endswith("…")
    assert len(shown) <= 42


def test_clipping_keeps_the_first_hit_and_ends_at_a_clause() -> None:
    start = TEXT.index("生产总值")
    runs = snippet(TEXT, [(start, start + 4), (TEXT.index("固定"), TEXT.index("固定") + 2)])
    for limit in range(12, 60):
        clipped = clip_snippet(runs, limit)
        shown = _text(clipped)
        assert len(shown) <= limit, (limit, shown)
        assert ("生产总值", True) in clipped
        # …实现地区生产总值2502.52亿元… is 19 characters: shorter, the clause is cut.
        assert _ends_at_a_clause(shown, TEXT) == (limit >= 19), (limit, shown)
    assert clip_snippet(runs, 1000) == runs


def test_every_snippet_of_the_report_ends_at_a_clause(report: Report) -> None:
    checked = forced = 0
    for p in report.all_paragraphs():
        for word in ("发展", "企业", "建设"):
            spans = KeyedText(p.text).find_all(search_key(word))
            if not spans:
                continue
            for runs in (
                snippet(p.text, spans, fragments=1),
                *(clip_snippet(snippet(p.text, spans), limit) for limit in (24, 40)),
            ):
                shown = _text(runs)
                assert len(shown) <= 66
                if not _ends_at_a_clause(shown, p.text):
                    assert _forced(runs), shown
                    forced += 1
                checked += 1
    assert checked > 300 and forced < checked / 10
