#!/usr/bin/env python3
"""Map on a cluster, reduce on one machine: the vanban graph of a corpus with Dask.

Map: each Dask task runs `vanban extract -q --jsonl` on one partition of the documents and
returns its JSON Lines (one extraction record per document). Reduce, here on the client:
the records in a fixed order into `records.jsonl` (and `records.parquet` when pyarrow is
importable), then `vanban graph --from-jsonl records.jsonl --format json -o graph.json`.
`--check` also builds the graph from the documents with one local `vanban graph` and fails
(exit 1) unless both graphs are the same bytes.

    python examples/distributed/dask_graph.py --synthetic 2000 --check      # LocalCluster
    python examples/distributed/dask_graph.py --scheduler tcp://head-node:8786 --vanban /opt/vanban DOCS/

Every worker runs the vanban binary named by --vanban (default: target/release/vanban of this
repository); on a real cluster it must be installed at that path on each worker. With the
default (shared file system) the workers read the documents at the paths the client gives,
so those paths must resolve on every worker (the task runs in the client's working directory
when the worker has it); --ship sends the documents' bytes to the workers instead, for
clusters without a shared file system (paths must then be relative, below the working
directory). Run from the repository root. Needs `dask[distributed]`; pyarrow is optional.

Exit codes: 0 done (with --check: the graphs are the same bytes), 1 the graphs differ, 3 a
task failed (a document vanban could not read, or no vanban binary on a worker; the message
names the worker and the file).
"""

import argparse
import hashlib
import json
import logging
import os
import socket
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The 34 provinces of examples/scale.rs, in its order.
PROVINCES = [
    "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng",
    "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp",
    "Cà Mau", "An Giang", "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn",
    "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng",
]


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Extract on a Dask cluster, build the vanban graph on this machine.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="documents or directories of .txt (default: seeds/ and corpus/)")
    p.add_argument("--synthetic", type=int, default=0, metavar="N",
                   help="also write N synthetic documents (the scheme of examples/scale.rs) "
                        "under OUT/docs/ and include them")
    p.add_argument("--out", default="target/distributed",
                   help="output directory (default: target/distributed)")
    p.add_argument("--vanban", default=os.path.join(REPO, "target", "release", "vanban"),
                   help="the vanban binary, at the same path on every worker")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="a running scheduler (tcp://host:8786); default: a LocalCluster")
    p.add_argument("--scheduler-file", metavar="FILE",
                   help="the scheduler's address from the file `dask scheduler "
                        "--scheduler-file FILE` wrote (a cluster on a shared file system)")
    p.add_argument("--workers", type=int, default=2,
                   help="LocalCluster worker processes (default 2, one thread each)")
    p.add_argument("--wait-workers", type=int, default=1, metavar="N",
                   help="with a scheduler: wait (up to 2 minutes) until N workers are there")
    p.add_argument("--partitions", type=int, default=0,
                   help="tasks (default: 4 per worker thread)")
    p.add_argument("--task-threads", type=int, default=0,
                   help="threads of each vanban task (RAYON_NUM_THREADS; default 1 on a "
                        "LocalCluster, vanban's own choice on a remote cluster)")
    p.add_argument("--ship", action="store_true",
                   help="send the documents' bytes to the workers (no shared file system)")
    p.add_argument("--check", action="store_true",
                   help="compare with a local `vanban graph` over the same files; exit 1 if "
                        "the bytes differ")
    return p.parse_args(argv)


def document_bodies(vanban, corpus_dir):
    """The bodies (text after the header) of the bundled corpus documents, in name order."""
    names = sorted(n for n in os.listdir(corpus_dir) if n.endswith(".txt"))
    bodies = []
    for name in names:
        path = os.path.join(corpus_dir, name)
        tree = subprocess.run([vanban, "parse", "-q", path, "--format", "json"],
                              check=True, capture_output=True).stdout
        end = json.loads(tree)["header"]["span"]["end"]
        data = open(path, "rb").read()
        # The offset is into the normalised text; snap to the next line of the file.
        nl = data.find(b"\n", max(end - 1, 0))
        bodies.append(data[nl + 1:].decode("utf-8") if nl >= 0 else "")
    return bodies


def synthetic_document(i, bodies):
    """Document i of examples/scale.rs: a province plan that implements an earlier one."""
    p = PROVINCES[i % len(PROVINCES)]
    seq = i // len(PROVINCES) + 1

    def date(s):
        return 1 + s % 28, 1 + (s // 28) % 12

    d, m = date(seq)
    s = (f"ỦY BAN NHÂN DÂN\nTỈNH {p.upper()}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         f"Độc lập - Tự do - Hạnh phúc\nSố: {seq}/KH-UBND\n{p}, ngày {d:02} tháng {m:02} năm 2025\n"
         "KẾ HOẠCH\n")
    if seq > 1:
        parent = seq // 2
        pd, pm = date(parent)
        s += (f"Thực hiện Kế hoạch số {parent}/KH-UBND ngày {pd}/{pm}/2025 "
              f"của Ủy ban nhân dân tỉnh {p}\n")
    else:
        s += "Về việc triển khai nhiệm vụ năm 2025\n"
    s += f"Căn cứ Nghị định số {1 + i % 500}/2024/NĐ-CP ngày 05/3/2024 của Chính phủ;\n"
    return s + bodies[i % len(bodies)]


def write_synthetic(n, out, vanban):
    """Write n synthetic documents under OUT/docs/synthetic/ (same bytes every run)."""
    bodies = document_bodies(vanban, os.path.join(REPO, "corpus"))
    folder = os.path.join(out, "docs", "synthetic")
    os.makedirs(folder, exist_ok=True)
    paths = []
    for i in range(n):
        path = os.path.join(folder, f"{i:06}.txt")
        data = synthetic_document(i, bodies).encode("utf-8")
        if not os.path.exists(path) or open(path, "rb").read() != data:
            with open(path, "wb") as f:
                f.write(data)
        paths.append(path)
    return paths


def list_documents(paths):
    """Files as given and the .txt files under directories, sorted, each once."""
    found = set()
    for path in paths:
        if os.path.isdir(path):
            for root, _, files in os.walk(path):
                found.update(os.path.join(root, f) for f in files if f.endswith(".txt"))
        else:
            found.add(path)
    return sorted(found)


def run_extract(vanban, cwd, names, threads):
    """The map step on one machine: extract the named files, one record line per document."""
    env = dict(os.environ)
    if threads:
        env["RAYON_NUM_THREADS"] = str(threads)
    try:
        done = subprocess.run([vanban, "extract", "-q", "--jsonl", "--files-from", "-"],
                              input="".join(n + "\n" for n in names).encode("utf-8"),
                              cwd=cwd, env=env, capture_output=True)
    except OSError as e:
        raise RuntimeError(f"cannot run {vanban} on worker {socket.gethostname()}: {e}") from None
    if done.returncode != 0:
        raise RuntimeError(f"vanban extract exited with {done.returncode} on worker "
                           f"{socket.gethostname()}: "
                           + done.stderr.decode("utf-8", "replace")[-2000:].strip())
    records = []
    for line in done.stdout.decode("utf-8").splitlines():
        if line:
            records.append((json.loads(line)["source"], line))
    return records


def extract_paths(vanban, cwd, names, threads):
    """Task, shared file system: the worker reads the files itself."""
    return run_extract(vanban, cwd if os.path.isdir(cwd) else None, names, threads)


def extract_shipped(vanban, docs, threads):
    """Task, shipped documents: write them under a temporary directory by their relative
    names, so each record's `source` is the name the client knows."""
    with tempfile.TemporaryDirectory(prefix="vanban-map-") as tmp:
        for name, data in docs:
            path = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
        return run_extract(vanban, tmp, [n for n, _ in docs], threads)


def partitions(items, k):
    """k contiguous slices of about equal length (the same split every run)."""
    k = max(1, min(k, len(items)))
    size, extra = divmod(len(items), k)
    out, at = [], 0
    for j in range(k):
        n = size + (1 if j < extra else 0)
        out.append(items[at:at + n])
        at += n
    return out


def shipped_name(path):
    name = os.path.normpath(os.path.relpath(path) if os.path.isabs(path) else path)
    if os.path.isabs(name) or name.split(os.sep)[0] == "..":
        sys.exit(f"error: --ship needs documents below the working directory: {path}")
    return name


def map_on_cluster(client, args, docs, threads):
    """Submit one task per partition and gather the records, partition by partition."""
    nthreads = sum(client.nthreads().values()) or 1
    parts = partitions(docs, args.partitions or 4 * nthreads)
    vanban = args.vanban
    if args.ship:
        payloads = [[(n, open(n, "rb").read()) for n in part] for part in parts]
        remote = client.scatter(payloads)
        futures = [client.submit(extract_shipped, vanban, r, threads, pure=False) for r in remote]
    else:
        cwd = os.getcwd()
        futures = [client.submit(extract_paths, vanban, cwd, part, threads, pure=False)
                   for part in parts]
    return client.gather(futures), len(parts), nthreads


def reduce_records(results, docs, out):
    """records.jsonl in the order of `docs` (sorted paths), each document exactly once."""
    by_source = {}
    for records in results:
        for source, line in records:
            if source in by_source:
                sys.exit(f"error: two records for {source}")
            by_source[source] = line
    missing = [d for d in docs if d not in by_source]
    if missing or len(by_source) != len(docs):
        sys.exit(f"error: {len(missing)} documents without a record (first: {missing[:3]})")
    lines = [by_source[d] for d in docs]
    path = os.path.join(out, "records.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(line + "\n" for line in lines)
    return path, lines


def write_parquet(lines, out):
    """records.parquet: a few columns to filter on, and the whole record as JSON text."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return None
    rows = []
    for line in lines:
        r = json.loads(line)
        rows.append({
            "source": r.get("source"), "id": r.get("id"), "kind": r.get("kind"),
            "number": (r.get("number") or {}).get("normalized"),
            "issuer": (r.get("issuer") or {}).get("name"), "date": r.get("date"),
            "title": r.get("title"), "citations": len(r.get("citations") or []),
            "relations": len(r.get("relations") or []),
            "assignments": len(r.get("assignments") or []),
            "diagnostics": len(r.get("diagnostics") or []), "record": line,
        })
    path = os.path.join(out, "records.parquet")
    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def start_client(args):
    from dask.distributed import Client, LocalCluster
    if args.scheduler or args.scheduler_file:
        if args.scheduler:
            client = Client(args.scheduler, timeout="60s")
        else:
            client = Client(scheduler_file=args.scheduler_file, timeout="60s")
        client.wait_for_workers(args.wait_workers, timeout=120)
        return client, None
    cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.CRITICAL)
    return Client(cluster), cluster


def main(argv=None):
    args = parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    if os.path.exists(args.vanban):
        args.vanban = os.path.abspath(args.vanban)
    paths = args.paths or [p for p in ("seeds", "corpus") if os.path.isdir(p)]
    if args.synthetic:
        t = time.perf_counter()
        paths = paths + write_synthetic(args.synthetic, args.out, args.vanban)
        print(f"wrote {args.synthetic} synthetic documents in {time.perf_counter() - t:.1f} s")
    docs = list_documents(paths)
    if args.ship:
        docs = sorted({shipped_name(d) for d in docs})
    if not docs:
        sys.exit("error: no documents")
    size = sum(os.path.getsize(d) for d in docs)
    remote = args.scheduler or args.scheduler_file
    threads = args.task_threads or (0 if remote else 1)

    t0 = time.perf_counter()
    client, cluster = start_client(args)
    try:
        t1 = time.perf_counter()
        results, nparts, nthreads = map_on_cluster(client, args, docs, threads)
        t2 = time.perf_counter()
    except RuntimeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 3
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    records, lines = reduce_records(results, docs, args.out)
    parquet = write_parquet(lines, args.out)
    graph = os.path.join(args.out, "graph.json")
    subprocess.run([args.vanban, "graph", "-q", "--from-jsonl", records, "--format", "json",
                    "-o", graph], check=True)
    t3 = time.perf_counter()
    print(f"{len(docs)} documents ({size / 1e6:.1f} MB) in {nparts} tasks on {nthreads} "
          f"worker threads: cluster start {t1 - t0:.1f} s, map {t2 - t1:.1f} s, "
          f"reduce {t3 - t2:.1f} s, total {t3 - t0:.1f} s")
    print(f"wrote {records}" + (f", {parquet}" if parquet else "") + f", {graph}")
    if not args.check:
        return 0
    local = os.path.join(args.out, "graph-local.json")
    t = time.perf_counter()
    subprocess.run([args.vanban, "graph", "-q", "--format", "json", "-o", local, *docs],
                   check=True)
    print(f"local `vanban graph` over the same files: {time.perf_counter() - t:.1f} s")
    if sha256(graph) != sha256(local):
        print(f"error: {graph} and {local} differ", file=sys.stderr)
        return 1
    print(f"same bytes: {graph} = {local} (sha256 {sha256(graph)[:16]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
