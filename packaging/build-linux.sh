#!/usr/bin/env bash
# Build Haizhu Reader for Linux: a PyInstaller one-folder app, a .tar.gz of it
# and a .deb, all in dist/.
#
#   bash packaging/build-linux.sh
#
# Environment:
#   PYTHON          the interpreter for the build venv (default /usr/bin/python3;
#                   it must have a shared libpython, as Debian's has)
#   HAIZHU_WAYLAND  =1 keeps Qt's Wayland plugins (see the spec)
#   SKIP_APT        =1 skips installing the build prerequisites with apt-get
#
# The build venv (build/venv-linux) is made anew each run from the runtime
# dependencies in pyproject.toml plus the "package" extra (PyInstaller) only —
# never the dev .venv, whose test tools PyInstaller's hooks could pull in — at
# the exact versions and hashes of packaging/locks/linux-x86_64.txt
# (pip install --require-hashes; refresh with python3 packaging/lock.py linux).
#
# Outputs (VERSION from pyproject.toml):
#   dist/haizhu-reader/                                 the one-folder app
#   dist/haizhu-reader-VERSION-linux-x86_64.tar.gz      that folder + README.txt
#   dist/haizhu-reader_VERSION_amd64.deb                /opt/haizhu-reader, /usr/bin/haizhu-reader,
#                                                        .desktop entry, hicolor icons
#   dist/build-info.txt                                 versions, sizes, Depends, glibc floor, timings
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PYTHON=${PYTHON:-/usr/bin/python3}
VENV=$ROOT/build/venv-linux
WORK=$ROOT/build/pyinstaller-linux
STAGE=$ROOT/build/deb-root
DIST=$ROOT/dist
APP=$DIST/haizhu-reader
START=$(date +%s)
declare -A T   # step -> seconds

step() { printf '\n== %s\n' "$*"; }
timed() {   # NAME COMMAND...: run (a failure stops the build), remember how long it took
    local name=$1 t0; shift
    t0=$EPOCHREALTIME
    "$@"
    T[$name]=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
}
human() { du -sh --apparent-size "$1" | cut -f1; }
bytes() { du -sb --apparent-size "$1" | cut -f1; }

# ---- prerequisites ------------------------------------------------------------
# venv + shared libpython for PyInstaller; binutils (strip, objdump) and
# dpkg-dev (dpkg-shlibdeps) for the bundle and its Depends; the libraries Qt
# needs to render the icons offscreen.
prereqs() {
    local pyver
    pyver=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    # The xcb-util libraries are bundled from the build machine (the spec keeps
    # them), so they must be here; libcups2 (the printing plugin's) comes from
    # the system and is mapped to its package for Depends: from here. Without
    # them PyInstaller leaves them out silently and linux_deps.py stops.
    local pkgs=(python3-venv "libpython$pyver" binutils dpkg-dev xz-utils
        libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3
        libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4
        libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-util1 libcups2)
    if [ "${SKIP_APT:-}" = 1 ] || ! command -v apt-get >/dev/null 2>&1; then return 0; fi
    local missing=() p
    for p in "${pkgs[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "build-linux: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
step "prerequisites"
prereqs

# ---- clean build venv -----------------------------------------------------------
step "build venv ($PYTHON)"
LOCK=packaging/locks/linux-x86_64.txt
make_venv() {
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    # Exact versions and hashes from the lock; then the app itself, built with
    # the locked setuptools and PySide6 (its lrelease), and pip check that the
    # lock still satisfies pyproject.toml.
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --require-hashes \
        --only-binary=:all: -r "$LOCK"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation . \
        2> >(grep -v -e BuildBackendWarning -e '^[[:space:]]*$' -e '^ *[!*]' -e 'project.license' -e 'SPDX' \
            -e '2027-Feb-18' -e 'or your builds' -e 'writing-pyproject' -e 'corresp(dist' >&2)
    "$VENV/bin/python" -m pip check --disable-pip-version-check > /dev/null ||
        { "$VENV/bin/python" -m pip check; echo "build-linux: $LOCK does not satisfy pyproject.toml: run python3 packaging/lock.py linux" >&2; return 1; }
}
timed venv make_venv
VERSION=$("$VENV/bin/python" -c 'from importlib.metadata import version; print(version("haizhu-reader"))')
"$VENV/bin/python" -m pip freeze --disable-pip-version-check --exclude haizhu-reader > "$ROOT/build/venv-linux.freeze"
if grep -qiE '^(pyside6|pyside6-addons|pytest|mypy|hypothesis)==' "$ROOT/build/venv-linux.freeze"; then
    echo "build-linux: the build venv holds more than the runtime dependencies:" >&2
    cat "$ROOT/build/venv-linux.freeze" >&2
    exit 1
fi
echo "haizhu-reader $VERSION with: $(tr '\n' ' ' < "$ROOT/build/venv-linux.freeze")"

# ---- one-folder app ---------------------------------------------------------------
step "PyInstaller one-folder build"
rm -rf "$APP" "$WORK"
mkdir -p "$DIST"
timed pyinstaller "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" packaging/haizhu-reader.spec
[ -x "$APP/haizhu-reader" ] || { echo "build-linux: no $APP/haizhu-reader" >&2; exit 1; }
ICONS=$WORK/haizhu-reader/icons   # rendered by the spec (its workpath)

# ---- self-check: the frozen app runs, reads its own files and writes none -----------
step "self-check of the frozen app (offscreen)"
selfcheck() {
    local tmp stamp out
    tmp=$(mktemp -d)
    stamp=$tmp/stamp
    touch "$stamp"
    sleep 1
    out=$(QT_QPA_PLATFORM=offscreen "$APP/haizhu-reader" --dump-structure)
    "$VENV/bin/python" -c 'import json,sys; d=json.loads(sys.argv[1]); assert d["title"]=="海珠区2023年政府工作报告", d["title"]' "$out"
    QT_QPA_PLATFORM=offscreen "$APP/haizhu-reader" --search 营商环境 --json --data-dir "$tmp/data" > "$tmp/search.json"
    QT_QPA_PLATFORM=offscreen "$APP/haizhu-reader" --export-annotations "$tmp/notes.md" --data-dir "$tmp/data" > /dev/null
    # .docx reads python-docx's templates from its package folders (see the spec).
    QT_QPA_PLATFORM=offscreen "$APP/haizhu-reader" --export-annotations "$tmp/notes.docx" --data-dir "$tmp/data" > /dev/null
    QT_QPA_PLATFORM=offscreen "$APP/haizhu-reader" --screenshot "$tmp/shot.png" --data-dir "$tmp/data" 2> /dev/null
    [ -s "$tmp/search.json" ] && [ -s "$tmp/notes.md" ] && [ -s "$tmp/notes.docx" ] && [ -s "$tmp/shot.png" ]
    local changed
    changed=$(find "$APP" -newer "$stamp" -print)
    if [ -n "$changed" ]; then
        echo "build-linux: the frozen app wrote inside its bundle:" >&2
        echo "$changed" >&2
        rm -rf "$tmp"
        return 1
    fi
    rm -rf "$tmp"
    echo "ok: --dump-structure, --search, --export-annotations (.md, .docx), --screenshot; nothing written in the bundle"
}
timed selfcheck selfcheck

# ---- Depends and the glibc floor -----------------------------------------------------
step "system dependencies (Depends:) and glibc floor"
DEPENDS=$("$PYTHON" packaging/linux_deps.py "$APP" --extra "fonts-wqy-microhei | fonts-noto-cjk" 2> "$ROOT/build/linux-deps.txt") ||
    { cat "$ROOT/build/linux-deps.txt" >&2; exit 1; }
cat "$ROOT/build/linux-deps.txt"
GLIBC_FLOOR=$(sed -n 's/^glibc floor: \([0-9.]*\).*/\1/p' "$ROOT/build/linux-deps.txt")

# ---- .tar.gz ---------------------------------------------------------------------------
step ".tar.gz"
TARBALL=$DIST/haizhu-reader-$VERSION-linux-x86_64.tar.gz
make_tarball() {
    local t
    t=$(mktemp -d)
    cp -a "$APP" "$t/haizhu-reader"
    install -m 644 packaging/linux/README.txt "$t/haizhu-reader/README.txt"
    install -m 644 resources/haizhu-reader.svg "$t/haizhu-reader/haizhu-reader.svg"
    tar -C "$t" --owner=0 --group=0 --numeric-owner -cf - haizhu-reader | gzip -6 > "$TARBALL"
    rm -rf "$t"
}
timed tarball make_tarball

# ---- .deb --------------------------------------------------------------------------------
step ".deb"
DEB=$DIST/haizhu-reader_${VERSION}_amd64.deb
make_deb() {
    rm -rf "$STAGE"
    mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
        "$STAGE/usr/share/doc/haizhu-reader" "$STAGE/usr/share/icons/hicolor/scalable/apps"
    cp -a "$APP" "$STAGE/opt/haizhu-reader"
    # A script, not a symlink: the bootloader finds _internal/ beside the real
    # executable, and "$0" stays a path users recognise in ps.
    printf '#!/bin/sh\nexec /opt/haizhu-reader/haizhu-reader "$@"\n' > "$STAGE/usr/bin/haizhu-reader"
    chmod 755 "$STAGE/usr/bin/haizhu-reader"
    if command -v desktop-file-validate > /dev/null; then
        desktop-file-validate resources/haizhu-reader.desktop
    fi
    install -m 644 resources/haizhu-reader.desktop "$STAGE/usr/share/applications/haizhu-reader.desktop"
    install -m 644 resources/haizhu-reader.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/haizhu-reader.svg"
    local size
    for size in 48 128 256; do
        install -D -m 644 "$ICONS/haizhu-reader-$size.png" \
            "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/haizhu-reader.png"
    done
    cat > "$STAGE/usr/share/doc/haizhu-reader/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: haizhu-reader
Comment: /opt/haizhu-reader bundles Python, Qt 6 (PySide6, LGPL-3.0), Whoosh,
 pypinyin, python-docx and lxml; their licences are in the respective
 *.dist-info folders under /opt/haizhu-reader/_internal.

Files: *
Copyright: Haizhu Reader developers
License: GPL-3.0-or-later
 On Debian systems the full text is in /usr/share/common-licenses/GPL-3.
EOF
    local installed
    installed=$(du -sk --apparent-size "$STAGE" | cut -f1)
    cat > "$STAGE/DEBIAN/control" <<EOF
Package: haizhu-reader
Version: $VERSION
Architecture: amd64
Maintainer: Haizhu Reader developers <haizhu-reader@localhost>
Installed-Size: $installed
Depends: $DEPENDS
Section: text
Priority: optional
Description: 海珠报告阅读器 — offline reader for government work reports
 Haizhu Reader reads Chinese government work reports (政府工作报告) offline:
 the report's structure at hand, its glossary (名词解释) linked to every use,
 full-text search with pinyin, annotations and export with citations.
 .
 Ships the Haizhu District 2023 report and opens other reports of the same
 family. Self-contained (Python and Qt are bundled under /opt/haizhu-reader);
 it never opens a network connection.
EOF
    # Icon caches and the desktop database are refreshed by the dpkg triggers
    # of hicolor-icon-theme and desktop-file-utils; no maintainer scripts.
    find "$STAGE" -type d -exec chmod 755 {} +
    dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$DEB" > /dev/null
}
timed deb make_deb
dpkg-deb --info "$DEB" | sed -n '/Package:/,/Description:/p'

# ---- summary --------------------------------------------------------------------------------
TOTAL=$(( $(date +%s) - START ))
{
    echo "haizhu-reader $VERSION — Linux build, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "python: $("$VENV/bin/python" -VV | head -1)"
    echo "lock: $LOCK sha256 $(sha256sum "$LOCK" | cut -c1-64)"
    echo "build venv: $(tr '\n' ' ' < "$ROOT/build/venv-linux.freeze")"
    echo "one-folder app: $(human "$APP") ($(bytes "$APP") bytes, $(find "$APP" -type f | wc -l) files)"
    echo "tar.gz: $(human "$TARBALL") ($(bytes "$TARBALL") bytes)"
    echo ".deb (xz): $(human "$DEB") ($(bytes "$DEB") bytes)"
    echo "glibc floor: $GLIBC_FLOOR"
    echo "Depends: $DEPENDS"
    echo "timings (s): venv ${T[venv]}, pyinstaller ${T[pyinstaller]}, self-check ${T[selfcheck]}, tar.gz ${T[tarball]}, deb ${T[deb]}; total ${TOTAL}"
} > "$DIST/build-info.txt"
step "done"
cat "$DIST/build-info.txt"
