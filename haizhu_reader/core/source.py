"""From a report file's bytes to clean lines: decoding, Markdown, web-page chrome.

Reports reach users as text captured from a government web page (breadcrumbs,
share buttons, a footer with ICP numbers) or as a Markdown conversion (YAML
front matter, ``**bold**``, ``## `` headings). This module turns either into
a list of ``Line`` objects holding only the report, plus the page metadata
(publication date, publisher, page title) worth keeping.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import threading
from dataclasses import dataclass, field

from haizhu_reader.core.errors import MAX_BYTES as MAX_BYTES
from haizhu_reader.core.errors import ReportError as ReportError


@dataclass(slots=True)
class Line:
    """One non-empty line of the report.

    ``bold`` is the text of a Markdown bold span that opens the line (the
    capture's only trace of a bold headline); ``heading`` marks a Markdown
    heading or a line that was bold from end to end; ``gap`` says a blank line
    came before it (in a file whose paragraphs are set apart by blank lines, a
    line without one carries on the paragraph before).
    """

    text: str
    bold: str = ""
    heading: bool = False
    gap: bool = False


@dataclass
class Cleaned:
    """The report's lines, the page's metadata, and the content hash.

    ``content_hash`` is the SHA-256 of the lines as captured, joined by newlines (the
    lines Markdown does not show too); ``replaced`` counts the U+FFFD among them.
    """

    lines: list[Line]
    content_hash: str = ""
    replaced: int = 0
    page_title: str | None = None
    published: str | None = None
    publisher: str | None = None
    chrome: list[str] = field(default_factory=list)


# -- decoding ------------------------------------------------------------------


def _binary() -> ReportError:
    return ReportError("这是二进制文件，不是文本报告", "this is a binary file, not a text report")


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" for UTF-16 text saved without a byte-order mark.

    Its line breaks, digits and ASCII punctuation put a zero byte beside each:
    many zeros, nearly all on one side of their pairs (a few Chinese characters,
    一 among them, have a zero on the other side), never two zero pairs in a row.
    """
    head = data[:65536]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    few, many = sorted((even, odd))
    if b"\x00\x00\x00\x00" in head or many < max(2, pairs // 50) or few * 8 > many:
        return None
    return "utf-16-le" if odd > even else "utf-16-be"


# A file with a few damaged bytes (cut inside a character, one byte flipped) is read
# with U+FFFD in their place: at most this many, or one per thousand characters.
MAX_DAMAGED = 8
_REPLACEMENT = "\ufffd"


def damage_allowed(chars: int) -> int:
    """How many damaged byte sequences a text of ``chars`` characters may have."""
    return max(MAX_DAMAGED, chars // 1000)


_counted = threading.local()


def _replace_counting(error: UnicodeError) -> tuple[str, int]:
    """The "replace" error handler, counting (per thread) what it replaces."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _counted.n += 1
    return _REPLACEMENT, error.end


codecs.register_error("haizhu-reader-replace", _replace_counting)


def _lenient(data: bytes, encoding: str) -> tuple[str, int] | None:
    """``data`` decoded with U+FFFD for each damaged sequence, if they are few enough."""
    _counted.n = 0
    text = data.decode(encoding, errors="haizhu-reader-replace")
    damaged = int(_counted.n)
    return (text, damaged) if 0 < damaged <= damage_allowed(len(text)) else None


def decode(data: bytes) -> str:
    """Bytes -> text with ``\\n`` newlines. UTF-8 and UTF-16 (BOM or not), GB18030."""
    return decode_counting(data)[0]


def decode_counting(data: bytes) -> tuple[str, int]:
    """``decode``, and how many damaged byte sequences were read as U+FFFD.

    An undamaged file decodes strictly, exactly as it always has. One that fails
    strictly is read with U+FFFD in place of each damaged sequence when there are
    at most ``damage_allowed`` of them: UTF-8 first (a cut or a flipped byte in a
    UTF-8 file must not turn it into GB18030 mojibake), then GB18030.
    """
    if len(data) > MAX_BYTES:
        raise ReportError(
            f"文件过大（{len(data) // (1024 * 1024)} MB），报告文件不应超过 20 MB",
            f"file too large ({len(data) // (1024 * 1024)} MB); a report is at most 20 MB",
        )
    if not data.strip():
        raise ReportError("文件是空的", "the file is empty")
    bomless = _utf16_without_bom(data)
    damaged = 0
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or bomless:
        encoding = bomless or "utf-16"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as e:
            lenient = _lenient(data, encoding)
            if lenient is None:
                raise ReportError("无法识别文件编码", "cannot decode the file") from e
            text, damaged = lenient
    else:
        if b"\x00" in data[:65536]:
            raise _binary()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            lenient = _lenient(data, "utf-8-sig")
            if lenient is not None:
                text, damaged = lenient
            else:
                try:
                    text = data.decode("gb18030")
                except UnicodeDecodeError as e:
                    lenient = _lenient(data, "gb18030")
                    if lenient is None:
                        raise ReportError(
                            "无法识别文件编码（支持 UTF-8 与 GB18030/GBK）",
                            "cannot decode the file (UTF-8 and GB18030/GBK are supported)",
                        ) from e
                    text, damaged = lenient
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\t\f\v")
    if controls > max(8, len(text[:65536]) // 200):
        raise _binary()
    return text, damaged


# -- chrome ----------------------------------------------------------------------

# Lines of the page around the report, removed wherever they stand.
_CHROME = re.compile(
    r"""^(?:
        (?:您当前所在的?位置|当前位置|您的位置|所在位置)\s*[:：] .*
      | 首页\s*[>＞›»].*
      | 分享到\s*[:：]?.*
      | (?:浏览量|浏览次数|阅读量|阅读次数|访问量|访问总数|点击量|点击数)\s*[:：]?.*
      | [【\[]?\s*字[体號号]\s*[:：]?\s*[【\[]?大[】\]]?\s*[【\[]?中[】\]]?\s*[【\[]?小.*
      | 扫一扫.*
      | (?:相关文章|相关链接|相关阅读|相关新闻|相关稿件)\s*[:：]?\s*
      | .*(?:联系我们|友情链接|站点地图|网站地图).*
      | (?:主办|承办|主管|协办|技术支持|版权所有)\s*[:：].*
      | .*ICP\s*备.*
      | .*公网安备.*
      | .*网站标识码.*
      | (?:责任编辑|责编|编辑|审核|审校|校对|终审)\s*[:：]\s*\S{1,16}
      | (?:上一篇|下一篇)\s*[:：].*
      | [—－\-]{1,2}\s*\d{1,4}\s*[—－\-]{1,2}        # a PDF's page number: — 3 —
      | 第\s*\d{1,4}\s*页(?:\s*[/／]?\s*共\s*\d{1,4}\s*页)?
      | (?:附件下载|相关附件)\s*[:：]?.*
      | (?:[【\[]?\s*(?:打印本页|打印|关闭窗口|关闭|收藏|返回顶部)\s*[】\]]?\s*)+
    )$""",
    re.VERBOSE,
)

# Lines that start the page footer: everything after them is chrome (links,
# a second copy of the title block...).
_FOOTER = re.compile(
    r"^(?:相关文章|相关链接|相关阅读|联系我们|友情链接|站点地图|网站地图|主办\s*[:：]|.*ICP\s*备"
    r"|.*公网安备|[【\[]?\s*打印本页|[【\[]?\s*关闭窗口|访问总数|扫一扫)"
)

_META = re.compile(
    r"(?:发布日期|发布时间|日期|时间)\s*[:：]\s*(?P<date>\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"
    r"|(?:来源|信息来源|发布机构|发布单位)\s*[:：]\s*(?P<pub>[^\s|｜]+)"
)

_BOLD = re.compile(r"\*\*(.+?)\*\*")
# "## 一、…", and "##一、…" as some conversions write it (only before a numbered heading:
# "#0" is text).
_STRAY_BOLD = re.compile(r"\*\*(?=[\u4e00-\u9fff“‘（(])|(?<=[\u4e00-\u9fff。！？；：”’）)])\*\*")
_MD_HEADING = re.compile(
    r"^#{1,6}(?:\s+|(?=[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]))"
)
_SPACES = re.compile(r"[\s\u200b\ufeff]+")


_STRIP_CHUNK = 1 << 16
_SPACES_TO_CHANGE = re.compile(r"[\s\u200b\ufeff]{2}|[^\S ]|[\u200b\ufeff]")


def _strip(s: str) -> str:
    """Runs of spaces as one, none at the ends.

    A long line goes through in pieces cut between two non-spaces: ``re.sub`` keeps
    every piece of its result in a list until it joins them, and a 19.5 MB line of
    words took 13 times its size in memory that way.
    """
    if _SPACES_TO_CHANGE.search(s) is None:  # single plain spaces only: nothing to do
        return s.strip()
    if len(s) <= _STRIP_CHUNK:
        return _SPACES.sub(" ", s).strip()
    out: list[str] = []
    start = 0
    while start < len(s):
        end = min(start + _STRIP_CHUNK, len(s))
        while end < len(s) and (_SPACES.match(s, end - 1, end + 1)):
            end += 1  # not inside (or at the edge of) a run of spaces
        out.append(_SPACES.sub(" ", s[start:end]))
        start = end
    return "".join(out).strip()


_HASH_PIECE = 1 << 20


def _captured_hash(lines: list[Line]) -> tuple[str, int]:
    """SHA-256 of the lines' texts joined by newlines, and how many U+FFFD they hold,
    without joining them (that was one more copy of the whole text)."""
    digest = hashlib.sha256()
    replaced = 0
    for k, ln in enumerate(lines):
        t = ln.text
        if k:
            digest.update(b"\n")
        for at in range(0, len(t), _HASH_PIECE):
            digest.update(t[at : at + _HASH_PIECE].encode("utf-8"))
        replaced += t.count(_REPLACEMENT)
    return digest.hexdigest(), replaced


def _front_matter(raw: list[str]) -> tuple[list[str], dict[str, str]]:
    """Drop a YAML front matter block, returning its simple ``key: value`` pairs."""
    i = 0
    while i < len(raw) and not raw[i].strip():
        i += 1
    if i >= len(raw) or raw[i].strip() != "---":
        return raw, {}
    for j in range(i + 1, min(len(raw), i + 60)):
        if raw[j].strip() in ("---", "..."):
            meta: dict[str, str] = {}
            for line in raw[i + 1 : j]:
                key, sep, value = line.partition(":")
                if sep:
                    meta[key.strip().lower()] = value.strip().strip("'\"")
            del raw[: j + 1]  # in place: the caller's list is emptied as it is read
            return raw, meta
    return raw, {}


_ESCAPE = re.compile(r"\\([.*_#\-\[\]()>!])")


def _markdown(line: str) -> Line:
    if "*" not in line and "\\" not in line and not line.startswith("#"):
        return Line(text=_strip(line))  # no Markdown to read (most lines: half the time)
    heading = bool(_MD_HEADING.match(line))
    if heading:
        line = _MD_HEADING.sub("", line)
    bold = ""
    m = _BOLD.match(line)
    if m:
        bold = _strip(m.group(1))
        if m.end() == len(line.rstrip()):
            heading = True
    # A bold run broken over two lines leaves a stray ** beside Chinese text: drop
    # it; elsewhere (0**, a line of **) the asterisks are the text's own.
    text = _strip(_STRAY_BOLD.sub("", _BOLD.sub(r"\1", line))) or _strip(line)
    # Markdown escapes of list markers ("1\. ") and emphasis.
    text = _ESCAPE.sub(r"\1", text)
    return Line(text=text, bold=bold, heading=heading)


def is_chrome(line: str) -> bool:
    """Whether a (stripped) line is page chrome wherever it stands."""
    return len(line) < 80 and bool(_CHROME.match(line))


# Markdown that shows nothing: a thematic break (---), an HTML comment (a photo's caption).
_INVISIBLE = re.compile(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|<!--.*-->)\s*$")


def clean(text: str) -> Cleaned:
    """Split into lines, drop front matter and chrome, keep page metadata."""
    return clean_lines(text.split("\n"))


def clean_lines(raw: list[str]) -> Cleaned:
    """``clean`` of a text already split at its newlines; empties ``raw`` as it goes
    (a 19 MB line is not kept twice)."""
    raw, front = _front_matter(raw)
    lines: list[Line] = []
    invisible: set[int] = set()  # ids of lines that Markdown does not show
    gap = False
    for i in range(len(raw)):
        r, raw[i] = raw[i], ""
        ln = _markdown(r)
        if not ln.text:
            gap = True
            continue
        if _INVISIBLE.match(r):
            invisible.add(id(ln))
            gap = True
        else:
            ln.gap, gap = gap, False
        lines.append(ln)
    out = Cleaned(lines=[])
    footer_at = len(lines)
    # The footer can only start once some report text has been seen.
    body_seen = 0
    for i, ln in enumerate(lines):
        if _FOOTER.match(ln.text) and body_seen >= 3:
            footer_at = i
            break
        if len(ln.text) > 30:
            body_seen += 1
    # An empty "附件:" label of the page just before its footer.
    while footer_at > 0 and re.fullmatch(r"附件\s*[:：]?", lines[footer_at - 1].text):
        footer_at -= 1
    out.chrome.extend(ln.text for ln in lines[footer_at:])
    for ln in lines[:footer_at]:
        meta = list(_META.finditer(ln.text))
        if meta and len(ln.text) < 80 and not re.search(r"[。，,]", ln.text):
            for m in meta:
                if m.group("date"):
                    out.published = out.published or m.group("date")
                if m.group("pub"):
                    out.publisher = out.publisher or m.group("pub")
            out.chrome.append(ln.text)
            continue
        if is_chrome(ln.text):
            out.chrome.append(ln.text)
            continue
        out.lines.append(ln)
    # The content hash is taken over the lines as they always were (the invisible ones too),
    # so that a report keeps its hash, and its annotations, across app versions.
    out.content_hash, out.replaced = _captured_hash(out.lines)
    out.lines = [ln for ln in out.lines if id(ln) not in invisible]
    if front.get("title") and not out.page_title:
        out.page_title = front["title"]
    return out
