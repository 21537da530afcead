"""Punctuation as printed: ASCII ``, ; : ? ! ( )`` in Chinese text read ``，；：？！（）``.

Many web captures (the bundled report among them) were typed with half-width
punctuation, while the printed report sets full-width marks in Chinese text:
现在,我代表… is printed 现在，我代表…. ``printed(text)`` restores that, leaving
alone what is not Chinese punctuation: numbers (``2,502.52``, ``1:1000``,
``9:30``), Latin text (``Hello, world``), URLs and e-mail addresses.

Every change is one character for one character, so an offset into the
captured text is the same offset into the printed text. Pure Python: the
parser applies it once while building the model; ids and the content hash are
derived from the captured text before it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from haizhu_reader.core.text import is_cjk

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CANDIDATES = re.compile(r"[,;:?!()]")
# Spans that keep every character as captured.
_URL = (
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"
    r"|www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]*"
)
_LOCAL = r"[A-Za-z0-9._%+\-]"
_MAIL = rf"{_LOCAL}+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{{2,}}"
_VERBATIM = re.compile(rf"{_URL}|{_MAIL}")
# The same, an address only from the start of its run of characters: searching for one
# from every character of a long run (a line of letters) was quadratic.
_VERBATIM_FROM_RUN = re.compile(rf"{_URL}|(?<!{_LOCAL}){_MAIL}")
# Digits on both sides: 1:1000, 9:30 (a colon); 2,502.52 (a comma before a group of three).
_GROUP = re.compile(r"\d{3}(?!\d)")
# How far to look for the script around a mark (past digits, spaces and signs).
_REACH = 24
# Chinese punctuation, quotes and dashes count as Chinese context.
_CHINESE_MARKS = frozenset("，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·～")
# A character of Chinese context, as a regex class (the CJK ranges of text.is_cjk too).
_ZH = "\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ffff\uf900-\ufaff\u3000-\u303f" + re.escape(
    "".join(sorted(_CHINESE_MARKS))
)
_ANY_CHINESE = re.compile(rf"[{_ZH}]")

# Characters whose script is known without asking Python, for marks decided in bulk:
# none (digits, signs, spaces; never a newline nor a Chinese mark) ...
_NONE = (
    r"\x00-\x09\x0b-\x40\x5b-\x60\x7b-\x7f\x80-\xa9\xab-\xb4\xb6\xb8\xb9\xbb-\xbf\xd7\xf7"
    r"\u2010-\u2013\u2030-\u205e\u2103\u2109\u2160-\u217f\u2190-\u23ff\u2460-\u24ff"
    r"\u2500-\u27bf\uff02-\uff07\uff0a\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20\uff3b-\uff40"
    r"\uff5b-\uff5d"
)
# ... and Latin letters.
_LATIN = r"A-Za-z\xc0-\xd6\xd8-\xf6\xf8-\xff\uff21-\uff3a\uff41-\uff5a"
# Any other character within reach of a mark: that mark is decided one by one.
_ODD = re.compile(rf"[^{_NONE}{_LATIN}{_ZH}\n]")
# A mark with Chinese the nearest letter after it (within reach, on its line): the mark,
# up to _REACH - 1 characters without a script, then Chinese. Chinese the nearest letter
# before a mark is the same test on the text reversed (a lookbehind cannot vary in
# width, and two dozen of them, one per width, took a third of a second to compile).
# Exact where no odd character is within reach.
_CHINESE_AHEAD = rf"(?=[{_NONE}]{{0,{_REACH - 1}}}[{_ZH}])"
_MARK_BEFORE_CHINESE = re.compile(rf"[,;:?!]{_CHINESE_AHEAD}")
# The same tests at one place, for brackets: Chinese or Latin the nearest letter after it.
_CHINESE_AFTER = re.compile(rf"[{_NONE}]{{0,{_REACH - 1}}}[{_ZH}]")
_LATIN_AFTER = re.compile(rf"[{_NONE}]{{0,{_REACH - 1}}}[{_LATIN}]")
_MARK = re.compile(r"[,;:?!]")
# Signs without a script that are digits to Python's isdigit() but not to \d (①, ²).
_ODD_DIGITS = re.compile(
    "[\xb2\xb3\xb9\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff"
    "\u2776-\u277e\u2780-\u2788\u278a-\u2792]"
)


def _around_chinese(text: str) -> list[int]:
    """Where the marks with Chinese the nearest letter before or after them are."""
    found = {m.start() for m in _MARK_BEFORE_CHINESE.finditer(text)}
    last = len(text) - 1
    found.update(last - m.start() for m in _MARK_BEFORE_CHINESE.finditer(text[::-1]))
    return sorted(found)


# Each mark, the control character that stands in for it until all five are decided (one
# without a script, as the mark: the others' decisions see the text as captured), and its
# full-width form. Where the text has no odd character, no digit unlike \d, no URL and
# none of those control characters, these decide every mark in C: a number's marks are
# put aside first (2,502.52, 9:30: never changed), then each mark with Chinese after it
# is changed, then, on the text reversed, each with Chinese before it.
_BULK = [
    (re.compile(rf",{_CHINESE_AHEAD}"), "\x01", "，"),
    (re.compile(rf":{_CHINESE_AHEAD}"), "\x02", "："),
    (re.compile(rf";{_CHINESE_AHEAD}"), "\x03", "；"),
    (re.compile(rf"\?{_CHINESE_AHEAD}"), "\x04", "？"),
    (re.compile(rf"!{_CHINESE_AHEAD}"), "\x05", "！"),
]
_NUMBER_MARKS = [
    (re.compile(r"(?<=\d),(?=\d{3}(?!\d))"), "\x06", ","),
    (re.compile(r"(?<=\d):(?=\d)"), "\x07", ":"),
]
_STAND_INS = re.compile("[\x01-\x07]")
_BULK_PIECE = 1 << 16
_BULK_MARGIN = 2 * _REACH
_BRACKET = re.compile(r"[()]")
# Where a pair of brackets looks for Chinese or Latin inside.
_LATIN_CANDIDATE = re.compile(rf"(?:(?![{_ZH}])[^\W\d_])")
# Changes are applied this many at a time (pieces of a long text are not all held).
_APPLY_BLOCK = 4096


def _script(c: str) -> str:
    """ "zh" for Chinese text and marks, "latin" for letters, "" for digits, spaces and signs."""
    if is_cjk(c) or c in _CHINESE_MARKS or "\u3000" <= c <= "\u303f":
        return "zh"
    if c.isalpha():
        return "latin"
    return ""


def _nearest(text: str, start: int, step: int) -> str:
    """The script of the nearest letter from ``start`` in direction ``step`` ("" if none near)."""
    i = start
    for _ in range(_REACH):
        if not 0 <= i < len(text) or text[i] == "\n":
            return ""
        script = _script(text[i])
        if script:
            return script
        i += step
    return ""


def _chinese_around(text: str, before: int, after: int) -> bool:
    return "zh" in (_nearest(text, before, -1), _nearest(text, after, 1))


def _verbatim(text: str) -> list[tuple[int, int]]:
    """The spans ``_VERBATIM.finditer`` finds, in time linear in the text.

    After a span that ends inside a run of an address's characters the search tries
    that place as it is; elsewhere an address can only start where its run does (any
    later start in the run ends where that one does, and fails as it did).
    """
    spans: list[tuple[int, int]] = []
    at = 0
    while at < len(text):
        m = (_VERBATIM.match(text, at) if spans else None) or _VERBATIM_FROM_RUN.search(text, at)
        if m is None:
            break
        spans.append((m.start(), m.end()))
        at = m.end()
    return spans


def _is_number_mark(text: str, i: int) -> bool:
    """A comma that groups thousands or a colon between digits (a time, a ratio)."""
    if i == 0 or i + 1 >= len(text) or not text[i - 1].isdigit():
        return False
    if text[i] == ",":
        return bool(_GROUP.match(text, i + 1))
    return text[i] == ":" and text[i + 1].isdigit()


def printed(text: str) -> str:
    """``text`` with the ASCII punctuation of its Chinese sentences made full-width.

    A mark changes when the nearest letter before or after it (within ``_REACH``
    characters of its line) is Chinese, unless it is a number's (2,502.52, 9:30) or
    inside a URL or e-mail address; a pair of brackets when there is Chinese inside
    or around it. Linear in the text, whatever it holds: the marks are found by
    regular expressions in C, and only those near a rarer character (nor ASCII, nor
    Chinese, nor a known sign or letter) are decided one by one (a 19 MB line of
    digits and marks took seconds that way; nested brackets were quadratic).
    """
    if not _CANDIDATES.search(text) or not _ANY_CHINESE.search(text):
        return text  # nothing to change: no mark, or no Chinese (Latin text, a long line of it)
    verbatim = _verbatim(text)
    if not (verbatim or _ODD.search(text) or _ODD_DIGITS.search(text) or _STAND_INS.search(text)):
        out = _marks_in_bulk(text)
        if "(" in text or ")" in text:
            changes = bytearray(len(text))
            _bracket_changes(text, None, changes, odd=False)
            return _apply(out, changes)
        return out
    starts = [a for a, _ in verbatim]

    def kept(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and i < verbatim[k][1]

    one_by_one: set[int] = set()  # marks within reach of an odd character
    if _ODD.search(text):
        for odd in _ODD.finditer(text):
            at = odd.start()
            window = range(max(0, at - _REACH), min(len(text), at + _REACH + 1))
            one_by_one.update(m.start() for m in _MARK.finditer(text, window.start, window.stop))
    # One flag a character: what to make full-width (marks come in order, brackets not).
    changes = bytearray(len(text))
    for i in _around_chinese(text):
        if i in one_by_one or (verbatim and kept(i)):
            continue
        if text[i] not in ",:" or not _is_number_mark(text, i):  # never one beside Chinese
            changes[i] = 1
    for i in one_by_one:
        if kept(i):
            continue
        beside = _is_chinese(text, i - 1) or _is_chinese(text, i + 1)
        if beside or (not _is_number_mark(text, i) and _chinese_around(text, i - 1, i + 1)):
            changes[i] = 1
    if "(" in text or ")" in text:
        _bracket_changes(text, kept, changes)
    return _apply(text, changes)


def _marks_in_bulk(text: str) -> str:
    """``printed``'s marks (not brackets) for a text of known characters, in C.

    A long text goes in pieces with a margin on each side for the expressions to look
    around: a substitution keeps every piece of its result until it joins them.
    """
    if len(text) <= _BULK_PIECE:
        return _bulk_piece(text)
    out: list[str] = []
    for at in range(0, len(text), _BULK_PIECE):
        start = max(0, at - _BULK_MARGIN)
        piece = _bulk_piece(text[start : at + _BULK_PIECE + _BULK_MARGIN])
        out.append(piece[at - start : at - start + _BULK_PIECE])
    return "".join(out)


def _bulk_piece(text: str) -> str:
    for pattern, stand_in, _ in _NUMBER_MARKS:
        text = pattern.sub(stand_in, text)
    for pattern, stand_in, _ in _BULK:
        text = pattern.sub(stand_in, text)
    text = text[::-1]
    for pattern, stand_in, _ in _BULK:
        text = pattern.sub(stand_in, text)
    text = text[::-1]
    for _, stand_in, mark in (*_BULK, *_NUMBER_MARKS):
        text = text.replace(stand_in, mark)
    return text


def _is_chinese(text: str, i: int) -> bool:
    return 0 <= i < len(text) and bool(_ANY_CHINESE.match(text[i]))


class _Neighbours:
    """The script of the nearest letter before and after a place, by regular expression
    at C speed (before: on the text reversed); by ``_nearest`` where an odd character is
    within reach."""

    def __init__(self, text: str, odd: bool) -> None:
        self.text = text
        self.odd = odd  # whether the text has odd characters at all
        self._reversed: str | None = None

    def _odd_near(self, i: int) -> bool:
        return self.odd and _ODD.search(self.text, max(0, i - _REACH), i + _REACH + 1) is not None

    def chinese_before(self, i: int) -> bool:
        """Chinese is the nearest letter before ``i``."""
        if self._odd_near(i):
            return _nearest(self.text, i - 1, -1) == "zh"
        if self._reversed is None:
            self._reversed = self.text[::-1]
        # text[i - 1] is reversed[len - i]: what precedes i follows that place there.
        return _CHINESE_AFTER.match(self._reversed, len(self.text) - i) is not None

    def after(self, i: int) -> str:
        """The script of the nearest letter after ``i`` ("zh", "latin" or "")."""
        if self._odd_near(i):
            return _nearest(self.text, i + 1, 1)
        if _CHINESE_AFTER.match(self.text, i + 1):
            return "zh"
        return "latin" if _LATIN_AFTER.match(self.text, i + 1) else ""

    def chinese_around(self, before: int, after: int) -> bool:
        """``_chinese_around(text, before - 1, after + 1)``."""
        return self.chinese_before(before) or self.after(after) == "zh"


def _bracket_changes(
    text: str, kept: Callable[[int], bool] | None, changes: bytearray, odd: bool = True
) -> None:
    """Flag the brackets to make full-width: pairs (the innermost first) with Chinese inside
    or around them, and lone ones beside Chinese."""
    pairs: list[tuple[int, int]] = []
    opened: list[int] = []  # positions of "(" not yet closed
    around = _Neighbours(text, odd)
    for m in _BRACKET.finditer(text):
        i = m.start()
        if kept is not None and kept(i):
            continue
        if m.group() == "(":
            opened.append(i)
        elif opened:
            pairs.append((opened.pop(), i))
        elif around.chinese_around(i, i):
            changes[i] = 1
    for start in opened:  # never closed: judged by what is around it
        if around.chinese_around(start, start):
            changes[start] = 1
    # Asked in order of their opening bracket, each search for Chinese (or Latin) inside
    # starts where the last one ended, or is answered by it: linear, however they nest.
    zh = _NextMatch(text, _ANY_CHINESE, lambda c: True)
    latin = _NextMatch(text, _LATIN_CANDIDATE, lambda c: _script(c) == "latin")
    pairs.sort()
    for start, end in pairs:
        if end - start < _NEAR_PAIR:  # most pairs: a look inside costs less than a lookup
            inside_zh = _ANY_CHINESE.search(text, start + 1, end) is not None
        else:
            inside_zh = zh.at_or_after(start + 1) < end
        if inside_zh:
            chinese = True
        elif latin.at_or_after(start + 1) < end:
            # (C区) is Chinese by its neighbours; f(x) and (Guangzhou) in English are not.
            chinese = around.chinese_before(start) and around.after(end) != "latin"
        else:
            chinese = around.chinese_around(start, end)
        if chinese:
            changes[start] = changes[end] = 1


class _NextMatch:
    """Where the next character a pattern finds (and ``wanted`` accepts) stands, for
    positions asked in ascending order: each part of the text is searched once."""

    def __init__(self, text: str, pattern: re.Pattern[str], wanted: Callable[[str], bool]):
        self._text = text
        self._pattern = pattern
        self._wanted = wanted
        self._asked = -1
        self._found = -1

    def at_or_after(self, pos: int) -> int:
        """The position of the first wanted character at ``pos`` or later (len: none)."""
        if pos < self._asked:
            raise ValueError("positions must be asked in ascending order")
        if self._found < pos:
            at = pos
            while (m := self._pattern.search(self._text, at)) and not self._wanted(m.group()):
                at = m.end()
            self._found = m.start() if m else len(self._text)
        self._asked = pos
        return self._found


_TO_FULL = str.maketrans(_FULL)
_NEAR_PAIR = 64


def _apply(text: str, changes: bytearray) -> str:
    """``text`` with the flagged marks full-width, joined a block at a time."""
    i = changes.find(1)
    if i < 0:
        return text
    flagged = changes.count(1)
    if flagged * 8 > len(text) and flagged == len(_CANDIDATES.findall(text)):
        return text.translate(_TO_FULL)  # every mark changes, and many: in C
    blocks: list[str] = []
    pieces: list[str] = []
    last = 0
    while i >= 0:
        pieces += (text[last:i], _FULL[text[i]])
        last = i + 1
        if len(pieces) >= _APPLY_BLOCK:
            blocks.append("".join(pieces))
            pieces.clear()
        i = changes.find(1, last)
    pieces.append(text[last:])
    blocks.append("".join(pieces))
    return "".join(blocks)
