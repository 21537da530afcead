"""Seed annotations into a data folder, then take --screenshot with it.

    xvfb-run -a -s "-screen 0 1400x900x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python bench/annotations_screenshot.py docs/annotations.png [1280x800] [THEME]

The highlights (several colours, an underline), a paragraph note, a section
note and a bookmark sit in the report's opening pages; the annotations dock is
raised so the picture shows both sides. THEME (light, sepia, dark) made
docs/theme-*.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from haizhu_reader.core.annotations.anchoring import Placer
from haizhu_reader.core.annotations.store import AnnotationStore, Colour, Kind, new_annotation
from haizhu_reader.core.parse import bundled_report
from haizhu_reader.core.report import Report
from haizhu_reader.paths import AppPaths


def seed(report: Report, db: Path) -> int:
    """A handful of annotations on the first paragraphs; returns how many."""
    placer = Placer(report)
    pids = [p.id for _, p in report.body_paragraphs()]
    sections = [s.id for s in report.walk()]
    items = [
        new_annotation(Kind.HIGHLIGHT, placer.anchor_range(pids[1], 0, 12), Colour.YELLOW),
        new_annotation(Kind.HIGHLIGHT, placer.anchor_range(pids[3], 40, 60), Colour.PURPLE),
        new_annotation(
            Kind.HIGHLIGHT,
            placer.anchor_range(pids[1], 20, 34),
            Colour.GREEN,
            note="这一组数据可在人大审议时引用。",
        ),
        new_annotation(Kind.HIGHLIGHT, placer.anchor_range(pids[1], 60, 76), Colour.BLUE),
        new_annotation(Kind.HIGHLIGHT, placer.anchor_range(pids[1], 100, 118), Colour.PINK),
        new_annotation(Kind.UNDERLINE, placer.anchor_range(pids[3], 9, 30)),
        new_annotation(
            Kind.NOTE,
            placer.anchor_paragraph(pids[3]),
            note="问：<img src=x onerror=alert(1)> 这一段的口径与去年是否一致？",
        ),
        new_annotation(Kind.BOOKMARK, placer.anchor_paragraph(pids[2])),
        new_annotation(Kind.NOTE, placer.anchor_section(sections[2]), note="本部分重点关注。"),
    ]
    with AnnotationStore.open(db) as store:
        for a in items:
            store.add(report, a)
    return len(items)


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("docs/annotations.png")
    size = argv[1] if len(argv) > 1 else "1280x800"
    theme = ["--theme", argv[2]] if len(argv) > 2 else []
    data = Path(tempfile.mkdtemp(prefix="haizhu-shot-"))
    paths = AppPaths.under(data)
    paths.annotations_db.parent.mkdir(parents=True, exist_ok=True)
    seed(bundled_report(), paths.annotations_db)

    from haizhu_reader.app import build_parser
    from haizhu_reader.gui.launch import run_gui
    from haizhu_reader.gui.window.mainwindow import MainWindow

    def arrange(window: MainWindow) -> None:
        window.dock("annotations").show()
        window.dock("annotations").raise_()

    args = build_parser().parse_args(
        ["--screenshot", str(out.resolve()), "--size", size, "--data-dir", str(data), *theme]
    )
    return run_gui(args, on_window=arrange)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
