"""Search across the shelf: exactly what the search pane finds in each report, with filters."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from haizhu_reader.core.library.searching import (
    ShelfFilter,
    ShelfResults,
    parse_years,
    search_shelf,
)
from haizhu_reader.core.library.store import LibraryStore, record_of
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Report
from haizhu_reader.core.search.key import KeyedText, search_key
from haizhu_reader.core.search.query import parse_query
from haizhu_reader.core.search.searching import ReportIndex

CORPUS = Path(__file__).parents[2] / "data" / "corpus"
FILES = ["佛山市-2018.md", "佛山市-2019.md", "佛山市-2020.md", "广东省-2020.md", "国务院-2012.md"]


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> LibraryStore:
    folder = tmp_path_factory.mktemp("shelf")
    store = LibraryStore.open(folder / "library.sqlite3")  # with the bundled report
    for name in FILES:
        store.add(record_of(load_report(CORPUS / name), CORPUS / name))
    return store


def every_text(store: LibraryStore) -> list[tuple[str, int, KeyedText]]:
    return [
        (entry.content_hash, unit, KeyedText(body))
        for entry in store.entries()
        for unit, body in store.texts_of(entry.report_id)
    ]


def brute_force(texts: list[tuple[str, int, KeyedText]], text: str) -> set[tuple[str, int]]:
    """(report, unit row) of every text the query matches, checked one by one."""
    query = parse_query(text)
    return {(report, unit) for report, unit, keyed in texts if query.counts(keyed) is not None}


def found(results: ShelfResults) -> set[tuple[str, int]]:
    return {(r.entry.content_hash, unit) for r in results.reports for unit in r.ids}


def queries(store: LibraryStore, n: int, seed: int) -> list[str]:
    """Random substrings of the shelf's texts (1-6 characters), some full-width, upper-case
    or punctuated, and the query language's forms."""
    rng = random.Random(seed)
    texts = [t for e in store.entries() for _, t in store.texts_of(e.report_id)]
    out: list[str] = []
    while len(out) < n:
        t = rng.choice(texts)
        size = rng.randint(1, 6)
        start = rng.randrange(max(1, len(t) - size + 1))
        q = "".join(c for c in t[start : start + size] if not c.isspace() and c not in '"-－＂')
        if search_key(q):
            out.append(q)
    out += [q.upper() for q in out[:20]] + [f"“{q}”" for q in out[20:40]]
    out += [f"{a} {b}" for a, b in zip(out[40:60], out[60:80], strict=True)]
    out += [f"{a} OR {b}" for a, b in zip(out[80:100], out[100:120], strict=True)]
    out += [f"{a} -{b}" for a, b in zip(out[120:140], out[140:160], strict=True)]
    out += ['"四上"企业', '"“四上”企业"', "ＧＤＰ", "5G", "新质生产力 -佛山", "高质量发展" * 6]
    return out


def test_recall_and_precision_are_one_against_brute_force(store: LibraryStore) -> None:
    texts = every_text(store)
    for q in queries(store, 200, seed=17):
        assert found(search_shelf(store, q)) == brute_force(texts, q), q


def test_the_same_hits_and_spans_as_the_search_pane(store: LibraryStore, report: Report) -> None:
    index = ReportIndex.in_memory(report)
    try:
        for q in ["发展", "“四上”企业", "数字经济 OR 算力", "招商 -引资", '"营商环境"']:
            results = search_shelf(store, q, ShelfFilter(place="海珠区"))
            shelf = [(h.unit, h.spans) for h in results.all_hits()]
            pane = [(h.unit.id, h.spans) for h in index.search(q)]
            assert shelf == pane, q
    finally:
        index.close()


def test_hits_are_grouped_by_report_newest_first(store: LibraryStore) -> None:
    results = search_shelf(store, "发展")
    years = [r.entry.meta.year or 0 for r in results.reports]
    assert years == sorted(years, reverse=True) and len(years) == 6
    first = results.reports[0]
    rows = results.hits(first, 0, 5)
    assert [h.unit for h in rows] == [h.unit for h in results.hits(first)][:5]  # reading order
    assert all(h.entry is first.entry and h.spans for h in rows)


@pytest.mark.parametrize(
    ("where", "places"),
    [
        (ShelfFilter(place="佛山市"), {"佛山市"}),
        (ShelfFilter(level="province"), {"广东省"}),
        (ShelfFilter(level="national"), {"国务院"}),
        (ShelfFilter(years=(2019, 2020)), {"佛山市", "广东省"}),
        (ShelfFilter(place="佛山市", years=(2019, 2019)), {"佛山市"}),
        (ShelfFilter(place="上海市"), set()),
    ],
)
def test_filters(store: LibraryStore, where: ShelfFilter, places: set[str]) -> None:
    results = search_shelf(store, "发展", where)
    assert {r.entry.meta.place for r in results.reports} == places
    assert all(where.admits(r.entry) for r in results.reports)
    if where.years == (2019, 2019):
        assert [r.entry.meta.year for r in results.reports] == [2019]


def test_an_empty_query_finds_nothing(store: LibraryStore) -> None:
    for q in ["", "  ", "，。", '""', "-发展"]:
        assert search_shelf(store, q).reports == []


def test_hit_json(store: LibraryStore) -> None:
    results = search_shelf(store, "营商环境", ShelfFilter(place="海珠区"))
    hit = next(results.all_hits())
    data = hit.to_json()
    assert set(data) >= {"report", "place", "year", "paragraph", "section", "spans", "kind"}
    assert data["place"] == "海珠区" and data["year"] == 2023
    start, end = data["spans"][0]
    assert search_key(hit.text[start:end]) == "营商环境"


@pytest.mark.parametrize(
    ("text", "years"),
    [("2019-2025", (2019, 2025)), ("2023", (2023, 2023)), ("2019–2025", (2019, 2025)),
     ("2025-2019", None), ("20x", None), ("2019-2020-2021", None), ("", None)],
)  # fmt: skip
def test_parse_years(text: str, years: tuple[int, int] | None) -> None:
    assert parse_years(text) == years
