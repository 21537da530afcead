"""Annotations as W3C Web Annotation JSON (https://www.w3.org/TR/annotation-model/), both ways.

The export is an ``AnnotationCollection`` with one ``AnnotationPage``; each item::

    {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
     "id": "urn:uuid:…", "motivation": "highlighting" | "commenting" | "bookmarking",
     "created": "…Z", "modified": "…Z",
     "stylesheet": {"type": "CssStylesheet", "value": ".yellow { background-color: … }"},
     "body": [{"type": "TextualBody", "purpose": "commenting", "format": "text/plain",
               "value": <the note>},                      # only when there is a note
              {"type": "TextualBody", "purpose": "describing", "value": "《…》二、（三）第2段"}],
     "target": {"source": "urn:haizhu-reader:report:<content_hash>",
                "styleClass": "yellow" | "underline blue" | …,
                "selector": [
                  {"type": "TextQuoteSelector", "exact": …, "prefix": …, "suffix": …},
                  {"type": "FragmentSelector", "conformsTo": "urn:haizhu-reader:fragment",
                   "value": "section=s…&paragraph=p…",
                   "refinedBy": {"type": "TextPositionSelector", "start": 3, "end": 9}}]}}

The two selectors are alternatives, as the model defines a list of selectors:
the quote finds the text anywhere in the report; the fragment names the
section and paragraph, and the position selector refines it *within that
paragraph* (which is why it is not a top-level TextPositionSelector, whose
offsets would count from the start of the whole document). A paragraph anchor
has no ``refinedBy``; a section anchor has no ``paragraph`` in its fragment and
quotes the heading. Colour and underline are CSS classes with the stylesheet
the model provides for them. Bookmark vs. note vs. highlight is the motivation.

``parse(data, report)`` validates a whole file before anything is written and
raises ``AnnotationImportError`` (Chinese and English text) for anything wrong:
not UTF-8 JSON, too big, wrong shape, another report, a bad item (numbered).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlencode

from haizhu_reader.core.annotations.anchoring import Anchor, AnchorError, Placer, Scope, citation
from haizhu_reader.core.annotations.store import COLOUR_HEX, Annotation, Colour, Kind
from haizhu_reader.core.report import Report

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FRAGMENT = "urn:haizhu-reader:fragment"
UNDERLINE = "underline"
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_ITEMS = 100_000
MAX_TEXT = 100_000

_MOTIVATION = {
    Kind.HIGHLIGHT: "highlighting",
    Kind.UNDERLINE: "highlighting",
    Kind.NOTE: "commenting",
    Kind.BOOKMARK: "bookmarking",
}


class AnnotationImportError(Exception):
    """A file that cannot be imported; nothing was changed. The message is bilingual."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh}（{en}）")
        self.zh = zh
        self.en = en


def report_urn(report: Report) -> str:
    return f"urn:haizhu-reader:report:{report.content_hash}"


# -- export --------------------------------------------------------------------------


def to_json(report: Report, annotations: Iterable[Annotation], generated: str) -> dict[str, Any]:
    """The collection for ``report`` (``generated``: the export time, UTC ISO)."""
    from haizhu_reader import __version__

    placer = Placer(report)
    items = [_item(report, placer, a) for a in annotations]
    return {
        "@context": CONTEXT,
        "id": f"{report_urn(report)}:annotations",
        "type": "AnnotationCollection",
        "label": f"《{report.title}》批注",
        "generator": {"type": "Software", "name": f"haizhu-reader {__version__}"},
        "generated": generated,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _item(report: Report, placer: Placer, a: Annotation) -> dict[str, Any]:
    x = a.anchor
    classes = ([UNDERLINE] if a.kind is Kind.UNDERLINE else []) + ([a.colour] if a.colour else [])
    fragment: dict[str, Any] = {
        "type": "FragmentSelector",
        "conformsTo": FRAGMENT,
        "value": urlencode(
            {"section": x.section_id, **({"paragraph": x.paragraph_id} if x.paragraph_id else {})}
        ),
    }
    if x.scope is Scope.RANGE:
        fragment["refinedBy"] = {"type": "TextPositionSelector", "start": x.start, "end": x.end}
    quote = {"type": "TextQuoteSelector", "exact": x.exact, "prefix": x.prefix, "suffix": x.suffix}
    target: dict[str, Any] = {"source": report_urn(report), "selector": [quote, fragment]}
    body: list[dict[str, str]] = []
    if a.note:
        body.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "format": "text/plain",
                "value": a.note,
            }
        )
    placement = placer.place(x)
    where = placer.where(placement) if placement else "（原文已改动，未能定位）"
    body.append({"type": "TextualBody", "purpose": "describing", "value": citation(report, where)})
    item: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{a.id}",
        "type": "Annotation",
        "motivation": _MOTIVATION[a.kind],
        "created": a.created,
        "modified": a.modified,
        "body": body,
        "target": target,
    }
    if classes:
        target["styleClass"] = " ".join(classes)
        css = [f".{a.colour} {{ background-color: {COLOUR_HEX[a.colour]} }}"] if a.colour else []
        if a.kind is Kind.UNDERLINE:
            css.append(".underline { text-decoration: underline; background: none }")
        item["stylesheet"] = {"type": "CssStylesheet", "value": " ".join(css)}
    return item


# -- import --------------------------------------------------------------------------


def _reject(zh: str, en: str) -> AnnotationImportError:
    return AnnotationImportError(zh, en)


def parse(data: bytes, report: Report) -> list[Annotation]:
    """Every annotation in an export of ``report``, or ``AnnotationImportError``."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _reject(
            f"文件太大（超过 {MAX_IMPORT_BYTES // 1024 // 1024} MB），不是批注导出文件",
            f"the file is too big (over {MAX_IMPORT_BYTES // 1024 // 1024} MB) for an export",
        )
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as e:
        raise _reject(
            f"文件不是有效的 JSON 批注导出：{e}", f"the file is not a valid JSON export: {e}"
        ) from e
    items = _items(doc)
    if len(items) > MAX_ITEMS:
        raise _reject(f"批注多于 {MAX_ITEMS} 条", f"more than {MAX_ITEMS} annotations")
    out: list[Annotation] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        try:
            a = _annotation(item, report, doc)
        # _BadItemError is a ValueError; a date at the calendar's ends overflows.
        except (AnchorError, ValueError, OverflowError) as e:
            raise _reject(f"第 {n} 条批注无效：{e}", f"annotation {n} is invalid: {e}") from e
        if a.id in seen:
            raise _reject(f"第 {n} 条批注的 id 重复", f"annotation {n} repeats an id")
        seen.add(a.id)
        out.append(a)
    return out


def _items(doc: object) -> list[object]:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        if doc.get("type") == "Annotation":
            return [doc]
        first = doc.get("first")
        if doc.get("type") == "AnnotationCollection" and isinstance(first, dict):
            items = first.get("items")
            if isinstance(items, list) and "next" not in first:
                return items
    raise _reject(
        "文件不是本阅读器导出的批注（应为 W3C Web Annotation 集合）",
        "the file is not an annotations export (a W3C Web Annotation collection)",
    )


class _BadItemError(ValueError):
    pass


def _get(
    d: object, key: str, kind: type[Any] | tuple[type[Any], ...], default: object = ...
) -> Any:
    if not isinstance(d, dict):
        raise _BadItemError(f"expected an object holding {key!r}")
    if key not in d:
        if default is ...:
            raise _BadItemError(f"missing {key!r}")
        return default
    value = d[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise _BadItemError(f"{key!r} has the wrong type")
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            raise _BadItemError(f"{key!r} is too long")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise _BadItemError(f"{key!r} is not valid text") from e
    return value


def _time(item: object, key: str, default: str | None = None) -> str:
    raw = _get(item, key, str, default)
    if raw is None:
        raise _BadItemError(f"missing {key!r}")
    t = datetime.fromisoformat(raw)
    if t.tzinfo is None:
        raise _BadItemError(f"{key!r} has no time zone")
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _wrong_report(report: Report, doc: object, source: str) -> AnnotationImportError:
    label = doc.get("label") if isinstance(doc, dict) else None
    theirs = label if isinstance(label, str) else source
    if f"《{report.title}》" in theirs:
        return _reject(
            f"文件中的批注属于《{report.title}》的另一个版本（正文不同），不能导入这个版本",
            f"the file's annotations belong to another version of 《{report.title}》 "
            "(the text differs) and cannot be imported into this one",
        )
    return _reject(
        f"文件中的批注属于另一份报告（{theirs[:80]}），不是《{report.title}》",
        f"the file's annotations belong to another report ({theirs[:80]}), not 《{report.title}》",
    )


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


def _annotation(item: object, report: Report, doc: object) -> Annotation:
    if _get(item, "type", str) != "Annotation":
        raise _BadItemError("not of type Annotation")
    raw_id = _get(item, "id", str)
    if not raw_id.startswith("urn:uuid:"):
        raise _BadItemError("the id is not a urn:uuid")
    ident = str(uuid.UUID(raw_id.removeprefix("urn:uuid:")))
    target = _get(item, "target", dict)
    source = _get(target, "source", str)
    if source != report_urn(report):
        raise _wrong_report(report, doc, source)
    quote: dict[str, Any] | None = None
    fragment: dict[str, Any] | None = None
    for sel in _list(_get(target, "selector", (list, dict))):
        kind = _get(sel, "type", str)
        if not isinstance(sel, dict):  # _get checked it; this tells the type checker
            continue
        if kind == "TextQuoteSelector":
            quote = sel
        elif kind == "FragmentSelector" and _get(sel, "conformsTo", str, "") == FRAGMENT:
            fragment = sel
    if quote is None or fragment is None:
        raise _BadItemError("needs a TextQuoteSelector and this reader's FragmentSelector")
    ids = parse_qs(_get(fragment, "value", str), strict_parsing=True)
    section = ids.get("section", [""])[0]
    paragraph = ids.get("paragraph", [""])[0]
    position = _get(fragment, "refinedBy", dict, None)
    if not section or (position is not None and not paragraph):
        raise _BadItemError("the fragment names no section or paragraph")
    scope = Scope.SECTION if not paragraph else Scope.RANGE if position else Scope.PARAGRAPH
    start, end = 0, len(_get(quote, "exact", str))
    if position is not None:
        if _get(position, "type", str) != "TextPositionSelector":
            raise _BadItemError("refinedBy is not a TextPositionSelector")
        start, end = _get(position, "start", int), _get(position, "end", int)
    anchor = Anchor(
        scope, section, paragraph, start, end, _get(quote, "exact", str),
        _get(quote, "prefix", str, ""), _get(quote, "suffix", str, ""),
    )  # fmt: skip
    classes = _get(target, "styleClass", str, "").split()
    colours = [Colour(c) for c in classes if c in {c.value for c in Colour}]
    motivation = _get(item, "motivation", str)
    kinds = {v: k for k, v in _MOTIVATION.items() if k is not Kind.UNDERLINE}
    if motivation not in kinds:
        raise _BadItemError(f"unknown motivation {motivation!r}")
    underline = UNDERLINE in classes and motivation == "highlighting"
    kind = Kind.UNDERLINE if underline else kinds[motivation]
    notes = [
        _get(b, "value", str)
        for b in _list(_get(item, "body", (list, dict), []))
        if _get(b, "purpose", str, "commenting") == "commenting"
    ]
    if len(notes) > 1:
        raise _BadItemError("more than one commenting body")
    created = _time(item, "created")
    return Annotation(
        ident, kind, anchor, colours[0] if colours else None, notes[0] if notes else "",
        created, _time(item, "modified", created),
    )  # fmt: skip
