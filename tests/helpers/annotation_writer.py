"""A writer for the crash test: adds, edits and deletes annotations as fast as it can.

Usage: ``python annotation_writer.py DB COUNT``. After each call into the store
returns it prints ``A|U|D <id>`` and flushes: a printed line is an acknowledged
write, which ``tests/test_annotations_crash.py`` expects to find after killing
this process with SIGKILL at a random moment. Exits 3 (printing ``NOTICE``) if
the store opened with a notice: after a crash there must be none.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from haizhu_reader.core.annotations.anchoring import Anchor, Scope
from haizhu_reader.core.annotations.store import AnnotationStore, Kind, new_annotation
from haizhu_reader.core.report import Report

EDITED = "改过的笔记"


def main(argv: list[str]) -> int:
    db, count = Path(argv[1]), int(argv[2])
    report = Report(title="崩溃测试报告", content_hash="c" * 64)
    anchor = Anchor(Scope.RANGE, "s0", "p0", 0, 4, "海珠报告", "", "。")
    with AnnotationStore.open(db) as store:
        if store.notices or store.read_only:
            print("NOTICE", *store.notices, flush=True)
            return 3
        for i in range(count):
            a = store.add(report, new_annotation(Kind.NOTE, anchor, note=f"第{i}条"))
            print("A", a.id, flush=True)
            if i % 3 == 1:
                store.update(replace(a, note=EDITED))
                print("U", a.id, flush=True)
            if i % 5 == 2:
                store.delete(a.id)
                print("D", a.id, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
