"""A report's title block: title, date and meeting, speaker; and whether a text is a report.

Before the salutation (各位代表：) a report names itself (政府工作报告, or a page's or
front matter's title), its meeting (——2023年3月2日在…第三次会议上, or （2023年3月2日）)
and its speaker (区长  毛松柏). ``read_title_block`` fills those onto the ``Report``
and says where the speech begins; ``looks_like_report`` is the test the parser
applies before it reads anything else.
"""

from __future__ import annotations

import re
import unicodedata

from haizhu_reader.core.outline import DATE_RE, PART_RE, SALUTATION_RE, SECTION_RE, cn_number
from haizhu_reader.core.report import Report, Speaker
from haizhu_reader.core.source import Line

MEETING_RE = re.compile(r"^(?:[—－\-─]{1,4}|[（(])\s*(?P<body>.*年.*月.*日.*)$")
_CN_DIGIT = str.maketrans("〇零OＯ○一二三四五六七八九", "00000123456789")
# 目录 opens a table of contents, before which the title block ends.
CONTENTS_RE = re.compile(r"^目\s*录\s*[:：]?$")

ROLE_RE = re.compile(r"(?:长|主席|主任|书记|代表|委员|总理)$")
SPEAKER_RUN_ON_RE = re.compile(
    r"(?P<role>[\u4e00-\u9fff]{0,10}?(?:代理)?(?:省长|市长|区长|县长|州长|旗长|盟长|主席))"
    r"(?P<name>[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,8}·[\u4e00-\u9fff]{1,8})"
)


def _iso_date(m: re.Match[str]) -> str:
    """2023年3月2日 or 二〇二三年三月二日 -> 2023-03-02."""
    year = int(m.group(1).translate(_CN_DIGIT))

    def small(s: str) -> int:
        return int(s) if s.isdigit() else cn_number(s)

    return f"{year:04d}-{small(m.group(2)):02d}-{small(m.group(3)):02d}"


def _speaker(text: str) -> Speaker | None:
    parts = text.split()
    name = "".join(parts[1:])
    # 2 to 4 characters, or a transcribed name with its middle dot (莫合买提·尼亚孜).
    longest = 12 if "·" in name else 5
    if len(parts) >= 2 and ROLE_RE.search(parts[0]) and 2 <= len(name) <= longest:
        return Speaker(role=parts[0], name=name)
    if len(parts) == 1 and ROLE_RE.search(text) and len(text) <= 12:
        return Speaker(role=text, name=None)
    joined = SPEAKER_RUN_ON_RE.fullmatch(text) if len(parts) == 1 else None
    if joined:  # 广州市市长孙志洋: no space between the office and the name
        return Speaker(role=joined.group("role"), name=joined.group("name"))
    return None


def looks_like_report(lines: list[Line], page_title: str | None) -> bool:
    """Two of: a title naming a work report, a salutation (各位代表), a meeting or date line,
    numbered parts. A title and 各位代表 make a report whatever its parts look like."""
    # Line by line (neither can span two lines): joining them copied the whole text.
    signals = 0
    signals += any("工作报告" in ln.text for ln in lines[:40]) or "工作报告" in (page_title or "")
    signals += any("各位代表" in ln.text for ln in lines)
    signals += any(_meeting(ln.text) for ln in lines[:40])
    parts = [ln.text for ln in lines if PART_RE.match(ln.text) and len(ln.text) <= 40]
    signals += len(parts) >= 2 and bool(re.search(r"工作|回顾|安排|任务|目标", "".join(parts)))
    return signals >= 2


def _meeting(text: str) -> tuple[str | None, str | None] | None:
    """(date, occasion) of a meeting or date line of the header, or None for another line.

    ——2023年3月2日在广州市海珠区第十七届人民代表大会第三次会议上, （2023年3月2日）,
    2023年1月11日在四川省第十四届人民代表大会第一次会议上, ——在庆阳市…会议上.
    """
    t = unicodedata.normalize("NFKC", text)
    if len(t) > 80:
        return None
    marked = bool(MEETING_RE.match(t)) or t.startswith(("——", "--", "—", "(", "（"))
    d = DATE_RE.search(t)
    meeting = re.search(r"人民代表大会|人大", t) and "会议" in t
    if not (meeting or (d and (marked or len(t) <= 24))):
        return None
    date = _iso_date(d) if d else None
    occasion = None
    if meeting:
        after = t[d.end() :] if d and d.start() < t.find("会议") else t
        m = re.search(r"在?\s*([^\s在—\-(（)）]{2,}?人民代表大会.*?会议)", after) or re.search(
            r"在\s*(.+?会议)", after
        )
        occasion = m.group(1).replace(" ", "") if m else None
    return date, occasion


def read_title_block(lines: list[Line], report: Report, page_title: str | None) -> int:
    """Fill ``report``'s title, date, occasion and speaker; the index where the speech begins.

    The title block is everything before the salutation (or the first part heading).
    """
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
        meeting = _meeting(t)
        if meeting is not None and (report.date is None or report.occasion is None):
            # A meeting line broken over two lines ends with 会议上 on the second.
            if (
                not meeting[1]
                and i + 1 < len(lines)
                and re.search(r"会议上?[）)]?$", lines[i + 1].text)
                and len(lines[i + 1].text) < 40
            ):
                meeting = _meeting(t + lines[i + 1].text) or meeting
                i += 1
            report.date = report.date or meeting[0]
            report.occasion = report.occasion or meeting[1]
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
    report.title = _title(titles, report, page_title)
    return i


def _title(titles: list[str], report: Report, page_title: str | None) -> str:
    specific = [t for t in titles if re.search(r"\d{4}年.*工作报告", t)]
    if specific:
        return specific[0].strip("《》")
    if page_title:
        half = len(page_title) // 2
        if page_title[:half] == page_title[half:]:
            page_title = page_title[:half]  # some pages repeat their title
        # 哈密市政府工作报告 （2016年1月22日 莫合买提·尼亚孜）: the date and speaker are no title.
        page_title = re.sub(r"\s*[（(][^（）()]*\d{4}\s*年[^（）()]*[）)]\s*$", "", page_title)
        if re.fullmatch(r"[^《》]{0,20}\d{4}年[^《》]{0,6}政府工作报告", page_title):
            return page_title
    place = re.match(r"(.+?)第[一二三四五六七八九十]+届", report.occasion or "")
    if place and report.date:
        base = next((t for t in titles if "报告" in t), "政府工作报告")
        return f"{place.group(1)}{report.date[:4]}年{base.strip('《》')}"
    named = [t for t in titles if "报告" in t] or titles
    title = named[-1] if named else page_title or "政府工作报告"
    if page_title and "报告" in page_title and "报告" not in title:
        title = page_title
    if title.strip("《》") == "政府工作报告" and report.date:
        return f"{report.date[:4]}年政府工作报告"  # the State Council's, as it is known
    return title
