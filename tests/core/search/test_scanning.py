"""The first search never waits for an index build (issue 12, point 7): a scanning
index finds exactly what the index finds; a headless ``--search`` builds none.

Times and memory are measured by ``bench/scale_bench.py``.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from haizhu_reader.app import main
from haizhu_reader.core.report import Report
from haizhu_reader.core.search.searching import Hit, Order, ReportIndex, SearchScope, report_units
from haizhu_reader.core.search.store import DiskIndex
from haizhu_reader.paths import AppPaths


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
            for scope in (SearchScope.BODY, SearchScope.GLOSSARY):
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
