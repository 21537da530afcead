"""The query language, parsed by hand, and the exact check of a query on a text.

    海珠 创新          both words (in any order)
    数字经济 OR 算力   either word; OR binds tighter than the space: a b OR c = a and (b or c)
    "四上企业"          an exact phrase: punctuation and spaces inside count, width and case don't
    -疫情              excludes texts containing the word (or -"a phrase")

A plain word is compared on the search key (``analysis``): width, case,
punctuation and spaces don't matter, so 四上企业 finds “四上”企业. Only straight
double quotes (" and ＂) delimit phrases; curly quotes are text, so a pasted
“四上”企业 is a word like any other and finds itself.

Nothing here can crash or hang on any input: the input is cut at
``MAX_QUERY_CHARS``, the parse is one linear pass with no recursion, and a query
that has no word with a letter, digit or CJK character in it matches nothing
(never everything).
"""

from __future__ import annotations

from dataclasses import dataclass

from haizhu_reader.core.search.key import KeyedText, fold_text, search_key

MAX_QUERY_CHARS = 256
_PHRASE_QUOTES = frozenset('"＂')
_NOT = frozenset("-－")
_OR = frozenset({"OR", "ＯＲ"})


@dataclass(frozen=True)
class Word:
    """One word or phrase of a query.

    ``key`` is what the index looks up (never empty). ``exact`` is the folded
    phrase for a quoted phrase, which must occur as is, punctuation included.
    """

    key: str
    exact: str | None = None

    def spans(self, text: KeyedText) -> list[tuple[int, int]]:
        """Where this word occurs in ``text`` (text offsets, non-overlapping)."""
        if self.exact is not None:
            return text.find_exact(self.exact)
        return text.find_all(self.key)

    def count(self, text: KeyedText) -> int:
        """How many times this word occurs in ``text`` (``len(self.spans(text))``, faster)."""
        if self.exact is not None:
            return text.folded.count(self.exact)
        return text.key.count(self.key)


@dataclass(frozen=True)
class Query:
    """A parsed query: every group must match (one of its words), no excluded word may."""

    groups: tuple[tuple[Word, ...], ...]
    excluded: tuple[Word, ...] = ()
    truncated: bool = False

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def words(self) -> tuple[Word, ...]:
        """The positive words, group after group (the order of ``counts``)."""
        return tuple(w for g in self.groups for w in g)

    def counts(self, text: KeyedText) -> list[int] | None:
        """Occurrences of each of ``words`` in ``text``, or None if it does not match.

        The exact check: every group has a word that occurs, no excluded word occurs.
        """
        if not self.groups:
            return None
        out: list[int] = []
        for group in self.groups:
            hit = False
            for word in group:
                n = word.count(text)
                out.append(n)
                hit = hit or n > 0
            if not hit:
                return None
        for word in self.excluded:
            if word.count(text):
                return None
        return out

    def spans(self, text: KeyedText) -> list[tuple[int, int]]:
        """Every occurrence of the positive words in ``text``, sorted, overlaps merged."""
        if len(self.groups) == 1 and len(self.groups[0]) == 1:
            return self.groups[0][0].spans(text)  # already sorted and disjoint
        return merge_spans([s for w in self.words for s in w.spans(text)])


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted spans with overlapping ones joined."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _tokens(text: str) -> list[tuple[str, bool, bool]]:
    """Split raw input into (token, quoted, negated), one pass.

    Whitespace separates tokens outside quotes; an unterminated quote runs to
    the end of the input.
    """
    out: list[tuple[str, bool, bool]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        negated = c in _NOT and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
            c = text[i]
        if c in _PHRASE_QUOTES:
            j = i + 1
            while j < n and text[j] not in _PHRASE_QUOTES:
                j += 1
            out.append((text[i + 1 : j], True, negated))
            i = j + 1
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] not in _PHRASE_QUOTES:
                j += 1
            out.append((text[i:j], False, negated))
            i = j
    return out


def _word(token: str, quoted: bool) -> Word | None:
    key = search_key(token)
    if not key:
        return None
    return Word(key, fold_text(token) if quoted else None)


def parse_query(text: str) -> Query:
    """Parse user input into a ``Query`` (possibly empty: matches nothing)."""
    truncated = len(text) > MAX_QUERY_CHARS
    tokens = _tokens(text[:MAX_QUERY_CHARS])
    groups: list[list[Word]] = []
    excluded: list[Word] = []
    join_next = False
    for token, quoted, negated in tokens:
        if not quoted and not negated and token in _OR:
            join_next = bool(groups)
            continue
        word = _word(token, quoted)
        if word is None:
            continue
        if negated:
            excluded.append(word)
        elif join_next:
            groups[-1].append(word)
        else:
            groups.append([word])
        join_next = False
    return Query(
        groups=tuple(tuple(dict.fromkeys(g)) for g in groups),
        excluded=tuple(dict.fromkeys(excluded)),
        truncated=truncated,
    )
