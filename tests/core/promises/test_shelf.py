"""Last year's report looked up on the shelf, and a report's study for the window."""

from __future__ import annotations

from pathlib import Path

from haizhu_reader.core.library.metadata import describe
from haizhu_reader.core.library.store import LibraryStore, record_of
from haizhu_reader.core.parse import load_report, parse_report
from haizhu_reader.core.promises.shelf import (
    Problem,
    meta_plan_year,
    previous_entry,
    study,
)
from haizhu_reader.core.promises.trend import Year
from haizhu_reader.core.report import Report
from tests.conftest import DATA
from tests.core.promises.test_pairing import PLAN, report


def shelf_of(*reports: tuple[Report, Path | None]) -> LibraryStore:
    store = LibraryStore.in_memory_store()
    for r, path in reports:
        store.add(record_of(r, path))
    return store


def test_last_years_report_is_the_one_whose_plan_is_for_the_year_before() -> None:
    r2023 = report(2023, "全市地区生产总值增长4%。", PLAN)
    r2024 = report(2024, "全市地区生产总值增长4.6%。", PLAN)
    other = report(2023, "全市地区生产总值增长4%。", PLAN.replace("5%", "7%"))
    assert describe(r2024).place == "海河市"
    with shelf_of((r2023, None), (r2024, None)) as store:
        found = previous_entry(store, r2024)
        assert found is not None and found.content_hash == r2023.content_hash
        assert previous_entry(store, r2023) is None  # no 2022 report
        assert previous_entry(store, other) is None  # another 2023 report: not the year before
    # Delivered in December 2022, the 2023 plan: its previous is the 2022 plan's report.
    december = report(2022, "全市地区生产总值增长4%。", PLAN, month=12)
    assert meta_plan_year(describe(december)) == 2023
    early = report(2022, "全市地区生产总值增长3%。", PLAN)
    with shelf_of((early, None), (december, None)) as store:
        found = previous_entry(store, december)
        assert found is not None and found.content_hash == early.content_hash
        found = previous_entry(store, r2024)
        assert found is not None and found.content_hash == december.content_hash


def test_the_study_of_a_report(tmp_path: Path) -> None:
    paths = {}
    for year in (2022, 2023, 2024):
        paths[year] = tmp_path / f"佛山市-{year}.md"
        paths[year].write_bytes((DATA / "corpus" / paths[year].name).read_bytes())
    reports = {y: load_report(p) for y, p in paths.items()}
    store = shelf_of(*((reports[y], paths[y]) for y in (2022, 2023)))
    cache: dict[str, Year] = {}
    s = study(store, reports[2024], cache)
    assert s.problem is None and s.previous is not None and s.previous_report is not None
    assert s.previous.content_hash == reports[2023].content_hash
    assert s.promises and s.promises[0].indicator == "地区生产总值"
    # the report itself is in its place's years, on the shelf or not
    assert [y.year for y in s.years] == [2022, 2023, 2024]
    assert set(s.entries) == {reports[2022].content_hash, reports[2023].content_hash}
    assert len(cache) == 3  # read once, kept for the next report of the place
    # last year's file gone: said, with the other years still read from the cache
    paths[2023].unlink()
    s = study(store, reports[2024], cache)
    assert s.problem is Problem.UNREADABLE and s.promises == () and s.detail[0]
    s = study(store, reports[2022])
    assert s.problem is Problem.NOT_ON_SHELF and paths[2023].name in s.unread[0]


def test_a_report_of_unknown_place() -> None:
    text = "政府工作报告\n\n各位代表：\n\n一、工作回顾\n\n全年增长4%。\n".encode()
    s = study(LibraryStore.in_memory_store(), parse_report(text))
    assert s.problem is Problem.NO_PLACE
