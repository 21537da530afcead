"""The one error a report file can raise, and the size limit behind one of its messages.

Apart from ``core.source`` (which re-exports both) because every entry point
needs them at start-up and the source cleaner's regular expressions take a few
milliseconds to compile: the GUI starts from a cached parse and never needs them.
"""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024


class ReportError(Exception):
    """A file that cannot be opened as a report. The message is bilingual."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh}（{en}）")
        self.zh = zh
        self.en = en

    @classmethod
    def unexpected(cls, error: Exception) -> ReportError:
        """A parse that failed by the program's fault, told like bad input."""
        what = f"{type(error).__name__}: {error}"
        return cls(f"无法解析此文件（{what}）", f"cannot parse this file ({what})")
