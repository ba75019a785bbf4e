#!/usr/bin/env bash
# Map on a cluster, reduce on one machine: examples/distributed/dask_graph.py with Dask
# distributed (installed into target/clients/venv from PyPI when missing, with pyarrow), twice:
#  1. a LocalCluster (2 worker processes, one thread each) reading the documents from the
#     shared file system: the bundled corpus and 1 000 synthetic documents;
#  2. a cluster started the way a real one is (`dask scheduler` and `dask worker` as separate
#     processes, on 127.0.0.1), with the documents' bytes shipped to the workers (--ship).
# Each run fails unless the graph built from the workers' records is byte for byte the graph
# of one local `vanban graph` over the same files; the records are then counted in
# records.jsonl and records.parquet.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/clients
mkdir -p "$out"
cargo build --release -q
bin="${CARGO_TARGET_DIR:-target}/release/vanban"
if [ ! -x "$out/venv/bin/python" ]; then python3 -m venv "$out/venv"; fi
py="$out/venv/bin/python"
"$py" -c "import distributed" 2>/dev/null || "$out/venv/bin/pip" install -q 'dask[distributed]'
"$py" -c "import pyarrow" 2>/dev/null || "$out/venv/bin/pip" install -q pyarrow

# Same records and Parquet rows as documents (the script already checked one record each).
count() {
  "$py" - "$1" "$2" <<'EOF'
import sys
import pyarrow.parquet as pq
out, want = sys.argv[1], int(sys.argv[2])
lines = sum(1 for _ in open(f"{out}/records.jsonl", encoding="utf-8"))
rows = pq.read_metadata(f"{out}/records.parquet").num_rows
assert lines == rows == want, (lines, rows, want)
print(f"{out}: {lines} records in records.jsonl and records.parquet")
EOF
}

# 1. LocalCluster, shared file system.
d1=target/distributed/local
rm -f "$d1"/records.* "$d1"/graph*.json
"$py" examples/distributed/dask_graph.py --vanban "$bin" --out "$d1" --synthetic 1000 --check
count "$d1" 1077

# 2. A scheduler and two workers started by hand, documents shipped.
d2=target/distributed/remote
rm -rf "$d2" && mkdir -p "$d2"
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT
"$out/venv/bin/dask" scheduler --host 127.0.0.1 --port 0 --no-dashboard \
  --scheduler-file "$d2/scheduler.json" >"$d2/scheduler.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -s "$d2/scheduler.json" ] && break; sleep 0.2; done
"$out/venv/bin/dask" worker --scheduler-file "$d2/scheduler.json" --host 127.0.0.1 --nworkers 2 --nthreads 1 \
  --no-dashboard --local-directory "$d2/workers" >"$d2/workers.log" 2>&1 &
pids+=($!)
"$py" examples/distributed/dask_graph.py --vanban "$bin" --out "$d2" --synthetic 200 --ship \
  --scheduler-file "$d2/scheduler.json" --wait-workers 2 --task-threads 1 --check
count "$d2" 277
stop
trap - EXIT

# 3. The check can fail: a map step whose records are altered (every plan read as a report)
# must not give the bytes of the local graph.
d3=target/distributed/altered
rm -rf "$d3" && mkdir -p "$d3"
real="$(cd "$(dirname "$bin")" && pwd)/vanban"
printf '#!/bin/sh\nif [ "$1" = extract ]; then "%s" "$@" | sed "s/\\"kind\\":\\"plan\\"/\\"kind\\":\\"report\\"/"; else exec "%s" "$@"; fi\n' \
  "$real" "$real" >"$d3/vanban"
chmod +x "$d3/vanban"
if "$py" examples/distributed/dask_graph.py --vanban "$d3/vanban" --out "$d3" --check \
  >"$d3/log" 2>&1; then
  echo "error: altered records gave the same graph as the documents" >&2
  exit 1
fi
grep -q "differ" "$d3/log" || { cat "$d3/log" >&2; exit 1; }
echo "altered records: the graphs differ, as they must"
echo "distributed: 3 passed, 0 failed"
