"""Command lines a hostile or unlucky user gives (issue 12, point 8)."""

from __future__ import annotations

import json

import pytest

from haizhu_reader.app import main


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
