#!/usr/bin/env bash
# The Python package: build it from python/ with pip (maturin from PyPI, cargo for
# crates/vanban-py) into a venv under target/, with pytest, networkx and pandas, and run its
# tests (python/tests/), which compare its answers with the command-line tool's.
#
# usage: python/ci.sh [PYTEST ARGS...]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
venv=$target/python/venv
if [ ! -x "$venv/bin/python" ]; then
  mkdir -p "$target/python"
  python3 -m venv "$venv"
fi
# The tests run the binary for the round trips against the command line.
cargo build --release -q
export VANBAN_BIN="$target/release/vanban"
"$venv/bin/python" -c "import pytest, networkx, pandas" 2>/dev/null \
  || "$venv/bin/pip" install -q --disable-pip-version-check pytest networkx pandas
# A local directory is built and installed afresh each time (pip does not cache it).
"$venv/bin/pip" install -q --disable-pip-version-check ./python
# From the repository root, so that python/vanban (without its native half) is not the one
# imported; the cache would land in python/.
"$venv/bin/python" -m pytest -q -p no:cacheprovider python/tests "$@"
