"""The bundled report's annotations of every kind, as this reader's JSON export.

Usage: ``python -m tests.helpers.variety_export OUT.json`` (from the checkout). The
Windows smoke test imports the file into the installed app, as if the annotations had
been made on another PC; ``tests/core/annotations/test_export.py`` runs it, so a
rename in the store or the exporter breaks a test here, not the packaging run.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from haizhu_reader.core.annotations.export import render
from haizhu_reader.core.annotations.store import AnnotationStore
from haizhu_reader.core.parse import bundled_report
from tests.helpers import variety


def write(out: Path) -> int:
    """Write the export to ``out``; return how many annotations it holds."""
    report = bundled_report()
    with (
        tempfile.TemporaryDirectory() as tmp,
        AnnotationStore.open(Path(tmp) / "a.sqlite3") as store,
    ):
        annotations = variety(report)
        for a in annotations:
            store.add(report, a)
        out.write_bytes(render(report, *store.load(report), "json"))
    return len(annotations)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m tests.helpers.variety_export OUT.json", file=sys.stderr)
        return 2
    write(Path(argv[1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
