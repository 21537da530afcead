"""Small text helpers shared by the parser, glossary linking and search.

Every normalisation here maps one character to one character, so offsets found
in normalised text are offsets into the original text too.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Quote marks that Chinese reports put around a coined term (“四上”企业). They
# are transparent when matching terms and searching.
QUOTES = frozenset("“”‘’\"'「」『』〝〞＂＇")

CJK_NUMERALS = "〇一二三四五六七八九十百零两"

# What html.escape replaces; importing html itself loads its 2,000-entry entity
# table, ~2 ms of the window's start-up for three calls.
_HTML_SPECIALS = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}
)


def escape_html(text: str) -> str:
    """``html.escape(text)``: safe to put in Qt rich text, quotes included."""
    return text.translate(_HTML_SPECIALS)


@lru_cache(maxsize=4096)
def fold_char(c: str) -> str:
    """NFKC + lower-case for one character, kept to one character.

    Full-width ＡＢ１２（） become ab12(); a character whose NFKC form is longer
    than one character (ligatures, ㈠) is left alone so offsets stay aligned.
    """
    n = unicodedata.normalize("NFKC", c)
    if len(n) != 1:
        return c.lower() if len(c.lower()) == 1 else c
    low = n.lower()
    return low if len(low) == 1 else n


def fold(text: str) -> str:
    """``fold_char`` over a string; ``len(fold(s)) == len(s)`` always."""
    return "".join(fold_char(c) for c in text)


def strip_quotes(text: str) -> str:
    return "".join(c for c in text if c not in QUOTES)


def skeleton(text: str) -> tuple[str, list[int]]:
    """Folded text without quote marks and spaces, and each kept character's original index.

    Spaces are a capture's, not the report's: 公交 TC 改革 is 公交TC改革.
    """
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        if c in QUOTES or c.isspace():
            continue
        chars.append(fold_char(c))
        where.append(i)
    return "".join(chars), where


def is_cjk(c: str) -> bool:
    o = ord(c)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x2FFFF
        or 0xF900 <= o <= 0xFAFF
    )
