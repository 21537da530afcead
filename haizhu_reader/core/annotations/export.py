"""Annotations out to Markdown, HTML, W3C JSON and Word, and JSON back in.

Every exported item carries what a deputy needs to quote it: the citation
(《海珠区2023年政府工作报告》二、（三）第2段 — see ``Placer.where``), the quoted
text and the note. Items come in reading order, grouped by numbered section;
those the report no longer contains come last, under 未能定位, with their quote
and note. Notes are user text: Markdown escapes them, HTML escapes them (and the
page forbids scripts besides), Word and JSON hold them as text.

The renderers are pure functions over data (``render(report, placed, unplaced,
fmt)``), so the GUI can run them in a worker thread; ``export_file`` and
``import_file`` are the whole headless commands. An import is validated in full
(``web_annotation.parse``) before ``AnnotationStore.merge`` writes it in one
transaction: a bad file changes nothing, a second import of the same file
changes nothing (ids are stable; a newer copy of a known id replaces ours, an
older one is skipped).
"""

from __future__ import annotations

import html
import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from haizhu_reader.core.annotations.anchoring import Placement, Placer, Scope, citation
from haizhu_reader.core.annotations.store import (
    COLOUR_HEX,
    COLOUR_NAMES_ZH,
    KIND_NAMES_ZH,
    Annotation,
    AnnotationStore,
    Kind,
    MergeResult,
    Placed,
)
from haizhu_reader.core.annotations.web_annotation import (
    MAX_IMPORT_BYTES,
    AnnotationImportError,
    parse,
)
from haizhu_reader.core.annotations.web_annotation import to_json as web_annotation_json
from haizhu_reader.core.files import NotRegularFileError, read_regular, write_atomically
from haizhu_reader.core.report import Report, group_title

FORMATS = ("md", "html", "json", "docx")
_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
_SUFFIXES |= {".json": "json", ".jsonld": "json", ".docx": "docx"}
UNPLACED_GROUP = "未能定位的批注"
_UNPLACED_WHERE = "（原文已改动，未能定位）"
_EXCERPT = 60


def format_for(path: Path, explicit: str | None = None) -> str:
    """``explicit`` if given, else from the file's extension, else Markdown."""
    return explicit or _SUFFIXES.get(path.suffix.lower(), "md")


@dataclass(frozen=True)
class Item:
    """One annotation as every format shows it."""

    annotation: Annotation
    group: str  # 二、（三）强招商、稳企业…  or UNPLACED_GROUP
    label: str  # 高亮（黄色） · 二、（三）第2段
    quote: str  # the marked text; an excerpt for a paragraph; "" for a section note
    citation: str  # 《…》二、（三）第2段


def items(
    report: Report,
    placed: Sequence[Placed],
    unplaced: Sequence[Annotation],
    placer: Placer | None = None,
) -> list[Item]:
    """What to export, in reading order, unplaced last (``placer``: the report's, if made)."""
    placer = placer or Placer(report)
    out = [_item(report, placer, p.annotation, p.placement) for p in placed]
    return out + [_item(report, placer, a, None) for a in unplaced]


def _item(report: Report, placer: Placer, a: Annotation, at: Placement | None) -> Item:
    name = KIND_NAMES_ZH[a.kind] + (f"（{COLOUR_NAMES_ZH[a.colour]}）" if a.colour else "")
    if at is None:
        quote = a.anchor.exact if a.anchor.scope is Scope.RANGE else _excerpt(a.anchor.exact)
        return Item(a, UNPLACED_GROUP, name, quote, citation(report, _UNPLACED_WHERE))
    where = placer.where(at)
    if at.scope is Scope.SECTION:
        where_label, quote = f"{where}（整节）", ""
    else:
        where_label = where
        quote = at.text if at.scope is Scope.RANGE else _excerpt(at.text)
    return Item(a, group_title(report, at.section_id), f"{name} · {where_label}", quote,
                citation(report, where))  # fmt: skip


def _excerpt(text: str) -> str:
    return text if len(text) <= _EXCERPT else text[:_EXCERPT] + "……"


def _grouped(all_items: list[Item]) -> list[tuple[str, list[Item]]]:
    groups: list[tuple[str, list[Item]]] = []
    for it in all_items:
        if not groups or groups[-1][0] != it.group:
            groups.append((it.group, []))
        groups[-1][1].append(it)
    return groups


def _meta(report: Report, count: int, unplaced: int, when: datetime) -> list[str]:
    lines = [f"报告日期：{report.date}"] if report.date else []
    lines.append(f"导出时间：{when.astimezone():%Y-%m-%d %H:%M}")
    lines.append(f"共 {count} 条批注" + (f"，其中 {unplaced} 条未能定位" if unplaced else ""))
    return lines


# -- what a reader of the export sees --------------------------------------------------

# Bidirectional controls (LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM ALM): an
# override in a note would make the text around it read backwards, and hide what
# it says. They are shown as escapes instead.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
_VISIBLE = {c: f"<U+{ord(c):04X}>" for c in _BIDI}
# C0 controls (NUL, ESC, ...) as their Control Pictures (␀, ␛); DEL as ␡; C1 as escapes.
_VISIBLE |= {chr(c): chr(0x2400 + c) for c in range(32) if chr(c) not in "\t\n\r"}
_VISIBLE |= {"\x7f": "\u2421", "\r": ""}
_VISIBLE |= {chr(c): f"<U+{c:04X}>" for c in range(0x80, 0xA0)}
_VISIBLE_TABLE = str.maketrans(_VISIBLE)


def visible(text: str) -> str:
    """User text as a reader of a Markdown, HTML or Word export may see it safely:
    control characters (NUL, ESC...) as their pictures (␀ ␛), bidirectional
    overrides as ``<U+202E>``, carriage returns dropped. JSON keeps the text as is."""
    return text.translate(_VISIBLE_TABLE)


# -- Markdown ------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&!$])")
_MD_LINE_START = re.compile(r"^(\s*)(?:([-+=])|(\d+)([.)]))")


def _list_marker(m: re.Match[str]) -> str:
    # "- " and "1. " would start a list: escape the punctuation (a digit cannot be).
    return m[1] + ("\\" + m[2] if m[2] else m[3] + "\\" + m[4])


def md_escape(text: str) -> str:
    """Text that Markdown shows literally: no emphasis, links, HTML or list markers."""
    out = []
    for line in visible(text).split("\n"):
        line = _MD_SPECIAL.sub(r"\\\1", line)
        line = _MD_LINE_START.sub(_list_marker, line)
        # Leading spaces would make an indented code block.
        out.append(re.sub(r"^ +", lambda m: "\u00a0" * len(m.group()), line))
    return "\\\n".join(out)  # a backslash at a line's end is a hard line break


def to_markdown(
    report: Report, placed: list[Placed], unplaced: list[Annotation], when: datetime
) -> str:
    all_items = items(report, placed, unplaced)
    out = [f"# {md_escape(f'《{report.title}》批注')}", ""]
    out += [f"- {md_escape(m)}" for m in _meta(report, len(all_items), len(unplaced), when)]
    for group, members in _grouped(all_items):
        out += ["", f"## {md_escape(group)}"]
        for it in members:
            out += ["", f"### {md_escape(it.label)}", ""]
            if it.quote:
                out += [f"> {md_escape(it.quote)}", ""]
            if it.annotation.note:
                out += [f"笔记：{md_escape(it.annotation.note)}", ""]
            out.append(f"出处：{md_escape(it.citation)}")
    return "\n".join(out) + "\n"


# -- HTML ----------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 18mm 16mm; }
body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", serif;
       line-height: 1.7; max-width: 46em; margin: 2em auto; color: #111; }
h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: .3em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 1em; margin: 1.2em 0 .3em; color: #333; }
.meta { color: #555; }
blockquote { margin: .3em 0 .3em 1em; padding-left: .8em; border-left: 3px solid #bbb; }
.note { white-space: pre-wrap; margin: .3em 0; }
.cite { color: #555; font-size: .9em; margin: .2em 0; }
mark { background: none; color: inherit; }  /* notes and bookmarks: no colour */
mark.underline { text-decoration: underline; }
article { break-inside: avoid; page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
"""


def _html_css() -> str:
    marks = "\n".join(f"mark.{c.value} {{ background: {hex_} }}" for c, hex_ in COLOUR_HEX.items())
    return _CSS + marks + "\n"


def to_html(
    report: Report, placed: list[Placed], unplaced: list[Annotation], when: datetime
) -> str:
    def e(text: str) -> str:
        return html.escape(visible(text))

    all_items = items(report, placed, unplaced)
    title = f"《{report.title}》批注"
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        # Nothing but the inline style may run or load, whatever a note contains.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{e(title)}</title>",
        f"<style>{_html_css()}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{e(title)}</h1>",
    ]
    out += [
        f'<p class="meta">{e(m)}</p>' for m in _meta(report, len(all_items), len(unplaced), when)
    ]
    out.append("</header>")
    for group, members in _grouped(all_items):
        out += ["<section>", f"<h2>{e(group)}</h2>"]
        for it in members:
            a = it.annotation
            out += ["<article>", f"<h3>{e(it.label)}</h3>"]
            if it.quote:
                classes = (["underline"] if a.kind is Kind.UNDERLINE else []) + (
                    [a.colour.value] if a.colour else []
                )
                cls = " ".join(classes)
                out.append(f'<blockquote><mark class="{e(cls)}">{e(it.quote)}</mark></blockquote>')
            if a.note:
                out.append(f'<p class="note">笔记：{e(a.note)}</p>')
            out += [f'<p class="cite">出处：{e(it.citation)}</p>', "</article>"]
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


# -- Word ----------------------------------------------------------------------------

BODY_FONT = "宋体"
HEADING_FONT = "黑体"
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def to_docx(
    report: Report, placed: list[Placed], unplaced: list[Annotation], when: datetime
) -> bytes:
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml.ns import qn

    def east_asian(rpr_owner: Any, font: str) -> None:
        # Word and WPS pick Chinese glyphs from w:eastAsia; the template's theme
        # attribute would override it, so it goes.
        fonts = rpr_owner.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), font)
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)

    document = docx.Document()
    style_ids: dict[str, str] = {}
    for style in document.styles:
        if style.type == WD_STYLE_TYPE.PARAGRAPH and style.name:
            is_heading = style.name.startswith(("Heading", "Title"))
            east_asian(style.element, HEADING_FONT if is_heading else BODY_FONT)
            style_ids[style.name] = style.style_id

    # New paragraphs go before an end marker: appending to the body scans all of
    # it for the section properties each time, quadratic over thousands of items.
    end = document.add_paragraph()

    def para(text: str, style: str = "Normal", lead: str = "", font: str = BODY_FONT) -> None:
        p = end.insert_paragraph_before()
        if style != "Normal":
            # By id: python-docx looks a style name up in every style, per paragraph.
            p._p.style = style_ids[style]
        if lead:
            r = p.add_run(lead)
            r.bold = True
            east_asian(r._r, font)
        for i, line in enumerate(_XML_INVALID.sub("\ufffd", visible(text)).split("\n")):
            r = p.add_run()
            if i:
                r.add_break()
            r.add_text(line)
            east_asian(r._r, font)

    all_items = items(report, placed, unplaced)
    para(f"《{report.title}》批注", "Title", font=HEADING_FONT)
    for m in _meta(report, len(all_items), len(unplaced), when):
        para(m)
    for group, members in _grouped(all_items):
        para(group, "Heading 1", font=HEADING_FONT)
        for it in members:
            para(it.label, "Heading 2", font=HEADING_FONT)
            if it.quote:
                para(it.quote, "Quote")
            if it.annotation.note:
                para(it.annotation.note, lead="笔记：")
            para(it.citation, lead="出处：")
    end._p.getparent().remove(end._p)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# -- files ---------------------------------------------------------------------------


def render(
    report: Report,
    placed: list[Placed],
    unplaced: list[Annotation],
    fmt: str,
    when: datetime | None = None,
) -> bytes:
    """The export of ``fmt`` (one of ``FORMATS``) as bytes; ``when`` defaults to now."""
    when = when or datetime.now(UTC)
    if fmt == "json":
        generated = when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        anns = [p.annotation for p in placed] + unplaced
        doc = web_annotation_json(report, anns, generated)
        return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "docx":
        return to_docx(report, placed, unplaced, when)
    if fmt == "html":
        return to_html(report, placed, unplaced, when).encode("utf-8")
    if fmt == "md":
        return to_markdown(report, placed, unplaced, when).encode("utf-8")
    raise ValueError(f"unknown export format {fmt!r}")


def export_file(store: AnnotationStore, report: Report, path: Path, fmt: str) -> int:
    """Export ``report``'s annotations to ``path``; returns how many. Raises ``OSError``."""
    placed, unplaced = store.load(report)
    write_atomically(path, render(report, placed, unplaced, fmt))
    return len(placed) + len(unplaced)


def import_file(store: AnnotationStore, report: Report, path: Path) -> MergeResult:
    """Merge a JSON export into ``store``: all of it, or (on any error) nothing."""
    try:
        data = read_regular(path, MAX_IMPORT_BYTES)  # enough for parse() to say "too big"
    except NotRegularFileError as e:
        raise AnnotationImportError(
            f"无法导入 {path}：这是{e.what_zh}，不是批注导出文件",
            f"cannot import {path}: it is {e.what_en}, not an annotations export",
        ) from e
    except OSError as e:
        raise AnnotationImportError(
            f"无法读取文件：{path}（{e.strerror}）", f"cannot read {path}: {e.strerror}"
        ) from e
    return store.merge(report, parse(data, report))
