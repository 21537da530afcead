"""The shelf's headless commands: --library-add, --library-list, --search … --library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from haizhu_reader.app import main

CORPUS = Path(__file__).parent / "data" / "corpus"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[object], str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, [json.loads(line) for line in out.out.splitlines()], out.err


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("佛山市-2018.md", "佛山市-2019.md", "广东省-2020.md"):
        shutil.copyfile(CORPUS / name, folder / name)
    (folder / "notes.txt").write_text("会议记录：明天开会。", encoding="utf-8")
    return folder


def test_add_list_and_search(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, reports: Path
) -> None:
    data = str(tmp_path / "profile")
    code, (summary,), err = run(capsys, "--library-add", str(reports), "--data-dir", data)
    assert code == 0 and err == ""
    assert isinstance(summary, dict)
    assert sorted(Path(p).name for p in summary["added"]) == [
        "佛山市-2018.md",
        "佛山市-2019.md",
        "广东省-2020.md",
    ]
    (refused,) = summary["refused"]
    assert Path(refused["path"]).name == "notes.txt" and "不是政府工作报告" in refused["reason"]

    code, (again,), _ = run(capsys, "--library-add", str(reports / "佛山市-2018.md"),
                            "--data-dir", data)  # fmt: skip
    assert isinstance(again, dict) and again["added"] == [] and len(again["already_there"]) == 1

    code, (listed,), _ = run(capsys, "--library-list", "--json", "--data-dir", data)
    assert code == 0 and isinstance(listed, list)
    assert [(r["place"], r["year"]) for r in listed] == [
        ("佛山市", 2019),
        ("佛山市", 2018),
        ("广东省", 2020),
        ("海珠区", 2023),  # the bundled report, on the shelf from the start
    ]
    assert set(listed[0]) >= {"content_hash", "title", "place", "level", "year", "path"}
    hashes = {r["content_hash"]: r for r in listed}

    search = ["--search", "高质量发展", "--search", "营商环境", "--library", "--place", "佛山市"]
    code, lines, _ = run(capsys, *search, "--years", "2019-2025", "--json", "--data-dir", data)
    assert code == 0 and len(lines) == 2
    first = lines[0]
    assert isinstance(first, dict) and first["query"] == "高质量发展" and first["hits"]
    for hit in first["hits"]:
        assert hashes[hit["report"]]["place"] == "佛山市" and hit["year"] == 2019
        assert set(hit) >= {"report", "place", "year", "paragraph", "section", "spans"}


def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = str(tmp_path / "profile")
    code, out, err = run(capsys, "--search", "发展", "--library", "--years", "2020-20x",
                         "--data-dir", data)  # fmt: skip
    assert code == 2 and out == [] and err.count("\n") == 1 and "2019-2025" in err


def test_a_shelf_from_a_newer_reader(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "profile" / "data" / "library.sqlite3"
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    code, out, err = run(
        capsys, "--library-list", "--json", "--data-dir", str(tmp_path / "profile")
    )
    assert code == 2 and out == [] and err.count("\n") == 1 and "更新版本" in err
