"""Access to files bundled inside the package.

Read through importlib.resources so a source checkout, an installed wheel and a
frozen (PyInstaller) build all find them the same way.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

BUNDLED_REPORT = "haizhu_2023_report.txt"


def read_bytes(name: str) -> bytes:
    """The bytes of ``haizhu_reader/data/<name>``."""
    return resources.files("haizhu_reader").joinpath("data", name).read_bytes()


def bundled_report_bytes() -> bytes:
    """The Haizhu District 2023 report exactly as shipped."""
    return read_bytes(BUNDLED_REPORT)


def licence_text(name: str) -> str:
    """The full text of a licence shipped in ``haizhu_reader/data/licenses/`` (Help › 关于)."""
    ref = resources.files("haizhu_reader").joinpath("data", "licenses", name)
    return ref.read_text(encoding="utf-8")


def file_path(*parts: str) -> Path | None:
    """``haizhu_reader/<parts>`` as a file on disk (for Qt APIs that take a file name).

    None when it is missing (a build product not built) or not a plain file.
    """
    ref = resources.files("haizhu_reader").joinpath(*parts)
    return ref if isinstance(ref, Path) and ref.is_file() else None
