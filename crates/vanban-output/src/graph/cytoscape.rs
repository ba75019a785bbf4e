//! Cytoscape.js elements JSON.

use serde::Serialize;
use serde_json::Value;
use vanban_graph::Graph;

use super::records::{edge_keys, EdgeAttrs, NodeRecord};
use super::{selected, ExportOptions};

/// The whole file: `{"data": {"name": "vanban"}, "elements": {"nodes": …, "edges": …}}`.
#[derive(Serialize)]
pub(crate) struct Elements<'a> {
    data: Name,
    elements: Groups<'a>,
}

#[derive(Serialize)]
struct Name {
    name: &'static str,
}

#[derive(Serialize)]
struct Groups<'a> {
    nodes: Vec<Element<NodeRecord<'a>>>,
    edges: Vec<Element<EdgeData<'a>>>,
}

/// One element: its data and its group ("nodes" or "edges").
#[derive(Serialize)]
struct Element<T> {
    data: T,
    group: &'static str,
}

/// An edge's data: an id, its ends, its key among parallel edges, then its attributes.
#[derive(Serialize)]
struct EdgeData<'a> {
    id: String,
    source: &'a str,
    target: &'a str,
    key: String,
    #[serde(flatten)]
    attrs: EdgeAttrs<'a>,
}

/// Cytoscape.js elements JSON (`cytoscape({ elements: data.elements })`; Cytoscape desktop
/// imports it as `.cyjs`).
pub fn cytoscape(g: &Graph, o: ExportOptions) -> Value {
    with_elements(g, o, |e| serde_json::to_value(e).unwrap_or(Value::Null))
}

/// `vanban graph --format cytoscape`: the text of [`cytoscape`], serialised from the records
/// directly (no `Value` tree of the whole graph; the same bytes).
pub(crate) fn cytoscape_text(g: &Graph, o: ExportOptions) -> String {
    with_elements(g, o, |e| crate::json_text(e))
}

/// Build the elements (borrowing from the graph) and hand them to `f`.
pub(crate) fn with_elements<R>(
    g: &Graph,
    o: ExportOptions,
    f: impl FnOnce(&Elements<'_>) -> R,
) -> R {
    let (nodes, edges) = selected(g, o);
    let keys = edge_keys(&edges);
    let elements = Elements {
        data: Name { name: "vanban" },
        elements: Groups {
            // A node's record starts with its id, as Cytoscape wants.
            nodes: nodes
                .iter()
                .map(|n| Element {
                    data: NodeRecord::of(n, false),
                    group: "nodes",
                })
                .collect(),
            edges: edges
                .iter()
                .zip(keys)
                .map(|(e, key)| Element {
                    data: EdgeData {
                        id: format!("{}|{}|{}|{}", e.source, e.target, key, e.asserted_by),
                        source: e.source,
                        target: e.target,
                        key,
                        attrs: EdgeAttrs::of(e),
                    },
                    group: "edges",
                })
                .collect(),
        },
    };
    f(&elements)
}
