"""Glossary linking: where each term of the report's own glossary occurs.

Matching is quote-transparent (the body writes “四上”企业 for 四上企业) and
width/case-insensitive; where terms overlap the longest wins (未来独角兽 over
独角兽). Offsets index into the original paragraph text.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Iterable

from haizhu_reader.core.errors import ReportError
from haizhu_reader.core.report import GlossaryEntry, Occurrence, Paragraph
from haizhu_reader.core.text import Skeleton, fold, is_cjk, strip_quotes


class TooManyMatchesError(Exception):
    """More matches than the caller allows."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} matches")
        self.limit = limit


class Matcher:
    """Finds a fixed set of needles in many texts; built once per set of needles.

    Linear in the text for any number of needles: each needle is folded once, and
    a text is looked at only where a needle's first two characters stand (found
    at C speed), at the lengths the needles starting there have. A 20,000-term
    glossary took 8 s when every needle was searched for in every paragraph, and
    trying every needle length at every character of 19 MB of paragraphs took 20 s.
    """

    def __init__(self, needles: Iterable[str]) -> None:
        # Key -> the first needle with that key: the others cover the same spans, and
        # the first always wins them.
        self._needles: dict[str, str] = {}
        # First two characters -> the lengths (two or more) of the keys that start with
        # them; equal tuples shared (a glossary of 20,000 terms has a handful of them).
        self._lengths: dict[str, tuple[int, ...]] = {}
        shared: dict[tuple[int, ...], tuple[int, ...]] = {}
        for needle in needles:
            key = "".join(fold(strip_quotes(needle)).split())  # the skeleton has no spaces
            if not key or key in self._needles:
                continue
            self._needles[key] = needle
            if len(key) > 1:
                had = self._lengths.get(key[:2], ())
                if len(key) not in had:
                    wanted = tuple(sorted((*had, len(key))))
                    self._lengths[key[:2]] = shared.setdefault(wanted, wanted)
        self._ones = frozenset(k for k in self._needles if len(k) == 1)
        self._all_lengths = sorted({len(k) for k in self._needles}, reverse=True)

    def _found(self, skel: str, limit: int | None) -> dict[int, list[tuple[int, str]]]:
        """Every match in ``skel``: length -> [(start, needle)] in order of start.

        ``TooManyMatchesError`` past ``limit`` matches (overlapping ones counted too).
        """
        needles, lengths = self._needles, self._lengths
        by_length: dict[int, list[tuple[int, str]]] = {n: [] for n in self._all_lengths}
        count = 0
        if lengths:
            end = len(skel)
            pairs = map(operator.add, skel, itertools.islice(skel, 1, None))
            for pos in itertools.compress(itertools.count(), map(lengths.__contains__, pairs)):
                for n in lengths[skel[pos : pos + 2]]:
                    if pos + n > end:
                        break  # a shorter key at the end is no match of this length
                    name = needles.get(skel[pos : pos + n])
                    if name is not None:
                        by_length[n].append((pos, name))
                        count += 1
                if limit is not None and count > limit:
                    raise TooManyMatchesError(limit)
        if self._ones:
            ones = by_length[1]
            for pos in itertools.compress(itertools.count(), map(self._ones.__contains__, skel)):
                ones.append((pos, needles[skel[pos]]))
                count += 1
                if limit is not None and count > limit:
                    raise TooManyMatchesError(limit)
        return by_length

    def spans(self, text: str, limit: int | None = None) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, needle) matches in ``text``, leftmost-longest.

        With a ``limit``, ``TooManyMatchesError`` is raised as soon as more matches than that
        are found (so neither the time nor the memory goes past what it allows).
        """
        if not self._needles:
            return []
        skel = Skeleton(text)
        by_length = self._found(skel.text, limit)
        # Longest first, then leftmost (then in needle order); accept those that
        # overlap nothing accepted.
        taken_at = bytearray(len(skel.text))
        taken: list[tuple[int, int, str]] = []
        for n in self._all_lengths:
            mark = b"\x01" * n
            for start, name in by_length[n]:
                if taken_at.find(1, start, start + n) == -1:
                    taken_at[start : start + n] = mark
                    taken.append((start, start + n, name))
        taken.sort()
        if not skel.dropped:
            return taken
        to_text = skel.to_text
        return [(to_text(s), to_text(e - 1) + 1, n) for s, e, n in taken]


def find_spans(text: str, needles: Iterable[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, needle) matches of ``needles`` in ``text``.

    Leftmost-longest: a longer needle beats a shorter one it overlaps.
    """
    return Matcher(needles).spans(text)


# A report's own glossary is used a few dozen times (in the 188 real reports of the test
# and shared corpora, 61 at most). Past this many places the file is not a report: it is
# refused, rather than taking seconds and hundreds of megabytes (and a reading view
# underlined throughout).
MAX_OCCURRENCES = 500_000


def link(
    entries: list[GlossaryEntry], paragraphs: Iterable[Paragraph], limit: int | None = None
) -> None:
    """Fill ``entry.occurrences`` for every entry from ``paragraphs`` (in order).

    ``ReportError`` as soon as the terms are found in more than ``limit`` places (the
    parser's is ``MAX_OCCURRENCES``).
    """
    owner: dict[str, GlossaryEntry] = {}
    for e in entries:
        for name in [e.term, *e.aliases]:
            owner.setdefault(name, e)
        e.occurrences = []
    if not owner:
        return
    matcher = Matcher(owner)
    new = tuple.__new__  # Occurrence's own __new__ is a Python function: a million calls
    left = limit
    try:
        for p in paragraphs:
            pid = p.id
            spans = matcher.spans(p.text, left)
            for start, end, name in spans:
                owner[name].occurrences.append(new(Occurrence, (pid, start, end)))
            if left is not None:
                left -= len(spans)
    except TooManyMatchesError:
        assert limit is not None
        raise ReportError(
            f"名词解释的词语在正文中出现超过 {limit:,} 处，这不像一份报告",
            f"the glossary's terms occur in more than {limit:,} places: this is not a report",
        ) from None


def term_at(entries: list[GlossaryEntry], paragraph_id: str, offset: int) -> GlossaryEntry | None:
    """The entry whose occurrence covers ``offset`` in a paragraph, if any."""
    for e in entries:
        for o in e.occurrences:
            if o.paragraph == paragraph_id and o.start <= offset < o.end:
                return e
    return None


# -- parsing the glossary appendix ---------------------------------------------------

_ENTRY_NUM = re.compile(
    r"^\s*(?:[［\[【]\s*(?P<b>\d+)\s*[］\]】]|[（(]\s*(?P<p>\d+)\s*[）)]|(?P<d>\d+)\s*[.．、。]"
    r"|(?P<c>[①-⑳]))\s*"
)
_SEP = re.compile(r"[:：]")
_MAX_TERM = 30


def _style(line: str) -> str | None:
    """How an entry line is numbered: "b" [1], "p" (1), "d" 1. or "c" ①; None: not one."""
    m = _ENTRY_NUM.match(line)
    return next(k for k in "bpdc" if m.group(k)) if m else None


def _entry_start(line: str, expected: int) -> tuple[int, str] | None:
    """(number, rest) if ``line`` opens glossary entry ``expected`` (or any number)."""
    m = _ENTRY_NUM.match(line)
    if not m:
        return None
    if m.group("c"):
        return ord(m.group("c")) - ord("①") + 1, line[m.end() :]
    digits = m.group("b") or m.group("p") or m.group("d")
    rest = line[m.end() :]
    # "14.9610 海关…" is entry 14, term 9610: prefer the expected number when
    # the digits run on (the capture dropped the space after the dot).
    if m.group("d") and int(digits) != expected and digits.startswith(str(expected)):
        cut = len(str(expected))
        return expected, digits[cut:] + line[m.start("d") + len(digits) : m.end()][1:] + rest
    return int(digits), rest


_UNNUMBERED = re.compile(rf"^\s*[“\"]?[^。：:\s]{{1,{_MAX_TERM}}}?[”\"]?\s*[:：]\s*\S")


def opens_entry(line: str) -> bool:
    """Whether a line starts like a glossary entry: numbered, or ``术语：定义``."""
    return bool(_ENTRY_NUM.match(line) or _UNNUMBERED.match(line))


def _quoted_usages(body: str) -> set[str]:
    """Texts that the body puts in quotes: “四上”, “一工程三行动”…"""
    return {m.group(1) for m in re.finditer(r"[“\"「『]([^“”\"「」『』]{1,30})[”\"」』]", body)}


class _BodySkeleton:
    """The body's skeleton, made when first asked about: most glossaries never need it
    (their entries set the term apart), and a 19 MB body takes a second to fold."""

    def __init__(self, body: str) -> None:
        self._body = body
        self._skel: str | None = None

    def __contains__(self, key: str) -> bool:
        if self._skel is None:
            self._skel = Skeleton(self._body).text
        return key in self._skel


def _split_term(text: str, body_skel: _BodySkeleton, quoted: set[str]) -> tuple[str, str]:
    """Term and definition of one entry's text (after its number)."""
    text = text.strip()
    head = text[: _MAX_TERM + 1]
    sep = _SEP.search(head)
    if sep and "。" not in head[: sep.start()] and sep.start() >= 1:
        return text[: sep.start()].strip(), text[sep.end() :].strip()
    # A long name (3大类综合影视基地、5个特色影视产业聚集区、…：): a list without a sentence.
    sep = _SEP.search(text, 0, 2 * _MAX_TERM + 1)
    if sep and not re.search(r"[。，,；;！？]", text[: sep.start()]):
        return text[: sep.start()].strip(), text[sep.end() :].strip()
    space = re.search(r"\s", head)
    if space and space.start() >= 1:
        return text[: space.start()], text[space.end() :].strip()
    # No separator: the capture lost the bold that set the term apart
    # (两抢抢夺和抢劫。). The body's quoted usages are the best evidence of where
    # the term ends; then a closing quote; then the longest prefix the body uses.
    lead = 1 if text[:1] in '“"' else 0
    limit = min(len(text), _MAX_TERM + lead)
    for k in range(limit, lead + 1, -1):
        if text[k - 1] in "“‘" or k >= len(text):
            continue
        if strip_quotes(text[lead:k]) in quoted:
            return text[:k], text[k:].strip()
    close = text.find("”", 0, limit + 1)
    if close > 0:
        return text[: close + 1], text[close + 1 :].strip()
    for k in range(limit, lead + 1, -1):
        key = fold(strip_quotes(text[lead:k]))
        if len(key) >= 2 and key in body_skel and k < len(text):
            return text[:k], text[k:].strip()
    first = re.split(r"[,，。；;]", text, maxsplit=1)[0]
    return first, text[len(first) :].lstrip(",，。；;").strip()


# Where a name stands defined in a definition: 独角兽，指… / PM10，可吸入… / “四早”是…
_DEFINED_AFTER = r"(?:[,，:：。；;（(]|指|是|即|为|一般|主要|包括)"
# A numeral and a measure word: the counted names of slogans (两个基地, 八项本领, 6大水系).
_COUNTED = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十百千]+)[个项种大条张批类支座片件次位名家]")
# Endings of a modifier that shares its noun with the next one (审批替代型、容缺受理型信用承诺).
_MODIFIER_ENDS = "型式类级性化制"
_QUOTED = re.compile(r"[“\"]([^“”\"]+)[”\"]")


def _split_outside_quotes(text: str, seps: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        if c in "“「『（(":
            depth += 1
        elif c in "”」』）)":
            depth = max(0, depth - 1)
        elif depth == 0 and c in seps:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [x.strip() for x in parts]


def _names(raw: str, definition: str) -> tuple[list[tuple[str, str]], list[str]]:
    """The names an entry's head gives, each with its raw text; and, when they share an
    ending said once (审批替代型、容缺受理型信用承诺), each name as the head writes it.

    One head may name several terms: 独角兽、未来独角兽; “四早”“四集中”; 科技英才领航工程和
    双千计划; 两个基地、两个枢纽、两个网络. A list inside one pair of quotes
    (“双随机、一公开”) is one term, and so is a head whose parts the definition and the
    counting of the slogan do not bear out (“1+1+7”组团式、多中心、网络化城镇空间布局).
    """
    head = raw.strip().strip("《》")
    single = [(strip_quotes(head).strip(), head)]
    quoted = _QUOTED.findall(head)
    if len(quoted) >= 2 and re.search(r"[”\"]\s*[、，,]?\s*[“\"]", head):
        # “四早”“四集中”, 国家“双百企业”“科改企业”: each quoted name is a term; but with an
        # ending after them (“红包”“违插”专项治理) one, unless the definition names each.
        names = [(q.strip(), f"“{q.strip()}”") for q in quoted if q.strip()]
        ending = re.sub(r"^.*[”\"]", "", head).strip()
        skel_def = fold(strip_quotes(definition))
        each = all(re.search(re.escape(fold(n)) + _DEFINED_AFTER, skel_def) for n, _ in names)
        if len({n for n, _ in names}) != len(names) or (ending and not each):
            return single, []
        return names, []
    parts = _split_outside_quotes(head, "、")
    # The last of a list may be joined by 和 (A、B和C); a pair by 和 alone needs longer names.
    pair = _split_outside_quotes(parts[-1], "和及与")
    if len(pair) == 2 and min(len(strip_quotes(x)) for x in pair) >= (4 if len(parts) == 1 else 2):
        parts = [*parts[:-1], *pair]
    if len(parts) == 1:
        return single, []
    if len(parts) < 2 or any(not x for x in parts):
        return single, []
    plain = [strip_quotes(x) for x in parts]
    skel_def = fold(strip_quotes(definition))

    def defined(name: str) -> bool:
        return bool(re.search(re.escape(fold(name)) + _DEFINED_AFTER, skel_def))

    def shared(suffix: str) -> tuple[list[tuple[str, str]], list[str]]:
        names = [(x + suffix, r + suffix) for x, r in zip(plain[:-1], parts[:-1], strict=True)]
        return [*names, (plain[-1], parts[-1])], [*plain[:-1], plain[-1][: -len(suffix)]]

    # A shared ending: modifiers that end alike (…型), the last going on to their noun.
    last = plain[-1]
    ends = {x[-1] for x in plain[:-1]}
    end = next(iter(ends)) if len(ends) == 1 else ""
    if end and end in _MODIFIER_ENDS and 1 <= (cut := last.find(end)) < len(last) - 2:
        return shared(last[cut + 1 :])
    # Or a shared ending the definition names: 4个国铁、…、9个地铁项目 -> 4个国铁项目指…
    for k in range(1, min(6, len(last) - 1)):
        if all(defined(x + last[-k:]) for x in plain[:-1]) and defined(last):
            return shared(last[-k:])
    counted = all(_COUNTED.search(x) and 3 <= len(x) <= 12 for x in plain)
    if counted or all(len(x) >= 2 and defined(x) for x in plain):
        return list(zip(plain, parts, strict=True)), []
    return single, []


def _aliases(raw: str, term: str, body_skel: _BodySkeleton) -> list[str]:
    """A quoted core inside a longer term (“三品一标”农产品 -> 三品一标).

    Two-character cores are too ambiguous unless the body never uses the
    full term (“五早”部署 is written “五早” in the body).
    """
    out = []
    for m in re.finditer(r"“([^”]+)”", raw):
        core = m.group(1)
        if core == term or not any(is_cjk(c) for c in core):
            continue
        if len(core) >= 3 or (len(core) == 2 and fold(term) not in body_skel):
            out.append(core)
    return out


def parse_entries(lines: list[str], body: str) -> list[GlossaryEntry]:
    """The glossary appendix's lines -> entries, in the report's order.

    ``body`` is the speech's text, used as evidence where a term runs straight
    into its definition.
    """
    chunks: list[tuple[int, list[str]]] = []
    # Entries are numbered in one style (a capture may switch style midway); a line
    # numbered otherwise is part of a definition (1.1+N政策体系：包括：（1）……（2）……)
    # unless it carries on the count with a 术语： of its own.
    style = next((s for s in map(_style, lines) if s is not None), None)
    for line in lines:
        expected = len(chunks) + 1
        if style is None:  # 术语：定义 on each line, unnumbered
            start = (expected, line) if _UNNUMBERED.match(line) else None
        elif _style(line) == style:
            start = _entry_start(line, expected)
        else:
            start = _entry_start(line, expected)
            if start and (start[0] != expected or not _SEP.search(start[1][: _MAX_TERM + 1])):
                start = None
        if start is not None:
            chunks.append((start[0], [start[1]]))
        elif chunks:
            chunks[-1][1].append(line)
    body_skel = _BodySkeleton(body)
    quoted = _quoted_usages(body)
    entries: list[GlossaryEntry] = []
    taken: set[str] = set()
    for number, parts in chunks:
        raw_term, definition = _split_term(parts[0], body_skel, quoted)
        definition = "\n".join([definition, *parts[1:]]).strip()
        names, distributed = _names(raw_term, definition)
        for k, (term, raw) in enumerate(names):
            if not term:
                continue
            aliases = [a for a in _aliases(raw, term, body_skel) if a not in taken]
            if distributed:
                # The body writes them as the head does, the ending said once (4个国铁、8个城际、
                # 9个地铁项目): each name without the ending is the name there.
                short = strip_quotes(distributed[k])
                if len(short) >= 3 and short != term and short not in taken:
                    aliases.append(short)
            entries.append(GlossaryEntry(number, term, aliases, definition))
            taken.add(term)
    return entries
