"""Tests of the Qt shell: every test below this folder is marked ``gui`` (it needs a
QApplication; ``pytest -m "not gui"`` runs the core alone)."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.gui)
