//! JSON-LD, the triples of the Turtle export.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};
use vanban_graph::Graph;
use vanban_text::Sub;

use super::rdf::{iri, rdf_links, rdf_literals, rdf_type, ELI_NS, VANBAN_NS};
use super::{selected, ExportOptions};

/// JSON-LD of the same triples as [`turtle`](super::turtle).
pub fn jsonld(g: &Graph, o: ExportOptions) -> Value {
    let (nodes, edges) = selected(g, o);
    let out_of = rdf_links(&edges);
    let graph: Vec<Value> = nodes
        .iter()
        .map(|n| {
            let (tp, tl) = rdf_type(n.kind);
            let mut m = Map::new();
            m.insert("@id".to_owned(), json!(iri(&n.id)));
            m.insert("@type".to_owned(), json!(format!("{tp}:{tl}")));
            for (p, l, value, ty) in rdf_literals(n) {
                let v = match ty {
                    Some(lang) if lang.starts_with('@') => {
                        json!({ "@value": value, "@language": lang.sub(1..) })
                    }
                    Some(dt) => json!({ "@value": value, "@type": dt }),
                    None => json!(value),
                };
                m.insert(format!("{p}:{l}"), v);
            }
            // Each property once, with its targets by IRI.
            let mut props: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
            for (p, l, t) in out_of.get(n.id.as_str()).into_iter().flatten() {
                props.entry(format!("{p}:{l}")).or_default().insert(iri(t));
            }
            for (k, targets) in props {
                let ids: Vec<Value> = targets.iter().map(|t| json!({ "@id": t })).collect();
                m.insert(k, Value::Array(ids));
            }
            Value::Object(m)
        })
        .collect();
    json!({
        "@context": {
            "eli": ELI_NS,
            "vb": VANBAN_NS,
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@graph": graph,
    })
}
