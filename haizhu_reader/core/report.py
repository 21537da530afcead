"""The report model: what the parser produces and every other part of the app reads.

Plain frozen-ish dataclasses with no behaviour beyond lookups, so the GUI, the
search index, the exporters and the tests all agree on one shape. The records a
report has by the hundred thousand (paragraphs, sections, glossary entries and
their occurrences) have slots, not a dictionary each. Ids are
derived from content (see ``parse.py``) so they survive re-parsing and app
upgrades: annotations are anchored to them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

# Section levels: 1 part (一、), 2 section ((一)), 3 lead topic (a headline that
# opens a paragraph). A report's opening (salutation and the text before the
# first part) is a level-1 section without a number.
PART, SECTION, TOPIC = 1, 2, 3
# The title of the text before the first part.
OPENING = "开篇"


class Occurrence(NamedTuple):
    """One place where a glossary term occurs: ``paragraph.text[start:end]``.

    A tuple, not an object with a dictionary: a glossary used a million times
    has a million of them.
    """

    paragraph: str
    start: int
    end: int


@dataclass(slots=True)
class Paragraph:
    """A paragraph of running text.

    ``lead`` is the length of a lead-topic headline at the start of ``text``
    (0 when there is none): the printed report sets it in bold.
    """

    id: str
    text: str
    lead: int = 0


@dataclass(slots=True)
class Section:
    id: str
    level: int
    number: str | None
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """The heading as printed: numeral and title (一、2022年工作回顾)."""
        if not self.number:
            return self.title
        return f"{self.number}{self.title}"


@dataclass(slots=True)
class Appendix:
    """An appendix after the speech; ``label`` is its marker as printed (附件1)."""

    id: str
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    label: str | None = None


@dataclass(slots=True)
class GlossaryEntry:
    """One term of the report's own glossary (名词解释).

    An entry that names two terms (独角兽、未来独角兽) becomes two entries with
    the same ``number`` and ``definition``.
    """

    number: int
    term: str
    aliases: list[str]
    definition: str
    occurrences: list[Occurrence] = field(default_factory=list)


@dataclass
class Speaker:
    role: str | None
    name: str | None


@dataclass
class Source:
    published: str | None
    publisher: str | None


@dataclass
class Report:
    title: str
    date: str | None = None
    occasion: str | None = None
    speaker: Speaker | None = None
    source: Source | None = None
    salutation: str | None = None
    sections: list[Section] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    glossary: list[GlossaryEntry] = field(default_factory=list)
    glossary_title: str | None = None
    content_hash: str = ""
    # How many damaged byte sequences the file had, each read as U+FFFD (source.decode).
    damaged: int = 0

    # -- traversal ---------------------------------------------------------

    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in reading order."""

        def rec(sections: list[Section]) -> Iterator[Section]:
            for s in sections:
                yield s
                yield from rec(s.children)

        return rec(self.sections)

    @property
    def opening(self) -> Section | None:
        """The unnumbered 开篇 before the first part (salutation and opening words), if any."""
        first = self.sections[0] if self.sections else None
        if first is not None and first.number is None and first.title == OPENING:
            return first
        return None

    def parts(self) -> list[Section]:
        """The report's parts: level-1 sections, numbered (一、) or not (2022年工作回顾)."""
        opening = self.opening
        return [s for s in self.sections if s.level == PART and s is not opening]

    def body_paragraphs(self) -> Iterator[tuple[Section, Paragraph]]:
        """Every paragraph of the speech with its innermost section, in reading order."""
        for s in self.walk():
            for p in s.paragraphs:
                yield s, p

    def all_paragraphs(self) -> Iterator[Paragraph]:
        """Body paragraphs, then appendix paragraphs."""
        for _, p in self.body_paragraphs():
            yield p
        for a in self.appendices:
            yield from a.paragraphs

    def section_path(self, section_id: str) -> list[Section]:
        """Sections from the part down to ``section_id`` (empty if unknown)."""

        def rec(sections: list[Section], trail: list[Section]) -> list[Section] | None:
            for s in sections:
                if s.id == section_id:
                    return [*trail, s]
                found = rec(s.children, [*trail, s])
                if found is not None:
                    return found
            return None

        return rec(self.sections, []) or []

    def paragraph_index(self) -> dict[str, tuple[Section | Appendix, Paragraph]]:
        """Map paragraph id -> (its section or appendix, the paragraph)."""
        index: dict[str, tuple[Section | Appendix, Paragraph]] = {}
        for s, p in self.body_paragraphs():
            index[p.id] = (s, p)
        for a in self.appendices:
            for p in a.paragraphs:
                index[p.id] = (a, p)
        return index

    def place_label(self, section_id: str) -> str:
        """Where a section sits, as a deputy cites it: 二、（三）.

        Lead topics are cited by their section; the unnumbered opening by its title; a
        section of an unnumbered part after the part's title: 2023年工作安排·（三）.
        """
        return self._place(self.section_path(section_id))

    def place_labels(self) -> dict[str, str]:
        """``place_label`` of every section, in one walk (a table of figures needs thousands)."""
        labels: dict[str, str] = {}

        def rec(sections: list[Section], trail: list[Section]) -> None:
            for s in sections:
                path = [*trail, s]
                labels[s.id] = self._place(path)
                rec(s.children, path)

        rec(self.sections, [])
        return labels

    def _place(self, path: list[Section]) -> str:
        """The place label of the last section of ``path`` (from its part down)."""
        # A topic's own numeral (一是) is not part of a citation: 一、, not 一、一是.
        numbered = [s.number.rstrip("，,") for s in path if s.number and s.level < TOPIC]
        label = printed_number("".join(numbered))  # (三) -> （三）, whatever the capture used
        if not path:
            return ""
        if not label:
            return path[0].title
        if path[0].number is None and path[0] is not self.opening:
            return f"{path[0].title}·{label}"
        return label

    # -- JSON --------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        """The ``--dump-structure`` schema documented in the README."""
        return self._json(list)

    def json_stream(self) -> dict[str, Any]:
        """``to_json`` with its lists of sections, paragraphs and glossary items as
        generators, made as ``json_writer.write_json`` writes them (a huge report's
        tree would be several times its size)."""
        return self._json(iter)

    def _json(self, seq: Callable[[Iterator[Any]], Iterable[Any]]) -> dict[str, Any]:
        def para(p: Paragraph) -> dict[str, Any]:
            d: dict[str, Any] = {"id": p.id, "text": p.text}
            if p.lead:
                d["lead"] = p.lead
            return d

        def sec(s: Section) -> dict[str, Any]:
            return {
                "id": s.id,
                "level": s.level,
                "number": s.number,
                "title": s.title,
                "paragraphs": seq(para(p) for p in s.paragraphs),
                "children": seq(sec(c) for c in s.children),
            }

        def entry(g: GlossaryEntry) -> dict[str, Any]:
            return {
                "number": g.number,
                "term": g.term,
                "aliases": list(g.aliases),
                "definition": g.definition,
                "occurrences": seq(
                    {"paragraph": o.paragraph, "start": o.start, "end": o.end}
                    for o in g.occurrences
                ),
            }

        return {
            "title": self.title,
            "date": self.date,
            "occasion": self.occasion,
            "speaker": (
                {"role": self.speaker.role, "name": self.speaker.name} if self.speaker else None
            ),
            "source": (
                {"published": self.source.published, "publisher": self.source.publisher}
                if self.source
                else None
            ),
            "salutation": self.salutation,
            "content_hash": self.content_hash,
            "sections": seq(sec(s) for s in self.sections),
            "appendices": seq(
                {
                    "id": a.id,
                    "label": a.label,
                    "title": a.title,
                    "paragraphs": seq(para(p) for p in a.paragraphs),
                }
                for a in self.appendices
            ),
            "glossary": seq(entry(g) for g in self.glossary),
        }


# -- headings and places as the GUI and the exports show them ---------------------


def printed_number(number: str | None) -> str:
    """Headings cite numbers as printed: (三) -> （三）."""
    return (number or "").replace("(", "（").replace(")", "）")


def heading_text(section: Section) -> str:
    """A section's heading as the tree and the status bar show it: （三）标题."""
    return f"{printed_number(section.number)}{section.title}"


def group_title(report: Report, section_id: str) -> str:
    """二、（三）强招商、稳企业: a section by its innermost numbered heading; else a title."""
    path = report.section_path(section_id)
    numbered = [s for s in path if s.number]
    if numbered:
        return f"{report.place_label(numbered[-1].id)}{numbered[-1].title}"
    if path:
        return path[0].title
    return next((a.title for a in report.appendices if a.id == section_id), "")
