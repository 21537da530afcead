"""What the search pane's and the index loader's tests share."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from haizhu_reader.core.search.searching import ReportIndex


@pytest.fixture
def break_index(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """``break_index("open_or_build", …)``: those ways to an index fail as a broken
    disk would (``OSError("disk exploded")``)."""

    def broken(*_args: object) -> object:
        raise OSError("disk exploded")

    def apply(*names: str) -> None:
        for name in names:
            monkeypatch.setattr(ReportIndex, name, staticmethod(broken))

    return apply
