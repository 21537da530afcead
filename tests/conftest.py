"""Shared fixtures. GUI tests run offscreen; every test gets its own data dir."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from haizhu_reader.core.parse import bundled_report
from haizhu_reader.core.report import Report
from haizhu_reader.paths import AppPaths

DATA = Path(__file__).parent / "data"
SAMPLES = sorted(DATA.glob("0*.txt"))


@pytest.fixture(scope="session")
def report() -> Report:
    """The bundled report, parsed once per test session (treat as read-only)."""
    return bundled_report()


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path / "profile")
