//! Node-link JSON, the format networkx reads (`node_link_graph(data, edges="edges")`).

use serde::Serialize;
use serde_json::Value;
use vanban_graph::{Graph, GraphDiagnostic};

use super::records::{edge_keys, EdgeAttrs, EdgeRecord, NodeRecord};
use super::{selected, ExportOptions};

/// The output of `vanban graph --format json`: node-link JSON that
/// networkx.node_link_graph(data, edges="edges") loads as a MultiDiGraph. Nodes are sorted
/// by id, edges by source, target, type and evidence.
#[derive(Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(title = "vanban graph (node-link JSON)", deny_unknown_fields)
)]
pub(crate) struct NodeLink<'a> {
    /// Always true.
    #[cfg_attr(feature = "schema", schemars(extend("const" = true)))]
    directed: bool,
    /// Always true: two documents may be linked by several relations.
    #[cfg_attr(feature = "schema", schemars(extend("const" = true)))]
    multigraph: bool,
    /// About the graph as a whole.
    graph: About<'a>,
    /// The nodes: documents, agencies, tasks.
    nodes: Vec<NodeRecord<'a>>,
    /// The edges, with their evidence.
    edges: Vec<EdgeRecord<'a>>,
}

/// About the graph as a whole.
#[derive(Debug, Serialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(deny_unknown_fields)
)]
struct About<'a> {
    /// Always "vanban".
    #[cfg_attr(feature = "schema", schemars(extend("const" = "vanban")))]
    name: &'static str,
    /// Documents parsed.
    documents_parsed: usize,
    /// Documents known only from citations.
    stubs: usize,
    /// Findings about the corpus: duplicate documents, metadata conflicts, cycles.
    diagnostics: &'a [GraphDiagnostic],
}

/// Node-link JSON: `networkx.node_link_graph(data, edges="edges")` loads it as a
/// `MultiDiGraph`. Document nodes also carry their `claims` (what each citation says).
pub fn node_link(g: &Graph, o: ExportOptions) -> Value {
    with_node_link(g, o, |data| {
        serde_json::to_value(data).unwrap_or(Value::Null)
    })
}

/// `vanban graph --format json`: the text of [`node_link`], serialised from the records
/// directly (no `Value` tree of the whole graph is built; the same bytes).
pub(crate) fn node_link_text(g: &Graph, o: ExportOptions) -> String {
    with_node_link(g, o, |data| crate::json_text(data))
}

/// Build the node-link records (borrowing from the graph) and hand them to `f`.
pub(crate) fn with_node_link<R>(
    g: &Graph,
    o: ExportOptions,
    f: impl FnOnce(&NodeLink<'_>) -> R,
) -> R {
    let (nodes, edges) = selected(g, o);
    let summary = g.summary(0);
    let keys = edge_keys(&edges);
    let data = NodeLink {
        directed: true,
        multigraph: true,
        graph: About {
            name: "vanban",
            documents_parsed: summary.documents_parsed,
            stubs: summary.stubs,
            diagnostics: g.diagnostics(),
        },
        nodes: nodes.iter().map(|n| NodeRecord::of(n, true)).collect(),
        edges: edges
            .iter()
            .zip(keys)
            .map(|(e, key)| EdgeRecord {
                source: e.source,
                target: e.target,
                key,
                attrs: EdgeAttrs::of(e),
            })
            .collect(),
    };
    f(&data)
}
