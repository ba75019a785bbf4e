"""Load the node-link JSON and the GraphML export with networkx and query them."""
import json
import sys

import networkx as nx

out = sys.argv[1]
with open(f"{out}/graph.json", encoding="utf-8") as f:
    data = json.load(f)
g = nx.node_link_graph(data, edges="edges")
assert isinstance(g, nx.MultiDiGraph), type(g)
assert g.number_of_nodes() == len(data["nodes"]), (g.number_of_nodes(), len(data["nodes"]))
assert g.number_of_edges() == len(data["edges"]), (g.number_of_edges(), len(data["edges"]))

# The seed's chain, walked with networkx alone.
seed = [n for n, d in g.nodes(data=True) if d.get("number") == "208/KH-UBND" and d.get("parsed")]
assert len(seed) == 1, seed
implementing = {"implements", "continues_implementing", "details", "guides"}
chain, at = [], seed[0]
while True:
    up = sorted({v for _, v, d in g.out_edges(at, data=True) if d["type"] in implementing})
    if not up:
        break
    at = up[0]
    chain.append(g.nodes[at]["number"])
assert chain == ["500-KH/TU", "72-KL/TW", "13-NQ/TW"], chain

h = nx.read_graphml(f"{out}/graph.graphml", force_multigraph=True)
assert h.number_of_nodes() == g.number_of_nodes(), (h.number_of_nodes(), g.number_of_nodes())
assert h.number_of_edges() == g.number_of_edges(), (h.number_of_edges(), g.number_of_edges())
node = h.nodes[seed[0]]
assert node["parsed"] is True and isinstance(node["year"], int), node
print(f"networkx {nx.__version__} loaded graph.json and graph.graphml "
      f"({g.number_of_nodes()} nodes, {g.number_of_edges()} edges): ok")
