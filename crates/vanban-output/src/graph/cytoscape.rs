//! Cytoscape.js elements JSON.

use serde_json::{json, Map, Value};
use vanban_graph::Graph;

use super::records::{edge_attrs, edge_keys, node_attrs};
use super::{selected, ExportOptions};

/// Cytoscape.js elements JSON (`cytoscape({ elements: data.elements })`; Cytoscape desktop
/// imports it as `.cyjs`).
pub fn cytoscape(g: &Graph, o: ExportOptions) -> Value {
    let (nodes, edges) = selected(g, o);
    let nodes: Vec<Value> = nodes
        .iter()
        .map(|n| {
            let mut m = Map::new();
            m.insert("id".to_owned(), json!(n.id));
            for (k, v) in node_attrs(n) {
                m.insert(k, v);
            }
            json!({ "data": Value::Object(m), "group": "nodes" })
        })
        .collect();
    let keys = edge_keys(&edges);
    let edges: Vec<Value> = edges
        .iter()
        .zip(keys)
        .map(|(e, key)| {
            let mut m = Map::new();
            m.insert(
                "id".to_owned(),
                json!(format!(
                    "{}|{}|{}|{}",
                    e.source, e.target, key, e.asserted_by
                )),
            );
            m.insert("source".to_owned(), json!(e.source));
            m.insert("target".to_owned(), json!(e.target));
            m.insert("key".to_owned(), json!(key));
            for (k, v) in edge_attrs(e) {
                m.insert(k, v);
            }
            json!({ "data": Value::Object(m), "group": "edges" })
        })
        .collect();
    json!({
        "data": { "name": "vanban" },
        "elements": { "nodes": nodes, "edges": edges },
    })
}
