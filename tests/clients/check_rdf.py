"""Load the Turtle and JSON-LD exports with rdflib: the same triples, ELI relation names, and
the seed's implementation chain walked with SPARQL."""
import sys

import rdflib
import rdflib.compare

out = sys.argv[1]
ttl = rdflib.Graph().parse(f"{out}/graph.ttl", format="turtle")
jld = rdflib.Graph().parse(f"{out}/graph.jsonld", format="json-ld")
assert len(ttl) == len(jld), (len(ttl), len(jld))
assert rdflib.compare.isomorphic(ttl, jld), "Turtle and JSON-LD hold the same triples"
q = """
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX vb: <urn:vanban:ontology:>
SELECT ?n1 ?n2 ?n3 WHERE {
  ?seed eli:id_local "208/KH-UBND" ; vb:parsed true ; eli:implements ?a .
  ?a eli:id_local ?n1 ; eli:implements ?b .
  ?b eli:id_local ?n2 ; vb:continues_implementing ?c .
  ?c eli:id_local ?n3 .
}"""
rows = [tuple(str(x) for x in r) for r in ttl.query(q)]
assert rows == [("500-KH/TU", "72-KL/TW", "13-NQ/TW")], rows
print(f"rdflib {rdflib.__version__} loaded graph.ttl and graph.jsonld ({len(ttl)} triples, isomorphic); SPARQL chain: ok")
