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

from haizhu_reader.core.text import is_cjk

_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_CANDIDATES = re.compile(r"[,;:?!()]")
# Spans that keep every character as captured.
_VERBATIM = re.compile(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"
    r"|www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]*"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
)
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
# Most marks touch Chinese on one side: decided at once (a long text goes through in C).
_BESIDE_CHINESE = re.compile(rf"(?<=[{_ZH}])[,;:?!]|[,;:?!](?=[{_ZH}])")
# The rest, and every bracket, are decided one by one.
_UNDECIDED = re.compile(rf"(?<![{_ZH}])[,;:?!](?![{_ZH}])|[()]")
_ANY_CHINESE = re.compile(rf"[{_ZH}]")


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


def _is_number_mark(text: str, i: int) -> bool:
    """A comma that groups thousands or a colon between digits (a time, a ratio)."""
    if i == 0 or i + 1 >= len(text) or not text[i - 1].isdigit():
        return False
    if text[i] == ",":
        return bool(_GROUP.match(text, i + 1))
    return text[i] == ":" and text[i + 1].isdigit()


def printed(text: str) -> str:
    """``text`` with the ASCII punctuation of its Chinese sentences made full-width."""
    if not _CANDIDATES.search(text) or not _ANY_CHINESE.search(text):
        return text  # nothing to change: no mark, or no Chinese (Latin text, a long line of it)
    verbatim = [(m.start(), m.end()) for m in _VERBATIM.finditer(text)]
    starts = [a for a, _ in verbatim]

    def kept(i: int) -> bool:
        k = bisect.bisect_right(starts, i) - 1
        return k >= 0 and i < verbatim[k][1]

    # Decided one by one, on the text as captured: marks between non-Chinese, and brackets.
    changes: dict[int, str] = {}
    opened: list[int] = []  # positions of "(" not yet closed
    for m in _UNDECIDED.finditer(text):
        i, c = m.start(), m.group()
        if kept(i):
            continue
        if c == "(":
            opened.append(i)
        elif c == ")":
            if opened:
                start = opened.pop()
                if _bracket_is_chinese(text, start, i):
                    changes[start], changes[i] = "（", "）"
            elif _chinese_around(text, i - 1, i + 1):
                changes[i] = "）"
        elif not _is_number_mark(text, i) and _chinese_around(text, i - 1, i + 1):
            changes[i] = _FULL[c]
    for start in opened:  # never closed: judged by what is around it
        if _chinese_around(text, start - 1, start + 1):
            changes[start] = "（"

    def beside(m: re.Match[str]) -> str:
        return m.group() if verbatim and kept(m.start()) else _FULL[m.group()]

    out = _BESIDE_CHINESE.sub(beside, text)
    if not changes:
        return out
    pieces: list[str] = []
    last = 0
    for i in sorted(changes):
        pieces += (out[last:i], changes[i])
        last = i + 1
    pieces.append(out[last:])
    return "".join(pieces)


def _bracket_is_chinese(text: str, start: int, end: int) -> bool:
    """A pair of brackets in Chinese text: Chinese inside, or beside it on either side."""
    inside = text[start + 1 : end]
    if any(_script(c) == "zh" for c in inside):
        return True
    if any(_script(c) == "latin" for c in inside):
        # (C区) is Chinese by its neighbours; f(x) and (Guangzhou) in English are not.
        return _nearest(text, start - 1, -1) == "zh" and _nearest(text, end + 1, 1) != "latin"
    return _chinese_around(text, start - 1, end + 1)
