"""Decoding and cleaning a report's text (issue 12, points 7 and 8).

A report with a few damaged bytes opens, the damage shown as U+FFFD. Before, a
file cut inside a UTF-8 character or with one bad byte was refused whole (26 of
30 random truncations). The threshold: ``source.damage_allowed``, at most 8
damaged sequences or one per thousand characters, whichever is more. A single
huge line is cleaned in linear memory (``bench/scale_bench.py`` measures it).
"""

from __future__ import annotations

import json
import random
import tracemalloc
from pathlib import Path

import pytest

from haizhu_reader.app import main
from haizhu_reader.core.parse import parse_report
from haizhu_reader.core.source import MAX_DAMAGED, ReportError, clean, damage_allowed
from haizhu_reader.resources import bundled_report_bytes

REPLACEMENT = "\ufffd"


def _texts(data: bytes) -> str:
    """Everything the report shows: titles, headings, paragraphs, glossary."""
    return json.dumps(parse_report(data).to_json(), ensure_ascii=False)


def test_random_truncations_open() -> None:
    data = bundled_report_bytes()
    rng = random.Random(30)
    inside = shown = 0
    for _ in range(30):
        cut = data[: rng.randrange(len(data) // 2, len(data))]
        report = parse_report(cut)  # never refused
        try:
            cut.decode("utf-8")
        except UnicodeDecodeError:
            inside += 1
            # Marked where the text ends, unless that is page chrome the reader drops.
            assert report.damaged == (REPLACEMENT in _texts(cut)) == 1 or (
                report.damaged == 0 and REPLACEMENT not in _texts(cut)
            )
            shown += report.damaged
        else:
            assert report.damaged == 0
    assert inside >= 20  # most cuts fall inside a three-byte character
    assert shown >= 10


def test_one_bad_byte_is_marked_where_it_was() -> None:
    data = bytearray(bundled_report_bytes())
    clean = parse_report(bytes(data))
    at = len(data) // 2
    while data[at] < 0x80:  # inside a Chinese character
        at += 1
    data[at] = 0xFF
    damaged = parse_report(bytes(data))
    assert damaged.damaged >= 1 and clean.damaged == 0
    assert REPLACEMENT in _texts(bytes(data))
    # Everything else is as it was: the other paragraphs keep their ids.
    before = [p.id for p in clean.all_paragraphs()]
    after = [p.id for p in damaged.all_paragraphs()]
    assert (
        len(before) == len(after) and sum(a != b for a, b in zip(before, after, strict=True)) == 1
    )
    assert damaged.title == clean.title


def _with_bad_bytes(n: int) -> bytes:
    text = bundled_report_bytes().decode("utf-8")
    lines = text.split("\n")
    step = len(lines) // (n + 1)
    for i in range(1, n + 1):
        lines[i * step] = lines[i * step] + "\udcff"  # a lone 0xff byte at the line's end
    return "\n".join(lines).encode("utf-8", "surrogateescape")


def test_the_threshold() -> None:
    chars = len(bundled_report_bytes().decode("utf-8"))
    allowed = damage_allowed(chars)
    assert allowed == max(MAX_DAMAGED, chars // 1000)
    assert parse_report(_with_bad_bytes(allowed)).damaged == allowed
    with pytest.raises(ReportError, match="无法识别文件编码"):
        parse_report(_with_bad_bytes(allowed + 1))


def test_gb18030_with_a_bad_byte_opens_as_gb18030() -> None:
    text = bundled_report_bytes().decode("utf-8")
    data = bytearray(text.encode("gb18030"))
    data[len(data) // 2] = 0xFF
    report = parse_report(bytes(data))
    assert 1 <= report.damaged <= 2 and report.title == "海珠区2023年政府工作报告"


def test_undamaged_files_decode_as_before() -> None:
    report = parse_report(bundled_report_bytes())
    assert report.damaged == 0 and REPLACEMENT not in _texts(bundled_report_bytes())


def test_headless_warns_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cut = tmp_path / "cut.txt"
    data = bundled_report_bytes()
    end = int(len(data) * 0.7)
    while data[end] < 0xC0:  # back to the lead byte of the last character
        end -= 1
    cut.write_bytes(data[: end + 1])
    assert main(["--dump-structure", str(cut)]) == 0
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "U+FFFD" in captured.err and "损坏" in captured.err
    assert REPLACEMENT in captured.out


def test_a_long_line_is_cleaned_in_linear_memory() -> None:
    """A 19.5 MB line of words took 13 times its size to clean (``re.sub`` keeps every
    piece of its result until it joins them); pieces now go through a chunk at a time."""
    line = "lorem  ipsum\u3000dolor, sit amet " * 200_000  # 6.4 MB, runs of spaces to fold
    tracemalloc.start()
    try:
        cleaned = clean(line)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    (only,) = cleaned.lines
    assert only.text.startswith("lorem ipsum dolor, sit amet lorem ipsum")
    assert peak < 4 * len(line)
