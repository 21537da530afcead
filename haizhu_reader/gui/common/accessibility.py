"""Menu texts as people read them and screen readers speak them."""

from __future__ import annotations

import re

_MNEMONIC = re.compile(r"\(&[^&)]\)")  # the "(&O)" that Chinese menus append


def plain_text(text: str) -> str:
    """A menu text without its accelerator: "打开报告(&O)…" -> "打开报告…", "A && B" -> "A & B"."""
    text = _MNEMONIC.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def spoken_name(text: str) -> str:
    """An accessible name from a menu text: no accelerator, no trailing "…"."""
    return plain_text(text).rstrip("…").rstrip(".").strip()
