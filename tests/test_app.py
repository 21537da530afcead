"""The headless structure dump through every entry point, and a real wheel install."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from haizhu_reader.app import main

ROOT = Path(__file__).resolve().parent.parent


def test_dump_structure_bundled(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--dump-structure"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "海珠区2023年政府工作报告"
    assert data["speaker"] == {"role": "区长", "name": "毛松柏"}
    assert [s["title"] for s in data["sections"] if s["number"]] == [
        "2022年工作回顾",
        "2023年工作安排",
    ]
    assert len(data["glossary"]) == 37
    section = data["sections"][1]["children"][0]
    assert set(section) >= {"id", "level", "number", "title", "paragraphs", "children"}
    assert section["level"] == 2


def test_dump_structure_file(capsys: pytest.CaptureFixture[str]) -> None:
    path = ROOT / "tests" / "data" / "08_guangzhou_city_2025.txt"
    assert main(["--dump-structure", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "2025年广州市政府工作报告"


@pytest.mark.parametrize(
    "content", [b"", b"\x00\x01\x02binary" * 100, "小说第一章。".encode() * 99]
)
def test_bad_input_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    assert main(["--dump-structure", str(bad)]) == 2
    out = capsys.readouterr()
    assert out.out == ""
    assert out.err.count("\n") == 1 and "Traceback" not in out.err
    assert out.err.startswith("haizhu-reader: ")


@pytest.mark.parametrize("entry", [["-m", "haizhu_reader"], [str(ROOT / "main.py")]])
def test_entry_points(entry: list[str], tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, *entry, "--dump-structure"], capture_output=True, check=False
    )
    assert run.returncode == 0, run.stderr.decode()
    assert json.loads(run.stdout)["date"] == "2023-03-02"
    missing = subprocess.run(
        [sys.executable, *entry, "--dump-structure", str(tmp_path / "nope.txt")],
        capture_output=True,
        check=False,
    )
    assert missing.returncode == 2
    assert b"Traceback" not in missing.stderr
    assert len(missing.stderr.decode().strip().splitlines()) == 1


@pytest.mark.slow
def test_wheel_install_ships_the_report(tmp_path: Path) -> None:
    """A real (non-editable) wheel carries the report and its command works from it."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("haizhu_reader-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # The English catalogue is compiled by the build (setup.py); its source stays out.
    translations = target / "haizhu_reader" / "translations"
    assert [p.name for p in translations.iterdir()] == ["haizhu_reader_en.qm"]
    assert (translations / "haizhu_reader_en.qm").stat().st_size > 10_000
    shipped = target / "haizhu_reader" / "data" / "haizhu_2023_report.txt"
    assert (
        shipped.read_bytes()
        == (ROOT / "haizhu_reader" / "data" / "haizhu_2023_report.txt").read_bytes()
    )
    # Help › 关于 reads the licence texts (LGPL-3.0 with the Qt libraries) offline.
    licences = target / "haizhu_reader" / "data" / "licenses"
    assert {"LGPL-3.0.txt", "GPL-3.0.txt"} <= {p.name for p in licences.iterdir()}
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            "import haizhu_reader, sys; print(haizhu_reader.__file__); "
            "from haizhu_reader.app import main; sys.exit(main(['--dump-structure']))",
        ],
        capture_output=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert run.returncode == 0, run.stderr.decode()
    first, _, rest = run.stdout.decode().partition("\n")
    assert first.startswith(str(target))  # not the source checkout
    assert json.loads(rest)["title"] == "海珠区2023年政府工作报告"


def test_damaged_parse_cache_is_ignored(tmp_path: Path) -> None:
    """A garbled cached parse costs a re-parse, never a traceback."""
    from haizhu_reader.gui.launch import open_first_report
    from haizhu_reader.paths import AppPaths

    paths = AppPaths.under(tmp_path)
    first = open_first_report(None, paths)
    (cached,) = (paths.cache_dir / "reports").glob("*.pickle")
    for garbage in (b"", b"\x80\x05garbage", b"\x80\x05K\x01."):
        cached.write_bytes(garbage)
        again = open_first_report(None, paths)
        assert again.to_json() == first.to_json()
