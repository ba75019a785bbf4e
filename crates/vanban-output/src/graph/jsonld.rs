//! JSON-LD, the triples of the Turtle export.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Serialize, Serializer};
use serde_json::{json, Map, Value};
use vanban_graph::{Graph, Node};
use vanban_text::Sub;

use super::rdf::{iri, rdf_links, rdf_literals, rdf_type, RdfLinks, ELI_NS, VANBAN_NS};
use super::{selected, ExportOptions};

/// The whole file: the context and the node objects.
#[derive(Serialize)]
pub(crate) struct Document<'a> {
    #[serde(rename = "@context")]
    context: Value,
    #[serde(rename = "@graph")]
    graph: Vec<NodeObject<'a>>,
}

/// One node object, made when it is written (the graph's objects are not all held at once).
struct NodeObject<'a> {
    node: &'a Node,
    links: &'a RdfLinks<'a>,
}

impl Serialize for NodeObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        node_object(self.node, self.links).serialize(s)
    }
}

/// JSON-LD of the same triples as [`turtle`](super::turtle).
pub fn jsonld(g: &Graph, o: ExportOptions) -> Value {
    with_document(g, o, |d| serde_json::to_value(d).unwrap_or(Value::Null))
}

/// `vanban graph --format jsonld`: the text of [`jsonld`], each node object made as it is
/// written (the same bytes).
pub(crate) fn jsonld_text(g: &Graph, o: ExportOptions) -> String {
    with_document(g, o, |d| crate::json_text(d))
}

pub(crate) fn with_document<R>(
    g: &Graph,
    o: ExportOptions,
    f: impl FnOnce(&Document<'_>) -> R,
) -> R {
    let (nodes, edges) = selected(g, o);
    let links = rdf_links(&edges);
    let document = Document {
        context: json!({
            "eli": ELI_NS,
            "vb": VANBAN_NS,
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        }),
        graph: nodes
            .iter()
            .map(|node| NodeObject {
                node,
                links: &links,
            })
            .collect(),
    };
    f(&document)
}

/// A node's object: its IRI, type, literals, and each property once with its targets by IRI.
fn node_object(n: &Node, out_of: &RdfLinks<'_>) -> Value {
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
    let mut props: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (p, l, t) in out_of.get(n.id.as_str()).into_iter().flatten() {
        props.entry(format!("{p}:{l}")).or_default().insert(iri(t));
    }
    for (k, targets) in props {
        let ids: Vec<Value> = targets.iter().map(|t| json!({ "@id": t })).collect();
        m.insert(k, Value::Array(ids));
    }
    Value::Object(m)
}
