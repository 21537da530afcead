#!/usr/bin/env bash
# Prove the Windows installer under Wine: a fresh prefix, a silent install, the
# installed app with NO network, a look at its window and at the installer's
# first page, a silent uninstall and what it leaves; then the portable .zip.
#
#   bash packaging/windows/smoke-test-wine.sh [SETUP_EXE] [ZIP]
#
# SETUP_EXE defaults to the newest dist/haizhu-reader-*-windows-x64-setup.exe, ZIP
# to the newest dist/haizhu-reader-*-windows-x64.zip (build them with
# packaging/windows/build-wine.sh). Needs root for the network namespaces.
#
# Steps, each timed:
#   1. a fresh Wine prefix (Windows 10), Chinese (LANG=zh_CN.UTF-8, from a locale
#      compiled into the temporary folder), on its own Xvfb display. Two things
#      Windows 10 1809+ has and Wine 8 lacks are provided for this prefix only:
#      an icuuc.dll stub (icuuc_stub.c; Qt6Core links the system ICU) and no
#      display colour profile (Wine's mscms has no WcsCreateIccProfile, which
#      Qt's windows platform plugin calls for a screen that has one);
#   2. the installer's first page, interactive, saved as a screenshot;
#   3. silent install (/VERYSILENT): per user, without admin rights, into
#      %LOCALAPPDATA%\Programs\haizhu-reader, Start-menu shortcut 海珠报告阅读器;
#   4. then every command runs in its own empty network namespace (unshare -n),
#      with Wine's winsock trace on: haizhu-reader-cli.exe --version,
#      --dump-structure FILE, --search (twice: the same hits), --figures,
#      --export-annotations md/docx/json, --import-annotations (a JSON export of
#      one annotation of every kind, made by the host's source checkout),
#      --library-add and --search --library, and haizhu-reader.exe --screenshot (the window, Chinese UI, with those
#      annotations); no network activity (connect, bind, listen, send, name
#      lookup), nothing written in the program folder;
#   5. silent uninstall: the program, its shortcuts and its uninstall entry go,
#      the user's annotations stay (listed); a second install and an uninstall
#      with /DELETEUSERDATA removes them too;
#   6. portable mode from the .zip: unpacked with a "portable" file, the app keeps
#      its annotations and shelf in data\ beside the exe and nothing in the profile.
# Under Wine 8, CPython (python.org's python.exe and pythonw.exe alike, and so the
# frozen app) cannot start when a standard stream is a regular file
# (init_sys_streams: invalid handle); the windowed exe then shows PyInstaller's
# "Failed to start embedded python interpreter!" box and waits for a click,
# which looked like a hang. Every stream here is a pipe; each command has a
# time limit (SMOKE_APP_TIMEOUT, 180 s).
# Screenshots and logs go to dist/smoke-wine/. Exit 0 only if every check passed;
# 125 when this machine cannot run Wine (or make a network namespace).
#
# Environment: SMOKE_KEEP=1 keeps the temporary folder (prefix) for a look.
set -euo pipefail
SELF=$(realpath "$0")
REPO=$(cd "$(dirname "$SELF")/../.." && pwd)
REPORT=$REPO/tests/data/08_guangzhou_city_2025.txt
EXPECTED_TITLE="2025年广州市政府工作报告"
BUNDLED_TITLE="海珠区2023年政府工作报告"
SEARCH_QUERY="营商环境"
OUT=$REPO/dist/smoke-wine
START=$EPOCHREALTIME

say() { printf 'smoke-test-wine: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 125; }
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }
FAILS=0
exec 4>&1   # the verdicts, also from inside $(...) and redirected commands
ok()  { printf '  ok    %-36s %s\n' "$1" "$2" >&4; }
bad() { printf '  FAIL  %-36s %s\n' "$1" "$2" >&4; FAILS=$((FAILS + 1)); }

newest() { find "$REPO/dist" -maxdepth 1 -name "$1" -printf '%T@ %p\n' 2> /dev/null | sort -rn | head -n 1 | cut -d' ' -f2-; }
SETUP=${1:-$(newest 'haizhu-reader-*-windows-x64-setup.exe')}
ZIP=${2:-$(newest 'haizhu-reader-*-windows-x64.zip')}
[ -n "$SETUP" ] && [ -f "$SETUP" ] || die "no installer (build one with packaging/windows/build-wine.sh, or pass its path)"
[ -f "$REPORT" ] || die "missing $REPORT"

# ---- prerequisites -------------------------------------------------------------------
need=()
command -v wine > /dev/null || need+=(wine wine64 wine32:i386)
command -v Xvfb > /dev/null || need+=(xvfb)
command -v localedef > /dev/null && [ -d /usr/share/i18n/locales ] || need+=(locales)
command -v x86_64-w64-mingw32-gcc > /dev/null || need+=(gcc-mingw-w64-x86-64-win32)
if [ ${#need[@]} -gt 0 ]; then
    [ "$(id -u)" -eq 0 ] && command -v apt-get > /dev/null || die "cannot run Wine here: missing ${need[*]}"
    say "installing ${need[*]}"
    dpkg --print-foreign-architectures | grep -qx i386 || dpkg --add-architecture i386
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"; } > /dev/null ||
        die "cannot run Wine here: apt-get install ${need[*]} failed"
fi
unshare -n true 2> /dev/null || die "cannot make a network namespace here (unshare -n needs root)"
# The host's source checkout makes the annotations to import (its test helpers),
# and its Qt takes the screenshot of the installer's page.
HOST_PY=""
for p in "$REPO/.venv/bin/python" "$REPO/build/venv-linux/bin/python"; do
    [ -x "$p" ] && "$p" -c 'import PySide6.QtGui, haizhu_reader' 2> /dev/null && { HOST_PY=$p; break; }
done
[ -n "$HOST_PY" ] || die "no Python with the app and PySide6 (bash packaging/setup-env.sh test)"

# ---- a fresh prefix on its own display -----------------------------------------------------
T=$(mktemp -d /tmp/haizhu-wine-smoke.XXXXXX)
XVFB_PID=""
export WINEPREFIX=$T/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
export LANG=zh_CN.UTF-8 LOCPATH=$T/locale
unset LC_ALL LANGUAGE WAYLAND_DISPLAY
cleanup() {
    local rc=$?
    trap '' INT TERM HUP
    wineserver -k 2> /dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2> /dev/null
    if [ "${SMOKE_KEEP:-}" = 1 ]; then say "kept $T"; else rm -rf --one-file-system -- "$T"; fi
    say "$([ "$rc" -eq 0 ] && echo PASS || echo "FAIL (exit $rc)") in $(elapsed "$START") s"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Wine's console programs die (init_sys_streams) when a standard stream is a
# regular file: stdout and stderr always go through pipes.
wrun() {
    wine "$@" < /dev/null 2> >(cat >&2) | cat
    return "${PIPESTATUS[0]}"
}

echo "== a fresh prefix (Windows 10, zh_CN) on its own display"
t0=$EPOCHREALTIME
mkdir -p "$T/locale" "$OUT"
localedef -i zh_CN -f UTF-8 "$T/locale/zh_CN.UTF-8" 2> /dev/null || true
[ -d "$T/locale/zh_CN.UTF-8" ] || die "cannot compile the zh_CN.UTF-8 locale"
exec 3> "$T/display"
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp > "$T/xvfb.log" 2>&1 &
XVFB_PID=$!
exec 3>&-
for _ in $(seq 50); do [ -s "$T/display" ] && break; sleep 0.1; done
[ -s "$T/display" ] || die "Xvfb did not start: $(cat "$T/xvfb.log")"
export DISPLAY=":$(head -n 1 "$T/display")"
wineboot -i > "$T/wineboot.log" 2>&1 || die "cannot run Wine here: wineboot failed ($(tail -n 3 "$T/wineboot.log"))"
wrun winecfg -v win10 > /dev/null
x86_64-w64-mingw32-gcc -O2 -s -shared -o "$T/icuuc.dll" "$REPO/packaging/windows/icuuc_stub.c"
cp "$T/icuuc.dll" "$WINEPREFIX/drive_c/windows/system32/icuuc.dll"
rm -f "$WINEPREFIX/drive_c/windows/system32/spool/drivers/color/"*.icm
WIN_USER=$(wrun cmd /c 'echo %USERNAME%' | tr -d '\r')
LOCALAPPDATA=$WINEPREFIX/drive_c/users/$WIN_USER/AppData/Local
STARTMENU="$WINEPREFIX/drive_c/users/$WIN_USER/AppData/Roaming/Microsoft/Windows/Start Menu/Programs"
PROGRAM=$LOCALAPPDATA/Programs/haizhu-reader
PROFILE=$LOCALAPPDATA/haizhu-reader
echo "  $(wine --version), display $DISPLAY, user $WIN_USER ($(elapsed "$t0") s)"

shot_screen() {   # PNG: the whole X screen, with the host's Qt
    QT_QPA_PLATFORM=xcb "$HOST_PY" - "$1" <<'PY'
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
image = app.primaryScreen().grabWindow(0).toImage()
colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
image.save(sys.argv[1])
print(f"{image.width()}x{image.height()}, {len(colours)} colours sampled")
PY
}

echo "== the installer's first page (interactive)"
t0=$EPOCHREALTIME
wine "$SETUP" < /dev/null > "$T/wizard.log" 2>&1 &
WIZARD=$!
colours() { sed -n 's/.*, \([0-9]*\) colours.*/\1/p' <<< "$1"; }
s=""
for _ in $(seq 40); do   # the wizard is up once the screen shows more than the empty desktop
    sleep 1
    s=$(shot_screen "$OUT/installer-first-page.png") || break
    [ "$(colours "$s")" -gt 20 ] && break
done
sleep 2   # let the page finish painting
s=$(shot_screen "$OUT/installer-first-page.png")
wineserver -k 2> /dev/null || true
wait "$WIZARD" 2> /dev/null || true
if [ "$(colours "$s")" -gt 20 ]; then
    ok "installer's first page" "$OUT/installer-first-page.png ($s, $(elapsed "$t0") s)"
else
    bad "installer's first page" "nothing on screen: $s"
fi

echo "== silent install (per user, no admin)"
t0=$EPOCHREALTIME
install_silently() {
    wrun "$SETUP" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "/LOG=$(winepath -w "$T/setup.log")" > /dev/null
    wineserver -w   # the installer's own child processes
}
if install_silently && [ -f "$PROGRAM/haizhu-reader.exe" ] && [ -f "$PROGRAM/haizhu-reader-cli.exe" ]; then
    ok "installed" "${PROGRAM#"$WINEPREFIX"/} ($(find "$PROGRAM" -type f | wc -l) files, $(elapsed "$t0") s)"
else
    bad "installed" "no $PROGRAM/haizhu-reader.exe; $(tail -n 5 "$T/setup.log" 2> /dev/null | tr '\r\n' '  ')"
    exit 1
fi
LNK=$(find "$STARTMENU" -name '海珠报告阅读器.lnk' | head -n 1)
if [ -n "$LNK" ]; then ok "Start-menu shortcut" "${LNK#"$STARTMENU"/}"
else bad "Start-menu shortcut" "no 海珠报告阅读器.lnk under Start Menu/Programs: $(find "$STARTMENU" -name '*.lnk' | tr '\n' ' ')"; fi
UNINSTALL_KEY='Software\Microsoft\Windows\CurrentVersion\Uninstall\{6B0F3C52-8E0B-4D5E-9C1A-3F7A2D9E4B61}_is1'
if wrun reg query "HKCU\\$UNINSTALL_KEY" > /dev/null 2>&1 && ! wrun reg query "HKLM\\$UNINSTALL_KEY" > /dev/null 2>&1; then
    ok "per-user install" "uninstall entry in HKCU (not HKLM); $(grep -o 'Install mode: .*\|Administrative install mode: .*' "$T/setup.log" | head -n 1 | tr -d '\r')"
else
    bad "per-user install" "no uninstall entry in HKCU, or one in HKLM"
fi

# ---- the installed app, no network ------------------------------------------------------------
echo "== the installed app, no network (unshare -n; winsock traced)"
# Wine's own desktop process, started here (it would otherwise be started by the
# first program with a window, inheriting and holding open that program's output
# pipes). It also keeps the session alive between the commands, so Wine's
# services are up before the first traced command and the trace holds the app's
# calls only.
wine explorer.exe /desktop < /dev/null > /dev/null 2>&1 &
DESKTOP=$!
wrun cmd /c exit
# (procps' pgrep is not on a minimal Debian: the process list read directly)
for _ in $(seq 50); do grep -qsF 'system32\explorer.exe' /proc/[0-9]*/cmdline && break; sleep 0.1; done
sleep 1
TRACE=$T/trace
mkdir -p "$TRACE" "$T/out"
touch "$T/stamp"
sleep 1
app() {   # NAME EXE ARGS...: the program in an empty network namespace; winsock trace to $TRACE/NAME.log
    local name=$1 exe=$2 rc=0 t
    shift 2
    t=$EPOCHREALTIME
    # Every stream a pipe (see wrun); stdout to the caller, stderr with the trace to the log.
    { timeout -k 10 "$APP_TIMEOUT" unshare -n env WINEDEBUG=-all,+winsock wine "$PROGRAM/$exe" "$@" < /dev/null 2>&1 1>&5 5>&- |
        cat > "$TRACE/$name.log"; } 5>&1 | cat || rc=$?
    LAST_TIME=$(elapsed "$t")
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
        wineserver -k 2> /dev/null || true   # whatever the program left waiting (a dialog?)
        bad "$name" "no answer after $APP_TIMEOUT s"
        return 1
    fi
    [ "$rc" -eq 0 ] || { bad "$name" "exit $rc after ${LAST_TIME} s: $(grep -v ':trace:' "$TRACE/$name.log" | tail -n 3)"; return 1; }
}
APP_TIMEOUT=${SMOKE_APP_TIMEOUT:-180}
W_REPORT=$(winepath -w "$REPORT")
W_OUT=$(winepath -w "$T/out")
cli=haizhu-reader-cli.exe

if app version $cli --version > "$T/out/version.txt"; then ok "--version" "$(tr -d '\r' < "$T/out/version.txt") (${LAST_TIME} s)"; fi
if app dump $cli --dump-structure "$W_REPORT" > "$T/out/structure.json"; then
    s=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1], encoding="utf-8")); print(d["title"], len(d["sections"]), "parts")' "$T/out/structure.json" 2>&1) || true
    if [[ $s == "$EXPECTED_TITLE "* ]]; then ok "--dump-structure FILE" "$s (${LAST_TIME} s)"
    else bad "--dump-structure FILE" "expected $EXPECTED_TITLE, got: ${s##*$'\n'}"; fi
fi
if app search $cli --search "$SEARCH_QUERY" "$W_REPORT" --json > "$T/out/search.json"; then
    if s=$(python3 -c 'import json,sys; d=json.loads(open(sys.argv[1], encoding="utf-8").readline()); n=len(d["hits"]); assert n > 0; print(n, "hits")' "$T/out/search.json" 2>&1); then
        ok "--search $SEARCH_QUERY FILE --json" "$s (${LAST_TIME} s)"
    else bad "--search $SEARCH_QUERY FILE --json" "no hits: ${s##*$'\n'}"; fi
    if app search-again $cli --search "$SEARCH_QUERY" "$W_REPORT" --json > "$T/out/search2.json" &&
        cmp -s "$T/out/search.json" "$T/out/search2.json"; then
        ok "--search (again)" "${LAST_TIME} s (same hits)"
    else
        bad "--search (again)" "a different answer the second time"
    fi
fi
if app figures $cli --figures "$W_REPORT" --json > "$T/out/figures.json"; then
    if s=$(python3 -c 'import json,sys; t=open(sys.argv[1], encoding="utf-8").read(); d=json.loads(t); n=len(d if isinstance(d, list) else d.get("figures", d)); assert n > 0; print(n, "figures")' "$T/out/figures.json" 2>&1); then
        ok "--figures FILE --json" "$s (${LAST_TIME} s)"
    else bad "--figures FILE --json" "${s##*$'\n'}"; fi
fi
for fmt in md docx json; do
    if app "export-$fmt" $cli --export-annotations "$W_OUT\\notes.$fmt" "$W_REPORT" > /dev/null; then
        if s=$(python3 - "$T/out/notes.$fmt" "$fmt" 2>&1 <<'PY'
import json, os, sys, zipfile
path, fmt = sys.argv[1:]
size = os.path.getsize(path)
assert size > 0, "empty"
if fmt == "docx":
    assert "word/document.xml" in zipfile.ZipFile(path).namelist()
if fmt == "json":
    json.load(open(path, encoding="utf-8"))
print(f"{size} bytes")
PY
        ); then ok "--export-annotations .$fmt" "$s (${LAST_TIME} s)"; else bad "--export-annotations .$fmt" "${s##*$'\n'}"; fi
    fi
done
# Annotations made on "another PC" (the host's checkout, its test helpers' variety).
(cd "$REPO" && "$HOST_PY" -m tests.helpers.variety_export "$T/in.json")
total=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1], encoding="utf-8"))["total"])' "$T/in.json")
if app import $cli --import-annotations "$(winepath -w "$T/in.json")" > "$T/out/import.json"; then
    s=$(python3 -c 'import json,sys; d=json.loads(open(sys.argv[1], encoding="utf-8").readline()); print(d["added"])' "$T/out/import.json" 2>&1) || true
    if [ "$s" = "$total" ]; then ok "--import-annotations .json" "$s of $total added to the profile (${LAST_TIME} s)"
    else bad "--import-annotations .json" "added ${s##*$'\n'} of $total"; fi
fi
if app export-imported $cli --export-annotations "$W_OUT\\imported.docx" > "$T/out/export.json"; then
    s=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1], encoding="utf-8").readline())["count"])' "$T/out/export.json" 2>&1) || true
    if [ "$s" = "$total" ]; then ok "--export-annotations (imported)" "$s annotations of $BUNDLED_TITLE in a .docx (${LAST_TIME} s)"
    else bad "--export-annotations (imported)" "exported ${s##*$'\n'} of $total"; fi
fi
if app library-add $cli --library-add "$W_REPORT" > /dev/null &&
    app library-search $cli --search "$SEARCH_QUERY" --library --json > "$T/out/library.json"; then
    if s=$(python3 -c 'import json,sys; d=json.loads(open(sys.argv[1], encoding="utf-8").readline()); n=len(d["hits"]); assert n > 0, d; print(n, "hits")' "$T/out/library.json" 2>&1)
    then ok "--library-add, --search --library" "$s (${LAST_TIME} s)"; else bad "--library-add, --search --library" "${s##*$'\n'}"; fi
fi
# The window, as the Start menu opens it (the windowed exe), Chinese UI.
if app screenshot haizhu-reader.exe --screenshot "$W_OUT\\window.png" --size 1280x800; then
    if s=$(python3 - "$T/out/window.png" 2>&1 <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1280, 800), f"{w}x{h}"
assert len(data) > 50_000, f"only {len(data)} bytes"
print(f"{w}x{h}, {len(data) // 1024} KiB")
PY
    ); then
        cp "$T/out/window.png" "$OUT/window-zh_CN.png"
        ok "--screenshot (haizhu-reader.exe)" "$s (${LAST_TIME} s) → $OUT/window-zh_CN.png"
    else bad "--screenshot (haizhu-reader.exe)" "bad PNG: ${s##*$'\n'}"; fi
fi

# ---- portable mode ----------------------------------------------------------------------------------
if [ -z "$ZIP" ] || [ ! -f "$ZIP" ]; then
    echo "  (no .zip: portable mode not checked)"
else
    echo "== portable mode from the .zip"
    t0=$EPOCHREALTIME
    USB=$T/usb
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' "$ZIP" "$USB"
    touch "$USB/haizhu-reader/portable" "$T/stamp2"
    sleep 1
    INSTALLED=$PROGRAM
    PROGRAM=$USB/haizhu-reader
    if app portable-search $cli --search "$SEARCH_QUERY" --json > /dev/null &&
        app portable-import $cli --import-annotations "$(winepath -w "$T/in.json")" > /dev/null &&
        app portable-library $cli --library-add "$W_REPORT" > /dev/null &&
        app portable-export $cli --export-annotations "$W_OUT\\portable.md" > /dev/null &&
        [ -s "$T/out/portable.md" ]; then
        outside=$(find "$LOCALAPPDATA" "$PROGRAM" -mindepth 1 -newer "$T/stamp2" ! -path "$PROGRAM/data" ! -path "$PROGRAM/data/*" \
            ! -path "$LOCALAPPDATA/Temp*" ! -path "$LOCALAPPDATA/Microsoft*" | head -n 5)
        if [ -e "$PROGRAM/data/data/annotations.sqlite3" ] && [ -e "$PROGRAM/data/data/library.sqlite3" ] && [ -z "$outside" ]; then
            ok "portable: data\\ beside the exe" "annotations + shelf in haizhu-reader\\data, profile untouched ($(elapsed "$t0") s)"
        else
            bad "portable: data\\ beside the exe" "annotations/shelf not in data\\, or written elsewhere: ${outside:-(nothing)}"
        fi
    fi
    PROGRAM=$INSTALLED
fi
wineserver -k 2> /dev/null || true   # the desktop and the services: this session ends
wait "$DESKTOP" 2> /dev/null || true
echo "== after the run (every command above, the portable ones too)"
# Network activity: a connection, a bound or listening socket, a datagram sent,
# a name looked up. Sockets merely created are counted and reported: Python's
# _overlapped module (asyncio on Windows, imported by cached-property for
# Whoosh) makes one TCP socket at import to ask Winsock for ConnectEx/AcceptEx
# and closes it unused.
NET_CALLS=':trace:winsock:(connect|bind|listen|WS2_sendto|WSASendTo|WSAConnect[A-Za-z]*|getaddrinfo|GetAddrInfo[A-Za-z]*|gethostbyname|WSAAsyncGetHost[A-Za-z]*) '
net="" created=0
for f in "$TRACE"/*.log; do
    grep -Eq "$NET_CALLS" "$f" && net="$net $(basename "$f" .log)"
    created=$((created + $(grep -Ec 'WSASocket[AW] family (2|23),' "$f" || true)))
done
if [ -z "$net" ]; then
    ok "no network activity" "no connect/bind/listen/send/name lookup (WINEDEBUG=+winsock); $created AF_INET socket(s) created and closed unused"
else
    bad "no network activity" "in:$net: $(grep -Eh "$NET_CALLS" "$TRACE"/*.log | head -n 2 | tr '\n' ' ')"
fi
changed=$(find "$PROGRAM" -newer "$T/stamp" | head -n 5)
if [ -z "$changed" ]; then ok "nothing written in the program folder" "(mtimes)"
else bad "nothing written in the program folder" "$changed"; fi
lib=$(find "$PROFILE" -name library.sqlite3 2> /dev/null | head -n 1 || true)
db=$(find "$PROFILE" -name annotations.sqlite3 2> /dev/null | head -n 1 || true)
if [ -n "$lib" ] && [ -n "$db" ]; then ok "annotations and shelf in the profile" "${PROFILE#"$WINEPREFIX"/}"
else bad "annotations and shelf in the profile" "shelf: ${lib:-none}, annotations: ${db:-none}"; fi

# ---- uninstall ------------------------------------------------------------------------------------
echo "== silent uninstall"
uninstall() {   # ARGS...: the uninstaller copies itself to a temporary folder and runs from there
    # (its first process's exit code says nothing: the checks below look at what is left)
    wrun "$PROGRAM/unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES /NORESTART "$@" > /dev/null || true
    wineserver -w
}
t0=$EPOCHREALTIME
uninstall
left_program=$(find "$PROGRAM" 2> /dev/null | head -n 5 || true)
left_menu=$(find "$STARTMENU" -name '海珠报告阅读器*' 2> /dev/null | head -n 3 || true)
if [ -z "$left_program" ] && [ -z "$left_menu" ] && ! wrun reg query "HKCU\\$UNINSTALL_KEY" > /dev/null 2>&1; then
    ok "program removed" "folder, Start-menu entries and uninstall key gone ($(elapsed "$t0") s)"
else
    bad "program removed" "left: ${left_program:-} ${left_menu:-}"
fi
kept=$(cd "$PROFILE" 2> /dev/null && find . -type f | sed 's|^\./||' | sort | tr '\n' ' ' || true)
if [ -n "$db" ] && [ -f "$db" ]; then ok "user's annotations kept" "${PROFILE#"$WINEPREFIX"/}: $kept"
else bad "user's annotations kept" "gone: ${PROFILE#"$WINEPREFIX"/} holds: ${kept:-nothing}"; fi
t0=$EPOCHREALTIME
install_silently > /dev/null
uninstall /DELETEUSERDATA
if [ ! -e "$PROFILE" ] && [ ! -e "$PROGRAM" ]; then ok "uninstall /DELETEUSERDATA" "program and user data removed ($(elapsed "$t0") s with the reinstall)"
else bad "uninstall /DELETEUSERDATA" "left: $(find "$PROFILE" "$PROGRAM" 2> /dev/null | head -n 3 | tr '\n' ' ' || true)"; fi

[ "$FAILS" -eq 0 ]
