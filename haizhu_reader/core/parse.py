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
from haizhu_reader.core.report import (
    PART,
    SECTION,
    Appendix,
    Paragraph,
    Report,
    Section,
    Source,
    Speaker,
)
from haizhu_reader.core.source import MAX_BYTES, Line, ReportError, clean, decode_counting
from haizhu_reader.core.topics import find_topics

__all__ = ["ReportError", "bundled_report", "load_report", "parse_report"]

_NUM = "一二三四五六七八九十"
# 一、标题 or 第一部分 标题 (num or nth holds the numeral).
PART_RE = re.compile(
    rf"^(?:(?P<num>[{_NUM}]{{1,3}})\s*[、，,．.]|第(?P<nth>[{_NUM}]{{1,3}})部分\s*[:：]?)"
    r"\s*(?P<title>.+)$"
)


def _part_numeral(m: re.Match[str]) -> tuple[str, str]:
    """A part heading's numeral (一) and its number as printed (一、 or 第一部分)."""
    if m.group("num"):
        return m.group("num"), m.group("num") + "、"
    return m.group("nth"), f"第{m.group('nth')}部分"


SECTION_RE = re.compile(rf"^(?P<num>[（(]\s*[{_NUM}]{{1,3}}\s*[）)])\s*(?P<title>.+)$")
MEETING_RE = re.compile(r"^(?:[—－\-─]{1,4}|[（(])\s*(?P<body>.*年.*月.*日.*)$")
DATE_RE = re.compile(
    r"([0-9〇零一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月"
    r"\s*([0-9一二三四五六七八九十]{1,3})\s*日"
)
_CN_DIGIT = str.maketrans("〇零一二三四五六七八九", "00123456789")
SALUTATION_RE = re.compile(r"^(?:尊敬的)?各位(?:代表|委员)[^。]{0,12}[:：！!,，]?$")
APPENDIX_RE = re.compile(
    r"^附\s*件\s*(?P<n>[0-9０-９一二三四五六七八九十]*)\s*[:：]?\s*(?P<rest>.*)$"
)
GLOSSARY_TITLE_RE = re.compile(
    r"^(?:名词解释(?:和有关情况说明)?|名词注释|注释|词语解释|名词解读|有关名词解释)\s*[:：]?$"
)
ROLE_RE = re.compile(r"(?:长|主席|主任|书记|代表|委员)$")
SPEAKER_RUN_ON_RE = re.compile(
    r"(?P<role>[\u4e00-\u9fff]{0,10}?(?:代理)?(?:省长|市长|区长|县长|州长|旗长|盟长|主席))"
    r"(?P<name>[\u4e00-\u9fff·]{2,4})"
)
TERMINAL = "。！？!?；;：:…”’」』）)》"
# Unnumbered part headings, in reports whose sections use 一、.
PART_TITLE_RE = re.compile(r"(?:工作回顾|工作安排|工作任务|主要任务|总体要求|目标任务|奋斗目标)$")
CN_DIGITS = {c: i + 1 for i, c in enumerate(_NUM)}


def cn_number(s: str) -> int:
    """一 -> 1, 十 -> 10, 十四 -> 14, 二十三 -> 23 (0 when not a numeral)."""
    s = re.sub(r"[^一二三四五六七八九十]", "", s)
    if not s:
        return 0
    if "十" not in s:
        return CN_DIGITS.get(s, 0)
    tens, _, ones = s.partition("十")
    return (CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)


def _iso_date(m: re.Match[str]) -> str:
    """2023年3月2日 or 二〇二三年三月二日 -> 2023-03-02."""
    year = int(m.group(1).translate(_CN_DIGIT))

    def small(s: str) -> int:
        return int(s) if s.isdigit() else cn_number(s)

    return f"{year:04d}-{small(m.group(2)):02d}-{small(m.group(3)):02d}"


class _Ids:
    """Ids handed out so far: a repeat of the same text gets -2, -3… in order.

    The next suffix is remembered per base, so a file of a thousand identical
    paragraphs is not a million membership tests.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._next: dict[str, int] = {}

    def take(self, prefix: str, key: str) -> str:
        base = prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        n = self._next.get(base, 1)
        ident = base if n == 1 else f"{base}-{n}"
        while ident in self._used:  # only if some key's id looked like base-n
            n += 1
            ident = f"{base}-{n}"
        self._next[base] = n + 1
        self._used.add(ident)
        return ident


# -- header ------------------------------------------------------------------------


def _speaker(text: str) -> Speaker | None:
    parts = text.split()
    if len(parts) >= 2 and ROLE_RE.search(parts[0]) and 2 <= len("".join(parts[1:])) <= 5:
        return Speaker(role=parts[0], name="".join(parts[1:]))
    if len(parts) == 1 and ROLE_RE.search(text) and len(text) <= 12:
        return Speaker(role=text, name=None)
    joined = SPEAKER_RUN_ON_RE.fullmatch(text) if len(parts) == 1 else None
    if joined:  # 广州市市长孙志洋: no space between the office and the name
        return Speaker(role=joined.group("role"), name=joined.group("name"))
    return None


def _looks_like_report(lines: list[Line]) -> bool:
    head = "\n".join(ln.text for ln in lines[:40])
    whole = "\n".join(ln.text for ln in lines)
    signals = 0
    signals += bool(re.search(r"政府工作报告|工作报告", head))
    signals += bool(re.search(r"各位代表", whole))
    signals += any(MEETING_RE.match(ln.text) and "会议" in ln.text for ln in lines[:40])
    parts = [ln.text for ln in lines if PART_RE.match(ln.text) and len(ln.text) <= 40]
    signals += len(parts) >= 2 and bool(re.search(r"工作|回顾|安排|任务|目标", "".join(parts)))
    return signals >= 2


# -- the parse -----------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.used = _Ids()

    def para(self, text: str, lead: int = 0) -> Paragraph:
        return Paragraph(id=self.used.take("p", text), text=text, lead=lead)

    def section(self, level: int, number: str | None, title: str, key: str = "") -> Section:
        ident = self.used.take("s", f"{level}|{number or ''}|{title}|{key}")
        return Section(id=ident, level=level, number=number, title=title)


CONTENTS_RE = re.compile(r"^目\s*录\s*[:：]?$")
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
            first = m is not None and _part_numeral(m)[0] == "一"
            if first and listed_first:
                return lines[:k] + lines[j:]  # the report resumes here
            listed_first = listed_first or first
            if len(t) > 40 or t.endswith(("。", "！", "？", "；")) or SALUTATION_RE.match(t):
                end = j  # the contents end (at the salutation, or a sentence)
                break
        resumes = any(
            (m := PART_RE.match(ln.text)) and _part_numeral(m)[0] == "一" for ln in lines[end:]
        )
        return lines[:k] + lines[end:] if listed_first and resumes else lines
    return lines


def _join_fragments(lines: list[Line]) -> list[Line]:
    """Rejoin lines the capture broke inside a sentence (PM / 2.5 / 年平均浓度)."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not prev.heading
            and not ln.heading
            and prev.text[-1] not in TERMINAL
            and not _is_heading_text(prev.text)
            and not _is_heading_text(ln.text)
            and not _is_table_row(prev.text)
            and not _is_table_row(ln.text)
            and len(prev.text) + len(ln.text) > 0
            and (
                len(prev.text) > 20
                or len(ln.text) <= 8
                or ln.text[0] in "是的为和与及：:，,、。；;"
                or prev.text[-1] in "的和与及在为是"
            )
        ):
            out[-1] = Line(text=prev.text + ln.text, bold=prev.bold, heading=False)
        else:
            out.append(ln)
    return out


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
        or PART_TITLE_RE.search(text)
    )


def _split_heading(title: str) -> tuple[str, str]:
    """A heading line's title and the text that runs on after it."""
    m = re.search(r"[。！？]", title)
    if not m:
        return title.strip(), ""
    return title[: m.start()].strip(), title[m.end() :].strip()


def parse_report(data: bytes) -> Report:
    """Parse a report file's bytes. Raises ``ReportError`` on anything not a report."""
    text, damaged = decode_counting(data)
    cleaned = clean(text)
    lines = cleaned.lines
    if not lines or not _looks_like_report(lines):
        raise ReportError(
            "这不是政府工作报告：找不到标题、“各位代表”或编号的部分",
            "this is not a government work report: no title, salutation or numbered parts",
        )
    normalised = "\n".join(ln.text for ln in lines)
    b = _Builder()
    report = Report(title="", content_hash=hashlib.sha256(normalised.encode("utf-8")).hexdigest())
    # Damage in page chrome the cleaner dropped is not the report's.
    report.damaged = min(damaged, normalised.count("\ufffd"))
    if cleaned.published or cleaned.publisher:
        report.source = Source(published=cleaned.published, publisher=cleaned.publisher)

    # Header: everything before the salutation (or the first part heading).
    i, titles = 0, []
    while i < len(lines) and i < 40:
        t = lines[i].text
        if (
            SALUTATION_RE.match(t)
            or (PART_RE.match(t) and len(t) <= 60)
            or SECTION_RE.match(t)
            or CONTENTS_RE.match(t)
        ):
            break
        if MEETING_RE.match(t) and DATE_RE.search(t) and report.date is None:
            body = MEETING_RE.match(t).group("body")  # type: ignore[union-attr]
            # A meeting line broken over two lines ends with 会议上 on the second.
            if not re.search(r"会议上?[）)]?$", body) and i + 1 < len(lines):
                nxt = lines[i + 1].text
                if re.search(r"会议上?[）)]?$", nxt) and len(nxt) < 40:
                    body += nxt
                    i += 1
            body = body.rstrip("）)")
            d = DATE_RE.search(body)
            if d:
                report.date = _iso_date(d)
            occ = re.search(r"在(.+?)上?$", body[d.end() :] if d else body)
            report.occasion = occ.group(1) if occ else body
            i += 1
            continue
        sp = _speaker(t)
        if sp and report.speaker is None:
            report.speaker = sp
        elif len(t) <= 40 and not t.endswith(("。", "！", "？", "；")):
            titles.append(t)
        else:  # a sentence: the report itself has begun (a short opening, say)
            break
        i += 1
    report.title = _title(titles, report, cleaned.page_title)

    opening = b.section(PART, None, "开篇", "opening")
    body_lines = _join_fragments(_drop_contents(lines[i:]))
    parts = _structure(body_lines, b, opening, report)
    report.sections = parts
    glossary.link(
        report.glossary,
        [p for _, p in report.body_paragraphs()]
        + [p for a in report.appendices if a.title != report.glossary_title for p in a.paragraphs],
    )
    return report


def _title(titles: list[str], report: Report, page_title: str | None) -> str:
    specific = [t for t in titles if re.search(r"\d{4}年.*工作报告", t)]
    if specific:
        return specific[0].strip("《》")
    if page_title:
        half = len(page_title) // 2
        if page_title[:half] == page_title[half:]:
            page_title = page_title[:half]  # some pages repeat their title
        if re.fullmatch(r"[^《》]{0,20}\d{4}年[^《》]{0,6}政府工作报告", page_title):
            return page_title
    place = re.match(r"(.+?)第[一二三四五六七八九十]+届", report.occasion or "")
    if place and report.date:
        base = next((t for t in titles if "报告" in t), "政府工作报告")
        return f"{place.group(1)}{report.date[:4]}年{base.strip('《》')}"
    if titles:
        return titles[-1]
    return page_title or "政府工作报告"


def _structure(lines: list[Line], b: _Builder, opening: Section, report: Report) -> list[Section]:
    """Body lines -> parts, sections; appendices and glossary onto ``report``."""
    has_section_numbers = any(SECTION_RE.match(ln.text) for ln in lines)
    # Without (一) sections, 一、 may number sections under unnumbered part
    # headings (2022年工作回顾): then the 一、 numbering restarts.
    part_titles = not has_section_numbers and _unnumbered_parts(lines)
    parts: list[Section] = [opening]
    current: Section = opening
    part: Section | None = None
    expected_part = 1
    in_list = 0  # the number the next item of a list numbered like parts would have
    in_appendix = False
    appendix: Appendix | None = None
    pending_marker = ""
    glossary_lines: list[str] = []

    for idx, ln in enumerate(lines):
        t = ln.text
        if not in_appendix and not report.salutation and SALUTATION_RE.match(t):
            report.salutation = t.rstrip(":：")
            continue
        am = APPENDIX_RE.match(t)
        if am and len(t) <= 40 and idx > 0:
            in_appendix = True
            rest = am.group("rest").strip()
            label = f"附件{am.group('n')}"
            if rest:
                appendix = Appendix(id=b.used.take("a", f"附件|{rest}"), title=rest, label=label)
                report.appendices.append(appendix)
                if GLOSSARY_TITLE_RE.match(rest):
                    report.glossary_title = rest
                pending_marker = ""
            else:
                pending_marker = label
                appendix = None
            continue
        starts_entries = idx + 1 < len(lines) and glossary.opens_entry(lines[idx + 1].text)
        if GLOSSARY_TITLE_RE.match(t) and (in_appendix or starts_entries):
            in_appendix = True
            appendix = Appendix(
                id=b.used.take("a", f"{pending_marker}|{t}"), title=t, label=pending_marker or None
            )
            report.appendices.append(appendix)
            report.glossary_title = t
            pending_marker = ""
            continue
        if in_appendix:
            if appendix is None:
                # The line after a bare "附件1" is that appendix's title.
                appendix = Appendix(
                    id=b.used.take("a", f"{pending_marker}|{t}"),
                    title=t,
                    label=pending_marker or None,
                )
                report.appendices.append(appendix)
                pending_marker = ""
                continue
            appendix.paragraphs.append(b.para(t))
            if appendix.title == report.glossary_title:
                glossary_lines.append(t)
            continue

        if part_titles and _is_part_title(ln):
            part = b.section(PART, None, t.rstrip("：:"))
            parts.append(part)
            current = part
            continue
        pm = PART_RE.match(t)
        # A list numbered 一、二、三、 inside a part (十件民生实事：一、…) is text: it
        # starts at 一 where a part cannot, and runs on line by line. Left as
        # headings, an item numbered like the next part took that part's place.
        item = False
        if pm and pm.group("num") and not part_titles:
            n = cn_number(pm.group("num"))
            item = (n == 1 and expected_part > 1) or n == in_list
            in_list = n + 1 if item else 0
        else:
            in_list = 0
        if item:
            pm = None
        if pm and (part_titles or (len(t) <= 60 and not t.endswith("。"))):
            numeral, num = _part_numeral(pm)
            title, rest = _split_heading(pm.group("title"))
            if part_titles:
                parent = part or opening
                sec = b.section(SECTION, num, title, parent.id)
                parent.children.append(sec)
                current = sec
                if rest:
                    sec.paragraphs.append(b.para(rest, lead=-1))
                continue
            if cn_number(numeral) == expected_part:
                part = b.section(PART, num, title)
                parts.append(part)
                current = part
                expected_part += 1
                if rest:
                    part.paragraphs.append(b.para(rest, lead=-1))
                continue
        sm = SECTION_RE.match(t)
        if sm:
            # Sections before any numbered part (a report without parts) sit
            # under the opening rather than being flattened into paragraphs.
            parent = part or opening
            title, rest = _split_heading(sm.group("title"))
            num = re.sub(r"\s", "", sm.group("num"))
            sec = b.section(SECTION, num, title, parent.id)
            parent.children.append(sec)
            current = sec
            if rest:
                # lead=-1 marks the heading's run-on intro: never a lead topic.
                sec.paragraphs.append(b.para(rest, lead=-1))
            continue
        current.paragraphs.append(b.para(t, lead=len(ln.bold) if ln.bold else 0))
        if ln.bold and ln.heading:
            current.paragraphs[-1].lead = len(t)

    for s in list(_walk(parts)):
        find_topics(s, b.section)
    for s in _walk(parts):
        for p in s.paragraphs:
            p.lead = max(p.lead, 0)
    if not opening.paragraphs and not opening.children:
        parts.remove(opening)
    if glossary_lines:
        body = "\n".join(p.text for s in _walk(parts) for p in s.paragraphs)
        report.glossary = glossary.parse_entries(glossary_lines, body)
    return parts


def _is_part_title(ln: Line) -> bool:
    t = ln.text
    return (
        len(t) <= 30
        and not PART_RE.match(t)
        and not SECTION_RE.match(t)
        and t[-1] not in "。！？!?"
        and (bool(PART_TITLE_RE.search(t.rstrip("：:"))) or (ln.heading and "报告" not in t))
    )


def _unnumbered_parts(lines: list[Line]) -> bool:
    """True when 一、 numbers sections under unnumbered part headings."""
    body = []
    for ln in lines:
        if APPENDIX_RE.match(ln.text) or GLOSSARY_TITLE_RE.match(ln.text):
            break
        body.append(ln)
    ones = sum(1 for ln in body if (m := PART_RE.match(ln.text)) and _part_numeral(m)[0] == "一")
    return ones >= 2 and any(_is_part_title(ln) for ln in body)


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
        data = files.read_regular(path, MAX_BYTES)  # decode() refuses more than MAX_BYTES
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
    return parse_report(data)


def bundled_report() -> Report:
    """The report the app ships (Haizhu District 2023)."""
    return parse_report(resources.bundled_report_bytes())
