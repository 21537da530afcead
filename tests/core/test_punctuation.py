"""Punctuation as printed: ASCII marks in Chinese text become full-width, nothing else moves."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from haizhu_reader.core import punctuation
from haizhu_reader.core.punctuation import printed
from haizhu_reader.core.text import is_cjk


@pytest.mark.parametrize(
    ("captured", "as_printed"),
    [
        ("现在,我代表海珠区人民政府,向大会报告工作", "现在，我代表海珠区人民政府，向大会报告工作"),
        ("各位代表:", "各位代表："),
        ("促消费、扩投资;强平台", "促消费、扩投资；强平台"),
        ("难道不是吗?是的!", "难道不是吗？是的！"),
        # After a number or a sign, the text around still decides.
        ("优良率80.3%,PM2.5、PM10平均浓度", "优良率80.3%，PM2.5、PM10平均浓度"),
        ("增长1.4%;固定资产投资", "增长1.4%；固定资产投资"),
        ("GDP,增长", "GDP，增长"),
        ("包括:PM2.5", "包括：PM2.5"),
        # Brackets: Chinese inside, or Chinese around.
        ("同比(下同)增长1.4%", "同比（下同）增长1.4%"),
        ("中交南方总部(C区)、腾讯", "中交南方总部（C区）、腾讯"),
        ("以村(社区)为单元", "以村（社区）为单元"),
        ("规划(2016-2035年)修编", "规划（2016-2035年）修编"),
        ("规划(2016—2035)修编", "规划（2016—2035）修编"),
        ("总部(HQ)的", "总部（HQ）的"),
        ("包括:(1)算法;(2)算力", "包括：（1）算法；（2）算力"),
        # A bracket that opens in Chinese and closes after a digit closes full-width too.
        ("投资(其中新增3", "投资（其中新增3"),
        ("同比(增长15)。", "同比（增长15）。"),
        ("新增(含改扩建)学位(约2万个)", "新增（含改扩建）学位（约2万个）"),
        # Nested brackets pair up.
        ("方案(试行(2023年版))发布", "方案（试行（2023年版））发布"),
        ("方案(f(x)取值)发布", "方案（f(x)取值）发布"),
    ],
)
def test_chinese_punctuation_becomes_full_width(captured: str, as_printed: str) -> None:
    assert printed(captured) == as_printed


@pytest.mark.parametrize(
    "text",
    [
        "实现地区生产总值2,502.52亿元",  # thousands
        "1,000,000元",
        "比例尺1:1000的地形图",  # a ratio
        "上午9:30开幕",  # a time
        "发布时间 12:33:02",
        "Hello, world; how are you? Fine!",  # Latin text
        "Haizhu District (Guangzhou) report",
        "f(x) = 2",
        "详见 http://www.gov.cn/zhengce/a,b;c:d?e=f!(g) 一文",  # a URL
        "见www.haizhu.gov.cn/index.html?id=1,2页面",
        "来信请寄 zhang.san@haizhu.gov.cn 或来电",  # an e-mail address
        "PM2.5、3.5",
    ],
)
def test_numbers_latin_urls_and_mail_stay_as_captured(text: str) -> None:
    assert printed(text) == text


def test_a_url_keeps_its_marks_while_the_chinese_around_it_changes() -> None:
    text = "网址:http://a.cn/x?y=1,2;结束"
    out = printed(text)
    assert out.startswith("网址：http://a.cn/x?y=1,2;")


def test_mixed_run() -> None:
    text = "5G+工业互联网(Industrial Internet),投资3,000万元(同比增长12.5%):完成"
    as_printed = "5G+工业互联网（Industrial Internet），投资3,000万元（同比增长12.5%）：完成"
    assert printed(text) == as_printed


@given(st.text(alphabet="a海1,;:?!() .%\n", max_size=60))
def test_one_character_for_one(text: str) -> None:
    out = printed(text)
    assert len(out) == len(text)
    for a, b in zip(text, out, strict=True):
        assert a == b or (a in ",;:?!()" and b in "，；：？！（）")


def test_printed_twice_is_printed_once() -> None:
    text = "现在,我代表(海珠区)人民政府:报告"
    assert printed(printed(text)) == printed(text)


# -- the rule, one mark at a time, as it was first written (issue 12, point 7) -----------
# ``printed`` now decides most marks by regular expressions in C; on short texts of every
# kind of character it must decide as this did.

_REACH = 24
_ZH_MARKS = frozenset("，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』—…·～")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_URL_OR_MAIL = re.compile(
    r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]+"
    r"|www\.[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]*"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"
)


def _script(c: str) -> str:
    if is_cjk(c) or c in _ZH_MARKS or "\u3000" <= c <= "\u303f":
        return "zh"
    return "latin" if c.isalpha() else ""


def _nearest(text: str, i: int, step: int) -> str:
    for _ in range(_REACH):
        if not 0 <= i < len(text) or text[i] == "\n":
            return ""
        if script := _script(text[i]):
            return script
        i += step
    return ""


def _around(text: str, before: int, after: int) -> bool:
    return "zh" in (_nearest(text, before, -1), _nearest(text, after, 1))


def _number_mark(text: str, i: int) -> bool:
    if i == 0 or i + 1 >= len(text) or not text[i - 1].isdigit():
        return False
    if text[i] == ",":
        return bool(re.match(r"\d{3}(?!\d)", text[i + 1 :]))
    return text[i] == ":" and text[i + 1].isdigit()


def _reference(text: str) -> str:
    kept = {i for m in _URL_OR_MAIL.finditer(text) for i in range(m.start(), m.end())}
    out = list(text)
    opened: list[int] = []
    for i, c in enumerate(text):
        if c not in _FULL or i in kept:
            continue
        if c == "(":
            opened.append(i)
        elif c == ")" and opened:
            start = opened.pop()
            inside = text[start + 1 : i]
            if any(_script(x) == "zh" for x in inside):
                chinese = True
            elif any(_script(x) == "latin" for x in inside):
                chinese = _nearest(text, start - 1, -1) == "zh" and _nearest(text, i + 1, 1) != (
                    "latin"
                )
            else:
                chinese = _around(text, start - 1, i + 1)
            if chinese:
                out[start], out[i] = "（", "）"
        elif c == ")":
            out[i] = "）" if _around(text, i - 1, i + 1) else c
        else:
            beside = any(_script(x) == "zh" for x in text[max(0, i - 1) : i] + text[i + 1 : i + 2])
            if beside or (not _number_mark(text, i) and _around(text, i - 1, i + 1)):
                out[i] = _FULL[c]
    for start in opened:
        if _around(text, start - 1, start + 1):
            out[start] = "（"
    return "".join(out)


def test_the_marks_are_decided_as_the_rule_says() -> None:
    rng = random.Random(14)
    alphabet = [
        *"海中，。“”（—·aZ19,;:?!()  .%\n-①²ａＡ０％℃×µªⁱ\x01",
        *("http://a.cn/x?y=1,2;", "a@b.cn", "www.a.cn,b", "2,502", "9:30", "((", "))"),
    ]
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        assert printed(text) == _reference(text), text


def test_nested_brackets_are_looked_into_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each pair looked at every character inside it: 4,000 nested pairs took 6 s."""
    calls = 0
    script = punctuation._script

    def counting(c: str) -> str:
        nonlocal calls
        calls += 1
        return script(c)

    monkeypatch.setattr(punctuation, "_script", counting)
    n = 1000
    for inside in ("1", "x1"):
        text = "(" * n + inside + ")" * n + "中"
        calls = 0
        assert printed(text) == _reference(text)
        assert calls < 10 * n  # the rule as first written: n * n / 2


def test_a_long_run_of_letters_is_searched_for_addresses_once() -> None:
    """An e-mail address was looked for from every letter of a run: a 20 MB line of
    letters beside one Chinese comma would have taken hours."""
    code = "from haizhu_reader.core.punctuation import printed; printed('中,' + 'a' * 2_000_000)"
    done = subprocess.run([sys.executable, "-c", code], timeout=60, check=False)
    assert done.returncode == 0
