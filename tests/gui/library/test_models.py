"""The shelf's item models (the shelf tree, the results across it), checked by the model tester."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from haizhu_reader.core.library.searching import search_shelf
from haizhu_reader.core.library.store import LibraryStore, record_of
from haizhu_reader.core.parse import load_report
from haizhu_reader.gui.library.results_model import PAGE, ShelfResultsModel
from haizhu_reader.gui.library.shelf_model import ENTRY_ROLE, FILE, ShelfModel, ShelfView

CORPUS = Path(__file__).parents[2] / "data" / "corpus"


@pytest.fixture
def store(tmp_path: Path) -> LibraryStore:
    store = LibraryStore.open(tmp_path / "library.sqlite3")
    for name in ("佛山市-2018.md", "佛山市-2019.md", "江西省-2022.md"):
        store.add(record_of(load_report(CORPUS / name), CORPUS / name))
    return store


def test_the_shelf_tree(store: LibraryStore, qtmodeltester: Any) -> None:
    model = ShelfModel()
    model.set_entries(store.entries())
    qtmodeltester.check(model)
    assert [model.index(g, 0).data() for g in range(model.rowCount())] == [
        "佛山市 · 地级市 · 2 份",
        "江西省 · 省级 · 1 份",
        "海珠区 · 市辖区 · 1 份",
    ]
    foshan = model.index(0, 0)
    assert [model.index(r, 1, foshan).data() for r in range(2)] == ["2019", "2018"]
    assert model.index(0, FILE, foshan).data() == "佛山市-2019.md"
    entry = model.index(1, 0, foshan).data(ENTRY_ROLE)
    assert entry.meta.year == 2018 and model.entry_index(entry.content_hash).row() == 1
    model.set_view(ShelfView(text="江西"))
    qtmodeltester.check(model)
    assert [e.meta.place for e in model.shown()] == ["江西省"]
    model.set_view(ShelfView(text="叶建春"))  # the speaker
    assert [e.meta.place for e in model.shown()] == ["江西省"]
    model.set_view(ShelfView(years=(2020, 2030)))
    assert [e.meta.year for e in model.shown()] == [2022, 2023]


def test_the_results_read_a_page_at_a_time(store: LibraryStore, qtmodeltester: Any) -> None:
    results = search_shelf(store, "发展")
    model = ShelfResultsModel()
    model.set_results(results)
    top = model.index(0, 0)
    assert model.rowCount(top) == 0 and model.canFetchMore(top)  # nothing read yet
    model.fetchMore(top)
    assert model.rowCount(top) == min(PAGE, len(results.reports[0]))
    hit = model.hit(model.index(0, 0, top))
    assert hit is not None and hit.spans
    assert "发展" in str(model.index(0, 0, top).data())
    while model.canFetchMore(top):
        model.fetchMore(top)
    assert model.rowCount(top) == len(results.reports[0])
    qtmodeltester.check(model)
    assert str(top.data()).endswith(f"· {len(results.reports[0])} 处")
