"""Annotations out to Markdown, HTML, W3C JSON and Word, and JSON back in.

Every exported item carries what a deputy needs to quote it: the citation
(《海珠区2023年政府工作报告》二、（三）第2段 — see ``Placer.where``), the quoted
text and the note (``handout.items``: a paragraph note quotes its paragraph, a
note on a selection its sentence(s), a highlight what it covers). Items come in
reading order, grouped by numbered section; those the report no longer contains
come last, under 未能定位, with their quote and note. Notes are user text:
Markdown escapes them, HTML escapes them (and the page forbids scripts
besides), Word (``word.py``, the printable handout) and JSON hold them as text.

The renderers are pure functions over data (``render(report, placed, unplaced,
fmt)``), so the GUI can run them in a worker thread; ``export_file`` and
``import_file`` are the whole headless commands. An import is validated in full
(``web_annotation.parse``) before ``AnnotationStore.merge`` writes it in one
transaction: a bad file changes nothing, a second import of the same file
changes nothing (ids are stable; a newer copy of a known id replaces ours, an
older one, or one without times, is skipped). Annotations made with other
tools are welcome: a TextQuoteSelector alone places one by its quote and
context; one the report does not contain is kept and listed, never dropped.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.handout import Item, grouped, items, meta_lines
from haizhu_reader.core.annotations.handout import visible as visible
from haizhu_reader.core.annotations.store import (
    COLOUR_HEX,
    Annotation,
    AnnotationStore,
    Kind,
    Placed,
)
from haizhu_reader.core.annotations.web_annotation import (
    MAX_IMPORT_BYTES,
    AnnotationImportError,
    parse,
)
from haizhu_reader.core.annotations.web_annotation import to_json as web_annotation_json
from haizhu_reader.core.files import NotRegularFileError, read_regular, write_atomically
from haizhu_reader.core.report import Report

FORMATS = ("md", "html", "json", "docx")
_SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
_SUFFIXES |= {".json": "json", ".jsonld": "json", ".docx": "docx"}


def format_for(path: Path, explicit: str | None = None) -> str:
    """``explicit`` if given, else from the file's extension, else Markdown."""
    return explicit or _SUFFIXES.get(path.suffix.lower(), "md")


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
    out += [f"- {md_escape(m)}" for m in meta_lines(report, len(all_items), len(unplaced), when)]
    for group, members in grouped(all_items):
        out += ["", f"## {md_escape(group)}"]
        for it in members:
            out += ["", f"### {md_escape(it.label)}", ""]
            if it.quote:
                out += [f"> {md_escape(it.quote)}", ""]
            if it.span:
                # Emphasis next to Chinese punctuation is unreliable in Markdown: the
                # words the note was made on get a line of their own.
                out += [f"所注文字：“{md_escape(it.marked)}”", ""]
            if it.annotation.note:
                out += [f"笔记：{md_escape(it.annotation.note)}", ""]
            out.append(f"出处：{md_escape(it.citation)}")
    return "\n".join(out) + "\n"


# -- HTML ----------------------------------------------------------------------------

# GB/T 9704 margins and fonts, as the Word handout (see word.py), with what the
# system has as fallbacks.
_CSS = """
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
body { font-family: "FangSong", "仿宋", "STFangsong", "FangSong_GB2312", "仿宋_GB2312",
       "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif;
       line-height: 1.7; max-width: 46em; margin: 2em auto; color: #111; }
h1, h2, h3 { font-family: "SimHei", "黑体", "STHeiti", "Noto Sans CJK SC",
             "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-weight: normal; }
h1 { font-size: 1.6em; border-bottom: 2px solid #333; padding-bottom: .3em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #999; }
h3 { font-size: 1em; margin: 1.2em 0 .3em; color: #333; }
.meta { color: #555; }
blockquote { margin: .3em 0 .3em 1em; padding-left: .8em; border-left: 3px solid #bbb;
             white-space: pre-wrap; }
.note { white-space: pre-wrap; margin: .3em 0; }
.cite { color: #555; font-size: .9em; margin: .2em 0; }
mark { background: none; color: inherit; }  /* notes and bookmarks: no colour */
mark.underline { text-decoration: underline; }
mark.noted { text-decoration: underline wavy; text-underline-offset: .2em; }
article { break-inside: avoid; page-break-inside: avoid; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
"""


def _html_css() -> str:
    marks = "\n".join(f"mark.{c.value} {{ background: {hex_} }}" for c, hex_ in COLOUR_HEX.items())
    return _CSS + marks + "\n"


def _html_quote(it: Item) -> str:
    """The quote in a blockquote; what a highlight covers, or the words a note was made
    on within its sentence, in a ``mark``."""

    def e(text: str) -> str:
        return html.escape(visible(text))

    a = it.annotation
    if a.kind in (Kind.HIGHLIGHT, Kind.UNDERLINE):
        classes = (["underline"] if a.kind is Kind.UNDERLINE else []) + (
            [a.colour.value] if a.colour else []
        )
        return f'<blockquote><mark class="{e(" ".join(classes))}">{e(it.quote)}</mark></blockquote>'
    if it.span:
        s, t = it.span
        marked = f'<mark class="noted">{e(it.quote[s:t])}</mark>'
        return f"<blockquote>{e(it.quote[:s])}{marked}{e(it.quote[t:])}</blockquote>"
    return f"<blockquote>{e(it.quote)}</blockquote>"


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
        f'<p class="meta">{e(m)}</p>'
        for m in meta_lines(report, len(all_items), len(unplaced), when)
    ]
    out.append("</header>")
    for group, members in grouped(all_items):
        out += ["<section>", f"<h2>{e(group)}</h2>"]
        for it in members:
            a = it.annotation
            out += ["<article>", f"<h3>{e(it.label)}</h3>"]
            if it.quote:
                out.append(_html_quote(it))
            if a.note:
                out.append(f'<p class="note">笔记：{e(a.note)}</p>')
            out += [f'<p class="cite">出处：{e(it.citation)}</p>', "</article>"]
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


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
        from haizhu_reader.core.annotations.word import to_docx  # python-docx: when asked

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


@dataclass(frozen=True)
class ImportResult:
    """What an import did (``MergeResult``'s counts), how many of the file's annotations
    this report places, and those it does not (kept all the same, listed as 未能定位)."""

    added: int
    updated: int
    skipped: int
    placed: int
    unplaced: list[Annotation]


def import_file(
    store: AnnotationStore, report: Report, path: Path, into_this_report: bool = False
) -> ImportResult:
    """Merge a W3C Web Annotation file into ``store``: all of it, or (on any error)
    nothing. A file about another source raises ``ForeignSourceError`` unless
    ``into_this_report``."""
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
    incoming = parse(data, report, into_this_report)
    merged = store.merge(report, incoming.annotations, incoming.undated)
    placer = Placer(report)
    unplaced = [a for a in incoming.annotations if placer.place(a.anchor) is None]
    placed = len(incoming.annotations) - len(unplaced)
    return ImportResult(merged.added, merged.updated, merged.skipped, placed, unplaced)
