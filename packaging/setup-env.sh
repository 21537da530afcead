#!/usr/bin/env bash
# Prepare this checkout to run (or, with "test", to test) Haizhu Reader.
#
#   bash packaging/setup-env.sh        # system libraries + CJK font + .venv with the app
#   bash packaging/setup-env.sh test   # the same, plus the test tools (pytest, mypy, ruff,
#                                      # and poppler-utils' pdftotext)
#
# On Debian-family systems (Debian, Ubuntu, UOS, Kylin) it installs the system
# libraries Qt needs and a CJK font with apt-get (through sudo when not root),
# skipping apt entirely when everything is already there. Elsewhere it says what
# to install and carries on.
set -euo pipefail
cd "$(dirname "$0")/.."

extra=""
[ "${1:-}" = "test" ] && extra="[test]"

# Qt's offscreen and xcb platforms, and a font that has Chinese glyphs.
APT_PACKAGES=(
  libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0
  fonts-wqy-microhei python3-venv
)
# The tests read exported PDFs back with pdftotext.
[ "${1:-}" = "test" ] && APT_PACKAGES+=(poppler-utils)

if command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "setup-env: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
else
  echo "setup-env: not a Debian-family system; install Qt's EGL/GL/xkbcommon/fontconfig libraries and a CJK font yourself" >&2
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extra}"
echo "setup-env: ready (.venv)"
