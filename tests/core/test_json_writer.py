"""``write_json`` writes what ``json.dump(…, ensure_ascii=False, indent=2)`` writes,
without the whole tree: ``--dump-structure`` streams through it (issue 12, point 7)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from haizhu_reader.core import json_writer
from haizhu_reader.core.json_writer import write_json
from haizhu_reader.core.parse import parse_report

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
STRINGS = ["", 'a"b\\c\n\t\x00\x1f\x7f', "海珠\u2028\u2029", "x" * 30, "\ud800", "“四上”"]


def _random_value(rng: random.Random, depth: int = 0) -> Any:
    r = rng.random()
    if depth > 3 or r < 0.4:
        return rng.choice([None, True, False, 0, -5, 2**70, 1.5, *STRINGS])
    if r < 0.7:
        keys = ["a", 'b"', "海"]
        return {
            rng.choice(keys) + str(i): _random_value(rng, depth + 1)
            for i in range(rng.randint(0, 4))
        }
    return [_random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]


def _lazily(value: Any, rng: random.Random) -> Any:
    """The same value with some of its lists as generators."""
    if isinstance(value, dict):
        return {k: _lazily(v, rng) for k, v in value.items()}
    if isinstance(value, list):
        items = [_lazily(v, rng) for v in value]
        return (v for v in items) if rng.random() < 0.5 else items
    return value


def _written(value: Any) -> str:
    out: list[str] = []
    write_json(value, out.append)
    return "".join(out)


def test_it_writes_what_json_dump_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    # Small blocks and pieces, so that every value crosses their edges.
    monkeypatch.setattr(json_writer, "_BLOCK", 7)
    monkeypatch.setattr(json_writer, "_PIECE", 5)
    rng = random.Random(3)
    for _ in range(3000):
        value = _random_value(rng)
        expected = json.dumps(value, ensure_ascii=False, indent=2)
        assert _written(_lazily(value, rng)) == expected, value


def test_generators_are_written_as_they_yield() -> None:
    made: list[int] = []
    seen_when_written: list[int] = []

    def items() -> Iterator[int]:
        for i in range(3):
            made.append(i)
            yield i

    write_json({"a": items()}, lambda text: seen_when_written.append(len(made)))
    assert made == [0, 1, 2]
    assert seen_when_written  # written in one block at the end: small output


def test_a_report_streams_as_its_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_writer, "_BLOCK", 100)
    for path in sorted(p for p in CORPUS.glob("*.md") if p.name != "README.md")[:8]:
        report = parse_report(path.read_bytes())
        expected = json.dumps(report.to_json(), ensure_ascii=False, indent=2)
        assert _written(report.json_stream()) == expected, path.name
