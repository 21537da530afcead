"""Pairing and verdicts against the hand labels of nine 佛山市 year pairs.

``bench/promises_eval.py`` scores them (and prints the figures); this holds it to 0.9.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from typing import Any

import pytest

from tests.conftest import DATA

ROOT = DATA.parent.parent


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "promises_eval.py"), "--json", "--repeat", "1"],
        capture_output=True,
        check=True,
        text=True,
        encoding="utf-8",
    )
    data: dict[str, Any] = json.loads(run.stdout)
    return data


def test_the_labels_cover_three_consecutive_year_pairs_or_more() -> None:
    pairs = json.loads((DATA / "promises" / "foshan_labels.json").read_text(encoding="utf-8"))
    years = [int(p["previous"].removesuffix(".md").split("-")[1]) for p in pairs["pairs"]]
    assert years == sorted(set(years))
    run = longest = 1
    for a, b in itertools.pairwise(years):
        run = run + 1 if b == a + 1 else 1
        longest = max(longest, run)
    assert longest >= 3
    for p in pairs["pairs"]:
        assert (DATA / "corpus" / p["previous"]).is_file()
        assert (DATA / "corpus" / p["current"]).is_file()


@pytest.mark.parametrize("measure", ["pairing", "verdict", "target"])
def test_accuracy_on_the_labels(scores: dict[str, Any], measure: str) -> None:
    assert scores["total"][measure] >= 0.9, "\n".join(scores["misses"])


def test_every_pair_is_scored(scores: dict[str, Any]) -> None:
    assert scores["total"]["labels"] >= 50
    assert all(row["pairing"] >= 0.8 for row in scores["pairs"]), scores["pairs"]
