"""Search snippets: an excerpt around the hits of a text, cut where a clause ends.

A snippet is a list of runs, (text, is a hit). Each fragment starts with the
clause that holds its first hit (when that clause starts close enough before
it) and ends at the last clause mark that fits (，、；：。！？), so a result reads
as the report's own words, never a line cut off mid-phrase; "…" stands where
text is left out. ``clip_snippet`` shortens a snippet to what fits a list row,
cutting at a clause mark again.

Built from the exact spans (Whoosh's highlighter marks stray single characters
in Chinese). Pure Python: the search pane paints the runs.
"""

from __future__ import annotations

from collections.abc import Sequence

Runs = list[tuple[str, bool]]

ELLIPSIS = "…"
SENTENCE_MARKS = "。！？；!?;"
CLAUSE_MARKS = SENTENCE_MARKS + "，、：,:"
CLOSERS = "”’」』）》)"  # belong to the clause before them: 。” is one end


def _clause_end(text: str, lo: int, hi: int, marks: str = CLAUSE_MARKS) -> int | None:
    """The last clause end in ``text[lo:hi]``: the index just after a mark at ``lo`` or
    later (and after the closing quotes that follow it), None when no clause ends there."""
    for i in range(min(hi, len(text)) - 1, lo - 1, -1):
        if text[i] in marks:
            end = i + 1
            while end < len(text) and text[end] in CLOSERS:
                end += 1
            if end <= hi:
                return end
    return None


def _shown_end(text: str, end: int) -> int:
    """Where the shown text stops for a cut at ``end``: a comma-like mark (or a "…" between
    fragments) gives way to the "…" that follows."""
    if 0 < end < len(text) and text[end - 1] not in SENTENCE_MARKS + "".join(CLOSERS):
        return end - 1 if text[end - 1] in CLAUSE_MARKS + ELLIPSIS else end
    return end


def snippet(
    text: str,
    spans: Sequence[tuple[int, int]],
    width: int = 64,
    context: int = 14,
    fragments: int = 2,
) -> Runs:
    """An excerpt of ``text`` around its hits, as runs of (text, is a hit).

    Up to ``fragments`` windows of at most ``width`` characters: each starts
    at the clause holding its first hit when that starts at most ``context``
    characters before it (else ``context`` before it), and ends at the last clause
    end in the window after that hit (else, a clause longer than the window, at
    the window's end). Every hit inside is marked (clipped at a window's edge);
    "…" where text is left out. Line breaks become spaces.
    """
    flat = text.replace("\n", " ")
    if not spans:
        end = len(flat)
        if len(flat) > width:
            end = _clause_end(flat, 1, width - 1) or width - 1
        shown = flat[: _shown_end(flat, end)]
        return [(shown + (ELLIPSIS if end < len(flat) else ""), False)]
    runs: Runs = []
    shown_to = 0
    i = 0
    for _ in range(fragments):
        if i >= len(spans):
            break
        first_hit, first_end = spans[i]
        start = max(shown_to, first_hit - context)
        clause = _clause_end(flat, start, first_hit) if start < first_hit else None
        if clause is not None:
            start = clause
        end = min(len(flat), start + width)
        if end < len(flat):
            end = _clause_end(flat, min(first_end, end), end) or end
        if start > shown_to or (start > 0 and not runs):
            runs.append((ELLIPSIS, False))
        pos = start
        while i < len(spans) and spans[i][0] < end:
            a, b = max(spans[i][0], pos), min(spans[i][1], end)
            if a > pos:
                runs.append((flat[pos:a], False))
            if b > a:
                runs.append((flat[a:b], True))
            pos = max(pos, b)
            if spans[i][1] > end:
                break
            i += 1
        stop = _shown_end(flat, end) if end > pos else end
        if stop > pos:
            runs.append((flat[pos:stop], False))
        shown_to = end
    if shown_to < len(flat):
        runs.append((ELLIPSIS, False))
    return runs


def clip_snippet(runs: Runs, limit: int) -> Runs:
    """``runs`` shortened to at most ``limit`` characters, ending "…" at a clause end.

    The cut keeps the first hit whole where it can: at the last clause end
    after it that fits, else (a long clause) at the limit itself.
    """
    text = "".join(t for t, _ in runs)
    if len(text) <= limit:
        return list(runs)
    body = text[:-1] if text.endswith(ELLIPSIS) else text
    first_hit_end, pos = 0, 0
    for t, marked in runs:
        pos += len(t)
        if marked:
            first_hit_end = pos
            break
    room = max(1, limit - 1)  # and the "…"
    end = _clause_end(body, min(first_hit_end, room), room, CLAUSE_MARKS + ELLIPSIS) or room
    stop = _shown_end(body, end)
    out: Runs = []
    pos = 0
    for t, marked in runs:
        if pos >= stop:
            break
        piece = t[: stop - pos]
        if piece:
            out.append((piece, marked))
        pos += len(t)
    out.append((ELLIPSIS, False))
    return out
