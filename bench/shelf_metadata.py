"""What the shelf reads from each report of the development corpus: place, level, year, date.

    .venv/bin/python bench/shelf_metadata.py [--corpus DIR] [--quiet]

One line per report (file, then what ``library.metadata.describe`` found: place,
level, year, date, the shelf's title), ``!`` where the place or year differs from
the one in the file's name (the corpus names files by place and by the year of
the source's folder, which for a report delivered in December is the next
year), then how many reports have a place, a level, a year and a date, and how
many agree with the file names. The reports the parser refuses are counted
apart. Read the lines: the file names are a check, not the truth.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from shelf_bench import CORPUS  # the script's folder is on sys.path

from haizhu_reader.core.errors import ReportError
from haizhu_reader.core.library.metadata import describe
from haizhu_reader.core.parse import load_report


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--quiet", action="store_true", help="only the summary and the differences")
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*.md"))
    counts: Counter[str] = Counter()
    refused = []
    for f in files:
        try:
            m = describe(load_report(f))
        except ReportError:
            refused.append(f.name)
            continue
        named_place, _, named_year = f.stem.rpartition("-")
        same_place = m.place == named_place
        same_year = m.year == int(named_year)
        counts["parsed"] += 1
        counts["place"] += m.place is not None
        counts["level"] += m.level is not None
        counts["year"] += m.year is not None
        counts["date"] += m.date is not None
        counts["place as named"] += same_place
        counts["year as named"] += same_year
        counts[f"level {m.level}"] += 1
        flag = ("" if same_place else " !place") + ("" if same_year else " !year")
        if flag or not args.quiet:
            print(
                f"{f.name:<26} {m.place or '-':<12} {m.level or '-':<10} {m.year or '-'!s:<5} "
                f"{m.date or '-':<10}  {m.title}{flag}"
            )
    n = counts["parsed"]
    print(f"\n{len(files)} files; {n} parsed, {len(refused)} refused by the parser: "
          f"{', '.join(refused) or 'none'}")  # fmt: skip
    for key in ("place", "level", "year", "date", "place as named", "year as named"):
        print(f"  {key:<15} {counts[key]:>4} / {n}  ({counts[key] / n:.1%})")
    levels = {k.removeprefix("level "): v for k, v in counts.items() if k.startswith("level ")}
    print("  levels: " + ", ".join(f"{k} {v}" for k, v in sorted(levels.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
