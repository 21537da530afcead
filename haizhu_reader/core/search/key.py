"""The search key: what search compares, with no Whoosh in sight.

See ``analysis`` for the rule. This module holds the pure part (the key,
folding, offsets back into the text) so the GUI and the query language can use
it without importing Whoosh, which costs ~150 ms at start-up.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right

from haizhu_reader.core.text import fold_char


class IndexCorruptError(Exception):
    """The index on disk cannot be used: missing, stale, or failing inside Whoosh."""


_TRANSPARENT_CATEGORIES = frozenset("PZC")


def is_transparent(c: str) -> bool:
    """True for a character search skips: punctuation, spaces, control and format."""
    return unicodedata.category(fold_char(c))[0] in _TRANSPARENT_CATEGORIES


# str.translate tables filled on first sight of each character, so folding and
# keying a text run at C speed after the first few paragraphs.


class _KeyTable(dict[int, str | None]):
    """Code point -> folded character, or None (dropped) when transparent."""

    def __missing__(self, code: int) -> str | None:
        c = chr(code)
        value = None if is_transparent(c) else fold_char(c)
        self[code] = value
        return value


class _MarkTable(dict[int, str]):
    """Code point -> NUL when transparent, else unchanged."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        value = "\x00" if is_transparent(c) else c
        self[code] = value
        return value


class _FoldTable(dict[int, str]):
    """Code point -> folded character (``text.fold`` as a table)."""

    def __missing__(self, code: int) -> str:
        value = fold_char(chr(code))
        self[code] = value
        return value


_KEY = _KeyTable()
_MARK = _MarkTable()
_FOLD = _FoldTable()
_NUL = re.compile("\x00")


def search_key(text: str) -> str:
    """``text`` folded, without its transparent characters."""
    return text.translate(_KEY)


def fold_text(text: str) -> str:
    """``text.fold``, at C speed: same length, width- and case-folded."""
    return text.translate(_FOLD)


class KeyedText:
    """A text, its key, and the map from key offsets back to text offsets."""

    __slots__ = ("_folded", "_shift", "key", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        key = search_key(text)
        self.key = text if key == text else key  # not a second copy of the same text
        self._folded: str | None = None
        self._shift: array[int] | None = None  # made when first needed (see _shifts)

    def _shifts(self) -> array[int]:
        """For the j-th dropped character at text offset d_j, shift[j] = d_j - j: the key
        offset it precedes. Key offset k sits at text offset k + (number of shifts <= k).

        An array, not a list: a line of words has millions of spaces. Made on first use,
        not for every text: a search shows a few of them (a scan keeps every text's key).
        """
        if self._shift is None:
            self._shift = self._make_shifts()
        return self._shift

    def _make_shifts(self) -> array[int]:
        marked = self.text.translate(_MARK)
        return array("q", (m.start() - j for j, m in enumerate(_NUL.finditer(marked))))

    @property
    def folded(self) -> str:
        """The whole text folded (punctuation kept), for quoted phrases."""
        if self._folded is None:
            self._folded = fold_text(self.text)
        return self._folded

    def to_text(self, k: int) -> int:
        """The text offset of key offset ``k``."""
        return k if len(self.key) == len(self.text) else k + bisect_right(self._shifts(), k)

    def find_all(self, key: str) -> list[tuple[int, int]]:
        """Non-overlapping occurrences of ``key`` in this key, as text spans.

        Left to right like Ctrl+F. A span runs from the first matched character
        to the last, so quote marks *inside* a match are covered (四上”企业) and
        those around it are not.
        """
        if not key:
            return []
        found: list[tuple[int, int]] = []
        n = len(key)
        find = self.key.find
        pos = find(key)
        if len(self.key) == len(self.text):
            while pos != -1:
                found.append((pos, pos + n))
                pos = find(key, pos + n)
            return found
        if pos == -1:
            return found
        # Made for this search and not kept: a search that matched every paragraph of a
        # huge report kept them all (a text shows its hits seldom, and soon made again).
        shifts = self._shift if self._shift is not None else self._make_shifts()
        while pos != -1:
            last = pos + n - 1
            found.append((pos + bisect_right(shifts, pos), last + bisect_right(shifts, last) + 1))
            pos = find(key, pos + n)
        return found

    def find_exact(self, folded: str) -> list[tuple[int, int]]:
        """Non-overlapping occurrences of an already folded string in the folded text.

        Punctuation and spaces count here: this is the quoted-phrase match.
        """
        if not folded:
            return []
        found: list[tuple[int, int]] = []
        n = len(folded)
        find = self.folded.find
        pos = find(folded)
        while pos != -1:
            found.append((pos, pos + n))
            pos = find(folded, pos + n)
        return found


def bigrams(key: str) -> list[str]:
    """The bigrams at consecutive positions that spell ``key`` (two characters or more)."""
    return [key[i : i + 2] for i in range(len(key) - 1)]
