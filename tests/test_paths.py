"""Where files live: --data-dir, portable mode (frozen builds only), the platform default."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from haizhu_reader import paths
from haizhu_reader.paths import AppPaths, portable_root, resolve


@pytest.fixture
def frozen_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake one-folder build: sys.frozen set, sys.executable inside ``tmp_path/app``."""
    app_dir = tmp_path / "app"
    app_dir.mkdir()
    exe = app_dir / "haizhu-reader"
    exe.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(exe))
    return app_dir


def test_under_puts_everything_below_one_folder(tmp_path: Path) -> None:
    p = AppPaths.under(tmp_path / "profile")
    root = (tmp_path / "profile").resolve()
    assert (p.data_dir, p.cache_dir, p.config_dir) == (
        root / "data",
        root / "cache",
        root / "config",
    )
    assert p.annotations_db == root / "data" / "annotations.sqlite3"
    assert p.index_dir == root / "cache" / "index"
    assert p.settings_file == root / "config" / "settings.ini"


def test_data_dir_option(tmp_path: Path) -> None:
    assert resolve(str(tmp_path / "d")) == AppPaths.under(tmp_path / "d")


def test_not_portable_from_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``portable`` file beside a plain interpreter means nothing."""
    (tmp_path / "portable").write_text("")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python3"))
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert portable_root() is None


def test_frozen_without_marker_is_not_portable(frozen_app: Path) -> None:
    assert portable_root() is None


def test_frozen_with_marker_is_portable(frozen_app: Path) -> None:
    (frozen_app / "portable").write_text("")
    assert portable_root() == frozen_app.resolve() / "data"
    p = resolve(None)
    assert p == AppPaths.under(frozen_app / "data")
    assert p.annotations_db == frozen_app.resolve() / "data" / "data" / "annotations.sqlite3"
    assert p.settings_file.is_relative_to(frozen_app.resolve() / "data")
    assert p.index_dir.is_relative_to(frozen_app.resolve() / "data")


def test_marker_must_be_a_file(frozen_app: Path) -> None:
    (frozen_app / "portable").mkdir()
    assert portable_root() is None


def test_marker_beside_the_real_executable(
    frozen_app: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started through a symlink (e.g. /usr/bin/haizhu-reader), the real folder counts."""
    (frozen_app / "portable").write_text("")
    link_dir = tmp_path / "bin"
    link_dir.mkdir()
    link = link_dir / "haizhu-reader"
    link.symlink_to(frozen_app / "haizhu-reader")
    monkeypatch.setattr(sys, "executable", str(link))
    assert portable_root() == frozen_app.resolve() / "data"


def test_data_dir_wins_over_portable(frozen_app: Path, tmp_path: Path) -> None:
    (frozen_app / "portable").write_text("")
    assert resolve(str(tmp_path / "elsewhere")) == AppPaths.under(tmp_path / "elsewhere")


def test_platform_default_when_not_portable(
    frozen_app: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentinel = AppPaths.under(frozen_app / "standard")
    monkeypatch.setattr(paths.AppPaths, "standard", classmethod(lambda cls: sentinel))
    assert resolve(None) is sentinel
