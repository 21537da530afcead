"""Tests of the pure-Python core: none below this folder may ask for a QApplication
(``qtbot``, ``qapp``); a test that needs one belongs under tests/gui/."""

from __future__ import annotations

import pytest

QT_FIXTURES = {"qtbot", "qapp", "qtmodeltester"}


def pytest_runtest_setup(item: pytest.Item) -> None:
    wants = QT_FIXTURES & set(getattr(item, "fixturenames", ()))
    if wants:
        pytest.fail(f"a core test uses {sorted(wants)}: move it to tests/gui/", pytrace=False)
