"""Full-text search: recall and precision against brute force, the query language,
hostile input, and the index's life on disk (corruption, staleness, two builders)."""

from __future__ import annotations

import json
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from haizhu_reader.app import main
from haizhu_reader.core.report import Report
from haizhu_reader.core.search.analysis import KeyedText, is_transparent, search_key
from haizhu_reader.core.search.query import MAX_QUERY_CHARS, parse_query
from haizhu_reader.core.search.searching import (
    Hit,
    NoteText,
    Order,
    ReportIndex,
    SearchScope,
    Unit,
    find_in_paragraphs,
    report_units,
)
from haizhu_reader.core.search.store import SCHEMA_VERSION, Store

ROOT = Path(__file__).resolve().parents[3]
ASCII_ALNUM = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in ASCII_ALNUM}
PUNCT = "，。、“”‘’《》·—：；！？（）\u200b\u3000"


@pytest.fixture(scope="module")
def index(report: Report, tmp_path_factory: pytest.TempPathFactory) -> Any:
    ix = ReportIndex.open_or_build(report, tmp_path_factory.mktemp("search") / "index")
    yield ix
    ix.close()


@pytest.fixture(scope="module")
def units(index: ReportIndex) -> list[Unit]:
    return list(index.units)


def truth(units: list[Unit], query: str) -> set[int]:
    """Brute force: the texts whose search key contains the query's."""
    key = search_key(query)
    return {i for i, u in enumerate(units) if key and key in search_key(u.text)}


def ids(hits: list[Hit]) -> list[tuple[str, tuple[tuple[int, int], ...]]]:
    return [(h.unit.id, h.spans) for h in hits]


def found(index: ReportIndex, query: str) -> list[Hit]:
    return index.search(query, SearchScope.BODY) + index.search(query, SearchScope.GLOSSARY)


def _variant(text: str, how: int, where: int) -> str:
    """The same word as a user might type or paste it."""
    if how == 1:  # full width
        return "".join(FULL_WIDTH.get(c, c) for c in text)
    if how == 2:  # case
        return text.swapcase()
    if how == 3 and len(text) > 1:  # punctuation inside
        cut = 1 + where % (len(text) - 1)
        return text[:cut] + PUNCT[where % len(PUNCT)] + text[cut:]
    if how == 4:  # quoted like a coined term
        return f"“{text}”"
    return text


# -- recall and precision ------------------------------------------------------------


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_substring_is_found_exactly(data: st.DataObject, index: ReportIndex) -> None:
    units = list(index.units)
    unit = data.draw(st.sampled_from(units))
    start = data.draw(st.integers(0, max(0, len(unit.text) - 1)))
    length = data.draw(st.integers(1, 8))
    raw = unit.text[start : start + length]
    query = _variant(raw, data.draw(st.integers(0, 4)), data.draw(st.integers(0, 99)))
    if any(c.isspace() or c in '"＂' for c in query) or query.lstrip().startswith(("-", "－")):
        query = "".join(c for c in query if not c.isspace() and c not in '"＂-－')
    expected = truth(units, query)
    hits = found(index, query)
    assert {h.order for h in hits} == expected  # recall and precision
    key = search_key(query)
    for h in hits:
        assert [search_key(h.unit.text[s:e]) for s, e in h.spans] == [key] * len(h.spans)
        assert len(h.spans) == search_key(h.unit.text).count(key)


SYNTHETIC = [
    "哈哈哈哈哈",
    "哈，哈。哈“哈”",
    "aaaa",
    "ＡａAa",
    "ab ab ab",
    "一二一二一二",
    "2022年2022年",
    "x+y=z",
    "“四上”企业和四上企业",
]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Any:
    units = [Unit("paragraph", f"p{i}", "s", ("s",), t) for i, t in enumerate(SYNTHETIC)]
    ix = ReportIndex.from_units(units, "synthetic", tmp_path_factory.mktemp("syn"))
    yield ix
    ix.close()


@settings(max_examples=300, deadline=None)
@given(query=st.text(alphabet="哈一二aAＡb2x+，“”。", min_size=1, max_size=7))
def test_repeated_characters_and_symbols(query: str, synthetic: ReportIndex) -> None:
    """Phrases of repeated bigrams (哈哈哈) and runs across punctuation stay exact."""
    units = list(synthetic.units)
    assert {h.order for h in synthetic.search(query)} == truth(units, query)


def test_quotes_and_width_are_transparent(index: ReportIndex, report: Report) -> None:
    plain = index.search("四上企业")
    quoted = [h for h in plain if "“四上”企业" in h.unit.text]
    assert quoted, "the bundled report writes “四上”企业"
    for variant in ["“四上”企业", "四上，企业", "四 上企业".replace(" ", "\u200b")]:
        assert [h.unit.id for h in index.search(variant)] == [h.unit.id for h in plain]
    hit = quoted[0]
    (s, e) = next(sp for sp in hit.spans if hit.unit.text[sp[0] : sp[1]] == "四上”企业")
    assert e - s == 5
    pm = [h.unit.id for h in index.search("PM")]
    assert pm and [h.unit.id for h in index.search("ｐｍ")] == pm  # width and case


def test_printed_punctuation_is_found_as_typed(index: ReportIndex) -> None:
    """The text reads 现在，我代表 as printed; a query typed with ASCII marks finds it too."""
    opening = [h for h in index.search("现在，我代表") if h.unit.kind == "paragraph"]
    assert opening and "现在，我代表" in opening[0].unit.text
    for variant in ["现在,我代表", '"现在,我代表"', '"现在，我代表"']:
        found = [h.unit.id for h in index.search(variant) if h.unit.kind == "paragraph"]
        assert found == [h.unit.id for h in opening], variant
    brackets = index.search('"同比(下同)"')
    assert [h.unit.text[s:e] for h in brackets for s, e in h.spans] == ["同比（下同）"]


def test_transparent_characters() -> None:
    assert all(is_transparent(c) for c in "，。、“”《》·—%* \u3000\u200b\x00\ud800")
    assert not any(is_transparent(c) for c in "四a1＋+℃ＡⅠ")
    assert search_key("“四上”企业，ＧＤＰ １２％") == "四上企业gdp12"
    kt = KeyedText("“四上”企业")
    assert kt.find_all("四上企业") == [(1, 6)]


# -- the query language ----------------------------------------------------------------


def test_words_must_all_occur(index: ReportIndex, units: list[Unit]) -> None:
    both = {h.order for h in index.search("海珠 创新")}
    assert both == truth(units, "海珠") & truth(units, "创新") - _glossary(units)
    assert both


def test_or_and_exclusion(index: ReportIndex, units: list[Unit]) -> None:
    body = set(range(len(units))) - _glossary(units)
    either = {h.order for h in index.search("算力 OR 两抢")}
    assert either == (truth(units, "算力") | truth(units, "两抢")) & body
    without = {h.order for h in index.search("海珠 -创新")}
    assert without == (truth(units, "海珠") - truth(units, "创新")) & body
    assert ids(index.search("海珠 OR")) == ids(index.search("海珠"))
    grouped = {h.order for h in index.search("海珠 算力 OR 两抢")}
    assert grouped == truth(units, "海珠") & (truth(units, "算力") | truth(units, "两抢")) & body


def test_quoted_phrase_keeps_punctuation(index: ReportIndex) -> None:
    loose = index.search("四上企业")
    exact = index.search('"“四上”企业"')
    assert 0 < len(exact) < len(loose)
    for h in exact:
        assert [h.unit.text[s:e] for s, e in h.spans] == ["“四上”企业"] * len(h.spans)
    full_width = index.search("＂“四上”企业＂")
    assert [h.unit.id for h in full_width] == [h.unit.id for h in exact]


def test_parse_query() -> None:
    q = parse_query('海珠  "a, b"  x OR Ｙ -z -"p q" OR')
    assert [[w.key for w in g] for g in q.groups] == [["海珠"], ["ab"], ["x", "y"]]
    assert [w.exact for w in q.groups[1]] == ["a, b"]
    assert [w.key for w in q.excluded] == ["z", "pq"]
    assert parse_query("OR OR").empty and parse_query("* ( ) - --").empty
    assert parse_query("x" * (MAX_QUERY_CHARS + 5)).truncated
    assert parse_query("or").groups[0][0].key == "or"  # only OR in capitals is an operator


HOSTILE = [
    "",
    "   ",
    "，。！？",
    "*",
    "?",
    "(",
    ")",
    "OR",
    "OR OR",
    "-",
    "--",
    "-四上",
    '"',
    '""',
    '"unterminated',
    "AND NOT",
    "四" * 10_000,
    "x" * 10_000,
    "四上 " * 3_000,
    "a OR " * 2_000,
    "\x00\x01\x1f\x7f",
    "\ud800",
    "四\ud800上",
    "\u200b\u200b\u200b",
    "\ufeff\u202e四上",
    "title:x~2^3 [a TO b] {c}",
    "🀄️🇨🇳",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_crashes_or_hangs(
    index: ReportIndex, report: Report, query: str
) -> None:
    started = time.perf_counter()
    for scope in SearchScope:
        for order in Order:
            hits = index.search(query, scope, order)
            assert all(isinstance(h, Hit) for h in hits)
            for h in hits:
                assert all(0 <= s < e <= len(h.unit.text) for s, e in h.spans)
    for pid, s, e in find_in_paragraphs(report, query):
        assert isinstance(pid, str) and 0 <= s < e
    assert time.perf_counter() - started < 2.0


def test_zero_width_and_control_characters_are_skipped(index: ReportIndex) -> None:
    assert [h.unit.id for h in index.search("四\u200b上\x00企业")] == [
        h.unit.id for h in index.search("四上企业")
    ]
    assert not index.search("*") and not index.search("OR OR")


def _glossary(units: list[Unit]) -> set[int]:
    return {i for i, u in enumerate(units) if u.kind == "glossary"}


# -- what is searched, order, snippets ---------------------------------------------


def test_units_cover_headings_appendix_and_glossary(report: Report) -> None:
    units = report_units(report)
    kinds = {u.kind for u in units}
    assert kinds == {"paragraph", "heading", "glossary"}
    ids = [u.id for u in units if u.kind == "paragraph"]
    assert ids == [p.id for p in report.all_paragraphs()]
    assert sum(u.kind == "glossary" for u in units) == len(report.glossary)
    headings = {u.text for u in units if u.kind == "heading"}
    assert "一、2022年工作回顾" in headings and "名词解释" in headings
    assert "开篇" not in headings  # not printed in the report


def test_reading_order_and_relevance(index: ReportIndex) -> None:
    hits = index.search("海珠")
    assert [h.order for h in hits] == sorted(h.order for h in hits)
    ranked = index.search("海珠", order=Order.RELEVANCE)
    assert {h.order for h in ranked} == {h.order for h in hits}
    assert [h.score for h in ranked] == sorted((h.score for h in ranked), reverse=True)
    assert ranked[0].score > ranked[-1].score > 0


def test_glossary_scope(index: ReportIndex, report: Report) -> None:
    hits = index.search("算力", SearchScope.GLOSSARY)
    assert hits and all(h.unit.kind == "glossary" for h in hits)
    assert {h.unit.id for h in hits} <= {g.term for g in report.glossary}


def test_notes_scope(index: ReportIndex, report: Report) -> None:
    pid = next(report.all_paragraphs()).id
    index.set_notes([NoteText("n1", pid, "会前核对ＧＤＰ数据"), NoteText("n2", pid, "无关")])
    hits = index.search("gdp", SearchScope.NOTES)
    assert [(h.unit.id, h.unit.section, h.spans) for h in hits] == [("n1", pid, ((4, 7),))]
    assert not index.search("gdp", SearchScope.BODY)
    index.set_notes([])
    assert index.search("gdp", SearchScope.NOTES) == []


def test_find_in_paragraphs_in_reading_order(report: Report, units: list[Unit]) -> None:
    matches = find_in_paragraphs(report, "“海珠”")
    order = {u.id: i for i, u in enumerate(units)}
    assert [order[m[0]] for m in matches] == sorted(order[m[0]] for m in matches)
    texts = {u.id: u.text for u in units}
    assert all(search_key(texts[pid][s:e]) == "海珠" for pid, s, e in matches)
    body = [u for u in units if u.kind != "glossary"]
    assert len(matches) == sum(search_key(u.text).count("海珠") for u in body)
    assert find_in_paragraphs(report, "。，") == []


# -- the index on disk -------------------------------------------------------------


def _fresh(report: Report, where: Path) -> ReportIndex:
    return ReportIndex.open_or_build(report, where)


def test_built_once_then_reopened(report: Report, tmp_path: Path) -> None:
    first = _fresh(report, tmp_path)
    assert first.builds == 1 and first.location is not None
    assert first.location.name == f"{report.content_hash[:16]}-v{SCHEMA_VERSION}"
    first.close()
    again = _fresh(report, tmp_path)
    assert again.builds == 0
    assert [h.unit.id for h in again.search("海珠")] == [h.unit.id for h in first.search("海珠")]
    again.close()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def _segment_files(location: Path) -> list[Path]:
    return sorted(location.glob("*.seg"), key=lambda p: p.stat().st_size)


def test_truncated_segment_is_rebuilt(report: Report, tmp_path: Path) -> None:
    ix = _fresh(report, tmp_path)
    expected = [h.unit.id for h in ix.search("经济")]
    assert ix.location is not None
    seg = _segment_files(ix.location)[-1]
    ix.close()
    with seg.open("r+b") as f:
        f.truncate(seg.stat().st_size // 2)
    again = _fresh(report, tmp_path)
    assert again.builds == 1
    assert [h.unit.id for h in again.search("经济")] == expected
    again.close()


def test_garbage_toc_is_rebuilt(report: Report, tmp_path: Path) -> None:
    ix = _fresh(report, tmp_path)
    assert ix.location is not None
    location = ix.location
    ix.close()
    (toc,) = location.glob("*.toc")
    toc.write_bytes(b"\x00garbage\xff" * 50)
    again = _fresh(report, tmp_path)
    assert again.builds == 1 and again.search("海珠")
    again.close()


def test_stale_index_is_rebuilt_and_old_schema_removed(report: Report, tmp_path: Path) -> None:
    ix = _fresh(report, tmp_path)
    assert ix.location is not None
    meta = ix.location / "meta.json"
    ix.close()
    data = json.loads(meta.read_text(encoding="utf-8"))
    data["digest"] = "0" * 32  # as if the parser had changed the ids
    meta.write_text(json.dumps(data), encoding="utf-8")
    old = tmp_path / f"{report.content_hash[:16]}-v0"
    old.mkdir()
    again = _fresh(report, tmp_path)
    assert again.builds == 1 and not old.exists()
    again.close()


def test_an_index_from_before_the_analyzers_moved_is_replaced_not_opened(
    report: Report, tmp_path: Path
) -> None:
    """Whoosh pickles the analyzers' module into the index: one written when they lived in
    haizhu_reader.core.search_analysis cannot be unpickled now, so the schema version
    moved on and such an index is built afresh and the old one removed."""
    ix = _fresh(report, tmp_path)
    assert ix.location is not None
    new_path, old_path = (
        b"haizhu_reader.core.search.analysis",
        b"haizhu_reader.core.search_analysis",
    )
    ix.close()
    old = tmp_path / f"{report.content_hash[:16]}-v1"
    ix.location.rename(old)
    meta = json.loads((old / "meta.json").read_text(encoding="utf-8"))
    (old / "meta.json").write_text(json.dumps({**meta, "schema": 1}), encoding="utf-8")
    (toc,) = old.glob("*.toc")
    pickled = toc.read_bytes()
    assert new_path in pickled
    toc.write_bytes(pickled.replace(new_path, old_path))  # as the old app wrote it
    again = _fresh(report, tmp_path)
    assert again.builds == 1 and again.location is not None
    assert again.location.name != old.name and not old.exists()
    assert again.search("海珠")
    again.close()


def test_failure_at_search_time_rebuilds(
    report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whoosh can open a damaged index and fail at the first search."""
    ix = _fresh(report, tmp_path)
    expected = [h.unit.id for h in ix.search("创新")]
    broken = Store.searcher

    class Exploding:
        def docs_for_query(self, q: object) -> list[int]:
            raise struct.error("unpack requires a buffer of 4 bytes")

    calls = {"n": 0}

    def searcher(self: Store) -> Any:
        calls["n"] += 1
        return Exploding() if calls["n"] == 1 else broken(self)

    monkeypatch.setattr(Store, "searcher", searcher)
    assert [h.unit.id for h in ix.search("创新")] == expected
    assert ix.builds == 2
    ix.close()


def test_unwritable_cache_falls_back_to_memory(report: Report, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    ix = _fresh(report, blocker / "index")
    assert ix.location is None and ix.search("海珠")
    ix.close()


def test_in_memory_index_writes_nothing(report: Report, tmp_path: Path) -> None:
    ix = ReportIndex.in_memory(report)
    assert ix.location is None and ix.builds == 0
    assert [h.unit.id for h in ix.search("四上企业")] == [
        u.id
        for u in report_units(report)
        if "四上企业" in search_key(u.text) and u.kind != "glossary"
    ]
    ix.close()


_BUILDER = """
import sys, json
from pathlib import Path
from haizhu_reader.core.parse import bundled_report
from haizhu_reader.core.search.searching import ReportIndex
ix = ReportIndex.open_or_build(bundled_report(), Path(sys.argv[1]))
print(json.dumps([ix.builds, [h.unit.id for h in ix.search("海珠")]]))
ix.close()
"""


def test_two_app_instances_build_at_once(report: Report, tmp_path: Path) -> None:
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _BUILDER, str(tmp_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        for _ in range(3)
    ]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e.decode() for _, e in outs]
    results = [json.loads(o) for o, _ in outs]
    assert len({json.dumps(r[1]) for r in results}) == 1
    ix = _fresh(report, tmp_path)
    assert ix.builds == 0  # what they left is valid
    assert [h.unit.id for h in ix.search("海珠")] == results[0][1]
    ix.close()
    assert [p.name for p in tmp_path.iterdir()] == [f"{report.content_hash[:16]}-v{SCHEMA_VERSION}"]


def test_searching_from_many_threads(index: ReportIndex, units: list[Unit]) -> None:
    queries = ["海珠", "经济", "的", "四上企业", "数字", "创新 OR 算力", "城中村"]
    expected = {q: [h.order for h in index.search(q)] for q in queries}
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(30):
                for q in queries:
                    assert [h.order for h in index.search(q)] == expected[q]
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


# -- the headless command --------------------------------------------------------------


def test_headless_search(
    report: Report, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(tmp_path), "--search", "四上企业", "--search", "ＯＲ OR", "--json"]
    assert main([*args, "--search", "海珠 -创新"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    first, second, third = (json.loads(line) for line in lines)
    assert first["query"] == "四上企业" and second == {"query": "ＯＲ OR", "hits": []}
    texts = {p.id: p.text for p in report.all_paragraphs()}
    assert first["hits"]
    for hit in first["hits"]:
        assert set(hit) >= {"paragraph", "section", "spans", "score"}
        for s, e in hit["spans"]:
            assert search_key(texts[hit["paragraph"]][s:e]) == "四上企业"
    assert all("创新" not in search_key(texts.get(h["paragraph"], "")) for h in third["hits"])
    # A one-off search scans; the window builds the index (test_scale.py).
    assert not (tmp_path / "cache" / "index").exists()


def test_headless_lone_surrogate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), "--search", "\udcff四上", "--json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["query"] == "\udcff四上"
