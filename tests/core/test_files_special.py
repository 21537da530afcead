"""FIFOs, devices and folders where a file should be (issue 12, points 3 and 8).

Anything that could hang or eat memory if the fix regressed runs in a process of
its own, with a timeout and a cap on its address space.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from haizhu_reader.app import main
from haizhu_reader.core.errors import MAX_BYTES
from haizhu_reader.core.files import NotRegularFileError, read_regular
from haizhu_reader.core.parse import load_report
from haizhu_reader.core.source import ReportError
from haizhu_reader.paths import AppPaths
from tests.conftest import DATA

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")

_MEMORY_CAP = 2 * 1024**3  # /dev/zero read whole would pass this within seconds


def _cap_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (_MEMORY_CAP, _MEMORY_CAP))


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """The headless command in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "haizhu_reader", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_cap_memory,
        check=False,
    )


def _python(code: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=_cap_memory,
        check=False,
    )


def _one_line_exit_2(run: subprocess.CompletedProcess[str]) -> str:
    assert run.returncode == 2, run.stderr
    assert run.stdout == ""
    assert run.stderr.startswith("haizhu-reader: ") and run.stderr.count("\n") == 1, run.stderr
    return run.stderr


# -- reports ---------------------------------------------------------------------------


def test_a_fifo_as_the_report_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    err = _one_line_exit_2(_cli("--dump-structure", str(fifo)))
    assert "不是普通文件" in err and "not a regular file" in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize("device", ["/dev/zero", os.devnull])
def test_a_device_as_the_report_is_refused(device: str) -> None:
    err = _one_line_exit_2(_cli("--dump-structure", device))
    assert "不是普通文件" in err
    with pytest.raises(ReportError, match="不是普通文件"):
        load_report(Path(device))


def test_read_regular_never_reads_past_its_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    assert len(read_regular(big, 1000)) == 1001
    assert read_regular(big, 10_000) == b"x" * 5000
    with pytest.raises(NotRegularFileError):
        read_regular(tmp_path, 10)


def test_a_report_within_the_limit_still_opens(tmp_path: Path) -> None:
    copy = tmp_path / "report.txt"
    shutil.copyfile(DATA / "08_guangzhou_city_2025.txt", copy)
    assert load_report(copy).title == "2025年广州市政府工作报告"
    assert MAX_BYTES == 20 * 1024 * 1024


# -- annotations ----------------------------------------------------------------------


def test_a_fifo_to_import_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "notes.json"
    os.mkfifo(fifo)
    err = _one_line_exit_2(
        _cli("--import-annotations", str(fifo), "--data-dir", str(tmp_path / "profile"))
    )
    assert "不是批注导出文件" in err and "not an annotations export" in err


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_a_store_path_that_is_not_a_file(tmp_path: Path, kind: str) -> None:
    paths = AppPaths.under(tmp_path / "profile")
    paths.data_dir.mkdir(parents=True)
    if kind == "folder":
        paths.annotations_db.mkdir()
    else:
        os.mkfifo(paths.annotations_db)
    run = _cli(
        "--export-annotations", str(tmp_path / "x.md"), "--data-dir", str(paths.data_dir.parent)
    )
    err = _one_line_exit_2(run)
    assert ("文件夹" if kind == "folder" else "管道") in err
    assert "不可写" not in err and "not writable" not in err  # permissions are not the reason
    assert not (tmp_path / "x.md").exists()


def test_the_windows_peek_at_a_fifo_store_does_not_wait(tmp_path: Path) -> None:
    fifo = tmp_path / "annotations.sqlite3"
    os.mkfifo(fifo)
    run = _python(
        f"""
        from pathlib import Path
        from haizhu_reader.core.annotations.store import AnnotationStore
        from haizhu_reader.core.annotations.peek import has_annotations
        print(has_annotations(Path({str(fifo)!r}), "0" * 64))
        store = AnnotationStore.open_or_explain(Path({str(fifo)!r}))
        print(store.read_only, len(store.notices))
        """,
        timeout=30,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["True", "True", "1"]


def test_an_import_into_a_read_only_store_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"  # the data folder cannot exist: fails for root too
    blocker.write_text("x", encoding="utf-8")
    source = tmp_path / "in.json"
    source.write_text("{}", encoding="utf-8")
    captured = subprocess.run(
        [sys.executable, "-m", "haizhu_reader", "--import-annotations", str(source),
         "--data-dir", str(blocker)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    err = _one_line_exit_2(captured)
    assert "不可写" in err


def test_notices_of_an_export_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    out = tmp_path / "x.md"
    assert main(["--export-annotations", str(out), "--data-dir", str(blocker)]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "不可写" in captured.err
    assert json.loads(captured.out)["count"] == 0


# -- the search cache -----------------------------------------------------------------


@pytest.mark.parametrize("victim", ["meta.json", "segment"])
def test_a_fifo_in_the_search_cache_does_not_hang_a_search(tmp_path: Path, victim: str) -> None:
    run = _python(
        f"""
        import os
        from pathlib import Path
        from haizhu_reader.core.parse import bundled_report
        from haizhu_reader.core.search.searching import ReportIndex
        report = bundled_report()
        where = Path({str(tmp_path / "index")!r})
        ReportIndex.open_or_build(report, where).close()
        (folder,) = where.iterdir()
        files = sorted(folder.iterdir())
        victim = folder / "meta.json" if {victim!r} == "meta.json" else next(
            f for f in files if f.suffix == ".seg")
        victim.unlink()
        os.mkfifo(victim)
        again = ReportIndex.open_or_build(report, where)
        print(again.builds, len(again.search("海珠")) > 0)
        again.close()
        """,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["1", "True"]
