"""Pairing and verdicts against the hand labels of nine 佛山市 year pairs and of five
other places' pairs.

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
    foshan = scores["sets"]["佛山市"]
    assert foshan["total"][measure] >= 0.9, "\n".join(foshan["misses"])


@pytest.mark.parametrize("measure", ["pairing", "verdict", "target"])
def test_accuracy_on_other_places(scores: dict[str, Any], measure: str) -> None:
    """Five places labelled blind: held a little below what they now score (0.875,
    0.911, 0.964), so that a rule that breaks them fails here."""
    places = scores["sets"]["other places"]
    assert places["total"][measure] >= 0.85, "\n".join(places["misses"])


def test_every_pair_is_scored(scores: dict[str, Any]) -> None:
    foshan, places = scores["sets"]["佛山市"], scores["sets"]["other places"]
    assert foshan["total"]["labels"] >= 90 and places["total"]["labels"] >= 50
    assert all(row["pairing"] >= 0.8 for row in foshan["pairs"]), foshan["pairs"]
    assert all(row["pairing"] >= 0.7 for row in places["pairs"]), places["pairs"]
    for labels in ("places_labels.json", "foshan_labels.json"):
        pairs = json.loads((DATA / "promises" / labels).read_text(encoding="utf-8"))["pairs"]
        for p in pairs:
            assert (DATA / "corpus" / p["previous"]).is_file()
            assert (DATA / "corpus" / p["current"]).is_file()
