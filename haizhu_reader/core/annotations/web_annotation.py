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
not UTF-8 JSON, too big, wrong shape, a bad item (numbered). It takes other
tools' annotations too: a TextQuoteSelector alone is placed by its quote and
context (``Placer.find_quote``) and anchored there as if made here, or kept as
the quote alone when the report lacks it; ``id``, ``created``, ``modified`` and
``motivation`` may be missing, a note may be ``bodyValue``. Annotations whose
target names another source than this report raise ``ForeignSourceError``
unless the caller passes ``into_this_report`` (the user said so).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlencode

from haizhu_reader.core.annotations.anchoring import CONTEXT as QUOTE_CONTEXT
from haizhu_reader.core.annotations.anchoring import (
    Anchor,
    AnchorError,
    Placer,
    Scope,
    citation,
)
from haizhu_reader.core.annotations.store import COLOUR_HEX, Annotation, Colour, Kind, utc_now
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
    # An anchor without ids (imported from another tool, not found) is its quote alone.
    selectors = [quote, fragment] if x.section_id or x.paragraph_id else [quote]
    target: dict[str, Any] = {"source": report_urn(report), "selector": selectors}
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


@dataclass(frozen=True)
class Incoming:
    """A file's annotations, valid and ready to merge; ``undated``: the ids of those that
    came without ``created`` or ``modified`` (stamped with the import time)."""

    annotations: list[Annotation]
    undated: frozenset[str]


def parse(data: bytes, report: Report, into_this_report: bool = False) -> Incoming:
    """Every annotation in a W3C Web Annotation file, for ``report``, or
    ``AnnotationImportError``; ``ForeignSourceError`` when a target names another
    source than this report and ``into_this_report`` is not given."""
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
    undated: set[str] = set()
    foreign: list[str] = []
    seen: set[str] = set()
    reading = _Reading(report, utc_now())
    for n, item in enumerate(items, 1):
        try:
            a, source, dated = reading.annotation(item)
        # _BadItemError is a ValueError; a date at the calendar's ends overflows.
        except (AnchorError, ValueError, OverflowError) as e:
            raise _reject(f"第 {n} 条批注无效：{e}", f"annotation {n} is invalid: {e}") from e
        if a.id in seen:
            raise _reject(f"第 {n} 条批注的 id 重复", f"annotation {n} repeats an id")
        seen.add(a.id)
        out.append(a)
        if not dated:
            undated.add(a.id)
        if source != report_urn(report) and source not in foreign:
            foreign.append(source)
    if foreign and not into_this_report:
        raise _foreign(report, doc, foreign)
    return Incoming(out, frozenset(undated))


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


class ForeignSourceError(AnnotationImportError):
    """The file's annotations name another source than this report (another report, a web
    page…): importing them needs the user's word. ``sources``: what they name."""

    def __init__(self, zh: str, en: str, sources: list[str]) -> None:
        super().__init__(zh, en)
        self.sources = sources


def _foreign(report: Report, doc: object, sources: list[str]) -> ForeignSourceError:
    label = doc.get("label") if isinstance(doc, dict) else None
    if not isinstance(label, str) and not any(sources):
        return ForeignSourceError(
            f"文件中的批注没有注明属于哪份报告，不一定是《{report.title}》的",
            f"the file's annotations do not say which report they belong to; "
            f"they may not be 《{report.title}》's",
            sources,
        )
    theirs = label if isinstance(label, str) else "、".join(s or "（未注明）" for s in sources[:3])
    theirs_en = label if isinstance(label, str) else ", ".join(s or "(none)" for s in sources[:3])
    # One line whatever the file says (a headless command's message is one line).
    theirs, theirs_en = " ".join(theirs.split()), " ".join(theirs_en.split())
    if f"《{report.title}》" in theirs:
        return ForeignSourceError(
            f"文件中的批注属于《{report.title}》的另一个版本（正文不同）",
            f"the file's annotations belong to another version of 《{report.title}》 "
            "(the text differs)",
            sources,
        )
    return ForeignSourceError(
        f"文件中的批注来自另一来源（{theirs[:120]}），不是《{report.title}》",
        f"the file's annotations come from another source ({theirs_en[:120]}), "
        f"not 《{report.title}》",
        sources,
    )


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else [value]


# The motivations of the W3C model; those but the three this reader keeps are notes (with
# text) or highlights (without).
_W3C_MOTIVATIONS = frozenset(
    [
        "assessing",
        "bookmarking",
        "classifying",
        "commenting",
        "describing",
        "editing",
        "highlighting",
        "identifying",
        "linking",
        "moderating",
        "questioning",
        "replying",
        "tagging",
    ]
)
# Body purposes that are not the user's note: this reader's citation, tags.
_NOT_NOTES = frozenset({"describing", "tagging", "classifying", "identifying", "linking"})


class _Reading:
    """One file's items made into annotations for one report."""

    def __init__(self, report: Report, now: str) -> None:
        self._report = report
        self._placer = Placer(report)
        self._now = now

    def annotation(self, item: object) -> tuple[Annotation, str, bool]:
        """(the annotation, the source its target names, whether it had its own times)."""
        kind_of_item = _get(item, "type", (str, list))
        if "Annotation" not in ([kind_of_item] if isinstance(kind_of_item, str) else kind_of_item):
            raise _BadItemError("not of type Annotation")
        ident = _ident(item)
        target = _get(item, "target", (dict, list))
        if isinstance(target, list):  # several targets: the first that is an object
            target = next((t for t in target if isinstance(t, dict)), None)
            if target is None:
                raise _BadItemError("no target with a selector")
        source = _get(target, "source", str, "")
        quote, fragment = _selectors(target)
        note = _note(item)
        kind = _kind(item, note)
        classes = _get(target, "styleClass", str, "").split()
        underline = UNDERLINE in classes and kind is Kind.HIGHLIGHT
        kind = Kind.UNDERLINE if underline else kind
        colours = [Colour(c) for c in classes if c in {c.value for c in Colour}]
        colour = colours[0] if colours else Colour.YELLOW if kind is Kind.HIGHLIGHT else None
        exact = _get(quote, "exact", str)
        prefix, suffix = _get(quote, "prefix", str, ""), _get(quote, "suffix", str, "")
        if fragment is not None:
            anchor = _fragment_anchor(fragment, exact, prefix, suffix)
        else:
            anchor = self._quote_anchor(kind, exact, prefix, suffix)
        dated = isinstance(item, dict) and ("created" in item or "modified" in item)
        created = _time(item, "created", self._now)
        a = Annotation(ident, kind, anchor, colour, note, created, _time(item, "modified", created))
        return a, source, dated

    def _quote_anchor(self, kind: Kind, exact: str, prefix: str, suffix: str) -> Anchor:
        """Placed by the quote and its context: anchored there, as if made here; else the
        quote alone (kept, listed as not placed)."""
        if not exact:
            raise _BadItemError("the TextQuoteSelector quotes nothing")
        scope = Scope.PARAGRAPH if kind is Kind.BOOKMARK else Scope.RANGE
        at = self._placer.find_quote(exact, prefix, suffix)
        if at is None:
            return Anchor(
                scope, "", "", 0, len(exact), exact, prefix[-QUOTE_CONTEXT:], suffix[:QUOTE_CONTEXT]
            )
        if scope is Scope.PARAGRAPH:
            return self._placer.anchor_paragraph(at.paragraph_id)
        return self._placer.anchor_range(at.paragraph_id, at.start, at.end)


def _ident(item: object) -> str:
    """This reader's uuid for an item: its own urn:uuid, else one made from its IRI (or,
    without an id, from its content), the same at every import."""
    raw = _get(item, "id", str, "")
    if raw.startswith("urn:uuid:"):
        return str(uuid.UUID(raw.removeprefix("urn:uuid:")))
    if not raw:
        raw = "urn:haizhu-reader:content:" + json.dumps(item, sort_keys=True, ensure_ascii=False)
    return str(uuid.uuid5(uuid.NAMESPACE_URL, raw))


def _selectors(target: object) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The TextQuoteSelector (required) and this reader's FragmentSelector (if any)."""
    quote: dict[str, Any] | None = None
    fragment: dict[str, Any] | None = None
    for sel in _list(_get(target, "selector", (list, dict))):
        kind = _get(sel, "type", str)
        if not isinstance(sel, dict):  # _get checked it; this tells the type checker
            continue
        if kind == "TextQuoteSelector" and quote is None:
            quote = sel
        elif kind == "FragmentSelector" and _get(sel, "conformsTo", str, "") == FRAGMENT:
            fragment = sel
    if quote is None:
        raise _BadItemError("needs a TextQuoteSelector (the quoted text)")
    return quote, fragment


def _fragment_anchor(fragment: dict[str, Any], exact: str, prefix: str, suffix: str) -> Anchor:
    ids = parse_qs(_get(fragment, "value", str), strict_parsing=True)
    section = ids.get("section", [""])[0]
    paragraph = ids.get("paragraph", [""])[0]
    position = _get(fragment, "refinedBy", dict, None)
    if not section or (position is not None and not paragraph):
        raise _BadItemError("the fragment names no section or paragraph")
    scope = Scope.SECTION if not paragraph else Scope.RANGE if position else Scope.PARAGRAPH
    start, end = 0, len(exact)
    if position is not None:
        if _get(position, "type", str) != "TextPositionSelector":
            raise _BadItemError("refinedBy is not a TextPositionSelector")
        start, end = _get(position, "start", int), _get(position, "end", int)
    return Anchor(scope, section, paragraph, start, end, exact, prefix, suffix)


def _note(item: object) -> str:
    """The note: ``bodyValue``, or the text of the bodies that are comments (several are
    joined; this reader's citation and tags are not notes)."""
    if isinstance(item, dict) and "bodyValue" in item:
        return str(_get(item, "bodyValue", str))
    notes = []
    for b in _list(_get(item, "body", (list, dict, str), [])):
        if not isinstance(b, dict) or "value" not in b:
            continue  # a body that is a link, or a resource without text
        purpose = _get(b, "purpose", str, "commenting").removeprefix("oa:")
        if purpose not in _NOT_NOTES:
            notes.append(_get(b, "value", str))
    note = "\n\n".join(n for n in notes if n.strip())
    if len(note) > MAX_TEXT:
        raise _BadItemError("the note is too long")
    return note


def _kind(item: object, note: str) -> Kind:
    motivation = _get(item, "motivation", (str, list), "")
    first = motivation if isinstance(motivation, str) else next(iter(motivation), "")
    first = str(first).removeprefix("oa:")
    if first and first not in _W3C_MOTIVATIONS:
        raise _BadItemError(f"unknown motivation {first!r}")
    kinds = {"highlighting": Kind.HIGHLIGHT, "commenting": Kind.NOTE, "bookmarking": Kind.BOOKMARK}
    if first in kinds:
        return kinds[first]
    return Kind.NOTE if note else Kind.HIGHLIGHT
