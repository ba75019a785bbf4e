#!/usr/bin/env bash
# A short, fixed-seed fuzz run of both targets, for CI: the same libFuzzer targets cargo-fuzz
# runs, built here without cargo-fuzz (plain cargo with the coverage instrumentation flags; no
# AddressSanitizer: vanban forbids unsafe code, so the fuzzer hunts panics, hangs and
# excessive memory). Exits non-zero on a crash; the input is saved under fuzz/artifacts/.
#
# usage: fuzz/ci.sh [SECONDS per target, default 60]
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-60}
export RUSTC_BOOTSTRAP=1
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
export CARGO_TARGET_DIR=target/ci
# An explicit --target keeps the instrumentation flags off build scripts (as cargo-fuzz does).
host=$(rustc -vV | sed -n 's/^host: //p')
cargo build --release -q --bins --target "$host"
./seed.sh >/dev/null
for t in parse extract; do
  mkdir -p "artifacts/$t" "corpus-ci/$t"
  # A fresh working corpus each run (seeded from the bundled documents), so the run is the
  # same on every machine: fixed seed, fixed inputs, fixed time.
  rm -rf "corpus-ci/$t"/*
  "$CARGO_TARGET_DIR/$host/release/$t" "corpus-ci/$t" "corpus/$t" -seed=1 -max_total_time="$secs" \
    -max_len=65536 -timeout=20 -rss_limit_mb=3072 -artifact_prefix="artifacts/$t/" \
    -print_final_stats=1 2>&1 | grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY|.*panicked)" || true
  if ls "artifacts/$t"/crash-* "artifacts/$t"/timeout-* "artifacts/$t"/oom-* >/dev/null 2>&1; then
    echo "fuzz: $t found a failing input: $(ls artifacts/$t)" >&2
    exit 1
  fi
  echo "fuzz: $t ran ${secs}s without a failure"
done
