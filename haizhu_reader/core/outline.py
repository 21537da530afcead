"""The speech's headings and their levels, read from the document's own numbering.

A report marks its headings in one of a few families of forms: parts numbered
一、 with sections （一）; parts on a line of their own without a numeral
(``2022年工作回顾``, ``“十三五”及2020年工作回顾``, a slogan), with sections
numbered 一、 beneath them and topics （一） below those; parts 第一部分; Markdown
``##`` or bold lines. No level is fixed to a form: the parts are the outermost
family the document uses, sections the next one inside each part, topics the
one inside those. A numbered heading must carry on its family's count (一、二、三
…) in its parent, or start it again at 一 under a new parent; a numbered line
that does neither is a list item of the running text.

``outline(lines)`` returns, for each line of the speech, its ``Heading`` or
``None`` (running text). Pure Python; ``parse.py`` builds the sections.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from haizhu_reader.core.source import Line
from haizhu_reader.core.topics import DANGLING, OPENERS

_NUM = "一二三四五六七八九十"
# 一、标题 or 第一部分 标题 (num or nth holds the numeral).
PART_RE = re.compile(
    rf"^(?:(?P<num>[{_NUM}]{{1,3}})\s*[、，,．.]|第(?P<nth>[{_NUM}]{{1,3}})部分\s*[:：]?)"
    r"\s*(?P<title>.+)$"
)
SECTION_RE = re.compile(rf"^(?P<num>[（(]\s*[{_NUM}]{{1,3}}\s*[）)])\s*(?P<title>.+)$")
# 第一，标题 on a line of its own.
ORDINAL_RE = re.compile(rf"^第(?P<num>[{_NUM}]{{1,3}})\s*[，,、]\s*(?P<title>.+)$")
# 1.标题。正文 (not 2.5万): the lowest family, for headlines in a part without another.
DIGIT_RE = re.compile(r"^(?P<num>\d{1,2})\s*[.．、](?!\d)\s*(?P<title>.+)$")
SALUTATION_RE = re.compile(r"^(?:尊敬的)?各位(?:代表|委员)[^。]{0,12}[:：！!,，]?$")
DATE_RE = re.compile(
    r"([0-9〇零OＯ○一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月"
    r"\s*([0-9一二三四五六七八九十]{1,3})\s*日"
)
CN_DIGITS = {c: i + 1 for i, c in enumerate(_NUM)}

NUM, PAREN, NTH, ORD, DIGIT, PLAIN = "一、", "（一）", "第一部分", "第一，", "1.", "plain"
PART, SECTION, TOPIC = 1, 2, 3

# A heading line of its own: no sentence punctuation, and short.
_SENTENCE_MARKS = re.compile(r"[。！？!?；;：:]")
_PLAIN_MAX = 32
_NOT_PLAIN_START = ("——", "──", "--", "（", "(", "<", "【", "[", "注", "来源", "附")
# Words with which a plain line is a label in a running text rather than a heading.
_DANGLING_END = "的和与及并在为是了对把被从向以、，,"


def cn_number(s: str) -> int:
    """一 -> 1, 十 -> 10, 十四 -> 14, 二十三 -> 23 (0 when not a numeral)."""
    s = re.sub(r"[^一二三四五六七八九十]", "", s)
    if not s:
        return 0
    if "十" not in s:
        return CN_DIGITS.get(s, 0)
    tens, _, ones = s.partition("十")
    return (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)


@dataclass
class Heading:
    """A heading line: its level, numeral as captured (一、, (三), 第一部分), title and run-on.

    ``rest`` is the text that runs on after the heading on the same line (its
    section's first paragraph). A topic numbered like a section (（一）标题。正文)
    keeps its whole line as its first paragraph: ``keep_line``.
    """

    level: int
    number: str | None
    title: str
    rest: str = ""
    keep_line: bool = False


@dataclass
class _Candidate:
    index: int
    form: str
    n: int
    number: str | None
    title: str
    rest: str
    strong: bool  # a Markdown heading, or bold from end to end (or bold up to its run-on)
    runon: bool  # split from running text at a full stop, without bold to say so
    # (title, rest) if a topic's headline seems glued to the heading (see _unglue).
    glued: tuple[str, str] | None = None
    gluable: bool = False  # set in a way a glued headline could be: ends in a full stop


def _split_runon(ln: Line, head_len: int, title: str) -> tuple[str, str, bool, bool]:
    """(title, rest, strong, runon) of a numbered heading whose text may run on."""
    t = ln.text
    bold = ln.bold
    if bold and len(bold) > head_len and t.startswith(bold) and len(bold) < len(t):
        # **一、标题。**正文 / **一、标题** 正文: the bold is the heading.
        return bold[head_len:].strip().rstrip("。").strip(), t[len(bold) :].strip(), True, False
    # 一、2011年工作回顾 2011年是…: the bold is lost, the space that followed it is not.
    spaced = re.match(r"^(?P<head>[^。！？；\s]{4,40}?)\s+(?P<rest>\S.{19,})$", title)
    if spaced and not spaced["head"][-1].isdigit() and "。" in spaced["rest"]:
        return spaced["head"], spaced["rest"], ln.heading, False
    m = re.search(r"[。！？]", title)
    if not m:
        return title.strip(), "", ln.heading, False
    rest = title[m.end() :].strip()
    return title[: m.start()].strip(), rest, ln.heading, bool(rest)


def _with_glue(c: _Candidate, ln: Line) -> _Candidate:
    """Note a headline that may be glued to a heading that ended in a full stop."""
    stops = ln.text.rstrip().endswith("。") or bool(c.rest)
    c.gluable = not c.strong and bool(re.search(r"[，,]", c.title)) and stops
    if c.gluable and (glued := _unglue(c.title)):
        c.glued = (glued[0], f"{glued[1]}。{c.rest}")
    return c


def _unglue_systematic(cands: list[_Candidate]) -> None:
    """Split glued headlines off where the capture lost the bold of most headings of a form
    (积极实施自主创新战略，推进创新型广东建设大力推进自主创新。): one split among many
    headings is more likely a long title than lost bold."""
    for form in (NUM, PAREN):
        same = [c for c in cands if c.form == form and c.gluable]
        glued = [c for c in same if c.glued]
        if len(glued) >= 3 and len(glued) * 2 >= len(same):
            for c in glued:
                assert c.glued is not None
                c.title, c.rest = c.glued
                c.runon = True


def _unglue(head: str) -> tuple[str, str] | None:
    """A two-clause heading (甲，乙) and a headline glued to its second clause, split where
    that clause, about as long as the first, ends and a verb opens the headline."""
    clauses = re.split(r"[，,]", head, maxsplit=1)
    if len(clauses) < 2 or len(clauses[0]) < 4:
        return None
    first, second = clauses[0], re.split(r"[，,、；;]", clauses[1], maxsplit=1)[0]
    cuts = [
        k
        for k in range(max(4, len(first) // 2), min(len(first) + 6, len(second) - 3))
        if second.startswith(OPENERS, k) and second[k - 1] not in DANGLING
    ]
    if not cuts:
        return None
    k = min(cuts, key=lambda k: abs(k - len(first)))
    at = len(first) + 1 + k
    return head[:at], head[at:]


def _numbered(ln: Line, i: int) -> _Candidate | None:
    t = ln.text
    if m := PART_RE.match(t):
        form = NUM if m.group("num") else NTH
        numeral = m.group("num") or m.group("nth")
        number = numeral + "、" if form == NUM else f"第{numeral}部分"
        title, rest, strong, runon = _split_runon(ln, m.start("title"), m.group("title"))
        if not title:
            return None
        return _Candidate(i, form, cn_number(numeral), number, title, rest, strong, runon)
    if m := SECTION_RE.match(t):
        number = re.sub(r"\s", "", m.group("num"))
        title, rest, strong, runon = _split_runon(ln, m.start("title"), m.group("title"))
        if not title:
            return None
        return _Candidate(i, PAREN, cn_number(number), number, title, rest, strong, runon)
    if (m := DIGIT_RE.match(t)) and (m.group("num") != "0"):
        title, rest, strong, runon = _split_runon(ln, m.start("title"), m.group("title"))
        # A headline (农业经济活力增强。实现…), not an item of a list (1.新增就业5万人。).
        if 4 <= len(title) <= 30 and (rest or strong) and not _SENTENCE_MARKS.search(title):
            return _Candidate(i, DIGIT, int(m.group("num")), m.group("num") + ".", title, rest,
                              strong, runon)  # fmt: skip
        return None
    if (m := ORDINAL_RE.match(t)) and _is_plain_shape(m.group("title"), 40):
        numeral, title = m.group("num"), m.group("title")
        return _Candidate(
            i, ORD, cn_number(numeral), f"第{numeral}，", title, "", ln.heading, False
        )
    return None


def _is_plain_shape(t: str, limit: int = _PLAIN_MAX) -> bool:
    """Short, no sentence punctuation, not ending on a word that needs more."""
    return (
        2 <= len(t) <= limit
        and not _SENTENCE_MARKS.search(t)
        and t[-1] not in _DANGLING_END
        and t[-1] not in "…"
        and len(t.split()) <= 2
    )


def _plain(ln: Line, i: int, prev: Line | None, nxt: Line | None) -> _Candidate | None:
    """A heading of its own line without a numeral: 2022年工作回顾, a slogan."""
    t = ln.text
    limit = 40 if ln.heading else _PLAIN_MAX
    if (
        nxt is None
        or not _is_plain_shape(t, limit)
        or t.startswith(_NOT_PLAIN_START)
        or SALUTATION_RE.match(t)
        or DATE_RE.search(t)
        or re.fullmatch(r"[\d\W_]+", t)
    ):
        return None
    # Between sentences: the line before ends one (or is a heading), the one after is text.
    if (
        prev is not None
        and not prev.heading
        and prev.text[-1] not in "。！？!?；;：:”’）)…"
        and not (_numbered(prev, 0) or _is_plain_shape(prev.text))
    ):
        return None
    if len(nxt.text) < 6 and not _numbered(nxt, 0):
        return None
    return _Candidate(i, PLAIN, 0, None, t.strip(), "", ln.heading, False)


def _candidates(lines: list[Line]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for i, ln in enumerate(lines):
        prev = lines[i - 1] if i else None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        c = _numbered(ln, i)
        if c is not None and c.form in (NUM, PAREN):
            c = _with_glue(c, ln)
        c = c or _plain(ln, i, prev, nxt)
        if c is not None:
            out.append(c)
    _unglue_systematic(out)
    return out


def _plain_parts(cands: list[_Candidate]) -> set[int]:
    """Indexes of the plain lines that are the report's parts (empty: the parts are numbered).

    Plain lines are parts when the speech opens with one and 一、 (if used) starts
    again at 一 under them: the review's sections and the plan's are both counted
    from 一. A plain line after which the count carries on is not a part.
    """
    first = next((c for c in cands if c.form in (NUM, PLAIN, NTH)), None)
    if first is None or first.form != PLAIN:
        return set()
    plains = [c for c in cands if c.form == PLAIN]
    any_strong = any(q.strong for q in plains)
    # The first 一、 heading after each plain line, before the next plain line.
    first_num: dict[int, int] = {}
    current: _Candidate | None = None
    for c in cands:
        if c.form == PLAIN:
            current = c
        elif c.form == NUM and current is not None and current.index not in first_num:
            first_num[current.index] = c.n
    parts: set[int] = set()
    for p in plains:
        n = first_num.get(p.index)
        if n == 1 or (n is None and (p.strong or not any_strong)):
            parts.add(p.index)
    return parts if len(parts) >= 2 else set()


class _Counter:
    """The next number expected per (parent, form): 一 first, then one more each time."""

    def __init__(self) -> None:
        self._next: dict[tuple[int, str], int] = {}

    def expected(self, parent: int, form: str) -> int:
        return self._next.get((parent, form), 1)

    def take(self, parent: int, form: str, n: int) -> None:
        self._next[(parent, form)] = n + 1


def _shape(c: _Candidate) -> tuple[bool, bool]:
    """How a heading is set: with text running on after it, and in bold (or as ## )."""
    return (bool(c.rest) or c.runon, c.strong)


class _Outliner:
    """One pass over the candidates, keeping the part and section they fall in."""

    def __init__(self, cands: list[_Candidate], size: int) -> None:
        self.cands = cands
        self.result: list[Heading | None] = [None] * size
        self.plain_parts = _plain_parts(cands)
        if any(c.form == NTH and c.n == 1 for c in cands):
            self.top = NTH
        elif self.plain_parts:
            self.top = PLAIN
        else:
            self.top = NUM
        self.counter = _Counter()
        self.part = -1  # index of the current part's line (-1: the opening)
        self.section = -1
        self.section_form: str | None = None  # the form the part numbers its sections with
        self.in_list = 0  # the number the next item of a list numbered like parts would have
        self.sub_run: set[int] = set()  # 一、 sections inside a part numbered 一、 too
        self.plain_lines = {c.index for c in cands if c.form == PLAIN}
        self.part_shape: tuple[bool, bool] | None = None

    def fits(self, k: int, parent: int) -> bool:
        """Candidate ``k`` carries on its count under ``parent`` (one numeral lost is allowed
        when the next heading of the form carries on from it: （一） fused into a sentence)."""
        c = self.cands[k]
        expected = self.counter.expected(parent, c.form)
        if c.n == expected:
            return True
        if c.n != expected + 1:
            return False
        nxt = next((d for d in self._after(k) if d.form == c.form), None)
        return nxt is not None and nxt.n == c.n + 1

    def _after(self, k: int) -> Iterator[_Candidate]:
        """The candidates after ``k``, as far as a lookahead needs to see (bounded, so that a
        file of a hundred thousand numbered lines stays linear)."""
        return (self.cands[j] for j in range(k + 1, min(len(self.cands), k + 1 + _LOOKAHEAD)))

    def run(self) -> list[Heading | None]:
        for k, c in enumerate(self.cands):
            if c.form == PLAIN and self.top == PLAIN and c.index not in self.plain_parts:
                continue  # a plain line among plain parts that is not one: running text
            if c.form == self.top and c.index not in self.sub_run:
                if self._part(k, c):
                    continue
                if not (self.top == NUM and self._sub_sections(k)):
                    continue  # numbered like a part, but neither a part nor a section
            self.in_list = 0
            self._below_part(k, c)
        return self.result

    def _part(self, k: int, c: _Candidate) -> bool:
        if self.top != PLAIN:
            # A list numbered like parts inside a part (十件民生实事：一、…) is text: it
            # starts at 一 where a part cannot, and runs on. Left as headings, an item
            # numbered like the next part took that part's place.
            fits = self.fits(k, -2)
            item = (c.n == 1 and not fits) or c.n == self.in_list or c.runon
            self.in_list = c.n + 1 if item and c.n in (1, self.in_list) else 0
            if item or not fits or (self.top == NUM and len(c.title) > 60):
                return False
            self.counter.take(-2, self.top, c.n)
            self.part_shape = self.part_shape or _shape(c)
        self.result[c.index] = Heading(PART, c.number, c.title, c.rest)
        self.part, self.section, self.section_form = c.index, -1, None
        return True

    def _sub_sections(self, k: int) -> bool:
        """一、 restarting inside a part whose sections it numbers (二、2019年工作安排 /
        一、稳增长。… / 二、…): a run 一、二、三… set apart by text, each set unlike the parts."""
        c = self.cands[k]
        if c.n != 1 or self.part < 0 or self.section_form not in (None, NUM):
            return False
        run = [c]
        for d in self._after(k):
            if d.form != NUM:
                continue
            if d.n != run[-1].n + 1:
                break
            if _shape(d) == self.part_shape and self.counter.expected(-2, NUM) == d.n:
                break  # set like the parts, and the next part's number: that part
            run.append(d)
        if not _set_apart(run) or _shape(c) == self.part_shape:
            return False
        self.sub_run = {d.index for d in run}
        return True

    def _restarts(self, k: int) -> bool:
        """A second count from 一 in the same part (三大任务（一）…（三）, then 十项工作
        （一）…（十）): a run set apart by text, not a list of one-line items."""
        c = self.cands[k]
        if c.n != 1:
            return False
        run = [c]
        for d in self._after(k):
            if d.form == self.top and self.top != PLAIN:
                break
            if d.form == c.form:
                if d.n != run[-1].n + 1:
                    break
                run.append(d)
        return len(run) >= 3 and _set_apart(run)

    def _below_part(self, k: int, c: _Candidate) -> None:
        if c.form == PLAIN:
            # A plain line inside a numbered part: a section heading (一个重点, 总体要求和预期
            # 目标); not before the first part unless marked as one, nor one of a list of
            # short lines.
            listed = {c.index - 1, c.index + 1} & self.plain_lines
            if not c.strong and (self.part == -1 or listed):
                return
            self.result[c.index] = Heading(SECTION, None, c.title)
            self.section, self.section_form = c.index, self.section_form or PLAIN
            return
        if c.form == NTH:
            return  # 第二部分 without a 第一部分: text
        # A part's sections take the first numbered form met inside it; a deeper form
        # (（一） under 一、) numbers topics inside the current section, and so does any
        # under a section heading of its own line that opens the part (总体要求和预期目标).
        if self.section_form == PLAIN and self.section >= 0:
            if self.fits(k, self.section):
                self.counter.take(self.section, c.form, c.n)
                self.result[c.index] = Heading(TOPIC, c.number, c.title, c.rest, keep_line=True)
            return
        if self.section_form is None or c.form == self.section_form:
            if not self.fits(k, self.part) and not self._restarts(k):
                return
            self.counter.take(self.part, c.form, c.n)
            self.result[c.index] = Heading(SECTION, c.number, c.title, c.rest)
            self.section = c.index
            self.section_form = self.section_form or c.form
            return
        if self.section >= 0 and _deeper(c.form, self.section_form) and self.fits(k, self.section):
            self.counter.take(self.section, c.form, c.n)
            self.result[c.index] = Heading(TOPIC, c.number, c.title, c.rest, keep_line=True)


_LOOKAHEAD = 400


def _set_apart(run: list[_Candidate]) -> bool:
    """Headings with text between them (most of them), not one-line items of a list."""
    apart = sum(1 for a, b in itertools.pairwise(run) if b.index - a.index > 1)
    return len(run) >= 2 and apart >= 0.8 * (len(run) - 1)


def outline(lines: list[Line]) -> list[Heading | None]:
    """Each line's heading (or ``None`` for running text), levels from the document's numbering."""
    return _Outliner(_candidates(lines), len(lines)).run()


def _deeper(form: str, than: str) -> bool:
    order = [NUM, PAREN, ORD, DIGIT]
    return form in order and than in order and order.index(form) > order.index(than)
