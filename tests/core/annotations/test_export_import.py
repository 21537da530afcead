"""W3C Web Annotation JSON: its shape, a lossless round trip, and imports that change nothing."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from haizhu_reader.app import main
from haizhu_reader.core.annotations.export import import_file, render
from haizhu_reader.core.annotations.store import AnnotationStore
from haizhu_reader.core.annotations.web_annotation import MAX_IMPORT_BYTES, AnnotationImportError
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.report import Report
from haizhu_reader.paths import AppPaths
from tests.conftest import DATA
from tests.helpers import MARKUP_NOTES, QUOTE, edited_report, table_dump, variety

CITATION = "《海珠区2023年政府工作报告》二、（三）第2段"
Doc = dict[str, Any]


def _export(report: Report, db: Path) -> Doc:
    with AnnotationStore.open(db) as store:
        doc: Doc = json.loads(render(report, *store.load(report), "json"))
    return doc


@pytest.fixture
def exported(report: Report, tmp_path: Path) -> Doc:
    """A JSON export of one annotation of every kind, made on 'another PC'."""
    db = tmp_path / "other-pc" / "annotations.sqlite3"
    with AnnotationStore.open(db) as store:
        for a in variety(report):
            store.add(report, a)
    return _export(report, db)


def test_json_follows_the_web_annotation_model(report: Report, exported: Doc) -> None:
    assert exported["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert exported["type"] == "AnnotationCollection"
    items = exported["first"]["items"]
    assert exported["total"] == len(items) == len(variety(report))
    urn = f"urn:haizhu-reader:report:{report.content_hash}"
    for item in items:
        assert item["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert item["type"] == "Annotation"
        assert item["id"].startswith("urn:uuid:")
        assert item["motivation"] in {"highlighting", "commenting", "bookmarking"}
        assert item["target"]["source"] == urn
        types = {s["type"] for s in item["target"]["selector"]}
        assert types == {"TextQuoteSelector", "FragmentSelector"}
        assert all(b["type"] == "TextualBody" for b in item["body"])
    hl = next(i for i in items if i["target"]["selector"][0]["exact"] == QUOTE)
    quote, fragment = hl["target"]["selector"]
    assert quote["prefix"] and quote["suffix"]
    assert fragment["refinedBy"]["type"] == "TextPositionSelector"
    assert fragment["refinedBy"]["end"] - fragment["refinedBy"]["start"] == len(QUOTE)
    assert "paragraph=p" in fragment["value"] and "section=s" in fragment["value"]
    assert hl["target"]["styleClass"] == "pink"
    assert hl["stylesheet"]["type"] == "CssStylesheet" and ".pink" in hl["stylesheet"]["value"]
    bodies = {b["purpose"]: b["value"] for b in hl["body"]}
    assert bodies == {"commenting": "多行\n笔记\n\n第三行", "describing": CITATION}
    notes = [b["value"] for i in items for b in i["body"] if b["purpose"] == "commenting"]
    assert set(MARKUP_NOTES) <= set(notes)  # JSON holds the raw text


def test_round_trip_is_lossless_and_idempotent(
    report: Report, exported: Doc, app_paths: AppPaths, tmp_path: Path
) -> None:
    source = tmp_path / "from-other-pc.json"
    source.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    with AnnotationStore.open(app_paths.annotations_db) as store:
        first = import_file(store, report, source)
        assert (first.added, first.updated, first.skipped) == (len(variety(report)), 0, 0)
        mine = store.annotations(report)
        again = import_file(store, report, source)
        assert (again.added, again.updated, again.skipped) == (0, 0, len(mine))
        assert store.annotations(report) == mine
    # What comes back exports to the same document: nothing was lost on the way.
    back = _export(report, app_paths.annotations_db)
    del back["generated"], exported["generated"]
    key = "id"
    assert sorted(back["first"]["items"], key=lambda i: i[key]) == sorted(
        exported["first"]["items"], key=lambda i: i[key]
    )


def test_round_trip_keeps_every_field(report: Report, tmp_path: Path) -> None:
    made = variety(report)
    a_db, b_db = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    with AnnotationStore.open(a_db) as store:
        for a in made:
            store.add(report, a)
    path = tmp_path / "x.json"
    path.write_bytes(render(report, *AnnotationStore.open(a_db).load(report), "json"))
    with AnnotationStore.open(b_db) as store:
        import_file(store, report, path)
        assert sorted(store.annotations(report), key=lambda a: a.id) == sorted(
            made, key=lambda a: a.id
        )


def test_unplaced_annotations_travel_too(report: Report, tmp_path: Path) -> None:
    edited = edited_report("营商环境日臻优化。", "")
    db = tmp_path / "a.sqlite3"
    with AnnotationStore.open(db) as store:
        for a in variety(report):
            store.add(report, a)
        store.carry_over(edited, report.content_hash)
        placed, unplaced = store.load(edited)
        assert len(unplaced) == 1
        data = render(edited, placed, unplaced, "json")
    path = tmp_path / "x.json"
    path.write_bytes(data)
    with AnnotationStore.open(tmp_path / "b.sqlite3") as store:
        import_file(store, edited, path)
        assert store.load(edited)[1] == unplaced


def _mutate(doc: Doc, change: Callable[[Doc], object]) -> bytes:
    change(doc)
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _item(doc: Doc, n: int = -1) -> Doc:
    item: Doc = doc["first"]["items"][n]
    return item


BAD: dict[str, Callable[[Doc], bytes]] = {
    "not json": lambda d: b'{"first": [',
    "not utf-8": lambda d: "批注".encode("gb18030") * 10,
    "wrong shape": lambda d: b'{"hello": "world"}',
    "a number": lambda d: b"42",
    "too deep": lambda d: b"[" * 100_000 + b"]" * 100_000,
    "wrong report": lambda d: _mutate(
        d, lambda d: _item(d).__setitem__("target", {**_item(d)["target"], "source": "urn:x"})
    ),
    "bad uuid": lambda d: _mutate(d, lambda d: _item(d).__setitem__("id", "urn:uuid:nope")),
    "no target": lambda d: _mutate(d, lambda d: _item(d).pop("target")),
    "start after end": lambda d: _mutate(
        d, lambda d: _item(d, 0)["target"]["selector"][1]["refinedBy"].update(start=9, end=2)
    ),
    "offset is text": lambda d: _mutate(
        d, lambda d: _item(d, 0)["target"]["selector"][1]["refinedBy"].update(start="1")
    ),
    "unknown motivation": lambda d: _mutate(
        d, lambda d: _item(d).__setitem__("motivation", "editing")
    ),
    "bookmark on a range": lambda d: _mutate(
        d, lambda d: _item(d, 0).__setitem__("motivation", "bookmarking")
    ),
    "bad time": lambda d: _mutate(d, lambda d: _item(d).__setitem__("created", "yesterday")),
    # Near the calendar's ends a time zone overflows the year (OverflowError escaped).
    "year 1 east": lambda d: _mutate(
        d, lambda d: _item(d).__setitem__("created", "0001-01-01T00:00:00+05:00")
    ),
    "year 9999 west": lambda d: _mutate(
        d, lambda d: _item(d).__setitem__("created", "9999-12-31T23:59:59-05:00")
    ),
    # Past SQLite's integers (OverflowError from the store, after validation).
    "huge offset": lambda d: _mutate(
        d, lambda d: _item(d, 0)["target"]["selector"][1]["refinedBy"].update(end=10**30)
    ),
    "repeated id": lambda d: _mutate(
        d, lambda d: d["first"]["items"].append(d["first"]["items"][0])
    ),
    # json.dumps escapes it as \ud800: valid JSON, but not text SQLite can store.
    "lone surrogate": lambda d: json.dumps(
        {**d, "first": {**d["first"], "items": [_with_surrogate(_item(d))]}}
    ).encode(),
    "note is a number": lambda d: _mutate(
        d, lambda d: _item(d).__setitem__("body", {"type": "TextualBody", "value": 5})
    ),
}


def _with_surrogate(item: Doc) -> Doc:
    return {**item, "body": [{"type": "TextualBody", "value": "\ud800"}]}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_file_is_rejected_and_changes_nothing(
    report: Report, exported: Doc, app_paths: AppPaths, tmp_path: Path, case: str
) -> None:
    with AnnotationStore.open(app_paths.annotations_db) as store:
        store.add(report, variety(report)[0])  # something that must survive
        before = table_dump(app_paths.annotations_db)
        bad = tmp_path / "bad.json"
        bad.write_bytes(BAD[case](json.loads(json.dumps(exported))))
        with pytest.raises(AnnotationImportError) as e:
            import_file(store, report, bad)
        assert e.value.zh and e.value.en and e.value.zh != e.value.en
        assert table_dump(app_paths.annotations_db) == before


def test_a_huge_file_is_rejected_unread(
    report: Report, app_paths: AppPaths, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.json"
    with huge.open("wb") as f:
        f.truncate(MAX_IMPORT_BYTES + 10)  # sparse: costs no disk
    with AnnotationStore.open(app_paths.annotations_db) as store:
        with pytest.raises(AnnotationImportError, match="MB"):
            import_file(store, report, huge)
        assert store.annotations(report) == []


def test_a_good_file_for_a_different_report_names_it(
    report: Report, exported: Doc, app_paths: AppPaths, tmp_path: Path
) -> None:
    other = load_report(DATA / "08_guangzhou_city_2025.txt")
    path = tmp_path / "x.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    with (
        AnnotationStore.open(app_paths.annotations_db) as store,
        pytest.raises(AnnotationImportError) as e,
    ):
        import_file(store, other, path)
    assert "海珠区2023年政府工作报告" in e.value.zh and other.title in e.value.zh


# -- the headless commands -------------------------------------------------------------


def test_headless_import_then_export(
    exported: Doc, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    data_dir = tmp_path / "profile"
    out = tmp_path / "handout.docx"
    args = ["--import-annotations", str(source), "--export-annotations", str(out)]
    assert main([*args, "--data-dir", str(data_dir)]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    imported, written = (json.loads(line) for line in captured.out.splitlines())
    assert imported["added"] == exported["total"]
    assert written == {"exported": str(out), "format": "docx", "count": exported["total"]}
    import docx

    assert CITATION in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    # Again: nothing new, and --format wins over the extension.
    assert main([*args, "--format", "md", "--data-dir", str(data_dir)]) == 0
    imported, written = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (imported["added"], imported["skipped"]) == (0, exported["total"])
    assert written["format"] == "md" and out.read_text(encoding="utf-8").startswith("# ")
    db = AppPaths.under(data_dir).annotations_db
    assert sqlite3.connect(db).execute("SELECT count(*) FROM annotations").fetchone() == (
        exported["total"],
    )


def test_headless_export_of_a_report_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "notes.html"
    sample = DATA / "08_guangzhou_city_2025.txt"
    assert main(["--export-annotations", str(out), str(sample), "--data-dir", str(tmp_path)]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 0
    assert "2025年广州市政府工作报告" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("problem", ["bad import", "unwritable export", "newer database"])
def test_headless_failures_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], problem: str
) -> None:
    data_dir = tmp_path / "profile"
    if problem == "bad import":
        bad = tmp_path / "bad.json"
        bad.write_text("{oops", encoding="utf-8")
        args = ["--import-annotations", str(bad)]
    elif problem == "unwritable export":
        args = ["--export-annotations", str(tmp_path / "missing-folder" / "x.md")]
    else:
        db = AppPaths.under(data_dir).annotations_db
        db.parent.mkdir(parents=True)
        sqlite3.connect(db).execute("PRAGMA user_version = 99").close()
        args = ["--export-annotations", str(tmp_path / "x.md")]
    assert main([*args, "--data-dir", str(data_dir)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("haizhu-reader: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
