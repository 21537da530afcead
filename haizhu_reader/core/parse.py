"""Report text -> ``Report``: title block, parts, sections, lead topics, appendices.

The parser works on the lines that ``source.clean`` leaves and never drops one:
every line ends up as the title, the meeting or speaker line, the salutation, a
heading, or a paragraph. See ``haizhu_reader/core/report.py`` for the model.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from haizhu_reader import resources
from haizhu_reader.core import files, glossary
from haizhu_reader.core.outline import (
    PART_RE,
    SALUTATION_RE,
    SECTION_RE,
    outline,
)
from haizhu_reader.core.punctuation import printed
from haizhu_reader.core.report import (
    OPENING,
    PART,
    SECTION,
    TOPIC,
    Appendix,
    Paragraph,
    Report,
    Section,
    Source,
)
from haizhu_reader.core.source import MAX_BYTES, Line, ReportError, clean_lines, decode_counting
from haizhu_reader.core.title_block import CONTENTS_RE, looks_like_report, read_title_block
from haizhu_reader.core.topics import find_topics

__all__ = ["ReportError", "bundled_report", "load_report", "parse_report"]

# 附件2, 附件：…, 附录一：… (an appendix marker, with or without its title).
APPENDIX_RE = re.compile(
    r"^附\s*(?P<word>[件录])\s*(?P<n>[0-9０-９一二三四五六七八九十]*)\s*[:：]?\s*(?P<rest>.*)$"
)
# 名词解释, 名词注释, 注释, 名词解读, 有关名词解释, 名词解释和有关情况说明, 术语解释…, after
# 《政府工作报告》 or 《政府工作报告》有关内容 as some reports title them.
GLOSSARY_TITLE_RE = re.compile(
    r"^(?:《[^《》]{2,24}》)?\s*(?:有关内容|部分|有关)?"
    r"(?:(?:名词|术语|词语)(?:解释|注释|解读|说明)|注释|附注)"
    r"(?:和(?:有关情况)?说明)?\s*[:：]?$"
)
_BOOK_TITLE = re.compile(r"^《[^《》]{2,24}》$")
TERMINAL = "。！？!?；;：:…”’」』）)》"


_HASH_PIECE = 1 << 20


class _Ids:
    """Ids handed out so far: a repeat of the same text gets -2, -3… in order.

    The next suffix is remembered per base, so a file of a thousand identical
    paragraphs is not a million membership tests.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()  # ids handed out as base-n
        self._next: dict[str, int] = {}

    def take(self, prefix: str, key: str) -> str:
        digest = hashlib.sha1()
        for at in range(0, len(key), _HASH_PIECE):  # a 19 MB line is not encoded whole
            digest.update(key[at : at + _HASH_PIECE].encode("utf-8"))
        base = prefix + digest.hexdigest()[:10]
        n = self._next.get(base, 1)
        ident = base if n == 1 else f"{base}-{n}"
        while ident in self._used:  # only if some key's id looked like base-n
            n += 1
            ident = f"{base}-{n}"
        self._next[base] = n + 1
        if n > 1:
            # A base (prefix and hex digits) never looks like base-n: only these need
            # remembering, not every paragraph's id again.
            self._used.add(ident)
        return ident


# -- header ------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.used = _Ids()

    def para(self, text: str, lead: int = 0) -> Paragraph:
        return Paragraph(id=self.used.take("p", text), text=text, lead=lead)

    def section(self, level: int, number: str | None, title: str, key: str = "") -> Section:
        ident = self.used.take("s", f"{level}|{number or ''}|{title}|{key}")
        return Section(id=ident, level=level, number=number, title=title)


_PAGE_REF = re.compile(r"[.．…·\s\-—]*\d{1,3}$")


def _drop_contents(lines: list[Line]) -> list[Line]:
    """Without a table of contents (目录, then the part headings, then the report
    starting again at 一、): its 一、二、 would be taken for the parts. Only a block
    of short heading-like lines that the report then repeats from 一、 counts."""
    for k, ln in enumerate(lines[:200]):
        if not CONTENTS_RE.match(ln.text):
            continue
        listed_first = False
        end = len(lines)
        for j in range(k + 1, len(lines)):
            t = _PAGE_REF.sub("", lines[j].text) or lines[j].text
            m = PART_RE.match(t)
            first = m is not None and (m.group("num") or m.group("nth")) == "一"
            if first and listed_first:
                return lines[:k] + lines[j:]  # the report resumes here
            listed_first = listed_first or first
            if len(t) > 40 or t.endswith(("。", "！", "？", "；")) or SALUTATION_RE.match(t):
                end = j  # the contents end (at the salutation, or a sentence)
                break
        resumes = any(
            (m := PART_RE.match(ln.text)) and (m.group("num") or m.group("nth")) == "一"
            for ln in lines[end:]
        )
        return lines[:k] + lines[end:] if listed_first and resumes else lines
    return lines


def _join_fragments(lines: list[Line]) -> list[Line]:
    """Rejoin lines the capture broke inside a sentence (PM / 2.5 / 年平均浓度).

    Where the file sets its paragraphs apart with blank lines (Markdown), a short
    line before a blank line is a heading, not half a sentence, unless it was
    broken before its conjunction (2020年工作 / 和“十三五”成就回顾).
    """
    blank_separated = sum(ln.gap for ln in lines) >= 0.6 * len(lines)
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and _joins(prev, ln, blank_separated):
            out[-1] = Line(text=prev.text + ln.text, bold=prev.bold, heading=False, gap=prev.gap)
        else:
            out.append(ln)
    return out


def _joins(prev: Line, ln: Line, blank_separated: bool) -> bool:
    if (
        prev.heading
        or ln.heading
        or prev.text[-1] in TERMINAL
        or _is_heading_text(prev.text)
        or _is_heading_text(ln.text)
        or _is_table_row(prev.text)
        or _is_table_row(ln.text)
    ):
        return False
    if blank_separated and ln.gap and _looks_like_heading(prev.text):
        # A short line then a blank line is a heading, unless broken before its conjunction.
        return len(prev.text) <= 16 and len(ln.text) <= 20 and ln.text[0] in "和与及"
    if ln.text[0] in "是的为和与及：:，,、。；;" or prev.text[-1] in "的和与及在为是":
        return True
    if _looks_like_heading(prev.text) and len(ln.text) > 40:
        return False  # a heading line of its own, then its first paragraph
    return len(prev.text) > 20 or len(ln.text) <= 8


def _looks_like_heading(text: str) -> bool:
    """A short line without sentence punctuation: a heading, not half a sentence."""
    return len(text) <= 32 and not re.search(r"[。，,、；;：:！？!?]", text)


def _is_table_row(text: str) -> bool:
    """序号 项目 目标 / 1 新增学位 1万个: cells a table's capture set apart with spaces."""
    return len(text.split()) >= 3


def _is_heading_text(text: str) -> bool:
    return bool(
        (PART_RE.match(text) and len(text) <= 60)
        or SECTION_RE.match(text)
        or APPENDIX_RE.match(text)
        or GLOSSARY_TITLE_RE.match(text)
        or SALUTATION_RE.match(text)
    )


def parse_report(data: bytes) -> Report:
    """Parse a report file's bytes. Raises ``ReportError`` on anything not a report."""
    return _parse([data])


def _parse(holder: list[bytes]) -> Report:
    """``parse_report`` of the bytes in ``holder``, which it empties: each stage lets go of
    what the next no longer needs (the file, its text, the lines as captured), so that a
    19 MB line is held as few times as it can be."""
    text, damaged = decode_counting(holder.pop())
    raw = text.split("\n")
    del text
    cleaned = clean_lines(raw)
    del raw
    lines = cleaned.lines
    if not lines or not looks_like_report(lines, cleaned.page_title):
        raise ReportError(
            "这不是政府工作报告：找不到标题、“各位代表”或编号的部分",
            "this is not a government work report: no title, salutation or numbered parts",
        )
    b = _Builder()
    report = Report(title="", content_hash=cleaned.content_hash)
    # Damage in page chrome the cleaner dropped is not the report's.
    report.damaged = min(damaged, cleaned.replaced)
    if cleaned.published or cleaned.publisher:
        report.source = Source(published=cleaned.published, publisher=cleaned.publisher)
    i = read_title_block(lines, report, cleaned.page_title)

    opening = b.section(PART, None, OPENING, "opening")
    body_lines = _join_fragments(_drop_contents(lines[i:]))
    del cleaned, lines
    parts = _structure(body_lines, b, opening, report)
    del body_lines  # the texts as captured: _as_printed makes the ones shown
    report.sections = parts
    _as_printed(report)
    glossary.link(
        report.glossary,
        [p for _, p in report.body_paragraphs()]
        + [p for a in report.appendices if a.title != report.glossary_title for p in a.paragraphs],
        glossary.MAX_OCCURRENCES,
    )
    return report


def _as_printed(report: Report) -> None:
    """Every text of the model with its punctuation as printed (ids stay those of the capture)."""
    report.title = printed(report.title)
    report.occasion = printed(report.occasion) if report.occasion else report.occasion
    report.salutation = printed(report.salutation) if report.salutation else report.salutation
    if report.glossary_title:
        report.glossary_title = printed(report.glossary_title)
    for s in report.walk():
        s.title = printed(s.title)
        s.number = printed(s.number) if s.number else s.number
        for p in s.paragraphs:
            p.text = printed(p.text)
    for a in report.appendices:
        a.title = printed(a.title)
        for p in a.paragraphs:
            p.text = printed(p.text)
    for e in report.glossary:
        e.term = printed(e.term)
        e.aliases = [printed(x) for x in e.aliases]
        e.definition = printed(e.definition)


def _structure(lines: list[Line], b: _Builder, opening: Section, report: Report) -> list[Section]:
    """Body lines -> parts, sections, topics; appendices and glossary onto ``report``."""
    end = _speech_end(lines)
    speech = _split_fused(lines[:end])
    parts: list[Section] = [opening]
    current: Section = opening
    part: Section | None = None
    section: Section | None = None
    for ln, h in zip(speech, outline(speech), strict=True):
        t = ln.text
        if h is None:
            if current is opening and not report.salutation and SALUTATION_RE.match(t):
                report.salutation = t.rstrip(":：")
                continue
            current.paragraphs.append(b.para(t, lead=len(ln.bold) if ln.bold else 0))
            if ln.bold and ln.heading:
                current.paragraphs[-1].lead = len(t)
            continue
        if h.level == PART:
            part = current = b.section(PART, h.number, h.title)
            section = None
            parts.append(part)
        elif h.level == SECTION or section is None:
            # Sections before any part (a report without parts) sit under the opening.
            parent = part or opening
            section = current = b.section(SECTION, h.number, h.title, parent.id)
            parent.children.append(section)
        else:
            current = b.section(TOPIC, h.number, h.title, section.id)
            section.children.append(current)
            if h.keep_line and h.rest:
                # （一）标题。正文: the line is the topic's first paragraph, headline first.
                current.paragraphs.append(b.para(t, lead=len(t) - len(h.rest)))
            continue
        if h.rest:
            # lead=-1 marks the heading's run-on intro: never a lead topic.
            current.paragraphs.append(b.para(h.rest, lead=-1))

    for s in list(_walk(parts)):
        if s is not opening:
            find_topics(s, b.section)
    for s in _walk(parts):
        for p in s.paragraphs:
            p.lead = max(p.lead, 0)
    if not opening.paragraphs and not opening.children and parts[1:2] and parts[1].number:
        parts.remove(opening)  # kept before an unnumbered part: it holds the salutation
    glossary_lines = _appendices(lines[end:], b, report)
    if glossary_lines:
        body = "\n".join(p.text for s in _walk(parts) for p in s.paragraphs)
        report.glossary = glossary.parse_entries(glossary_lines, body)
    return parts


_FUSED_FIRST = re.compile(r"(?<=[：:])\s*(?=[（(]一[）)]\S{4})")


def _split_fused(lines: list[Line]) -> list[Line]:
    """A list's first heading run into the sentence that announces it (…以下工作：（一）坚定
    不移…), when （二） opens a later line: the heading gets its own line back."""
    out: list[Line] = []
    for i, ln in enumerate(lines):
        m = _FUSED_FIRST.search(ln.text)
        later = lines[i + 1 : i + 40]
        if m and any(SECTION_RE.match(x.text) and x.text[1:2] == "二" for x in later):
            out.append(Line(text=ln.text[: m.start()], bold=ln.bold, gap=ln.gap))
            out.append(Line(text=ln.text[m.end() :], gap=True))
        else:
            out.append(ln)
    return out


def _glossary_title(lines: list[Line], i: int) -> tuple[str, int] | None:
    """A glossary heading at line ``i`` (and the lines it takes), in any of its forms.

    《政府工作报告》 and 有关内容名词注释 on two lines are one heading.
    """
    t = lines[i].text
    if GLOSSARY_TITLE_RE.match(t):
        return t, 1
    if _BOOK_TITLE.match(t) and i + 1 < len(lines):
        joined = t + lines[i + 1].text
        if GLOSSARY_TITLE_RE.match(joined):
            return joined, 2
    return None


def _speech_end(lines: list[Line]) -> int:
    """Where the appendices start: a 附件/附录 marker, or a glossary heading before its entries."""
    for i, ln in enumerate(lines):
        if i == 0:
            continue
        if APPENDIX_RE.match(ln.text) and len(ln.text) <= 40:
            return i
        found = _glossary_title(lines, i)
        if found is not None:
            after = i + found[1]
            if after < len(lines) and glossary.opens_entry(lines[after].text):
                return i
    return len(lines)


def _appendices(lines: list[Line], b: _Builder, report: Report) -> list[str]:
    """The appendices after the speech onto ``report``; the glossary's lines returned."""
    appendix: Appendix | None = None
    pending = ""  # a bare 附件1 whose title is the next line
    glossary_lines: list[str] = []
    i = 0
    while i < len(lines):
        t = lines[i].text
        am = APPENDIX_RE.match(t)
        if am and len(t) <= 40:
            word = "附" + am.group("word")
            rest = am.group("rest").strip()
            label = f"{word}{am.group('n')}"
            if rest:
                appendix = Appendix(id=b.used.take("a", f"{word}|{rest}"), title=rest, label=label)
                report.appendices.append(appendix)
                if GLOSSARY_TITLE_RE.match(rest):
                    report.glossary_title = rest
                pending = ""
            else:
                pending, appendix = label, None
            i += 1
            continue
        heading = _glossary_title(lines, i)
        if heading is not None:
            title, taken = heading
            appendix = Appendix(
                id=b.used.take("a", f"{pending}|{title}"), title=title, label=pending or None
            )
            report.appendices.append(appendix)
            report.glossary_title = title
            pending = ""
            i += taken
            continue
        if appendix is None:
            # The line after a bare "附件1" is that appendix's title.
            appendix = Appendix(
                id=b.used.take("a", f"{pending}|{t}"), title=t, label=pending or None
            )
            report.appendices.append(appendix)
            pending = ""
            i += 1
            continue
        appendix.paragraphs.append(b.para(t))
        if appendix.title == report.glossary_title:
            glossary_lines.append(t)
        i += 1
    return glossary_lines


def _walk(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for s in sections:
        out.append(s)
        out.extend(_walk(s.children))
    return out


def load_report(path: Path) -> Report:
    """Read and parse a report file, with clear errors for unreadable files."""
    try:
        size = files.check_regular(path).st_size
        if size > MAX_BYTES:
            raise ReportError(
                f"文件过大（{size // (1024 * 1024)} MB），报告文件不应超过 20 MB",
                f"file too large ({size // (1024 * 1024)} MB); a report is at most 20 MB",
            )
        # decode() refuses more than MAX_BYTES; _parse lets go of the bytes once decoded.
        holder = [files.read_regular(path, MAX_BYTES)]
    except files.NotRegularFileError as e:
        if e.folder:
            raise ReportError(
                f"{path} 是文件夹，不是报告文件", f"{path} is a folder, not a file"
            ) from e
        raise ReportError(
            f"{path} 不是普通文件（{e.what_zh}），不能作为报告打开",
            f"{path} is {e.what_en}, not a regular file; it cannot be opened as a report",
        ) from e
    except FileNotFoundError as e:
        raise ReportError(f"找不到文件：{path}", f"file not found: {path}") from e
    except PermissionError as e:
        raise ReportError(f"没有权限读取：{path}", f"permission denied: {path}") from e
    except OSError as e:
        raise ReportError(f"无法读取文件：{path}", f"cannot read {path}: {e.strerror}") from e
    return _parse(holder)


def bundled_report() -> Report:
    """The report the app ships (Haizhu District 2023)."""
    return parse_report(resources.bundled_report_bytes())
