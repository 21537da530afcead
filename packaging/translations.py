"""Qt translations of the interface: extract, compile, refresh.

    python packaging/translations.py                   # refresh (developers; see README)
    python packaging/translations.py extract OUT.ts    # the tr() strings, into OUT.ts
    python packaging/translations.py compile OUT_DIR   # every .ts -> OUT_DIR/*.qm (the build)

UI strings are Chinese in the code (``self.tr("…")``, ``QCoreApplication.translate``);
the English lives in haizhu_reader/translations/haizhu_reader_en.ts, the source the
project keeps. The .qm that Qt loads is a build product, never committed: setup.py
compiles it into the wheel (or, for ``pip install -e``, beside the .ts), and the
PyInstaller spec compiles it into the bundle.

Refreshing runs PySide6's lupdate over every module, merging new strings into the
.ts as unfinished and dropping strings the code no longer has, compiles the .qm
in place for a source checkout, and lists what still needs English (exit status 1
while anything does). Translate those in the .ts (any text editor, or
``pyside6-linguist``) and run it again.

Uses the lupdate and lrelease that ship inside PySide6-Essentials, found next to
the PySide6 package of the running interpreter (a build requirement in
pyproject.toml, so isolated builds have it too).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "haizhu_reader"
TS_DIR = PACKAGE / "translations"
SOURCE_LANGUAGE = "zh_CN"


def qt_tool(name: str) -> Path:
    """PySide6's own copy of a Qt tool (lupdate, lrelease)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("translations: PySide6 is not installed in this Python")
    folder = Path(next(iter(spec.submodule_search_locations)))
    exe = folder / (f"{name}.exe" if sys.platform == "win32" else name)
    if not exe.is_file():
        raise SystemExit(f"translations: no {exe} (PySide6-Essentials ships it)")
    return exe


def sources() -> list[Path]:
    """Every module of the app, in a stable order (lupdate reads them all)."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def extract(ts: Path, *, target_language: str = "en") -> None:
    """Merge the code's tr() strings into ``ts`` (made if missing); drop vanished ones.

    No source locations are stored: line numbers would change the .ts with every
    unrelated edit; a string is found by searching for it.
    """
    subprocess.run(
        [
            str(qt_tool("lupdate")),
            "-silent",
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            SOURCE_LANGUAGE,
            "-target-language",
            target_language,
            *(str(p) for p in sources()),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def compile_all(out_dir: Path) -> list[Path]:
    """Compile every .ts in haizhu_reader/translations to ``out_dir``; the .qm files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in sorted(TS_DIR.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    if not made:
        raise SystemExit(f"translations: no .ts files in {TS_DIR}")
    return made


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of each message in ``ts`` without a finished translation."""
    missing = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else list(translation.iter("numerusform"))
            texts = [f.text for f in forms] if forms else [getattr(translation, "text", None)]
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not all(t and t.strip() for t in texts)
            ):
                missing.append((name, message.findtext("source") or ""))
    return missing


def refresh() -> int:
    status = 0
    for ts in sorted(TS_DIR.glob("*.ts")):
        extract(ts, target_language=ts.stem.rsplit("_", 1)[-1])
        missing = unfinished(ts)
        rel = ts.relative_to(ROOT)
        if missing:
            status = 1
            print(f"{rel}: {len(missing)} string(s) need a translation:")
            for context, source in missing:
                print(f"  [{context}] {source}")
        else:
            print(f"{rel}: every string translated")
    for qm in compile_all(TS_DIR):
        print(f"compiled {qm.relative_to(ROOT)}")
    return status


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command")
    e = sub.add_parser("extract", help="the code's tr() strings into a .ts file")
    e.add_argument("ts", type=Path)
    c = sub.add_parser("compile", help="compile the .ts files into a folder of .qm files")
    c.add_argument("out_dir", type=Path)
    args = p.parse_args(argv)
    if args.command == "extract":
        extract(args.ts)
        return 0
    if args.command == "compile":
        compile_all(args.out_dir)
        return 0
    return refresh()


if __name__ == "__main__":
    raise SystemExit(main())
