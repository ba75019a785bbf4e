//! A Cypher script for Neo4j.

use std::fmt::Write as _;

use serde_json::{json, Value};
use vanban_graph::{EdgeKind, Graph, NodeKind};

use super::records::{edge_attrs, node_attrs};
use super::{quoted, selected, ExportOptions};

/// A Cypher literal for a JSON value.
fn cypher_value(v: &Value) -> String {
    match v {
        Value::String(s) => quoted(s, '\''),
        Value::Null => "null".to_owned(),
        other => other.to_string(),
    }
}

fn cypher_map(pairs: &[(String, Value)]) -> String {
    let inner: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}: {}", cypher_value(v)))
        .collect();
    format!("{{{}}}", inner.join(", "))
}

/// Rows per `UNWIND` statement.
const CYPHER_BATCH: usize = 500;

/// A Cypher script that loads the graph into Neo4j (`cypher-shell -f graph.cypher`): a
/// uniqueness constraint, nodes labelled `Node` plus `Document`, `Agency` or `Task`, and
/// relationships named after the edge type in upper case (`IMPLEMENTS`, `BASED_ON`,
/// `ISSUED_BY` …) with their evidence as properties; statements in batches of 500 rows.
pub fn cypher(g: &Graph, o: ExportOptions) -> String {
    let (nodes, edges) = selected(g, o);
    let mut s = String::new();
    s.push_str("// vanban graph for Neo4j: cypher-shell -f graph.cypher\n");
    s.push_str(
        "CREATE CONSTRAINT vanban_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;\n",
    );
    for kind in [NodeKind::Document, NodeKind::Agency, NodeKind::Task] {
        let rows: Vec<String> = nodes
            .iter()
            .filter(|n| n.kind == kind)
            .map(|n| {
                let mut pairs: Vec<(String, Value)> = vec![("id".to_owned(), json!(n.id))];
                pairs.extend(node_attrs(n));
                cypher_map(&pairs)
            })
            .collect();
        let label = match kind {
            NodeKind::Document => "Document",
            NodeKind::Agency => "Agency",
            NodeKind::Task => "Task",
        };
        for chunk in rows.chunks(CYPHER_BATCH) {
            let _ = writeln!(
                s,
                "UNWIND [\n  {}\n] AS row\nMERGE (n:Node {{id: row.id}}) SET n += row, n:{label};",
                chunk.join(",\n  ")
            );
        }
    }
    let mut by_kind: std::collections::BTreeMap<EdgeKind, Vec<String>> =
        std::collections::BTreeMap::new();
    for e in &edges {
        let mut pairs: Vec<(String, Value)> = vec![
            ("source".to_owned(), json!(e.source)),
            ("target".to_owned(), json!(e.target)),
        ];
        pairs.extend(edge_attrs(e).into_iter().filter(|(k, _)| k != "type"));
        by_kind.entry(e.kind).or_default().push(cypher_map(&pairs));
    }
    for (kind, rows) in by_kind {
        let rel = kind.as_str().to_uppercase();
        for chunk in rows.chunks(CYPHER_BATCH) {
            let _ = writeln!(
                s,
                "UNWIND [\n  {}\n] AS row\nMATCH (a:Node {{id: row.source}}), (b:Node {{id: row.target}})\nCREATE (a)-[r:{rel}]->(b) SET r += row;",
                chunk.join(",\n  ")
            );
        }
    }
    s
}
