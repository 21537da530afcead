"""Render resources/haizhu-reader.svg to the PNG and ICO files the installers ship.

    python packaging/render_icons.py OUT_DIR [--sizes 48 128 256] [--ico]

Writes OUT_DIR/haizhu-reader-<N>.png for each size and, with --ico,
OUT_DIR/haizhu-reader.ico (16, 24, 32, 48, 64, 128, 256 px, PNG-compressed
entries, which Windows Vista and later read). Runs in the build venv with Qt's
own SVG renderer, so no extra tool (Inkscape, Pillow, ImageMagick) is needed.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "haizhu-reader.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(svg: Path, size: int, out: Path) -> bytes:
    """Draw the icon at ``size`` × ``size`` px into the PNG file ``out``; its bytes."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: {svg} is not a valid SVG for Qt")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    if not image.save(str(out)):  # the format follows the .png suffix
        raise SystemExit(f"render_icons: cannot write {out}")
    return out.read_bytes()


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    entries = b""
    offset = len(header) + 16 * len(pngs)
    body = b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        body += png
    return header + entries + body


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    p.add_argument("out_dir", type=Path)
    p.add_argument("--svg", type=Path, default=SVG)
    p.add_argument("--sizes", type=int, nargs="+", default=[48, 128, 256])
    p.add_argument("--ico", action="store_true", help="also write haizhu-reader.ico")
    args = p.parse_args(argv)

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out: Path = args.out_dir
    out.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        render_png(args.svg, size, out / f"haizhu-reader-{size}.png")
    if args.ico:
        with tempfile.TemporaryDirectory() as tmp:
            pngs = {
                size: render_png(args.svg, size, Path(tmp) / f"{size}.png") for size in ICO_SIZES
            }
        (out / "haizhu-reader.ico").write_bytes(ico_bytes(pngs))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
