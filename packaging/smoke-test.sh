#!/usr/bin/env bash
# Prove the .deb on a clean Debian: install it into a fresh debootstrapped
# bookworm (minbase), then run the installed app with NO network.
#
#   bash packaging/smoke-test.sh [DEB] [TARBALL]
#
# DEB defaults to the newest dist/haizhu-reader_*_amd64.deb, TARBALL to the
# newest dist/haizhu-reader-*-linux-x86_64.tar.gz (the portable-mode check is
# skipped, with a warning, when there is none). Needs root (debootstrap, chroot,
# mounts) and the Debian mirror this machine's apt uses.
#
# Steps, each timed:
#   1. a fresh root: debootstrap --variant=minbase bookworm, cached as a tarball
#      under ~/.cache/haizhu-reader-smoke (SMOKE_REBUILD=1 rebuilds it) and
#      unpacked anew every run; it has no Qt, no fonts, no X, no Python;
#   2. install: apt-get install ./haizhu-reader_*.deb — apt fetches the Depends
#      from the mirror (the only step with network);
#   3. then every command runs in its own empty network namespace (unshare -n:
#      no interface but a downed loopback), offscreen, with /opt/haizhu-reader
#      bind-mounted read-only, and, when strace is present, traced for any
#      AF_INET/AF_INET6 socket:
#        --version, --screenshot (a valid 1280x800 PNG of non-trivial size),
#        --dump-structure tests/data/08_guangzhou_city_2025.txt (JSON with the
#        expected title), --search on that report (hits; a one-off search scans
#        and writes nothing), --import-annotations of a W3C annotation (placed),
#        --export-annotations as md, docx and json (each holds its note; the docx
#        a zip, the json parses), --library-add and --search --library (hits);
#   4. nothing under /opt/haizhu-reader changed (mtimes), the annotations and
#      the shelf are in the profile (~/.local/share), the .desktop entry and the
#      hicolor icons are installed;
#   5. portable mode from the .tar.gz: unpacked to /root/usb with a "portable"
#      file, the app keeps its annotations and shelf in /root/usb/.../data and
#      writes nothing to the (fresh) home folder.
# Exit status 0 only if every check passed.
#
# Environment: SMOKE_CACHE (default ~/.cache/haizhu-reader-smoke), SMOKE_REBUILD=1,
# SMOKE_TIMEOUT (default 20m, for steps 1 and 2-5 each).
#
# Safety: all mounts are made inside a private mount+PID namespace (unshare), so
# they are never visible on this machine and vanish with it; the temporary root
# is deleted only after findmnt shows nothing mounted under it.
set -euo pipefail

SUITE=bookworm
ROOT_VERSION=1                  # bump to invalidate cached root tarballs
SELF=$(realpath "$0")
REPO=$(cd "$(dirname "$SELF")/.." && pwd)
REPORT=$REPO/tests/data/08_guangzhou_city_2025.txt
EXPECTED_TITLE="2025年广州市政府工作报告"
SEARCH_QUERY="营商环境"
# A W3C Web Annotation on a sentence that occurs once in REPORT: imported, it must be
# placed there and come back in every export.
SEED_QUOTE="现在，我代表市人民政府，向大会报告工作"
SEED_NOTE="冒烟测试的批注"
ROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# ==========================================================================
# Inside the private mount+PID namespace (PID 1 there).
# ==========================================================================
elapsed() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'; }

inner_build() {   # ROOT SOURCES_FILE APT_CONF_FILE MIRROR
    local r=$1 sources=$2 aptconf=$3 mirror=$4
    debootstrap --variant=minbase "$SUITE" "$r" "$mirror"
    install -m 644 "$sources" "$r/etc/apt/sources.list"
    rm -f "$r"/etc/apt/sources.list.d/*
    [ -s "$aptconf" ] && install -m 644 "$aptconf" "$r/etc/apt/apt.conf.d/99smoke-network"
    # No service starts inside the chroot.
    printf '#!/bin/sh\nexit 101\n' > "$r/usr/sbin/policy-rc.d"
    chmod 755 "$r/usr/sbin/policy-rc.d"
    chroot "$r" apt-get clean
    rm -rf "$r"/var/lib/apt/lists/* "$r"/var/cache/apt/*.bin "$r"/tmp/*
    # debootstrap unmounts what it mounted; anything left dies with the namespace.
}

FAILS=0
ok()   { printf '  ok    %-34s %s\n' "$1" "$2"; }
bad()  { printf '  FAIL  %-34s %s\n' "$1" "$2"; FAILS=$((FAILS + 1)); }

inner_run() {   # ROOT DEB_NAME TARBALL_NAME|-
    local r=$1 deb=$2 tarball=$3 t0 s
    mount -t proc proc "$r/proc"
    mount -t sysfs sysfs "$r/sys"
    mount --bind /dev "$r/dev"
    mount --bind /dev/pts "$r/dev/pts"
    mount -t tmpfs -o nosuid,nodev,mode=1777 shm "$r/dev/shm"
    local ce=(chroot "$r" /usr/bin/env -i HOME=/root LANG=C.UTF-8 PATH="$ROOT_PATH" DEBIAN_FRONTEND=noninteractive)

    echo "== install (network: apt only)"
    cp -L /etc/resolv.conf "$r/etc/resolv.conf"
    t0=$EPOCHREALTIME
    "${ce[@]}" apt-get update -qq
    echo "  apt-get update: $(elapsed "$t0") s"
    t0=$EPOCHREALTIME
    "${ce[@]}" apt-get install -y -qq --no-install-recommends "/root/$deb" > "$r/root/apt-install.log" 2>&1 ||
        { tail -n 20 "$r/root/apt-install.log"; echo "  FAIL  apt-get install ./$deb"; return 1; }
    echo "  apt-get install ./$deb: $(elapsed "$t0") s ($(grep -c '^Setting up' "$r/root/apt-install.log") packages set up)"
    rm -f "$r/etc/resolv.conf"

    # From here on: no network, a read-only bundle.
    mount --bind "$r/opt/haizhu-reader" "$r/opt/haizhu-reader"
    mount -o remount,bind,ro "$r/opt/haizhu-reader"
    touch "$r/root/stamp"
    sleep 1

    local tracer=()
    command -v strace > /dev/null && tracer=(strace -f -qq -e trace=socket -o)
    app() {   # NAME TRACE_FILE COMMAND... : run in the chroot, offscreen, without network
        local name=$1 trace=$2 rc=0; shift 2
        local t=$EPOCHREALTIME
        if [ ${#tracer[@]} -gt 0 ]; then
            "${tracer[@]}" "$trace" unshare --net "${ce[@]}" QT_QPA_PLATFORM=offscreen "$@" || rc=$?
        else
            unshare --net "${ce[@]}" QT_QPA_PLATFORM=offscreen "$@" || rc=$?
        fi
        LAST_TIME=$(elapsed "$t")
        [ "$rc" -eq 0 ] || { bad "$name" "exit $rc after ${LAST_TIME} s"; return 1; }
    }
    local tr=$r/root/trace
    mkdir -p "$tr"
    local ifaces
    ifaces=$(unshare --net cat /proc/net/dev | awk -F: 'NR > 2 { gsub(/ /, "", $1); printf "%s ", $1 }')
    echo "== the installed app, no network (interfaces: ${ifaces}only)${tracer:+; times include strace}"

    if app "--version" "$tr/version" haizhu-reader --version > "$r/root/version.txt"; then
        ok "--version" "$(cat "$r/root/version.txt") (${LAST_TIME} s)"
    fi

    if app "--screenshot" "$tr/screenshot" haizhu-reader --screenshot /root/out/shot.png 2> "$r/root/shot.err"; then
        if s=$(python3 - "$r/root/out/shot.png" 2>&1 <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1280, 800), f"{w}x{h}"
assert len(data) > 50_000, f"only {len(data)} bytes"
print(f"{w}x{h}, {len(data) // 1024} KiB")
PY
        ); then ok "--screenshot" "$s (${LAST_TIME} s)"; else bad "--screenshot" "bad PNG: ${s##*$'\n'}"; fi
    fi

    if app "--dump-structure" "$tr/dump" haizhu-reader --dump-structure /root/report.txt > "$r/root/out/structure.json"; then
        s=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["title"], len(d["sections"]), "parts")' "$r/root/out/structure.json" 2>&1) || true
        if [[ $s == "$EXPECTED_TITLE "* ]]; then ok "--dump-structure FILE" "$s (${LAST_TIME} s)"
        else bad "--dump-structure FILE" "expected $EXPECTED_TITLE, got: ${s##*$'\n'}"; fi
    fi

    if app "--search" "$tr/search" haizhu-reader --search "$SEARCH_QUERY" /root/report.txt --json > "$r/root/out/search.json"; then
        if s=$(python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); n=len(d["hits"]); assert n > 0; print(n, "hits")' "$r/root/out/search.json" 2>&1); then
            ok "--search $SEARCH_QUERY FILE --json" "$s (${LAST_TIME} s)"
        else
            bad "--search $SEARCH_QUERY FILE --json" "no hits: ${s##*$'\n'}"
        fi
        # A one-off search scans the report: it leaves no index behind (the window builds one).
        local left
        left=$(find "$r/root/.cache" -path '*aizhu*' -name index 2> /dev/null | head -n 3)
        if [ -z "$left" ]; then ok "--search leaves no index" "(it scans the report)"
        else bad "--search leaves no index" "$left"; fi
    fi

    python3 - "$r/root/out/seed.json" "$SEED_QUOTE" "$SEED_NOTE" <<'PY'
import json, sys
path, quote, note = sys.argv[1:]
seed = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    "type": "Annotation",
    "motivation": "commenting",
    "body": {"type": "TextualBody", "value": note},
    "target": {"selector": {"type": "TextQuoteSelector", "exact": quote}},
}
with open(path, "w", encoding="utf-8") as f:
    json.dump(seed, f, ensure_ascii=False)
PY
    if app "--import-annotations" "$tr/import" haizhu-reader --import-annotations /root/out/seed.json \
        --into-this-report /root/report.txt > "$r/root/out/import.json"; then
        if s=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert (d["added"], d["placed"]) == (1, 1), d; print("1 added, placed")' "$r/root/out/import.json" 2>&1)
        then ok "--import-annotations (W3C)" "$s (${LAST_TIME} s)"; else bad "--import-annotations (W3C)" "${s##*$'\n'}"; fi
    fi

    local fmt
    for fmt in md docx json; do
        if app "--export-annotations $fmt" "$tr/export-$fmt" haizhu-reader --export-annotations "/root/out/notes.$fmt" /root/report.txt > /dev/null; then
            if s=$(python3 - "$r/root/out/notes.$fmt" "$fmt" "$SEED_NOTE" 2>&1 <<'PY'
import json, os, sys, zipfile
path, fmt, note = sys.argv[1:]
size = os.path.getsize(path)
assert size > 0, "empty"
if fmt == "docx":
    text = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
elif fmt == "json":
    text = json.dumps(json.load(open(path, encoding="utf-8")), ensure_ascii=False)
else:
    text = open(path, encoding="utf-8").read()
assert note in text, "the imported note is missing"
print(f"{size} bytes, holds the note")
PY
            ); then ok "--export-annotations .$fmt" "$s (${LAST_TIME} s)"; else bad "--export-annotations .$fmt" "${s##*$'\n'}"; fi
        fi
    done

    if app "--library-add" "$tr/library-add" haizhu-reader --library-add /root/report.txt > /dev/null &&
        app "--search --library" "$tr/library-search" haizhu-reader --search "$SEARCH_QUERY" --library --json > "$r/root/out/library.json"; then
        if s=$(python3 -c 'import json,sys; d=json.loads(open(sys.argv[1]).readline()); n=len(d["hits"]); assert n > 0 and d["hits"][0]["year"] == 2025, d; print(n, "hits")' "$r/root/out/library.json" 2>&1)
        then ok "--library-add, --search --library" "$s (${LAST_TIME} s)"; else bad "--library-add, --search --library" "${s##*$'\n'}"; fi
    fi

    echo "== after the run"
    local f inet=""
    for f in "$tr"/*; do
        [ -s "$f" ] || continue
        grep -E 'socket\(AF_INET6?,' "$f" > /dev/null && inet="$inet ${f##*/}"
    done
    if [ ${#tracer[@]} -eq 0 ]; then
        echo "  (strace not installed: socket calls not traced)"
    elif [ -n "$inet" ]; then
        bad "no AF_INET/AF_INET6 socket" "opened by:$inet"
    else
        ok "no AF_INET/AF_INET6 socket" "(strace -f -e socket, every command)"
    fi
    local changed
    changed=$(find "$r/opt/haizhu-reader" -newer "$r/root/stamp" | head -n 5)
    if [ -z "$changed" ]; then ok "nothing written in /opt/haizhu-reader" "(read-only bind mount, mtimes)"
    else bad "nothing written in /opt/haizhu-reader" "$changed"; fi
    local ann lib
    ann=$(find "$r/root/.local/share" -name annotations.sqlite3 -path '*aizhu*' 2> /dev/null | head -n 1)
    lib=$(find "$r/root/.local/share" -name library.sqlite3 -path '*aizhu*' 2> /dev/null | head -n 1)
    if [ -n "$ann" ] && [ -n "$lib" ]; then ok "annotations, shelf in the profile" "${ann#"$r"}, ${lib##*/}"
    else bad "annotations, shelf in the profile" "not both under /root/.local/share: ${ann:-no annotations} ${lib:-no shelf}"; fi
    local missing=""
    for f in usr/bin/haizhu-reader usr/share/applications/haizhu-reader.desktop \
        usr/share/icons/hicolor/scalable/apps/haizhu-reader.svg \
        usr/share/icons/hicolor/48x48/apps/haizhu-reader.png \
        usr/share/icons/hicolor/128x128/apps/haizhu-reader.png \
        usr/share/icons/hicolor/256x256/apps/haizhu-reader.png; do
        [ -s "$r/$f" ] || missing="$missing /$f"
    done
    if [ -z "$missing" ]; then ok "launcher, .desktop, icons" "installed"
    else bad "launcher, .desktop, icons" "missing:$missing"; fi

    if [ "$tarball" = - ]; then
        echo "  (no .tar.gz: portable mode not checked)"
    else
        echo "== portable mode from the .tar.gz"
        mkdir -p "$r/root/usb" "$r/root/home2"
        t0=$EPOCHREALTIME
        tar -xzf "$r/root/$tarball" -C "$r/root/usb"
        echo "  unpacked in $(elapsed "$t0") s"
        local pdir=/root/usb/haizhu-reader
        touch "$r$pdir/portable" "$r/root/stamp2"
        sleep 1
        local pe=(chroot "$r" /usr/bin/env -i HOME=/root/home2 LANG=C.UTF-8 PATH="$ROOT_PATH" QT_QPA_PLATFORM=offscreen)
        t0=$EPOCHREALTIME
        if unshare --net "${pe[@]}" "$pdir/haizhu-reader" --search "$SEARCH_QUERY" --json > /dev/null &&
            unshare --net "${pe[@]}" "$pdir/haizhu-reader" --import-annotations /root/out/seed.json \
                --into-this-report /root/report.txt > /dev/null &&
            unshare --net "${pe[@]}" "$pdir/haizhu-reader" --library-add /root/report.txt > /dev/null &&
            unshare --net "${pe[@]}" "$pdir/haizhu-reader" --export-annotations /root/out/portable.md /root/report.txt > /dev/null &&
            grep -qF "$SEED_NOTE" "$r/root/out/portable.md"; then
            local outside
            outside=$(find "$r/root/home2" "$r$pdir" -mindepth 1 -newer "$r/root/stamp2" ! -path "$r$pdir/data" ! -path "$r$pdir/data/*" | head -n 5)
            if [ -e "$r$pdir/data/data/annotations.sqlite3" ] && [ -e "$r$pdir/data/data/library.sqlite3" ] && [ -z "$outside" ]; then
                ok "portable: data/ beside the exe" "annotations + shelf in $pdir/data, home untouched ($(elapsed "$t0") s)"
            else
                bad "portable: data/ beside the exe" "annotations/shelf not in data/, or written elsewhere: ${outside:-(nothing)}"
            fi
        else
            bad "portable mode" "a command failed"
        fi
    fi

    umount "$r/opt/haizhu-reader" 2> /dev/null || true
    local m
    for m in dev/shm dev/pts dev sys proc; do umount "$r/$m" 2> /dev/null || true; done
    [ "$FAILS" -eq 0 ]
}

case "${1:-}" in
    __inner_build) shift; inner_build "$@"; exit $? ;;
    __inner_run)   shift; inner_run "$@";   exit $? ;;
esac

# ==========================================================================
# Outside: this machine's namespaces.
# ==========================================================================
START=$EPOCHREALTIME
CACHE=${SMOKE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/haizhu-reader-smoke}
NS=(unshare --mount --pid --fork --mount-proc --propagation private --kill-child)
CLEAN=()
CHILD=""

say() { printf 'smoke-test: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 125; }

mounts_under() { findmnt -rn -o TARGET | awk -v r="$1" '$0 == r || index($0, r "/") == 1'; }
safe_remove() {
    local d=$1
    case "$d" in "$CACHE"/root.*|"$CACHE"/build.*) ;; *) say "refusing to remove $d"; return 1 ;; esac
    [ -e "$d" ] || return 0
    if [ -n "$(mounts_under "$d")" ]; then
        say "NOT removing $d — still mounted: $(mounts_under "$d" | tr '\n' ' ')"
        return 1
    fi
    rm -rf --one-file-system -- "$d"
}
on_exit() {
    local rc=$?
    trap '' INT TERM HUP
    if [ -n "$CHILD" ] && kill -0 "$CHILD" 2> /dev/null; then
        kill -KILL "$CHILD" 2> /dev/null || true   # --kill-child ends the namespace
        wait "$CHILD" 2> /dev/null || true
    fi
    local d
    for d in "${CLEAN[@]}"; do safe_remove "$d" || rc=125; done
    say "$([ "$rc" -eq 0 ] && echo PASS || echo "FAIL (exit $rc)") in $(elapsed "$START") s"
    exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

run_ns() {   # run "$SELF" ARGS... in a private namespace, in the background so signals are handled
    # timeout runs as the namespace's PID 1: when unshare is killed
    # (--kill-child), it and everything under it die.
    "${NS[@]}" -- timeout --kill-after=20s "${SMOKE_TIMEOUT:-20m}" /bin/bash "$SELF" "$@" &
    CHILD=$!
    local rc=0
    wait "$CHILD" || rc=$?
    CHILD=""
    return $rc
}

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, chroot, mounts)"
newest() { find "$1" -maxdepth 1 -name "$2" -printf '%T@ %p\n' 2> /dev/null | sort -rn | head -n 1 | cut -d' ' -f2-; }
DEB=${1:-$(newest "$REPO/dist" 'haizhu-reader_*_amd64.deb')}
if [ -z "$DEB" ] || [ ! -f "$DEB" ]; then die "no .deb (build one with packaging/build-linux.sh, or pass its path)"; fi
DEB=$(realpath "$DEB")
TARBALL=${2:-$(newest "$(dirname "$DEB")" 'haizhu-reader-*-linux-x86_64.tar.gz')}
[ -f "$REPORT" ] || die "missing $REPORT"

need=()
for t in debootstrap unshare chroot findmnt python3 strace; do
    command -v "$t" > /dev/null || need+=("$t")
done
if [ ${#need[@]} -gt 0 ]; then
    say "installing ${need[*]/unshare/util-linux}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap strace; } > /dev/null ||
        die "cannot install debootstrap/strace"
fi
mkdir -p "$CACHE"

# The Debian mirror and apt settings this machine uses for bookworm.
# shellcheck disable=SC2016  # $(...) is apt's format syntax, not the shell's
SOURCES=$(apt-get indextargets --no-release-info --format '$(TARGET_OF)|$(REPO_URI)|$(RELEASE)|$(COMPONENT)' 2> /dev/null |
    sort -u | awk -F'|' -v s="$SUITE" '
        $1 == "deb" && ($3 == s || $3 == s "-updates" || $3 == s "-security") {
            k = $2 " " $3; if (!(k in c)) order[n++] = k; c[k] = c[k] " " $4 }
        END { for (i = 0; i < n; i++) print "deb " order[i] c[order[i]] }')
[ -n "$SOURCES" ] || SOURCES="deb http://deb.debian.org/debian $SUITE main
deb http://deb.debian.org/debian $SUITE-updates main
deb http://deb.debian.org/debian-security $SUITE-security main"
printf '%s\n' "$SOURCES" | grep -Eq '://[^/[:space:]@]+@' && die "an apt source carries credentials; not copying it"
MIRROR=$(printf '%s\n' "$SOURCES" | awk -v s="$SUITE" '$3 == s { print $2; exit }')
APT_CONF=$(apt-config dump 2> /dev/null | grep -E '^Acquire::((https?)::Proxy |Check-Valid-Until |Retries )' || true)
printf '%s\n' "$APT_CONF" | grep -Eq '://[^/[:space:]@]+@' && die "the apt proxy carries credentials; not copying it"

if command -v zstd > /dev/null; then COMP=(zstd -T0 -q -3); DECOMP=(zstd -dcq); EXT=tar.zst
else COMP=(gzip -1); DECOMP=(gzip -dc); EXT=tar.gz; fi
KEY=$(printf '%s\n' "$ROOT_VERSION" "$SUITE" "$SOURCES" "$APT_CONF" | sha256sum | cut -c1-12)
BASE=$CACHE/$SUITE-minbase-$KEY.$EXT

echo "== 1. fresh $SUITE root"
T0=$EPOCHREALTIME
exec 9> "$CACHE/.lock"
flock 9
if [ -n "${SMOKE_REBUILD:-}" ] || [ ! -s "$BASE" ]; then
    B=$(mktemp -d "$CACHE/build.XXXXXX"); CLEAN+=("$B")
    mkdir -p "$B/root"
    printf '%s\n' "$SOURCES" > "$B/sources.list"
    printf '%s\n' "$APT_CONF" | sed -E 's/^([^ ]+) (.*)$/\1 \2;/' | grep -v '^;$' > "$B/apt.conf" || true
    say "debootstrap --variant=minbase $SUITE from $MIRROR (once; log: $CACHE/build.log)"
    run_ns __inner_build "$B/root" "$B/sources.list" "$B/apt.conf" "$MIRROR" > "$CACHE/build.log" 2>&1 ||
        { tail -n 15 "$CACHE/build.log" >&2; die "debootstrap failed"; }
    [ -z "$(mounts_under "$B")" ] || die "mounts left under $B"
    tar -C "$B/root" --numeric-owner -cpf - . | "${COMP[@]}" > "$BASE.tmp"
    mv -f "$BASE.tmp" "$BASE"
    safe_remove "$B"
    echo "  built and cached $BASE ($(du -h "$BASE" | cut -f1))"
fi
flock -u 9
R=$(mktemp -d "$CACHE/root.XXXXXX"); CLEAN+=("$R")
"${DECOMP[@]}" "$BASE" | tar -x -p --numeric-owner -C "$R" -f -
chmod 755 "$R"
cp "$DEB" "$R/root/"
cp "$REPORT" "$R/root/report.txt"
mkdir -p "$R/root/out"
TB=-
if [ -n "$TARBALL" ] && [ -f "$TARBALL" ]; then cp "$TARBALL" "$R/root/"; TB=$(basename "$TARBALL"); fi
echo "  root ready in $(elapsed "$T0") s: $R"
echo "  package: $(basename "$DEB") ($(du -h "$DEB" | cut -f1)); tarball: $TB"

echo "== 2.-5. install and run (limit ${SMOKE_TIMEOUT:-20m})"
run_ns __inner_run "$R" "$(basename "$DEB")" "$TB"
