"""What a report is: its title, place, level, year of delivery, date and speaker.

Read from the report itself, never from its file name. A report names its place
in its title block: the meeting line (——2023年1月10日在佛山市第十六届人民代表大会
第三次会议上), the title (佛山市2023年政府工作报告), the speaker line (佛山市市长
白涛) and the opening sentence (现在，我代表佛山市人民政府…). They are read in
that order, and the first that names a place wins. Some say only 市 or 省
(我代表市人民政府, 市十五届人大三次会议, 2021年自治区政府工作报告): a province
or autonomous region is then found by the name of China's provincial-level
divisions its text uses most; a city, prefecture or district stays unknown (its
text names many places, and a wrong place files a report where nobody looks).

Levels (``LEVELS``):

* ``national``: the State Council's report (国务院; 全国人民代表大会); place 国务院;
* ``province``: a province, an autonomous region or a municipality directly under
  the central government (北京市, 天津市, 上海市, 重庆市): provincial level;
* ``prefecture``: an autonomous prefecture (自治州, 州), a 地区 or a 盟;
* ``city``: a city (市) under a province;
* ``district``: a city's district (区, 新区, 林区), e.g. 海珠区 (of 广州市);
* ``county``: a county (县, 自治县, 旗) or a county-level city (a 市 under a 市 or 州).

The place is the most specific unit named: 广州市海珠区 is 海珠区, level district.
The year is the year the report was delivered: from its date, else the year in
its title, else the year after the one its review part looks back on (一、2021年
工作回顾). A report delivered on 2022-12-30 is of 2022, whatever year it plans for.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from haizhu_reader.core.report import Report

LEVELS = ("national", "province", "prefecture", "city", "district", "county")
NATIONAL_PLACE = "国务院"

_PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江",
    "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南",
    "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾",
    "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)  # fmt: skip
# The full names of the provincial level where the short name plus 省 or 市 is not it.
_PROVINCE_NAMES = {
    "北京": "北京市", "天津": "天津市", "上海": "上海市", "重庆": "重庆市",
    "内蒙古": "内蒙古自治区", "广西": "广西壮族自治区", "西藏": "西藏自治区",
    "宁夏": "宁夏回族自治区", "新疆": "新疆维吾尔自治区",
    "香港": "香港特别行政区", "澳门": "澳门特别行政区",
}  # fmt: skip
MUNICIPALITIES = frozenset(("北京市", "天津市", "上海市", "重庆市"))

# A place's endings, longest first (自治州 before 州).
_ENDINGS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "省", "市",
            "州", "盟", "县", "区", "旗")  # fmt: skip
_LEVEL_OF_ENDING = {
    "特别行政区": "province", "自治区": "province", "省": "province",
    "自治州": "prefecture", "州": "prefecture", "地区": "prefecture", "盟": "prefecture",
    "市": "city", "区": "district", "林区": "district",
    "县": "county", "自治县": "county", "旗": "county", "自治旗": "county",
}  # fmt: skip
_CJK = "\u4e00-\u9fff"
# One unit of a place: a name of two characters or more and an ending (广州市, 海珠区).
_UNIT = re.compile(rf"[{_CJK}]{{2,12}}?(?:{'|'.join(_ENDINGS)})")
# Words that end like a place but are none (自治区 alone, 人民政府省…, 示范区).
_NOT_A_NAME = re.compile(
    r"人民|政府|委员|代表|大会|会议|常委|书记|工作|报告|^(?:自治|示范|开发|自贸|高新|保税|试验"
    r"|经济|工业|产业|先行|功能|城区|市区|老城|新城|主城|中心|核心)$|^[全本我各该外省市区县州旗在于和与及的对为向从是]"
)
_NUMERAL = "一二三四五六七八九十"
# 第十六届 or 九届: a people's congress by its term, the place written before it.
_TERM = re.compile(rf"第?[{_NUMERAL}]+届")
_DATE = re.compile(
    r"([0-9〇零OＯ○一二三四五六七八九]{4})\s*年\s*([0-9一二三四五六七八九十]{1,3})\s*月"
    r"\s*([0-9一二三四五六七八九十]{1,3})\s*日"
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_CN_DIGITS = str.maketrans("〇零OＯ○一二三四五六七八九", "00000123456789")
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_SPACES = re.compile(r"[\s\u3000]+")
# The report's own words for itself (the State Council's speaks for 国务院).
_OPENING_SELF = re.compile(rf"代表([{_CJK}]{{1,24}}?)(?:人民)?政府")
_GENERIC = re.compile(r"^(?:省|市|自治区|自治州|州|区|县|旗|盟|地区)$")


@dataclass(frozen=True)
class ReportMeta:
    """What a report is, as the shelf shows and files it.

    ``level`` is one of ``LEVELS`` (or None when the place is unknown); ``year``
    the year of delivery; ``date`` ISO (2023-01-10); ``speaker`` the role and the
    name as the report prints them (佛山市市长 白涛).
    """

    title: str
    place: str | None
    level: str | None
    year: int | None
    date: str | None
    speaker: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "place": self.place,
            "level": self.level,
            "year": self.year,
            "date": self.date,
            "speaker": self.speaker,
        }


def describe(report: Report) -> ReportMeta:
    """The title, place, level, year, date and speaker of ``report`` (see the module)."""
    header = _header_texts(report)
    place, level = _place(report, header)
    date = report.date or _first_date(header)
    year = int(date[:4]) if date else _title_year(report.title, header) or _review_year(report)
    return ReportMeta(
        title=shelf_title(report.title, place, year),
        place=place,
        level=level,
        year=year,
        date=date,
        speaker=_speaker(report),
    )


# -- the texts that name the report ---------------------------------------------------


def _compact(text: str) -> str:
    """``text`` without spaces; a comment's markers dropped, its words kept (photo captions
    name the meeting: <!-- 1月30日，…在自治区十四届人大二次会议上… -->)."""
    text = unicodedata.normalize("NFKC", text.replace("<!--", "，").replace("-->", "，"))
    return _SPACES.sub("", text)


def _header_texts(report: Report) -> list[str]:
    """The title, meeting line, speaker's role, and the opening up to its first sentence
    that speaks for the government (photo captions left as comments included)."""
    out = [report.title, report.occasion or ""]
    if report.speaker is not None:
        out.append(report.speaker.role or "")
    out += _opening(report)
    return out


def _opening(report: Report) -> list[str]:
    texts = []
    for _, p in report.body_paragraphs():
        texts.append(p.text)
        if _OPENING_SELF.search(_compact(p.text)) or "代表国务院" in p.text or len(texts) >= 4:
            break
    return texts


# -- place and level ------------------------------------------------------------------


def _units(text: str) -> list[str] | None:
    """``text`` as a run of place units (广州市海珠区 -> [广州市, 海珠区]), else None."""
    units: list[str] = []
    pos = 0
    while pos < len(text):
        m = _UNIT.match(text, pos)
        if m is None:
            return None
        units.append(m.group())
        pos = m.end()
    if not units or not all(_is_name(_name(u)) for u in units):
        return None
    return units


def _leading_units(text: str) -> list[str]:
    """The place units ``text`` starts with (佛山市市长 -> [佛山市])."""
    units: list[str] = []
    pos = 0
    while (m := _UNIT.match(text, pos)) is not None and _is_name(_name(m.group())):
        units.append(m.group())
        pos = m.end()
    return units


def _is_name(name: str) -> bool:
    return len(name) >= 2 and not _NOT_A_NAME.search(name)


def _ending(unit: str) -> str:
    return next(e for e in _ENDINGS if unit.endswith(e))


def _name(unit: str) -> str:
    return unit[: -len(_ending(unit))]


def _level(units: list[str]) -> str:
    last = units[-1]
    if last in MUNICIPALITIES:
        return "province"
    level = _LEVEL_OF_ENDING[_ending(last)]
    if (
        level == "city"
        and len(units) > 1
        and _LEVEL_OF_ENDING[_ending(units[-2])]
        in (
            "city",
            "prefecture",
        )
    ):
        return "county"  # 苏州市昆山市: a county-level city
    return level


def _meeting_units(text: str) -> tuple[list[str] | None, str | None]:
    """The place of a people's congress named in ``text`` (…在佛山市第十六届人民代表大会…),
    or the kind of place when it is not named (市十五届人大 -> 市)."""
    t = _DATE.sub("，", _compact(text))
    m = _TERM.search(t)
    if m is None:
        return None, None
    run = re.search(rf"[{_CJK}]*$", t[: m.start()])
    before = run.group().rsplit("在", 1)[-1] if run else ""
    if _GENERIC.match(before):
        return None, before
    for i in range(len(before) - 1):
        units = _units(before[i:])
        if units:
            return units, None
    return None, None


def _title_units(title: str) -> tuple[list[str] | None, str | None]:
    """The place a title names before 政府工作报告 (佛山市2023年…, 2023年佛山市…)."""
    t = _SPACES.sub("", unicodedata.normalize("NFKC", _COMMENT.sub("", title)))
    t = t.replace("《", "").replace("》", "")
    m = re.search(r"(?:人民)?政府工作报告", t)
    head = t[: m.start()] if m else ""
    head = _YEAR.sub("", _DATE.sub("", head)).strip("（()）—―-–")
    if not head:
        return None, None
    if _GENERIC.match(head):
        return None, head
    units = _units(head)
    if units:
        return units, None
    if re.fullmatch(rf"[{_CJK}]{{2,6}}", head):
        return None, head  # a name without its ending (长春政府工作报告)
    return None, None


def _opening_units(texts: list[str]) -> tuple[list[str] | None, str | None]:
    for text in texts:
        m = _OPENING_SELF.search(_compact(text))
        if m is None:
            continue
        who = _TERM.sub("", m.group(1))
        if _GENERIC.match(who):
            return None, who
        units = _units(who)
        if units:
            return units, None
    return None, None


def _is_national(report: Report, header: list[str]) -> bool:
    texts = [_compact(t) for t in header]
    return any("全国人民代表大会" in t or "代表国务院" in t or "国务院总理" in t for t in texts)


def _place(report: Report, header: list[str]) -> tuple[str | None, str | None]:
    if _is_national(report, header):
        return NATIONAL_PLACE, "national"
    kinds: list[str] = []
    found: list[str] | None = None
    for text in (report.occasion or "", report.title, *header[2:]):
        units, kind = _meeting_units(text)
        if units:
            found = units
            break
        if kind:
            kinds.append(kind)
    if found is None:
        units, kind = _title_units(report.title)
        found = units
        kinds += [kind] if kind else []
    if found is None and report.speaker is not None:
        found = _leading_units(_compact(report.speaker.role or "")) or None
    if found is None:
        units, kind = _opening_units(_opening(report))
        found = units
        kinds += [kind] if kind else []
    if found is None:
        found = _from_text(report, kinds)
    if not found:
        return None, None
    return found[-1], _level(found)


def _from_text(report: Report, kinds: list[str]) -> list[str] | None:
    """The place, for a header that names only its kind (市, 省) or a name without its
    ending (长春): that name with the kind, or with the ending the text writes it with;
    a province or autonomous region by the name the text uses most (for a header that
    says 省, or none and a text that says 全省 and 我省). A city, prefecture or
    district is not guessed from its text: a report names many."""
    text = "\n".join(p.text for p in report.all_paragraphs())
    stem = next((k for k in kinds if not _GENERIC.match(k)), None)
    kind = next((k for k in kinds if _GENERIC.match(k)), None)
    if stem is not None:
        if kind is not None:
            return [stem + kind]
        ending = max(_ENDINGS, key=lambda e: (text.count(stem + e), len(e)))
        return [stem + ending] if text.count(stem + ending) else None
    if kind is None and _self_kind(text) == "省":
        kind = "省"
    if kind not in ("省", "自治区"):
        return None
    regions = [p for p in _PROVINCES if kind == "省" or "自治区" in _PROVINCE_NAMES.get(p, "")]
    best, n = Counter({p: text.count(p) for p in regions}).most_common(1)[0]
    return [_PROVINCE_NAMES.get(best, f"{best}省")] if n >= 3 else None


def _self_kind(text: str) -> str | None:
    """The kind of place a report speaks for: 全市 and 我市 in a city's report, 全省…"""
    counts = Counter({k: text.count(f"全{k}") + text.count(f"我{k}") for k in "省市州区县"})
    kind, n = counts.most_common(1)[0]
    return kind if n >= 3 else None


# -- year, date, speaker, title ---------------------------------------------------------


def iso_date(m: re.Match[str]) -> str | None:
    """2023年3月2日 or 二〇二三年三月二日 -> 2023-03-02 (None if not a real date)."""

    def number(s: str) -> int:
        if s.isdigit():
            return int(s)
        digits = {c: i + 1 for i, c in enumerate(_NUMERAL[:9])}
        tens, ten, ones = s.partition("十")
        if not ten:
            return digits.get(s, 0)
        return (digits.get(tens, 1) if tens else 1) * 10 + digits.get(ones, 0)

    year_text = m.group(1).translate(_CN_DIGITS)
    if not year_text.isdigit():
        return None
    year, month, day = int(year_text), number(m.group(2)), number(m.group(3))
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _first_date(texts: list[str]) -> str | None:
    for text in texts:
        for m in _DATE.finditer(_compact(text)):
            date = iso_date(m)
            if date:
                return date
    return None


def _title_year(title: str, header: list[str]) -> int | None:
    for text in (title, *header):
        m = _YEAR.search(_compact(text))
        if m:
            return int(m.group(1))
    return None


def _review_year(report: Report) -> int | None:
    """The year after the one the first review heading looks back on (2021年工作回顾)."""
    for section in report.walk():
        m = re.search(r"((?:19|20)\d{2})年(?:政府)?工作回顾", section.title)
        if m:
            return int(m.group(1)) + 1
    return None


def _speaker(report: Report) -> str | None:
    s = report.speaker
    if s is None:
        return None
    role = _SPACES.sub("", s.role or "")
    text = " ".join(part for part in (role, s.name or "") if part)
    return text or None


def shelf_title(title: str, place: str | None, year: int | None) -> str:
    """The report's title as the shelf lists it: its own, naming its place and year.

    A title block that gave only 2020年政府工作报告 (or none: a speaker's name
    taken for the title) names the place; a meeting line run into the title is
    left out.
    """
    t = _SPACES.sub("", _COMMENT.sub("", title)).replace("《", "").replace("》", "")
    t = re.split(r"[—―]{1,2}", t)[0] or t
    t = re.sub(r"[（(](?:全文|[^（()）]*\d{4}年[^（()）]*)[）)]$", "", t)
    if "报告" not in t:
        if place and year:
            return f"{place}{year}年政府工作报告"
        return t or "政府工作报告"
    if place is None or place == NATIONAL_PLACE or _name(place)[:2] in t:
        return t
    m = re.fullmatch(r"(\d{4}年)?(?:省|市|自治区|自治州|州|区|县)?(?:人民)?(政府工作报告)", t)
    if m and m.group(1):
        return f"{m.group(1)}{place}{m.group(2)}"
    if m:
        return f"{place}{f'{year}年' if year else ''}{m.group(2)}"
    return t
