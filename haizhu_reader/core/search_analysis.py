"""The search key, and the Whoosh analyzers built on it.

One rule decides what search compares. The index, the query, the final exact
check, find-in-page and the benchmark's brute-force truth all use it:

* every character is folded with ``text.fold_char`` (NFKC + lower-case, one
  character to one), so ＡＢ１２ and ab12 are the same;
* a folded character is *transparent* when its Unicode category is punctuation
  (P*: 。，、“”《》·—%*…), a separator (Z*: spaces, the ideographic space) or
  other (C*: control characters, zero-width spaces, lone surrogates): it is
  dropped without breaking the sequence, so 四上企业 finds “四上”企业;
* everything else (letters, digits, CJK, marks, symbols such as + ℃ ×) is kept.

What is left is a text's *key*. Search looks for the query's key inside each
text's key, and ``KeyedText`` maps key offsets back to offsets into the text.

Whoosh pickles the analyzers into the index's schema: ``UnigramTokenizer`` and
``BigramTokenizer`` must stay importable from ``haizhu_reader.core.search_analysis``
(bump ``search.SCHEMA_VERSION`` if they change behaviour).
"""

from __future__ import annotations

import re
import struct
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from whoosh import formats
from whoosh.analysis import Token, Tokenizer

from haizhu_reader.core.text import fold_char

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
        self.key = search_key(text)
        self._folded: str | None = None
        # For the j-th dropped character at text offset d_j, shift[j] = d_j - j:
        # the key offset it precedes. Key offset k sits at text offset
        # k + (number of shifts <= k).
        self._shift: list[int] | None = None
        if len(self.key) != len(text):
            marked = text.translate(_MARK)
            self._shift = [m.start() - j for j, m in enumerate(_NUL.finditer(marked))]

    @property
    def folded(self) -> str:
        """The whole text folded (punctuation kept), for quoted phrases."""
        if self._folded is None:
            self._folded = fold_text(self.text)
        return self._folded

    def to_text(self, k: int) -> int:
        """The text offset of key offset ``k``."""
        return k if self._shift is None else k + bisect_right(self._shift, k)

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
        if self._shift is None:
            while pos != -1:
                found.append((pos, pos + n))
                pos = find(key, pos + n)
            return found
        to_text = self.to_text
        while pos != -1:
            found.append((to_text(pos), to_text(pos + n - 1) + 1))
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


class _KeyTokenizer(Tokenizer):  # type: ignore[misc]
    """Base of the two n-gram tokenizers: yields ``_grams(key)`` as Whoosh tokens.

    Whoosh's own convention: one Token object, re-yielded with new attributes.
    """

    def grams(self, key: str) -> Iterator[tuple[int, str]]:
        """(key offset, gram) of every gram of ``key``."""
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Any]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        keyed = KeyedText(value)
        for i, gram in self.grams(keyed.key):
            t.text = gram
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = gram
            if positions:
                t.pos = start_pos + i
            if chars:
                t.startchar = start_char + keyed.to_text(i)
                t.endchar = start_char + keyed.to_text(i + len(gram) - 1) + 1
            yield t


class UnigramTokenizer(_KeyTokenizer):
    """Every character of the key: the ``uni`` field, for one-character queries."""

    def grams(self, key: str) -> Iterator[tuple[int, str]]:
        return enumerate(key)


class BigramTokenizer(_KeyTokenizer):
    """Every pair of adjacent key characters, at the offset of the first.

    A query of n >= 2 characters is the phrase of its n - 1 bigrams at
    consecutive positions. Punctuation and spaces are not in the key, so
    bigrams run across them.
    """

    def grams(self, key: str) -> Iterator[tuple[int, str]]:
        return ((i, key[i : i + 2]) for i in range(len(key) - 1))


# Posting formats. Whoosh's own run every token through a Token object and
# pickle each posting's positions; at 100x the report that was a quarter of the
# build. These take the grams straight from the field's tokenizer (the same
# ``grams``, so index and analyzer cannot disagree) and pack positions as
# little-endian uint32. Whoosh pickles them into the schema: keep them here.


class GramExistence(formats.Existence):  # type: ignore[misc]
    """Which grams occur (the ``uni`` field)."""

    def word_values(self, value: str, analyzer: Any, **kwargs: Any) -> Iterator[Any]:
        fb = self.field_boost
        for gram in {g for _, g in analyzer.grams(search_key(value))}:
            yield gram, 1, fb, b""


class GramPositions(formats.Positions):  # type: ignore[misc]
    """Where each gram occurs (the ``bi`` field, for phrases)."""

    def word_values(self, value: str, analyzer: Any, **kwargs: Any) -> Iterator[Any]:
        fb = self.field_boost
        poses: dict[str, list[int]] = {}
        for i, gram in analyzer.grams(search_key(value)):
            at = poses.get(gram)
            if at is None:
                poses[gram] = [i]
            else:
                at.append(i)
        for gram, at in poses.items():
            yield gram, len(at), len(at) * fb, self.encode(at)

    def encode(self, poslist: list[int]) -> bytes:
        return struct.pack(f"<I{len(poslist)}I", len(poslist), *poslist)

    def decode_frequency(self, valuestring: bytes) -> int:
        return int(struct.unpack_from("<I", valuestring)[0])

    def decode_positions(self, valuestring: bytes) -> list[int]:
        (n,) = struct.unpack_from("<I", valuestring)
        return list(struct.unpack_from(f"<{n}I", valuestring, 4))


def bigrams(key: str) -> list[str]:
    """The bigrams at consecutive positions that spell ``key`` (two characters or more)."""
    return [key[i : i + 2] for i in range(len(key) - 1)]
