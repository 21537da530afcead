"""Command lines and notes a hostile or unlucky user gives (issue 12, point 8)."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from haizhu_reader.app import main
from haizhu_reader.core.anchoring import Placer
from haizhu_reader.core.annotations import Placed
from haizhu_reader.core.export import render, visible
from haizhu_reader.core.report import Report
from tests.helpers import QUOTE, highlight_on


@pytest.mark.parametrize("query", ["-海珠", "-海珠 发展", "-h", "--json"])
def test_a_query_after_search_is_a_query_whatever_it_starts_with(
    query: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--search", query, "--json"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["query"] == query


def test_an_excluding_query_excludes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--search", "发展", "--search", "发展 -海珠", "--json"]) == 0
    every, without = (json.loads(x) for x in capsys.readouterr().out.splitlines())
    assert 0 < len(without["hits"]) < len(every["hits"])


@pytest.mark.parametrize("args", [["--search"], ["--bogus"], ["--format", "pdf", "--figures"]])
def test_bad_arguments_are_one_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(args)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("haizhu-reader: ") and err.count("\n") == 1


HOSTILE = "前\x00中\x1b[31m红\x07\u202e倒过来\u202c\u2066隔离\u2069\x85后\r\n下一行\x7f"


def test_visible_shows_controls_and_bidi_overrides() -> None:
    shown = visible(HOSTILE)
    assert shown == "前␀中␛[31m红␇<U+202E>倒过来<U+202C><U+2066>隔离<U+2069><U+0085>后\n下一行␡"


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_exports_carry_no_raw_controls(report: Report, fmt: str) -> None:
    a = highlight_on(report, QUOTE, note=HOSTILE)
    placement = Placer(report).place(a.anchor)
    assert placement is not None
    data = render(report, [Placed(a, placement)], [], fmt)
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            text = z.read("word/document.xml").decode("utf-8")
    else:
        text = data.decode("utf-8")
    for raw in ("\x00", "\x1b", "\x07", "\u202e", "\u202c", "\u2066", "\x85", "\r", "\x7f"):
        assert raw not in text
    assert "␛" in text and "U+202E" in text


def test_json_keeps_the_note_as_typed(report: Report) -> None:
    a = highlight_on(report, QUOTE, note=HOSTILE)
    placement = Placer(report).place(a.anchor)
    assert placement is not None
    doc = render(report, [Placed(a, placement)], [], "json").decode("utf-8")
    assert json.dumps(HOSTILE, ensure_ascii=False) in doc  # escaped by JSON only
