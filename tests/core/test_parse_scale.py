"""Huge files parse in memory linear in their size, or are refused early (issue 12, point 7).

Times and memory of whole runs are measured by ``bench/scale_bench.py``; these tests hold
what the parser keeps (tracemalloc) and that it keeps ids and content hashes.
"""

from __future__ import annotations

import hashlib
import json
import tracemalloc
from collections.abc import Callable
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest

from haizhu_reader.app import main
from haizhu_reader.core import glossary
from haizhu_reader.core.parse import load_report, parse_report
from haizhu_reader.core.source import ReportError

DATA = Path(__file__).resolve().parents[1] / "data"
HEADER = "海珠区2023年政府工作报告\n各位代表：\n"


def _peak(work: Callable[[], Any]) -> tuple[Any, int]:
    """``work()``'s result and the most memory it held at once (bytes traced)."""
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_ids_and_content_hashes_stay_those_of_the_corpus() -> None:
    """Annotations are anchored to ids and the content hash: a faster parser keeps them."""
    expected = json.loads((DATA / "corpus_ids.json").read_text(encoding="utf-8"))
    for name, want in expected.items():
        report = parse_report((DATA / "corpus" / name).read_bytes())
        ids = [s.id for s in report.walk()] + [p.id for p in report.all_paragraphs()]
        ids += [a.id for a in report.appendices]
        digest = hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]
        assert (report.content_hash, digest, len(ids)) == (
            want["content_hash"],
            want["ids"],
            want["count"],
        ), name


def test_a_huge_line_is_held_a_few_times_at_most(tmp_path: Path) -> None:
    """The file's bytes, its text (twice the size: the header is Chinese), the lines, the
    captured text and the hash's encoding were all held at once: ten times the file."""
    path = tmp_path / "line.txt"
    path.write_text(HEADER + "a" * 2_000_000 + "\n", encoding="utf-8")
    report, peak = _peak(lambda: load_report(path))
    (paragraph,) = [p for _, p in report.body_paragraphs()]
    assert len(paragraph.text) == 2_000_000
    assert peak < 5 * path.stat().st_size


def test_the_dump_is_written_as_it_is_made(tmp_path: Path) -> None:
    """The whole JSON tree and its text are never held: a glossary used 20,000 times
    took a dictionary per place, then the text of all of them."""
    terms = [f"术语{chr(0x4E00 + k)}{chr(0x5000 + k)}" for k in range(200)]
    body = "\n".join("、".join(terms) + "。" for _ in range(100))
    entries = "\n".join(f"{k + 1}. {t}：解释。" for k, t in enumerate(terms))
    path = tmp_path / "uses.txt"
    path.write_text(f"{HEADER}{body}\n名词解释\n\n{entries}\n", encoding="utf-8")
    report = load_report(path)
    assert sum(len(e.occurrences) for e in report.glossary) == 20_000
    out = _Sink()

    def dump() -> None:
        with redirect_stdout(out):  # type: ignore[type-var]
            assert main(["--dump-structure", str(path)]) == 0

    _, peak = _peak(dump)
    expected = json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    assert out.digest.hexdigest() == hashlib.sha256(expected.encode()).hexdigest()
    # The report itself (parsed inside) and a block of text; not the tree and its text.
    _, parsed = _peak(lambda: load_report(path))
    assert peak < parsed + 1_000_000


class _Sink:
    """Standard output that keeps a digest of what is written, not the text."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()

    def write(self, text: str) -> int:
        self.digest.update(text.encode())
        return len(text)


def _overused(tmp_path: Path, uses: int) -> Path:
    path = tmp_path / "overused.txt"
    body = "\n".join(["发展" * 100 + "。"] * (uses // 100))
    path.write_text(f"{HEADER}{body}\n名词解释\n\n1. 发展：推动高质量发展。\n", encoding="utf-8")
    return path


def test_a_glossary_used_beyond_reason_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(glossary, "MAX_OCCURRENCES", 1000)
    assert len(load_report(_overused(tmp_path, 1000)).glossary[0].occurrences) == 1000
    with pytest.raises(ReportError, match="1,000"):
        load_report(_overused(tmp_path, 1100))
    assert main(["--dump-structure", str(_overused(tmp_path, 5000))]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "名词解释" in err and "glossary" in err


def test_the_refusal_comes_before_the_places_are_held() -> None:
    """One paragraph of a million uses stops at the limit, not after finding them all."""
    matcher = glossary.Matcher(["发展"])
    text = "发展" * 1_000_000
    _, unlimited = _peak(lambda: matcher.spans(text[:200_000]))

    def limited() -> None:
        with pytest.raises(glossary.TooManyMatchesError):
            matcher.spans(text, limit=1000)

    _, peak = _peak(limited)
    # The text's skeleton (the size of the text), and next to nothing for the matches:
    # the unlimited search of a fifth of the text holds 100,000 of them.
    assert peak < 2 * len(text) * 2 + unlimited // 10
