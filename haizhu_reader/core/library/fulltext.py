"""The shelf's full-text index: SQLite FTS5 over each text's search key, a token per character.

The search key is the search pane's (``search.key``: width and case folded,
punctuation and spaces dropped). Each of its characters becomes one token,
spelled as its code point in hex (发 -> ``53d1``), so FTS5's ``ascii`` tokenizer
cuts at the spaces between them and nowhere else: every character the key
keeps (CJK, letters, digits, symbols such as ℃ or +) is a token, whatever a
tokenizer thinks of its Unicode category. A word of the query language is
the phrase of its characters' tokens, which FTS5 matches by position: the
texts it returns are exactly those whose key contains the word's key. A
query made only of such words needs no second look at the texts; quoted
phrases (punctuation counts) and very long words are checked on the text.

Why not the trigram tokenizer: it cannot look up a word of one or two
characters (most Chinese words), and its index is the larger; see
``bench/shelf_bench.py`` and the README for the figures.
"""

from __future__ import annotations

from haizhu_reader.core.search.key import search_key
from haizhu_reader.core.search.query import Query, Word

# A longer word is looked up by the phrase of its first characters; the text decides.
MAX_PHRASE_CHARS = 24


class _HexTable(dict[int, str]):
    """Code point -> its token and a space, filled on first sight (str.translate at C speed)."""

    def __missing__(self, code: int) -> str:
        value = f"{code:x} "
        self[code] = value
        return value


_HEX = _HexTable()


def index_chars(key: str) -> str:
    """A search key as FTS5 tokens: 发展 -> ``53d1 5c55``."""
    return key.translate(_HEX).rstrip()


def text_chars(text: str) -> str:
    """The tokens indexed for a text (its search key's)."""
    return index_chars(search_key(text))


def _phrase(word: Word) -> str:
    return f'"{index_chars(word.key[:MAX_PHRASE_CHARS])}"'


def _indexed_exactly(word: Word) -> bool:
    return word.exact is None and len(word.key) <= MAX_PHRASE_CHARS


def match_expression(query: Query) -> str:
    """The FTS5 query that finds every text ``query`` can match (built, never parsed).

    Every group must match (one of its words); an excluded plain word is left out
    by FTS5; an excluded quoted phrase is left to the check on the text (its key
    may occur where the phrase, punctuation and all, does not).
    """
    groups = []
    for group in query.groups:
        phrases = [_phrase(w) for w in group]
        groups.append(phrases[0] if len(phrases) == 1 else f"({' OR '.join(phrases)})")
    expression = " AND ".join(groups)
    for word in query.excluded:
        if _indexed_exactly(word):
            expression = f"({expression}) NOT {_phrase(word)}"
    return expression


def is_exact(query: Query) -> bool:
    """Whether FTS5's answer to ``match_expression(query)`` is the answer itself."""
    return all(_indexed_exactly(w) for w in (*query.words, *query.excluded))
