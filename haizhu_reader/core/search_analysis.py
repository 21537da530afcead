"""The search key and the Whoosh analyzer built on it.

One rule decides what search compares, used for the index, the query, the final
exact check, find-in-page and the benchmark's brute-force truth:

* every character is folded with ``text.fold_char`` (NFKC + lower-case, one
  character to one), so ＡＢ１２ and ab12 are the same;
* a folded character is *transparent* when its Unicode category is punctuation
  (P*: 。，、“”《》·—%*…), a separator (Z*: spaces, the ideographic space) or
  other (C*: control characters, zero-width spaces, lone surrogates): it is
  dropped without breaking the sequence, so 四上企业 finds “四上”企业;
* everything else (letters, digits, CJK, marks, symbols such as + ℃ ×) is kept.

The result is a paragraph's *key*. Search and find-in-page look for the query's
key inside the paragraph's key, and map key offsets back to offsets into the
original text (``KeyedText``).

Whoosh pickles the analyzer into the index's schema: ``BigramTokenizer`` must
stay importable at ``haizhu_reader.core.search_analysis.BigramTokenizer``
(bump ``search.SCHEMA_VERSION`` if it changes behaviour).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer

from haizhu_reader.core.text import fold_char

_TRANSPARENT_CATEGORIES = frozenset("PZC")


def is_transparent(c: str) -> bool:
    """True for a character search skips: punctuation, spaces, control and format."""
    return unicodedata.category(fold_char(c))[0] in _TRANSPARENT_CATEGORIES


class _KeyTable(dict[int, str | None]):
    """``str.translate`` table: code point -> folded character, or None to drop it.

    Filled on first sight of each character, so building keys runs at C speed.
    """

    def __missing__(self, code: int) -> str | None:
        c = chr(code)
        value = None if is_transparent(c) else fold_char(c)
        self[code] = value
        return value


class _MarkTable(dict[int, str]):
    """``str.translate`` table: transparent characters -> NUL, others unchanged."""

    def __missing__(self, code: int) -> str:
        c = chr(code)
        value = "\x00" if is_transparent(c) else c
        self[code] = value
        return value


_KEY = _KeyTable()
_MARK = _MarkTable()
_NUL = re.compile("\x00")


def search_key(text: str) -> str:
    """``text`` folded, without its transparent characters."""
    return text.translate(_KEY)


class KeyedText:
    """A text and its key, with the map from key offsets back to text offsets."""

    __slots__ = ("_dropped", "key", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.key = search_key(text)
        self._dropped: list[int] | None = None if len(self.key) == len(text) else []
        if self._dropped is not None:
            self._dropped = [m.start() for m in _NUL.finditer(text.translate(_MARK))]

    def find_all(self, key: str) -> list[tuple[int, int]]:
        """Non-overlapping occurrences of ``key`` in this key, as text spans.

        Left to right like Ctrl+F. A span starts at the first matched character
        and ends after the last, so quote marks *inside* a match are covered
        (四上”企业) and those around it are not.
        """
        if not key:
            return []
        found: list[tuple[int, int]] = []
        n = len(key)
        pos = self.key.find(key)
        while pos != -1:
            found.append((pos, pos + n))
            pos = self.key.find(key, pos + n)
        return self.to_text_spans(found)

    def to_text_spans(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Key spans (sorted by start) -> text spans."""
        if self._dropped is None:
            return spans
        return [(self._to_text(s), self._to_text(e - 1) + 1) for s, e in spans]

    def _to_text(self, k: int) -> int:
        """Text offset of the ``k``-th kept character."""
        o = k
        assert self._dropped is not None
        for d in self._dropped:
            if d <= o:
                o += 1
            else:
                break
        return o

    def text_offsets(self) -> list[int]:
        """Every key offset's text offset (for analyzers that report characters)."""
        return [self._to_text(k) for k in range(len(self.key))]


class BigramTokenizer(Tokenizer):  # type: ignore[misc]
    """Character unigrams and bigrams over the search key.

    The unigram and the bigram starting at key offset ``i`` both sit at
    position ``i``, so a query of n characters is a phrase of n - 1 bigrams at
    consecutive positions, and a single character is a unigram term.
    Punctuation and spaces are not in the key, so bigrams run across them.
    """

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
        key = keyed.key
        offsets = keyed.text_offsets() if chars else []
        last = len(key) - 1
        for i, c in enumerate(key):
            for text in (c, key[i : i + 2]) if i < last else (c,):
                t.text = text
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = text
                if positions:
                    t.pos = start_pos + i
                if chars:
                    t.startchar = start_char + offsets[i]
                    t.endchar = start_char + offsets[i + len(text) - 1] + 1
                yield t


def query_terms(key: str) -> list[str]:
    """The index terms whose consecutive positions spell ``key``.

    One character: its unigram. More: the bigrams at each offset.
    """
    if len(key) <= 1:
        return [key] if key else []
    return [key[i : i + 2] for i in range(len(key) - 1)]
