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
  # Debian with no network (needs root; about 4 minutes).
  echo "== packaging: build-linux.sh + smoke-test.sh"
  mkdir -p build
  bash packaging/build-linux.sh > build/packaging.log 2>&1 || { tail -n 60 build/packaging.log; exit 1; }
  tail -n 8 dist/build-info.txt
  bash packaging/smoke-test.sh
fi
echo "== pytest"
.venv/bin/pytest "$@"
