"""Access to files bundled inside the package.

Read through importlib.resources so a source checkout, an installed wheel and a
frozen (PyInstaller) build all find them the same way.
"""

from __future__ import annotations

from importlib import resources

BUNDLED_REPORT = "haizhu_2023_report.txt"


def read_bytes(name: str) -> bytes:
    """The bytes of ``haizhu_reader/data/<name>``."""
    return resources.files("haizhu_reader").joinpath("data", name).read_bytes()


def bundled_report_bytes() -> bytes:
    """The Haizhu District 2023 report exactly as shipped."""
    return read_bytes(BUNDLED_REPORT)
