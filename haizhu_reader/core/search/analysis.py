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
``BigramTokenizer`` must stay importable from ``haizhu_reader.core.search.analysis``
(bump ``store.SCHEMA_VERSION`` if they change behaviour or move: an index pickled with
the old path would not open).
"""

from __future__ import annotations

import struct
import sys
from array import array
from collections.abc import Iterator, Sequence
from typing import Any

from whoosh import formats
from whoosh.analysis import Token, Tokenizer

from haizhu_reader.core.search.key import (  # re-exported: the stable import path
    KeyedText,
    bigrams,
    fold_text,
    is_transparent,
    search_key,
)

__all__ = [
    "BigramTokenizer",
    "GramExistence",
    "GramPositions",
    "KeyedText",
    "UnigramTokenizer",
    "bigrams",
    "fold_text",
    "is_transparent",
    "search_key",
]


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
        # Positions as 4-byte arrays, not lists of ints: a 19.5 MB paragraph's
        # positions took 1.1 GB as a list.
        poses: dict[str, array[int]] = {}
        for i, gram in analyzer.grams(search_key(value)):
            at = poses.get(gram)
            if at is None:
                poses[gram] = array("I", (i,))
            else:
                at.append(i)
        for gram, at in poses.items():
            yield gram, len(at), len(at) * fb, self.encode(at)

    def encode(self, poslist: Sequence[int]) -> bytes:
        packed = poslist if isinstance(poslist, array) else array("I", poslist)
        if sys.byteorder != "little":
            packed = array("I", packed)
            packed.byteswap()
        return struct.pack("<I", len(packed)) + packed.tobytes()

    def decode_frequency(self, valuestring: bytes) -> int:
        return int(struct.unpack_from("<I", valuestring)[0])

    def decode_positions(self, valuestring: bytes) -> list[int]:
        (n,) = struct.unpack_from("<I", valuestring)
        return list(struct.unpack_from(f"<{n}I", valuestring, 4))
