"""Load the graph of the bundled corpus into Kùzu, an embedded graph database, twice: from the
CSV files of `vanban graph --format csv` (made for `neo4j-admin database import`) and from
the Cypher script of `vanban graph --format cypher`. Both databases must hold every node and
edge of the node-link JSON export with the same properties, and the seed's implementation
chain must be found by a variable-length Cypher path query in each.

Usage: check_graphdb.py DIR, where DIR holds graph.json, graph.cypher and csv/ (nodes.csv,
relationships.csv).
"""

import csv
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import kuzu

LABELS = ["Document", "Agency", "Task"]
# neo4j-admin column types -> Kùzu types (no type: a string).
TYPES = {"": "STRING", "string": "STRING", "int": "INT32", "long": "INT64",
         "boolean": "BOOLEAN", "ID": "STRING", "START_ID": "STRING", "END_ID": "STRING",
         "LABEL": "STRING", "TYPE": "STRING"}
# Kùzu's dialect sniffing misreads quoted fields; the files are plain RFC 4180.
CSV_OPTIONS = "header=true, auto_detect=false, parallel=false, delim=',', quote='\"', escape='\"'"


def q(name):
    return "`" + name.replace("`", "``") + "`"


def header(path):
    """The columns of a neo4j-admin CSV header: (column name in Kùzu, property or None, type)."""
    with open(path, newline="", encoding="utf-8") as f:
        fields = next(csv.reader(f))
    cols = []
    for field in fields:
        name, _, ty = field.partition(":")
        if ty not in TYPES:
            sys.exit(f"{path}: unknown column type {field!r}")
        prop = name or None
        cols.append((name or "_" + ty.lower(), prop, TYPES[ty]))
    return cols


def rows(conn, query):
    r = conn.execute(query)
    out = []
    while r.has_next():
        out.append(r.get_next())
    return out


def load_with(path, cols):
    names = ", ".join(f"{q(c)} {t}" for c, _, t in cols)
    return f"LOAD WITH HEADERS ({names}) FROM '{path}' ({CSV_OPTIONS})"


def schema(conn, node_cols, rel_cols, pairs):
    """Kùzu tables from the CSV headers: one node table a label, one rel table a type."""
    props = ", ".join(f"{q(p)} {t}" for _, p, t in node_cols if p and p != "id")
    for label in LABELS:
        conn.execute(f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY, {props})")
    rprops = ", ".join(f"{q(p)} {t}" for _, p, t in rel_cols if p)
    for rel in sorted({t for t, _, _ in pairs}):
        ends = ", ".join(f"FROM {a} TO {b}" for t, a, b in sorted(pairs) if t == rel)
        conn.execute(f"CREATE REL TABLE {rel}({ends}, {rprops})")


def relation_kinds(csv_dir, node_cols, rel_cols):
    """(type, start label, end label) of every relationship, read by Kùzu from the CSV files."""
    db = kuzu.Database(None)
    conn = kuzu.Connection(db)
    conn.execute("CREATE NODE TABLE N(id STRING PRIMARY KEY, lbl STRING)")
    conn.execute("CREATE REL TABLE R(FROM N TO N, typ STRING)")
    conn.execute(f"COPY N FROM ({load_with(csv_dir / 'nodes.csv', node_cols)} "
                 "RETURN `id`, `_label`)")
    conn.execute(f"COPY R FROM ({load_with(csv_dir / 'relationships.csv', rel_cols)} "
                 "RETURN `_start_id`, `_end_id`, `_type`)")
    found = rows(conn, "MATCH (a:N)-[r:R]->(b:N) RETURN DISTINCT r.typ, a.lbl, b.lbl")
    return {tuple(r) for r in found}


def load_csv(conn, csv_dir, node_cols, rel_cols, pairs):
    nodes = load_with(csv_dir / "nodes.csv", node_cols)
    values = ", ".join(q(c) for c, p, _ in node_cols if p)
    for label in LABELS:
        conn.execute(f"COPY {label} FROM ({nodes} WHERE `_label` = '{label}' RETURN {values})")
    rels = load_with(csv_dir / "relationships.csv", rel_cols)
    rvalues = ", ".join(q(c) for c, p, _ in rel_cols if p)
    for rel, a, b in sorted(pairs):
        conn.execute(
            f"COPY {rel} FROM ({rels} WITH * WHERE `_type` = '{rel}' "
            f"MATCH (a:{a} {{id: `_start_id`}}), (b:{b} {{id: `_end_id`}}) "
            f"RETURN `_start_id`, `_end_id`, {rvalues}) (from='{a}', to='{b}')")


def load_cypher(conn, script):
    """Run the script statement by statement (a literal never holds a line break, so a
    statement ends with ';' at the end of a line); the constraints are Neo4j's schema, which
    the tables above stand for."""
    text = Path(script).read_text(encoding="utf-8")
    statements = [s.strip() for s in text.split(";\n") if s.strip()]
    skipped = 0
    for s in statements:
        lines = [ln for ln in s.splitlines() if not ln.startswith("//")]
        s = "\n".join(lines).strip()
        if not s:
            continue
        if s.startswith("CREATE CONSTRAINT "):
            skipped += 1
            continue
        try:
            conn.execute(s)
        except RuntimeError as e:
            sys.exit(f"{script}: Kùzu refused a statement: {e}\n{s[:300]}")
    if skipped != len(LABELS):
        sys.exit(f"{script}: {skipped} constraints, expected one a label")
    return len(statements)


def dump(conn):
    """Every node and edge with its properties (nulls left out), for comparison."""
    nodes = {}
    for label in LABELS:
        for (n,) in rows(conn, f"MATCH (n:{label}) RETURN n"):
            props = {k: v for k, v in n.items() if v is not None and not k.startswith("_")}
            nodes[props["id"]] = (label, props)
    edges = Counter()
    for a, b, r in rows(conn, "MATCH (a)-[r]->(b) RETURN a.id, b.id, r"):
        props = {k: v for k, v in r.items() if v is not None and not k.startswith("_")}
        edges[(a, b, r["_label"], json.dumps(props, sort_keys=True))] += 1
    return nodes, edges


def expected(graph):
    nodes = {}
    for n in graph["nodes"]:
        props = {k: v for k, v in n.items() if k != "claims"}
        nodes[n["id"]] = (n["kind"].capitalize(), props)
    edges = Counter()
    for e in graph["edges"]:
        props = {k: v for k, v in e.items() if k not in ("source", "target", "key", "type")}
        edges[(e["source"], e["target"], e["type"].upper(), json.dumps(props, sort_keys=True))] += 1
    return nodes, edges


# Implementation upward: 72-KL/TW continues implementing 13-NQ/TW.
CHAIN = ("MATCH p = (a:Document)-[:IMPLEMENTS|CONTINUES_IMPLEMENTING*1..8]->(b:Document) "
         "WHERE a.label = '208/KH-UBND' AND a.parsed AND b.label = '13-NQ/TW' "
         "RETURN properties(nodes(p), 'label'), properties(nodes(p), 'id')")
SEED_CHAIN = ["208/KH-UBND", "500-KH/TU", "72-KL/TW", "13-NQ/TW"]


def chain_ids(graph):
    """The ids of the seed chain, walked in the JSON export."""
    by_id = {n["id"]: n for n in graph["nodes"]}
    up = {}
    for e in graph["edges"]:
        if e["type"] in ("implements", "continues_implementing"):
            up.setdefault(e["source"], []).append(e["target"])
    start = [i for i, n in by_id.items() if n["label"] == SEED_CHAIN[0] and n.get("parsed")]
    ids = start[:1]
    for want in SEED_CHAIN[1:]:
        nxt = [t for t in up.get(ids[-1], []) if by_id[t]["label"] == want]
        if len(nxt) != 1:
            sys.exit(f"graph.json: no single {want} implemented by {ids[-1]}")
        ids.append(nxt[0])
    return ids


def main():
    out = Path(sys.argv[1])
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    want_nodes, want_edges = expected(graph)
    want_chain = chain_ids(graph)
    csv_dir = out / "csv"
    node_cols = header(csv_dir / "nodes.csv")
    rel_cols = header(csv_dir / "relationships.csv")
    pairs = relation_kinds(csv_dir, node_cols, rel_cols)
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for how in ("csv", "cypher"):
            db = kuzu.Database(str(Path(tmp) / how))
            conn = kuzu.Connection(db)
            schema(conn, node_cols, rel_cols, pairs)
            if how == "csv":
                load_csv(conn, csv_dir, node_cols, rel_cols, pairs)
            else:
                load_cypher(conn, out / "graph.cypher")
            nodes, edges = dump(conn)
            (n_count,) = rows(conn, "MATCH (n) RETURN count(n)")[0]
            (e_count,) = rows(conn, "MATCH ()-[r]->() RETURN count(r)")[0]
            if (n_count, e_count) != (len(graph["nodes"]), len(graph["edges"])):
                sys.exit(f"{how}: {n_count} nodes and {e_count} edges in Kùzu, "
                         f"{len(graph['nodes'])} and {len(graph['edges'])} in graph.json")
            for key in want_nodes.keys() | nodes.keys():
                if want_nodes.get(key) != nodes.get(key):
                    sys.exit(f"{how}: node {key}: Kùzu has {nodes.get(key)}, "
                             f"graph.json {want_nodes.get(key)}")
            if edges != want_edges:
                diff = list((edges - want_edges).items())[:3] + list((want_edges - edges).items())[:3]
                sys.exit(f"{how}: the edges differ from graph.json: {diff}")
            found = rows(conn, CHAIN)
            if [(labels, ids) for labels, ids in found] != [(SEED_CHAIN, want_chain)]:
                sys.exit(f"{how}: the chain query found {found}, expected {SEED_CHAIN} {want_chain}")
            results[how] = (nodes, edges)
            print(f"kuzu {kuzu.__version__} loaded the {how} export: {n_count} nodes, "
                  f"{e_count} edges of {len(pairs)} kinds (type, start and end label); chain "
                  + " -> ".join(reversed(SEED_CHAIN)) + ": ok")
        if results["csv"] != results["cypher"]:
            sys.exit("the CSV and Cypher loads differ")
    print("kuzu: the CSV import and the Cypher script give the same database: ok")


if __name__ == "__main__":
    main()
