"""Where an annotation sits in a report, in a form that survives edits of the text.

An ``Anchor`` records what the user marked twice over, like the W3C Web
Annotation selectors: by position (section id, paragraph id, character offsets:
a TextPositionSelector inside the paragraph) and by quotation (the exact text
with up to ``CONTEXT`` characters of prefix and suffix from the same paragraph:
a TextQuoteSelector). Paragraph ids are a hash of the paragraph's text, so an
edited paragraph gets a new id; the quotation is what finds it again.

``Placer(report).place(anchor)`` (or ``place(report, annotation)`` for one)
answers where the anchor falls in *this* report:

1. by ids and offsets, when the slice there still reads the quote;
   every comparison is width-insensitive (``text.fold``), so an annotation
   saved while the text showed its capture's ASCII punctuation (现在,我代表)
   still fits the text as printed (现在，我代表);
2. by the quote: every occurrence in every paragraph (exact, then folded —
   full/half width and case, see ``text.fold``), the one whose surrounding text
   best agrees with the stored prefix and suffix, ties broken by the original
   paragraph, then the original section. Several occurrences with no context
   agreeing and none in the original paragraph or section is *not* a placement:
   guessing would attach a note to the wrong sentence.
3. otherwise ``None``: the caller lists the annotation as unplaced with its
   quote, it is never dropped.

Three scopes: ``RANGE`` (a selection inside one paragraph), ``PARAGRAPH`` (a
bookmark or paragraph note; the quote is the whole paragraph, so an edited
paragraph is found again by the longest shared head and tail), ``SECTION`` (a
note on a whole section; the quote is the heading, found again by heading, then
by title when the numbering changed).

``Placer.where(placement)`` gives the place a deputy cites — 二、（三）第2段: the
paragraph's ordinal within its innermost numbered section in reading order (the
opening counts as 开篇, an appendix by its title); a note on a lead topic names
the topic, 一、（二）数字经济蓬勃发展; ``citation(report, where)``
prefixes the report's title in 《》. Pure Python: the GUI and the exporters call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from haizhu_reader.core.report import TOPIC, Appendix, Paragraph, Report, Section
from haizhu_reader.core.text import fold

CONTEXT = 32
# A paragraph-scope anchor whose paragraph was edited is found again when the
# best paragraph shares at least this share of its text as head plus tail.
_PARAGRAPH_KEEP = 0.5


class Scope(StrEnum):
    RANGE = "range"
    PARAGRAPH = "paragraph"
    SECTION = "section"


class AnchorError(ValueError):
    """A selection that does not exist in the report (a bug in the caller)."""


MAX_OFFSET = 2**31 - 1


@dataclass(frozen=True)
class Anchor:
    """The stored selectors. ``paragraph_id`` is ``""`` for a section anchor."""

    scope: Scope
    section_id: str
    paragraph_id: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    def __post_init__(self) -> None:
        # No paragraph is near MAX_OFFSET characters; SQLite's integers end at 2**63.
        if not 0 <= self.start <= self.end <= MAX_OFFSET:
            raise AnchorError(f"bad offsets {self.start}..{self.end}")
        # Without ids the anchor is its quote alone (imported from another tool and not
        # found in the report): a paragraph id needs its section's.
        if self.scope is not Scope.SECTION and not self.paragraph_id and self.section_id:
            raise AnchorError(f"a {self.scope} anchor needs a paragraph id")


@dataclass(frozen=True)
class Placement:
    """Where an anchor falls in the open report.

    ``text`` is the paragraph's (or section heading's) current text between
    ``start`` and ``end``; ``moved`` is true when the ids and offsets no longer
    matched and the quote found it (the GUI may offer to re-save the anchor).
    """

    scope: Scope
    section_id: str
    paragraph_id: str
    start: int
    end: int
    text: str
    moved: bool = False


Container = Section | Appendix


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


class Placer:
    """One report's paragraphs, indexed once so that placing thousands of anchors is cheap."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._paragraphs = report.paragraph_index()
        self._order = {pid: i for i, pid in enumerate(self._paragraphs)}
        self._folded: dict[str, str] = {}
        self._sections: dict[str, Container] = {s.id: s for s in report.walk()}
        self._sections.update({a.id: a for a in report.appendices})
        # Paragraph id -> (place label, ordinal within it).
        self._ordinal: dict[str, tuple[str, int]] = {}
        counts: dict[str, int] = {}
        end = len(self._order)
        self._first = {
            s.id: min((self._order[p.id] for d in _descend(s) for p in d.paragraphs), default=end)
            for s in report.walk()
        }
        self._first.update(
            {
                a.id: self._order[a.paragraphs[0].id] if a.paragraphs else end
                for a in report.appendices
            }
        )
        for section, p in report.body_paragraphs():
            self._number(p.id, self.place_label(section.id), counts)
        for a in report.appendices:
            for p in a.paragraphs:
                self._number(p.id, self.place_label(a.id), counts)

    def _number(self, paragraph_id: str, label: str, counts: dict[str, int]) -> None:
        counts[label] = counts.get(label, 0) + 1
        self._ordinal[paragraph_id] = (label, counts[label])

    # -- making anchors ------------------------------------------------------------

    def anchor_range(self, paragraph_id: str, start: int, end: int) -> Anchor:
        """The anchor for a selection ``paragraph.text[start:end]``."""
        container, p = self._paragraph(paragraph_id)
        if not 0 <= start < end <= len(p.text):
            raise AnchorError(f"selection {start}..{end} outside paragraph {paragraph_id}")
        return Anchor(
            scope=Scope.RANGE,
            section_id=container.id,
            paragraph_id=p.id,
            start=start,
            end=end,
            exact=p.text[start:end],
            prefix=p.text[max(0, start - CONTEXT) : start],
            suffix=p.text[end : end + CONTEXT],
        )

    def anchor_paragraph(self, paragraph_id: str) -> Anchor:
        """The anchor for a bookmark or a note on a whole paragraph."""
        container, p = self._paragraph(paragraph_id)
        return Anchor(Scope.PARAGRAPH, container.id, p.id, 0, len(p.text), p.text)

    def anchor_section(self, section_id: str) -> Anchor:
        """The anchor for a note on a whole section (or appendix)."""
        container = self._sections.get(section_id)
        if container is None:
            raise AnchorError(f"no section {section_id}")
        heading = _heading(container)
        return Anchor(Scope.SECTION, container.id, "", 0, len(heading), heading)

    def _paragraph(self, paragraph_id: str) -> tuple[Container, Paragraph]:
        found = self._paragraphs.get(paragraph_id)
        if found is None:
            raise AnchorError(f"no paragraph {paragraph_id}")
        return found

    # -- placing ---------------------------------------------------------------------

    def find_quote(self, exact: str, prefix: str = "", suffix: str = "") -> Placement | None:
        """Where a quote stands in the report, its context choosing among several (as a
        W3C TextQuoteSelector is resolved); None when it is not there, or not surely."""
        if not exact:
            return None
        return self._place_range(Anchor(Scope.RANGE, "", "", 0, len(exact), exact, prefix, suffix))

    def place(self, anchor: Anchor) -> Placement | None:
        if anchor.scope is Scope.SECTION:
            return self._place_section(anchor)
        if anchor.scope is Scope.PARAGRAPH:
            return self._place_paragraph(anchor)
        return self._place_range(anchor)

    def _at(self, pid: str, start: int, end: int, moved: bool) -> Placement:
        container, p = self._paragraphs[pid]
        return Placement(Scope.RANGE, container.id, pid, start, end, p.text[start:end], moved)

    def _place_range(self, a: Anchor) -> Placement | None:
        found = self._paragraphs.get(a.paragraph_id)
        # Width-insensitive: a quote saved before the text read as printed (, for ，) still fits.
        if found is not None and fold(found[1].text[a.start : a.end]) == fold(a.exact):
            return self._at(a.paragraph_id, a.start, a.end, moved=False)
        if not a.exact:
            return None
        hits = self._occurrences(a.exact, fold_=False) or self._occurrences(a.exact, fold_=True)
        best = self._best(a, hits)
        if best is None:
            return None
        pid, start = best
        return self._at(pid, start, start + len(a.exact), moved=True)

    def _occurrences(self, exact: str, fold_: bool) -> list[tuple[str, int]]:
        needle = fold(exact) if fold_ else exact
        hits: list[tuple[str, int]] = []
        for pid, (_, p) in self._paragraphs.items():
            hay = self._fold(pid, p.text) if fold_ else p.text
            i = hay.find(needle)
            while i >= 0:
                hits.append((pid, i))
                i = hay.find(needle, i + 1)
        return hits

    def _fold(self, pid: str, text: str) -> str:
        if pid not in self._folded:
            self._folded[pid] = fold(text)
        return self._folded[pid]

    def _best(self, a: Anchor, hits: list[tuple[str, int]]) -> tuple[str, int] | None:
        if len(hits) <= 1:
            return hits[0] if hits else None
        prefix, suffix = fold(a.prefix), fold(a.suffix)

        def key(hit: tuple[str, int]) -> tuple[int, int, int, int]:
            pid, start = hit
            container, p = self._paragraphs[pid]
            text = self._fold(pid, p.text)
            before = text[max(0, start - CONTEXT) : start]
            after = text[start + len(a.exact) : start + len(a.exact) + CONTEXT]
            # An empty stored prefix means "at the paragraph's start": agreeing on
            # that is context too.
            ctx = _common_suffix(before, prefix) + (not before and not prefix)
            ctx += _common_prefix(after, suffix) + (not after and not suffix)
            return (ctx, pid == a.paragraph_id, container.id == a.section_id, -abs(start - a.start))

        ranked = sorted(hits, key=key, reverse=True)
        ctx, same_paragraph, same_section, _ = key(ranked[0])
        if ctx == 0 and not same_paragraph and not same_section:
            return None
        return ranked[0]

    def _place_paragraph(self, a: Anchor) -> Placement | None:
        found = self._paragraphs.get(a.paragraph_id)
        exact = fold(a.exact)
        if found is not None and self._fold(a.paragraph_id, found[1].text) == exact:
            return self._whole(a.paragraph_id, moved=False)
        best: tuple[int, bool, str] | None = None
        for pid, (container, p) in self._paragraphs.items():
            text = self._fold(pid, p.text)
            if text == exact:
                shared = len(exact) * 2  # an identical paragraph beats any edited one
            else:
                head = _common_prefix(text, exact)
                shared = head + min(_common_suffix(text, exact), len(exact) - head)
            candidate = (shared, container.id == a.section_id, pid)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
        if best is None or best[0] < max(1, len(a.exact) * _PARAGRAPH_KEEP):
            return None
        return self._whole(best[2], moved=True)

    def _whole(self, pid: str, moved: bool) -> Placement:
        container, p = self._paragraphs[pid]
        return Placement(Scope.PARAGRAPH, container.id, pid, 0, len(p.text), p.text, moved)

    def _place_section(self, a: Anchor) -> Placement | None:
        container = self._sections.get(a.section_id)
        exact = fold(a.exact)
        if container is None or fold(_heading(container)) != exact:
            by_heading = [c for c in self._sections.values() if fold(_heading(c)) == exact]
            by_title = sorted(
                (c for c in self._sections.values() if c.title and exact.endswith(fold(c.title))),
                key=lambda c: -len(c.title),
            )
            candidates = by_heading if container is not None else by_heading + by_title
            if candidates:
                container = candidates[0]
            if container is None:
                return None
        heading = _heading(container)
        moved = container.id != a.section_id or fold(heading) != exact
        return Placement(Scope.SECTION, container.id, "", 0, len(heading), heading, moved)

    # -- citing -------------------------------------------------------------------------

    def place_label(self, section_id: str) -> str:
        """二、（三） for a section, the title for the opening or an appendix."""
        container = self._sections.get(section_id)
        if isinstance(container, Appendix):
            return container.title
        return self.report.place_label(section_id)

    def topic(self, section_id: str) -> Section | None:
        """The lead topic with this id (None for any other section or an appendix)."""
        container = self._sections.get(section_id)
        if isinstance(container, Section) and container.level == TOPIC:
            return container
        return None

    def paragraph_text(self, paragraph_id: str) -> str:
        """The text of a paragraph of this report ("" when there is none)."""
        found = self._paragraphs.get(paragraph_id)
        return found[1].text if found else ""

    def where(self, placement: Placement) -> str:
        """二、（三）第2段 for a paragraph or a selection; for a section note the section,
        二、（三）, or a lead topic by its headline, 一、（二）数字经济蓬勃发展 (a topic
        has no numeral of its own: cited as its section alone, it would read as all of it)."""
        if placement.scope is Scope.SECTION:
            label = self.place_label(placement.section_id)
            topic = self.topic(placement.section_id)
            return label + topic.title if topic is not None else label
        label, n = self._ordinal[placement.paragraph_id]
        return f"{label}第{n}段"

    def reading_order(self, placement: Placement) -> tuple[int, int]:
        """A sort key: reading order, a section note just before the section's first paragraph."""
        if placement.scope is Scope.SECTION:
            return (self._first.get(placement.section_id, len(self._order)), -1)
        return (self._order[placement.paragraph_id], placement.start)


def _descend(section: Section) -> list[Section]:
    out = [section]
    for c in section.children:
        out.extend(_descend(c))
    return out


def _heading(container: Container) -> str:
    return container.heading if isinstance(container, Section) else container.title


class Anchored(Protocol):
    """Anything with an anchor: an ``annotations.Annotation``."""

    @property
    def anchor(self) -> Anchor: ...


def place(report: Report, annotation: Anchored | Anchor) -> Placement | None:
    """Place one annotation or anchor (use one ``Placer`` for many)."""
    anchor = annotation if isinstance(annotation, Anchor) else annotation.anchor
    return Placer(report).place(anchor)


def citation(report: Report, where: str) -> str:
    """《海珠区2023年政府工作报告》二、（三）第2段."""
    return f"《{report.title}》{where}"
