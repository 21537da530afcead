"""Importing standard W3C Web Annotations made with other tools (issue 16): a
TextQuoteSelector alone places an annotation by its quote and context; one the
report does not contain is kept and listed, never dropped; a file about another
source needs the user's word; ``created``/``modified`` are optional."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from haizhu_reader.app import main
from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.export import import_file
from haizhu_reader.core.annotations.store import AnnotationStore, Colour, Kind
from haizhu_reader.core.annotations.web_annotation import ForeignSourceError, report_urn
from haizhu_reader.core.report import Report
from haizhu_reader.paths import AppPaths
from tests.helpers import QUOTE, paragraph_with, table_dump

PAGE = "https://www.haizhu.gov.cn/gkmlpt/content/9/9012/post_9012345.html"
# 数字经济 occurs 16 times in the report: the context says which one.
EXACT = "数字经济"
PREFIX = "选址建设区域领先的智能算力中心,"
SUFFIX = "“朋友圈”不断扩大。"


def _quote_only(
    exact: str = EXACT,
    prefix: str = PREFIX,
    suffix: str = SUFFIX,
    source: str = PAGE,
    **extra: Any,
) -> dict[str, Any]:
    """An annotation as a web annotation tool exports it: no FragmentSelector, no times."""
    selector = {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix}
    item: dict[str, Any] = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://annotations.example.org/a/1",
        "type": "Annotation",
        "motivation": "commenting",
        "body": {"type": "TextualBody", "value": "朋友圈有多大？", "format": "text/plain"},
        "target": {"source": source, "selector": selector},
    }
    item.update(extra)
    return item


def _write(tmp_path: Path, *items: dict[str, Any]) -> Path:
    path = tmp_path / "from-the-web.json"
    doc = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "first": {"type": "AnnotationPage", "items": list(items)},
    }
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_quote_alone_places_the_annotation_by_its_context(
    report: Report, app_paths: AppPaths, tmp_path: Path
) -> None:
    path = _write(tmp_path, _quote_only(source=report_urn(report)))
    with AnnotationStore.open(app_paths.annotations_db) as store:
        result = import_file(store, report, path)
        (placed,), unplaced = store.load(report)
    assert (result.added, result.placed, result.unplaced) == (1, 1, [])
    assert unplaced == []
    a, at = placed.annotation, placed.placement
    assert (a.kind, a.note, at.text) == (Kind.NOTE, "朋友圈有多大？", EXACT)
    assert at.paragraph_id == paragraph_with(report, "数字经济“朋友圈”")
    text = Placer(report).paragraph_text(at.paragraph_id)
    assert text[at.end :].startswith("“朋友圈”")
    assert a.created and a.created == a.modified  # the import time: the file had none


def test_a_quote_the_report_lacks_is_kept_and_listed(
    report: Report, app_paths: AppPaths, tmp_path: Path
) -> None:
    missing = _quote_only(exact="这句话报告里没有", prefix="", suffix="")
    missing["id"] = "https://annotations.example.org/a/2"
    path = _write(tmp_path, _quote_only(), missing)
    with AnnotationStore.open(app_paths.annotations_db) as store:
        result = import_file(store, report, path, into_this_report=True)
        placed, unplaced = store.load(report)
    assert (result.added, result.placed) == (2, 1)
    assert [a.anchor.exact for a in result.unplaced] == ["这句话报告里没有"]
    assert [a.anchor.exact for a in unplaced] == ["这句话报告里没有"]
    assert unplaced[0].note == "朋友圈有多大？" and len(placed) == 1


def test_another_source_needs_the_users_word(
    report: Report, app_paths: AppPaths, tmp_path: Path
) -> None:
    path = _write(tmp_path, _quote_only())
    with AnnotationStore.open(app_paths.annotations_db) as store:
        before = table_dump(app_paths.annotations_db)
        with pytest.raises(ForeignSourceError) as e:
            import_file(store, report, path)
        assert e.value.sources == [PAGE]
        assert PAGE in e.value.zh and report.title in e.value.zh
        assert table_dump(app_paths.annotations_db) == before
        assert import_file(store, report, path, into_this_report=True).added == 1


def test_annotations_that_name_no_source_need_the_users_word_too(
    report: Report, app_paths: AppPaths, tmp_path: Path
) -> None:
    unnamed = _quote_only()
    del unnamed["target"]["source"]
    path = _write(tmp_path, unnamed)
    with AnnotationStore.open(app_paths.annotations_db) as store:
        with pytest.raises(ForeignSourceError) as e:
            import_file(store, report, path)
        assert "没有注明属于哪份报告" in e.value.zh and "（（" not in e.value.zh
        assert "do not say which report" in e.value.en
        assert import_file(store, report, path, into_this_report=True).added == 1


def test_a_re_import_without_times_changes_nothing(
    report: Report, app_paths: AppPaths, tmp_path: Path
) -> None:
    path = _write(tmp_path, _quote_only())
    with AnnotationStore.open(app_paths.annotations_db) as store:
        import_file(store, report, path, into_this_report=True)
        first = store.annotations(report)
        again = import_file(store, report, path, into_this_report=True)
        assert (again.added, again.updated, again.skipped) == (0, 0, 1)
        assert store.annotations(report) == first


def test_a_fragment_selector_still_wins(
    report: Report, app_paths: AppPaths, tmp_path: Path
) -> None:
    # The quote alone (no context) would be ambiguous: the fragment names the paragraph.
    pid = paragraph_with(report, QUOTE)
    text = Placer(report).paragraph_text(pid)
    start = text.index(QUOTE)
    anchor = Placer(report).anchor_range(pid, start, start + len(QUOTE))
    item = _quote_only(exact=QUOTE, prefix="", suffix="", source=report_urn(report))
    item["id"] = "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
    item["target"]["selector"] = [
        item["target"]["selector"],
        {
            "type": "FragmentSelector",
            "conformsTo": "urn:haizhu-reader:fragment",
            "value": f"section={anchor.section_id}&paragraph={pid}",
            "refinedBy": {"type": "TextPositionSelector", "start": start, "end": anchor.end},
        },
    ]
    with AnnotationStore.open(app_paths.annotations_db) as store:
        import_file(store, report, _write(tmp_path, item))
        (placed,), _ = store.load(report)
    assert placed.annotation.id == "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert (placed.placement.paragraph_id, placed.placement.start) == (pid, start)


def test_other_tools_shapes(report: Report, app_paths: AppPaths, tmp_path: Path) -> None:
    """bodyValue, no motivation, a highlight's colour, no id at all."""
    note = _quote_only(source=report_urn(report))
    del note["body"], note["motivation"], note["id"]
    note["bodyValue"] = "用 bodyValue 写的笔记"
    highlight = _quote_only(
        exact=QUOTE, prefix="", suffix="", source=report_urn(report), motivation="highlighting"
    )
    del highlight["body"]
    highlight["id"] = "https://annotations.example.org/a/3"
    with AnnotationStore.open(app_paths.annotations_db) as store:
        result = import_file(store, report, _write(tmp_path, note, highlight))
        placed, _ = store.load(report)
        assert import_file(store, report, _write(tmp_path, note, highlight)).skipped == 2
    assert result.added == 2
    kinds = {p.annotation.kind: p.annotation for p in placed}
    assert kinds[Kind.NOTE].note == "用 bodyValue 写的笔记"
    assert kinds[Kind.HIGHLIGHT].colour is Colour.YELLOW and kinds[Kind.HIGHLIGHT].note == ""


# -- headless --------------------------------------------------------------------------------


def test_headless_import_of_another_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = _quote_only(exact="这句话报告里没有", prefix="", suffix="")
    missing["id"] = "https://annotations.example.org/a/2"
    path = _write(tmp_path, _quote_only(), missing)
    args = ["--import-annotations", str(path), "--data-dir", str(tmp_path / "profile")]
    assert main(args) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "--into-this-report" in captured.err and PAGE in captured.err
    assert main([*args, "--into-this-report"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert (summary["added"], summary["placed"]) == (2, 1)
    assert summary["unplaced"] == [{"quote": "这句话报告里没有", "note": "朋友圈有多大？"}]
