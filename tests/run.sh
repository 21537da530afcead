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
echo "== pytest"
.venv/bin/pytest "$@"
