"""The promises' headless commands: --promises FILE --json and --trend INDICATOR --place P."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from haizhu_reader.app import main
from haizhu_reader.core.library.store import LibraryStore, record_of
from haizhu_reader.core.parse import load_report
from haizhu_reader.paths import AppPaths

CORPUS = Path(__file__).parent / "data" / "corpus"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[dict[str, Any]], str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, [json.loads(line) for line in out.out.splitlines()], out.err


@pytest.fixture
def shelf(tmp_path: Path) -> tuple[str, Path]:
    """A data dir whose shelf holds 佛山市 2022–2024 (copies in tmp_path/reports)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    data = tmp_path / "profile"
    with LibraryStore.open(AppPaths.under(data).library_db) as store:
        for year in (2022, 2023, 2024):
            path = folder / f"佛山市-{year}.md"
            shutil.copyfile(CORPUS / path.name, path)
            store.add(record_of(load_report(path), path))
    return str(data), folder


def test_promises_of_a_report_with_last_years_on_the_shelf(
    capsys: pytest.CaptureFixture[str], shelf: tuple[str, Path]
) -> None:
    data, folder = shelf
    code, (out,), err = run(capsys, "--promises", str(folder / "佛山市-2024.md"), "--json",
                            "--data-dir", data)  # fmt: skip
    assert code == 0 and err == ""
    assert set(out) == {"previous", "promises"}
    previous = load_report(folder / "佛山市-2023.md")
    assert out["previous"] == {"title": "2023年佛山市政府工作报告", "year": 2023,
                               "content_hash": previous.content_hash}  # fmt: skip
    first = out["promises"][0]
    assert set(first) == {"indicator", "target", "result", "verdict", "confidence"}
    assert first["indicator"] == "地区生产总值"
    target = first["target"]
    assert target == {"text": "增长6%", "value": 6.0, "value_high": None, "unit": "%",
                      "qualifier": None, "paragraph": target["paragraph"]}  # fmt: skip
    assert first["target"]["paragraph"] in {p.id for p in previous.all_paragraphs()}
    current = load_report(folder / "佛山市-2024.md")
    assert first["result"]["text"] == "增长5%"
    assert first["result"]["paragraph"] in {p.id for p in current.all_paragraphs()}
    assert (first["verdict"], first["confidence"]) == ("missed", 1.0)
    verdicts = {p["verdict"] for p in out["promises"]}
    assert verdicts <= {"met", "missed", "unclear", "not_reported"}


def test_promises_without_last_years_report(
    capsys: pytest.CaptureFixture[str], shelf: tuple[str, Path]
) -> None:
    data, folder = shelf
    code, (out,), err = run(capsys, "--promises", str(folder / "佛山市-2022.md"), "--json",
                            "--data-dir", data)  # fmt: skip
    assert (code, out, err) == (0, {"previous": None, "promises": []}, "")


def test_last_years_file_gone_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], shelf: tuple[str, Path]
) -> None:
    data, folder = shelf
    (folder / "佛山市-2023.md").unlink()
    code = main(["--promises", str(folder / "佛山市-2024.md"), "--json", "--data-dir", data])
    out = capsys.readouterr()
    assert code == 2 and out.out == ""
    assert out.err.count("\n") == 1 and "去年的报告" in out.err


def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    for argv in (
        ["--promises", str(empty), "--json"],
        ["--promises", str(tmp_path / "nothing.md"), "--json"],
        ["--trend", "地区生产总值"],  # no place, no FILE
        ["--trend", " ", "--place", "佛山市"],
    ):
        code = main([*argv, "--data-dir", str(tmp_path / "profile")])
        out = capsys.readouterr()
        assert code == 2 and out.out == "", argv
        assert out.err.startswith("haizhu-reader: ") and out.err.count("\n") == 1, argv


def test_trend(capsys: pytest.CaptureFixture[str], shelf: tuple[str, Path]) -> None:
    data, folder = shelf
    code, (out,), err = run(capsys, "--trend", "地区生产总值增长", "--place", "佛山市", "--json",
                            "--data-dir", data)  # fmt: skip
    assert code == 0 and err == ""
    assert (out["indicator"], out["place"], out["unit"], out["change"]) == (
        "地区生产总值", "佛山市", "%", True
    )  # fmt: skip
    by_year = {p["year"]: p for p in out["points"]}
    assert sorted(by_year) == [2021, 2022, 2023, 2024]
    assert by_year[2022]["target"]["text"] == "增长6%左右"
    assert by_year[2022]["result"]["text"] == "增长2.1%" and by_year[2022]["verdict"] == "missed"
    assert by_year[2024]["result"] is None and by_year[2024]["verdict"] is None  # no 2025 report
    assert by_year[2021]["target"] is None  # the 2021 report is not on this shelf
    hashes = {load_report(folder / f"佛山市-{y}.md").content_hash: y for y in (2022, 2023)}
    assert hashes[by_year[2022]["target"]["report"]] == 2022
    assert hashes[by_year[2022]["result"]["report"]] == 2023
    # The place of FILE when --place is not given; an unknown indicator lists the choices.
    code, (same,), _ = run(capsys, "--trend", "地区生产总值增长", str(folder / "佛山市-2023.md"),
                           "--json", "--data-dir", data)  # fmt: skip
    assert same == out
    code = main(["--trend", "月球车产量", "--place", "佛山市", "--data-dir", data])
    err = capsys.readouterr().err
    assert code == 2 and "可选：地区生产总值" in err and err.count("\n") == 1
    code = main(["--trend", "地区生产总值", "--place", "广州市", "--data-dir", data])
    assert code == 2 and "书架上没有广州市的报告" in capsys.readouterr().err
