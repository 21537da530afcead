"""Small text helpers shared by the parser, glossary linking and search.

Every normalisation here maps one character to one character, so offsets found
in normalised text are offsets into the original text too.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import compress

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


class _Table(dict[int, "int | str | None"]):
    """A ``str.translate`` table filled on first sight of each code point.

    After the first few paragraphs a text is translated at C speed. A character
    that stays itself maps to its code (the key's own int: no string each). Past
    ``_TABLE_LIMIT`` code points (a file of every character there is) it stops
    growing: each new one is worked out again wherever it occurs.
    """

    def __init__(self, rule: Callable[[str], str | None]) -> None:
        super().__init__()
        self._rule = rule

    def __missing__(self, code: int) -> int | str | None:
        c = chr(code)
        found = self._rule(c)
        value = code if found == c else found
        if len(self) < _TABLE_LIMIT:
            self[code] = value
        return value


_TABLE_LIMIT = 1 << 16
_FOLD = _Table(fold_char)
# Quote marks and spaces are dropped (None), every other character folded.
_SKELETON = _Table(lambda c: None if c in QUOTES or c.isspace() else fold_char(c))
# NUL where the skeleton drops a character, anything else where it keeps one.
_SKELETON_MARK = _Table(lambda c: "\x00" if c in QUOTES or c.isspace() else "k")
_NUL = re.compile("\x00")


def fold(text: str) -> str:
    """``fold_char`` over a string; ``len(fold(s)) == len(s)`` always."""
    return text.translate(_FOLD)


def strip_quotes(text: str) -> str:
    return "".join(c for c in text if c not in QUOTES)


class Skeleton:
    """A text folded without quote marks and spaces, and the way back to its offsets.

    Spaces are a capture's, not the report's: 公交 TC 改革 is 公交TC改革. The map
    back is kept as the dropped characters' shifts (an array, and none at all when
    nothing was dropped): a list of every kept character's index took eight bytes
    and an int object per character of a 19 MB paragraph.
    """

    __slots__ = ("_shift", "_source", "text")

    def __init__(self, text: str) -> None:
        self.text = text.translate(_SKELETON)
        self._source = text
        self._shift: array[int] | None = None

    @property
    def dropped(self) -> bool:
        """Whether any character was dropped (else offsets are the text's own)."""
        return len(self.text) != len(self._source)

    def to_text(self, k: int) -> int:
        """The text offset of skeleton offset ``k``."""
        if not self.dropped:
            return k
        if self._shift is None:
            # For the j-th dropped character, at text offset d_j, shift[j] = d_j - j: the
            # skeleton offset it precedes. Skeleton offset k is text offset k + (shifts <= k).
            marked = self._source.translate(_SKELETON_MARK)
            self._shift = array("q", (m.start() - j for j, m in enumerate(_NUL.finditer(marked))))
        return k + bisect_right(self._shift, k)


def skeleton(text: str) -> tuple[str, list[int]]:
    """Folded text without quote marks and spaces, and each kept character's original index.

    Spaces are a capture's, not the report's: 公交 TC 改革 is 公交TC改革.
    """
    skel = text.translate(_SKELETON)
    if len(skel) == len(text):
        return skel, list(range(len(text)))
    kept = map("\x00".__ne__, text.translate(_SKELETON_MARK))
    return skel, list(compress(range(len(text)), kept))


def is_cjk(c: str) -> bool:
    o = ord(c)
    return (
        0x4E00 <= o <= 0x9FFF
        or 0x3400 <= o <= 0x4DBF
        or 0x20000 <= o <= 0x2FFFF
        or 0xF900 <= o <= 0xFAFF
    )
