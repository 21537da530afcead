"""Last year's report, and a place's years, looked up on the shelf (``core.library``).

A report of year N (the year its plan is for: the year it was delivered in, the next
when delivered in November or December) has as "last year's report" the report of
the same place whose plan is for N−1 — found by ``LibraryStore.find`` under the year
of delivery N−1 (or N−2, for one delivered late in that year). ``study`` gathers what
the 去年承诺 tab and the trend need for a report, off the GUI thread; the headless
commands use ``previous_entry`` and ``place_years``.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from haizhu_reader.core.errors import ReportError
from haizhu_reader.core.library.metadata import ReportMeta, describe
from haizhu_reader.core.library.store import LibraryEntry, LibraryStore, load_entry
from haizhu_reader.core.promises.pairing import Promise, promises
from haizhu_reader.core.promises.trend import Year, read_year
from haizhu_reader.core.report import Report


def meta_plan_year(meta: ReportMeta) -> int | None:
    """The year a report's plan is for, from what the shelf knows of it."""
    if meta.date and (m := re.match(r"(\d{4})-(\d\d)", meta.date)):
        return int(m.group(1)) + (1 if int(m.group(2)) >= 11 else 0)
    return meta.year


def previous_entry(
    store: LibraryStore, report: Report, meta: ReportMeta | None = None
) -> LibraryEntry | None:
    """The shelf's report of the same place for the year before ``report``'s, if any."""
    meta = meta or describe(report)
    year = meta_plan_year(meta)
    if meta.place is None or year is None:
        return None

    def fits(e: LibraryEntry | None) -> bool:
        return (
            e is not None
            and e.content_hash != report.content_hash
            and meta_plan_year(e.meta) == year - 1
        )

    for delivered in (year - 1, year - 2):
        found = store.find(meta.place, delivered)
        if fits(found):
            return found
    # find() gives one report per year: one delivered in December may hide another.
    return next(
        (e for e in store.entries(check_files=True) if e.meta.place == meta.place and fits(e)),
        None,
    )


class Problem(StrEnum):
    """Why there are no promises to show for a report."""

    NO_PLACE = "no_place"  # its place or year cannot be read from it
    NOT_ON_SHELF = "not_on_shelf"  # no report of its place for the year before
    UNREADABLE = "unreadable"  # last year's report is on the shelf, its file is not there


@dataclass(frozen=True)
class Study:
    """What the 去年承诺 tab and the trend show for one report.

    ``problem`` says why ``promises`` is empty (``detail``: why the file could not be
    read, in Chinese and English);
    ``years`` is the place's series on the shelf with the report itself; ``entries``
    are the shelf's entries of the place by content hash (to open one at a figure);
    ``unread`` the files of the place that could not be read.
    """

    meta: ReportMeta
    year: int | None
    previous: LibraryEntry | None = None
    previous_report: Report | None = None
    promises: tuple[Promise, ...] = ()
    problem: Problem | None = None
    detail: tuple[str, str] = ("", "")
    years: tuple[Year, ...] = ()
    entries: dict[str, LibraryEntry] = field(default_factory=dict)
    unread: tuple[str, ...] = ()


def place_years(
    store: LibraryStore,
    place: str,
    cache: MutableMapping[str, Year] | None = None,
    also: Report | None = None,
) -> tuple[list[Year], dict[str, LibraryEntry], list[str]]:
    """The reports of ``place`` on the shelf, read (``cache``: by content hash), with
    ``also`` (the report being read, on the shelf or not); their entries by content
    hash; and the files that could not be read (missing, changed, unreadable)."""
    cache = cache if cache is not None else {}
    entries = {e.content_hash: e for e in store.entries() if e.meta.place == place}
    years: list[Year] = []
    unread: list[str] = []
    if also is not None:
        read = cache.get(also.content_hash) or read_year(also)
        if read is not None:
            cache[also.content_hash] = read
            years.append(read)
    for content_hash, entry in entries.items():
        if also is not None and content_hash == also.content_hash:
            continue
        read = cache.get(content_hash)
        if read is None:
            if entry.missing:
                unread.append(str(entry.path))
                continue
            try:
                read = read_year(load_entry(entry))
            except ReportError:
                unread.append(str(entry.path))
                continue
            if read is None:
                continue
            cache[content_hash] = read
        years.append(read)
    years.sort(key=lambda y: y.year)
    return years, entries, unread


def study(
    store: LibraryStore, report: Report, cache: MutableMapping[str, Year] | None = None
) -> Study:
    """Last year's promises against ``report`` and its place's years (see ``Study``)."""
    meta = describe(report)
    year = meta_plan_year(meta)
    if meta.place is None or year is None:
        return Study(meta, year, problem=Problem.NO_PLACE)
    years, entries, unread = place_years(store, meta.place, cache, report)
    base = Study(meta, year, years=tuple(years), entries=entries, unread=tuple(unread))
    entry = previous_entry(store, report, meta)
    if entry is None:
        return replace(base, problem=Problem.NOT_ON_SHELF)
    try:
        previous = load_entry(entry)
    except ReportError as e:
        return replace(base, previous=entry, problem=Problem.UNREADABLE, detail=(e.zh, e.en))
    found = promises(previous, report, year=year - 1)
    return replace(base, previous=entry, previous_report=previous, promises=tuple(found))
