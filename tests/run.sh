#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian machine, then run the
# linters, the type checker and the test suite (offscreen, no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/setup-env.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy --strict"
.venv/bin/mypy
if [ "${CI:-}" = true ] && [ "${HAIZHU_SKIP_PACKAGING:-}" != 1 ]; then
  # CI also builds the offline packages and proves the .deb on a clean
  # Debian with no network (needs root; about 4 minutes), then the Windows ones.
  echo "== packaging: build-linux.sh + smoke-test.sh"
  mkdir -p build
  bash packaging/build-linux.sh > build/packaging.log 2>&1 || { tail -n 60 build/packaging.log; exit 1; }
  tail -n 10 dist/build-info.txt
  # Exit 125 means this machine cannot make a clean root (debootstrap or
  # namespaces unavailable, e.g. inside a chroot): say so and go on. Any other
  # failure is the app's and fails the run.
  rc=0
  bash packaging/smoke-test.sh || rc=$?
  if [ "$rc" -eq 125 ]; then
    echo "== packaging: WARNING: no clean root here; the .deb smoke test did not run"
  elif [ "$rc" -ne 0 ]; then
    exit "$rc"
  fi
  # Windows: the installer and the portable zip, built and proven under Wine
  # (about 5 minutes once Wine is installed; installing it takes a few more).
  # Exit 125 means this machine cannot run Wine: say so and go on.
  echo "== packaging (Windows, under Wine): build-wine.sh + smoke-test-wine.sh"
  rc=0
  bash packaging/windows/build-wine.sh > build/packaging-windows.log 2>&1 || rc=$?
  if [ "$rc" -eq 125 ]; then
    grep 'cannot run Wine here' build/packaging-windows.log || true
    echo "== packaging: WARNING: cannot run Wine here; the Windows build and its smoke test did not run"
  elif [ "$rc" -ne 0 ]; then
    tail -n 60 build/packaging-windows.log
    exit "$rc"
  else
    cat dist/build-info-windows.txt
    rc=0
    bash packaging/windows/smoke-test-wine.sh || rc=$?
    if [ "$rc" -eq 125 ]; then
      echo "== packaging: WARNING: cannot run Wine here; the Windows smoke test did not run"
    elif [ "$rc" -ne 0 ]; then
      exit "$rc"
    fi
  fi
fi
echo "== pytest"
.venv/bin/pytest "$@"
